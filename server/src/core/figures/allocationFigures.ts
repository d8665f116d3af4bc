// How a human-label budget splits across cohorts: proportional to traffic share and by Neyman
// allocation (more labels where the pass rate is most uncertain), each with per-cohort floors and
// whole labels that sum to the budget; a safety cohort's labels split into its borderline slice.
import { borderlineSlice, neymanAllocation, proportionalAllocation, type LabelAllocation } from '../allocation';
import { memoizeJson } from './memo';
import type { EvalSpecModel } from '../model/spec';
import { sizingMetrics } from './goldenSetFigures';
import { exactInput, formatCount, formatPercent, formatPp } from './format';
import { sizingCells } from './sizing/cells';
import { cellHalfWidth } from './sizing/precision';
import { stratifiedPlan } from './sizing/declared';
import { halfWidthText, methodName } from './sizing/text';
import type { FigureSink } from './types';
import { clipName, FIGURE_LIST, FIGURE_NAME_CHARS, listNames } from '../text/bounded';

// Exact apportionment over hundreds of cohorts is the costliest figure; an edit elsewhere in the
// spec leaves its inputs unchanged, so the splits are remembered by their inputs.
const proportionalSplit = memoizeJson(proportionalAllocation);
const neymanSplit = memoizeJson(neymanAllocation);

export function allocationFigures(m: EvalSpecModel, out: FigureSink): void {
  const g = m.goldenSet;
  const budget = g?.labelBudget;
  const cohorts = g?.cohorts?.items ?? [];
  if (!g || !budget || cohorts.length === 0 || cohorts.some((c) => !c.name || !c.share)) return;
  const metricP = sizingMetrics(m)[0]?.p;
  const floors = cohorts.map((c) => c.minLabels?.value);
  const proportional = proportionalSplit(
    budget.value,
    cohorts.map((c, i) => ({ name: c.name!.value, weight: exactInput(c.share!), minLabels: floors[i] })),
  );
  const rates = cohorts.map((c) => c.expectedPassRate ?? undefined);
  const neyman =
    metricP !== undefined || rates.every((r) => r)
      ? neymanSplit(
          budget.value,
          cohorts.map((c, i) => ({ name: c.name!.value, size: exactInput(c.share!), expectedPassRate: rates[i] ? exactInput(rates[i]!) : metricP!, minLabels: floors[i] })),
        )
      : undefined;
  const asJson = (a: LabelAllocation | undefined) =>
    !a ? { undefinedBecause: 'no expected pass rate: set one on the primary metric or on every cohort' } : a.ok ? a.cohorts.map((c) => ({ cohort: c.name, labels: c.labels, atFloor: c.atFloor })) : { undefinedBecause: a.message };
  const borderline = cohorts.flatMap((c) => {
    if (!c.borderlineShare || !proportional.ok) return [];
    const labels = proportional.cohorts.find((x) => x.name === c.name!.value)?.labels ?? 0;
    const split = borderlineSlice(labels, exactInput(c.borderlineShare));
    return [{ cohort: c.name!.value, labels, borderline: split.borderline, random: split.random }];
  });
  out.json['labelBudget'] = { budget: budget.value, proportional: asJson(proportional), neyman: asJson(neyman), borderline };
  const precision = labelPrecision(m, proportional.ok ? proportional.cohorts : []);
  out.json['labelBudget'] = { ...(out.json['labelBudget'] as object), precision };
  const hwOf = (name: string) => precision.cohorts.find((c) => c.cohort === name)?.text;
  const line = (a: LabelAllocation | undefined, withHw = false) =>
    a?.ok ? listNames(a.cohorts.map((c) => `${clipName(c.name, FIGURE_NAME_CHARS)} ${formatCount(c.labels)}${c.atFloor ? ' (floor)' : ''}${withHw && hwOf(c.name) ? ` ${hwOf(c.name)}` : ''}`), { separator: ' · ', max: FIGURE_LIST }) : undefined;
  const p = line(proportional, true);
  const n = line(neyman);
  const b = listNames(borderline.map((x) => `${clipName(x.cohort, FIGURE_NAME_CHARS)}: ${x.borderline} borderline + ${x.random} random`), { separator: '; ', max: FIGURE_LIST });
  out.note({
    id: 'goldenSet.labelBudget',
    anchor: budget.keyRange,
    hint: p ? `${p}${b ? ` · ${b}` : ''}` : proportional.ok ? '' : 'cannot allocate',
    title: `Allocating ${formatCount(budget.value)} human labels`,
    formula: 'proportional: n_h ∝ share_h; Neyman: n_h ∝ share_h · √(p_h(1 − p_h)); whole labels by largest remainder, after per-cohort floors',
    substituted: listNames(cohorts.map((c) => `${clipName(c.name!.value, FIGURE_NAME_CHARS)}: share ${c.share!.raw}${c.expectedPassRate ? `, p ${c.expectedPassRate.raw}` : ''}${c.minLabels ? `, floor ${c.minLabels.raw}` : ''}`), { separator: '; ', max: FIGURE_LIST }),
    result: [p ? `proportional: ${p}` : `proportional: ${proportional.ok ? '' : proportional.message}`, n ? `Neyman: ${n}` : undefined, b || undefined].filter(Boolean).join('. '),
    caveats: [
      ...(precision.metric ? [`Each cohort's ± is the ${methodName[precision.method!]} half-width its labels give ${precision.metric} in that cohort (per cohort, not overall).`] : []),
      ...(precision.stratified?.outOfProportion
        ? [`Floors sample cohorts out of proportion to traffic: estimate the overall rate stratified, ${formatPercent(precision.stratified.estimate, 2)} ± ${formatPp(precision.stratified.halfWidth, 2)} (SE ${formatPp(precision.stratified.standardError, 2)}), not by the naive mean of all labels, ${formatPercent(precision.stratified.naiveMean, 2)} ± ${formatPp(precision.stratified.naiveHalfWidth, 2)}.`]
        : []),
      'For a safety cohort, spend most labels on the borderline slice where the judge is unsure, not on the bulk of traffic.',
    ],
  });
  if (p) out.lines.push(`label budget ${formatCount(budget.value)}: ${p}${n ? `; Neyman ${n}` : ''}${b ? `; ${b}` : ''}`);
}

/** The half-width each cohort's labels give the first sized metric there, and the stratified overall estimate. */
function labelPrecision(m: EvalSpecModel, alloc: { name: string; labels: number }[]) {
  const confidence = m.goldenSet?.confidence?.value ?? 0.95;
  const cells = sizingCells(m);
  const first = cells[0]?.metric;
  const mine = cells.filter((c) => c.metric === first && c.cohort);
  const cohorts = alloc.flatMap((a) => {
    const cell = mine.find((c) => c.cohort!.name === a.name);
    if (!cell || a.labels < 1) return [];
    const hw = cellHalfWidth(cell, a.labels, confidence);
    return [{ cohort: a.name, labels: a.labels, halfWidth: hw, text: halfWidthText(cell, hw) }];
  });
  const strata = mine.every((c) => c.cohort!.share !== undefined && c.p !== undefined) && cohorts.length === mine.length && mine.length > 0
    ? stratifiedPlan(mine.map((c) => ({ cohort: c.cohort!.name, share: c.cohort!.share!, n: alloc.find((a) => a.name === c.cohort!.name)?.labels ?? 0, p: c.p! })), confidence)
    : undefined;
  return { metric: first?.id, method: mine[0]?.method, cohorts, stratified: strata };
}
