// What the declared golden-set size gives: for each sized metric the half-width on the
// traffic-weighted overall rate and in each cohort (the set split equally over cohorts, the split
// the per-cohort sizing assumes), the one-sided lower bound a pass-rate gate reads, and the
// stratified estimate beside the naive mean when the split is out of proportion to traffic.
import type { EvalSpecModel } from '../model/spec';
import { pooledMinDetectableDifference, zFromConfidence } from '../stats';
import { formatCount, formatNumber, formatPercent, formatPp } from './format';
import type { GoldenSetFigures } from './goldenSetFigures';
import { halfWidthText, methodName } from './sizing/text';
import type { FigureSink } from './types';
import type { SizedMetric, SizingCell } from './sizing/cells';
import { intervalsAt, oneSidedLowerBound, perCohortHalfWidths, stratifiedPlan, type CohortHalfWidth, type IntervalAt, type StratifiedEstimate } from './sizing/declared';
import { cellHalfWidth } from './sizing/precision';

export interface DeclaredMetric {
  id: string;
  kind: 'proportion' | 'mean';
  /** The traffic-weighted overall rate (proportions). */
  p?: number;
  sd?: number;
  z: number;
  /** Half-width on the overall rate with the spec's method (stratified when the split is out of proportion). */
  halfWidth: number;
  waldHalfWidth: number;
  intervals?: Record<'wald' | 'wilson' | 'exact', IntervalAt>;
  oneSidedLower?: number;
  stratified?: StratifiedEstimate;
  perCohort: CohortHalfWidth[];
}

/** n split as evenly as whole examples allow: the first n mod k cohorts get one more. */
export function equalSplit(n: number, names: string[]): Map<string, number> {
  const base = Math.floor(n / names.length);
  return new Map(names.map((c, i) => [c, base + (i < n % names.length ? 1 : 0)]));
}

function declaredMetric(metric: SizedMetric, cells: SizingCell[], n: number, f: GoldenSetFigures): DeclaredMetric {
  const c = f.confidence;
  const z = zFromConfidence(c);
  const names = cells.flatMap((x) => (x.cohort ? [x.cohort.name] : []));
  const split = names.length ? equalSplit(n, names) : new Map<string, number>();
  const perCohort = perCohortHalfWidths(cells, (name) => split.get(name) ?? 0, c);
  if (metric.kind === 'mean') {
    const hw = cellHalfWidth(cells[0]!, n, c);
    return { id: metric.id, kind: 'mean', sd: metric.sd, z, halfWidth: hw, waldHalfWidth: hw, perCohort };
  }
  const shares = cells.every((x) => x.cohort?.share !== undefined) && names.length > 0;
  const strat = shares ? stratifiedPlan(cells.map((x) => ({ cohort: x.cohort!.name, share: x.cohort!.share!, n: split.get(x.cohort!.name) ?? 0, p: x.p! })), c) : undefined;
  const p = strat?.estimate ?? metric.p!;
  const intervals = intervalsAt(p, n, c);
  const wald = z * Math.sqrt((p * (1 - p)) / n);
  const halfWidth = strat?.outOfProportion ? strat.halfWidth : f.method === 'wald' ? wald : intervals[f.method].halfWidth;
  return { id: metric.id, kind: 'proportion', p, z, halfWidth, waldHalfWidth: wald, intervals, oneSidedLower: oneSidedLowerBound(f.method, p, n, c), stratified: strat, perCohort };
}

/** The metric the declared size is shown for: the binding one, else the first sized. */
function shownMetric(f: GoldenSetFigures, metrics: DeclaredMetric[]): DeclaredMetric {
  const id = f.binding === 'power' ? f.power?.metric : f.precision?.metric ?? f.power?.metric;
  return metrics.find((x) => x.id === id) ?? metrics[0]!;
}

function perCohortText(d: DeclaredMetric, cell: SizingCell): string | undefined {
  if (d.perCohort.length < 2) return undefined;
  const worst = d.perCohort.reduce((a, b) => (b.halfWidth > a.halfWidth ? b : a));
  const uniform = d.perCohort.every((x) => halfWidthText(cell, x.halfWidth) === halfWidthText(cell, worst.halfWidth));
  return `${halfWidthText(cell, worst.halfWidth)} ${uniform ? 'per cohort' : `in ${worst.cohort}`}`;
}

