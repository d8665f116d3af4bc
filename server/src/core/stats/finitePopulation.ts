// Finite-population correction for a small prompt pool of N prompts:
//   n = ⌈n0 / (1 + (n0 − 1)/N)⌉
// (the variant n0/(1 + n0/N), common in survey texts, is given for comparison; it can differ by one).
//
// Reference: Cochran (1977), "Sampling Techniques", 3rd ed., eq. 4.2 (README-v2 §8, `fpc_cases`).
// Rounding: ⌈·⌉ decided on the exact rational. Undefined: N ≤ 0 or n0 ≤ 0.
import { defined, undefinedBecause, type Defined } from '../types';
import { Rational } from './rational';

export interface FinitePopulation {
  nRaw: number;
  nRawExact: string;
  nRawIsInteger: boolean;
  n: number;
  altN0Over1PlusN0DivN: number;
}

/**
 * n for a pool of `population` prompts when n0 was planned for an infinite population.
 * @throws {RangeError} for inputs that are not decimal numbers.
 */
export function finitePopulation(n0: number | string, population: number | string): Defined<FinitePopulation> {
  const r0 = Rational.from(n0);
  const rN = Rational.from(population);
  if (r0.num <= 0n || rN.num <= 0n) return undefinedBecause('population size and n0 must be positive');
  const one = new Rational(1n);
  const raw = r0.div(one.add(r0.sub(one).div(rN)));
  const alt = r0.div(one.add(r0.div(rN)));
  return defined({
    nRaw: raw.toNumber(),
    nRawExact: raw.toDecimalString(),
    nRawIsInteger: raw.isInteger(),
    n: Number(raw.ceil()),
    altN0Over1PlusN0DivN: Number(alt.ceil()),
  });
}
