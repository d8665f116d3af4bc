// One spec's design review from its text: the same analysis `check` runs, the reports of the data
// files it names (through the given DataReportService, so the server reuses its worker and cache),
// and, with a baseline, the spec's text at that revision analysed the same way. The CLI
// (`evalspec review`) and the server (`evalspec/review`, "EvalSpec: Export design review") call this.
import { analyzeSpec, type EvalSpecSettings, type SpecDiagnostic } from '../core';

const ALL_FIGURES = { ms: Number.POSITIVE_INFINITY };
import { analysisJson } from '../cli/report';
import { dataDiagnostics } from '../data/dataDiagnostics';
import { dataTargets, type DataJob } from '../data/dataJob';
import type { DataReportService } from '../data/dataReports';
import type { PanelModel } from '../data/panelModel';
import type { DataReportResult } from '../protocol';
import type { DataFileStatus } from '../data/specData';
import { buildReview, type ReviewInput } from './reviewModel';
import type { ReviewDocument } from './reviewTypes';

export interface ReviewSpecOptions {
  /** The spec's path as shown in the document. */
  shown: string;
  /** The spec's real path (data files are resolved against it). */
  specPath: string;
  text: string;
  settings: EvalSpecSettings;
  /** The data reports, or undefined to read no data file (`--no-data`, untrusted workspace). */
  data?: { service: DataReportService; workspaceRoots: string[]; credentials?: { user?: string; password?: string } };
  /** The spec at the baseline revision; `previousText` absent when it did not exist there. */
  baseline?: { revision: string; commit: string | null; previousText?: string };
  /** False once the text reviewed is no longer the spec's (the editor's document moved on). */
  stillCurrent?: () => boolean;
}

/** How often a report that a newer request replaced is asked for again before the review gives up. */
export const maxReportAttempts = 5;

/**
 * A data report for the review. A shared service (the language server's) cancels a computation when
 * a newer request replaces it (settings or credentials changed, the spec was edited): `cancelled`
 * says nothing about the data, so the review asks again and waits for the report that replaced it,
 * rather than calling a gate BLOCKED on a report that never finished. It stops when the text it
 * reviews is no longer current (that review is stale anyway) or after maxReportAttempts.
 */
async function settledReport(service: DataReportService, job: DataJob, stillCurrent: () => boolean): Promise<DataReportResult<PanelModel>> {
  let result = await service.report(job);
  for (let attempt = 1; attempt < maxReportAttempts && 'error' in result && result.error.code === 'cancelled' && stillCurrent(); attempt++) {
    result = await service.report(job);
  }
  return result;
}

export async function reviewSpec(o: ReviewSpecOptions): Promise<ReviewDocument> {
  // A review is a CLI report: every figure is computed (the 2 s budget is the editor's), as in check.
  const analysis = analyzeSpec(o.text, { settings: o.settings, figureBudget: ALL_FIGURES, ...(o.baseline?.previousText !== undefined ? { previousText: o.baseline.previousText } : {}) });
  const data: ReviewInput['data'] = [];
  const diagnostics: SpecDiagnostic[] = [];
  const files: DataFileStatus[] = [];
  for (const t of dataTargets(analysis.model)) {
    if (!o.data) {
      data.push({ kind: t.kind, path: t.path });
      files.push({ kind: t.kind, path: t.path, status: 'skipped' });
      continue;
    }
    const job: DataJob = { kind: t.kind, specPath: o.specPath, dataPath: t.path, model: analysis.model!, settings: o.settings, workspaceRoots: o.data.workspaceRoots, ...(o.data.credentials ? { credentials: o.data.credentials } : {}) };
    const result = await settledReport(o.data.service, job, o.stillCurrent ?? (() => true));
    data.push({ kind: t.kind, path: t.path, result });
    diagnostics.push(...dataDiagnostics(result, t.range, o.settings.severity, t.kind));
    files.push('error' in result ? { kind: t.kind, path: t.path, status: 'error', code: result.error.code } : { kind: t.kind, path: t.path, status: 'read' });
  }
  const input: ReviewInput = { report: analysisJson(o.shown, analysis, { diagnostics, files }), model: analysis.model, data };
  if (o.baseline) {
    const prev = o.baseline.previousText === undefined ? undefined : analyzeSpec(o.baseline.previousText, { settings: o.settings, figureBudget: ALL_FIGURES });
    input.baseline = { revision: o.baseline.revision, commit: o.baseline.commit, ...(prev ? { previous: { report: analysisJson(o.shown, prev), model: prev.model } } : {}) };
  }
  return buildReview(input);
}
