// Builds the design-review document of one spec from what `check` already computes: its report
// (diagnostics with the data-backed ones, figures), the spec model, and the calibration/routing
// models of the data files it names. Pure. The verdict is read, not computed: BLOCKED gates come
// from the calibration report's verdict, errors from the diagnostics.
import Decimal from 'decimal.js';
import { launchGateOf, type EvalSpecModel } from '../core';
import { formatExact, formatMultiplier, formatUsd } from '../core/costs/format';
import { formatCount, formatPercent, formatPp } from '../core/figures/format';
import type { SpecReport } from '../cli/report';
import type { PanelModel, ReportKind, RoutingPanelModel } from '../data/panelModel';
import { basisDisagreements, incidentMoneyRows } from '../data/incidentText';
import { formatMoney, formatTime } from '../data/reportText';
import type { DataReportResult } from '../protocol';
import { reviewChanges } from './reviewChanges';
import { reviewVersion, type ReviewDocument, type ReviewLedgerRow } from './reviewTypes';

export interface ReviewSpec {
  report: SpecReport;
  model: EvalSpecModel | undefined;
}

export interface ReviewInput extends ReviewSpec {
  /** The data files the spec names, in `dataTargets` order, with their reports; no `result` when not read. */
  data: { kind: ReportKind; path: string; result?: DataReportResult<PanelModel> }[];
  /** With `--baseline`: the spec at that revision (absent when it did not exist there). */
  baseline?: { revision: string; commit: string | null; previous?: ReviewSpec };
}

type Figures = Record<string, any>;

export function buildReview(input: ReviewInput): ReviewDocument {
  const { report } = input;
  const f = report.figures as Figures;
  const calibration = judgeSection(input);
  const blockedGates = [
    ...(calibration.calibration.blocked ? [{ gate: 'judge calibration', reason: calibration.calibration.summary.replace(/^BLOCKED:\s*/, '') }] : []),
    ...ruleGates(report),
  ];
  const status = blockedGates.length > 0 ? 'blocked' : report.summary.errors > 0 ? 'changes-required' : 'ready';
  return {
    reviewVersion,
    file: report.file,
    name: report.name ?? null,
    verdict: {
      status,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      blockedGates,
      notRun: input.data.filter((d) => !d.result).map((d) => `${d.kind === 'calibration' ? 'judge calibration' : 'routing'} (${d.path} not read)`),
      findings: report.diagnostics
        .filter((d) => d.severity === 'error' || d.severity === 'warning')
        .map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.line })),
    },
    goldenSet: goldenSetSection(f['goldenSet']),
    costs: {
      baselinePerDay: typeof f['traffic']?.baselineDailyCost === 'string' ? f['traffic'].baselineDailyCost : null,
      routerPerDay: typeof f['router']?.blendedDailyCost === 'string' ? f['router'].blendedDailyCost : null,
    },
    ledger: Array.isArray(f['ledger']) ? (f['ledger'] as Figures[]).map(ledgerRow) : [],
    judge: calibration,
    routing: routingSection(input),
    baseline: input.baseline
      ? {
          revision: input.baseline.revision,
          commit: input.baseline.commit,
          status: input.baseline.previous ? 'compared' : 'new',
          changes: input.baseline.previous ? reviewChanges(input.baseline.previous, input) : [],
        }
      : null,
  };
}

/**
 * Gates BLOCKED by the spec's own rules (a rule's `launchGate`, e.g. the judge version): each
 * error-severity diagnostic of such a rule, with the gate's name from the rule (never spec text) and
 * its message as the reason. A rule turned off or re-ranked below error blocks nothing, the same as
 * in the editor and for the CLI's exit code.
 */
function ruleGates(report: SpecReport): { gate: string; reason: string }[] {
  return report.diagnostics.flatMap((d) => {
    const gate = d.severity === 'error' ? launchGateOf(d.code) : undefined;
    return gate ? [{ gate, reason: d.message.replace(/^Judge-gated launches are BLOCKED:\s*/, '') }] : [];
  });
}

function goldenSetSection(g: Figures | undefined): ReviewDocument['goldenSet'] {
  if (!g) return null;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const metrics = (g['declared']?.metrics ?? []) as Figures[];
  return {
    declared: num(g['declared']?.size),
    required: num(g['required']),
    binding: typeof g['binding'] === 'string' ? g['binding'] : null,
    shortfall: num(g['shortfall']),
    halfWidths: metrics.flatMap((m) => {
      const text = halfWidthWords(m);
      return text ? [{ metric: String(m['id']), halfWidth: text }] : [];
    }),
    precisionTotal: num(g['precision']?.total),
    powerTotal: num(g['power']?.total),
  };
}

/**
 * A metric's ± at the declared size, saying what it is for: the traffic-weighted overall rate (the
 * figures' own half-width: stratified when the equal split is out of proportion to traffic, else the
 * spec's interval method) and, with cohorts, each cohort's (the same for all, or the widest named).
 * "±1.1 pp on the traffic-weighted overall rate, ±2 pp per cohort".
 */
