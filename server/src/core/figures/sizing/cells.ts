// What a golden set is sized for: every primary metric (each at its own rate or spread) in every
// cohort. A cell is one metric in one cohort; the golden set must give every cell its precision or
// power, so a cohort needs the most any of its metrics needs, and the set needs the sum over cohorts.
//
// * A binary metric is a proportion at its `expected_pass_rate`. A Likert or continuous metric with
//   an `expected_sd` is a mean on its `scale` (default 1–5 for Likert, 0–1 for continuous); a target
//   written as a fraction (0.02) is that fraction of the scale's width. Without `expected_sd` it is
//   sized as the share at or above its pass mark (`expected_pass_rate`).
// * Only primary metrics are sized; a spec that marks none sizes every metric.
// * A cohort's `expected_pass_rate` is that cohort's rate for the first primary proportion metric
//   only; every other cell keeps its metric's rate.
// * A `safety: true` cohort is sized on its own with Wilson when the spec asks for Wald.
import type { CohortModel, EvalSpecModel, MetricModel } from '../../model/spec';

export type IntervalMethod = 'wald' | 'wilson' | 'exact';

/** The default interval method, the same in code, schema and docs/format.md. */
export const DEFAULT_INTERVAL: IntervalMethod = 'wald';

export interface SizedMetric {
  id: string;
  kind: 'proportion' | 'mean';
  /** Expected pass rate (proportions). */
  p?: number;
  /** Expected standard deviation of one score, in scale units (means). */
  sd?: number;
  /** [low, high] of the score scale (means). */
  scale?: [number, number];
  /** Whether the metric was marked primary (false when the spec marks none and every metric is sized). */
  declaredPrimary: boolean;
}

export interface SizingCohort {
  name: string;
  share?: number;
  /** The cohort's own rate for the first primary proportion metric. */
  p?: number;
  safety: boolean;
}

export interface SizingCell {
  metric: SizedMetric;
  /** Undefined when the golden set has no cohorts: the whole set is one cell per metric. */
  cohort?: SizingCohort;
  /** The rate this cell is sized at (proportions). */
  p?: number;
  /** The interval method this cell is sized with (safety cohorts: Wilson instead of Wald). */
  method: IntervalMethod;
}

function metricScale(x: MetricModel): [number, number] {
  const s = x.scale?.map((v) => v.value);
  if (s && s.length === 2 && s[0]! < s[1]!) return [s[0]!, s[1]!];
  return x.kind?.value === 'likert' ? [1, 5] : [0, 1];
}

function sizedMetric(x: MetricModel, declaredPrimary: boolean): SizedMetric | undefined {
  const id = x.id?.value ?? 'metric';
  const kind = x.kind?.value ?? 'binary';
  if ((kind === 'likert' || kind === 'continuous') && x.expectedSd) return { id, kind: 'mean', sd: x.expectedSd.value, scale: metricScale(x), declaredPrimary };
  if (kind === 'categorical' || !x.expectedPassRate) return undefined;
  return { id, kind: 'proportion', p: x.expectedPassRate.value, declaredPrimary };
}

/** The metrics a golden set is sized for: the primary ones, or every metric when none is primary. */
export function sizedMetrics(m: EvalSpecModel): SizedMetric[] {
  const items = m.metrics?.items ?? [];
  const primary = items.filter((x) => x.primary?.value === true);
  const chosen = primary.length ? primary : items;
  return chosen.flatMap((x) => sizedMetric(x, primary.length > 0) ?? []);
}

function sizingCohort(c: CohortModel, i: number): SizingCohort {
  return { name: c.name?.value ?? `#${i + 1}`, share: c.share?.value, p: c.expectedPassRate?.value, safety: c.safety?.value === true };
}

export function sizingCohorts(m: EvalSpecModel): SizingCohort[] {
  return (m.goldenSet?.cohorts?.items ?? []).map(sizingCohort);
}

export function intervalMethod(m: EvalSpecModel): IntervalMethod {
  const v = m.goldenSet?.interval?.value;
  return v === 'wald' || v === 'wilson' || v === 'exact' ? v : DEFAULT_INTERVAL;
}

/** Every metric × cohort cell, cohort by cohort. */
export function sizingCells(m: EvalSpecModel): SizingCell[] {
  const metrics = sizedMetrics(m);
  const cohorts = sizingCohorts(m);
  const method = intervalMethod(m);
  const firstProportion = metrics.find((x) => x.kind === 'proportion');
  if (cohorts.length === 0) return metrics.map((metric) => ({ metric, p: metric.p, method }));
  return cohorts.flatMap((cohort) =>
    metrics.map((metric) => ({
      metric,
      cohort,
      p: metric === firstProportion && cohort.p !== undefined ? cohort.p : metric.p,
      method: cohort.safety && method === 'wald' ? 'wilson' : method,
    })),
  );
}

/** "task_success in cohort free" or "task_success". */
export function cellName(c: { metric: { id: string }; cohort?: { name: string } }): string {
  return c.cohort ? `${c.metric.id} in cohort ${c.cohort.name}` : c.metric.id;
}
