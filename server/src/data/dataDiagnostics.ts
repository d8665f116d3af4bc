// The "Data (panels)" rules: diagnostics on the data path a spec names, derived from the report the
// core computed from that file (or from the reason it could not). Pure: the language server calls it
// whenever a report completes; the CLI and the tests call it the same way. Codes are stable and
// documented in docs/rules.md ("Data files and panels").
import type { Range, Severity, SpecDiagnostic } from '../core';
import type { DataReportResult } from '../protocol';
import { own } from '../core/own';
import type { CalibrationPanelModel, PanelModel, RoutingAlertKind, RoutingPanelModel } from './panelModel';
import { formatNumber, formatPercent, formatTime } from './reportText';
import { basisDisagreements, costSoFarSentence } from './incidentText';
import { boundedMessage, clipName, FIGURE_NAME_CHARS, listNames } from '../core/text/bounded';

export const dataDiagnosticCodes = {
  missing: 'data-file-missing',
  outsideWorkspace: 'data-file-outside-workspace',
  tooLarge: 'data-file-too-large',
  unreadable: 'data-file-unreadable',
  invalid: 'data-file-invalid',
  badRows: 'data-bad-rows',
  spearmanBelow: 'calibration-spearman-below-threshold',
  noEvidence: 'calibration-gate-no-evidence',
  kappaExcluded: 'calibration-kappa-batch-excluded',
  labelOutsideSet: 'calibration-label-outside-set',
  examplesMismatch: 'calibration-examples-mismatch',
  flagshipShare: 'routing-flagship-share-alert',
  p10Confidence: 'routing-p10-confidence-alert',
  costShare: 'routing-cost-share-alert',
  basisDisagrees: 'routing-incident-basis-disagrees',
} as const;

/** The diagnostic code for a reader's error code (see core/data/dataFileError.ts). */
export function dataErrorDiagnosticCode(readerCode: string): string {
  switch (readerCode) {
    case 'not-found':
      return dataDiagnosticCodes.missing;
    case 'outside-workspace':
      return dataDiagnosticCodes.outsideWorkspace;
    case 'too-large':
      return dataDiagnosticCodes.tooLarge;
    case 'unreadable':
    case 'not-a-file':
      return dataDiagnosticCodes.unreadable;
    default:
      // unsupported-format, empty, missing-columns, bad-mapping, malformed
      return dataDiagnosticCodes.invalid;
  }
}

const alertCodes: Record<RoutingAlertKind, string> = {
  'flagship-share': dataDiagnosticCodes.flagshipShare,
  'p10-confidence': dataDiagnosticCodes.p10Confidence,
  'cost-share': dataDiagnosticCodes.costShare,
};

/** Error values that are not about the file and so get no diagnostic (the panel still shows them). */
const silentErrors = new Set(['cancelled', 'untrusted-workspace', 'no-data-path', 'spec-unreadable']);

/**
 * Diagnostics for one data path. `range` is where the spec names the file; `severity` holds the
 * user's overrides (`evalspec.severity`), applied the same way as for every other rule.
 */
