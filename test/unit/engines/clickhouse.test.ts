// The ClickHouse engine against a real server (Debian's clickhouse-server 18.16, started here on
// 127.0.0.1 with its own config, data folder and ports; .ci/run installs it). The report from a table
// equals the built-in reader's on the example log: counts and alerts exactly, money exactly, floats
// within 1e-12. Bad input — unreachable server, wrong password, missing table or column, a query
// over the time bound — each gives its own diagnostic on the spec field to fix, and nothing hangs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeSpec, defaultSettings } from '../../../server/src/core';
import { RoutingAccumulator, routingReportFromFile, type RoutingReport } from '../../../server/src/core/reports';
import { readTable, ROUTING_SCHEMA } from '../../../server/src/core/data';
import { dataDiagnostics } from '../../../server/src/data/dataDiagnostics';
import { dataTargets, targetRange } from '../../../server/src/data/dataJob';
import { DataReportService } from '../../../server/src/data/dataReports';
import { runEngine, type EngineRun, type EngineSource } from '../../../server/src/engines';
import { clickhouseAvailable, startClickHouse, type ClickHouseServer } from '../../support/clickhouse';
import { assertSameReport } from '../reports/compareReports';
import { EDGE_HEADER, TIME_TEXTS, edgeCsv, edgeTextRows, edgeTypedRows, numberText } from './edgeRows';
import { REFINE_ROWS, refineClickHouseSelect, refineCsv } from './refineRows';
import { textTimeSql } from '../../../server/src/core/reports/sql/routingSql';
import { parseTimeText } from '../../../server/src/core/data/parseCell';

const root = join(__dirname, '..', '..', '..');
const examples = join(root, 'examples');
const options = { ledger: [{ id: 'router-drift', detection: ['5m', '4h', '24h'] }] };
// CI installs the server; elsewhere the suite is skipped when the package is absent, never silently in CI.
const skip = !clickhouseAvailable() && process.env.CI !== 'true' ? 'clickhouse-server is not installed (.ci/run installs it)' : false;

