// Prediction-powered inference on the golden set: with judge verdicts on N traffic items beside the
// human-labelled golden set, PPI++ narrows the CI (its effective number of labels), and the human
// labels needed for the precision target fall.
import type { EvalSpecModel } from '../../model/spec';
import { ppiLabelsForHalfWidth, ppiMean } from '../../stats';
import { formatCount, formatPp } from '../format';
import { sizingMetrics } from '../goldenSetFigures';
import type { FigureSink } from '../types';
import { agreementCounts, trafficVerdicts } from './inputs';

export function ppiFigures(m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>): void {
  const a = agreementCounts(m);
  const t = trafficVerdicts(m);
  const g = m.goldenSet;
  const metric = sizingMetrics(m)[0];
  if (!a || !t || !g) return;
  const r = ppiMean(a, t.N, t.k);
  if (!r.ppiCorr.defined || !r.ppiPlusPlus.defined) return;
  const pp = r.ppiPlusPlus.value;
  const half = (lo: number, hi: number): number => (hi - lo) / 2;
  const hwClassical = half(r.classical.ci95Lower, r.classical.ci95Upper);
  const hwPpi = half(pp.ci95Lower, pp.ci95Upper);
  const confidence = g.confidence?.value ?? 0.95;
  const target = g.targetHalfWidth;
  const plan = target && metric ? ppiLabelsForHalfWidth(metric.p, target.value, t.N, r.ppiCorr.value, confidence) : undefined;
  json['ppi'] = {
    goldenLabels: r.n,
    judgeLabelled: t.N,
    correlation: r.ppiCorr.value,
    classical: { estimate: r.classical.estimate, halfWidth: hwClassical },
    ppiPlusPlus: { estimate: pp.estimate, halfWidth: hwPpi, lambda: pp.lambda, effectiveN: pp.effectiveN.defined ? pp.effectiveN.value : null },
    plan: plan ?? null,
  };
  const anchor = target?.keyRange ?? g.size?.keyRange ?? g.keyRange;
  const effN = pp.effectiveN.defined ? pp.effectiveN.value : r.n;
  out.note({
    id: 'goldenSet.ppi',
    anchor,
    hint: plan ? `with ${formatCount(t.N)} judge-labelled: ${formatCount(plan.n)} human labels (saves ${formatCount(plan.labelsSaved)})` : `PPI++ ±${formatPp(hwPpi)} vs ±${formatPp(hwClassical)} human-only`,
    title: 'Prediction-powered inference (PPI++) with judge-labelled traffic',
    formula: 'θ̂ = λ·mean(Ŷ_traffic) + mean(Y − λŶ)_golden; n_eff(n) = n(n + N)/(n + (1 − ρ²)N); labels: smallest n with n_eff(n) ≥ z²p(1−p)/h²',
    substituted: `golden n = ${r.n} (agreement counts), N = ${formatCount(t.N)}, ρ(judge, human) = ${r.ppiCorr.value.toFixed(3)}, λ* = ${pp.lambda.toFixed(4)}${plan && target ? `, p = ${metric!.p}, h = ${target.raw}` : ''}`,
    result: `on the calibration counts: human-only ±${formatPp(hwClassical, 2)}, PPI++ ±${formatPp(hwPpi, 2)} (worth ${formatCount(effN)} human labels from ${r.n})${plan ? `; for ±${formatPp(target!.value)}: ${formatCount(plan.n)} human labels instead of ${formatCount(plan.classicalN)}` : ''}`,
    caveats: [
      'Valid only when the golden set is a random sample of the same traffic the judge labelled (see golden-set-not-traffic-sample).',
      'The savings grow with ρ² only: a judge at ρ = 0.5 saves at most a quarter of the labels.',
    ],
  });
  out.lines.push(`PPI++ with ${formatCount(t.N)} judge-labelled items: ±${formatPp(hwPpi)} vs ±${formatPp(hwClassical)} human-only${plan ? `; ${formatCount(plan.n)} human labels for ±${formatPp(target!.value)} instead of ${formatCount(plan.classicalN)}` : ''}`);
}
