// Engine sources as plain data (sent to the report worker), and what running one gives back.
import type { RoutingReportOptions } from '../core/reports';
import type { RoutingReport } from '../core/reports';
import type { Defined } from '../core/types';

export type EngineSource =
  | { engine: 'duckdb'; path: string }
  | { engine: 'clickhouse'; url: string; table: string; database?: string; user?: string };

/** Spec fields an engine error points at (the diagnostic goes on that field's value). */
export type EngineField = 'engine' | 'path' | 'url' | 'table' | 'database' | 'user' | 'columns';

export interface EngineError {
  ok: false;
  /** Stable diagnostic code (docs/rules.md). */
  code: string;
  message: string;
  field: EngineField;
}

export interface EngineRun {
  /** Folder of the spec (relative paths) and the workspace folder every file must lie in. */
  specDir: string;
  workspaceRoot: string;
  columns?: Record<string, string>;
  options: RoutingReportOptions;
  signal?: AbortSignal;
  /** Longest a query may run, ms. */
  timeoutMs: number;
  /** Most memory DuckDB may hold before it spills to a private temporary folder (default 1024 MiB). */
  memoryLimitMiB?: number;
  /** Rows scanned so far (when the engine reports it) and the fraction done (or NaN). */
  onProgress?: (rowsScanned: number, fraction: number) => void;
  /** ClickHouse user and password (never from the spec). */
  credentials?: { user?: string; password?: string };
  /** Stop once the SQL is generated (the source is described, the statistics query is not run): `--show-sql`. */
  sqlOnly?: boolean;
  /** Load DuckDB from this folder (a `npm install @duckdb/node-api` there) before the usual lookup. */
  duckdbModulePath?: string;
}

export interface EngineResult {
  ok: true;
  engine: 'duckdb' | 'clickhouse';
  /** What was scanned, for the panel's source line: files or table. */
  label: string;
  sql: string;
  rows: number;
  badRows: number;
  /** Bytes of the files (duckdb) or 0. */
  bytes: number;
  report: Defined<RoutingReport>;
  /** The whole run (loading the engine, describing the source, the query, the report), and the statistics query alone. */
  seconds: number;
  querySeconds: number;
  /** The first and last time of the valid rows, epoch ms by the time rule (the built-in reader's doubles); ±Infinity when none. */
  firstTime: number;
  lastTime: number;
  /** Refinement statements run after the statistics statement (0 when every day's p10 ranks were exact at once; refineSql.ts). */
  refinements: number;
}

export const ENGINE_CODES = {
  invalid: 'engine-source-invalid',
  unavailable: 'engine-unavailable',
  unreachable: 'engine-unreachable',
  auth: 'engine-auth-failed',
  missingTable: 'engine-missing-table',
  missingColumn: 'engine-missing-column',
  timeout: 'engine-timeout',
  failed: 'engine-query-failed',
} as const;

export function engineError(code: string, field: EngineField, message: string): EngineError {
  return { ok: false, code, message, field };
}
