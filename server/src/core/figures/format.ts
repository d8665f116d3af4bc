// Numbers formatted for people: percentage points, counts, percentages. Money and multipliers are
// formatted by the costs module (exact decimals, commercial rounding).
import type { Located } from '../model/read';
import type { DecimalInput } from '../costs';
import { MAX_SEARCHED_SAMPLE_SIZE } from '../stats/sampleSizeBound';

/** A fraction as percentage points with one decimal: 0.0554 → "5.5 pp". */
export function formatPp(fraction: number, digits = 1): string {
  return `${decimals(fraction * 100, digits)} pp`;
}

/** A fraction as a percentage: 0.8 → "80%", 0.018 → "1.8%", 0.0000004 → "0.00004%". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${decimals(fraction * 100, digits)}%`;
}

/**
 * `x` to `digits` decimals, trailing zeros dropped; a nonzero value that would round to 0 keeps two
 * significant digits instead, so nothing nonzero ever reads "0" (±0.04 pp at one decimal is
 * "±0.04 pp", never "±0 pp"; a target of 1e-9 is "1.0e-7 pp").
 */
function decimals(x: number, digits: number): string {
  if (x !== 0 && Number.isFinite(x) && Math.abs(x) < 0.5 * 10 ** -digits) {
    const p = x.toPrecision(2);
    return p.includes('e') ? p : trimZeros(p);
  }
  return trimZeros(x.toFixed(digits));
}

/**
 * A whole count with thousands separators: 6147 → "6,147". Past 10^12 (no golden set is that large;
 * such sizes are closed-form estimates, stats/sampleSizeBound.ts) in powers of ten:
 * 6.1e17 → "≈6.1 × 10^17 (beyond any golden set)".
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return 'more than 10^308 (beyond any golden set)';
  if (Math.abs(n) <= MAX_SEARCHED_SAMPLE_SIZE) return Math.round(n).toLocaleString('en-US');
  const [mantissa, exponent] = n.toExponential(1).split('e');
  return `≈${mantissa} × 10^${Number(exponent)} (beyond any golden set)`;
}

/**
 * The failures a certifying run may show, in words: 0 → "no failures" (never "≤ 0 fails" or "at most
 * 0 failures"), 1 → "at most 1 failure", 3 → "at most 3 failures". `short` for inlay hints:
 * "no failures", "≤ 1 fail", "≤ 3 fails".
 */
export function failuresAllowedText(x: number, short = false): string {
  if (x === 0) return 'no failures';
  return short ? `≤ ${x} fail${x === 1 ? '' : 's'}` : `at most ${x} failure${x === 1 ? '' : 's'}`;
}

/** A number to at most `digits` decimals, trailing zeros dropped (a nonzero value never reads "0"). */
export function formatNumber(x: number, digits = 4): string {
  return decimals(x, digits);
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * The exact decimal a spec value stands for: its source text when that is a plain decimal
 * ("0.10" stays 0.10, never 0.1000000000000000055), else the parsed number.
 */
export function exactInput(l: Located<number>): DecimalInput {
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(l.raw.trim()) ? l.raw.trim() : l.value;
}

/**
 * A JSON-ready copy in which a number that is a short decimal plus float noise is that decimal, so
 * the noise never reaches a reader: 1 − 0.95 is 0.05 (not 0.050000000000000044), 0.45·0.8 + … is 0.8.
 * Every other number keeps all its digits (a κ of 0.7495527728085868 is not rounded). Decimal
 * strings (money, exact values) are left as they are.
 */
export function cleanNumbers<T>(v: T): T {
  if (typeof v === 'number') return cleanNumber(v) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => cleanNumbers(x)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = cleanNumbers((v as Record<string, unknown>)[k]);
      // A key may be the spec's own name: `__proto__` stays an own property, as in the original.
      if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
      else out[k] = x;
    }
    return out as T;
  }
  return v;
}

/**
 * `x` rounded to 15 significant digits when that is a decimal of at most 12 significant digits
 * (arithmetic on short decimals leaves noise below the 15th digit); otherwise `x` itself.
 */
export function cleanNumber(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  // Fifteen characters hold at most fifteen significant digits, and then toPrecision(15) gives x
  // back (one 15-digit decimal at most lies within x's rounding interval): nothing to clean.
  if (String(x).length <= 15) return x;
  const r = Number(x.toPrecision(15));
  const digits = r.toExponential().split('e')[0]!.replace(/[-.]/g, '').length;
  return digits <= 12 ? r : x;
}
