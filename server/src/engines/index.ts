// Engines of the routing report besides the built-in reader: DuckDB embedded and ClickHouse over
// HTTP. Their libraries are loaded only when a spec names such a source (require / dynamic import),
// never at activation. The caller (server/src/data) enforces workspace trust before calling anything here.
import { clickhouseFingerprint, runClickHouse } from './clickhouseEngine';
import { duckdbFiles, runDuckDB } from './duckdbEngine';
import type { EngineError, EngineResult, EngineRun, EngineSource } from './engineTypes';

export * from './engineTypes';
export { engineSourceFromModel, engineSourceLabel } from './engineSource';

let progressSink: EngineRun['onProgress'];
let doneSink: ((r: EngineResult) => void) | undefined;

/** Where progress of every engine run in this process goes (CLI: stderr; report worker: the server). */
export function setEngineProgress(onProgress: EngineRun['onProgress'], onDone?: (r: EngineResult) => void): void {
  progressSink = onProgress;
  doneSink = onDone;
}

export async function runEngine(src: EngineSource, run: EngineRun): Promise<EngineResult | EngineError> {
  const r: EngineRun = run.onProgress || !progressSink ? run : { ...run, onProgress: progressSink };
  const out = src.engine === 'duckdb' ? await runDuckDB(src.path, r) : await runClickHouse(src, r);
  if (out.ok && !r.sqlOnly) doneSink?.(out);
  return out;
}

/** What a cached report of the source is valid for: file sizes and mtimes, or the table's row count and latest time (routing). */
export async function engineFingerprint(src: EngineSource, run: EngineRun, kind: 'routing' | 'calibration' = 'routing'): Promise<string | EngineError> {
  if (src.engine === 'duckdb') {
    const f = await duckdbFiles(src.path, run);
    return 'ok' in f ? f : `duckdb\0${f.fingerprint}`;
  }
  // A calibration table has no time column: its row count alone keys the cache.
  return clickhouseFingerprint(src, run, kind === 'routing' ? (run.columns?.time ?? 'time') : undefined);
}

/** The ClickHouse credentials from the environment (the editor passes its secret storage's instead). */
export function environmentCredentials(): { user?: string; password?: string } {
  const out: { user?: string; password?: string } = {};
  if (process.env.EVALSPEC_CLICKHOUSE_USER) out.user = process.env.EVALSPEC_CLICKHOUSE_USER;
  if (process.env.EVALSPEC_CLICKHOUSE_PASSWORD !== undefined) out.password = process.env.EVALSPEC_CLICKHOUSE_PASSWORD;
  return out;
}
export { runCalibrationEngine, MAX_CALIBRATION_ROWS, type CalibrationEngineResult } from './calibrationEngine';
