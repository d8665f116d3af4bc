// The routing report from its sufficient statistics (routingStatistics.ts), whichever engine
// produced them: the built-in streaming reader or one SQL scan. No rows here: per-step and per-day
// arrays over the log's span, then the signals and rules below.
//
// Signals and rules (seed text, Deep Dive B, "Detection metric" and "Mitigation"):
//   - flagship share: the share of the last `rollingWindowMinutes` (1 h) of requests, evaluated every
//     `stepMinutes` (5 min), against the baseline share over the `baselineDays` (30) UTC days before the
//     current day; fires when share > baseline + margin (monitoring.flagshipShareAlert, strict, exact).
//     No alert is evaluated before `minBaselineDays` (7) earlier days with traffic exist. Sampling-noise
//     guard (shareGuard): a window also needs ≥ `minWindowRequests` (30) requests and a one-sided exact
//     binomial p-value P(X ≥ k | n, baseline share) ≤ windowAlpha (`shareAlertAlpha` 0.05 false alarms per
//     baseline period, Bonferroni over every window evaluated in it: 5.8e-6); windows the guard holds
//     back are counted in `suppressed`, and the first firing carries the guard's numbers.
//   - p10 of router confidence per UTC day, exact (from the day's order statistics); fires when
//     p10 < floor (monitoring.p10ConfidenceAlert). A day is judged at its end (or at the log's end).
//   - flagship cost share of the rolling hour against `costShareOverMovingAvg` × the mean of the
//     previous `movingAverageDays` (7) daily flagship cost shares (monitoring.costShareAlert).
// Each alert is reported where it FIRST fires. Doubles screen the 10,080 windows of a 35-day log; any
// window within 1e-9 of its threshold, and every first firing, is decided by the exact predicate.
// The baseline share is passed to flagshipShareAlert as a decimal (exact when it terminates, else
// 40 significant digits), because that function takes the baseline as decimal text.
//
// Incident cost: from the start of the window that first fired to the log's end, actual spend minus
// the spend of the same requests at the baseline tier mix, each tier at its mean cost per request over
// that period (the mix effect of the bleed, not price changes). The overrun per day it implies is
// priced at each detection window of the ledger with costs.incidentCost (seed Part 5, Row 1).
import {
  ExactDecimal,
  exactFraction,
  fractionString,
  fractionToDecimal,
} from '../costs/index';
import { costShareAlert, flagshipShareAlert, p10ConfidenceAlert, tierSharesFromCounts } from '../monitoring/index';
import { defined, undefinedBecause, type Defined } from '../types';
import { p10FromOrderStatistics } from './confidenceCounts';
import { NANO, moneyFromNano } from './money';
import { incidentFromGrid } from './routingIncident';
import { incidentMoney, scaleFactor } from './incidentMoney';
import { costShareBelow, costShareNull, costSharePValue } from './costShareGuard';
import { DAY_MS, MAX_TIER_CODES, type RoutingStatistics } from './routingStatistics';
import type { AlertFiring, AlertKind, AlertStatus, DayPoint, HourPoint, RoutingReport, RoutingReportOptions, TierFigures } from './routingTypes';
import { thresholdSweep } from './thresholdSweep';
import { binomialUpperTail } from '../stats/binomialUpperTail';
import { listNames } from '../text/bounded';

const HOUR_MS = 3_600_000;
const CLOSE_CALL = 1e-9;

export const ROUTING_DEFAULTS = {
  tiers: ['cheap', 'mid', 'flagship'] as readonly string[],
  flagshipShareOverBaselinePp: 5,
  minP10Confidence: '0.55',
  costShareOverMovingAvg: '1.10',
  rollingWindowMinutes: 60,
  stepMinutes: 5,
  baselineDays: 30,
  minBaselineDays: 7,
  minWindowRequests: 30,
  shareAlertAlpha: 0.05,
  movingAverageDays: 7,
  p10Method: 'type7' as const,
  maxSpanDays: 400,
};

