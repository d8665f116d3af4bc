// Exact arithmetic shared by costs, monitoring and allocation.
//
// Money and shares are decimal quantities in a spec ("0.1" means one tenth, not the double nearest to
// it), so the core computes them with decimal.js in a private clone: 40 significant digits,
// ROUND_HALF_EVEN at the 40th digit. Every formula here multiplies, adds and divides by 1e6, 1440 or
// 24, so for spec-sized inputs (a few digits each) the result is exact; only a true quotient that does
// not terminate (7/3) or a product longer than 40 digits is rounded, half-even, at the 40th digit.
// The global Decimal configuration is never touched.
import Decimal from 'decimal.js';

/** decimal.js configured for exact money arithmetic; never exponent notation in toString(). */
export const ExactDecimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type ExactDecimal = Decimal;

/**
 * A quantity as it arrives from the spec layer: the exact source text ("0.1"), a JS number (taken
 * through its shortest round-trip repr, so 0.1 stays 0.1), or an already exact decimal.
 */
export type DecimalInput = string | number | Decimal;

// Plain decimal text only: no hex/binary/octal prefixes, no "Infinity"/"NaN", no surrounding spaces.
const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Largest power of ten (either way) an exact decimal input may have. */
export const MAX_DECIMAL_EXPONENT = 100;

/** Describes an input for an error message without evaluating it. */
export function describeInput(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Decimal.isDecimal(v)) return (v as Decimal).toString();
  return String(v);
}

/**
 * Converts one input to an exact decimal.
 * @throws {RangeError} naming `fn` and `name` when the input is NaN, infinite or not decimal text.
 */
export function toDecimal(v: DecimalInput, fn: string, name: string): Decimal {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must be a finite number (got ${describeInput(v)})`);
    return new ExactDecimal(String(v));
  }
  if (typeof v === 'string') {
    if (!DECIMAL_TEXT.test(v)) throw new RangeError(`${fn}: ${name} must be a decimal number (got ${describeInput(v.length > 40 ? `${v.slice(0, 37)}…` : v)})`);
    const d = new ExactDecimal(v);
    // Plain notation of 1e-9999999 is ten million digits (13 s, 1.7 GB): no quantity is that small.
    if (!d.isZero() && Math.abs(d.e) > MAX_DECIMAL_EXPONENT) throw new RangeError(`${fn}: ${name} is about 10^${d.e}, outside the 10^±${MAX_DECIMAL_EXPONENT} EvalSpec computes with`);
    return d;
  }
  if (Decimal.isDecimal(v)) {
    if (!v.isFinite()) throw new RangeError(`${fn}: ${name} must be a finite number (got ${describeInput(v)})`);
    return new ExactDecimal(v);
  }
  throw new RangeError(`${fn}: ${name} must be a number or decimal text (got ${describeInput(v)})`);
}

/**
 * The canonical exact decimal text used across EvalSpec and by the reference vectors: plain notation,
 * no exponent, no trailing zeros, no trailing point, "0" for zero (never "-0"). E.g. "11.0592", "48",
 * "0.00384".
 */
export function exactDecimalString(d: Decimal): string {
  if (d.isZero()) return '0';
  return new ExactDecimal(d).toFixed();
}

/** A non-negative rational count/total kept exactly (bigint numerator and denominator, reduced). */
export interface ExactFraction {
  numerator: bigint;
  denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** count/total reduced to lowest terms. @throws {RangeError} when total is not positive. */
export function exactFraction(numerator: bigint | number, denominator: bigint | number): ExactFraction {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d <= 0n) throw new RangeError(`exactFraction: denominator must be positive (got ${d})`);
  const g = gcd(n, d) || 1n;
  return { numerator: n / g, denominator: d / g };
}

/** The exact decimal value of a fraction whose reduced denominator has only the factors 2 and 5. */
function terminatingDecimal(f: ExactFraction): Decimal | undefined {
  let d = f.denominator;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) { d /= 2n; twos++; }
  while (d % 5n === 0n) { d /= 5n; fives++; }
  if (d !== 1n) return undefined;
  // n/(2^a 5^b) = n·2^(k−a)·5^(k−b) / 10^k with k = max(a,b): an exact shift, no division.
  const k = Math.max(twos, fives);
  const scaled = f.numerator * 2n ** BigInt(k - twos) * 5n ** BigInt(k - fives);
  return new ExactDecimal(scaled.toString()).div(new ExactDecimal(10).pow(k));
}

/**
 * The reference's encoding of an exact rational: decimal text when it terminates ("0.35"), otherwise
 * "p/q" in lowest terms ("1/3", "2/15").
 */
export function fractionString(f: ExactFraction): string {
  const reduced = exactFraction(f.numerator, f.denominator);
  const dec = terminatingDecimal(reduced);
  if (dec !== undefined && dec.precision(true) <= 40) return exactDecimalString(dec);
  return `${reduced.numerator}/${reduced.denominator}`;
}

/** A fraction as a decimal, exact when it terminates, else rounded half-even at 40 significant digits. */
export function fractionToDecimal(f: ExactFraction): Decimal {
  return new ExactDecimal(f.numerator.toString()).div(f.denominator.toString());
}

/**
 * The exact quotient a/b of two decimals as a fraction (both scaled to integers first).
 * @throws {RangeError} when b is zero.
 */
export function decimalQuotient(a: Decimal, b: Decimal): ExactFraction {
  if (b.isZero()) throw new RangeError('decimalQuotient: divisor must not be zero');
  const dp = Math.max(a.decimalPlaces(), b.decimalPlaces());
  const scale = new ExactDecimal(10).pow(dp);
  let n = BigInt(a.mul(scale).toFixed());
  let d = BigInt(b.mul(scale).toFixed());
  if (d < 0n) { n = -n; d = -d; }
  return exactFraction(n, d);
}

/** A decimal as an exact fraction. */
export function decimalToFraction(d: Decimal): ExactFraction {
  return decimalQuotient(d, new ExactDecimal(1));
}

/** a + b, exact. */
export function addFractions(a: ExactFraction, b: ExactFraction): ExactFraction {
  return exactFraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** a × b, exact. */
export function multiplyFractions(a: ExactFraction, b: ExactFraction): ExactFraction {
  return exactFraction(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** −1, 0 or 1 as a is below, equal to or above b, exact (denominators are positive). */
export function compareFractions(a: ExactFraction, b: ExactFraction): -1 | 0 | 1 {
  const l = a.numerator * b.denominator;
  const r = b.numerator * a.denominator;
  return l < r ? -1 : l > r ? 1 : 0;
}
