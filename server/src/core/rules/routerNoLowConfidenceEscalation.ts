// Rule: a router that commits its least confident assignments. The seed escalates the bottom ~20% by
// router confidence to the next tier instead of committing them: on a borderline request the expected
// quality cost of a wrong cheap-tier answer exceeds what the cheaper call saves.
import { insertEntries, replaceNode } from './edits';
import type { Rule } from './rule';

export const DEFAULT_ESCALATION = '0.20';

export const routerNoLowConfidenceEscalation: Rule = {
  code: 'router-no-low-confidence-escalation',
  section: 'router',
  defaultSeverity: 'warning',
  summary: 'The router does not escalate its lowest-confidence assignments to the next tier.',
  check({ model }) {
    const r = model.router;
    if (!r) return [];
    const e = r.escalateLowestConfidence;
    if (e && e.value > 0) return [];
    if (!e && r.node.kind === 'map' && r.node.entries.some((x) => x.key === 'escalate_lowest_confidence')) return [];
    return [{
      range: e?.range ?? r.keyRange,
      message: `${e ? `escalate_lowest_confidence is ${e.raw}` : 'The router sets no escalate_lowest_confidence'}, so it escalates 0% of its least confident assignments against the recommended 20%: borderline requests are committed to the cheap tier, where a wrong answer costs more than the mid-tier call it saved. Escalate the bottom 20% by confidence (escalate_lowest_confidence: 0.20).`,
      data: { escalate: e?.value ?? null },
    }];
  },
  fix(_d, { model, parsed }) {
    const r = model.router;
    if (!r) return [];
    const e = r.escalateLowestConfidence;
    const edit = e ? replaceNode(parsed, e.node, DEFAULT_ESCALATION) : insertEntries(parsed, r.node, [{ key: 'escalate_lowest_confidence', value: DEFAULT_ESCALATION }]);
    return edit ? [{ title: 'Escalate the 20% least confident assignments to the next tier', edits: [edit], isPreferred: true }] : [];
  },
};
