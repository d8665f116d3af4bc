// What the declared golden-set size gives each sized metric: the half-width on the traffic-weighted
// overall rate and in each cohort (the set split equally over cohorts, as the per-cohort sizing
// assumes), the interval at the whole pass count a run would show, and the one-sided lower bound a
// pass-rate gate reads. When cohorts are sampled out of proportion to their traffic shares, the
// overall rate is the stratified (share-weighted) estimate with its standard error, shown beside the
// naive mean of the pooled set.
import { proportionInterval, stratifiedEstimate, zFromConfidence } from '../../stats';
import type { IntervalMethod, SizingCell } from './cells';
import { cellHalfWidth } from './precision';
import { wholeCount } from './wholeCount';

const statsMethod = { wald: 'wald', wilson: 'wilson', exact: 'clopper_pearson' } as const;

export interface StratumInput {
  cohort: string;
  /** Traffic share (weights are normalised over the cohorts that give one). */
  share: number;
  /** Examples drawn from this cohort. */
  n: number;
  p: number;
}

export interface StratifiedEstimate {
  /** Σ w_h·p_h with w the normalised traffic shares: the traffic-weighted rate. */
  estimate: number;
  /** √(Σ w_h²·p_h(1 − p_h)/n_h). */
  standardError: number;
  halfWidth: number;
  /** Σ n_h·p_h / Σ n_h: what the pooled set's mean would show. */
  naiveMean: number;
  /** √(p̄(1 − p̄)/N) of the naive mean. */
  naiveStandardError: number;
  naiveHalfWidth: number;
  /** naiveMean − estimate: how far the pooled mean is from the traffic rate. */
  naiveBias: number;
  /** Whether some cohort's sample share differs from its traffic share by more than 1 pp. */
  outOfProportion: boolean;
}

/**
 * Stratified estimate of the overall rate from per-cohort plans (x_h = p_h·n_h), by the statistics
 * layer's `stratifiedEstimate` (exact rationals; Cochran 1977, ch. 5). Undefined when the shares do
 * not sum to exactly 1 (cohort-shares-not-one reports that) or a cohort has no examples.
 */
export function stratifiedPlan(strata: StratumInput[], confidence: number): StratifiedEstimate | undefined {
  const N = strata.reduce((a, s) => a + s.n, 0);
  if (N <= 0 || strata.some((s) => s.n <= 0)) return undefined;
  const r = stratifiedEstimate(strata.map((s) => ({ name: s.cohort, W: s.share, n: s.n, x: s.p * s.n })), confidence);
  if (!r.defined) return undefined;
  const v = r.value;
  const z = zFromConfidence(confidence);
  const outOfProportion = strata.some((s) => Math.abs(s.n / N - s.share) > 0.01);
  return { estimate: v.pSt, standardError: v.seSt, halfWidth: z * v.seSt, naiveMean: v.naiveMean, naiveStandardError: v.naiveSe, naiveHalfWidth: z * v.naiveSe, naiveBias: v.naiveMean - v.pSt, outOfProportion };
}

export interface IntervalAt {
  count: number;
  lower: number;
  upper: number;
  halfWidth: number;
}

/** The interval at the whole count round(p·n), by each method. */
export function intervalsAt(p: number, n: number, confidence: number): Record<IntervalMethod, IntervalAt> {
  const x = wholeCount(p, n);
  const one = (k: IntervalMethod): IntervalAt => {
    const iv = proportionInterval(statsMethod[k], x, n, confidence);
    return { count: x, lower: iv.lower, upper: iv.upper, halfWidth: iv.halfWidth };
  };
  return { wald: one('wald'), wilson: one('wilson'), exact: one('exact') };
}

/**
 * One-sided lower confidence bound on the pass rate at x = round(p·n): the lower end of the two-sided
 * interval at level 2c − 1, so the rate is at least this with confidence c.
 */
export function oneSidedLowerBound(method: IntervalMethod, p: number, n: number, confidence: number): number | undefined {
  if (!(confidence > 0.5 && confidence < 1)) return undefined;
  return proportionInterval(statsMethod[method], wholeCount(p, n), n, 2 * confidence - 1).lower;
}

export interface CohortHalfWidth {
  cohort: string;
  n: number;
  p?: number;
  halfWidth: number;
  method: IntervalMethod;
}

/** The half-width each cell of one metric gets at n examples per cohort. */
export function perCohortHalfWidths(cells: SizingCell[], nPerCohort: (cohort: string) => number, confidence: number): CohortHalfWidth[] {
  return cells.flatMap((c) => {
    const n = nPerCohort(c.cohort?.name ?? '');
    if (!c.cohort || n < 1) return [];
    return [{ cohort: c.cohort.name, n, p: c.p, halfWidth: cellHalfWidth(c, n, confidence), method: c.method }];
  });
}
