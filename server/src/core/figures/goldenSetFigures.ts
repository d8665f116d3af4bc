// Golden-set figures: the precision the declared size gives, the size a precision target needs
// (Wald as in the seed; the smallest n whose Wilson or exact interval meets it), the size a power
// target needs to detect a change between two models, and which target binds.
// Conventions (docs/statistics.md): z from the exact probit of the confidence level; ceilings
// exact; cohorts multiply the need (each cohort gets the precision or power on its own).
import {
  arcsineSampleSize,
  exactMinSampleSize,
  goldenSetSize,
  pairedSampleSize,
  pooledMinDetectableDifference,
  pooledSampleSize,
  proportionInterval,
  waldHalfWidth,
  wilsonMinSampleSize,
} from '../stats';
import type { EvalSpecModel, MetricModel } from '../model/spec';
import { memoize } from './memo';
import { formatCount, formatNumber, formatPercent, formatPp } from './format';
import type { FigureSink } from './types';

// Each is a search or a root solve: a spec with hundreds of cohorts at a few distinct rates, edited
// keystroke by keystroke, asks the same questions again and again.
const wilsonN = memoize((p: number, h: number, c: number) => wilsonMinSampleSize(p, h, c).n);
const exactN = memoize((p: number, h: number, c: number) => exactMinSampleSize(p, h, c).n);
const waldSize = memoize((p: number, h: number, c: number, cohorts: number) => goldenSetSize({ p, halfWidth: h, confidence: c, cohorts }));
const pooledN = memoize((p1: number, p2: number, alpha: number, power: number) => pooledSampleSize(p1, p2, { alpha, power }).nPerGroup);
const arcsineN = memoize((p1: number, p2: number, alpha: number, power: number) => arcsineSampleSize(p1, p2, { alpha, power }).nPerGroup);
// A declared paired design (golden_set.paired): items scored by both models, Connor (1987); an
// impossible discordance for this p1 → p2 falls back to the independent-groups size.
const pairedN = memoize((p1: number, p2: number, alpha: number, power: number, psi: number) => {
  const r = pairedSampleSize({ p1, p2, psi, alpha, power }).n;
  return r.defined ? r.value : undefined;
});

export type IntervalMethod = 'wald' | 'wilson' | 'exact';

const methodName: Record<IntervalMethod, string> = { wald: 'Wald', wilson: 'Wilson', exact: 'Clopper-Pearson' };
const statsMethod = { wald: 'wald', wilson: 'wilson', exact: 'clopper_pearson' } as const;

export interface PrecisionNeed {
  metric: string;
  p: number;
  method: IntervalMethod;
  perCohort: number;
  total: number;
  waldTotal: number;
  waldPerCohort: number;
  wilsonPerCohort: number;
  exactPerCohort: number;
  /** Present when cohorts carry their own expected pass rates: each cohort's size. */
  perCohortSizes?: { cohort: string; p: number; n: number }[];
}

export interface PowerNeed {
  metric: string;
  p1: number;
  /** The harder direction (larger n) of p1 ± change. */
  p2: number;
  pooledPerGroup: number;
  arcsinePerGroup: number;
  /** Sum over cohorts of the pooled size per group (× cohorts when they share one rate). */
  total: number;
  /** Sized for a paired design: pooledPerGroup is then the items both models answer (Connor 1987). */
  paired?: boolean;
}

export interface GoldenSetFigures {
  declaredSize?: number;
  confidence: number;
  cohorts: number;
  method: IntervalMethod;
  precision?: PrecisionNeed;
  power?: PowerNeed;
  required?: number;
  binding?: 'precision' | 'power';
}

/** Primary binary metrics with an expected pass rate: the ones a golden set is sized for. */
export function sizingMetrics(m: EvalSpecModel): { metric: MetricModel; id: string; p: number }[] {
  const items = m.metrics?.items ?? [];
  const usable = items.filter((x) => x.expectedPassRate && (x.kind?.value ?? 'binary') === 'binary');
  const primary = usable.filter((x) => x.primary?.value === true);
  return (primary.length ? primary : usable.slice(0, 1)).map((x) => ({ metric: x, id: x.id?.value ?? 'metric', p: x.expectedPassRate!.value }));
}

