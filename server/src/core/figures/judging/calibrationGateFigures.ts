// The calibration gate "block when ρ̂ < min_spearman" at the declared number of examples: how often
// it blocks a judge that is in fact good (true ρ 0.05 above the gate), the Fisher-z CI width, and
// the examples needed to tell the two apart (one-sided 5%, 80% power, Bonett–Wright factor).
import type { EvalSpecModel } from '../../model/spec';
import { correlationCi, correlationDetectSize, correlationGate } from '../../stats';
import { formatCount } from '../format';
import type { FigureSink } from '../types';

/** The true ρ the gate should pass: 0.05 above the threshold (capped below 1). */
export function goodJudgeRho(threshold: number): number {
  return Math.min(0.99, Math.round((threshold + 0.05) * 1e6) / 1e6);
}

/** Examples for the gate to tell ρ = threshold + 0.05 from the threshold. */
export function calibrationExamplesForGate(threshold: number): number | undefined {
  if (!(threshold > -1 && threshold < 0.98)) return undefined;
  const r = correlationDetectSize('spearman', goodJudgeRho(threshold), threshold, 0.05, 0.8);
  return r.n.defined ? r.n.value : undefined;
}

export function calibrationGateFigures(m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>): void {
  const cal = m.judge?.calibration;
  const n = cal?.examples;
  const t = cal?.minSpearman;
  if (!n || !t || !(t.value > -1 && t.value < 0.98)) return;
  const rho = goodJudgeRho(t.value);
  const gate = correlationGate('spearman', n.value, rho, t.value);
  if (!gate.defined) return;
  const ci = correlationCi('spearman', rho, n.value, 0.95);
  const need = calibrationExamplesForGate(t.value);
  const pBlock = gate.value.pBlock;
  json['calibrationGate'] = { examples: n.value, threshold: t.value, trueRho: rho, pBlock, fisherZ95: ci.defined ? [ci.value.lower, ci.value.upper] : null, examplesToSeparate: need ?? null };
  out.note({
    id: 'judge.calibration.gate',
    anchor: n.keyRange,
    hint: `${n.value} examples: P(block | ρ = ${rho.toFixed(2)}) = ${Math.round(100 * pBlock)}%`,
    title: `Calibration gate "block when ρ̂ < ${t.raw}" at ${formatCount(n.value)} examples`,
    formula: 'P(block | ρ) = Φ((atanh(t) − atanh(ρ)) / (c(ρ)/√(n − 3))), c(ρ) = √(1 + ρ²/2) (Spearman, Bonett–Wright)',
    substituted: `t = ${t.raw}, ρ = ${rho.toFixed(2)}, n = ${n.value}, c = ${gate.value.c.toFixed(4)}, z = ${gate.value.zScore.toFixed(4)}`,
    result: `a judge whose true ρ is ${rho.toFixed(2)} is blocked ${(100 * pBlock).toFixed(1)}% of the time${ci.defined ? `; its 95% Fisher-z interval at this n is [${ci.value.lower.toFixed(3)}, ${ci.value.upper.toFixed(3)}]` : ''}${need ? `; ${formatCount(need)} examples tell ρ = ${rho.toFixed(2)} from ${t.raw} (5% false block, 80% power)` : ''}`,
    caveats: ['Normal approximation on the Fisher z scale: rough below about 25 examples.', 'A judge well below the gate slips through as often as a good one is blocked when n is small.'],
  });
  out.lines.push(`calibration gate ρ̂ < ${t.raw} at ${n.value} examples: P(block | ρ = ${rho.toFixed(2)}) = ${(100 * pBlock).toFixed(1)}%${need ? ` (${formatCount(need)} examples to separate)` : ''}`);
}
