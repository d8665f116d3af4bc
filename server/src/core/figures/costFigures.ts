// Cost figures of a spec: the traffic baseline, the router's blended price, and the incident-cost
// ledger (overrun, cost per detection window, detection-window sensitivity, churn, coverage gap).
// All money is exact decimal arithmetic in the costs module; this file only wires spec values in.
import type Decimal from 'decimal.js';
import {
  baselineDailyCost,
  blendedDailyCost,
  blendedPricePer1M,
  cheapTierShare,
  coverageGapOverstatement,
  dailyChurnCost,
  detectionWindowSensitivity,
  durationMinutes,
  boundedDecimalString,
  formatExact,
  formatMultiplier,
  formatUsd,
  formatUsdRounded,
  incidentCost,
  pricedWindows,
  trafficShiftIncident,
  sessionsPerDay,
  shadowTrafficBudget,
  tierShareSum,
  type RouterTier,
} from '../costs';
import type { EvalSpecModel, LedgerRowModel } from '../model/spec';
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

interface WindowCost {
  window: string;
  minutes: string;
  cost: string;
}

export function ledgerFigures(m: EvalSpecModel, out: FigureSink): void {
  const rows = m.ledger?.rows ?? [];
  if (rows.length === 0) return;
  const baseline = baselineOf(m);
  const json: Record<string, unknown>[] = [];
  out.json['ledger'] = json;
  for (const row of rows) {
    const id = row.id?.value ?? '(unnamed row)';
    const kind = row.kind?.value;
    const entry: Record<string, unknown> = { id, kind };
    json.push(entry);
    if (kind === 'traffic_shift') trafficShift(row, id, baseline, entry, out);
    else if (kind === 'quality_regression') qualityRegression(m, row, id, entry, out);
    else if (kind === 'coverage_gap') coverageGap(row, id, entry, out);
  }
}

interface Sensitivity {
  from: string;
  to: string;
  ratio: string;
}

function windows(row: LedgerRowModel, perDay: Decimal): { costs: WindowCost[]; labels: string[]; sens: Sensitivity[]; overall?: Sensitivity } | undefined {
  const det = row.detection;
  if (!det || det.length === 0) return undefined;
  const costs: WindowCost[] = [];
  const labels: string[] = [];
  const mins: Decimal[] = [];
  // The one money model of a detection window (costs/trafficShiftIncident.ts), shared with the routing report.
  const unsorted = pricedWindows(perDay, det.map((d) => d.value));
  if (unsorted.length !== det.length) return undefined; // a window that is not a duration: the rules report it
  // Shortest first, whatever order the spec lists them in: a step's ratio is longer ÷ shorter
  // ([24h, 5m, 4h] gave "24h→5m 0×").
  const priced = [...unsorted].sort((a, b) => a.minutes.cmp(b.minutes));
  for (const p of priced) {
    mins.push(p.minutes);
    costs.push({ window: p.window, minutes: ex(p.minutes), cost: ex(p.cost) });
    labels.push(`${p.window} ${formatUsdRounded(p.cost)}`);
  }
  const sens: { from: string; to: string; ratio: string }[] = [];
  for (let i = 1; i < priced.length; i++) {
    if (mins[i - 1]!.isZero() || mins[i]!.isZero() || mins[i - 1]!.eq(mins[i]!)) continue;
    sens.push({ from: priced[i - 1]!.window, to: priced[i]!.window, ratio: ex(detectionWindowSensitivity(mins[i - 1]!, mins[i]!)) });
  }
  // The row's sensitivity: its longest window against its shortest (the product of the steps).
  let overall: Sensitivity | undefined;
  if (det.length >= 2) {
    let lo = 0;
    let hi = 0;
    mins.forEach((m, i) => {
      if (m.lt(mins[lo]!)) lo = i;
      if (m.gt(mins[hi]!)) hi = i;
    });
    if (!mins[lo]!.isZero() && lo !== hi) overall = { from: priced[lo]!.window, to: priced[hi]!.window, ratio: ex(detectionWindowSensitivity(mins[lo]!, mins[hi]!)) };
  }
  return { costs, labels, sens, overall };
}

