// The routing incident in the ledger's money. A routing log is usually a sample of the traffic, and
// the ledger prices a traffic shift on the traffic price, so the log's own dollars (a few dollars of
// sampled spend at the router's tier prices) are not the ledger's dollars. This module states:
//
//   - the scale factor from the log to the declared traffic: 1 ÷ router.sample_rate when the spec
//     declares it, else traffic.qps × 86,400 ÷ the logged requests per day (rows ÷ the log's span);
//   - per traffic_shift ledger row, with the row's formula and price basis (costs.trafficShiftIncident:
//     share × (multiplier − 1) × the traffic baseline, at each detection window):
//       declared  — the row as written (the ledger's own figures, to the last digit);
//       observed  — the same formula with the flagship share shift the log shows since the incident;
//       router    — the log's extra spend at the router's tier prices (the log's costs) × the scale
//                   factor, per day and at each detection window;
//   - how far the router-price figure is from the observed traffic-price figure, against a tolerance
//     (default 10%): over it, the two price bases disagree and the report says so.
import type Decimal from 'decimal.js';
import { ExactDecimal, baselineDailyCost, pricedWindows, trafficShiftIncident, type DecimalInput, type PricedWindow } from '../costs/index';
import { defined, undefinedBecause, type Defined } from '../types';
import { money, type Money } from './money';
import { DAY_MS } from './routingStatistics';
import type { IncidentCost, IncidentMoney, IncidentMoneyFigure, LedgerIncidentMoney, RoutingReport, ScaleFactor } from './routingTypes';

type RoutingSettings = RoutingReport['settings'];

export const DEFAULT_BASIS_TOLERANCE = 0.1;
const MIN_SPAN_MS = 3_600_000;

function dec(v: DecimalInput): Decimal {
  return new ExactDecimal(v);
}

/** The factor from the log's counts and dollars to the declared traffic's, or why there is none. */
export function scaleFactor(rows: number, minT: number, maxT: number, s: RoutingSettings['money']): Defined<ScaleFactor> {
  const span = maxT - minT;
  const loggedPerDay = span >= MIN_SPAN_MS && rows > 0 ? (rows * DAY_MS) / span : null;
  let declaredPerDay: number | null = null;
  try {
    if (s.qps !== undefined) declaredPerDay = dec(s.qps).mul(86_400).toNumber();
  } catch {
    declaredPerDay = null;
  }
  if (s.sampleRate !== undefined) {
    const rate = dec(s.sampleRate);
    if (!rate.isFinite() || rate.lte(0) || rate.gt(1)) return undefinedBecause(`router.sample_rate ${s.sampleRate} is not in (0, 1]`);
    const f = new ExactDecimal(1).div(rate);
    // With qps declared too, the log's own rate shows whether the declared rate is right.
    const loggedVsDeclared = loggedPerDay !== null && declaredPerDay !== null && declaredPerDay > 0 ? loggedPerDay / (declaredPerDay * rate.toNumber()) : null;
    return defined({ factor: f.toFixed(), factorValue: f.toNumber(), source: 'sample_rate', sampleRate: String(s.sampleRate), loggedPerDay, declaredPerDay, loggedVsDeclared });
  }
  if (declaredPerDay === null || !(declaredPerDay > 0)) return undefinedBecause('neither router.sample_rate nor traffic.qps is declared, so the log cannot be scaled to the traffic: figures are the log\'s own');
  if (loggedPerDay === null) return undefinedBecause('the log spans under an hour, too short to measure its request rate against traffic.qps: declare router.sample_rate');
  // qps × 86,400 × span ÷ (rows × 86,400,000 ms) = qps × span ÷ (rows × 1,000)
  const f = dec(s.qps as DecimalInput).mul(span).div(rows * 1000);
  return defined({ factor: f.toFixed(), factorValue: f.toNumber(), source: 'qps', sampleRate: null, loggedPerDay, declaredPerDay, loggedVsDeclared: null });
}

function figure(overrun: Decimal, w: readonly PricedWindow[], share?: Decimal): IncidentMoneyFigure {
  return { ...(share ? { share: share.toFixed() } : {}), overrunPerDay: money(overrun), windows: w.map((x) => ({ window: x.window, minutes: x.minutes.toNumber(), cost: money(x.cost) })) };
}

