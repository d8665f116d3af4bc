// Rule: a shadow-judge quality alert whose values are far from the seed's (5% of cheap-tier
// completions, 24-hour delay, +3 pp). "Far":
//   - sample_fraction under a fifth of the seed's (1%), or too small for a day's shadowed cheap-tier
//     completions (qps × 86,400 × cheap share × fraction) to tell a widening of quality_delta_pp at
//     the first sized metric's pass rate (two-proportion test, 95%, 80% power); or over 25%, which
//     doubles a quarter of the cheap tier's calls for a signal a 5% sample already resolves;
//   - delay_hours over twice the seed's 24 (the drift is seen days late);
//   - quality_delta_pp more than twice the seed's 3 pp (a slow drift is never paged) or under half of
//     it (day-to-day noise pages).
import { sizingMetrics } from '../figures/goldenSetFigures';
import { formatCount, formatNumber, formatPercent } from '../figures/format';
import { tierRoles } from '../model/tierRoles';
import type { EvalSpecModel } from '../model/spec';
import { pooledSampleSize } from '../stats';
import { replaceNode } from './edits';
import { SHADOW_DELAY_HOURS, SHADOW_QUALITY_DELTA_PP, SHADOW_SAMPLE_FRACTION } from './routerShadowAlertMissing';
import type { Rule, RuleFinding } from './rule';

export type ShadowAlertKey = 'sample_fraction' | 'delay_hours' | 'quality_delta_pp';

export interface RouterShadowAlertOffData {
  key: ShadowAlertKey;
  value: number;
  recommended: number;
}

const MIN_FRACTION = SHADOW_SAMPLE_FRACTION / 5;
const MAX_FRACTION = 0.25;

/** Cheap-tier completions a day, when traffic and the cheap tier's share are known. */
function cheapPerDay(model: EvalSpecModel): number | undefined {
  const qps = model.traffic?.qps?.value;
  const tiers = model.router?.tiers?.items ?? [];
  const cheap = tierRoles(tiers).cheap;
  const share = tiers.find((t) => t.name?.value === cheap)?.share?.value;
  return qps && share ? qps * 86_400 * share : undefined;
}

/** Rounds up to two significant digits: 0.000231 → 0.00024. */
function ceil2(x: number): number {
  const e = Math.floor(Math.log10(x)) - 1;
  return Math.ceil(x / 10 ** e) * 10 ** e;
}

function fractionFinding(model: EvalSpecModel): RuleFinding | undefined {
  const s = model.router?.alerts?.shadowJudge;
  const f = s?.sampleFraction;
  if (!s || !f || !(f.value > 0)) return undefined;
  const at = (recommended: number, message: string): RuleFinding => ({ range: f.range, message, data: { key: 'sample_fraction', value: f.value, recommended } satisfies RouterShadowAlertOffData });
  if (f.value > MAX_FRACTION) {
    const perDay = cheapPerDay(model);
    const calls = perDay ? ` (about ${formatCount(perDay * f.value)} flagship-judge calls a day)` : '';
    return at(SHADOW_SAMPLE_FRACTION, `Shadowing ${formatPercent(f.value)} of cheap-tier completions through the flagship judge${calls} pays a second, flagship-priced call on a large part of the cheap tier for a signal a ${formatPercent(SHADOW_SAMPLE_FRACTION)} sample already resolves. The recommended sample is ${formatPercent(SHADOW_SAMPLE_FRACTION)}.`);
  }
  const perDay = cheapPerDay(model);
  const d = (s.qualityDeltaPp?.value ?? SHADOW_QUALITY_DELTA_PP) / 100;
  const p = sizingMetrics(model)[0]?.p ?? 0.8;
  const p2 = p - d > 0 ? p - d : p + d;
  // A fraction-like pp value (under 0.1) is pp-looks-like-fraction's to report, not a sample to size.
  const need = perDay && d >= 0.001 && p2 > 0 && p2 < 1 ? pooledSampleSize(p, p2, { alpha: 0.05, power: 0.8 }).nPerGroup : undefined;
  if (perDay && need && perDay * f.value < need) {
    const needed = need / perDay;
    const recommended = needed <= SHADOW_SAMPLE_FRACTION ? SHADOW_SAMPLE_FRACTION : Math.min(1, ceil2(needed));
    return at(recommended, `A ${formatPercent(f.value, 3)} shadow sample re-scores about ${formatCount(perDay * f.value)} cheap-tier completions a day, but telling a ${formatNumber(d * 100, 2)} pp widening at p = ${p} needs ${formatCount(need)} (95%, 80% power): the alert would fire on noise or never. Shadow at least ${formatPercent(needed, 3)}${recommended === SHADOW_SAMPLE_FRACTION ? `; the recommended sample is ${formatPercent(SHADOW_SAMPLE_FRACTION)}` : ''}.`);
  }
  if (f.value < MIN_FRACTION) {
    return at(SHADOW_SAMPLE_FRACTION, `A ${formatPercent(f.value, 3)} shadow sample is under a fifth of the recommended ${formatPercent(SHADOW_SAMPLE_FRACTION)}: too thin a slice of the cheap tier to show a quality drift on its borderline requests. The recommended sample is ${formatPercent(SHADOW_SAMPLE_FRACTION)}.`);
  }
  return undefined;
}

