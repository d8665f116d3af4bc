// Clustered items (several turns of one conversation, several prompts from one template): the
// design effect inflates the n planned for independent items.
//   deff = 1 + (m − 1)·ICC, n_inflated = ⌈n0·deff⌉ with the UNROUNDED n0,
//   n_clusters = ⌈n_inflated/m⌉, n_eff = n_items/deff (effective size of n_items clustered items)
// Rounding n0 up first can add one more item (⌈⌈n0⌉·deff⌉, given for comparison).
//
// Reference: Kish (1965), "Survey Sampling", §5.4; Donner & Klar (2000) (README-v2 §8, `cases`).
// Rounding: every ⌈·⌉ is decided on the exact rational of the decimal inputs.
// Undefined: m < 1 or ICC outside [0, 1].
import { defined, undefinedBecause, type Defined } from '../types';
import { Rational } from './rational';
import { requireFinite } from './validate';

export interface DesignEffect {
  deff: number;
  deffExact: string;
  nInflated: number;
  nInflatedRawExact: string;
  nInflatedRawIsInteger: boolean;
  nInflatedFromCeiledN0: number;
  nClusters: number;
  nEff: number | null;
  nEffExact: string | null;
}

/**
 * Design effect of clusters of m items with intra-class correlation icc applied to n0 (and the
 * effective size of nItems clustered items when given).
 * @throws {RangeError} for non-finite inputs or n0 ≤ 0.
 */
export function designEffect(n0: number | string, m: number | string, icc: number | string, nItems?: number): Defined<DesignEffect> {
  const [rn0, rm, ricc] = [n0, m, icc].map((v) => {
    if (typeof v === 'number') requireFinite('designEffect', 'input', v);
    return Rational.from(v);
  }) as [Rational, Rational, Rational];
  if (rn0.num <= 0n) throw new RangeError(`designEffect: n0 must be positive, got ${String(n0)}`);
  const one = new Rational(1n);
  if (rm.sub(one).num < 0n || ricc.num < 0n || ricc.sub(one).num > 0n) {
    return undefinedBecause('cluster size m must be >= 1 and ICC must lie in [0, 1]');
  }
  const deff = one.add(rm.sub(one).mul(ricc));
  const raw = rn0.mul(deff);
  const nInflated = raw.ceil();
  const eff = nItems === undefined ? null : new Rational(BigInt(nItems)).div(deff);
  return defined({
    deff: deff.toNumber(),
    deffExact: deff.toDecimalString(),
    nInflated: Number(nInflated),
    nInflatedRawExact: raw.toDecimalString(),
    nInflatedRawIsInteger: raw.isInteger(),
    nInflatedFromCeiledN0: Number(new Rational(rn0.ceil()).mul(deff).ceil()),
    nClusters: Number(new Rational(nInflated).div(rm).ceil()),
    nEff: eff ? eff.toNumber() : null,
    nEffExact: eff ? eff.toDecimalString() : null,
  });
}