export function computeGoldenSet(m: EvalSpecModel): GoldenSetFigures | undefined {
  const g = m.goldenSet;
  if (!g) return undefined;
  const confidence = g.confidence?.value ?? 0.95;
  const cohorts = Math.max(1, g.cohorts?.items.length ?? 1);
  const method = (g.interval?.value as IntervalMethod | undefined) ?? 'wilson';
  const out: GoldenSetFigures = { declaredSize: g.size?.value, confidence, cohorts, method };
  const metrics = sizingMetrics(m);
  if (metrics.length === 0) return out;

  // A cohort's own expected pass rate overrides the metric's when sizing that cohort.
  const cohortPs = (p: number): number[] => (g.cohorts?.items.length ? g.cohorts.items.map((c) => c.expectedPassRate?.value ?? p) : [p]);

  if (g.targetHalfWidth) {
    const h = g.targetHalfWidth.value;
    for (const { id, p: metricP } of metrics) {
      const ps = cohortPs(metricP);
      const uniform = ps.every((x) => x === ps[0]);
      const p = ps[0]!;
      let need: PrecisionNeed;
      if (uniform) {
        const wald = waldSize(p, h, confidence, cohorts);
        const wilson = wilsonN(p, h, confidence);
        const exact = exactN(p, h, confidence);
        const perCohort = method === 'wald' ? wald.perCohort : method === 'wilson' ? wilson : exact;
        const total = method === 'wald' ? wald.total : perCohort * cohorts;
        need = { metric: id, p, method, perCohort, total, waldTotal: wald.total, waldPerCohort: wald.perCohort, wilsonPerCohort: wilson, exactPerCohort: exact };
      } else {
        // Cohorts with their own rates: each cohort is sized on its own and the sizes add up.
        const per = ps.map((pc) => ({
          wald: waldSize(pc, h, confidence, 1).total,
          wilson: wilsonN(pc, h, confidence),
          exact: exactN(pc, h, confidence),
        }));
        const sum = (k: 'wald' | 'wilson' | 'exact') => per.reduce((a, x) => a + x[k], 0);
        const max = (k: 'wald' | 'wilson' | 'exact') => Math.max(...per.map((x) => x[k]));
        need = { metric: id, p: metricP, method, perCohort: max(method), total: sum(method), waldTotal: sum('wald'), waldPerCohort: max('wald'), wilsonPerCohort: max('wilson'), exactPerCohort: max('exact') };
        need.perCohortSizes = per.map((x, i) => ({ cohort: g.cohorts!.items[i]!.name?.value ?? `#${i + 1}`, p: ps[i]!, n: x[method] }));
      }
      if (!out.precision || need.total > out.precision.total) out.precision = need;
    }
  }
  if (g.detectChange) {
    const d = g.detectChange.value;
    const power = g.power?.value ?? 0.8;
    const alpha = 1 - confidence;
    for (const { id, p: metricP } of metrics) {
      // Per cohort: the harder direction of p ± d at that cohort's rate; the sizes add up.
      let total = 0;
      let worst: PowerNeed | undefined;
      for (const p of cohortPs(metricP)) {
        let cohortNeed: PowerNeed | undefined;
        for (const p2 of [p + d, p - d]) {
          if (!(p2 > 0 && p2 < 1)) continue;
          const psi = g.paired?.expectedDiscordance?.value;
          const pairedItems = psi === undefined ? undefined : pairedN(p, p2, alpha, power, psi);
          const n: PowerNeed = { metric: id, p1: p, p2, pooledPerGroup: pairedItems ?? pooledN(p, p2, alpha, power), arcsinePerGroup: arcsineN(p, p2, alpha, power), total: 0, ...(pairedItems !== undefined ? { paired: true } : {}) };
          if (!cohortNeed || n.pooledPerGroup > cohortNeed.pooledPerGroup) cohortNeed = n;
        }
        if (!cohortNeed) continue;
        total += cohortNeed.pooledPerGroup;
        if (!worst || cohortNeed.pooledPerGroup > worst.pooledPerGroup) worst = cohortNeed;
      }
      if (worst) {
        const need = { ...worst, total };
        if (!out.power || need.total > out.power.total) out.power = need;
      }
    }
  }
  const pr = out.precision?.total ?? 0;
  const pw = out.power?.total ?? 0;
  if (pr || pw) {
    out.required = Math.max(pr, pw);
    out.binding = pw > pr ? 'power' : 'precision';
  }
  return out;
}