export const routerShadowAlertOff: Rule = {
  code: 'router-shadow-alert-off',
  section: 'router',
  defaultSeverity: 'warning',
  summary: "A shadow-judge alert value is far from the recommended values (5% sample, 24 h delay, +3 pp): the alert never fires, fires on noise, or sees drift days late.",
  check({ model }) {
    const s = model.router?.alerts?.shadowJudge;
    if (!s) return [];
    const out: RuleFinding[] = [];
    const f = fractionFinding(model);
    if (f) out.push(f);
    const h = s.delayHours;
    if (h && h.value > 2 * SHADOW_DELAY_HOURS) {
      out.push({ range: h.range, message: `A ${h.raw}-hour shadow delay sees a quality drift ${formatNumber(h.value / 24, 1)} days after it starts, while every cheap-tier answer in between is served at the lower quality. The recommended alert re-scores on a ${SHADOW_DELAY_HOURS}-hour delay.`, data: { key: 'delay_hours', value: h.value, recommended: SHADOW_DELAY_HOURS } satisfies RouterShadowAlertOffData });
    }
    const q = s.qualityDeltaPp;
    if (q && (q.value > 2 * SHADOW_QUALITY_DELTA_PP || (q.value >= 0.1 && q.value < SHADOW_QUALITY_DELTA_PP / 2))) {
      const why = q.value > 2 * SHADOW_QUALITY_DELTA_PP ? 'lets a slow drift widen the cheap tier\'s quality gap that far before anyone is paged' : 'pages on day-to-day noise in the shadowed sample';
      out.push({ range: q.range, message: `A shadow-judge alert at +${q.raw} pp ${why}. The recommended alert fires when the delta widens by more than ${SHADOW_QUALITY_DELTA_PP} pp over its rolling baseline.`, data: { key: 'quality_delta_pp', value: q.value, recommended: SHADOW_QUALITY_DELTA_PP } satisfies RouterShadowAlertOffData });
    }
    return out;
  },
  fix(d, { model, parsed }) {
    const s = model.router?.alerts?.shadowJudge;
    const data = d.data as RouterShadowAlertOffData | undefined;
    if (!s || !data) return [];
    const l = data.key === 'sample_fraction' ? s.sampleFraction : data.key === 'delay_hours' ? s.delayHours : s.qualityDeltaPp;
    if (!l) return [];
    const text = String(Number(data.recommended.toPrecision(2)));
    return [{ title: `Set ${data.key} to ${text}${data.recommended === (data.key === 'sample_fraction' ? SHADOW_SAMPLE_FRACTION : data.key === 'delay_hours' ? SHADOW_DELAY_HOURS : SHADOW_QUALITY_DELTA_PP) ? " (the recommended value)" : ''}`, edits: [replaceNode(parsed, l.node, text)], isPreferred: true }];
  },
};
