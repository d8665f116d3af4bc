// Rule: the router has no shadow-judge quality alert, the third of the seed's drift signals. Router
// drift shows either as cost (the flagship share creeps up, caught by the share and cost alerts) or
// as quality: the router confidently sends hard requests to the cheap tier and nothing costs more.
// Only re-scoring cheap-tier completions with the flagship judge sees the second kind. The seed
// shadows a 5% sample of cheap-tier completions through the flagship judge on a 24-hour delay and
// alerts when the quality delta widens by more than 3 pp over its rolling baseline.
import { insertEntries, type YamlEntry } from './edits';
import type { Rule } from './rule';

export const SHADOW_SAMPLE_FRACTION = 0.05;
export const SHADOW_DELAY_HOURS = 24;
export const SHADOW_QUALITY_DELTA_PP = 3;

/** The alert the seed describes, as entries a fix inserts. */
export function shadowJudgeEntries(): YamlEntry[] {
  return [
    { key: 'sample_fraction', value: String(SHADOW_SAMPLE_FRACTION) },
    { key: 'delay_hours', value: String(SHADOW_DELAY_HOURS) },
    { key: 'quality_delta_pp', value: String(SHADOW_QUALITY_DELTA_PP) },
  ];
}

export const routerShadowAlertMissing: Rule = {
  code: 'router-shadow-alert-missing',
  section: 'router',
  defaultSeverity: 'warning',
  summary: 'The router has no shadow-judge quality alert (a sample of cheap-tier completions re-scored by the flagship judge).',
  check({ model }) {
    const r = model.router;
    if (!r || (r.tiers?.items.length ?? 0) < 2) return [];
    const a = r.alerts;
    if (!a && r.node.kind === 'map' && r.node.entries.some((e) => e.key === 'alerts')) return []; // invalid: the schema reports it
    if (a && a.node.kind === 'map' && a.node.entries.some((e) => e.key === 'shadow_judge')) return [];
    return [{
      range: a?.keyRange ?? r.keyRange,
      message: `No shadow-judge quality alert: router drift that sends hard requests to the cheap tier costs nothing extra, so the share and cost alerts never see it. Shadow a ${SHADOW_SAMPLE_FRACTION * 100}% sample of cheap-tier completions through the flagship judge on a ${SHADOW_DELAY_HOURS}-hour delay and alert when the quality delta widens by more than ${SHADOW_QUALITY_DELTA_PP} pp (alerts.shadow_judge).`,
    }];
  },
  fix(_d, { model, parsed }) {
    const r = model.router;
    if (!r) return [];
    const entry: YamlEntry = { key: 'shadow_judge', value: shadowJudgeEntries(), inline: true };
    const edit = r.alerts ? insertEntries(parsed, r.alerts.node, [entry]) : insertEntries(parsed, r.node, [{ key: 'alerts', value: [entry] }]);
    return edit ? [{ title: `Add the shadow-judge alert (${SHADOW_SAMPLE_FRACTION * 100}% of cheap-tier completions, ${SHADOW_DELAY_HOURS} h delay, +${SHADOW_QUALITY_DELTA_PP} pp)`, edits: [edit], isPreferred: true }] : [];
  },
};