export function goldenSetFigures(m: EvalSpecModel, out: FigureSink): GoldenSetFigures | undefined {
  const g = m.goldenSet;
  const f = computeGoldenSet(m);
  if (!g || !f) return undefined;
  const json: Record<string, unknown> = { confidence: f.confidence, cohorts: f.cohorts, interval: f.method };
  out.json['goldenSet'] = json;
  const metrics = sizingMetrics(m);
  const conf = formatPercent(f.confidence, 2);

  if (g.size && metrics.length) {
    const n = g.size.value;
    const perMetric = metrics.map(({ id, p }) => {
      const wald = waldHalfWidth(p, n, f.confidence);
      const intervals = Object.fromEntries(
        (['wald', 'wilson', 'exact'] as const).map((k) => {
          // Interval at the expected count, rounded to a whole number of passes.
          const iv = proportionInterval(statsMethod[k], Math.round(p * n), n, f.confidence);
          return [k, { lower: iv.lower, upper: iv.upper, halfWidth: iv.halfWidth }];
        }),
      ) as Record<IntervalMethod, { lower: number; upper: number; halfWidth: number }>;
      return { id, p, z: wald.z.z, waldHalfWidth: wald.halfWidth, intervals };
    });
    json['declared'] = { size: n, metrics: perMetric };
    const first = perMetric[0]!;
    const singleCohortP = g.cohorts?.items.length === 1 ? g.cohorts.items[0]!.expectedPassRate?.value : undefined;
    if (singleCohortP !== undefined && singleCohortP !== first.p) {
      // One cohort with its own rate: the declared size's precision is that cohort's.
      const wald = waldHalfWidth(singleCohortP, n, f.confidence);
      const intervals = Object.fromEntries(
        (['wald', 'wilson', 'exact'] as const).map((k) => {
          const iv = proportionInterval(statsMethod[k], Math.round(singleCohortP * n), n, f.confidence);
          return [k, { lower: iv.lower, upper: iv.upper, halfWidth: iv.halfWidth }];
        }),
      ) as Record<IntervalMethod, { lower: number; upper: number; halfWidth: number }>;
      Object.assign(first, { id: `${g.cohorts!.items[0]!.name?.value ?? 'cohort'} cohort`, p: singleCohortP, waldHalfWidth: wald.halfWidth, intervals });
    }
    const inUse = f.method === 'wald' ? first.waldHalfWidth : first.intervals[f.method].halfWidth;
    const perCohortN = Math.floor(n / f.cohorts);
    const caveats: string[] = [];
    if (first.p * n < 10 || (1 - first.p) * n < 10) caveats.push(`Wald misleads here: p·n = ${formatNumber(first.p * n, 1)} or (1−p)·n = ${formatNumber((1 - first.p) * n, 1)} is under 10; trust Wilson or Clopper-Pearson.`);
    if (f.cohorts > 1) caveats.push(`Split over ${f.cohorts} cohorts, each cohort has about ${formatCount(perCohortN)} examples: ±${formatPp(waldHalfWidth(first.p, Math.max(1, perCohortN), f.confidence).halfWidth)} per cohort (Wald).`);
    out.note({
      id: 'goldenSet.halfWidth',
      anchor: g.size.keyRange,
      hint: `±${formatPp(inUse)} (${methodName[f.method]}, ${conf})${f.required !== undefined && f.required > n ? ` · needs ${formatCount(f.required)}` : ''}`,
      title: `Precision of a golden set of ${formatCount(n)}`,
      formula: f.method === 'wald' ? 'half-width = z · √(p(1 − p)/n)' : f.method === 'wilson' ? 'Wilson score interval: (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)' : 'Clopper-Pearson: Beta quantiles of (x, n − x + 1) and (x + 1, n − x)',
      substituted: `z = ${formatNumber(first.z, 6)} (${conf}), p = ${first.p} (${first.id}), n = ${formatCount(n)}`,
      result: `±${formatPp(inUse, 2)} (${methodName[f.method]}); Wald ±${formatPp(first.waldHalfWidth, 2)}, Wilson ±${formatPp(first.intervals.wilson.halfWidth, 2)}, Clopper-Pearson ±${formatPp(first.intervals.exact.halfWidth, 2)}`,
      caveats,
    });
    out.lines.push(`golden set ${formatCount(n)}: ±${formatPp(inUse)} (${methodName[f.method]}, ${conf}, p=${first.p})`);
  }

  if (f.precision) {
    const pn = f.precision;
    json['precision'] = { targetHalfWidth: g.targetHalfWidth!.value, ...pn };
    out.note({
      id: 'goldenSet.precision',
      anchor: g.targetHalfWidth!.keyRange,
      hint: `needs ${formatCount(pn.total)}${f.cohorts > 1 ? ` (${formatCount(pn.perCohort)}/cohort)` : ''} for ±${formatPp(g.targetHalfWidth!.value)}`,
      title: 'Size for the precision target',
      formula: pn.method === 'wald' ? 'n = ⌈z² · p(1 − p) / h² × cohorts⌉' : `smallest n per cohort whose ${methodName[pn.method]} half-width ≤ h, × cohorts`,
      substituted: `z = ${formatNumber(waldHalfWidth(pn.p, 1, f.confidence).z.z, 6)}, p = ${pn.p} (${pn.metric}), h = ${g.targetHalfWidth!.raw}, cohorts = ${f.cohorts}`,
      result: `${formatCount(pn.total)} in total (${formatCount(pn.perCohort)} per cohort). Wald ${formatCount(pn.waldTotal)}, Wilson ${formatCount(pn.wilsonPerCohort * f.cohorts)}, Clopper-Pearson ${formatCount(pn.exactPerCohort * f.cohorts)}`,
      caveats: [
        ...(f.cohorts > 1 && pn.method === 'wald' ? [`Ceiling per cohort first gives ${formatCount(pn.waldPerCohort * f.cohorts)}; the seed's formula multiplies before the ceiling.`] : []),
        'A ±h half-width is precision on one model; detecting a change of h between two models is a power question and needs far more (set detect_change).',
      ],
    });
    out.lines.push(`precision target ±${formatPp(g.targetHalfWidth!.value)}: needs ${formatCount(pn.total)} (${formatCount(pn.perCohort)} per cohort, ${methodName[pn.method]}; Wald ${formatCount(pn.waldTotal)})`);
  }

  if (f.power) {
    const pw = f.power;
    json['power'] = { detectChange: g.detectChange!.value, power: g.power?.value ?? 0.8, alpha: 1 - f.confidence, ...pw };
    out.note({
      id: 'goldenSet.power',
      anchor: g.detectChange!.keyRange,
      hint: `needs ${formatCount(pw.total)} (${formatCount(pw.pooledPerGroup)}${pw.paired ? ' paired' : '/model'}${f.cohorts > 1 ? '/cohort' : ''}) to detect ${formatPp(g.detectChange!.value)}`,
      title: 'Size to detect a change between two models',
      formula: 'n per group = ((z_{α/2}·√(2p̄q̄) + z_β·√(p₁q₁ + p₂q₂)) / |p₂ − p₁|)²',
      substituted: `p₁ = ${pw.p1}, p₂ = ${formatNumber(pw.p2, 6)} (the harder direction), α = ${formatNumber(1 - f.confidence, 6)}, power = ${g.power?.value ?? 0.8}`,
      result: `${formatCount(pw.pooledPerGroup)} per model (pooled normal), ${formatCount(pw.arcsinePerGroup)} by Cohen's h; × ${f.cohorts} cohort${f.cohorts === 1 ? '' : 's'} = ${formatCount(pw.total)}`,
      caveats: ['Independent-groups formula: evaluating both models on the same examples (paired) needs fewer, so this is conservative.'],
    });
    out.lines.push(`power target ${formatPp(g.detectChange!.value)} at power ${g.power?.value ?? 0.8}: needs ${formatCount(pw.total)} (${formatCount(pw.pooledPerGroup)} ${pw.paired ? 'paired items' : 'per model'}${f.cohorts > 1 ? ' per cohort' : ''})`);
  }

  if (g.size && metrics.length) {
    const perGroup = Math.max(1, Math.floor(g.size.value / f.cohorts));
    const mdd = pooledMinDetectableDifference(metrics[0]!.p, perGroup, { alpha: 1 - f.confidence, power: g.power?.value ?? 0.8 });
    json['minimumDetectableDifference'] = {
      nPerGroup: perGroup,
      up: mdd.up.defined ? mdd.up.value : { undefinedBecause: mdd.up.reason },
      down: mdd.down.defined ? mdd.down.value : { undefinedBecause: mdd.down.reason },
    };
  }
  if (f.required !== undefined) {
    json['required'] = f.required;
    json['binding'] = f.binding;
    if (g.size) json['shortfall'] = Math.max(0, f.required - g.size.value);
  }
  return f;
}
