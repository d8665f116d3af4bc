// Rule: the golden set is smaller than its precision or power target needs.
// The seed's worked example: 200 examples at p = 0.8 give ±5.5 pp at 95%; ±2 pp over 4 cohorts
// needs 6,147. Fixes resize to the precision n, to the power n, and show the split across cohorts.
import { MAX_SEARCHED_SAMPLE_SIZE } from '../stats/sampleSizeBound';
import { formatCount, formatPercent, formatPp } from '../figures/format';
import { replaceNode } from './edits';
import type { Rule } from './rule';

export interface GoldenSetTooSmallData {
  declared: number;
  precisionN?: number;
  powerN?: number;
  required: number;
  binding: 'precision' | 'power';
}

export const goldenSetTooSmall: Rule = {
  code: 'golden-set-too-small',
  section: 'golden_set',
  defaultSeverity: 'error',
  summary: 'The golden set is smaller than its precision (target_half_width) or power (detect_change) target needs.',
  check({ model, figures }) {
    const g = model.goldenSet;
    const f = figures.goldenSet;
    if (!g?.size || !f || f.required === undefined || f.required <= g.size.value) return [];
    const n = g.size.value;
    const declared = figures.json['goldenSet'] as { declared?: { metrics?: { waldHalfWidth: number; intervals: Record<string, { halfWidth: number }> }[] } } | undefined;
    const m0 = declared?.declared?.metrics?.[0];
    const hw = m0 ? (f.method === 'wald' ? m0.waldHalfWidth : m0.intervals[f.method]?.halfWidth) : undefined;
    const parts: string[] = [];
    if (hw !== undefined) parts.push(`a golden set of ${formatCount(n)} gives ±${formatPp(hw)} at ${formatPercent(f.confidence, 2)}`);
    if (f.precision && g.targetHalfWidth) parts.push(`the ±${formatPp(g.targetHalfWidth.value)} target needs ${formatCount(f.precision.total)}${f.cohorts > 1 ? ` over ${f.cohorts} cohorts` : ''}`);
    if (f.power && g.detectChange) parts.push(`detecting a ${formatPp(g.detectChange.value)} change at power ${g.power?.value ?? 0.8} needs ${formatCount(f.power.total)}`);
    const short = f.required - n;
    const data: GoldenSetTooSmallData = { declared: n, precisionN: f.precision?.total, powerN: f.power?.total, required: f.required, binding: f.binding ?? 'precision' };
    return [{ range: g.size.range, message: `${capitalise(parts.join('; '))}: ${formatCount(short)} short (${f.binding} binds).`, data }];
  },
  fix(d, { model, parsed, figures }) {
    const g = model.goldenSet;
    const data = d.data as GoldenSetTooSmallData | undefined;
    if (!g?.size || !data) return [];
    const fixes = [];
    const cohorts = figures.goldenSet?.cohorts ?? 1;
    const split = (n: number) => (cohorts > 1 ? ` (${formatCount(Math.ceil(n / cohorts))} per cohort)` : '');
    // A size beyond any golden set (past 10^12, an estimate) is no edit to offer.
    if (data.precisionN !== undefined && data.precisionN > data.declared && data.precisionN <= MAX_SEARCHED_SAMPLE_SIZE) {
      fixes.push({ title: `Resize golden set to ${formatCount(data.precisionN)} for the precision target${split(data.precisionN)}`, edits: [replaceNode(parsed, g.size.node, String(data.precisionN))], isPreferred: data.binding === 'precision' });
    }
    if (data.powerN !== undefined && data.powerN > data.declared && data.powerN <= MAX_SEARCHED_SAMPLE_SIZE) {
      fixes.push({ title: `Resize golden set to ${formatCount(data.powerN)} for the power target${split(data.powerN)}`, edits: [replaceNode(parsed, g.size.node, String(data.powerN))], isPreferred: data.binding === 'power' });
    }
    return fixes;
  },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
