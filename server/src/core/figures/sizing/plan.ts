// Combining cells into a golden-set size. The same examples score every metric, so a cohort needs
// the most any of its metrics needs; a target that applies per cohort needs the sum over cohorts
// (with cohorts sharing one need, exactly the per-cohort n × cohorts, so the total shown is the
// total meant). The binding cell is the metric and cohort with the largest need.
import { goldenSetSize, zFromConfidence } from '../../stats';
import { cellName, type IntervalMethod, type SizingCell } from './cells';
import { cellPrecision, type CellPrecision } from './precision';
import { independentGroups, type CellPower, type PowerDesign } from './power';

export interface CellSummary {
  metric: string;
  cohort?: string;
  kind: 'proportion' | 'mean';
  p?: number;
  sd?: number;
  scale?: [number, number];
  method: IntervalMethod;
  n: number;
}

export interface CohortSize {
  cohort: string;
  n: number;
  /** The metric that needs the most in this cohort. */
  metric: string;
}

function summary(cell: SizingCell, n: number): CellSummary {
  const m = cell.metric;
  return { metric: m.id, cohort: cell.cohort?.name, kind: m.kind, p: cell.p, sd: m.sd, scale: m.scale, method: cell.method, n };
}

/** Per cohort (or the whole set), the largest need over its cells; cells in cohort order. */
function byCohort<T>(items: T[], cellOf: (t: T) => SizingCell, nOf: (t: T) => number): { sizes: CohortSize[]; worst: T[] } {
  const sizes: CohortSize[] = [];
  const worst: T[] = [];
  const keys = new Map<string, number>();
  for (const it of items) {
    const c = cellOf(it);
    const key = c.cohort?.name ?? '';
    const i = keys.get(key);
    if (i === undefined) {
      keys.set(key, sizes.length);
      sizes.push({ cohort: key, n: nOf(it), metric: c.metric.id });
      worst.push(it);
    } else if (nOf(it) > sizes[i]!.n) {
      sizes[i] = { cohort: key, n: nOf(it), metric: c.metric.id };
      worst[i] = it;
    }
  }
  return { sizes, worst };
}

function largest<T>(items: T[], nOf: (t: T) => number): T {
  return items.reduce((a, b) => (nOf(b) > nOf(a) ? b : a));
}

export interface PrecisionPlan {
  targetHalfWidth: number;
  /** 'per cohort' when the golden set has cohorts, else 'whole set'. */
  scope: 'per cohort' | 'whole set';
  /** The binding cell: metric, cohort, its n and the half-width that n gives it. */
  metric: string;
  cohort?: string;
  kind: 'proportion' | 'mean';
  p?: number;
  sd?: number;
  method: IntervalMethod;
  perCohort: number;
  halfWidthAtN: number;
  total: number;
  /** The total with every cell sized by Wald, Wilson and Clopper-Pearson. */
  waldTotal: number;
  wilsonTotal: number;
  exactTotal: number;
  cohortSizes: CohortSize[];
  cells: (CellSummary & { wald: number; wilson: number; exact: number; halfWidthAtN: number })[];
  /** The seed's ⌈z²p(1−p)/h² × cohorts⌉ when every cohort shares one Wald need (can be less than perCohort × cohorts). */
  seedFormulaTotal?: number;
  /** The binding cell, for renderers. */
  bindingCell: SizingCell;
}

export function precisionPlan(cells: SizingCell[], h: number, confidence: number): PrecisionPlan | undefined {
  if (cells.length === 0) return undefined;
  const needs = cells.map((c) => cellPrecision(c, h, confidence));
  const { sizes, worst } = byCohort(needs, (x) => x.cell, (x) => x.n);
  const b = largest(needs, (x) => x.n);
  const sumBy = (k: 'wald' | 'wilson' | 'exact') => byCohort(needs, (x) => x.cell, (x) => x[k]).sizes.reduce((a, s) => a + s.n, 0);
  const total = sizes.reduce((a, s) => a + s.n, 0);
  const cohorts = cells.some((c) => c.cohort) ? sizes.length : 1;
  const plan: PrecisionPlan = {
    targetHalfWidth: h,
    scope: cells.some((c) => c.cohort) ? 'per cohort' : 'whole set',
    metric: b.cell.metric.id,
    cohort: b.cell.cohort?.name,
    kind: b.cell.metric.kind,
    p: b.cell.p,
    sd: b.cell.metric.sd,
    method: b.cell.method,
    perCohort: b.n,
    halfWidthAtN: b.halfWidthAtN,
    total,
    waldTotal: sumBy('wald'),
    wilsonTotal: sumBy('wilson'),
    exactTotal: sumBy('exact'),
    cohortSizes: cells.some((c) => c.cohort) ? sizes : [],
    cells: needs.map((x: CellPrecision) => ({ ...summary(x.cell, x.n), wald: x.wald, wilson: x.wilson, exact: x.exact, halfWidthAtN: x.halfWidthAtN })),
    bindingCell: b.cell,
  };
  const uniform = worst.every((x) => x.cell.method === 'wald' && x.cell.metric.kind === 'proportion' && x.cell.p === b.cell.p && x.n === b.n);
  if (cohorts > 1 && uniform) plan.seedFormulaTotal = goldenSetSize({ p: b.cell.p!, halfWidth: h, confidence, cohorts }).total;
  return plan;
}

export interface PowerPlan {
  detectChange: number;
  power: number;
  alpha: number;
  design: string;
  scope: 'per cohort' | 'whole set';
  metric: string;
  cohort?: string;
  kind: 'proportion' | 'mean';
  p1?: number;
  p2?: number;
  sd?: number;
  /** The binding cell's examples per model. */
  pooledPerGroup: number;
  arcsinePerGroup?: number;
  /** Sum over cohorts of the largest per-model need in each. */
  total: number;
  /** Sized for a paired design: pooledPerGroup is then the items both models answer. */
  paired?: boolean;
  cohortSizes: CohortSize[];
  cells: (CellSummary & { p2?: number })[];
  bindingCell: SizingCell;
}

export function powerPlan(cells: SizingCell[], d: number, power: number, confidence: number, design: PowerDesign = independentGroups): PowerPlan | undefined {
  const alpha = 1 - confidence;
  const needs = cells.flatMap((c) => design.cellPower(c, d, alpha, power) ?? []);
  if (needs.length === 0) return undefined;
  const { sizes } = byCohort(needs, (x: CellPower) => x.cell, (x) => x.perGroup);
  const b = largest(needs, (x) => x.perGroup);
  return {
    detectChange: d,
    power,
    alpha,
    design: design.name,
    scope: cells.some((c) => c.cohort) ? 'per cohort' : 'whole set',
    metric: b.cell.metric.id,
    cohort: b.cell.cohort?.name,
    kind: b.cell.metric.kind,
    p1: b.p1,
    p2: b.p2,
    sd: b.cell.metric.sd,
    pooledPerGroup: b.perGroup,
    arcsinePerGroup: b.arcsinePerGroup,
    total: sizes.reduce((a, s) => a + s.n, 0),
    ...(b.paired ? { paired: true } : {}),
    cohortSizes: cells.some((c) => c.cohort) ? sizes : [],
    cells: needs.map((x) => ({ ...summary(x.cell, x.perGroup), p2: x.p2 })),
    bindingCell: b.cell,
  };
}

/** z for renderers. */
export function zOf(confidence: number): number {
  return zFromConfidence(confidence);
}

export { cellName };