export type RoutingSettings = RoutingReport['settings'];

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The report's settings: the options with the defaults filled in. */
export function routingSettings(o: RoutingReportOptions): RoutingSettings {
  const declared = [...(o.tiers ?? ROUTING_DEFAULTS.tiers)];
  return {
    tiers: declared,
    flagshipTier: o.flagshipTier ?? declared[declared.length - 1] ?? 'flagship',
    cheapTier: o.cheapTier ?? declared[0] ?? 'cheap',
    flagshipShareOverBaselinePp: o.flagshipShareOverBaselinePp ?? ROUTING_DEFAULTS.flagshipShareOverBaselinePp,
    minP10Confidence: o.minP10Confidence ?? ROUTING_DEFAULTS.minP10Confidence,
    costShareOverMovingAvg: o.costShareOverMovingAvg ?? ROUTING_DEFAULTS.costShareOverMovingAvg,
    rollingWindowMinutes: o.rollingWindowMinutes ?? ROUTING_DEFAULTS.rollingWindowMinutes,
    stepMinutes: o.stepMinutes ?? ROUTING_DEFAULTS.stepMinutes,
    baselineDays: o.baselineDays ?? ROUTING_DEFAULTS.baselineDays,
    minBaselineDays: o.minBaselineDays ?? ROUTING_DEFAULTS.minBaselineDays,
    minWindowRequests: o.minWindowRequests ?? ROUTING_DEFAULTS.minWindowRequests,
    shareAlertAlpha: o.shareAlertAlpha ?? ROUTING_DEFAULTS.shareAlertAlpha,
    movingAverageDays: o.movingAverageDays ?? ROUTING_DEFAULTS.movingAverageDays,
    p10Method: o.p10Method ?? ROUTING_DEFAULTS.p10Method,
    maxSpanDays: o.maxSpanDays ?? ROUTING_DEFAULTS.maxSpanDays,
    ledger: (o.ledger ?? []).map((r) => ({ id: r.id, detection: [...r.detection], ...(r.share !== undefined ? { share: r.share } : {}), ...(r.costMultiplier !== undefined ? { costMultiplier: r.costMultiplier } : {}) })),
    money: { ...(o.money ?? {}) },
  };
}

/** The statistics laid out on gap-free step and day grids over the log's span, per declared tier. */
export interface RoutingGrid {
  stats: RoutingStatistics;
  settings: RoutingSettings;
  declared: readonly string[];
  /** Index of the flagship tier in `declared`. */
  f: number;
  stepMs: number;
  firstStep: number;
  nSteps: number;
  stepCount: Float64Array[];
  stepCost: Float64Array[];
  stepTotal: Float64Array;
  stepCostTotal: Float64Array;
  /** Undeclared tier names (and the overflow row) with their request counts. */
  unknownCounts: Map<string, number>;
  firstDay: number;
  nDays: number;
  dayCount: Float64Array[];
  dayCost: Float64Array[];
  dayTotal: Float64Array;
  dayCostTotal: Float64Array;
  baseCount: Float64Array[];
  baseTotal: Float64Array;
  baseDaysWithData: Int32Array;
  dayOfStep: (s: number) => number;
  baselineReady: (d: number) => boolean;
}

/** The routing report from its sufficient statistics. */
export function routingReportFromStatistics(stats: RoutingStatistics, options: RoutingReportOptions = {}): Defined<RoutingReport> {
  if (stats.rows === 0) return undefinedBecause('the routing log has no valid rows, so there is nothing to report');
  const settings = routingSettings(options);
  if (stats.stepMinutes !== settings.stepMinutes) throw new RangeError(`routingReportFromStatistics: statistics cut at ${stats.stepMinutes}-minute steps, report asks ${settings.stepMinutes}`);
  const grid = routingGrid(stats, settings);
  if (!grid.defined) return grid;
  const g = grid.value;
  const [flagStatus, costStatus] = windowAlerts(g);
  const { daily, p10Status } = dailyPoints(g);
  const alerts = [flagStatus, p10Status, costStatus];
  const firsts = alerts.map((a) => a.first).filter((a): a is AlertFiring => a !== null);
  const firstAlert = firsts.length === 0 ? null : firsts.reduce((a, b) => (Date.parse(b.at) < Date.parse(a.at) ? b : a));
  const { tiers, totalCount, totalCost, allCostWithUnknown, unknownTiers } = tierFigures(g);
  const incident = incidentFromGrid(g, firstAlert);
  const money = incidentMoney(incident, stats.rows, stats.minT, stats.maxT, settings);
  const tierMean = (name: string): { perRequest: number; exact: string } | undefined => {
    const t = g.declared.indexOf(name);
    if (t < 0) return undefined;
    const n = totalCount.get(name) ?? 0;
    if (n === 0) return undefined;
    const d = new ExactDecimal(String(totalCost[t])).div(NANO).div(n);
    return { perRequest: d.toNumber(), exact: d.toFixed() };
  };
  const sweep = thresholdSweep(stats.sweep, settings.cheapTier, settings.flagshipTier, tierMean(settings.cheapTier), tierMean(settings.flagshipTier));
  return defined({
    kind: 'routing',
    requests: stats.rows,
    from: iso(stats.minT),
    to: iso(stats.maxT),
    tiers,
    unknownTiers,
    totalCost: moneyFromNano(allCostWithUnknown),
    costsRounded: stats.costsRounded,
    hourly: hourlyPoints(g),
    daily,
    alerts,
    firstAlert,
    incident,
    incidentMoney: money,
    scale: scaleFactor(stats.rows, stats.minT, stats.maxT, settings.money),
    sweep,
    settings,
  });
}

