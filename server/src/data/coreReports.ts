// The one place that calls the core's report functions (server/src/core/reports) and turns their
// results into the panel model. Everything else (server, CLI, panels) sees only `PanelModel` or an
// error value. Exact decimal strings from the core (money, shares, p10) become doubles here: the
// panel model is for drawing and reading; `evalspec check --format json` keeps the exact figures.
import * as path from 'node:path';
import { calibrationReportFromFile, routingReportFromFile, type CalibrationReport, type CalibrationReportOptions, type RhoFigure, type RoutingReport, type RoutingReportOptions } from '../core/reports';
import type { DataFileError, TableReadSuccess } from '../core/data';
import { correlationCi } from '../core/stats';
import type { Defined } from '../core/types';
import { tierRoles } from '../core/model/tierRoles';
import { exactInput } from '../core/figures/format';
import { incidentMoneyPanel, scaleStatement } from './incidentPanel';
import { own } from '../core/own';
import type { DataReportResult } from '../protocol';
import { dataErrorDiagnosticCode } from './dataDiagnostics';
import { versionDate } from '../core/rules/modelNames';
import { engineRunFor, jobEngine, workspaceRootFor, type DataJob } from './dataJob';
import { runCalibrationEngine, runEngine, type EngineRun, type EngineSource } from '../engines';
import type { CalibrationPanelModel, DataSource, Estimate, PanelModel, RoutingAlertKind, RoutingPanelModel, SpearmanRow } from './panelModel';

/** What the calibration report is asked, from the spec (falling back to the settings' thresholds). */
export function calibrationOptions(job: DataJob): CalibrationReportOptions {
  const c = job.model.judge?.calibration;
  const th = job.settings.thresholds;
  const o: CalibrationReportOptions = { minSpearman: c?.minSpearman?.value ?? th.minSpearman, minKappa: c?.minKappa?.value ?? th.minKappa };
  const judge = job.model.judge?.model?.value;
  const releasedOn = judge !== undefined ? versionDate(judge) : undefined;
  if (judge !== undefined && releasedOn) o.judge = { model: judge, releasedOn };
  if (!c) return o;
  const w = c.kappaWeights?.value;
  if (w === 'unweighted' || w === 'linear' || w === 'quadratic') o.kappaWeights = w === 'unweighted' ? 'none' : w;
  if (c.labelSet && c.labelSet.length >= 2) o.labelSet = c.labelSet.map((l) => l.value);
  if (c.passThreshold) o.passThreshold = c.passThreshold.value;
  if (c.passLabels && c.passLabels.length > 0) o.passLabels = c.passLabels.map((l) => l.value);
  if (c.highConfidenceMin) o.highConfidenceThreshold = c.highConfidenceMin.value;
  if (c.examples) o.examplesPerRefresh = c.examples.value;
  if (c.refresh) o.refresh = c.refresh.value;
  return o;
}

/** What the routing report is asked, from the spec's router and ledger. */
export function routingOptions(job: DataJob): RoutingReportOptions {
  const r = job.model.router;
  const th = job.settings.thresholds;
  const tiers = (r?.tiers?.items ?? []).map((t) => t.name?.value).filter((n): n is string => typeof n === 'string' && n !== '');
  // A router incident is a traffic shift: only those rows' detection windows price it.
  const ledger = (job.model.ledger?.rows ?? [])
    .filter((l) => l.kind?.value === 'traffic_shift' && l.id?.value && l.detection && l.detection.length > 0)
    .map((l) => ({
      id: l.id!.value,
      detection: l.detection!.map((d) => d.value),
      ...(l.share ? { share: exactInput(l.share) as string | number } : {}),
      ...(l.costMultiplier ? { costMultiplier: exactInput(l.costMultiplier) as string | number } : {}),
    }));
  const t = job.model.traffic;
  const money: RoutingReportOptions['money'] = { basisTolerance: th.incidentBasisTolerance };
  if (t?.qps) money.qps = exactInput(t.qps) as string | number;
  if (t?.avgOutputTokens) money.avgOutputTokens = exactInput(t.avgOutputTokens) as string | number;
  if (t?.pricePer1mOutputTokens) money.pricePer1M = exactInput(t.pricePer1mOutputTokens) as string | number;
  if (r?.sampleRate) money.sampleRate = exactInput(r.sampleRate) as string | number;
  const o: RoutingReportOptions = {
    flagshipShareOverBaselinePp: r?.alerts?.flagshipShareOverBaselinePp?.value ?? th.flagshipShareOverBaselinePp,
    minP10Confidence: r?.alerts?.minP10Confidence?.value ?? th.minP10Confidence,
    costShareOverMovingAvg: r?.alerts?.costShareOverMovingAvg?.value ?? th.costShareOverMovingAvg,
    ledger,
    money,
  };
  if (tiers.length > 0) {
    // By role, else by price, never by list order (core/model/tierRoles.ts): the same tiers `check` names.
    const roles = tierRoles(r?.tiers?.items ?? []);
    o.tiers = tiers;
    o.flagshipTier = roles.flagship ?? tiers[tiers.length - 1]!;
    o.cheapTier = roles.cheap ?? tiers[0]!;
  }
  return o;
}