function halfWidthWords(m: Figures): string | null {
  const hw = m['halfWidth'];
  if (typeof hw !== 'number') return null;
  const pm = (x: number) => (m['kind'] === 'mean' ? `±${formatPercent(x)} of the scale` : `±${formatPp(x)}`);
  const cohorts = ((m['perCohort'] ?? []) as { cohort: string; halfWidth: number }[]).filter((c) => typeof c.halfWidth === 'number');
  if (cohorts.length < 2) return `${pm(hw)} on the overall rate`;
  const widest = cohorts.reduce((a, b) => (b.halfWidth > a.halfWidth ? b : a));
  const same = cohorts.every((c) => pm(c.halfWidth) === pm(widest.halfWidth));
  return `${pm(hw)} on the traffic-weighted overall rate, ${pm(widest.halfWidth)} ${same ? 'per cohort' : `in cohort ${widest.cohort} (the widest)`}`;
}

function ledgerRow(r: Figures): ReviewLedgerRow {
  const impact =
    typeof r['overrunPerDay'] === 'string'
      ? `overrun ${formatUsd(r['overrunPerDay'])}/day`
      : typeof r['churnCostPerDay'] === 'string'
        ? `${formatExact(r['lostSessionsPerDay'] ?? '0')} lost sessions/day, ${formatUsd(r['churnCostPerDay'])}/day`
        : typeof r['qualityOverstatedBy'] === 'string'
          ? `quality overstated by ${formatPp(new Decimal(r['qualityOverstatedBy']).toNumber())}`
          : typeof r['undefinedBecause'] === 'string'
            ? `not priced: ${r['undefinedBecause']}`
            : 'not priced';
  const steps = (r['sensitivity'] ?? []) as { from: string; to: string; ratio: string }[];
  return {
    id: String(r['id'] ?? '?'),
    kind: String(r['kind'] ?? '?'),
    impact,
    windows: ((r['detectionWindows'] ?? []) as { window: string; cost: string }[]).map((w) => ({ window: w.window, cost: formatUsd(w.cost) })),
    sensitivity: steps.length ? steps.map((x) => `${x.from}→${x.to} ${formatMultiplier(x.ratio)}`).join(', ') : null,
  };
}

function dataFile<K extends ReportKind>(input: ReviewInput, kind: K) {
  const d = input.data.find((x) => x.kind === kind);
  return d ? { path: d.path, result: d.result as DataReportResult<Extract<PanelModel, { kind: K }>> | undefined } : undefined;
}

const notRead = (path: string) => `The data file ${path} was not read (--no-data, or an untrusted workspace), so this gate did not run.`;

function judgeSection(input: ReviewInput): ReviewDocument['judge'] {
  const j = input.model?.judge;
  const file = dataFile(input, 'calibration');
  const r = file?.result;
  const calibration: ReviewDocument['judge']['calibration'] = !file
    ? { status: 'not-named', blocked: null, summary: 'The spec names no calibration data file (judge.calibration.data).', crossedAt: null }
    : !r
      ? { status: 'not-read', blocked: null, summary: notRead(file.path), crossedAt: null }
      : 'error' in r
      ? { status: 'error', blocked: true, summary: `BLOCKED: the calibration data cannot be used: ${r.error.message}`, crossedAt: null }
      : { status: 'read', blocked: r.report.verdict.blocked, summary: r.report.verdict.summary, crossedAt: r.report.trend.crossedAt };
  return {
    model: j?.model?.value ?? null,
    productionModel: j?.productionModel?.value ?? null,
    referenceJudge: j?.referenceJudge?.value ?? null,
    minSpearman: j?.calibration?.minSpearman?.value ?? null,
    calibration,
  };
}

function routingSection(input: ReviewInput): ReviewDocument['routing'] {
  const file = dataFile(input, 'routing');
  const r = file?.result;
  if (!file) return { status: 'not-named', summary: 'The spec names no router results file (router.results).', alerts: [] };
  if (!r) return { status: 'not-read', summary: notRead(file.path), alerts: [] };
  if ('error' in r) return { status: 'error', summary: `The router results cannot be used: ${r.error.message}`, alerts: [] };
  const fired = r.report.alerts.filter((a) => a.firstFiredAt !== null);
  const summary =
    fired.length === 0
      ? `No alert fired over ${formatCount(r.report.source.rows)} requests.`
      : `${fired.length} of ${r.report.alerts.length} alerts fired over ${formatCount(r.report.source.rows)} requests${r.report.incident?.ledgerId ? ` (ledger row ${r.report.incident.ledgerId})` : ''}.`;
  const incident = r.report.incident ? incidentMoney(r.report.incident) : undefined;
  return { status: 'read', summary, alerts: r.report.alerts.map((a) => ({ label: a.label, firstFiredAt: a.firstFiredAt })), ...(incident ? { incident } : {}) };
}

/** The same sentences and table as the routing panel and `evalspec report routing`. */
function incidentMoney(i: NonNullable<RoutingPanelModel['incident']>): NonNullable<ReviewDocument['routing']['incident']> {
  const m = i.money;
  const lines: string[] = [];
  if (m?.costSoFarScaled && m.scale) lines.push(`Since ${formatTime(i.startedAt)} the incident has cost ${formatMoney(m.costSoFarScaled.value)} over the baseline tier mix at the declared traffic (scaled ${m.scale.statement}); ${formatMoney(i.costSoFar)} in the log itself.`);
  else lines.push(`Since ${formatTime(i.startedAt)} the incident has cost ${formatMoney(i.costSoFar)} over the baseline tier mix in the log itself${m?.scaleReason ? ` (not scaled: ${m.scaleReason})` : ''}.`);
  if (m) for (const d of basisDisagreements(m)) lines.push(`Warning: ${d.message}`);
  return { lines, table: m && m.rows.length > 0 ? incidentMoneyRows(m) : null };
}