/** Step and day grids; undefined when the span is over maxSpanDays or the flagship is undeclared. */
export function routingGrid(stats: RoutingStatistics, settings: RoutingSettings): Defined<RoutingGrid> {
  const stepKeys = [...stats.steps.keys()].sort((a, b) => a - b);
  const firstStep = stepKeys[0] as number;
  const lastStep = stepKeys[stepKeys.length - 1] as number;
  const stepMs = stats.stepMinutes * 60_000;
  const spanDays = ((lastStep - firstStep + 1) * stepMs) / DAY_MS;
  if (spanDays > settings.maxSpanDays) {
    return undefinedBecause(`the routing log spans ${spanDays.toFixed(1)} days (${iso(firstStep * stepMs)} to ${iso((lastStep + 1) * stepMs)}), over the ${settings.maxSpanDays}-day limit (maxSpanDays); check for a wrong timestamp or report on a shorter period`);
  }
  const declared = settings.tiers;
  const f = declared.indexOf(settings.flagshipTier);
  const steps = stepGrid(stats, declared, firstStep, lastStep - firstStep + 1);
  if (f < 0) return undefinedBecause(`the flagship tier "${settings.flagshipTier}" is not among the declared tiers (${listNames(declared, { clip: true })})`);
  const firstDay = Math.floor((firstStep * stepMs) / DAY_MS);
  const nDays = Math.floor((lastStep * stepMs) / DAY_MS) - firstDay + 1;
  const stepsPerDay = DAY_MS / stepMs;
  const dayOfStep = (s: number): number => Math.floor((firstStep + s) / stepsPerDay) - firstDay;
  const days = dayGrid(steps, declared.length, nDays, dayOfStep, settings.baselineDays);
  const baselineReady = (d: number): boolean => (days.baseDaysWithData[d] as number) >= settings.minBaselineDays && (days.baseTotal[d] as number) > 0;
  return defined({ stats, settings, declared, f, stepMs, firstStep, ...steps, firstDay, nDays, ...days, dayOfStep, baselineReady });
}

type StepArrays = Pick<RoutingGrid, 'nSteps' | 'stepCount' | 'stepCost' | 'stepTotal' | 'stepCostTotal' | 'unknownCounts'>;

function stepGrid(stats: RoutingStatistics, declared: readonly string[], firstStep: number, nSteps: number): StepArrays {
  const dict = stats.tierNames;
  const codeToTier = new Int32Array(MAX_TIER_CODES).fill(-1);
  const unknownCounts = new Map<string, number>();
  dict.forEach((name, code) => {
    if (code < MAX_TIER_CODES) codeToTier[code] = declared.indexOf(name);
  });
  const stepCount: Float64Array[] = declared.map(() => new Float64Array(nSteps));
  const stepCost: Float64Array[] = declared.map(() => new Float64Array(nSteps));
  const stepTotal = new Float64Array(nSteps);
  const stepCostTotal = new Float64Array(nSteps);
  for (const [step, b] of stats.steps) {
    const s = step - firstStep;
    for (let code = 0; code < Math.min(dict.length, MAX_TIER_CODES); code++) {
      const n = b[code] as number;
      if (n === 0) continue;
      const cn = b[MAX_TIER_CODES + code] as number;
      stepTotal[s]! += n;
      stepCostTotal[s]! += cn;
      const t = codeToTier[code] as number;
      if (t >= 0) {
        stepCount[t]![s]! += n;
        stepCost[t]![s]! += cn;
      } else unknownCounts.set(dict[code] as string, (unknownCounts.get(dict[code] as string) ?? 0) + n);
    }
  }
  if (stats.overflowTierRows > 0) unknownCounts.set(`(tier names beyond the first ${MAX_TIER_CODES})`, stats.overflowTierRows);
  return { nSteps, stepCount, stepCost, stepTotal, stepCostTotal, unknownCounts };
}

