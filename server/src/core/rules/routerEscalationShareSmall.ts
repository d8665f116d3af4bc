// Rule: a low-confidence escalation share too small to mean anything. The seed escalates the bottom
// 20% of router assignments by confidence to the next tier, because a wrong cheap-tier answer on a
// borderline request costs more than the mid-tier call it saved. Escalating under a quarter of that
// (below 5%) leaves almost every borderline request on the cheap tier.
import { formatPercent } from '../figures/format';
import { replaceNode } from './edits';
import type { Rule } from './rule';

export const RECOMMENDED_ESCALATION = 0.2;
export const MIN_ESCALATION = RECOMMENDED_ESCALATION / 4;

export const routerEscalationShareSmall: Rule = {
  code: 'router-escalation-share-small',
  section: 'router',
  defaultSeverity: 'warning',
  summary: 'escalate_lowest_confidence is under 5%: too few low-confidence assignments are escalated to mean anything (recommended: the bottom 20%).',
  check({ model }) {
    const e = model.router?.escalateLowestConfidence;
    if (!e || !(e.value > 0) || e.value >= MIN_ESCALATION) return [];
    return [{ range: e.range, message: `Escalating the lowest ${formatPercent(e.value, 2)} by confidence leaves nearly every borderline request committed to the cheap tier, where a wrong answer costs more than the escalation saves. The recommended practice escalates the bottom ${formatPercent(RECOMMENDED_ESCALATION)}.`, data: { value: e.value } }];
  },
  fix(_d, { model, parsed }) {
    const e = model.router?.escalateLowestConfidence;
    return e ? [{ title: `Set escalate_lowest_confidence to ${RECOMMENDED_ESCALATION.toFixed(2)} (the recommended bottom 20%)`, edits: [replaceNode(parsed, e.node, RECOMMENDED_ESCALATION.toFixed(2))], isPreferred: true }] : [];
  },
};
