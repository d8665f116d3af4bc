// The incident cost of the routing report: from the start of the window that first fired to the
// log's end, actual spend minus the spend of the same requests at the baseline tier mix, each tier at
// its mean cost per request over that period (the mix effect of the bleed, not price changes). The
// overrun per day it implies is priced at each detection window of the ledger with
// costs.incidentCost (seed Part 5, Row 1).
import type Decimal from 'decimal.js';
import { addFractions, exactFraction, fractionString, fractionToDecimal, multiplyFractions, pricedWindows, type ExactFraction } from '../costs/index';
import { defined, undefinedBecause, type Defined } from '../types';
import { NANO, money } from './money';
import type { RoutingGrid } from './routingFromStatistics';
import { DAY_MS } from './routingStatistics';
import type { AlertFiring, IncidentCost } from './routingTypes';

export function incidentFromGrid(g: RoutingGrid, first: AlertFiring | null): Defined<IncidentCost> {
  if (first === null) return undefinedBecause('no alert fired, so there is no incident to price');
  const settings = g.settings;
  const since = Date.parse(first.windowStart);
  const s0 = Math.max(0, Math.round(since / g.stepMs) - g.firstStep);
  const d = Math.min(Math.floor((Date.parse(first.at) - 1) / DAY_MS) - g.firstDay, g.baseTotal.length - 1);
  if (!g.baselineReady(d)) return undefinedBecause(`the first alert fired before ${settings.minBaselineDays} days of baseline traffic existed, so the baseline tier mix to price the extra spend against is unknown`);
  const net = extraSpendNano(g, s0, d).div(NANO);
  const until = Math.max(g.stats.maxT, since);
  const elapsedMs = until - since;
  if (net.lte(0)) return undefinedBecause('spend since the first alert is not above the baseline tier mix, so there is no extra cost to price');
  if (elapsedMs <= 0) return undefinedBecause('the log ends where the incident starts');
  const overrunPerDay: Decimal = net.mul(DAY_MS).div(elapsedMs);
  const windows: IncidentCost['windows'] = settings.ledger.flatMap((row) =>
    pricedWindows(overrunPerDay, row.detection).map((w) => ({ ledgerId: row.id, window: w.window, minutes: w.minutes.toNumber(), cost: money(w.cost) })),
  );
  return defined({
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    elapsedMinutes: elapsedMs / 60_000,
    extraSpend: money(net),
    overrunPerDay: money(overrunPerDay),
    windows,
    flagship: flagshipShift(g, s0, d),
  });
}

/** The flagship's share of requests since the incident against day d's baseline share, exact. */
function flagshipShift(g: RoutingGrid, s0: number, d: number): IncidentCost['flagship'] {
  let n = 0;
  let k = 0;
  for (let s = s0; s < g.nSteps; s++) {
    n += g.stepTotal[s] as number;
    k += g.stepCount[g.f]![s] as number;
  }
  const b = g.baseCount[g.f]![d] as number;
  const B = g.baseTotal[d] as number;
  // k/n − b/B = (k·B − b·n) / (n·B)
  const shift = exactFraction(BigInt(k) * BigInt(B) - BigInt(b) * BigInt(n), BigInt(n) * BigInt(B));
  return { requests: n, flagshipRequests: k, baselineShare: fractionString(exactFraction(b, B)), incidentShare: fractionString(exactFraction(k, n)), shift: fractionString(shift), shiftValue: fractionToDecimal(shift).toNumber() };
}

/** Σ_t (n_t − N·b_t/B) · c̄_t over steps s0… against day d's baseline, in nano-dollars, exact. */
function extraSpendNano(g: RoutingGrid, s0: number, d: number): Decimal {
  const T = g.declared.length;
  const B = g.baseTotal[d] as number;
  let N = 0;
  const n = new Float64Array(T);
  const c = new Float64Array(T);
  for (let s = s0; s < g.nSteps; s++) {
    for (let t = 0; t < T; t++) {
      n[t]! += g.stepCount[t]![s] as number;
      c[t]! += g.stepCost[t]![s] as number;
    }
  }
  for (let t = 0; t < T; t++) N += n[t] as number;
  let extra: ExactFraction = exactFraction(0, 1);
  let negative: ExactFraction = exactFraction(0, 1);
  for (let t = 0; t < T; t++) {
    const meanCost = tierMeanCost(g, t, n[t] as number, c[t] as number);
    if (meanCost === undefined) continue;
    const b = g.baseCount[t]![d] as number;
    // n_t·B − N·b_t over B
    const diff = BigInt(n[t] as number) * BigInt(B) - BigInt(N) * BigInt(b);
    const term = multiplyFractions(exactFraction(diff < 0n ? -diff : diff, B), meanCost);
    if (diff >= 0n) extra = addFractions(extra, term);
    else negative = addFractions(negative, term);
  }
  return fractionToDecimal(extra).minus(fractionToDecimal(negative));
}

/** The tier's mean cost per request since the incident, or over the whole log when it served none since. */
function tierMeanCost(g: RoutingGrid, t: number, n: number, cost: number): ExactFraction | undefined {
  if (n > 0) return exactFraction(cost, n);
  let all = 0;
  let allCost = 0;
  for (let k = 0; k < g.dayCount[t]!.length; k++) {
    all += g.dayCount[t]![k] as number;
    allCost += g.dayCost[t]![k] as number;
  }
  return all > 0 ? exactFraction(allCost, all) : undefined;
}
