// Rule: the golden set is smaller than its precision, power or failure-rate target needs.
// The message names the binding metric and cohort with their own n and the half-width the declared
// size gives them. The seed's worked example: 200 examples at p = 0.8 give ±5.5 pp at 95%; ±2 pp in
// each of 4 cohorts needs 1,537 per cohort, 6,148 in all. Fixes resize to each target's n.
import { MAX_SEARCHED_SAMPLE_SIZE } from '../stats/sampleSizeBound';
import { failuresAllowedText, formatCount, formatPercent, formatPp } from '../figures/format';
import { cellName } from '../figures/sizing/cells';
import { halfWidthText, methodName } from '../figures/sizing/text';
import { cellHalfWidth } from '../figures/sizing/precision';
import { equalSplit } from '../figures/goldenSetDeclared';
import type { GoldenSetFigures } from '../figures';
import { replaceNode } from './edits';
import type { Rule } from './rule';

export interface GoldenSetTooSmallData {
  declared: number;
  precisionN?: number;
  powerN?: number;
  certifyN?: number;
  required: number;
  binding: 'precision' | 'power' | 'certify';
}

/** "task_success in cohort free gets ±11.1 pp from its 50 (needs 1,537 per cohort for ±2 pp)". */
function precisionPart(f: GoldenSetFigures, n: number): string | undefined {
  const pn = f.precision;
  if (!pn) return undefined;
  const cell = pn.bindingCell;
  const names = f.cells.flatMap((c) => (c.cohort && c.metric === cell.metric ? [c.cohort.name] : []));
  const have = cell.cohort ? (equalSplit(n, names).get(cell.cohort.name) ?? 0) : n;
  const now = have > 0 ? `gets ${halfWidthText(cell, cellHalfWidth(cell, have, f.confidence))} from its ${formatCount(have)}` : 'gets no examples';
  const target = `${halfWidthText(cell, pn.targetHalfWidth)}${pn.scope === 'per cohort' ? ' per cohort' : ''}`;
  const split = pn.cohortSizes.length > 1 ? ` (${pn.cohortSizes.every((s) => s.n === pn.perCohort) ? `${formatCount(pn.perCohort)} per cohort × ${pn.cohortSizes.length}` : `${formatCount(pn.perCohort)} in this cohort`})` : '';
  return `${cellName(cell)} ${now} at ${formatPercent(f.confidence, 2)} (${cell.metric.kind === 'mean' ? 'normal' : methodName[cell.method]}); ${target} needs ${formatCount(pn.total)}${split}`;
}

function powerPart(f: GoldenSetFigures): string | undefined {
  const pw = f.power;
  if (!pw) return undefined;
  const change = pw.kind === 'mean' ? halfWidthText(pw.bindingCell, pw.detectChange).replace('±', '') : formatPp(pw.detectChange);
  return `detecting a ${change} change at power ${pw.power} needs ${formatCount(pw.total)} per model (${cellName(pw.bindingCell)} binds with ${formatCount(pw.pooledPerGroup)})`;
}

export const goldenSetTooSmall: Rule = {
  code: 'golden-set-too-small',
  section: 'golden_set',
  defaultSeverity: 'error',
  summary: 'The golden set is smaller than its precision (target_half_width), power (detect_change) or failure-rate (max_failure_rate) target needs.',
  check({ model, figures }) {
    const g = model.goldenSet;
    const f = figures.goldenSet;
    if (!g?.size || !f || f.required === undefined || f.required <= g.size.value) return [];
    const n = g.size.value;
    const parts = [precisionPart(f, n), powerPart(f)].filter((x): x is string => !!x);
    if (f.certify) parts.push(`certifying a failure rate ≤ ${formatPercent(f.certify.maxFailureRate, 3)} needs ${formatCount(f.certify.n)} with ${failuresAllowedText(f.certify.failuresAllowed)}`);
    const data: GoldenSetTooSmallData = { declared: n, precisionN: f.precision?.total, powerN: f.power?.total, certifyN: f.certify?.n, required: f.required, binding: f.binding ?? 'precision' };
    return [{ range: g.size.range, message: `A golden set of ${formatCount(n)}: ${parts.join('; ')}. ${formatCount(f.required - n)} short (${f.binding} binds).`, data }];
  },
  fix(d, { model, parsed }) {
    const g = model.goldenSet;
    const data = d.data as GoldenSetTooSmallData | undefined;
    if (!g?.size || !data) return [];
    const fixes = [];
    const targets: [GoldenSetTooSmallData['binding'], number | undefined, string][] = [
      ['precision', data.precisionN, 'the precision target'],
      ['power', data.powerN, 'the power target'],
      ['certify', data.certifyN, 'the failure-rate certificate'],
    ];
    for (const [kind, n, what] of targets) {
      // A size beyond any golden set (past 10^12, an estimate) is no edit to offer.
      if (n === undefined || n <= data.declared || n > MAX_SEARCHED_SAMPLE_SIZE) continue;
      fixes.push({ title: `Resize golden set to ${formatCount(n)} for ${what}`, edits: [replaceNode(parsed, g.size.node, String(n))], isPreferred: data.binding === kind });
    }
    return fixes;
  },
};
