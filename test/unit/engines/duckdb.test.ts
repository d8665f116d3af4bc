// The DuckDB engine against the built-in reader on the example log: CSV, JSON Lines and Parquet,
// single files and hive-partitioned globs (written here, at test time, by DuckDB itself). Counts and
// alerts exactly, money exactly, floats within 1e-12 (assertSameReport). Bad input: a glob that
// matches nothing, a missing column, a file outside the workspace, a query over the time bound.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routingReportFromFile, type RoutingReport } from '../../../server/src/core/reports';
import { runEngine, type EngineRun } from '../../../server/src/engines';
import { duckdbDescribe, duckdbSource, withDuckDB } from '../../../server/src/engines/duckdbEngine';
import { describeColumns } from '../../../server/src/engines/columnTypes';
import { assertSameReport } from '../reports/compareReports';
import { TIME_TEXTS, edgeCsv, edgeTypedRows, numberText } from './edgeRows';
import { REFINE_ROWS, refineCsv } from './refineRows';
import { routingStatisticsSql, textTimeSql } from '../../../server/src/core/reports/sql/routingSql';
import { parseTimeText } from '../../../server/src/core/data/parseCell';
import { readTable, ROUTING_SCHEMA } from '../../../server/src/core/data';
import { RoutingAccumulator } from '../../../server/src/core/reports';

/** The built-in reader's first and last time of a file (its routing statistics). */
async function builtinTimes(file: string, dir: string): Promise<[number, number]> {
  const acc = new RoutingAccumulator(options);
  const r = await readTable(file, ROUTING_SCHEMA, undefined, (b) => acc.add(b), { workspaceRoot: dir });
  assert.ok(r.ok);
  const s = acc.statistics();
  return [s.minT, s.maxT];
}

const examples = join(__dirname, '..', '..', '..', 'examples');
const options = { ledger: [{ id: 'router-drift', detection: ['5m', '4h', '24h'] }] };

async function builtin(file: string): Promise<RoutingReport> {
  const r = await routingReportFromFile(file, { workspaceRoot: examples }, options);
  assert.ok(r.ok && r.report.defined);
  return r.report.value;
}

function run(dir: string, extra: Partial<EngineRun> = {}): EngineRun {
  return { specDir: dir, workspaceRoot: dir, options, timeoutMs: 60_000, ...extra };
}