export function dataDiagnostics(result: DataReportResult<PanelModel>, range: Range, severity: Record<string, Severity | 'off'> = {}, kind?: PanelModel['kind']): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  if ('error' in result) {
    if (!silentErrors.has(result.error.code)) {
      // A calibration file that cannot be read leaves the judge gate without evidence: it blocks.
      const gate = kind === 'calibration' ? ' Judge-gated launches are BLOCKED until the calibration data can be read.' : '';
      const text = gate && !/[.!?]$/.test(result.error.message) ? `${result.error.message}.` : result.error.message;
      out.push({ code: result.error.code, severity: 'error', message: `${text}${gate}`, range, data: { dataFileError: result.error.code, ...(kind === 'calibration' ? { blocked: true } : {}) } });
    }
  } else {
    const r = result.report;
    const bad = r.source.badRows;
    if (bad.count > 0) {
      const first = bad.examples.slice(0, 3).map((e) => `row ${e.row} (line ${e.line})${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
      out.push({
        code: dataDiagnosticCodes.badRows,
        severity: 'warning',
        message: `${bad.count.toLocaleString('en-US')} of ${(r.source.rows + bad.count).toLocaleString('en-US')} rows of ${r.source.path} are left out of every figure.${first.length > 0 ? ` First: ${first.join('; ')}.` : ' (The SQL engine counts them without examples: a time that does not parse, an empty tier, confidence outside [0, 1] or a negative or missing cost.)'}`,
        range,
        data: { count: bad.count, examples: bad.examples.slice(0, 3) },
      });
    }
    out.push(...(r.kind === 'calibration' ? calibrationDiagnostics(r, range) : routingDiagnostics(r, range)));
  }
  const kept: SpecDiagnostic[] = [];
  for (const d of out) {
    const o = own(severity, d.code);
    if (o === 'off') continue;
    kept.push({ ...d, severity: o || d.severity, message: boundedMessage(d.message) });
  }
  return kept;
}

function calibrationDiagnostics(r: CalibrationPanelModel, range: Range): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  if (r.verdict.blocked && r.verdict.evidence === 'missing') {
    out.push({ code: dataDiagnosticCodes.noEvidence, severity: 'error', message: r.verdict.summary, range, data: { blocked: true, minSpearman: r.thresholds.minSpearman } });
  } else if (r.verdict.blocked) {
    out.push({ code: dataDiagnosticCodes.spearmanBelow, severity: 'error', message: r.verdict.summary, range, data: { rho: r.spearman.overall.rho, minSpearman: r.thresholds.minSpearman, crossedAt: r.trend.crossedAt } });
  }
  if (r.labelsOutsideSet && r.labelsOutsideSet.rows > 0) {
    const list = listNames(r.labelsOutsideSet.labels.slice(0, 5).map((l) => `${JSON.stringify(clipName(l.label, FIGURE_NAME_CHARS))} in ${l.column} (${l.count})`), { total: r.labelsOutsideSet.labels.length, max: 5 });
    out.push({
      code: dataDiagnosticCodes.labelOutsideSet,
      severity: 'warning',
      message: `${r.labelsOutsideSet.rows.toLocaleString('en-US')} rows of ${r.source.path} have a label outside label_set and are left out of every figure: ${list}.`,
      range,
      data: { rows: r.labelsOutsideSet.rows, labels: r.labelsOutsideSet.labels },
    });
  }
  if (r.sampling?.far) {
    const s = r.sampling;
    out.push({
      code: dataDiagnosticCodes.examplesMismatch,
      severity: 'warning',
      message: `The spec declares ${s.declared} calibration examples per ${s.refresh} refresh, but ${r.source.path} holds ${formatNumber(s.rowsPerPeriod, 1)} rows per ${s.refresh} period (${formatNumber(s.ratio, 2)}×, more than a factor of 2 away): correct examples or the data.`,
      range,
      data: { declared: s.declared, rowsPerPeriod: s.rowsPerPeriod, ratio: s.ratio },
    });
  }
  if (r.kappa && r.kappa.excludedCount > 0) {
    const ex = r.kappa.batches.filter((b) => b.excluded);
    const list = listNames(ex.slice(0, 4).map((b) => `${clipName(b.batch, FIGURE_NAME_CHARS)} (κ = ${formatNumber(b.kappa.value, 2)})`), { total: ex.length, max: 4 });
    out.push({
      code: dataDiagnosticCodes.kappaExcluded,
      severity: 'warning',
      message: `${ex.length} of ${r.kappa.batches.length} annotation batches have inter-annotator κ not above min_kappa ${formatNumber(r.thresholds.minKappa, 2)} and are excluded from calibration: ${list}.`,
      range,
      data: { batches: ex.map((b) => b.batch), minKappa: r.thresholds.minKappa },
    });
  }
  return out;
}

function routingDiagnostics(r: RoutingPanelModel, range: Range): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const a of r.alerts) {
    if (a.firstFiredAt === null) continue;
    const value = a.kind === 'p10-confidence' ? `${formatNumber(a.value, 3)} against ${formatNumber(a.limit, 3)}` : `${formatPercent(a.value, 1)} against a limit of ${formatPercent(a.limit, 1)}`;
    const cost = a.kind === 'flagship-share' && r.incident ? costSoFarSentence(r.incident.money, r.incident.costSoFar) : '';
    out.push({
      code: alertCodes[a.kind],
      severity: 'warning',
      message: `${a.label}: first fires at ${formatTime(a.firstFiredAt)} (${value}).${cost}`,
      range,
      data: { kind: a.kind, firstFiredAt: a.firstFiredAt, value: a.value, limit: a.limit },
    });
  }
  if (r.incident?.money) {
    for (const d of basisDisagreements(r.incident.money)) {
      out.push({ code: dataDiagnosticCodes.basisDisagrees, severity: 'warning', message: d.message, range, data: { ledgerId: d.ledgerId, ratio: d.ratio, tolerance: d.tolerance } });
    }
  }
  return out;
}