function baselineOf(s: RoutingSettings['money']): Defined<Decimal> {
  if (s.qps === undefined || s.avgOutputTokens === undefined || s.pricePer1M === undefined) return undefinedBecause('traffic.qps, avg_output_tokens and price_per_1m_output_tokens are needed for the ledger\'s traffic-price baseline');
  try {
    return defined(baselineDailyCost(s.qps, s.avgOutputTokens, s.pricePer1M));
  } catch (e) {
    return undefinedBecause(`the traffic block does not give a baseline (${(e as Error).message})`);
  }
}

/** One traffic_shift row: the row as written, the observed shift on its basis, the router-price figure, and their gap. */
function ledgerRow(row: RoutingSettings['ledger'][number], incident: IncidentCost, scale: Defined<ScaleFactor>, baseline: Defined<Decimal>, tolerance: number): LedgerIncidentMoney {
  const basis = row.costMultiplier === undefined ? 'traffic price' : `traffic price × cost_multiplier ${row.costMultiplier}`;
  const priced = (share: Decimal): Defined<IncidentMoneyFigure> => {
    if (!baseline.defined) return baseline;
    if (row.costMultiplier === undefined) return undefinedBecause(`ledger row ${row.id} has no cost_multiplier`);
    try {
      const t = trafficShiftIncident(share, row.costMultiplier, baseline.value, row.detection);
      return defined(figure(t.overrunPerDay, t.windows, share));
    } catch (e) {
      return undefinedBecause(`ledger row ${row.id} cannot be priced (${(e as Error).message})`);
    }
  };
  const declared = row.share === undefined ? undefinedBecause<IncidentMoneyFigure>(`ledger row ${row.id} has no share`) : priced(dec(row.share));
  const shift = fractionDecimal(incident.flagship.shift);
  const observed = shift.lte(0) ? undefinedBecause<IncidentMoneyFigure>('the flagship share since the incident is not above its baseline, so there is no shift to price on the ledger\'s basis') : priced(shift);
  let router: Defined<IncidentMoneyFigure>;
  if (!scale.defined) router = undefinedBecause(scale.reason);
  else {
    const perDay = dec(incident.overrunPerDay.usd).mul(scale.value.factor);
    router = defined(figure(perDay, pricedWindows(perDay, row.detection)));
  }
  let disagreement: LedgerIncidentMoney['disagreement'];
  if (!observed.defined || !router.defined) disagreement = undefinedBecause(!observed.defined ? observed.reason : (router as { reason: string }).reason);
  else {
    const o = dec(observed.value.overrunPerDay.usd);
    const r = dec(router.value.overrunPerDay.usd);
    const ratio = r.minus(o).abs().div(o).toNumber();
    disagreement = defined({ ratio, tolerance, exceeds: ratio > tolerance });
  }
  return { ledgerId: row.id, basis, declared, observed, router, disagreement };
}

/** An exact fraction string ("0.2" or "p/q") as a decimal (40 significant digits when it does not terminate). */
function fractionDecimal(f: string): Decimal {
  const [n, d] = f.split('/');
  return d === undefined ? dec(n!) : dec(n!).div(d);
}

/** The incident's money at the declared traffic, per traffic_shift ledger row. */
export function incidentMoney(incident: Defined<IncidentCost>, rows: number, minT: number, maxT: number, settings: RoutingSettings): Defined<IncidentMoney> {
  if (!incident.defined) return incident;
  const i = incident.value;
  const s = settings.money;
  const scale = scaleFactor(rows, minT, maxT, s);
  const baseline = baselineOf(s);
  const tolerance = s.basisTolerance ?? DEFAULT_BASIS_TOLERANCE;
  const extraSpend: Defined<Money> = scale.defined ? defined(money(dec(i.extraSpend.usd).mul(scale.value.factor))) : undefinedBecause(scale.reason);
  return defined({
    scale,
    tolerance,
    extraSpendScaled: extraSpend,
    baselineDailyCost: baseline.defined ? defined(money(baseline.value)) : baseline,
    rows: settings.ledger.map((row) => ledgerRow(row, i, scale, baseline, tolerance)),
  });
}
