// A traffic shift priced at each detection window: the one money model of a traffic_shift ledger
// row, used by the ledger's figures (hovers, inlay hints, `check`) and by the routing report when it
// prices an incident the log shows on the ledger's basis (core/reports/incidentMoney.ts).
// Source: seed text, Part 5, Row 1: overrun/day = share × (multiplier − 1) × baseline; cost of a
// window = overrun/day × minutes ÷ 1,440 ("$119K × (5/1440) ≈ $415").
// Rounding: none — exact decimal (overrunPerDay, incidentCost).
import type Decimal from 'decimal.js';
import { durationMinutes } from './duration';
import type { DecimalInput } from './exact';
import { incidentCost } from './incidentCost';
import { overrunPerDay } from './overrunPerDay';

export interface PricedWindow {
  window: string;
  minutes: Decimal;
  cost: Decimal;
}

export interface TrafficShiftIncident {
  overrunPerDay: Decimal;
  /** One entry per detection window that parses as a duration, in the given order. */
  windows: PricedWindow[];
}

/**
 * The overrun per day of `shareShifted` of the traffic moving to a tier costing `costMultiplier`
 * times the baseline price, and its cost at each detection window.
 * @throws {RangeError} as overrunPerDay does for an invalid share, multiplier or baseline.
 */
export function trafficShiftIncident(shareShifted: DecimalInput, costMultiplier: DecimalInput, baselineDaily: DecimalInput, detection: readonly string[]): TrafficShiftIncident {
  const overrun = overrunPerDay(shareShifted, costMultiplier, baselineDaily);
  return { overrunPerDay: overrun, windows: pricedWindows(overrun, detection) };
}

/** An overrun per day at each detection window (costs.incidentCost); windows that do not parse are left out. */
export function pricedWindows(overrun: Decimal, detection: readonly string[]): PricedWindow[] {
  const out: PricedWindow[] = [];
  for (const w of detection) {
    let minutes: Decimal;
    try {
      minutes = durationMinutes(w);
    } catch {
      continue;
    }
    out.push({ window: w, minutes, cost: incidentCost(overrun, minutes) });
  }
  return out;
}