type DayArrays = Pick<RoutingGrid, 'dayCount' | 'dayCost' | 'dayTotal' | 'dayCostTotal' | 'baseCount' | 'baseTotal' | 'baseDaysWithData'>;

function dayGrid(steps: StepArrays, T: number, nDays: number, dayOfStep: (s: number) => number, baselineDays: number): DayArrays {
  const dayCount = Array.from({ length: T }, () => new Float64Array(nDays));
  const dayCost = Array.from({ length: T }, () => new Float64Array(nDays));
  const dayTotal = new Float64Array(nDays);
  const dayCostTotal = new Float64Array(nDays);
  for (let s = 0; s < steps.nSteps; s++) {
    const d = dayOfStep(s);
    dayTotal[d]! += steps.stepTotal[s] as number;
    dayCostTotal[d]! += steps.stepCostTotal[s] as number;
    for (let t = 0; t < T; t++) {
      dayCount[t]![d]! += steps.stepCount[t]![s] as number;
      dayCost[t]![d]! += steps.stepCost[t]![s] as number;
    }
  }
  // baseline per day: trailing baselineDays days before d
  const baseCount = Array.from({ length: T }, () => new Float64Array(nDays));
  const baseTotal = new Float64Array(nDays);
  const baseDaysWithData = new Int32Array(nDays);
  for (let d = 0; d < nDays; d++) {
    for (let k = Math.max(0, d - baselineDays); k < d; k++) {
      if ((dayTotal[k] as number) > 0) baseDaysWithData[d]!++;
      baseTotal[d]! += dayTotal[k] as number;
      for (let t = 0; t < T; t++) baseCount[t]![d]! += dayCount[t]![k] as number;
    }
  }
  return { dayCount, dayCost, dayTotal, dayCostTotal, baseCount, baseTotal, baseDaysWithData };
}

function dayFlagCostShare(g: RoutingGrid, d: number): number {
  return (g.dayCostTotal[d] as number) > 0 ? (g.dayCost[g.f]![d] as number) / (g.dayCostTotal[d] as number) : Number.NaN;
}

/** Rolling sums over the last W steps, advanced one step at a time. */
class RollingWindow {
  total = 0;
  flag = 0;
  cost = 0;
  flagCost = 0;
  constructor(private readonly g: RoutingGrid, private readonly W: number) {}
  advance(s: number): void {
    const g = this.g;
    this.total += g.stepTotal[s] as number;
    this.flag += g.stepCount[g.f]![s] as number;
    this.cost += g.stepCostTotal[s] as number;
    this.flagCost += g.stepCost[g.f]![s] as number;
    if (s >= this.W) {
      const o = s - this.W;
      this.total -= g.stepTotal[o] as number;
      this.flag -= g.stepCount[g.f]![o] as number;
      this.cost -= g.stepCostTotal[o] as number;
      this.flagCost -= g.stepCost[g.f]![o] as number;
    }
  }
}

/** The flagship-share and cost-share alerts over every rolling window. */
function windowAlerts(g: RoutingGrid): [AlertStatus, AlertStatus] {
  const st = g.settings;
  const flagStatus: AlertStatus = { kind: 'flagship-share', rule: `flagship share of the last ${st.rollingWindowMinutes} min > ${st.baselineDays}-day baseline + ${st.flagshipShareOverBaselinePp} pp`, evaluated: 0, firing: 0, first: null };
  const costStatus: AlertStatus = { kind: 'cost-share', rule: `flagship cost share of the last ${st.rollingWindowMinutes} min > ${st.costShareOverMovingAvg} × its ${st.movingAverageDays}-day moving average`, evaluated: 0, firing: 0, first: null };
  const W = st.rollingWindowMinutes / st.stepMinutes;
  const w = new RollingWindow(g, W);
  for (let s = 0; s < g.nSteps; s++) {
    w.advance(s);
    const d = g.dayOfStep(s);
    if (!g.baselineReady(d) || w.total === 0) continue;
    const end = (g.firstStep + s + 1) * g.stepMs;
    const windowStart = end - W * g.stepMs;
    flagshipShareWindow(g, flagStatus, w, d, end, windowStart);
    costShareWindow(g, costStatus, w, d, end, windowStart);
  }
  return [flagStatus, costStatus];
}

