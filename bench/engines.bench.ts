// Engines at scale (issue 13): a synthetic routing log as partitioned Parquet (one folder per day,
// outside git: EVALSPEC_BENCH_DIR or the system temp folder), reported through the DuckDB engine and
// through the ClickHouse engine (a MergeTree table filled by the server itself); the EvalSpec
// process's peak memory as rows grow 10×; and the 5M-row Parquet file through DuckDB against the
// built-in CSV path. Prints times and ratios, asserts nothing.
//
// The statistics query (the SQL the engine generates, taken with --show-sql's path) is set against
// the same engine's own count (metadata on Parquet and MergeTree: no column is read) and two real
// scans: one column, and the seven columns the report reads. Each figure is the best of
// EVALSPEC_BENCH_REPEAT runs (default 2), as wall time and as CPU time of the engine (DuckDB: this
// process; ClickHouse: the server process, from /proc): the machine is shared, and CPU time is what
// other load disturbs least.
// Sizes: EVALSPEC_BENCH_ROWS (default "1000000,10000000"; the 10M and 100M:
// EVALSPEC_BENCH_ROWS=10000000,100000000), EVALSPEC_BENCH_MID (5M comparison; 0 skips),
// EVALSPEC_BENCH_ENGINES (default "duckdb,clickhouse"), EVALSPEC_BENCH_DISTINCT (rows of a second log
// whose every confidence differs, as raw model scores do — the day p10 then needs a refinement; default
// 10,000,000; 0 skips).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEngine } from '../server/src/engines';
import { clickhouseAvailable, startClickHouse, type ClickHouseServer } from '../test/support/clickhouse';

const dir = process.env.EVALSPEC_BENCH_DIR ?? join(tmpdir(), 'evalspec-bench-engines');
const sizes = (process.env.EVALSPEC_BENCH_ROWS ?? '1000000,10000000').split(',').map(Number);
const mid = Number(process.env.EVALSPEC_BENCH_MID ?? 5_000_000);
const distinct = Number(process.env.EVALSPEC_BENCH_DISTINCT ?? 10_000_000);
const repeat = Math.max(1, Number(process.env.EVALSPEC_BENCH_REPEAT ?? 2));
const engines = (process.env.EVALSPEC_BENCH_ENGINES ?? 'duckdb,clickhouse').split(',');
const DAYS = 35;
const T0 = Date.UTC(2026, 8, 1);
/** The columns the routing report reads (a scan of them all is the floor of any exact report). */
const NEEDED = 'count(*), sum(confidence), max(time), max(tier), sum(cost), sum(quality), sum(quality_cheap), sum(quality_flagship)';
const OPTIONS = { ledger: [{ id: 'router-drift', detection: ['5m', '4h', '24h'] }] };

/** DuckDB SELECT producing n synthetic rows: a drifting tier mix, 3-decimal confidences (or, `raw`, all different), shadow sample. */
function duckRows(n: number, raw = false): string {
  const span = DAYS * 86_400_000;
  return `SELECT make_timestamp(CAST((${T0} + i * ${span / n}) * 1000 AS BIGINT)) AS time,
    CASE WHEN h < 0.70 - 0.1 * (i > ${Math.floor(n * 0.85)})::INT THEN 'cheap' WHEN h < 0.92 - 0.1 * (i > ${Math.floor(n * 0.85)})::INT THEN 'mid' ELSE 'flagship' END AS tier,
    ${raw ? '' : 'round('}0.3 + 0.7 * hash(i * 7) / 18446744073709551615.0${raw ? '' : ', 3)'} AS confidence,
    CASE WHEN h < 0.7 THEN 0.000192 WHEN h < 0.92 THEN 0.001024 ELSE 0.00768 END AS cost,
    CAST(hash(i * 11) % 10 < 8 AS INTEGER) AS quality,
    CASE WHEN hash(i * 13) % 20 = 0 THEN CAST(hash(i * 17) % 10 < 7 AS INTEGER) END AS quality_cheap,
    CASE WHEN hash(i * 13) % 20 = 0 THEN CAST(hash(i * 19) % 10 < 9 AS INTEGER) END AS quality_flagship
  FROM (SELECT i, hash(i) / 18446744073709551615.0 AS h FROM range(${n}) t(i))`;
}

