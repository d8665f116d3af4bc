// Durations in spec notation, e.g. detection windows `[5m, 4h, 24h]` (DESIGN.md ledger sketch).
// Grammar: <number><unit>, number = digits with an optional fractional part ("1.5"), unit one of
// s (seconds), m (minutes), h (hours), d (days); no sign, no exponent, no spaces.
// Conversion to minutes is exact decimal arithmetic: s/60, h×60, d×1,440. A seconds value whose
// minutes do not terminate ("1s" = 1/60 min) is rounded half-even at 40 significant digits.
import type Decimal from 'decimal.js';
import { ExactDecimal } from './exact';

export type DurationUnit = 's' | 'm' | 'h' | 'd';

export type ParsedDuration =
  | { ok: true; minutes: Decimal; amount: Decimal; unit: DurationUnit; text: string }
  | { ok: false; message: string; text: string };

const MINUTES_PER_UNIT: Record<DurationUnit, { mul: number; div: number }> = {
  s: { mul: 1, div: 60 },
  m: { mul: 1, div: 1 },
  h: { mul: 60, div: 1 },
  d: { mul: 1_440, div: 1 },
};

const DURATION = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/;

function fail(text: string, message: string): ParsedDuration {
  return { ok: false, message, text };
}

/** Parses "5m", "4h", "90s", "1.5h", "2d" into exact minutes; says what is wrong otherwise. */
export function parseDuration(text: string): ParsedDuration {
  if (typeof text !== 'string') return fail(String(text), `a duration must be text such as "5m" (got ${String(text)})`);
  if (text.length === 0) return fail(text, 'empty duration: write a number and a unit, e.g. "5m" or "4h"');
  if (text.trim() !== text) return fail(text, `duration "${text}" has surrounding spaces: write it as "${text.trim()}"`);
  if (text.startsWith('-')) return fail(text, `duration "${text}" is negative: a window must be positive`);
  const m = DURATION.exec(text);
  if (!m) {
    if (/^[a-zA-Z]+$/.test(text)) return fail(text, `duration "${text}" has no number: write e.g. "5${text}"`);
    return fail(text, `"${text}" is not a duration: write a number and a unit s, m, h or d, e.g. "5m" or "1.5h"`);
  }
  const [, amountText = '', unitText = ''] = m;
  if (unitText === '') return fail(text, `duration "${text}" has no unit: add s, m, h or d (e.g. "${text}m")`);
  if (!Object.hasOwn(MINUTES_PER_UNIT, unitText)) {
    return fail(text, `duration "${text}" has unknown unit "${unitText}": use s, m, h or d`);
  }
  const unit = unitText as DurationUnit;
  const amount = new ExactDecimal(amountText);
  if (amount.isZero()) return fail(text, `duration "${text}" is zero: a window must be positive`);
  const { mul, div } = MINUTES_PER_UNIT[unit];
  return { ok: true, minutes: amount.mul(mul).div(div), amount, unit, text };
}

/** Exact minutes of a duration, for callers that already validated it. @throws {RangeError} otherwise. */
export function durationMinutes(text: string): Decimal {
  const r = parseDuration(text);
  if (!r.ok) throw new RangeError(`durationMinutes: ${r.message}`);
  return r.minutes;
}