/**
 * The sampling-noise guard of the flagship-share alert (docs/statistics.md): a window fires only with
 * at least `minWindowRequests` requests and when a one-sided exact binomial test rejects "the window's
 * flagship share is the baseline share": P(X ≥ k | n, baseline) ≤ `shareAlertAlpha`.
 */
export function shareGuard(k: number, n: number, baseline: number, st: RoutingSettings): { passes: boolean; pValue: number; alpha: number } {
  const pValue = binomialUpperTail(k, n, baseline);
  const alpha = windowAlpha(st);
  return { passes: n >= st.minWindowRequests && pValue <= alpha, pValue, alpha };
}

/**
 * The per-window level: the false-alarm budget `shareAlertAlpha` (default 0.05) per baseline period,
 * Bonferroni-split over every window evaluated in that period (30 days × 288 five-minute steps =
 * 8,640, so 0.05 / 8,640 ≈ 5.8e-6 a window). Bonferroni holds whatever the dependence between the
 * overlapping windows, so a stationary log fires at most 0.05 times per 30 days on average.
 */
export function windowAlpha(st: RoutingSettings): number {
  return st.shareAlertAlpha / Math.max(1, (st.baselineDays * 24 * 60) / st.stepMinutes);
}

function flagshipShareWindow(g: RoutingGrid, status: AlertStatus, w: RollingWindow, d: number, end: number, windowStart: number): void {
  const st = g.settings;
  const marginFraction = new ExactDecimal(String(st.flagshipShareOverBaselinePp)).div(100);
  status.evaluated++;
  const base = (g.baseCount[g.f]![d] as number) / (g.baseTotal[d] as number);
  const share = w.flag / w.total;
  const margin = marginFraction.toNumber();
  let fires = share > base + margin;
  let threshold: string | undefined;
  if (Math.abs(share - (base + margin)) <= CLOSE_CALL || (fires && status.first === null)) {
    const baseline = fractionToDecimal(exactFraction(g.baseCount[g.f]![d] as number, g.baseTotal[d] as number));
    const r = flagshipShareAlert(exactFraction(w.flag, w.total), baseline, marginFraction);
    fires = r.alert;
    threshold = r.threshold.toFixed();
  }
  if (!fires) return;
  const guard = shareGuard(w.flag, w.total, base, st);
  if (!guard.passes) {
    status.suppressed = (status.suppressed ?? 0) + 1;
    return;
  }
  status.firing++;
  if (status.first !== null) return;
  status.first = firing('flagship-share', end, windowStart, fractionString(exactFraction(w.flag, w.total)), threshold!,
    `flagship share ${(share * 100).toFixed(2)}% over the last ${st.rollingWindowMinutes} min exceeds the ${st.baselineDays}-day baseline ${(base * 100).toFixed(2)}% + ${st.flagshipShareOverBaselinePp} pp (${w.flag} of ${w.total} requests; one-sided exact binomial p = ${guard.pValue.toExponential(1)} against the baseline share, ≤ ${guard.alpha.toExponential(1)} = ${st.shareAlertAlpha} false alarms per ${st.baselineDays} days over its ${st.stepMinutes}-min steps; at least ${st.minWindowRequests} requests a window)`);
  status.first.guard = { requests: w.total, flagship: w.flag, baselineShare: base, pValue: guard.pValue, alpha: guard.alpha, minWindowRequests: st.minWindowRequests };
}

