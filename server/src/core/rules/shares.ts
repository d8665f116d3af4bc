// Shares that must sum to exactly 1 (golden-set cohorts, router tiers), checked and repaired with
// exact decimals on the text the author wrote: 0.7 + 0.22 + 0.08 is exactly 1, although in binary
// floating point it is 0.9999999999999999.
import Decimal from 'decimal.js';
import { ExactDecimal } from '../costs';
import type { Located } from '../model/read';
import type { ParsedSpec } from '../parse/specTree';
import { dec, exact, exactSum, ppOf } from './common';
import { replaceNode } from './edits';
import type { SpecFix } from './rule';
import { listNames } from '../text/bounded';

export interface ShareSumData {
  /** Exact sum as decimal text. */
  sum: string;
  /** Each share as written. */
  shares: string[];
}

/** The exact sum, or undefined when some share is missing or invalid (the schema reports that). */
export function shareSum(items: readonly { share?: Located<number> }[]): { sum: Decimal; shares: Located<number>[] } | undefined {
  if (items.length === 0 || items.some((i) => !i.share)) return undefined;
  const shares = items.map((i) => i.share!);
  return { sum: exactSum(shares), shares };
}

/** "sum to 0.95, not 1 (5 pp unassigned)" / "sum to 1.2, not 1 (20 pp over)". */
export function describeSum(sum: Decimal): string {
  const gap = new ExactDecimal(1).minus(sum);
  return `sum to ${dec(sum)}, not 1 (${ppOf(gap)} ${gap.isPos() ? 'unassigned' : 'more than all traffic'})`;
}

function decimals(raw: string): number {
  const m = /\.(\d+)/.exec(raw);
  return m ? m[1]!.length : 0;
}

/**
 * Scales every share by 1/sum, rounded half-up to the written precision (at least 2 decimals); the
 * last share takes what rounding leaves so the new shares sum to exactly 1.
 */
export function scaledShares(shares: readonly Located<number>[]): string[] | undefined {
  const sum = exactSum(shares);
  if (sum.isZero()) return undefined;
  const base = Math.max(2, ...shares.map((s) => decimals(s.raw)));
  for (let places = base; places <= base + 4; places++) {
    const head = shares.slice(0, -1).map((s) => exact(s).div(sum).toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
    const last = new ExactDecimal(1).minus(head.reduce((a, b) => a.plus(b), new ExactDecimal(0)));
    if (!last.isNeg()) return [...head, last].map(dec);
  }
  return undefined;
}

/** Adds 1 − sum to the largest share (the first of equals); undefined when that would go negative. */
export function remainderOnLargest(shares: readonly Located<number>[]): { index: number; value: string } | undefined {
  const sum = exactSum(shares);
  let index = 0;
  shares.forEach((s, i) => {
    if (exact(s).gt(exact(shares[index]!))) index = i;
  });
  const v = exact(shares[index]!).plus(new ExactDecimal(1).minus(sum));
  return v.isNeg() || v.gt(1) ? undefined : { index, value: dec(v) };
}

/** The two repairs, as fixes: scale proportionally (preferred), or put the remainder on the largest. */
export function shareFixes(parsed: ParsedSpec, shares: readonly Located<number>[], names: readonly string[], what: string): SpecFix[] {
  const fixes: SpecFix[] = [];
  const scaled = scaledShares(shares);
  if (scaled) {
    const edits = shares.flatMap((s, i) => (scaled[i] === s.raw ? [] : [replaceNode(parsed, s.node, scaled[i]!)]));
    fixes.push({ title: `Scale the ${what} shares to sum to 1 (${listNames(scaled, { separator: ' + ' })})`, edits, isPreferred: true });
  }
  const rem = remainderOnLargest(shares);
  if (rem) {
    fixes.push({ title: `Set ${names[rem.index] ?? `the largest ${what}`}'s share to ${rem.value} so the ${what} shares sum to 1`, edits: [replaceNode(parsed, shares[rem.index]!.node, rem.value)] });
  }
  return fixes;
}
