// Formatting exact decimals for people (hovers, inlay hints, reports). Computation never rounds;
// only these functions do.
// Rounding rule: ROUND_HALF_UP (half away from zero) at the displayed digit — commercial rounding, the
// rule a reader applies by hand and spreadsheets' ROUND() use, so $0.125 shows as $0.13 (half-even
// would show $0.12 and look like an error). Since inputs are exact decimals, a half is a true half,
// never a double just below it.
// Thousands are grouped with "," and negatives are written "-$1,234.50".
import Decimal from 'decimal.js';
import { ExactDecimal, toDecimal, type DecimalInput } from './exact';

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(d: Decimal, places: number): { negative: boolean; text: string } {
  const rounded = d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const negative = rounded.isNeg() && !rounded.isZero();
  const [int = '0', frac] = rounded.abs().toFixed(places).split('.');
  return { negative, text: frac === undefined ? groupThousands(int) : `${groupThousands(int)}.${frac}` };
}

/** Dollars to the cent: 19906.56 → "$19,906.56", 66355.2 → "$66,355.20". */
export function formatUsd(amount: DecimalInput): string {
  const { negative, text } = fixed(toDecimal(amount, 'formatUsd', 'amount'), 2);
  return `${negative ? '-' : ''}$${text}`;
}

/** Whole dollars: 414.72 → "$415", 119439.36 → "$119,439". */
export function formatUsdRounded(amount: DecimalInput): string {
  const { negative, text } = fixed(toDecimal(amount, 'formatUsdRounded', 'amount'), 0);
  return `${negative ? '-' : ''}$${text}`;
}

/** A ratio as a multiplier, at most two decimals, trailing zeros dropped: 48 → "48×", 2.5 → "2.5×". */
export function formatMultiplier(ratio: DecimalInput): string {
  const { negative, text } = fixed(toDecimal(ratio, 'formatMultiplier', 'ratio'), 2);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return `${negative ? '-' : ''}${trimmed}×`;
}

/** Beyond this many significant digits a decimal is not a short exact one (a quotient that does not terminate). */
export const EXACT_SIGNIFICANT_DIGITS = 15;
/** The significant digits such a decimal is shown with. */
export const SHOWN_SIGNIFICANT_DIGITS = 12;

/**
 * A decimal as text for people and JSON, bounded: a short exact decimal keeps every digit ("0.7",
 * "11.0592", "119439.36"); one with more than 15 significant digits — a quotient that does not
 * terminate, such as 9 ÷ 13 = 0.69230769230769230769 at the engine's precision — is rounded half-up to
 * 12 ("0.692307692308"). No figure ever shows 20 digits.
 */
export function boundedDecimalString(value: DecimalInput): string {
  const d = toDecimal(value, 'boundedDecimalString', 'value');
  if (d.isZero()) return '0';
  const b = d.sd(true) > EXACT_SIGNIFICANT_DIGITS ? d.toSignificantDigits(SHOWN_SIGNIFICANT_DIGITS, Decimal.ROUND_HALF_UP) : d;
  return new ExactDecimal(b).toFixed();
}

/** A share (fraction of 1) as a percentage to at most two decimals: 0.7 → "70%", 9/13 → "69.23%". */
export function formatSharePercent(share: DecimalInput): string {
  const { negative, text } = fixed(toDecimal(share, 'formatSharePercent', 'share').times(100), 2);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return `${negative ? '-' : ''}${trimmed}%`;
}

/**
 * Exact decimal text with thousands grouping and no rounding, e.g. for "1,555.2 sessions/day"; bounded
 * like boundedDecimalString, so a quotient never shows 20 digits.
 */
export function formatExact(value: DecimalInput): string {
  const d = new ExactDecimal(toDecimal(boundedDecimalString(value), 'formatExact', 'value'));
  const [int = '0', frac] = d.abs().toFixed().split('.');
  const body = frac === undefined ? groupThousands(int) : `${groupThousands(int)}.${frac}`;
  return `${d.isNeg() && !d.isZero() ? '-' : ''}${body}`;
}