function costShareWindow(g: RoutingGrid, status: AlertStatus, w: RollingWindow, d: number, end: number, windowStart: number): void {
  const st = g.settings;
  const D = st.movingAverageDays;
  if (d < D || w.cost <= 0) return;
  const hist: number[] = [];
  for (let k = d - D; k < d; k++) hist.push(k);
  if (!hist.every((k) => (g.dayCostTotal[k] as number) > 0)) return;
  const multiplier = new ExactDecimal(String(st.costShareOverMovingAvg));
  const multiplierValue = multiplier.toNumber();
  status.evaluated++;
  const mean = hist.reduce((a, k) => a + dayFlagCostShare(g, k), 0) / D;
  const cs = w.flagCost / w.cost;
  let fires = cs > multiplierValue * mean;
  let threshold: string | undefined;
  if (Math.abs(cs - multiplierValue * mean) <= CLOSE_CALL || (fires && status.first === null)) {
    const r = costShareAlert(exactFraction(w.flagCost, w.cost), hist.map((k) => exactFraction(g.dayCost[g.f]![k] as number, g.dayCostTotal[k] as number)), multiplier);
    fires = r.alert;
    threshold = r.threshold.toFixed();
  }
  if (!fires) return;
  const guard = costGuard(g, hist, w, cs, status.first === null);
  if (!guard.passes) {
    status.suppressed = (status.suppressed ?? 0) + 1;
    return;
  }
  status.firing++;
  if (status.first !== null) return;
  status.first = firing('cost-share', end, windowStart, fractionString(exactFraction(w.flagCost, w.cost)), threshold!,
    `flagship cost share ${(cs * 100).toFixed(2)}% over the last ${st.rollingWindowMinutes} min exceeds ${st.costShareOverMovingAvg} × the ${D}-day moving average ${(mean * 100).toFixed(2)}% (${w.flag} of ${w.total} requests on the flagship; P(cost share ≥ observed) = ${guard.pValue.toExponential(1)} for a window of ${w.total} requests drawn from the ${D} days' tier mix and costs, ≤ ${guard.alpha.toExponential(1)}; at least ${st.minWindowRequests} requests a window)`);
  status.first.guard = { requests: w.total, flagship: w.flag, baselineShare: guard.flagshipShare, pValue: guard.pValue, alpha: guard.alpha, minWindowRequests: st.minWindowRequests };
}

/**
 * The cost-share alert's sampling-noise guard (costShareGuard.ts) against the moving-average days.
 * `withPValue` false: only the decision is needed (pValue is then NaN).
 */
function costGuard(g: RoutingGrid, hist: readonly number[], w: RollingWindow, cs: number, withPValue: boolean): { passes: boolean; pValue: number; alpha: number; flagshipShare: number } {
  const st = g.settings;
  const counts = g.declared.map((_, t) => hist.reduce((a, k) => a + (g.dayCount[t]![k] as number), 0));
  const costs = g.declared.map((_, t) => hist.reduce((a, k) => a + (g.dayCost[t]![k] as number), 0));
  const h = costShareNull(counts, costs, g.f);
  const alpha = windowAlpha(st);
  if (!h) return { passes: false, pValue: 1, alpha, flagshipShare: Number.NaN };
  if (w.total < st.minWindowRequests) return { passes: false, pValue: withPValue ? costSharePValue(cs, w.total, h) : Number.NaN, alpha, flagshipShare: h.flagshipShare };
  if (!withPValue) return { passes: costShareBelow(cs, w.total, h, alpha), pValue: Number.NaN, alpha, flagshipShare: h.flagshipShare };
  const pValue = costSharePValue(cs, w.total, h);
  return { passes: pValue <= alpha, pValue, alpha, flagshipShare: h.flagshipShare };
}

/** Per-day points and the p10 alert. */
function dailyPoints(g: RoutingGrid): { daily: DayPoint[]; p10Status: AlertStatus } {
  const st = g.settings;
  const p10Status: AlertStatus = { kind: 'p10-confidence', rule: `daily p10 of router confidence < ${st.minP10Confidence}`, evaluated: 0, firing: 0, first: null };
  const daily: DayPoint[] = [];
  const logEnd = (g.firstStep + g.nSteps) * g.stepMs;
  for (let d = 0; d < g.nDays; d++) {
    const os = g.stats.days.get(g.firstDay + d);
    if (!os || os.n === 0) continue;
    const p = p10FromOrderStatistics(os, st.p10Method);
    p10Status.evaluated++;
    const dayStart = (g.firstDay + d) * DAY_MS;
    const judgedAt = Math.min(dayStart + DAY_MS, logEnd);
    if (p10ConfidenceAlert(p.value, st.minP10Confidence)) {
      p10Status.firing++;
      if (p10Status.first === null) {
        p10Status.first = firing('p10-confidence', judgedAt, dayStart, p.value.toFixed(), String(st.minP10Confidence),
          `p10 of router confidence on ${iso(dayStart).slice(0, 10)} is ${p.value.toFixed()}, under ${st.minP10Confidence}`);
      }
    }
    daily.push({
      day: iso(dayStart).slice(0, 10),
      requests: g.dayTotal[d] as number,
      p10: { value: p.value.toFixed(), exact: p.exact },
      flagshipShare: (g.dayTotal[d] as number) > 0 ? (g.dayCount[g.f]![d] as number) / (g.dayTotal[d] as number) : 0,
      flagshipCostShare: dayFlagCostShare(g, d) || 0,
      costUsd: moneyFromNano(g.dayCostTotal[d] as number).usd,
    });
  }
  return { daily, p10Status };
}

