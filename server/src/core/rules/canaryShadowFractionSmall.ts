// Rule: a canary shadow fraction too small to mean anything. The gate compares quality on the shadow
// sample against the live router within max_quality_delta_pp (seed: 1 pp), so the shadow traffic over
// the canary window must be enough for a two-proportion test to see that delta (80% power, 95%,
// at the first sized metric's pass rate). Without a traffic block the floor is 1% (seed: 5%).
import { sizingMetrics } from '../figures/goldenSetFigures';
import { formatCount, formatPercent, formatPp } from '../figures/format';
import { pooledSampleSize } from '../stats';
import { replaceNode } from './edits';
import type { Rule } from './rule';

export const SEED_SHADOW_FRACTION = 0.05;
export const MIN_SHADOW_FRACTION_NO_TRAFFIC = 0.01;

export interface CanaryShadowFractionSmallData {
  recommended: number;
}

/** Rounds up to two significant digits: 0.000231 → 0.00024. */
function ceil2(x: number): number {
  const e = Math.floor(Math.log10(x)) - 1;
  return Math.ceil(x / 10 ** e) * 10 ** e;
}

export const canaryShadowFractionSmall: Rule = {
  code: 'canary-shadow-fraction-small',
  section: 'router',
  defaultSeverity: 'warning',
  summary: 'The canary shadow fraction gives too few shadow requests over the canary window to see the quality delta the gate allows.',
  check({ model, settings }) {
    const c = model.router?.canary;
    const f = c?.shadowFraction;
    if (!c || !f || !(f.value > 0)) return [];
    const qps = model.traffic?.qps?.value;
    const hours = c.hours?.value ?? settings.thresholds.canaryMinShadowHours;
    if (!qps) {
      if (f.value >= MIN_SHADOW_FRACTION_NO_TRAFFIC) return [];
      const data: CanaryShadowFractionSmallData = { recommended: SEED_SHADOW_FRACTION };
      return [{ range: f.range, message: `A shadow fraction of ${f.raw} is too small to judge a canary on (the recommended shadow fraction is ${formatPercent(SEED_SHADOW_FRACTION)}); give traffic.qps to size it from the quality delta the gate allows.`, data }];
    }
    const d = (c.maxQualityDeltaPp?.value ?? settings.thresholds.canaryMaxQualityDeltaPp) / 100;
    const p = sizingMetrics(model)[0]?.p ?? 0.8;
    const p2 = p - d > 0 ? p - d : p + d;
    if (!(d > 0 && p2 > 0 && p2 < 1)) return [];
    const need = pooledSampleSize(p, p2, { alpha: 0.05, power: 0.8 }).nPerGroup;
    const shadow = qps * 3600 * hours * f.value;
    if (shadow >= need) return [];
    const needed = need / (qps * 3600 * hours);
    const data: CanaryShadowFractionSmallData = { recommended: needed <= SEED_SHADOW_FRACTION ? SEED_SHADOW_FRACTION : Math.min(1, ceil2(needed)) };
    return [{ range: f.range, message: `A shadow fraction of ${f.raw} sends about ${formatCount(shadow)} requests through the canary in ${hours} h, but telling a ${formatPp(d, 2)} quality delta at p = ${p} needs ${formatCount(need)} (80% power): the gate would pass on noise. Shadow at least ${formatPercent(needed, 3)}${data.recommended === SEED_SHADOW_FRACTION ? `; the recommended sample is ${formatPercent(SEED_SHADOW_FRACTION)}` : ''}.`, data }];
  },
  fix(d, { model, parsed }) {
    const f = model.router?.canary?.shadowFraction;
    const data = d.data as CanaryShadowFractionSmallData | undefined;
    if (!f || !data) return [];
    const text = String(Number(data.recommended.toPrecision(2)));
    return [{ title: `Set shadow_fraction to ${text}`, edits: [replaceNode(parsed, f.node, text)], isPreferred: true }];
  },
};