function trafficShift(row: LedgerRowModel, id: string, baseline: Decimal | undefined, entry: Record<string, unknown>, out: FigureSink): void {
  if (!row.share || !row.costMultiplier) return;
  if (!baseline) {
    entry['undefinedBecause'] = 'the traffic block (qps, avg_output_tokens, price_per_1m_output_tokens) is missing or invalid, so there is no baseline to shift';
    return;
  }
  const overrun = trafficShiftIncident(exactInput(row.share), exactInput(row.costMultiplier), baseline, []).overrunPerDay;
  entry['overrunPerDay'] = ex(overrun);
  const w = windows(row, overrun);
  if (w) {
    entry['detectionWindows'] = w.costs;
    entry['sensitivity'] = w.sens;
    if (w.overall) entry['sensitivityOverall'] = w.overall;
  }
  const sensText = w?.sens.map((s) => `${s.from}→${s.to} ${formatMultiplier(s.ratio)}`).join(', ');
  out.note({
    id: `ledger.${id}`,
    anchor: row.keyRange,
    hint: `overrun ${formatUsd(overrun)}/day${w ? ` · ${w.labels.join(' · ')}` : ''}${sensText ? ` · ${sensText}` : ''}`,
    title: `Incident cost: ${id}`,
    formula: 'overrun/day = share × (multiplier − 1) × baseline; cost = overrun/day × window ÷ 24 h; sensitivity = long window ÷ short window',
    substituted: `${row.share.raw} × (${row.costMultiplier.raw} − 1) × ${formatUsd(baseline)}`,
    result: `${formatUsd(overrun)} per day${w ? `; ${w.costs.map((c) => `${c.window}: ${formatUsd(c.cost)}`).join(', ')}` : ''}${sensText ? `; ${sensText}` : ''}${w?.overall ? `; ${w.overall.from} against ${w.overall.to}: ${formatMultiplier(w.overall.ratio)}` : ''}`,
    caveats: ['The (multiplier − 1) counts only the excess: the baseline already pays for the shifted requests once.', 'Shortening detection cuts this cost in proportion; it is the largest lever on incident cost.'],
  });
  out.lines.push(`ledger ${id}: overrun ${formatUsd(overrun)}/day${w ? `; ${w.costs.map((c) => `${c.window} ${formatUsd(c.cost)}`).join(', ')}` : ''}${sensText ? `; sensitivity ${sensText}` : ''}`);
}

function qualityRegression(m: EvalSpecModel, row: LedgerRowModel, id: string, entry: Record<string, unknown>, out: FigureSink): void {
  if (!row.cohortShare || !row.abandonmentIncrease || !row.valuePerSession) return;
  let sessions: Decimal | string | undefined = row.sessionsPerDay ? exactInput(row.sessionsPerDay).toString() : m.traffic?.sessionsPerDay ? exactInput(m.traffic.sessionsPerDay).toString() : undefined;
  if (!sessions && m.traffic?.qps && m.traffic.requestsPerSession) sessions = sessionsPerDay(exactInput(m.traffic.qps), exactInput(m.traffic.requestsPerSession));
  if (!sessions) {
    entry['undefinedBecause'] = 'sessions per day are unknown: set traffic.sessions_per_day (or requests_per_session), or sessions_per_day on the row';
    return;
  }
  const churn = dailyChurnCost({ cohortShare: exactInput(row.cohortShare), abandonmentIncrease: exactInput(row.abandonmentIncrease), sessionsPerDay: sessions, valuePerSession: exactInput(row.valuePerSession) });
  entry['lostShare'] = ex(churn.lostShare);
  entry['lostSessionsPerDay'] = ex(churn.lostSessionsPerDay);
  entry['churnCostPerDay'] = ex(churn.costPerDay);
  const w = windows(row, churn.costPerDay);
  if (w) {
    entry['detectionWindows'] = w.costs;
    entry['sensitivity'] = w.sens;
    if (w.overall) entry['sensitivityOverall'] = w.overall;
  }
  out.note({
    id: `ledger.${id}`,
    anchor: row.keyRange,
    hint: `${formatPp(Number(churn.lostShare))} of sessions lost · ${formatUsd(churn.costPerDay)}/day${w ? ` · ${w.labels.join(' · ')}` : ''}`,
    title: `Churn cost of a quality regression: ${id}`,
    formula: 'lost share = cohort share × abandonment increase; cost/day = lost share × sessions/day × value per session',
    substituted: `${row.cohortShare.raw} × ${row.abandonmentIncrease.raw} × ${formatExact(sessions)} × $${row.valuePerSession.raw}`,
    result: `${formatExact(churn.lostSessionsPerDay)} sessions and ${formatUsd(churn.costPerDay)} per day`,
    caveats: ['Value per session is a placeholder for your product\'s lifetime value; the churn compounds week over week while no cost alert fires.'],
  });
  out.lines.push(`ledger ${id}: ${formatExact(churn.lostSessionsPerDay)} lost sessions/day, ${formatUsd(churn.costPerDay)}/day`);
}

function coverageGap(row: LedgerRowModel, id: string, entry: Record<string, unknown>, out: FigureSink): void {
  if (!row.uncoveredShare || !row.passRateGap) return;
  const over = coverageGapOverstatement(exactInput(row.uncoveredShare), exactInput(row.passRateGap));
  entry['qualityOverstatedBy'] = ex(over);
  out.note({
    id: `ledger.${id}`,
    anchor: row.keyRange,
    hint: `eval overstates quality by ${formatPp(Number(over))}`,
    title: `Quality overstated by a coverage gap: ${id}`,
    formula: 'overstatement = uncovered share × pass-rate gap',
    substituted: `${row.uncoveredShare.raw} × ${row.passRateGap.raw}`,
    result: `${formatPp(Number(over))}: the golden set reports the legacy pass rate while production runs that much lower`,
    caveats: ['Re-sample the golden set from recent traffic when coverage falls; refresh at 75%.'],
  });
  out.lines.push(`ledger ${id}: quality overstated by ${formatPp(Number(over))}`);
}
