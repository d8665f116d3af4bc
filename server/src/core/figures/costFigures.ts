// Cost figures of a spec: the traffic baseline and the router's blended price (the incident-cost
// ledger is ledgerFigures.ts).
// All money is exact decimal arithmetic in the costs module; this file only wires spec values in.
import type Decimal from 'decimal.js';
import {
  baselineDailyCost,
  blendedDailyCost,
  blendedPricePer1M,
  cheapTierShare,
  boundedDecimalString,
  formatUsd,
  shadowTrafficBudget,
  tierShareSum,
  type RouterTier,
} from '../costs';
import type { EvalSpecModel } from '../model/spec';
import { exactInput, formatPp } from './format';
import type { FigureSink } from './types';
import { tierRoles } from '../model/tierRoles';
import { FIGURE_LIST, listNames } from '../text/bounded';

// JSON decimals: exact to the last digit, except a quotient that does not terminate (12 significant digits).
const ex = boundedDecimalString;

export function baselineOf(m: EvalSpecModel): Decimal | undefined {
  const t = m.traffic;
  if (!t?.qps || !t.avgOutputTokens || !t.pricePer1mOutputTokens) return undefined;
  return baselineDailyCost(exactInput(t.qps), exactInput(t.avgOutputTokens), exactInput(t.pricePer1mOutputTokens));
}

export function trafficFigures(m: EvalSpecModel, out: FigureSink): void {
  const t = m.traffic;
  const baseline = baselineOf(m);
  if (!t || !baseline || !t.qps || !t.avgOutputTokens || !t.pricePer1mOutputTokens) return;
  out.json['traffic'] = { baselineDailyCost: ex(baseline) };
  out.note({
    id: 'traffic.baselineDailyCost',
    anchor: t.keyRange,
    hint: `${formatUsd(baseline)}/day`,
    title: 'Baseline daily cost',
    formula: 'QPS × 86,400 s × output tokens × price per 1M ÷ 1,000,000',
    substituted: `${t.qps.raw} × 86,400 × ${t.avgOutputTokens.raw} × $${t.pricePer1mOutputTokens.raw} ÷ 1,000,000`,
    result: `${formatUsd(baseline)} per day`,
    caveats: ['Output tokens only: add input-token spend if your provider bills it separately.'],
  });
  out.lines.push(`baseline cost ${formatUsd(baseline)}/day`);
}

export function routerFigures(m: EvalSpecModel, out: FigureSink): void {
  const r = m.router;
  const tiersIn = r?.tiers?.items ?? [];
  if (!r || tiersIn.length === 0) return;
  if (tiersIn.some((t) => !t.name || !t.share || !t.pricePer1mOutputTokens)) return;
  const tiers: RouterTier[] = tiersIn.map((t) => ({ name: t.name!.value, share: exactInput(t.share!), pricePer1M: exactInput(t.pricePer1mOutputTokens!) }));
  const sum = tierShareSum(tiers);
  const json: Record<string, unknown> = { shareSum: ex(sum.sum), sharesSumToOne: sum.sumsToOne };
  out.json['router'] = json;
  if (!sum.sumsToOne) return; // the rule reports it; a blend of shares that do not sum to 1 means nothing
  const price = blendedPricePer1M(tiers);
  const roles = tierRoles(tiersIn);
  const byPriceCheap = cheapTierShare(tiers);
  const roleCheap = tiers.find((t) => t.name === roles.cheap);
  const cheap = roleCheap ? cheapTierShare([roleCheap]) : byPriceCheap;
  json['blendedPricePer1M'] = ex(price);
  json['cheapTier'] = { name: cheap.name, share: ex(cheap.share) };
  json['flagshipTier'] = roles.flagship ?? null;
  const parts = listNames(tiers.map((t) => `${String(t.share)} × $${String(t.pricePer1M)}`), { separator: ' + ', max: FIGURE_LIST });
  let daily: Decimal | undefined;
  if (m.traffic?.qps && m.traffic.avgOutputTokens) {
    daily = blendedDailyCost(exactInput(m.traffic.qps), exactInput(m.traffic.avgOutputTokens), tiers);
    json['blendedDailyCost'] = ex(daily);
  }
  const baseline = baselineOf(m);
  out.note({
    id: 'router.blend',
    anchor: r.tiers!.keyRange,
    hint: `blended ${formatUsd(price)}/1M${daily ? ` · ${formatUsd(daily)}/day` : ''} · ${cheap.name} ${formatPp(Number(cheap.share)).replace(' pp', '%')}`,
    title: 'Router blended price',
    formula: 'Σ share × price per 1M (and × QPS × 86,400 × tokens ÷ 1M per day)',
    substituted: parts,
    result: `${formatUsd(price)} per 1M output tokens${daily ? `, ${formatUsd(daily)} per day` : ''}; ${cheap.name} tier carries ${formatPp(Number(cheap.share)).replace(' pp', '%')} of traffic`,
    caveats: [
      'The cheap-tier share is the largest cost lever; watch it drift, not just the total.',
      ...(baseline && daily ? [`Against the single-model baseline of ${formatUsd(baseline)}/day the router ${daily.lt(baseline) ? 'saves' : 'adds'} ${formatUsd(daily.minus(baseline).abs())}/day.`] : []),
    ],
  });
  out.lines.push(`router blend ${formatUsd(price)}/1M${daily ? `, ${formatUsd(daily)}/day` : ''}, ${cheap.name} tier ${formatPp(Number(cheap.share)).replace(' pp', '%')} of traffic`);

  const c = r.canary;
  if (c?.shadowFraction && c.hours && m.traffic?.qps && m.traffic.avgOutputTokens) {
    const byPrice = [...tiers].sort((a, b) => Number(a.pricePer1M) - Number(b.pricePer1M));
    try {
      const b = shadowTrafficBudget({
        qps: exactInput(m.traffic.qps),
        avgOutputTokens: exactInput(m.traffic.avgOutputTokens),
        shadowFraction: exactInput(c.shadowFraction),
        canaryHours: exactInput(c.hours),
        cheapPricePer1M: byPrice[0]!.pricePer1M,
        flagshipPricePer1M: byPrice[byPrice.length - 1]!.pricePer1M,
      });
      json['canaryShadowBudget'] = { perDay: ex(b.perDay), window: ex(b.window), hours: c.hours.value };
      out.note({
        id: 'router.canary.shadowBudget',
        anchor: c.keyRange,
        hint: `shadow ${formatUsd(b.window)} over ${c.hours.raw} h`,
        title: 'Shadow-traffic budget of the canary',
        formula: 'shadow fraction × (flagship − cheap price per 1M) × tokens per day ÷ 1M × hours ÷ 24',
        substituted: `${c.shadowFraction.raw} × ($${String(byPrice[byPrice.length - 1]!.pricePer1M)} − $${String(byPrice[0]!.pricePer1M)}) × ${m.traffic.qps.raw} × 86,400 × ${m.traffic.avgOutputTokens.raw} ÷ 1M × ${c.hours.raw} ÷ 24`,
        result: `${formatUsd(b.perDay)} per day, ${formatUsd(b.window)} over the ${c.hours.raw}-hour canary`,
        caveats: ['It grows linearly if the canary runs past its window: budget the extension explicitly.'],
      });
    } catch {
      // Inputs the formula rejects (e.g. a flagship cheaper than the cheap tier) are reported by rules.
    }
  }
}
