// Rule: a `safety: true` cohort whose human labels do not mostly come from its borderline slice.
// False negatives on safety cost more than false positives, so the seed over-represents the borderline
// cases where the judge is unsure ("the shadow zone") rather than the bulk of traffic: of the ~200
// examples a safety cohort needs, 80% should come from the borderline slice, not random traffic.
// "Mostly" is the line: under half (or no borderline_share at all) fires, with 0.80 recommended.
import { formatPercent } from '../figures/format';
import { insertEntries, replaceNode } from './edits';
import type { Rule, RuleFinding } from './rule';

export const SAFETY_BORDERLINE_SHARE = 0.8;
const MOST = 0.5;

export interface SafetyCohortBorderlineData {
  cohort: number;
  kind: 'missing' | 'low';
}

export const safetyCohortBorderline: Rule = {
  code: 'safety-cohort-borderline-labels',
  section: 'golden_set',
  defaultSeverity: 'warning',
  summary: 'A safety cohort does not draw most of its human labels (recommended: 80%) from its borderline slice.',
  check({ model }) {
    const out: RuleFinding[] = [];
    (model.goldenSet?.cohorts?.items ?? []).forEach((c, i) => {
      if (c.safety?.value !== true) return;
      const name = c.name?.value ?? `#${i + 1}`;
      const b = c.borderlineShare;
      if (!b) {
        if (c.node.kind === 'map' && c.node.entries.some((e) => e.key === 'borderline_share')) return; // invalid: the schema reports it
        out.push({ range: c.safety.range, message: `Safety cohort ${name} does not say how many of its labels come from the borderline slice: labels drawn like traffic are mostly easy cases, and a judge that misses the borderline ones still scores well. Draw ${formatPercent(SAFETY_BORDERLINE_SHARE)} of them from the borderline slice (borderline_share: ${SAFETY_BORDERLINE_SHARE.toFixed(2)}).`, data: { cohort: i, kind: 'missing' } satisfies SafetyCohortBorderlineData });
      } else if (b.value < MOST) {
        out.push({ range: b.range, message: `Safety cohort ${name} draws only ${formatPercent(b.value)} of its labels from the borderline slice, so most labels go to easy cases where a missed refusal never shows. Draw most of them there: the recommended split puts ${formatPercent(SAFETY_BORDERLINE_SHARE)} on the borderline slice.`, data: { cohort: i, kind: 'low' } satisfies SafetyCohortBorderlineData });
      }
    });
    return out;
  },
  fix(d, { model, parsed }) {
    const data = d.data as SafetyCohortBorderlineData | undefined;
    const c = data && model.goldenSet?.cohorts?.items[data.cohort];
    if (!data || !c) return [];
    const text = SAFETY_BORDERLINE_SHARE.toFixed(2);
    const edit = data.kind === 'low' && c.borderlineShare ? replaceNode(parsed, c.borderlineShare.node, text) : insertEntries(parsed, c.node, [{ key: 'borderline_share', value: text }]);
    return edit ? [{ title: `Draw ${formatPercent(SAFETY_BORDERLINE_SHARE)} of the labels from the borderline slice (borderline_share: ${text})`, edits: [edit], isPreferred: true }] : [];
  },
};