/**
 * Everything a report computation needs, as plain data: what a worker thread receives (the spec's
 * model stays on the main thread).
 */
export type ReportInputs =
  | {
      kind: 'calibration';
      specPath: string;
      dataPath: string;
      workspaceRoots: string[];
      specName: string | null;
      columns?: Record<string, string>;
      options: CalibrationReportOptions;
      /** An SQL engine source instead of a file, with how to run it. */
      engine?: EngineInputs;
    }
  | {
      kind: 'routing';
      specPath: string;
      dataPath: string;
      workspaceRoots: string[];
      specName: string | null;
      columns?: Record<string, string>;
      options: RoutingReportOptions;
      /** An SQL engine source instead of a file, with how to run it. */
      engine?: EngineInputs;
    };

export interface EngineInputs {
  source: EngineSource;
  run: Omit<EngineRun, 'options' | 'signal' | 'onProgress'>;
}

export function reportInputs(job: DataJob): ReportInputs {
  const columns = job.kind === 'calibration' ? job.model.judge?.calibration?.columns : job.model.router?.columns;
  const common = { specPath: job.specPath, dataPath: job.dataPath, workspaceRoots: job.workspaceRoots, specName: job.model.name?.value ?? null, columns };
  const inputs: ReportInputs = job.kind === 'calibration' ? { kind: 'calibration', ...common, options: calibrationOptions(job) } : { kind: 'routing', ...common, options: routingOptions(job) };
  const engine = jobEngine(job);
  const root = workspaceRootFor(job.specPath, job.workspaceRoots);
  if (engine && !('error' in engine) && root) inputs.engine = { source: engine, run: engineRunFor(job, root) };
  return inputs;
}

/** The spec inputs a report depends on besides the file: a change in any of them recomputes it. */
export function reportInputsKey(job: DataJob): string {
  const i = reportInputs(job);
  return JSON.stringify([i.options, i.specName, i.columns ?? null]);
}

export async function computePanelModel(job: ReportInputs, signal?: AbortSignal): Promise<DataReportResult<PanelModel>> {
  const root = workspaceRootFor(job.specPath, job.workspaceRoots);
  if (!root) return { error: { code: 'data-file-outside-workspace', message: `${job.dataPath} is not read: the spec is not inside an open workspace folder.` } };
  const read = { workspaceRoot: root, baseDir: path.dirname(job.specPath), ...(signal ? { signal } : {}), ...(job.columns ? { columns: job.columns } : {}) };
  const specName = job.specName;
  if (job.kind === 'calibration') {
    if (job.engine) return engineCalibration(job, job.engine, signal);
    const r = await calibrationReportFromFile(job.dataPath, read, job.options);
    if (!r.ok) return fileError(r);
    if (!r.report.defined) return undefinedReport(job, r.report.reason);
    return { report: calibrationPanel(r.report.value, source(job.dataPath, r.file), specName) };
  }
  if (job.engine) return engineReport(job, job.engine, signal);
  const r = await routingReportFromFile(job.dataPath, read, job.options);
  if (!r.ok) return fileError(r);
  if (!r.report.defined) return undefinedReport(job, r.report.reason);
  return { report: routingPanel(r.report.value, source(job.dataPath, r.file), specName) };
}

async function engineReport(job: Extract<ReportInputs, { kind: 'routing' }>, engine: EngineInputs, signal?: AbortSignal): Promise<DataReportResult<PanelModel>> {
  const r = await runEngine(engine.source, { ...engine.run, options: job.options, ...(signal ? { signal } : {}) });
  if (!r.ok) return { error: { code: r.code, message: r.message, field: r.field } };
  if (!r.report.defined) return undefinedReport(job, r.report.reason);
  const src: DataSource = { path: job.dataPath, format: r.engine, bytes: r.bytes, rows: r.rows, badRows: { count: r.badRows, examples: [] } };
  return { report: routingPanel(r.report.value, src, job.specName) };
}

