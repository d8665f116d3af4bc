// Rule: a `safety: true` cohort whose labels are not refreshed when a model update touches safety
// training. Safety training changes the model's refusal style, which changes what the judge has learned
// to reward: the co-drift pattern is most dangerous there. The seed refreshes the safety calibration
// quarterly at minimum and immediately whenever a model update touches safety training.
import { insertEntries } from './edits';
import type { Rule, RuleFinding } from './rule';

export interface SafetyCohortRefreshTriggerData {
  cohort: number;
  /** `refresh_on_safety_training: false` is written (replace it), or the key is absent (insert it). */
  written: boolean;
}

export const safetyCohortRefreshTrigger: Rule = {
  code: 'safety-cohort-refresh-trigger',
  section: 'golden_set',
  defaultSeverity: 'warning',
  summary: 'A safety cohort is not re-labelled on every safety-training update (refresh_on_safety_training).',
  check({ model }) {
    const out: RuleFinding[] = [];
    (model.goldenSet?.cohorts?.items ?? []).forEach((c, i) => {
      if (c.safety?.value !== true || c.refreshOnSafetyTraining?.value === true) return;
      const written = c.refreshOnSafetyTraining !== undefined;
      if (!written && c.node.kind === 'map' && c.node.entries.some((e) => e.key === 'refresh_on_safety_training')) return; // invalid: the schema reports it
      const name = c.name?.value ?? `#${i + 1}`;
      out.push({ range: c.refreshOnSafetyTraining?.range ?? c.safety.range, message: `Safety cohort ${name} is not re-labelled when a model update touches safety training: that update changes the model's refusal style and with it what the judge rewards, so the calibration goes stale the day it ships. Refresh it on every safety-training update (refresh_on_safety_training: true), besides its calendar refresh.`, data: { cohort: i, written } satisfies SafetyCohortRefreshTriggerData });
    });
    return out;
  },
  fix(d, { model, parsed }) {
    const data = d.data as SafetyCohortRefreshTriggerData | undefined;
    const c = data && model.goldenSet?.cohorts?.items[data.cohort];
    if (!data || !c) return [];
    const l = c.refreshOnSafetyTraining;
    const edit = l ? { range: parsed.lines.range(l.node.start, l.node.end), newText: 'true' } : insertEntries(parsed, c.node, [{ key: 'refresh_on_safety_training', value: 'true' }]);
    return edit ? [{ title: 'Refresh this cohort on every safety-training update', edits: [edit], isPreferred: true }] : [];
  },
};
