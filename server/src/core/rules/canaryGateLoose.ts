// Rule: a canary gate looser than the seed's: tier shares within ±3 pp of the live router, quality
// within 1 pp on the shadow judge sample, 48 hours of shadow traffic. A looser gate promotes a router
// whose drift the alerts would then have to catch in production.
import { formatNumber } from '../figures/format';
import { insertEntries, replaceNode, type YamlEntry } from './edits';
import type { Rule } from './rule';

export type CanaryKey = 'hours' | 'max_share_shift_pp' | 'max_quality_delta_pp';

export interface CanaryGateLooseData {
  key: CanaryKey;
  /** The written value, or null when the key is missing. */
  value: number | null;
  limit: number;
}

export const canaryGateLoose: Rule = {
  code: 'canary-gate-loose',
  section: 'router',
  defaultSeverity: 'warning',
  summary: 'The canary gate is looser than ±3 pp tier share, 1 pp quality or 48 h of shadow.',
  check({ model, settings }) {
    const c = model.router?.canary;
    if (!c) return [];
    const t = settings.thresholds;
    const has = (k: string) => c.node.kind === 'map' && c.node.entries.some((e) => e.key === k);
    const out = [];
    const checks = [
      { key: 'hours' as const, l: c.hours, limit: t.canaryMinShadowHours, loose: (v: number) => v < t.canaryMinShadowHours, unit: ' h', what: 'shadow window', dir: 'short of' },
      { key: 'max_share_shift_pp' as const, l: c.maxShareShiftPp, limit: t.canaryMaxShareShiftPp, loose: (v: number) => v > t.canaryMaxShareShiftPp, unit: ' pp', what: 'allowed tier-share shift', dir: 'over' },
      { key: 'max_quality_delta_pp' as const, l: c.maxQualityDeltaPp, limit: t.canaryMaxQualityDeltaPp, loose: (v: number) => v > t.canaryMaxQualityDeltaPp, unit: ' pp', what: 'allowed quality delta', dir: 'over' },
    ];
    for (const k of checks) {
      if (k.l) {
        if (!k.loose(k.l.value)) continue;
        const data: CanaryGateLooseData = { key: k.key, value: k.l.value, limit: k.limit };
        out.push({ range: k.l.range, message: `A ${k.what} of ${k.l.raw}${k.unit} is ${formatNumber(Math.abs(k.l.value - k.limit))}${k.unit} ${k.dir} the recommended ${k.limit}${k.unit}: ${k.key === 'hours' ? 'too short a shadow run to see a day-over-day traffic cycle twice' : 'the gate would promote a router that moves traffic or quality more than the alerts tolerate'}. Tighten it to ${k.limit}${k.unit}.`, data });
      } else if (!has(k.key)) {
        const data: CanaryGateLooseData = { key: k.key, value: null, limit: k.limit };
        out.push({ range: c.keyRange, message: `The canary gate sets no ${k.key}, so the ${k.what} is unlimited: set it to ${k.limit}${k.unit}.`, data });
      }
    }
    return out;
  },
  fix(d, { model, parsed }) {
    const c = model.router?.canary;
    const data = d.data as CanaryGateLooseData | undefined;
    if (!c || !data) return [];
    const l = data.key === 'hours' ? c.hours : data.key === 'max_share_shift_pp' ? c.maxShareShiftPp : c.maxQualityDeltaPp;
    const entry: YamlEntry = { key: data.key, value: String(data.limit) };
    const edit = l ? replaceNode(parsed, l.node, String(data.limit)) : insertEntries(parsed, c.node, [entry]);
    return edit ? [{ title: `${l ? 'Tighten' : 'Set'} ${data.key} to ${data.limit}`, edits: [edit], isPreferred: true }] : [];
  },
};