async function engineCalibration(job: Extract<ReportInputs, { kind: 'calibration' }>, engine: EngineInputs, signal?: AbortSignal): Promise<DataReportResult<PanelModel>> {
  const r = await runCalibrationEngine(engine.source, { ...engine.run, options: {}, ...(signal ? { signal } : {}) }, job.options);
  if (!r.ok) return { error: { code: r.code, message: r.message, field: r.field } };
  const bad = r.table.badRows;
  const src: DataSource = { path: job.dataPath, format: r.engine, bytes: r.bytes, rows: r.table.rows, badRows: { count: bad.count, examples: bad.examples.map((e) => ({ row: e.row, line: e.line, column: e.column, message: e.message })) } };
  return { report: calibrationPanel(r.report.value, src, job.specName) };
}

function fileError(e: DataFileError): DataReportResult<PanelModel> {
  return { error: { code: dataErrorDiagnosticCode(e.code), message: e.message } };
}

function undefinedReport(job: ReportInputs, reason: string): DataReportResult<PanelModel> {
  return { error: { code: 'data-file-invalid', message: `${job.dataPath}: no ${job.kind} report can be computed: ${reason}` } };
}

function source(dataPath: string, f: TableReadSuccess): DataSource {
  return {
    path: dataPath,
    format: f.format,
    bytes: f.bytes,
    rows: f.rows,
    badRows: { count: f.badRows.count, examples: f.badRows.examples.map((e) => ({ row: e.row, line: e.line, column: e.column, message: e.message })) },
  };
}

const val = (d: Defined<number>): number | null => (d.defined ? d.value : null);

/** Exact decimal text from the core ("0.125", "3/7", "12.5%") as a double for drawing. */
export function exactToNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  const frac = /^(-?[\d.]+)\s*\/\s*([\d.]+)$/.exec(t);
  const v = frac ? Number(frac[1]) / Number(frac[2]) : t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  return Number.isFinite(v) ? v : null;
}

/** The analytic Fisher-z interval beside the bootstrap one (docs/statistics.md, correlation precision). */
function fisherZ(f: RhoFigure, confidence: number): { low: number; high: number } | null {
  if (!f.rho.defined || Math.abs(f.rho.value) >= 1) return null;
  const ci = correlationCi('spearman', f.rho.value, f.n, confidence);
  return ci.defined ? { low: ci.value.lower, high: ci.value.upper } : null;
}

function rhoRow(f: RhoFigure, confidence = 0.95): SpearmanRow {
  const rho: Estimate = {
    value: val(f.rho),
    low: f.interval.defined ? f.interval.value.lower : null,
    high: f.interval.defined ? f.interval.value.upper : null,
  };
  if (!f.rho.defined) rho.reason = f.rho.reason;
  return { label: f.group, n: f.n, rho, fisherZ: fisherZ(f, confidence), below: f.belowThreshold === true };
}

function calibrationPanel(r: CalibrationReport, src: DataSource, specName: string | null): CalibrationPanelModel {
  const conf = r.settings.bootstrap.confidence;
  const kappa = r.kappa.defined
    ? {
        weighting: r.settings.kappaWeights === 'none' ? 'unweighted' : `${r.settings.kappaWeights} weights`,
        batches: r.kappa.value.batches.map((b) => {
          const k: Estimate = { value: val(b.kappa), low: b.interval.defined ? b.interval.value.lower : null, high: b.interval.defined ? b.interval.value.upper : null };
          if (!b.kappa.defined) k.reason = b.kappa.reason;
          return { batch: b.batch, n: b.n, kappa: k, excluded: !b.included };
        }),
        excludedCount: r.kappa.value.batches.filter((b) => !b.included).length,
      }
    : null;
  const hc = r.highConfidence.defined ? r.highConfidence.value : null;
  const precision: Estimate = hc ? { value: val(hc.precision), low: null, high: null } : { value: null, low: null, high: null };
  if (hc && !hc.precision.defined) precision.reason = hc.precision.reason;
  const judgeVsHuman: CalibrationPanelModel['judgeVsHuman'] = [];
  r.table.judgeLabels.forEach((j, i) => r.table.humanLabels.forEach((hm, k) => judgeVsHuman.push({ judge: j, human: hm, count: r.table.counts[i]?.[k] ?? 0 })));
  return {
    kind: 'calibration',
    specName,
    source: src,
    thresholds: { minSpearman: r.settings.minSpearman, minKappa: r.settings.minKappa, highConfidence: r.settings.highConfidenceThreshold, passMark: r.settings.passMark.rule },
    labelsOutsideSet: r.labelsOutsideSet ?? null,
    sampling: r.sampling.defined ? { declared: r.sampling.value.declared, refresh: r.sampling.value.refresh, rowsPerPeriod: r.sampling.value.rowsPerPeriod, ratio: r.sampling.value.ratio, far: r.sampling.value.far } : null,
    // The resamples actually drawn: a large file gets fewer than asked (the report's draw budget).
    bootstrap: { ...r.settings.bootstrap, resamples: r.overall.resamples || r.settings.bootstrap.resamples },
    verdict: { blocked: r.verdict.blocked, summary: r.verdict.message, evidence: r.verdict.evidence },
    spearman: { overall: rhoRow(r.overall, conf), byCohort: r.byCohort.map((x) => rhoRow(x, conf)), byMonth: r.byMonth.map((x) => rhoRow(x, conf)) },
    trend: { crossedAt: r.trend.firstMonthBelow },
    kappa,
    highConfidence: hc ? { threshold: hc.threshold, n: hc.highConfidence, precision, meanConfidence: val(hc.meanConfidence) } : null,
    reliability: r.reliability.defined
      ? r.reliability.value.map((b) => ({ from: b.lower, to: b.upper, n: b.count, meanConfidence: val(b.meanConfidence), accuracy: val(b.observedAgreement) }))
      : [],
    judgeVsHuman,
  };
}