describe('clickhouse engine', { skip }, () => {
  let ch: ClickHouseServer;
  let csvReport: RoutingReport;
  const run = (extra: Partial<EngineRun> = {}): EngineRun => ({ specDir: examples, workspaceRoot: examples, options, timeoutMs: 60_000, credentials: { password: ch.password }, ...extra });
  const src = (table: string): EngineSource => ({ engine: 'clickhouse', url: ch.url, table });

  before(async () => {
    ch = await startClickHouse();
    const r = await routingReportFromFile('data/routing.csv', { workspaceRoot: examples }, options);
    assert.ok(r.ok && r.report.defined);
    csvReport = r.report.value;
    await ch.query('CREATE TABLE routing (time String, tier String, confidence Float64, cost Float64, quality Nullable(Float64), quality_cheap Nullable(Float64), quality_flagship Nullable(Float64)) ENGINE = MergeTree ORDER BY tuple()');
    const csv = readFileSync(join(examples, 'data', 'routing.csv'), 'utf8').split('\n').slice(1).filter((l) => l !== '');
    const body = csv.map((l) => l.split(',').map((c) => (c === '' ? '\\N' : c)).join(',')).join('\n');
    await ch.query('INSERT INTO routing FORMAT CSV', body);
    await ch.query('CREATE TABLE routing_typed ENGINE = MergeTree ORDER BY t AS SELECT parseDateTimeBestEffort(time) AS t, tier AS served_by, confidence, cost, quality, quality_cheap, quality_flagship FROM routing');
    await ch.query('CREATE VIEW routing_slow AS SELECT * FROM routing WHERE sleepEachRow(0.0001) = 0');
  });
  after(() => ch?.stop());

  /** The built-in reader on `csv` and ClickHouse on `table`: same rows, same bad rows, same report. */
  async function sameAsBuiltin(csv: string, table: string, minBad: number): Promise<[number, number]> {
    const dir = mkdtempSync(join(tmpdir(), 'evalspec-ch-edge-'));
    try {
      writeFileSync(join(dir, 'edge.csv'), csv);
      const b = await routingReportFromFile('edge.csv', { workspaceRoot: dir }, options);
      assert.ok(b.ok && b.report.defined, b.ok ? '' : b.message);
      assert.ok(b.file.badRows.count >= minBad, `bad rows ${b.file.badRows.count}`);
      const r = await runEngine(src(table), run());
      assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
      assert.equal(r.rows, b.file.rows);
      assert.equal(r.badRows, b.file.badRows.count);
      assertSameReport(r.report.value, b.report.value);
      // the time rule: the first and last time are the built-in reader's doubles, sub-millisecond digits included
      const acc = new RoutingAccumulator(options);
      assert.ok((await readTable('edge.csv', ROUTING_SCHEMA, undefined, (x) => acc.add(x), { workspaceRoot: dir })).ok);
      const s = acc.statistics();
      assert.deepEqual([r.firstTime, r.lastTime], [s.minT, s.maxT]);
      return [s.minT, s.maxT];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // Text times are computed from their digits (not with 18.16's DateTime, which holds no time before
  // 1970): the String table holds the same edge rows as duckdb.test.ts, from 1969-12-31 22:00.
  it('edge rows in String columns give the built-in report: times before 1970, Unix seconds and near-miss time texts, invalid rows, non-finite and non-decimal numbers, step boundaries', async () => {
    const o = { start: Date.UTC(1969, 11, 31, 22) };
    await ch.query('CREATE TABLE edge_text (time String, tier String, confidence String, cost String, quality Nullable(String), quality_cheap Nullable(String), quality_flagship Nullable(String)) ENGINE = MergeTree ORDER BY tuple()');
    await ch.query('INSERT INTO edge_text FORMAT TabSeparated', `${edgeTextRows(o).map((r) => r.join('\t')).join('\n')}\n`);
    const [first, last] = await sameAsBuiltin(edgeCsv(o), 'edge_text', 350 + 20);
    assert.ok(first % 1 !== 0 && last % 1 !== 0, `sub-ms first and last times: ${first}, ${last}`);
  });

  it('a day p10 in a confidence bucket of several values is refined to the built-in reader\'s exact value (raw scores, a 2⁻⁶²-wide cluster, a 0.0001 grid)', async () => {
    await ch.query(`CREATE TABLE refine ENGINE = MergeTree ORDER BY tuple() AS ${refineClickHouseSelect()}`);
    const dir = mkdtempSync(join(tmpdir(), 'evalspec-ch-refine-'));
    try {
      writeFileSync(join(dir, 'refine.csv'), refineCsv());
      const b = await routingReportFromFile('refine.csv', { workspaceRoot: dir }, options);
      assert.ok(b.ok && b.report.defined, b.ok ? '' : b.message);
      const r = await runEngine(src('refine'), run());
      assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
      assert.equal(r.rows, REFINE_ROWS);
      assert.equal(r.refinements, 3);
      assert.deepEqual(r.report.value.daily.map((d) => d.p10), b.report.value.daily.map((d) => d.p10), 'the p10 of every day, digit for digit');
      assertSameReport(r.report.value, b.report.value);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a table without the shadow columns gives the built-in report (no sweep key)', async () => {
    await ch.query('CREATE TABLE routing_bare ENGINE = MergeTree ORDER BY tuple() AS SELECT time, tier, confidence, cost, quality FROM routing');
    const dir = mkdtempSync(join(tmpdir(), 'evalspec-ch-bare-'));
    try {
      const csv = readFileSync(join(examples, 'data', 'routing.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(0, 5).join(',')).join('\n');
      writeFileSync(join(dir, 'bare.csv'), csv);
      const b = await routingReportFromFile('bare.csv', { workspaceRoot: dir }, options);
      assert.ok(b.ok && b.report.defined, b.ok ? '' : b.message);
      const r = await runEngine(src('routing_bare'), run());
      assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
      assert.equal(r.rows, 60_485);
      assertSameReport(r.report.value, b.report.value);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('text times: every form of the built-in grammar and its near misses give the built-in reader\'s epoch ms (or none), the same double', async () => {
    const list = TIME_TEXTS.map((t) => `'${t}'`).join(', ');
    const out = await ch.query(`SELECT i, ${textTimeSql('clickhouse', 's')} AS t FROM (SELECT arrayJoin(arrayEnumerate([${list}])) AS i, [${list}][i] AS s) ORDER BY i FORMAT TSV`);
    const rows = out.trim().split('\n').map((l) => l.split('\t'));
    assert.equal(rows.length, TIME_TEXTS.length);
    for (const [i, t] of rows) {
      const want = parseTimeText(TIME_TEXTS[Number(i) - 1]!);
      assert.equal(t === '\\N' ? null : Number(t), Number.isNaN(want) ? null : want, JSON.stringify(TIME_TEXTS[Number(i) - 1]));
    }
  });

  // A DateTime column holds 1970–2106 only: the typed rows start in 2026.
  it('typed edge rows (Float64 columns with inf, -inf and nan in every number column) give the built-in report', async () => {
    const rows = edgeTypedRows(Date.UTC(2026, 0, 1, 23));
    await ch.query('CREATE TABLE edge_typed (time DateTime, tier String, confidence Float64, cost Float64, quality Nullable(Float64), quality_cheap Nullable(Float64), quality_flagship Nullable(Float64)) ENGINE = MergeTree ORDER BY time');
    const tsv = rows.map(([t, tier, ...n]) => [new Date(t).toISOString().slice(0, 19).replace('T', ' '), tier, ...n.map((v) => numberText(v, '\\N'))].join('\t'));
    await ch.query('INSERT INTO edge_typed FORMAT TabSeparated', `${tsv.join('\n')}\n`);
    const csv = rows.map(([t, tier, ...n]) => [new Date(t).toISOString(), tier, ...n.map((v) => numberText(v, ''))].join(','));
    await sameAsBuiltin(`${[EDGE_HEADER.join(','), ...csv].join('\n')}\n`, 'edge_typed', 15);
  });

  it('a table of strings gives the built-in report', async () => {
    const r = await runEngine(src('routing'), run());
    assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
    assert.equal(r.rows, 60_485);
    assert.ok(r.report.value.alerts.every((a) => a.first !== null));
    assertSameReport(r.report.value, csvReport);
  });

  it('a typed table (DateTime, renamed tier column) gives the built-in report', async () => {
    const r = await runEngine(src('default.routing_typed'), run({ columns: { time: 't', tier: 'served_by' } }));
    assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
    assertSameReport(r.report.value, csvReport);
  });

  const bad: [string, () => ReturnType<typeof runEngine>, string, string][] = [
    ['an unreachable server', () => runEngine({ engine: 'clickhouse', url: 'http://127.0.0.1:1', table: 'routing' }, run()), 'engine-unreachable', 'url'],
    ['a wrong password', () => runEngine(src('routing'), run({ credentials: { password: 'wrong' } })), 'engine-auth-failed', 'user'],
    ['a missing table', () => runEngine(src('no_such_table'), run()), 'engine-missing-table', 'table'],
    ['a missing column', () => runEngine(src('routing_typed'), run()), 'engine-missing-column', 'table'],
    ['a query over the time bound', () => runEngine(src('routing_slow'), run({ timeoutMs: 1500 })), 'engine-timeout', 'engine'],
  ];
  for (const [what, go, code, field] of bad) {
    it(`${what} is ${code} on ${field}`, async () => {
      const r = await go();
      assert.ok(!r.ok, 'must fail');
      assert.deepEqual([r.code, r.field], [code, field], r.message);
    });
  }

  it('through the data layer: the spec gets the panel of the CSV, a second ask hits the cache, errors land on the field', async () => {
    const spec = readFileSync(join(examples, 'support-chat.evalspec.yaml'), 'utf8');
    const specFor = (table: string) => spec.replace('  results: data/routing.csv', `  results:\n    engine: clickhouse\n    url: ${ch.url}\n    table: ${table}`);
    const service = new DataReportService();
    const job = (text: string) => {
      const model = analyzeSpec(text).model!;
      const t = dataTargets(model).find((x) => x.kind === 'routing')!;
      return { t, job: { kind: 'routing' as const, specPath: join(examples, 'x.evalspec.yaml'), dataPath: t.path, model, settings: defaultSettings, workspaceRoots: [examples], credentials: { password: ch.password } } };
    };
    const csv = job(spec);
    const viaCsv = await service.report(csv.job);
    const good = job(specFor('routing'));
    const p1 = service.report(good.job);
    const viaCh = await p1;
    assert.ok('report' in viaCsv && 'report' in viaCh, JSON.stringify(viaCh).slice(0, 300));
    assert.equal(viaCh.report.source.format, 'clickhouse');
    assertSameReport({ ...viaCh.report, source: null }, { ...viaCsv.report, source: null });
    assert.equal(await service.report(good.job), viaCh, 'unchanged table (row count, latest time): the cached report');
    const missing = job(specFor('nope'));
    const r = await service.report(missing.job);
    const d = dataDiagnostics(r, targetRange(missing.t, r));
    assert.equal(d.length, 1);
    assert.equal(d[0]!.code, 'engine-missing-table');
    const tableLine = specFor('nope').split('\n').findIndex((l) => l.trim() === 'table: nope');
    assert.equal(d[0]!.range.start.line, tableLine, 'the diagnostic is on the table: value');
  });
});
