// Rule: the router lacks one of its three drift alerts (flagship share, p10 confidence, cost share). Router drift shows up as cost,
// not as a quality drop, and it is slow and linear, so it slips past incident-style alerts. The seed
// watches three signals: flagship share more than 5 pp above its 30-day baseline (1-hour rolling),
// the p10 of router confidence below 0.55 (healthy ≈ 0.72), and flagship cost share above 110% of
// its 7-day moving average. A 20% flagship bleed at the seed's traffic costs about $119K a day.
import { insertEntries } from './edits';
import type { Rule, RuleContext } from './rule';
import type { YamlEntry } from './edits';

export type RouterAlertKey = 'flagship_share_over_baseline_pp' | 'min_p10_confidence' | 'cost_share_over_moving_avg';

export interface RouterAlertMissingData {
  missing: RouterAlertKey[];
}

function alertTemplates(ctx: RuleContext): Record<RouterAlertKey, string> {
  const t = ctx.settings.thresholds;
  return { flagship_share_over_baseline_pp: String(t.flagshipShareOverBaselinePp), min_p10_confidence: String(t.minP10Confidence), cost_share_over_moving_avg: t.costShareOverMovingAvg.toFixed(2) };
}

export const routerAlertMissing: Rule = {
  code: 'router-alert-missing',
  section: 'router',
  defaultSeverity: 'warning',
  summary: 'The router lacks one of its three drift alerts: flagship share, p10 confidence or flagship cost share.',
  check(ctx) {
    const r = ctx.model.router;
    if (!r) return [];
    const a = r.alerts;
    const rawHas = (k: string) => a?.node.kind === 'map' && a.node.entries.some((e) => e.key === k);
    if (!a && r.node.kind === 'map' && r.node.entries.some((e) => e.key === 'alerts')) return [];
    const missing = (['flagship_share_over_baseline_pp', 'min_p10_confidence', 'cost_share_over_moving_avg'] as RouterAlertKey[]).filter((k) => !rawHas(k));
    if (missing.length === 0) return [];
    const t = ctx.settings.thresholds;
    const words: Record<RouterAlertKey, string> = {
      flagship_share_over_baseline_pp: `flagship share more than ${t.flagshipShareOverBaselinePp} pp over baseline`,
      min_p10_confidence: `p10 confidence under ${t.minP10Confidence}`,
      cost_share_over_moving_avg: `flagship cost share over ${Math.round(t.costShareOverMovingAvg * 100)}% of its 7-day average`,
    };
    const data: RouterAlertMissingData = { missing };
    return [{
      range: a?.keyRange ?? r.keyRange,
      message: `${missing.length} of 3 router drift alerts missing (${missing.map((k) => words[k]).join('; ')}): router drift shows up as a slow rise in cost, not as a quality drop, and a 20% flagship bleed at 1K QPS costs about $119K a day until someone reads the bill.`,
      data,
    }];
  },
  fix(d, ctx) {
    const r = ctx.model.router;
    const data = d.data as RouterAlertMissingData | undefined;
    if (!r || !data) return [];
    const values = alertTemplates(ctx);
    const entries: YamlEntry[] = data.missing.map((k) => ({ key: k, value: values[k] }));
    const edit = r.alerts ? insertEntries(ctx.parsed, r.alerts.node, entries) : insertEntries(ctx.parsed, r.node, [{ key: 'alerts', value: entries }]);
    return edit ? [{ title: `Add the missing router alerts (${entries.map((e) => `${e.key}: ${String(e.value)}`).join(', ')})`, edits: [edit], isPreferred: true }] : [];
  },
};