type Duck = Awaited<ReturnType<typeof duck>>;
async function duck() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
  await db.run("SET TimeZone = 'UTC'");
  return db;
}

interface ChildRun {
  seconds: number;
  /** CPU seconds of the whole process (every thread), from process.cpuUsage at its end. */
  cpuSeconds: number;
  querySeconds: number;
  /** Loading @duckdb/node-api (native), inside `seconds`. */
  moduleSeconds: number;
  maxRssMiB: number;
  rows: number;
}

/** A whole EvalSpec report in its own process, best of `repeat` (peak RSS: the largest seen). */
function child(args: string[]): ChildRun {
  const runs = Array.from({ length: repeat }, () => childOnce(args));
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, cpuSeconds: Math.min(...runs.map((r) => r.cpuSeconds)), querySeconds: Math.min(...runs.map((r) => r.querySeconds)), maxRssMiB: Math.max(...runs.map((r) => r.maxRssMiB)) };
}

function childOnce(args: string[]): ChildRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'engineRun.ts'), ...args], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`engineRun ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

interface Timing {
  wall: number;
  cpu: number;
}

/** CPU seconds of a process (utime + stime from /proc, in clock ticks of 1/100 s). */
function processCpu(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** Best wall and best CPU time of `repeat` runs of f; cpu() reads the engine's CPU seconds so far. */
async function measure(f: () => Promise<unknown>, cpu: () => number): Promise<Timing> {
  const out = { wall: Infinity, cpu: Infinity };
  for (let i = 0; i < repeat; i++) {
    const c = cpu();
    const t = performance.now();
    await f();
    out.wall = Math.min(out.wall, (performance.now() - t) / 1000);
    out.cpu = Math.min(out.cpu, cpu() - c);
  }
  return out;
}

const selfCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** The statistics SQL the engine generates for a source (the --show-sql path: describe, no query). */
async function statisticsSql(src: Parameters<typeof runEngine>[0], specDir: string, password?: string): Promise<string> {
  const r = await runEngine(src, { specDir, workspaceRoot: specDir, options: OPTIONS, timeoutMs: 600_000, sqlOnly: true, credentials: { password: password ?? '' } });
  if (!r.ok) throw new Error(r.message);
  return r.sql;
}

type Row = string[];
// Two baselines, named for what they are: the engine's own count(*) (the literal target, ≤ 3×)
// reads Parquet or MergeTree metadata only, no row; a scan of the seven columns the report reads
// (count(*) and one aggregate per column) reads every row, the floor of any exact report.
const HEAD: Row = ['engine', 'rows', 'EvalSpec run (load + describe + query + report)', 'peak RSS of EvalSpec', 'statistics query wall / CPU', "engine's own count(*) wall (metadata only, reads no row)", 'own 1-column scan wall / CPU', 'own 7-column scan wall / CPU (reads every row the report reads)', "query ÷ own count(*) (wall; the issue's target ≤ 3)", 'query ÷ 1-column scan (wall / CPU)', 'query ÷ 7-column scan (wall / CPU; the honest baseline)', 'load average (1 min) after the row'];

/** The machine's 1-minute load average (2 cores here): the other work the timings shared the machine with. */
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;

const sec = (x: number): string => (x < 0.1 ? x.toFixed(3) : x.toFixed(2));

function row(engine: string, n: number, r: ChildRun, q: Timing, count: Timing, scan1: Timing, scan7: Timing): Row {
  const both = (t: Timing): string => `${sec(t.wall)} / ${sec(t.cpu)} s`;
  const ratio = (a: Timing, b: Timing): string => `${(a.wall / b.wall).toFixed(1)} / ${b.cpu > 0 ? (a.cpu / b.cpu).toFixed(1) : '–'}`;
  return [engine, n.toLocaleString('en-US'), `${sec(r.seconds)} s`, `${r.maxRssMiB.toFixed(0)} MiB`, both(q), `${sec(count.wall)} s`, both(scan1), both(scan7), (q.wall / count.wall).toFixed(1), ratio(q, scan1), ratio(q, scan7), load()];
}

async function duckdbRows(db: Duck, table: Row[]): Promise<void> {
  for (const n of sizes) await duckdbRow(db, table, n, false);
  if (distinct > 0) await duckdbRow(db, table, distinct, true);
}

/** One DuckDB row of the table: n rows as partitioned Parquet (generated once, kept), 3-decimal or `raw` confidences. */
async function duckdbRow(db: Duck, table: Row[], n: number, raw: boolean): Promise<void> {
  const out = join(dir, `routing-${raw ? 'raw-' : ''}${n}`);
  if (!existsSync(join(out, '.done'))) {
    rmSync(out, { recursive: true, force: true });
    const t = performance.now();
    await db.run(`COPY (SELECT *, strftime(time, '%Y-%m-%d') AS date FROM (${duckRows(n, raw)})) TO '${out}' (FORMAT parquet, PARTITION_BY (date))`);
    await db.run(`COPY (SELECT 1) TO '${join(out, '.done')}' (FORMAT csv)`);
    console.log(`generated ${n.toLocaleString('en-US')} rows as partitioned Parquet in ${((performance.now() - t) / 1000).toFixed(1)} s (${out})`);
  }
  const src = `read_parquet('${out}/date=*/*.parquet')`;
  const sql = await statisticsSql({ engine: 'duckdb', path: 'date=*/*.parquet' }, out);
  const q = await measure(() => db.runAndReadAll(sql), selfCpu);
  const count = await measure(() => db.runAndReadAll(`SELECT count(*) FROM ${src}`), selfCpu);
  const scan1 = await measure(() => db.runAndReadAll(`SELECT count(*), sum(confidence) FROM ${src}`), selfCpu);
  const scan7 = await measure(() => db.runAndReadAll(`SELECT ${NEEDED} FROM ${src}`), selfCpu);
  table.push(row(raw ? 'duckdb, every confidence differs' : 'duckdb', n, child(['duckdb', out, 'date=*/*.parquet']), q, count, scan1, scan7));
  console.log(table[table.length - 1]!.join(' | '));
}

async function fillClickHouse(ch: ClickHouseServer, n: number, loaded: number, tableName = 'routing', raw = false): Promise<void> {
  const span = DAYS * 86_400;
  const h = '(cityHash64(number) / 18446744073709551615.0)';
  const t = performance.now();
  await ch.query(`INSERT INTO ${tableName} SELECT toDateTime(${T0 / 1000} + intDiv(number * ${span}, ${n})) AS time,
    multiIf(${h} < 0.7, 'cheap', ${h} < 0.92, 'mid', 'flagship'), ${raw ? '' : 'round('}0.3 + 0.7 * (cityHash64(number * 7) / 18446744073709551615.0)${raw ? '' : ', 3)'},
    multiIf(${h} < 0.7, 0.000192, ${h} < 0.92, 0.001024, 0.00768), toFloat64(cityHash64(number * 11) % 10 < 8),
    if(cityHash64(number * 13) % 20 = 0, toFloat64(cityHash64(number * 17) % 10 < 7), NULL),
    if(cityHash64(number * 13) % 20 = 0, toFloat64(cityHash64(number * 19) % 10 < 9), NULL)
    FROM numbers(${n - loaded})`);
  // Merge the parts now, so background merges do not run during the timings.
  await ch.query(`OPTIMIZE TABLE ${tableName} FINAL`);
  console.log(`clickhouse: ${tableName} at ${n.toLocaleString('en-US')} rows (insert and merge ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

async function clickhouseRows(table: Row[]): Promise<void> {
  const ch = await startClickHouse();
  try {
    const columns = '(time DateTime, tier String, confidence Float64, cost Float64, quality Nullable(Float64), quality_cheap Nullable(Float64), quality_flagship Nullable(Float64)) ENGINE = MergeTree ORDER BY time';
    await ch.query(`CREATE TABLE routing ${columns}`);
    let loaded = 0;
    for (const n of sizes) {
      await fillClickHouse(ch, n, loaded);
      loaded = n;
      await clickhouseRow(ch, table, n, 'routing');
    }
    if (distinct > 0) {
      await ch.query(`CREATE TABLE routing_raw ${columns}`);
      await fillClickHouse(ch, distinct, 0, 'routing_raw', true);
      await clickhouseRow(ch, table, distinct, 'routing_raw');
    }
  } finally {
    ch.stop();
  }
}

async function clickhouseRow(ch: ClickHouseServer, table: Row[], n: number, name: string): Promise<void> {
  const cpu = (): number => processCpu(ch.pid);
  const sql = await statisticsSql({ engine: 'clickhouse', url: ch.url, table: name }, dir, ch.password);
  const q = await measure(() => ch.query(sql), cpu);
  const count = await measure(() => ch.query(`SELECT count() FROM ${name}`), cpu);
  const scan1 = await measure(() => ch.query(`SELECT count(), sum(confidence) FROM ${name}`), cpu);
  const scan7 = await measure(() => ch.query(`SELECT ${NEEDED.replace('count(*)', 'count()')} FROM ${name}`), cpu);
  table.push(row(name === 'routing' ? 'clickhouse' : 'clickhouse, every confidence differs', n, child(['clickhouse', ch.url, name, ch.password]), q, count, scan1, scan7));
  console.log(table[table.length - 1]!.join(' | '));
}

async function midRows(db: Duck, table: Row[]): Promise<void> {
  const pq = join(dir, `mid-${mid}.parquet`);
  const csv = join(dir, `mid-${mid}.csv`);
  if (!existsSync(csv)) {
    await db.run(`COPY (${duckRows(mid)}) TO '${pq}' (FORMAT parquet)`);
    await db.run(`COPY (SELECT strftime(time, '%Y-%m-%dT%H:%M:%S.%gZ') AS time, * EXCLUDE (time) FROM read_parquet('${pq}')) TO '${csv}' (FORMAT csv, HEADER)`);
  }
  const d = child(['duckdb', dir, `mid-${mid}.parquet`]);
  const b = child(['builtin', dir, `mid-${mid}.csv`]);
  const blank = (k: number): string[] => Array.from({ length: k }, () => '');
  table.push(['duckdb, one Parquet file', mid.toLocaleString('en-US'), `${sec(d.seconds)} s (CPU ${sec(d.cpuSeconds)} s)`, `${d.maxRssMiB.toFixed(0)} MiB`, `${sec(d.querySeconds)} s (wall, in the run; module load ${sec(d.moduleSeconds)} s)`, ...blank(6), load()]);
  table.push(['built-in reader, CSV', mid.toLocaleString('en-US'), `${sec(b.seconds)} s (CPU ${sec(b.cpuSeconds)} s)`, `${b.maxRssMiB.toFixed(0)} MiB`, ...blank(6), `DuckDB Parquet run ÷ built-in CSV run = ${(d.seconds / b.seconds).toFixed(2)} wall, ${(d.cpuSeconds / b.cpuSeconds).toFixed(2)} CPU`, load()]);
}

(async () => {
  mkdirSync(dir, { recursive: true });
  const db = await duck();
  const table: Row[] = [HEAD];
  console.log(`machine load average at the start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores here)`);
  if (engines.includes('duckdb')) await duckdbRows(db, table);
  if (!engines.includes('clickhouse')) console.log('ClickHouse rows skipped (EVALSPEC_BENCH_ENGINES)');
  else if (clickhouseAvailable()) await clickhouseRows(table);
  else console.log('clickhouse-server not installed: ClickHouse rows skipped');
  if (mid > 0) await midRows(db, table);
  console.log(`\nmachine load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores here)`);
  console.log('\n| ' + table[0]!.join(' | ') + ' |\n|' + table[0]!.map(() => '---').join('|') + '|');
  for (const r of table.slice(1)) console.log('| ' + r.join(' | ') + ' |');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
