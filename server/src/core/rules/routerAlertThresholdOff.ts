// Rule: a router alert whose threshold is far from the seed's, so it never fires or always fires.
// The seed: flagship share more than 5 pp over its 30-day baseline, p10 confidence under 0.55 (a
// healthy router sits near 0.72), flagship cost share over 110% of its 7-day moving average.
// "Far": a flagship threshold over twice the recommended (a +50 pp alert sees only a catastrophe); a
// p10 floor under the recommended minus 0.2 (0.05 never fires) or at the healthy baseline 0.72 and
// above (fires on a healthy router); a cost-share multiplier of 1 or less (fires on every
// above-average hour) or over 1.5 (a 50% cost rise before anyone hears).
import { formatNumber } from '../figures/format';
import { replaceNode } from './edits';
import type { Rule } from './rule';

export type AlertKey = 'flagship_share_over_baseline_pp' | 'min_p10_confidence' | 'cost_share_over_moving_avg';

export interface RouterAlertThresholdOffData {
  key: AlertKey;
  value: number;
  recommended: number;
}

/** A healthy router's p10 confidence in the seed: an alert floor at or above it fires on health. */
export const HEALTHY_P10 = 0.72;
export const MAX_COST_SHARE = 1.5;

export const routerAlertThresholdOff: Rule = {
  code: 'router-alert-threshold-off',
  section: 'router',
  defaultSeverity: 'warning',
  summary: 'A router alert threshold is so far from the recommended values (5 pp, 0.55, 1.10) that the alert never fires or always fires.',
  check({ model, settings }) {
    const a = model.router?.alerts;
    if (!a) return [];
    const t = settings.thresholds;
    const out = [];
    const f = a.flagshipShareOverBaselinePp;
    if (f && f.value > 2 * t.flagshipShareOverBaselinePp) {
      out.push({ range: f.range, message: `A flagship-share alert at +${f.raw} pp over baseline fires only after a catastrophe: router drift is slow and linear, and at 1K QPS a 20% flagship bleed costs about $119K a day. The recommended threshold is +${t.flagshipShareOverBaselinePp} pp.`, data: { key: 'flagship_share_over_baseline_pp', value: f.value, recommended: t.flagshipShareOverBaselinePp } satisfies RouterAlertThresholdOffData });
    }
    const p = a.minP10Confidence;
    if (p && (p.value < t.minP10Confidence - 0.2 || p.value >= HEALTHY_P10)) {
      const why = p.value >= HEALTHY_P10 ? `at or above a healthy router's p10 (about ${HEALTHY_P10}), so it fires on a router that is fine` : `${formatNumber(t.minP10Confidence - p.value)} below the recommended ${t.minP10Confidence}, so it fires only when nearly every request is a guess`;
      out.push({ range: p.range, message: `A p10-confidence floor of ${p.raw} is ${why}. The recommended floor is ${t.minP10Confidence}.`, data: { key: 'min_p10_confidence', value: p.value, recommended: t.minP10Confidence } satisfies RouterAlertThresholdOffData });
    }
    const c = model.router?.alerts?.costShareOverMovingAvg;
    if (c && (c.value <= 1 || c.value > MAX_COST_SHARE)) {
      const why = c.value <= 1 ? `${c.value < 1 ? 'below' : 'at'} the moving average itself, so it fires on every ordinary hour` : `a ${formatNumber((c.value - 1) * 100, 0)}% rise over the 7-day average before it fires`;
      out.push({ range: c.range, message: `A cost-share alert at ${c.raw}× is ${why}. The recommended threshold is ${t.costShareOverMovingAvg.toFixed(2)}× (110% of the 7-day moving average).`, data: { key: 'cost_share_over_moving_avg', value: c.value, recommended: t.costShareOverMovingAvg } satisfies RouterAlertThresholdOffData });
    }
    return out;
  },
  fix(d, { model, parsed }) {
    const a = model.router?.alerts;
    const data = d.data as RouterAlertThresholdOffData | undefined;
    if (!a || !data) return [];
    const l = data.key === 'flagship_share_over_baseline_pp' ? a.flagshipShareOverBaselinePp : data.key === 'min_p10_confidence' ? a.minP10Confidence : a.costShareOverMovingAvg;
    if (!l) return [];
    const text = data.key === 'cost_share_over_moving_avg' ? data.recommended.toFixed(2) : String(data.recommended);
    return [{ title: `Set ${data.key} to ${text} (the recommended value)`, edits: [replaceNode(parsed, l.node, text)], isPreferred: true }];
  },
};
