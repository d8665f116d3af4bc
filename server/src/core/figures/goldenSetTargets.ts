// The golden-set targets as notes: the size a precision target needs (binding metric and cohort named
// with their own half-width and n, the total as per-cohort n × cohorts), the size a power target
// needs, and the size that certifies a failure rate.
import type { EvalSpecModel } from '../model/spec';
import { failuresAllowedText, formatCount, formatNumber, formatPercent, formatPp } from './format';
import type { CertifyNeed, GoldenSetFigures } from './goldenSetFigures';
import { halfWidthText, methodName } from './sizing/text';
import type { FigureSink } from './types';
import { cellName } from './sizing/cells';
import type { PowerPlan, PrecisionPlan } from './sizing/plan';

function splitText(sizes: { cohort: string; n: number }[]): string {
  if (sizes.length < 2) return '';
  const uniform = sizes.every((s) => s.n === sizes[0]!.n);
  return uniform ? `${formatCount(sizes[0]!.n)} per cohort × ${sizes.length}` : sizes.map((s) => `${s.cohort} ${formatCount(s.n)}`).join(' + ');
}

export function precisionNote(m: EvalSpecModel, f: GoldenSetFigures, pn: PrecisionPlan, out: FigureSink): void {
  const g = m.goldenSet!;
  const cell = pn.bindingCell;
  const scope = pn.scope === 'per cohort' ? 'per cohort' : 'on the whole set';
  const target = `${halfWidthText(cell, pn.targetHalfWidth)} ${pn.scope === 'per cohort' ? 'per cohort' : ''}`.trim();
  const split = splitText(pn.cohortSizes);
  const rate = pn.kind === 'mean' ? `sd ${pn.sd} on [${cell.metric.scale!.join(', ')}]` : `p = ${pn.p}`;
  const binding = `${cellName(cell)} binds: ${formatCount(pn.perCohort)} examples give it ${halfWidthText(cell, pn.halfWidthAtN, 2)} (${pn.kind === 'mean' ? 'normal' : methodName[pn.method]}, ${rate})`;
  const hintSplit = pn.cohortSizes.length > 1 && pn.cohortSizes.every((s) => s.n === pn.cohortSizes[0]!.n) ? ` (${formatCount(pn.perCohort)}/cohort)` : '';
  out.note({
    id: 'goldenSet.precision',
    anchor: g.targetHalfWidth!.keyRange,
    hint: [`needs ${formatCount(pn.total)}${hintSplit}`, `for ${target}`].join(' · '),
    title: `Size for ${target}`,
    formula: pn.method === 'wald' && pn.kind === 'proportion' ? 'n per cohort = ⌈z² · p(1 − p) / h²⌉, total = Σ over cohorts of the largest metric need' : `smallest n per cohort whose ${pn.kind === 'mean' ? 'normal' : methodName[pn.method]} half-width at a whole pass count ≤ h, summed over cohorts`,
    substituted: `h = ${g.targetHalfWidth!.raw} ${scope}, confidence ${formatPercent(f.confidence, 2)}; cells: ${pn.cells.map((c) => `${c.metric}${c.cohort ? `@${c.cohort}` : ''} ${c.kind === 'mean' ? `sd ${c.sd}` : `p ${c.p}`} → ${formatCount(c.n)}`).join(', ')}`,
    result: `${formatCount(pn.total)} in total${split ? ` (${split})` : ''}. ${binding}. Every cell by Wald ${formatCount(pn.waldTotal)}, Wilson ${formatCount(pn.wilsonTotal)}, Clopper-Pearson ${formatCount(pn.exactTotal)}`,
    caveats: [
      ...(pn.seedFormulaTotal !== undefined && pn.seedFormulaTotal !== pn.total ? [`The textbook formula ⌈z²p(1−p)/h² × cohorts⌉ gives ${formatCount(pn.seedFormulaTotal)}, which cannot give every cohort its ${formatCount(pn.perCohort)}; the total shown is ${formatCount(pn.perCohort)} × ${pn.cohortSizes.length}.`] : []),
      `A ${halfWidthText(cell, pn.targetHalfWidth)} half-width is precision on one model; detecting a change of that size between two models is a power question and needs far more (set detect_change).`,
    ],
  });
  out.lines.push(`precision target ${target}: needs ${formatCount(pn.total)}${split ? ` (${split})` : ''}; ${binding}`);
}

