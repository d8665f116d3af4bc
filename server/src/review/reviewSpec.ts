// One spec's design review from its text: the same analysis `check` runs, the reports of the data
// files it names (through the given DataReportService, so the server reuses its worker and cache),
// and, with a baseline, the spec's text at that revision analysed the same way. The CLI
// (`evalspec review`) and the server (`evalspec/review`, "EvalSpec: Export design review") call this.
import { analyzeSpec, type EvalSpecSettings, type SpecDiagnostic } from '../core';

const ALL_FIGURES = { ms: Number.POSITIVE_INFINITY };
import { analysisJson } from '../cli/report';
import { dataDiagnostics } from '../data/dataDiagnostics';
import { dataTargets } from '../data/dataJob';
import type { DataReportService } from '../data/dataReports';
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
    const result = await o.data.service.report({ kind: t.kind, specPath: o.specPath, dataPath: t.path, model: analysis.model!, settings: o.settings, workspaceRoots: o.data.workspaceRoots, ...(o.data.credentials ? { credentials: o.data.credentials } : {}) });
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