export function declaredFigures(m: EvalSpecModel, f: GoldenSetFigures, json: Record<string, unknown>, out: FigureSink): void {
  const g = m.goldenSet!;
  if (!g.size || f.cells.length === 0) return;
  const n = g.size.value;
  const metricsInOrder = [...new Map(f.cells.map((c) => [c.metric.id, c.metric])).values()];
  const metrics = metricsInOrder.map((x) => declaredMetric(x, f.cells.filter((c) => c.metric.id === x.id), n, f));
  json['declared'] = { size: n, split: f.cohorts > 1 ? 'equal per cohort' : 'whole set', metrics };
  const d = shownMetric(f, metrics);
  const cell = f.cells.find((c) => c.metric.id === d.id)!;
  if (d.p !== undefined) {
    const perGroup = Math.max(1, Math.floor(n / f.cohorts));
    const mdd = pooledMinDetectableDifference(d.p, perGroup, { alpha: 1 - f.confidence, power: g.power?.value ?? 0.8 });
    json['minimumDetectableDifference'] = {
      metric: d.id,
      nPerGroup: perGroup,
      up: mdd.up.defined ? mdd.up.value : { undefinedBecause: mdd.up.reason },
      down: mdd.down.defined ? mdd.down.value : { undefinedBecause: mdd.down.reason },
    };
  }
  const conf = formatPercent(f.confidence, 2);
  const method = d.stratified?.outOfProportion ? 'stratified' : methodName[f.method];
  const overall = `${halfWidthText(cell, d.halfWidth)} ${f.cohorts > 1 ? 'overall ' : ''}(${d.kind === 'mean' ? 'normal' : method}, ${conf})`;
  const pc = perCohortText(d, cell);
  const needs = f.required !== undefined && f.required > n ? `needs ${formatCount(f.required)}` : undefined;
  out.note({
    id: 'goldenSet.halfWidth',
    anchor: g.size.keyRange,
    hint: [overall, pc, needs].filter(Boolean).join(' · '),
    title: `Precision of a golden set of ${formatCount(n)}`,
    formula: declaredFormula(d, f),
    substituted: `z = ${formatNumber(d.z, 6)} (${conf}), ${d.kind === 'mean' ? `sd = ${d.sd}` : `p = ${formatNumber(d.p!, 6)}`} (${d.id}${f.cohorts > 1 ? ', traffic-weighted' : ''}), n = ${formatCount(n)}${f.cohorts > 1 ? ` split ${[...new Set(d.perCohort.map((x) => formatCount(x.n)))].join('/')} per cohort` : ''}`,
    result: declaredResult(d, cell, f, pc),
    caveats: declaredCaveats(d, f, n),
  });
  out.lines.push(`golden set ${formatCount(n)}: ${overall}${pc ? `, ${pc}` : ''}${d.p !== undefined ? `, p=${formatNumber(d.p, 4)}` : ''} (${d.id})`);
}

function declaredFormula(d: DeclaredMetric, f: GoldenSetFigures): string {
  if (d.kind === 'mean') return 'half-width = z · sd / √n, as a share of the scale';
  if (d.stratified?.outOfProportion) return 'stratified: p̂ = Σ w_h p̂_h, SE = √(Σ w_h² p_h(1 − p_h)/n_h), half-width = z · SE';
  return f.method === 'wald' ? 'half-width = z · √(p(1 − p)/n)' : f.method === 'wilson' ? 'Wilson score interval at x = round(p·n): (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)' : 'Clopper-Pearson at x = round(p·n): Beta quantiles of (x, n − x + 1) and (x + 1, n − x)';
}

function declaredResult(d: DeclaredMetric, cell: SizingCell, f: GoldenSetFigures, pc: string | undefined): string {
  const parts = [`${halfWidthText(cell, d.halfWidth, 2)} on the ${f.cohorts > 1 ? 'traffic-weighted overall rate' : 'pass rate'}`];
  if (pc) parts.push(pc);
  if (d.intervals) parts.push(`at ${formatCount(d.intervals.wald.count)} passes: Wald ±${formatPp(d.waldHalfWidth, 2)}, Wilson ±${formatPp(d.intervals.wilson.halfWidth, 2)}, Clopper-Pearson ±${formatPp(d.intervals.exact.halfWidth, 2)}`);
  if (d.oneSidedLower !== undefined) parts.push(`a pass-rate gate can claim at least ${formatPercent(d.oneSidedLower, 2)} (one-sided ${formatPercent(f.confidence, 2)} lower bound, ${methodName[f.method]})`);
  return parts.join('; ');
}

function declaredCaveats(d: DeclaredMetric, f: GoldenSetFigures, n: number): string[] {
  const out: string[] = [];
  if (d.p !== undefined && f.method === 'wald' && (d.p * n < 10 || (1 - d.p) * n < 10)) out.push(`Wald misleads here: n·p = ${formatNumber(d.p * n, 1)} and n·(1−p) = ${formatNumber((1 - d.p) * n, 1)}; one under 10 makes the normal approximation unreliable. Trust Wilson or Clopper-Pearson.`);
  const s = d.stratified;
  if (s?.outOfProportion) out.push(`The equal split samples cohorts out of proportion to traffic: the stratified estimate ${formatPercent(s.estimate, 2)} ± ${formatPp(s.halfWidth, 2)} (SE ${formatPp(s.standardError, 2)}) is the traffic-weighted rate; the naive mean of the pooled set, ${formatPercent(s.naiveMean, 2)} ± ${formatPp(s.naiveHalfWidth, 2)}, is ${Math.abs(s.naiveBias) < 5e-5 ? 'centred right only because every cohort has the same rate, and its ± understates the spread' : `${formatPp(Math.abs(s.naiveBias), 2)} ${s.naiveBias > 0 ? 'too high' : 'too low'}`}.`);
  return out;
}
