// Rule: a power target (detect_change) sized for two independent samples when the two models are
// usually scored on the same golden items. A paired design (McNemar, Connor 1987) needs far fewer
// items; the fix declares `paired: {expected_discordance}` so the power target uses it.
import { pairedNeed } from '../figures/judging';
import { insertEntries } from './edits';
import type { Rule } from './rule';

export interface PairedDesignAvailableData {
  /** The discordance the fix declares. */
  discordance: string;
  paired: number;
  independent: number;
}

/** A planning discordance: 10%, or twice the change when that is larger (never below |δ|). */
export function planningDiscordance(change: number): number {
  return Math.min(1, Math.max(0.1, Math.round(2 * change * 100) / 100));
}

export const pairedDesignAvailable: Rule = {
  code: 'paired-design-available',
  section: 'golden_set',
  defaultSeverity: 'information',
  summary: 'The power target assumes two independent samples; scoring both models on the same items (paired) needs fewer.',
  check({ model }) {
    const g = model.goldenSet;
    const d = g?.detectChange;
    if (!g || !d || g.paired) return [];
    const psi = planningDiscordance(d.value);
    const need = pairedNeed(model, psi);
    if (!need || !need.paired.n.defined || !need.paired.nIndependentTotal.defined) return [];
    const cohorts = Math.max(1, g.cohorts?.items.length ?? 1);
    const paired = need.paired.n.value * cohorts;
    const independent = need.paired.nIndependentTotal.value * cohorts;
    if (paired >= independent) return [];
    const data: PairedDesignAvailableData = { discordance: psi.toFixed(2), paired, independent };
    return [{ range: d.keyRange, message: `detect_change is sized for two independent samples (${independent.toLocaleString('en-US')} items for both models); if both models answer the same golden items, a paired design needs ${paired.toLocaleString('en-US')} at ${Math.round(psi * 100)}% discordance.`, data }];
  },
  fix(diag, { model, parsed }) {
    const g = model.goldenSet;
    const data = diag.data as PairedDesignAvailableData | undefined;
    if (!g || !data) return [];
    const edit = insertEntries(parsed, g.node, [{ key: 'paired', value: [{ key: 'expected_discordance', value: data.discordance, comment: 'share of items the two models disagree on' }] }]);
    return edit ? [{ title: `Switch to a paired design (${data.paired.toLocaleString('en-US')} items at ${data.discordance} discordance)`, edits: [edit], isPreferred: true }] : [];
  },
};