/** The log's spend per day (over its span) × the scale factor: what the router costs a day at the declared traffic. */
function costPerDay(r: RoutingReport, total: number): number | null {
  const span = Date.parse(r.to) - Date.parse(r.from);
  if (!r.scale.defined || !(span > 0)) return null;
  return (total * 86_400_000 * r.scale.value.factorValue) / span;
}

function routingPanel(r: RoutingReport, src: DataSource, specName: string | null): RoutingPanelModel {
  const tiers = r.tiers.map((t) => t.tier);
  const flagship = r.settings.flagshipTier;
  const shares = tiers.map((tier) => {
    const points = r.hourly.map((p) => ({ t: p.hour, share: own(p.share, tier) ?? 0, baseline: own(p.baselineShare, tier) ?? null }));
    const lastBaseline = [...points].reverse().find((p) => p.baseline !== null)?.baseline ?? null;
    return { tier, baseline: lastBaseline, points };
  });
  const total = exactToNumber(r.totalCost.usd) ?? 0;
  const incident = r.incident.defined ? r.incident.value : null;
  const sweep = r.sweep.defined ? r.sweep.value : null;
  return {
    kind: 'routing',
    specName,
    source: src,
    tiers,
    flagshipTier: flagship,
    span: r.requests > 0 ? { from: r.from, to: r.to } : null,
    shares,
    p10: r.daily.map((d) => ({ t: d.day, p10: exactToNumber(d.p10.value) ?? Number.NaN })).filter((d) => Number.isFinite(d.p10)),
    alerts: r.alerts.map((a) => ({
      kind: a.kind as RoutingAlertKind,
      label: a.rule,
      firstFiredAt: a.first?.at ?? null,
      value: exactToNumber(a.first?.observed),
      limit: exactToNumber(a.first?.threshold),
      tier: a.kind === 'p10-confidence' ? null : flagship,
    })),
    costPerTier: r.tiers.map((t) => {
      const cost = exactToNumber(t.cost.usd) ?? 0;
      return { tier: t.tier, requests: t.requests, cost, costShare: t.costShareValue, costPerRequest: t.requests > 0 ? cost / t.requests : null };
    }),
    totalCost: total,
    scale: r.scale.defined ? { factor: r.scale.value.factorValue, statement: scaleStatement(r.scale.value), costPerDayScaled: costPerDay(r, total) } : null,
    scaleReason: r.scale.defined ? null : r.scale.reason,
    incident: incident
      ? {
          startedAt: incident.since,
          costSoFar: exactToNumber(incident.extraSpend.usd),
          windows: incident.windows.map((w) => ({ window: w.window, cost: exactToNumber(w.cost.usd) })),
          ledgerId: incident.windows[0]?.ledgerId ?? null,
          money: incidentMoneyPanel(r.incidentMoney),
        }
      : null,
    frontier: sweep
      ? {
          n: sweep.sampleSize,
          points: sweep.points.map((p) => ({ threshold: p.threshold, costPerRequest: p.costPerRequest, quality: p.meanQuality, pareto: p.onFrontier })),
          current: sweep.current.defined ? { threshold: null, costPerRequest: sweep.current.value.costPerRequest, quality: sweep.current.value.meanQuality } : null,
        }
      : null,
  };
}
