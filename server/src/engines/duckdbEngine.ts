// DuckDB embedded (@duckdb/node-api, a native module loaded only when a spec names a duckdb source):
// local CSV, JSON Lines or Parquet files, one file or a glob with hive partitions
// (logs/routing/date=*/*.parquet). The glob is expanded here, every file is checked to lie inside the
// workspace folder (after symlinks), and DuckDB gets the explicit list. One SQL statement
// (core/reports/sql) computes the report's sufficient statistics.
import { mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { routingReportFromStatistics } from '../core/reports';
import { RESULT_COLUMNS, quoteString, routingStatisticsSql, type RoutingSqlDescription } from '../core/reports/sql/routingSql';
import { routingRefineSql } from '../core/reports/sql/refineSql';
import { SqlStatisticsCollector, type SqlStatisticsRow } from '../core/reports/sql/statisticsFromRows';
import { describeColumns } from './columnTypes';
import { ENGINE_CODES, engineError, type EngineError, type EngineResult, type EngineRun } from './engineTypes';
import { listNames } from '../core/text/bounded';

const MAX_FILES = 100_000;

type DuckModule = typeof import('@duckdb/node-api');

/** Loads @duckdb/node-api: from `modulePath` / EVALSPEC_DUCKDB_MODULE first, then the usual lookup. */
export function loadDuckDB(modulePath?: string): DuckModule | EngineError {
  const dirs = [modulePath, process.env.EVALSPEC_DUCKDB_MODULE].filter((d): d is string => !!d);
  for (const d of dirs) {
    try {
      return createRequire(path.join(path.resolve(d), 'package.json'))('@duckdb/node-api') as DuckModule;
    } catch {
      /* try the next */
    }
  }
  try {
    return require('@duckdb/node-api') as DuckModule;
  } catch {
    return engineError(ENGINE_CODES.unavailable, 'engine', 'the duckdb engine is not installed: run `npm install @duckdb/node-api@1.5.6-r.1` in a folder and set evalspec.engines.duckdbModulePath (or EVALSPEC_DUCKDB_MODULE) to it (README, "Engines")');
  }
}

export interface DuckFiles {
  files: string[];
  bytes: number;
  /** Sizes and mtimes of every file: a cached report is valid while this is unchanged. */
  fingerprint: string;
  reader: 'read_csv' | 'read_json' | 'read_parquet';
}

/** Expands the path or glob inside the workspace folder. */
export async function duckdbFiles(pattern: string, run: Pick<EngineRun, 'specDir' | 'workspaceRoot'>): Promise<DuckFiles | EngineError> {
  const root = realpathSync(run.workspaceRoot);
  const matches = (await glob([pattern], { cwd: run.specDir, absolute: true, onlyFiles: true, followSymbolicLinks: true, expandDirectories: false })).sort();
  if (matches.length === 0) return engineError('data-file-missing', 'path', `${pattern} matches no file (relative to the spec's folder)`);
  if (matches.length > MAX_FILES) return engineError(ENGINE_CODES.invalid, 'path', `${pattern} matches ${matches.length} files, over ${MAX_FILES}; narrow the glob`);
  const exts = new Set(matches.map((f) => path.extname(f).toLowerCase()));
  if (exts.size !== 1) return engineError(ENGINE_CODES.invalid, 'path', `${pattern} matches files of several formats (${listNames([...exts], { clip: true })}); name one format`);
  const ext = [...exts][0]!;
  const reader = ext === '.parquet' ? 'read_parquet' : ext === '.csv' ? 'read_csv' : ext === '.jsonl' || ext === '.ndjson' || ext === '.json' ? 'read_json' : undefined;
  if (!reader) return engineError(ENGINE_CODES.invalid, 'path', `${pattern}: the duckdb engine reads .csv, .jsonl and .parquet files, not ${ext || 'files without an extension'}`);
  const files: string[] = [];
  const parts: string[] = [];
  let bytes = 0;
  for (const f of matches) {
    const real = realpathSync(f);
    const rel = path.relative(root, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return engineError('data-file-outside-workspace', 'path', `${path.relative(run.specDir, f)} lies outside the workspace folder (after symlinks); EvalSpec reads data only inside it`);
    const st = statSync(real);
    bytes += st.size;
    files.push(real);
    parts.push(`${real}\0${st.size}\0${st.mtimeMs}`);
  }
  return { files, bytes, fingerprint: parts.join('\n'), reader };
}

/** The FROM target: the reader over the explicit file list, hive partitions on. */
export function duckdbSource(f: Pick<DuckFiles, 'files' | 'reader'>, o: { allText?: boolean; jsonKeys?: readonly string[] } = {}): string {
  const list = `[${f.files.map((x) => quoteString('duckdb', x)).join(', ')}]`;
  // The first file's schema holds for all (a partitioned log is written by one job): sniffing every
  // CSV or JSON file (union_by_name) costs more than the scan itself. allText: CSV cells as text, so
  // the built-in rules parse them (the calibration rows). jsonKeys: those JSON keys as their JSON text
  // (type JSON), so the built-in rules read the values (the calibration rows); allText alone: read
  // every line to find the keys (sample_size = -1), for the DESCRIBE that lists them.
  const json = o.jsonKeys ? `, columns = {${o.jsonKeys.map((k) => `${quoteString('duckdb', k)}: 'JSON'`).join(', ')}}` : o.allText ? ', sample_size = -1' : '';
  const opts = f.reader === 'read_csv' ? `, header = true${o.allText ? ', all_varchar = true' : ''}` : f.reader === 'read_json' ? `, format = 'newline_delimited'${json}` : '';
  return `${f.reader}(${list}, hive_partitioning = true${opts})`;
}

export function sqlOnlyResult(engine: 'duckdb' | 'clickhouse', label: string, sql: string): EngineResult {
  return { ok: true, engine, label, sql, rows: 0, badRows: 0, bytes: 0, report: { defined: false, reason: 'not run (--show-sql)' }, seconds: 0, querySeconds: 0, firstTime: Infinity, lastTime: -Infinity, refinements: 0 };
}

type DuckInstance = Awaited<ReturnType<DuckModule['DuckDBInstance']['create']>>;
type DuckConnection = Awaited<ReturnType<DuckInstance['connect']>>;

/** What a DuckDB run's body gets: the connection (UTC), the files, and a check that throws once stopped. */
export interface DuckSession {
  conn: DuckConnection;
  files: DuckFiles;
  check(): void;
}

/**
 * Runs `body` on a fresh in-memory DuckDB over the files the pattern matches, bounded by the run's
 * time limit and abort signal (interrupts), reporting rows scanned while it polls; errors become
 * diagnostics on the source's fields.
 */
export async function withDuckDB<T>(pattern: string, run: EngineRun, body: (s: DuckSession) => Promise<T | EngineError>): Promise<T | EngineError> {
  const duck = loadDuckDB(run.duckdbModulePath);
  if ('ok' in duck) return duck;
  const files = await duckdbFiles(pattern, run);
  if ('ok' in files) return files;
  const { conn, close } = await openDuckDB(duck, run);
  // An interrupt only reaches a running statement: once stopped, keep interrupting until the run ends.
  let timedOut = false;
  let stopping: ReturnType<typeof setInterval> | undefined;
  const interrupt = (): void => {
    conn.interrupt();
    stopping ??= setInterval(() => conn.interrupt(), 20);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    interrupt();
  }, run.timeoutMs);
  run.signal?.addEventListener('abort', interrupt, { once: true });
  const check = (): void => {
    if (timedOut || run.signal?.aborted) throw new Error('interrupted');
  };
  // rows scanned only grow: a later statement of the run (a p10 refinement) starts its count again
  let scanned = 0;
  const poll = run.onProgress ? setInterval(() => {
    const p = conn.progress;
    if (!p || p.rows_processed === undefined || Number(p.rows_processed) < scanned) return;
    scanned = Number(p.rows_processed);
    run.onProgress!(scanned, p.percentage >= 0 ? p.percentage / 100 : Number.NaN);
  }, 250) : undefined;
  try {
    check();
    await conn.run("SET TimeZone = 'UTC'");
    return await body({ conn, files, check });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (timedOut) return engineError(ENGINE_CODES.timeout, 'engine', `the duckdb query over ${pattern} ran longer than ${run.timeoutMs / 1000} s and was stopped (evalspec.engines.timeoutSeconds)`);
    if (run.signal?.aborted) return engineError('cancelled', 'engine', 'cancelled');
    if (/out of memory/i.test(msg)) return engineError(ENGINE_CODES.failed, 'engine', `the duckdb query over ${pattern} needed more memory than evalspec.engines.memoryLimitMiB (${duckdbConfig(run, '').memory_limit}) allows, even writing to disk: ${msg.split('\n')[0]}`);
    return engineError(ENGINE_CODES.failed, 'path', `duckdb could not read ${pattern}: ${msg.split('\n')[0]}`);
  } finally {
    clearTimeout(timer);
    if (stopping) clearInterval(stopping);
    if (poll) clearInterval(poll);
    run.signal?.removeEventListener('abort', interrupt);
    close();
  }
}

/** A fresh in-memory instance with its own spill folder; `close` ends both. */
async function openDuckDB(duck: DuckModule, run: EngineRun): Promise<{ conn: DuckConnection; close: () => void }> {
  const spill = mkdtempSync(path.join(tmpdir(), 'evalspec-duckdb-'));
  const removeSpill = (): void => rmSync(spill, { recursive: true, force: true });
  let instance: DuckInstance | undefined;
  try {
    instance = await duck.DuckDBInstance.create(':memory:', duckdbConfig(run, spill));
    const conn = await instance.connect();
    const opened = instance;
    return {
      conn,
      close: () => {
        conn.closeSync();
        opened.closeSync();
        removeSpill();
      },
    };
  } catch (e) {
    instance?.closeSync();
    removeSpill();
    throw e;
  }
}

/**
 * The instance's settings. Memory is bounded: past `memoryLimitMiB` DuckDB spills its hash tables and
 * sorts to `spill`, a private folder removed after the run (a day histogram is as large as the day's
 * rows when every confidence differs: 10M such rows held ~2.4 GiB without a bound). The external
 * file cache is off: a report reads each file once, and the cache held ~1/16 of the Parquet bytes
 * (47 MiB at 100M rows), so the process grew with the log. Threads: DuckDB's default, one per core.
 */
export function duckdbConfig(run: Pick<EngineRun, 'memoryLimitMiB'>, spill: string): Record<string, string> {
  return {
    memory_limit: `${Math.round(run.memoryLimitMiB ?? 1024)}MiB`,
    temp_directory: spill,
    enable_external_file_cache: 'false',
  };
}

/** The source's columns and their engine types. */
export async function duckdbDescribe(conn: DuckConnection, source: string): Promise<{ names: string[]; types: string[] }> {
  const d = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
  const rows = d.getRowObjectsJson() as { column_name: string; column_type: string }[];
  return { names: rows.map((r) => r.column_name), types: rows.map((r) => r.column_type) };
}

/** Each row of a result given by columns (read ~2-3x faster than row objects: 30k rows ~80 vs ~200 ms). */
function forEachRow(names: readonly string[], columns: readonly (readonly unknown[])[], f: (r: SqlStatisticsRow) => void): void {
  const at = (name: string): readonly unknown[] => columns[names.indexOf(name)] ?? [];
  const [part, k, tier, n, cost, a, b, c, d, e] = RESULT_COLUMNS.map(at);
  const rows = part!.length;
  for (let i = 0; i < rows; i++) {
    f({ part: part![i] as string, k: k![i], tier: tier![i], n: n![i], cost: cost![i], a: a![i], b: b![i], c: c![i], d: d![i], e: e![i] });
  }
}

/** The statistics statement's result into a collector. */
export function collectColumns(stepMinutes: number, names: readonly string[], columns: readonly (readonly unknown[])[]): SqlStatisticsCollector {
  const collect = new SqlStatisticsCollector(stepMinutes);
  forEachRow(names, columns, (r) => collect.add(r));
  return collect;
}

/** Runs the refinement statements the collector asks for, until every day's p10 ranks are exact (refineSql.ts). */
async function refineDuckDB(conn: DuckConnection, desc: RoutingSqlDescription, collect: SqlStatisticsCollector, check: () => void): Promise<number> {
  let statements = 0;
  for (let next = collect.nextRefinement(); next; next = collect.nextRefinement(), statements++) {
    check();
    const reader = await conn.runAndReadAll(routingRefineSql(desc, next.level, next.targets));
    const rows: SqlStatisticsRow[] = [];
    forEachRow(reader.columnNames(), reader.getColumns(), (r) => rows.push(r));
    collect.refine(next.level, rows);
  }
  return statements;
}

export async function runDuckDB(pattern: string, run: EngineRun): Promise<EngineResult | EngineError> {
  const started = Date.now();
  return withDuckDB<EngineResult>(pattern, run, async ({ conn, files, check }) => {
    const source = duckdbSource(files);
    const d = await duckdbDescribe(conn, source);
    const columns = describeColumns(d.names, d.types, run.columns, pattern, 'path');
    if ('ok' in columns) return columns;
    check();
    const stepMinutes = run.options.stepMinutes ?? 5;
    const desc: RoutingSqlDescription = { dialect: 'duckdb', source, columns, stepMinutes };
    const sql = routingStatisticsSql(desc);
    if (run.sqlOnly) return sqlOnlyResult('duckdb', pattern, sql);
    const q0 = Date.now();
    const reader = await conn.runAndReadAll(sql);
    check();
    const collect = collectColumns(stepMinutes, reader.columnNames(), reader.getColumns());
    const refinements = await refineDuckDB(conn, desc, collect, check);
    const querySeconds = (Date.now() - q0) / 1000;
    const stats = collect.finish();
    run.onProgress?.(stats.rows + collect.badRows, 1);
    return { ok: true, engine: 'duckdb', label: `${pattern} (${files.files.length} file${files.files.length === 1 ? '' : 's'})`, sql, rows: stats.rows, badRows: collect.badRows, bytes: files.bytes, report: routingReportFromStatistics(stats, run.options), seconds: (Date.now() - started) / 1000, querySeconds, firstTime: stats.minT, lastTime: stats.maxT, refinements };
  });
}
