// What one report needs from a spec (the data path and the thresholds it is judged against), which
// workspace folder bounds it, and the identity of the file on disk (real path, mtime, size) that a
// cached report is valid for. Shared by the language server and the CLI.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { resolveDataFile } from '../core/data';
import type { EvalSpecModel, EvalSpecSettings, Range } from '../core';
import type { EngineSourceModel } from '../core/model/spec';
import { engineFingerprint, engineSourceFromModel, environmentCredentials, type EngineRun, type EngineSource } from '../engines';
import type { DataReportError } from '../protocol';
import { dataErrorDiagnosticCode } from './dataDiagnostics';
import type { ReportKind } from './panelModel';

export interface DataTarget {
  kind: ReportKind;
  /** The path as the spec wrote it. */
  path: string;
  /** Where the spec names it (diagnostics go here). */
  range: Range;
  /** For an engine source: the range of each field, so an error lands on the field to fix. */
  fieldRanges?: Partial<Record<string, Range>>;
}

/** Where a result's diagnostic goes: the field an engine error names, else the target. */
export function targetRange(t: DataTarget, result: { error: { field?: string } } | object): Range {
  const field = 'error' in result ? result.error.field : undefined;
  return (field && t.fieldRanges?.[field]) || t.range;
}

function engineTarget(kind: ReportKind, e: EngineSourceModel, columns: Range | undefined): DataTarget {
  const src = engineSourceFromModel(e);
  const path = 'builtin' in src ? src.builtin : 'ok' in src ? `${e.engine?.value ?? 'engine'}: (invalid source)` : src.engine === 'duckdb' ? src.path : `${src.table} at ${src.url}`;
  const fieldRanges: Partial<Record<string, Range>> = { engine: e.engine?.range ?? e.keyRange };
  for (const k of ['path', 'url', 'table', 'database', 'user'] as const) if (e[k]) fieldRanges[k] = e[k]!.range;
  if (columns) fieldRanges.columns = columns;
  return { kind, path, range: 'builtin' in src && e.path ? e.path.range : e.engine?.range ?? e.keyRange, fieldRanges };
}

/** The data files a spec names: `judge.calibration.data` and `router.results`. */
export function dataTargets(model: EvalSpecModel | undefined): DataTarget[] {
  const out: DataTarget[] = [];
  const c = model?.judge?.calibration?.data;
  if (c && c.value.trim() !== '') out.push({ kind: 'calibration', path: c.value, range: c.range });
  else if (model?.judge?.calibration?.dataEngine) out.push(engineTarget('calibration', model.judge.calibration.dataEngine, undefined));
  const r = model?.router?.results;
  if (r && r.value.trim() !== '') out.push({ kind: 'routing', path: r.value, range: r.range });
  else if (model?.router?.resultsEngine) out.push(engineTarget('routing', model.router.resultsEngine, undefined));
  return out;
}

export interface DataJob {
  kind: ReportKind;
  /** Absolute file-system path of the spec. */
  specPath: string;
  /** The data path as the spec wrote it (relative to the spec's folder). */
  dataPath: string;
  model: EvalSpecModel;
  settings: EvalSpecSettings;
  /** Workspace folders (file-system paths); the data file must lie inside the one holding the spec. */
  workspaceRoots: string[];
  /** ClickHouse credentials (from VS Code's secret storage); the environment's otherwise. */
  credentials?: { user?: string; password?: string };
}

/** The spec's engine source model for the job's report (a plain path string has none). */
function engineModel(job: DataJob): EngineSourceModel | undefined {
  if (job.kind === 'routing') return job.model.router?.results ? undefined : job.model.router?.resultsEngine;
  const c = job.model.judge?.calibration;
  return c?.data ? undefined : c?.dataEngine;
}

/** The job's engine source (router.results or judge.calibration.data: {engine: duckdb|clickhouse, …}), an error value, or undefined for a file. */
export function jobEngine(job: DataJob): EngineSource | { error: DataReportError } | undefined {
  const e = engineModel(job);
  if (!e) return undefined;
  const src = engineSourceFromModel(e);
  if ('builtin' in src) return undefined;
  if ('ok' in src) return { error: { code: src.code, message: src.message, field: src.field } };
  return src;
}

/** The engine-independent part of an engine run for a job. */
export function engineRunFor(job: DataJob, root: string): Omit<EngineRun, 'options'> {
  const run: Omit<EngineRun, 'options'> = {
    specDir: path.dirname(job.specPath),
    workspaceRoot: root,
    timeoutMs: job.settings.engines.timeoutSeconds * 1000,
    memoryLimitMiB: job.settings.engines.memoryLimitMiB,
    credentials: { ...environmentCredentials(), ...(job.credentials ?? {}) },
  };
  const cols = job.kind === 'routing' ? job.model.router?.columns : job.model.judge?.calibration?.columns;
  if (cols) run.columns = cols;
  if (job.settings.engines.duckdbModulePath) run.duckdbModulePath = job.settings.engines.duckdbModulePath;
  return run;
}

/** The data path of a job: the spec's file, or the built-in engine's path. */
export function jobDataPath(job: DataJob): string {
  const e = engineModel(job);
  const src = e ? engineSourceFromModel(e) : undefined;
  return src && 'builtin' in src ? src.builtin : job.dataPath;
}

/** The workspace folder that holds the spec: the deepest one, so nested folders bound tighter. */
export function workspaceRootFor(specPath: string, roots: string[]): string | undefined {
  let best: string | undefined;
  for (const r of roots) {
    const rel = path.relative(r, specPath);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && (!best || r.length > best.length)) best = r;
  }
  return best;
}

export type FileIdentity = { ok: true; resolvedPath: string; key: string; bytes: number } | { ok: false; error: DataReportError };

/**
 * Checks the path (inside the workspace after symlinks, a regular readable file, not too large) and
 * returns what a cached report is keyed on: real path, mtime and size.
 */
export async function dataFileIdentity(job: DataJob, maxBytes?: number): Promise<FileIdentity> {
  const root = workspaceRootFor(job.specPath, job.workspaceRoots);
  if (!root) {
    return {
      ok: false,
      error: {
        code: 'data-file-outside-workspace',
        message: `${job.dataPath} is not read: the spec is not inside an open workspace folder, and EvalSpec reads data files only inside one. Open the folder that holds the spec.`,
      },
    };
  }
  const engine = jobEngine(job);
  if (engine && 'error' in engine) return { ok: false, error: engine.error };
  if (engine) {
    const fp = await engineFingerprint(engine, { ...engineRunFor(job, root), options: {} }, job.kind);
    if (typeof fp !== 'string') return { ok: false, error: { code: fp.code, message: fp.message, field: fp.field } };
    return { ok: true, resolvedPath: job.dataPath, bytes: 0, key: `engine\0${fp}` };
  }
  const resolved = await resolveDataFile(jobDataPath(job), { workspaceRoot: root, baseDir: path.dirname(job.specPath), ...(maxBytes !== undefined ? { maxBytes } : {}) });
  if (!resolved.ok) return { ok: false, error: { code: dataErrorDiagnosticCode(resolved.code), message: resolved.message } };
  try {
    const st = await fs.stat(resolved.resolvedPath);
    return { ok: true, resolvedPath: resolved.resolvedPath, bytes: st.size, key: `${resolved.resolvedPath}\0${st.mtimeMs}\0${st.size}` };
  } catch (e) {
    return { ok: false, error: { code: 'data-file-unreadable', message: `${job.dataPath} cannot be examined: ${e instanceof Error ? e.message : String(e)}` } };
  }
}