function hourlyPoints(g: RoutingGrid): HourPoint[] {
  const T = g.declared.length;
  const stepsPerHour = HOUR_MS / g.stepMs;
  const hourly: HourPoint[] = [];
  const firstHour = Math.floor((g.firstStep * g.stepMs) / HOUR_MS);
  const lastHour = Math.floor(((g.firstStep + g.nSteps - 1) * g.stepMs) / HOUR_MS);
  for (let h = firstHour; h <= lastHour; h++) {
    const s0 = h * stepsPerHour - g.firstStep;
    let n = 0;
    let costAll = 0;
    const counts = new Float64Array(T);
    const costs = new Float64Array(T);
    for (let s = Math.max(0, s0); s < Math.min(g.nSteps, s0 + stepsPerHour); s++) {
      n += g.stepTotal[s] as number;
      costAll += g.stepCostTotal[s] as number;
      for (let t = 0; t < T; t++) {
        counts[t]! += g.stepCount[t]![s] as number;
        costs[t]! += g.stepCost[t]![s] as number;
      }
    }
    const d = Math.floor((h * HOUR_MS) / DAY_MS) - g.firstDay;
    const point: HourPoint = {
      hour: iso(h * HOUR_MS),
      requests: n,
      share: Object.fromEntries(g.declared.map((name, t) => [name, n > 0 ? (counts[t] as number) / n : 0])),
      costUsd: Object.fromEntries(g.declared.map((name, t) => [name, moneyFromNano(costs[t] as number).usd])),
      flagshipCostShare: costAll > 0 ? (costs[g.f] as number) / costAll : 0,
    };
    if (g.baselineReady(d)) point.baselineShare = Object.fromEntries(g.declared.map((name, t) => [name, (g.baseCount[t]![d] as number) / (g.baseTotal[d] as number)]));
    hourly.push(point);
  }
  return hourly;
}

function tierFigures(g: RoutingGrid): { tiers: TierFigures[]; totalCount: Map<string, number>; totalCost: Float64Array; allCostWithUnknown: number; unknownTiers: RoutingReport['unknownTiers'] } {
  const T = g.declared.length;
  const totalCount = new Map<string, number>();
  const totalCost = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let n = 0;
    for (let d = 0; d < g.nDays; d++) {
      n += g.dayCount[t]![d] as number;
      totalCost[t]! += g.dayCost[t]![d] as number;
    }
    totalCount.set(g.declared[t] as string, n);
  }
  for (const [name, n] of g.unknownCounts) totalCount.set(name, (totalCount.get(name) ?? 0) + n);
  let allCostWithUnknown = 0;
  for (let s = 0; s < g.nSteps; s++) allCostWithUnknown += g.stepCostTotal[s] as number;
  const shares = tierSharesFromCounts(totalCount, g.declared);
  const q = g.stats.tierQuality;
  const tiers: TierFigures[] = g.declared.map((name, t) => {
    const code = g.stats.tierNames.indexOf(name);
    const qn = code >= 0 && code < MAX_TIER_CODES ? (q.n[code] as number) : 0;
    const share = shares.shares[name]!;
    return {
      tier: name,
      requests: share.count,
      share: share.exact,
      shareValue: share.value,
      cost: moneyFromNano(totalCost[t] as number),
      costShareValue: allCostWithUnknown > 0 ? (totalCost[t] as number) / allCostWithUnknown : 0,
      meanQuality: qn > 0 ? defined((q.sum[code] as number) / qn) : undefinedBecause(`no ${name} request has a quality value`),
    };
  });
  return { tiers, totalCount, totalCost, allCostWithUnknown, unknownTiers: shares.unknownTiers };
}

function firing(kind: AlertKind, at: number, windowStart: number, observed: string, threshold: string, message: string): AlertFiring {
  return { kind, at: iso(at), windowStart: iso(windowStart), observed, threshold, message };
}
