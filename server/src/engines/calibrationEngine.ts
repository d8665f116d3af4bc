// The calibration report through an engine (the same engine choice as the routing report). A
// calibration set is small and its statistics are the rows themselves (judge score, labels,
// confidence, cohort, month, batch), so the engine selects those columns and every row goes through
// the built-in readers' checks (core/data rowsTable) into the same collector: the report equals the
// built-in reader's. CSV cells are read as text (all_varchar) and JSON Lines values as their JSON text
// (parsed here), so the built-in rules parse them; numeric Parquet columns arrive as doubles.
import { calibrationReport, calibrationSchema, CalibrationCollector, type CalibrationReport, type CalibrationReportOptions } from '../core/reports';
import { rowsTable, rowsTableColumns, type RowsTableResult } from '../core/data';
import type { Defined } from '../core/types';
import { quoteIdent, quoteString } from '../core/reports/sql/routingSql';
import { boundRun, client, clickhouseError, clickhouseTarget, split, type ClickHouseSource } from './clickhouseEngine';
import { columnTypeClass } from './columnTypes';
import { duckdbDescribe, duckdbSource, withDuckDB } from './duckdbEngine';
import { ENGINE_CODES, engineError, type EngineError, type EngineRun, type EngineSource } from './engineTypes';

/** Most rows a calibration set read through an engine may have (it is held row by row). */
export const MAX_CALIBRATION_ROWS = 2_000_000;

export interface CalibrationEngineResult {
  ok: true;
  engine: 'duckdb' | 'clickhouse';
  label: string;
  table: RowsTableResult;
  bytes: number;
  report: Extract<Defined<CalibrationReport>, { defined: true }>;
  seconds: number;
}

type Selected = { headers: (string | null)[]; found: Record<string, string | null>; select: string[] } | EngineError;

/** The columns to select, each converted by its type (numbers as doubles, anything else as text). */
function selection(names: string[], types: string[], run: EngineRun, options: CalibrationReportOptions, where: string, field: 'path' | 'table', cast: (name: string, numeric: boolean) => string): Selected {
  const cols = rowsTableColumns(calibrationSchema(options.labelSet), names, run.columns);
  if ('ok' in cols) return engineError(ENGINE_CODES.missingColumn, field, `${where}: ${cols.message}`);
  const select = cols.headers.filter((h): h is string => h !== null).map((h) => cast(h, columnTypeClass(types[names.indexOf(h)] ?? '') === 'number'));
  return { ...cols, select };
}

function finish(engine: 'duckdb' | 'clickhouse', label: string, sel: Exclude<Selected, EngineError>, rows: Iterable<readonly unknown[]>, bytes: number, options: CalibrationReportOptions, started: number): CalibrationEngineResult | EngineError {
  const data = new CalibrationCollector(options.labelSet);
  const table = rowsTable(calibrationSchema(options.labelSet), sel.headers, rows, (b) => data.add(b), sel.found);
  const report = calibrationReport(data, options);
  if (!report.defined) return engineError(ENGINE_CODES.invalid, engine === 'duckdb' ? 'path' : 'table', `no calibration report can be computed from ${label}: ${report.reason}`);
  return { ok: true, engine, label, table, bytes, report, seconds: (Date.now() - started) / 1000 };
}

const tooMany = (label: string, field: 'path' | 'table'): EngineError => engineError(ENGINE_CODES.invalid, field, `${label} has more than ${MAX_CALIBRATION_ROWS.toLocaleString('en-US')} rows: a calibration set is a labelled sample, not a log`);

