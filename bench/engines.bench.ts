// Engines at scale (issue 13): a synthetic routing log as partitioned Parquet (one folder per day,
// outside git: EVALSPEC_BENCH_DIR or the system temp folder), reported through the DuckDB engine and
// through the ClickHouse engine (a MergeTree table filled by the server itself), against each
// engine's own count of the same data; the EvalSpec process's peak memory as rows grow 10×; and the
// 5M-row Parquet file through DuckDB against the built-in CSV path. Prints times and ratios, asserts
// nothing. Sizes: EVALSPEC_BENCH_ROWS (default "1000000,10000000"; the issue asks 10M and 100M when the
// machine allows), EVALSPEC_BENCH_MID (5M comparison; 0 skips).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickhouseAvailable, startClickHouse } from '../test/support/clickhouse';

const dir = process.env.EVALSPEC_BENCH_DIR ?? join(tmpdir(), 'evalspec-bench-engines');
const sizes = (process.env.EVALSPEC_BENCH_ROWS ?? '1000000,10000000').split(',').map(Number);
const mid = Number(process.env.EVALSPEC_BENCH_MID ?? 5_000_000);
const DAYS = 35;
const T0 = Date.UTC(2026, 8, 1);

/** DuckDB SELECT producing n synthetic rows: a drifting tier mix, 3-decimal confidences, shadow sample. */
function duckRows(n: number): string {
  const span = DAYS * 86_400_000;
  return `SELECT make_timestamp(CAST((${T0} + i * ${span / n}) * 1000 AS BIGINT)) AS time,
    CASE WHEN h < 0.70 - 0.1 * (i > ${Math.floor(n * 0.85)})::INT THEN 'cheap' WHEN h < 0.92 - 0.1 * (i > ${Math.floor(n * 0.85)})::INT THEN 'mid' ELSE 'flagship' END AS tier,
    round(0.3 + 0.7 * hash(i * 7) / 18446744073709551615.0, 3) AS confidence,
    CASE WHEN h < 0.7 THEN 0.000192 WHEN h < 0.92 THEN 0.001024 ELSE 0.00768 END AS cost,
    CAST(hash(i * 11) % 10 < 8 AS INTEGER) AS quality,
    CASE WHEN hash(i * 13) % 20 = 0 THEN CAST(hash(i * 17) % 10 < 7 AS INTEGER) END AS quality_cheap,
    CASE WHEN hash(i * 13) % 20 = 0 THEN CAST(hash(i * 19) % 10 < 9 AS INTEGER) END AS quality_flagship
  FROM (SELECT i, hash(i) / 18446744073709551615.0 AS h FROM range(${n}) t(i))`;
}

async function duck() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
  await db.run("SET TimeZone = 'UTC'");
  return db;
}

