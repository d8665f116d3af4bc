// Golden-set figures: what the declared size gives every sized metric (overall and per cohort),
// what a precision, power or failure-rate target needs, and which metric, cohort and target bind.
// The model of the problem lives in sizing/ (cells, per-cell sizes, their sum over cohorts); this
// file renders it as JSON, hints, hovers and report lines. Conventions: docs/statistics.md.
import type { EvalSpecModel } from '../model/spec';
import { rareFailureCertifyN } from '../stats';
import { memoize } from './memo';
import type { FigureSink } from './types';
import { intervalMethod, sizedMetrics, sizingCells, type IntervalMethod, type SizingCell } from './sizing/cells';
import { powerPlan, precisionPlan, type PowerPlan, type PrecisionPlan } from './sizing/plan';
import { independentGroups, pairedDesign } from './sizing/power';
import { declaredFigures } from './goldenSetDeclared';
import { certifyNote, powerNote, precisionNote } from './goldenSetTargets';

export type { IntervalMethod } from './sizing/cells';
export { DEFAULT_INTERVAL } from './sizing/cells';

const certifyN = memoize((p: number, c: number, x: number) => {
  const r = rareFailureCertifyN(p, x, c);
  if (!r.defined) throw new RangeError(r.reason);
  return r.value.n;
});

export interface CertifyNeed {
  maxFailureRate: number;
  failuresAllowed: number;
  confidence: number;
  n: number;
}

export interface GoldenSetFigures {
  declaredSize?: number;
  confidence: number;
  cohorts: number;
  method: IntervalMethod;
  cells: SizingCell[];
  precision?: PrecisionPlan;
  power?: PowerPlan;
  certify?: CertifyNeed;
  required?: number;
  binding?: 'precision' | 'power' | 'certify';
}

/** The first sized proportion metric's rate, for figures that need one p (label allocation). */
export function sizingMetrics(m: EvalSpecModel): { id: string; p: number }[] {
  return sizedMetrics(m).flatMap((x) => (x.kind === 'proportion' ? [{ id: x.id, p: x.p! }] : []));
}

export function computeGoldenSet(m: EvalSpecModel): GoldenSetFigures | undefined {
  const g = m.goldenSet;
  if (!g) return undefined;
  const confidence = g.confidence?.value ?? 0.95;
  const cohorts = Math.max(1, g.cohorts?.items.length ?? 1);
  const cells = sizingCells(m);
  const out: GoldenSetFigures = { declaredSize: g.size?.value, confidence, cohorts, method: intervalMethod(m), cells };
  if (g.targetHalfWidth) out.precision = precisionPlan(cells, g.targetHalfWidth.value, confidence);
  if (g.detectChange) {
    const psi = g.paired?.expectedDiscordance?.value;
    out.power = powerPlan(cells, g.detectChange.value, g.power?.value ?? 0.8, confidence, psi === undefined ? independentGroups : pairedDesign(psi));
  }
  if (g.maxFailureRate) {
    const x = g.failuresAllowed?.value ?? 0;
    out.certify = { maxFailureRate: g.maxFailureRate.value, failuresAllowed: x, confidence, n: certifyN(g.maxFailureRate.value, confidence, x) };
  }
  const needs: [GoldenSetFigures['binding'], number][] = [
    ['precision', out.precision?.total ?? 0],
    ['power', out.power?.total ?? 0],
    ['certify', out.certify?.n ?? 0],
  ];
  const top = needs.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (top[1] > 0) {
    out.required = top[1];
    out.binding = top[0];
  }
  return out;
}

/** A plan as JSON: everything but the in-memory binding cell. */
function planJson<T extends { bindingCell: SizingCell }>(p: T): Omit<T, 'bindingCell'> {
  const { bindingCell: _b, ...rest } = p;
  return rest;
}

export function goldenSetFigures(m: EvalSpecModel, out: FigureSink): GoldenSetFigures | undefined {
  const g = m.goldenSet;
  const f = computeGoldenSet(m);
  if (!g || !f) return undefined;
  const json: Record<string, unknown> = { confidence: f.confidence, cohorts: f.cohorts, interval: f.method };
  out.json['goldenSet'] = json;
  declaredFigures(m, f, json, out);
  if (f.precision) {
    json['precision'] = planJson(f.precision);
    precisionNote(m, f, f.precision, out);
  }
  if (f.power) {
    json['power'] = planJson(f.power);
    powerNote(m, f, f.power, out);
  }
  if (f.certify) {
    json['certify'] = f.certify;
    certifyNote(m, f.certify, out);
  }
  if (f.required !== undefined) {
    json['required'] = f.required;
    json['binding'] = f.binding;
    if (g.size) json['shortfall'] = Math.max(0, f.required - g.size.value);
  }
  return f;
}

export { methodName, halfWidthText } from './sizing/text';