async function duckdbCalibration(pattern: string, run: EngineRun, options: CalibrationReportOptions, started: number): Promise<CalibrationEngineResult | EngineError> {
  return withDuckDB<CalibrationEngineResult>(pattern, run, async ({ conn, files, check }) => {
    const d = await duckdbDescribe(conn, duckdbSource(files, { allText: true }));
    // JSON Lines: each key as its JSON text, parsed here, so a value reaches the checks as the built-in
    // JSON Lines reader sees it (read_json's inferred types would turn "007" into 7 or an ISO time into
    // a TIMESTAMP's text). CSV: cells as text; Parquet: numbers as doubles, anything else as text.
    const json = files.reader === 'read_json';
    const source = duckdbSource(files, json ? { jsonKeys: d.names } : { allText: true });
    const q = (n: string): string => quoteIdent('duckdb', n);
    const sel = selection(d.names, d.types, run, options, pattern, 'path', (n, numeric) => (json ? q(n) : numeric ? `TRY_CAST(${q(n)} AS DOUBLE)` : `CAST(${q(n)} AS VARCHAR)`));
    if ('ok' in sel) return sel;
    check();
    // One thread: the rows come back in file order (a parallel JSON scan was seen to reorder them), and
    // the bootstrap draws by row index. A calibration set is small.
    await conn.run('SET threads = 1');
    const reader = await conn.runAndReadAll(`SELECT ${sel.select.join(', ')} FROM ${source} LIMIT ${MAX_CALIBRATION_ROWS + 1}`);
    check();
    const got = reader.getRowsJS() as unknown[][];
    if (got.length > MAX_CALIBRATION_ROWS) return tooMany(pattern, 'path');
    const rows = json ? got.map((r) => r.map((v) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v))) : got;
    run.onProgress?.(rows.length, 1);
    return finish('duckdb', `${pattern} (${files.files.length} file${files.files.length === 1 ? '' : 's'})`, sel, rows, files.bytes, options, started);
  });
}

async function clickhouseCalibration(src: ClickHouseSource, run: EngineRun, options: CalibrationReportOptions, started: number): Promise<CalibrationEngineResult | EngineError> {
  const secs = Math.max(1, Math.ceil(run.timeoutMs / 1000));
  const ch = await client(src, run, { request_timeout: run.timeoutMs + 2000, clickhouse_settings: { max_execution_time: secs } });
  const bound = boundRun(run);
  const controller = bound.controller;
  const json = async <T>(query: string): Promise<T[]> => (await (await ch.query({ query, format: 'JSONEachRow', abort_signal: controller.signal })).json()) as T[];
  try {
    const { database, table } = split(src);
    const db = database ? quoteString('clickhouse', database) : 'currentDatabase()';
    const cols = await json<{ name: string; type: string }>(`SELECT name, type FROM system.columns WHERE database = ${db} AND table = ${quoteString('clickhouse', table)}`);
    if (cols.length === 0) return engineError(ENGINE_CODES.missingTable, 'table', `clickhouse at ${src.url} has no table ${database ? `${database}.` : ''}${table}`);
    const q = (n: string): string => quoteIdent('clickhouse', n);
    const sel = selection(cols.map((c) => c.name), cols.map((c) => c.type), run, options, `table ${src.table}`, 'table', (n, numeric) => (numeric ? `toFloat64(${q(n)})` : `toString(${q(n)})`));
    if ('ok' in sel) return sel;
    const got = await json<Record<string, unknown>>(`SELECT ${sel.select.map((e, i) => `${e} AS c${i}`).join(', ')} FROM ${clickhouseTarget(src)} LIMIT ${MAX_CALIBRATION_ROWS + 1}`);
    if (got.length > MAX_CALIBRATION_ROWS) return tooMany(src.table, 'table');
    run.onProgress?.(got.length, 1);
    const rows = got.map((r) => sel.select.map((_, i) => r[`c${i}`]));
    return finish('clickhouse', `${src.table} at ${src.url}`, sel, rows, 0, options, started);
  } catch (e) {
    return clickhouseError(e, src, run, bound.timedOut());
  } finally {
    bound.dispose();
    await ch.close().catch(() => undefined);
  }
}

export async function runCalibrationEngine(src: EngineSource, run: EngineRun, options: CalibrationReportOptions): Promise<CalibrationEngineResult | EngineError> {
  const started = Date.now();
  return src.engine === 'duckdb' ? duckdbCalibration(src.path, run, options, started) : clickhouseCalibration(src, run, options, started);
}
