// The data-backed diagnostics of one spec, awaited: every data file the spec names is reported on
// (through the given DataReportService, so the language server's cache and worker are reused) and
// turned into diagnostics by `dataDiagnostics`, in `dataTargets` order, exactly as the server
// publishes them once the reports are in. `evalspec check` and the server's `evalspec/analysis`
// ("Show figures as JSON") both call this, so CI, the Problems panel and the JSON agree.
import type { EvalSpecModel, EvalSpecSettings, SpecDiagnostic } from '../core';
import { dataDiagnostics } from './dataDiagnostics';
import { dataTargets, targetRange } from './dataJob';
import { evidenceDiagnostics } from './evidence';
import type { DataReportService } from './dataReports';
import type { ReportKind } from './panelModel';

/** What happened to one data file a spec names. */
export interface DataFileStatus {
  kind: ReportKind;
  path: string;
  /** `read`: a report was made; `error`: it could not be (see `code`); `skipped`: not read (`--no-data`, untrusted workspace). */
  status: 'read' | 'error' | 'skipped';
  code?: string;
}

export interface SpecDataResult {
  diagnostics: SpecDiagnostic[];
  files: DataFileStatus[];
}

export async function specDataDiagnostics(
  service: DataReportService,
  model: EvalSpecModel | undefined,
  specPath: string,
  workspaceRoots: string[],
  settings: EvalSpecSettings,
  credentials?: { user?: string; password?: string },
): Promise<SpecDataResult> {
  const out: SpecDataResult = { diagnostics: [], files: [] };
  if (!model) return out;
  for (const t of dataTargets(model)) {
    const result = await service.report({ kind: t.kind, specPath, dataPath: t.path, model, settings, workspaceRoots, ...(credentials ? { credentials } : {}) });
    out.diagnostics.push(...dataDiagnostics(result, targetRange(t, result), settings.severity, t.kind));
    out.files.push('error' in result ? { kind: t.kind, path: t.path, status: 'error', code: result.error.code } : { kind: t.kind, path: t.path, status: 'read' });
  }
  out.diagnostics.push(...applySeverity(evidenceDiagnostics(model, specPath, workspaceRoots), settings));
  return out;
}

export function applySeverity(ds: SpecDiagnostic[], settings: EvalSpecSettings): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const d of ds) {
    const o = settings.severity[d.code];
    if (o !== 'off') out.push(o ? { ...d, severity: o } : d);
  }
  return out;
}

/** The data files a spec names, none read (`--no-data`). */
export function skippedDataFiles(model: EvalSpecModel | undefined): DataFileStatus[] {
  return dataTargets(model).map((t) => ({ kind: t.kind, path: t.path, status: 'skipped' as const }));
}