export function powerNote(m: EvalSpecModel, f: GoldenSetFigures, pw: PowerPlan, out: FigureSink): void {
  const g = m.goldenSet!;
  const cell = pw.bindingCell;
  const change = pw.kind === 'mean' ? halfWidthText(cell, pw.detectChange).replace('±', '') : formatPp(pw.detectChange);
  const split = splitText(pw.cohortSizes);
  const binding = `${cellName(cell)} binds: ${formatCount(pw.pooledPerGroup)} per model${pw.kind === 'proportion' ? ` (${pw.p1} → ${formatNumber(pw.p2!, 6)}, the harder direction; Cohen's h ${formatCount(pw.arcsinePerGroup!)})` : ` (sd ${pw.sd})`}`;
  out.note({
    id: 'goldenSet.power',
    anchor: g.detectChange!.keyRange,
    hint: [`needs ${formatCount(pw.total)}${pw.cohortSizes.length > 1 ? '' : ' per model'}`, `${formatCount(pw.pooledPerGroup)}${pw.paired ? ' paired' : '/model'}${pw.cohortSizes.length > 1 ? '/cohort' : ''} for ${change}`].join(' · '),
    title: `Size to detect a ${change} change between two models`,
    formula: pw.kind === 'proportion' ? 'n per model = ((z_{α/2}·√(2p̄q̄) + z_β·√(p₁q₁ + p₂q₂)) / |p₂ − p₁|)²' : 'n per model = 2 (z_{α/2} + z_β)² sd² / Δ²',
    substituted: `α = ${formatNumber(pw.alpha, 6)}, power = ${pw.power}, d = ${g.detectChange!.raw}${pw.scope === 'per cohort' ? ' per cohort' : ''}; cells: ${pw.cells.map((c) => `${c.metric}${c.cohort ? `@${c.cohort}` : ''} → ${formatCount(c.n)}`).join(', ')}`,
    result: `${formatCount(pw.total)} per model${split ? ` (${split})` : ''}. ${binding}`,
    caveats: [pw.paired ? `Design: ${pw.design}: the n is the items both models answer.` : `Design: ${pw.design}. Evaluating both models on the same examples (paired) needs fewer, so this is conservative.`],
  });
  out.lines.push(`power target ${change} at power ${pw.power}: needs ${formatCount(pw.total)} per model${split ? ` (${split})` : ''}; ${binding}`);
}

export function certifyNote(m: EvalSpecModel, c: CertifyNeed, out: FigureSink): void {
  const g = m.goldenSet!;
  const rate = formatPercent(c.maxFailureRate, 3);
  out.note({
    id: 'goldenSet.certify',
    anchor: g.maxFailureRate!.keyRange,
    hint: `needs ${formatCount(c.n)} with ${failuresAllowedText(c.failuresAllowed, true)}`,
    title: `Size that certifies a failure rate of at most ${rate}`,
    formula: c.failuresAllowed === 0 ? 'smallest n with (1 − p)ⁿ ≤ 1 − c' : 'smallest n with P(X ≤ x | n, p) ≤ 1 − c, X ~ Binomial(n, p)',
    substituted: `p = ${g.maxFailureRate!.raw}, c = ${formatPercent(c.confidence, 2)}, x = ${c.failuresAllowed}`,
    result: `${formatCount(c.n)} examples with ${failuresAllowedText(c.failuresAllowed)} show the failure rate is ≤ ${rate} at ${formatPercent(c.confidence, 2)} (one-sided)`,
    caveats: c.failuresAllowed === 0 ? ['One failure in the run voids the certificate; allowing x failures (failures_allowed) costs more examples but survives them.'] : [],
  });
  out.lines.push(`failure-rate certificate ≤ ${rate}: needs ${formatCount(c.n)} with ${failuresAllowedText(c.failuresAllowed)}`);
}