describe('duckdb engine', () => {
  let dir = '';
  let csvReport: RoutingReport;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evalspec-duck-'));
    mkdirSync(join(dir, 'logs'));
    csvReport = await builtin('data/routing.csv');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run("SET TimeZone = 'UTC'");
    // Parquet by day (35 files); CSV by month (2 files: DuckDB checks every CSV file's dialect, slow per file)
    const src = `SELECT *, strftime(CAST("time" AS TIMESTAMP), '%Y-%m-%d') AS date, strftime(CAST("time" AS TIMESTAMP), '%Y-%m') AS month FROM read_csv('${join(examples, 'data', 'routing.csv')}', header = true, all_varchar = true)`;
    await db.run(`COPY (SELECT * EXCLUDE (month) FROM (${src})) TO '${join(dir, 'logs', 'pq')}' (FORMAT parquet, PARTITION_BY (date))`);
    await db.run(`COPY (SELECT * EXCLUDE (date) FROM (${src})) TO '${join(dir, 'logs', 'csv')}' (FORMAT csv, PARTITION_BY (month))`);
    db.closeSync();
    // JSON Lines partitions (DuckDB's COPY does not partition JSON): one file per day, numbers as numbers
    const [header, ...lines] = readFileSync(join(examples, 'data', 'routing.csv'), 'utf8').trim().split('\n');
    const keys = header!.split(',');
    const byDay = new Map<string, string[]>();
    for (const line of lines) {
      const cells = line.split(',');
      const o = Object.fromEntries(keys.map((k, i) => [k, k === 'time' || k === 'tier' ? cells[i] : cells[i] === '' ? null : Number(cells[i])]));
      const day = cells[0]!.slice(0, 7);
      let rows = byDay.get(day);
      if (!rows) byDay.set(day, (rows = []));
      rows.push(JSON.stringify(o));
    }
    for (const [day, rows] of byDay) {
      mkdirSync(join(dir, 'logs', 'js', `month=${day}`), { recursive: true });
      writeFileSync(join(dir, 'logs', 'js', `month=${day}`, 'part.jsonl'), `${rows.join('\n')}\n`);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const file of ['data/routing.csv', 'data/routing.parquet']) {
    it(`single file ${file} gives the built-in report`, async () => {
      const r = await runEngine({ engine: 'duckdb', path: file }, run(examples));
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.ok(r.report.defined);
      assert.equal(r.rows, 60_485);
      assert.ok(r.report.value.alerts.every((a) => a.first !== null), 'the example fires all three alerts');
      assertSameReport(r.report.value, csvReport);
    });
  }

  it('single file data/routing.jsonl gives the built-in report of the same file', async () => {
    const r = await runEngine({ engine: 'duckdb', path: 'data/routing.jsonl' }, run(examples));
    assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
    assertSameReport(r.report.value, await builtin('data/routing.jsonl'));
  });

  for (const [glob, files] of [['logs/pq/date=*/*.parquet', 35], ['logs/csv/month=*/*.csv', 2], ['logs/js/month=*/*.jsonl', 2]] as const) {
    it(`hive-partitioned ${glob} gives the built-in report of the whole log`, async () => {
      const r = await runEngine({ engine: 'duckdb', path: glob }, run(dir));
      assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
      assert.ok(r.label.endsWith(`(${files} files)`), r.label);
      assertSameReport(r.report.value, csvReport);
    });
  }

  /** The edge file through the built-in reader and through DuckDB: same rows, same bad rows, same report. */
  async function sameAsBuiltin(file: string, minBad: number): Promise<[number, number]> {
    const b = await routingReportFromFile(file, { workspaceRoot: dir }, options);
    assert.ok(b.ok && b.report.defined, b.ok ? '' : b.message);
    assert.ok(b.file.badRows.count >= minBad, `bad rows ${b.file.badRows.count}`);
    const r = await runEngine({ engine: 'duckdb', path: file }, run(dir));
    assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
    assert.equal(r.rows, b.file.rows);
    assert.equal(r.badRows, b.file.badRows.count);
    assertSameReport(r.report.value, b.report.value);
    // the time rule: the first and last time are the built-in reader's doubles, sub-millisecond digits included
    const times = await builtinTimes(file, dir);
    assert.deepEqual([r.firstTime, r.lastTime], times);
    return times;
  }

  it('edge rows give the built-in report: times before 1970 and on step boundaries, invalid rows, non-finite, non-decimal and sub-nano values', async () => {
    // The generated SQL keys steps and days by floor division and keeps validity and the shadow flag in
    // the keys' low bits: negative times, boundaries and every kind of invalid row must land where the
    // built-in reader puts them. One rule for numbers (edgeRows.ts): NaN, ±inf, "1e400", "inf", "0x10"
    // make the row bad, in a required or an optional column.
    writeFileSync(join(dir, 'edge.csv'), edgeCsv({ start: Date.UTC(1969, 11, 31, 22) }));
    const [first, last] = await sameAsBuiltin('edge.csv', 350 + 20);
    assert.ok(first % 1 !== 0 && last % 1 !== 0, `sub-ms first and last times: ${first}, ${last}`);
  });

  // Typed timestamps keep their microseconds (nanoseconds floored to them) by the time rule, before
  // 1970 too, as the built-in Parquet reader does: DuckDB's epoch_ms and a cast of TIMESTAMP_NS to
  // TIMESTAMP truncate toward zero, hyparquet's Date to whole ms.
  for (const [type, unit] of [['TIMESTAMP', 1000n], ['TIMESTAMP_NS', 1n], ['TIMESTAMP_MS', 1_000_000n], ['TIMESTAMPTZ', 1000n]] as const) {
    it(`typed ${type} times with sub-ms parts (Parquet) give the built-in reader's times and report`, async () => {
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const db = await (await DuckDBInstance.create(':memory:')).connect();
      await db.run("SET TimeZone = 'UTC'");
      const start = BigInt(Date.UTC(1969, 11, 31, 22)) * 1_000_000n; // ns
      const ns: bigint[] = [];
      for (let i = 0; i < 3000; i++) ns.push(start + BigInt(i) * 61_000_000_000n + BigInt((i * 7_919_123) % 1_000_000_000) - (i % 7 === 0 ? 1n : 0n));
      ns.push(start + 7_200_000_000_000n - 1n, start + 7_200_000_000_000n - 1000n, start + 7_200_000_000_000n - 999_999n, start + 7_200_000_000_000n + 1n);
      const values = ns.map((v, i) => `(${v / unit - (v % unit < 0n ? 1n : 0n)}, '${['cheap', 'mid', 'flagship'][i % 3]}', CAST('${(i % 1000) / 999}' AS DOUBLE), CAST('${0.0001 * (i % 7)}' AS DOUBLE))`);
      const time = type === 'TIMESTAMP_NS' ? 'make_timestamp_ns(v)' : type === 'TIMESTAMP_MS' ? 'CAST(make_timestamp(CAST(v AS BIGINT) * 1000) AS TIMESTAMP_MS)' : `CAST(make_timestamp(v) AS ${type})`;
      await db.run(`COPY (SELECT ${time} AS time, tier, confidence, cost FROM (VALUES ${values.join(', ')}) t(v, tier, confidence, cost)) TO '${join(dir, `typed-${type}.parquet`)}' (FORMAT parquet)`);
      db.closeSync();
      const [first, last] = await sameAsBuiltin(`typed-${type}.parquet`, 0);
      if (type !== 'TIMESTAMP_MS') assert.ok(first % 1 !== 0 || last % 1 !== 0, `sub-ms times: ${first}, ${last}`);
    });
  }

  // ISO texts in one layout are read by DuckDB's CSV reader as TIMESTAMP (its own parser, which drops
  // digits past the sixth): the typed path must give the built-in reader's text values. Its JSON
  // reader keeps them as text: the text path.
  for (const ext of ['csv', 'jsonl'] as const) {
    it(`ISO times with 4 to 9 fraction digits in a .${ext} file (DuckDB: TIMESTAMP from CSV, text from JSON) give the built-in reader's times and report`, async () => {
      const start = Date.UTC(1969, 11, 31, 22);
      const lines: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const ms = start + i * 61_000 + ((i * 7919) % 1000) - (i % 7 === 0 ? 1 : 0);
        const t = `${new Date(ms).toISOString().slice(0, -1)}${['9', '000999', '999999', '5', '123456789'][i % 5]}Z`;
        const cells = [t, ['cheap', 'mid', 'flagship'][i % 3]!, String(((i * 7919) % 1000) / 999), String(0.0001 * (i % 7))];
        lines.push(ext === 'csv' ? cells.join(',') : JSON.stringify({ time: cells[0], tier: cells[1], confidence: Number(cells[2]), cost: Number(cells[3]) }));
      }
      // 100 ns before the day boundary of 1970-01-01: whole microseconds keep it on 1969-12-31
      const last = ext === 'csv' ? '1969-12-31T23:59:59.9999999Z,mid,0.5,0.1' : JSON.stringify({ time: '1969-12-31T23:59:59.9999999Z', tier: 'mid', confidence: 0.5, cost: 0.1 });
      writeFileSync(join(dir, `iso.${ext}`), `${ext === 'csv' ? 'time,tier,confidence,cost\n' : ''}${[...lines, last].join('\n')}\n`);
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const db = await (await DuckDBInstance.create(':memory:')).connect();
      const d = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_${ext === 'csv' ? 'csv' : 'json'}('${join(dir, `iso.${ext}`)}')`)).getRowObjectsJson() as { column_name: string; column_type: string }[];
      db.closeSync();
      // DuckDB's CSV reader takes the column as TIMESTAMP (its own parser: the typed path); its JSON reader as text
      assert.match(d.find((c) => c.column_name === 'time')!.column_type, ext === 'csv' ? /^TIMESTAMP/ : /^VARCHAR$/);
      const [first, last2] = await sameAsBuiltin(`iso.${ext}`, 0);
      assert.ok(first % 1 !== 0 && last2 % 1 !== 0, `sub-ms times: ${first}, ${last2}`);
    });
  }

  it('typed edge rows (Parquet doubles with inf, -inf and NaN in every number column) give the built-in report', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const num = (v: number | null): string => (v === null ? 'NULL' : `CAST('${numberText(v, '')}' AS DOUBLE)`);
    const values = edgeTypedRows(Date.UTC(1969, 11, 31, 23)).map(([t, tier, ...n]) => `(make_timestamp(${t * 1000}), '${tier}', ${n.map(num).join(', ')})`);
    await db.run('CREATE TABLE e (time TIMESTAMP, tier VARCHAR, confidence DOUBLE, cost DOUBLE, quality DOUBLE, quality_cheap DOUBLE, quality_flagship DOUBLE)');
    await db.run(`INSERT INTO e VALUES ${values.join(', ')}`);
    await db.run(`COPY e TO '${join(dir, 'edge.parquet')}' (FORMAT parquet)`);
    db.closeSync();
    await sameAsBuiltin('edge.parquet', 15);
  });

  it('text times: every form of the built-in grammar and its near misses give the built-in reader\'s epoch ms (or none), the same double', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const values = TIME_TEXTS.map((t, i) => `(${i}, '${t}')`).join(', ');
    const rows = (await db.runAndReadAll(`SELECT i, ${textTimeSql('duckdb', 's')} AS t FROM (VALUES ${values}) v(i, s) ORDER BY i`)).getRowsJS();
    db.closeSync();
    assert.equal(rows.length, TIME_TEXTS.length);
    for (const [i, t] of rows) {
      const want = parseTimeText(TIME_TEXTS[Number(i)]!);
      assert.equal(t, Number.isNaN(want) ? null : want, JSON.stringify(TIME_TEXTS[Number(i)]));
    }
  });

  it('a day p10 in a confidence bucket of several values is refined to the built-in reader\'s exact value (raw scores, a 2⁻⁶²-wide cluster, a 0.0001 grid)', async () => {
    writeFileSync(join(dir, 'refine.csv'), refineCsv());
    const b = await routingReportFromFile('refine.csv', { workspaceRoot: dir }, options);
    assert.ok(b.ok && b.report.defined, b.ok ? '' : b.message);
    const r = await runEngine({ engine: 'duckdb', path: 'refine.csv' }, run(dir));
    assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
    assert.equal(r.rows, REFINE_ROWS);
    // levels 10 → 31 → 52 → the values: the cluster day needs all three
    assert.equal(r.refinements, 3);
    assert.deepEqual(r.report.value.daily.map((d) => d.p10), b.report.value.daily.map((d) => d.p10), 'the p10 of every day, digit for digit');
    assert.equal(new Set(r.report.value.daily.map((d) => d.p10.value)).size, 3);
    assertSameReport(r.report.value, b.report.value);
  });

  it('a log without the shadow columns gives the built-in report (no sweep key)', async () => {
    const csv = readFileSync(join(examples, 'data', 'routing.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(0, 5).join(',')).join('\n');
    writeFileSync(join(dir, 'bare.csv'), csv);
    const b = await routingReportFromFile('bare.csv', { workspaceRoot: dir }, options);
    assert.ok(b.ok && b.report.defined, b.ok ? '' : b.message);
    const r = await runEngine({ engine: 'duckdb', path: 'bare.csv' }, run(dir));
    assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
    assert.equal(r.rows, 60_485);
    assertSameReport(r.report.value, b.report.value);
  });

  it('a glob that matches nothing is a diagnostic on path', async () => {
    const r = await runEngine({ engine: 'duckdb', path: 'logs/none/*.parquet' }, run(dir));
    assert.ok(!r.ok);
    assert.deepEqual([r.code, r.field], ['data-file-missing', 'path']);
  });

  it('a missing column names it and the columns there are', async () => {
    const r = await runEngine({ engine: 'duckdb', path: 'logs/pq/date=*/*.parquet' }, run(dir, { columns: { confidence: 'router_conf' } }));
    assert.ok(!r.ok);
    assert.equal(r.code, 'engine-missing-column');
    assert.match(r.message, /"router_conf" \(confidence\).*its columns are time, tier, confidence/);
  });

  it('a file outside the workspace folder (through a symlink) is refused', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'evalspec-ws-'));
    try {
      symlinkSync(join(examples, 'data', 'routing.csv'), join(ws, 'routing.csv'));
      const r = await runEngine({ engine: 'duckdb', path: '*.csv' }, run(ws));
      assert.ok(!r.ok);
      assert.equal(r.code, 'data-file-outside-workspace');
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('a query over the time bound is stopped with engine-timeout', async () => {
    // a CSV large enough that no machine scans it within 1 ms
    const big = join(dir, 'big.csv');
    const lines = ['time,tier,confidence,cost'];
    for (let i = 0; i < 100_000; i++) lines.push(`2026-09-01T${String(Math.floor(i / 20000) % 24).padStart(2, '0')}:00:00Z,cheap,0.${i % 1000},0.0001`);
    writeFileSync(big, lines.join('\n'));
    const r = await runEngine({ engine: 'duckdb', path: 'big.csv' }, run(dir, { timeoutMs: 1 }));
    assert.ok(!r.ok);
    assert.deepEqual([r.code, r.field], ['engine-timeout', 'engine']);
  });

  it('holds at most memoryLimitMiB: a day histogram larger than that spills to a private folder, removed after the run', async () => {
    // 1M rows, one a minute, every confidence different: the (day, confidence) histogram has a group per row.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`COPY (SELECT to_timestamp(1788220800 + i * 60) AS time, 'cheap' AS tier, (i * 0.6180339887498949) % 1 AS confidence, 0.0001 AS cost FROM range(1000000) t(i)) TO '${join(dir, 'distinct.parquet')}' (FORMAT parquet)`);
    db.closeSync();
    const tmp = mkdtempSync(join(tmpdir(), 'evalspec-spill-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      // Not allowed to write to disk, 128 MiB is too little: the run needs the spill.
      const denied = await withDuckDB('distinct.parquet', run(dir, { memoryLimitMiB: 128 }), async ({ conn, files }) => {
        const settings = (await conn.runAndReadAll(`SELECT current_setting('memory_limit'), current_setting('temp_directory'), current_setting('enable_external_file_cache')`)).getRows()[0];
        assert.deepEqual(settings?.slice(0, 1), ['128.0 MiB']);
        assert.equal(String(settings?.[1]).startsWith(join(tmp, 'evalspec-duckdb-')), true, `spill folder ${String(settings?.[1])}`);
        assert.equal(settings?.[2], false);
        await conn.run("SET max_temp_directory_size = '0KiB'");
        const source = duckdbSource(files);
        const d = await duckdbDescribe(conn, source);
        const columns = describeColumns(d.names, d.types, undefined, 'distinct.parquet', 'path');
        assert.ok(!('ok' in columns));
        await conn.runAndReadAll(routingStatisticsSql({ dialect: 'duckdb', source, columns, stepMinutes: 5 }));
        return 'ran';
      });
      assert.ok(typeof denied !== 'string' && !denied.ok, 'the statement needs more than 128 MiB without a spill');
      assert.deepEqual([denied.code, denied.field], ['engine-query-failed', 'engine']);
      assert.match(denied.message, /evalspec\.engines\.memoryLimitMiB \(128MiB\)/);
      // With its spill folder the same bound is enough, and the report is the unbounded one.
      const bounded = await runEngine({ engine: 'duckdb', path: 'distinct.parquet' }, run(dir, { memoryLimitMiB: 128 }));
      const roomy = await runEngine({ engine: 'duckdb', path: 'distinct.parquet' }, run(dir, { memoryLimitMiB: 4096 }));
      assert.ok(bounded.ok && roomy.ok, bounded.ok ? '' : bounded.message);
      assert.equal(bounded.rows, 1_000_000);
      assert.deepEqual(bounded.report, roomy.report);
      assert.deepEqual(readdirSync(tmp), [], 'every spill folder is removed');
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a cancelled run stops and says so', async () => {
    const c = new AbortController();
    const p = runEngine({ engine: 'duckdb', path: 'logs/csv/month=*/*.csv' }, run(dir, { signal: c.signal }));
    c.abort();
    const r = await p;
    assert.ok(!r.ok ? r.code === 'cancelled' : true, 'an aborted run is cancelled or had already finished');
  });
});