function child(args: string[]): { seconds: number; querySeconds: number; maxRssMiB: number; rows: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'engineRun.ts'), ...args], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`engineRun ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const v = await f();
  return [(performance.now() - t) / 1000, v];
}

(async () => {
  mkdirSync(dir, { recursive: true });
  const db = await duck();
  const table: string[][] = [['engine', 'rows', 'EvalSpec run (load engine + describe + query + report)', 'statistics query', 'own count', 'query × count', 'own scan (count + sum of a column)', 'query × scan', 'peak RSS of EvalSpec']];
  for (const n of sizes) {
    const out = join(dir, `routing-${n}`);
    if (!existsSync(join(out, '.done'))) {
      rmSync(out, { recursive: true, force: true });
      const [s] = await time(() => db.run(`COPY (SELECT *, strftime(time, '%Y-%m-%d') AS date FROM (${duckRows(n)})) TO '${out}' (FORMAT parquet, PARTITION_BY (date))`));
      await db.run(`COPY (SELECT 1) TO '${join(out, '.done')}' (FORMAT csv)`);
      console.log(`generated ${n.toLocaleString('en-US')} rows as partitioned Parquet in ${s.toFixed(1)} s (${out})`);
    }
    const glob = `${out}/date=*/*.parquet`;
    const [countS] = await time(() => db.runAndReadAll(`SELECT count(*) FROM read_parquet('${glob}')`));
    const [scanS] = await time(() => db.runAndReadAll(`SELECT count(*), sum(confidence) FROM read_parquet('${glob}')`));
    const r = child(['duckdb', out, 'date=*/*.parquet']);
    table.push(['duckdb', n.toLocaleString('en-US'), `${r.seconds.toFixed(2)} s`, `${r.querySeconds.toFixed(2)} s`, `${countS.toFixed(2)} s`, (r.querySeconds / countS).toFixed(1), `${scanS.toFixed(2)} s`, (r.querySeconds / scanS).toFixed(2), `${r.maxRssMiB.toFixed(0)} MiB`]);
    console.log(table[table.length - 1]!.join(' | '));
  }
  if (clickhouseAvailable()) {
    const ch = await startClickHouse();
    try {
      await ch.query('CREATE TABLE routing (time DateTime, tier String, confidence Float64, cost Float64, quality Nullable(Float64), quality_cheap Nullable(Float64), quality_flagship Nullable(Float64)) ENGINE = MergeTree ORDER BY time');
      let loaded = 0;
      for (const n of sizes) {
        const span = DAYS * 86_400;
        const h = '(cityHash64(number) / 18446744073709551615.0)';
        const [s] = await time(() => ch.query(`INSERT INTO routing SELECT toDateTime(${T0 / 1000} + intDiv(number * ${span}, ${n})) AS time,
          multiIf(${h} < 0.7, 'cheap', ${h} < 0.92, 'mid', 'flagship'), round(0.3 + 0.7 * (cityHash64(number * 7) / 18446744073709551615.0), 3),
          multiIf(${h} < 0.7, 0.000192, ${h} < 0.92, 0.001024, 0.00768), toFloat64(cityHash64(number * 11) % 10 < 8),
          if(cityHash64(number * 13) % 20 = 0, toFloat64(cityHash64(number * 17) % 10 < 7), NULL),
          if(cityHash64(number * 13) % 20 = 0, toFloat64(cityHash64(number * 19) % 10 < 9), NULL)
          FROM numbers(${n - loaded})`));
        loaded = n;
        console.log(`clickhouse: table at ${n.toLocaleString('en-US')} rows (insert ${s.toFixed(1)} s)`);
        const [countS] = await time(() => ch.query('SELECT count() FROM routing'));
        const [scanS] = await time(() => ch.query('SELECT count(), sum(confidence) FROM routing'));
        const r = child(['clickhouse', ch.url, 'routing', ch.password]);
        table.push(['clickhouse', n.toLocaleString('en-US'), `${r.seconds.toFixed(2)} s`, `${r.querySeconds.toFixed(2)} s`, `${countS.toFixed(3)} s`, (r.querySeconds / countS).toFixed(1), `${scanS.toFixed(2)} s`, (r.querySeconds / scanS).toFixed(2), `${r.maxRssMiB.toFixed(0)} MiB`]);
        console.log(table[table.length - 1]!.join(' | '));
      }
    } finally {
      ch.stop();
    }
  } else console.log('clickhouse-server not installed: ClickHouse rows skipped');
  if (mid > 0) {
    const pq = join(dir, `mid-${mid}.parquet`);
    const csv = join(dir, `mid-${mid}.csv`);
    if (!existsSync(csv)) {
      await db.run(`COPY (${duckRows(mid)}) TO '${pq}' (FORMAT parquet)`);
      await db.run(`COPY (SELECT strftime(time, '%Y-%m-%dT%H:%M:%S.%gZ') AS time, * EXCLUDE (time) FROM read_parquet('${pq}')) TO '${csv}' (FORMAT csv, HEADER)`);
    }
    const d = child(['duckdb', dir, `mid-${mid}.parquet`]);
    const b = child(['builtin', dir, `mid-${mid}.csv`]);
    table.push(['duckdb, one Parquet file', mid.toLocaleString('en-US'), `${d.seconds.toFixed(2)} s`, `${d.querySeconds.toFixed(2)} s`, '', '', '', '', `${d.maxRssMiB.toFixed(0)} MiB`]);
    table.push(['built-in reader, CSV', mid.toLocaleString('en-US'), `${b.seconds.toFixed(2)} s`, '', '', '', '', `DuckDB Parquet run ÷ built-in CSV run = ${(d.seconds / b.seconds).toFixed(2)}`, `${b.maxRssMiB.toFixed(0)} MiB`]);
  }
  console.log('\n| ' + table[0]!.join(' | ') + ' |\n|' + table[0]!.map(() => '---').join('|') + '|');
  for (const row of table.slice(1)) console.log('| ' + row.join(' | ') + ' |');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
