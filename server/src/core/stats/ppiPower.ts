// PPI power analysis: the cheapest (or, for a budget, the most powerful) pair (n human labels,
// N judge-only items) for a pass rate, given the PPI correlation ρ between judge and human.
//   r² = ρ², γ = (cost_Ŷ + cost_X)/cost_Y
//   PPI cost per classical sample = cost_Y·(1 − r² + γr² + 2√(γr²(1 − r²)))
//   for a classical size n0: n* = n0·(1 − r² + √(γr²(1 − r²))), N* = n*(n0 − n*)/(n* − (1 − r²)n0)
//   n = round(n*), N = round(N*), effective n = round(n(n + N)/(n + (1 − r²)N))
// budget mode n0 = budget / PPI cost; effective-n mode n0 = effective_n; classical fallback when
// classical sampling is cheaper or N* < 0; an n_max cap on n + N (see README-v2 §4 power_cases).
//
// Reference: Broska, Howes & van Loon (2024), "The Mixed Subjects Design"; ppi_py 0.2.3
// `ppi_power` / `ppi_mean_power` (correlation capped at 1 − 1/n), ported branch for branch.
//
// Rounding: Python `round` (half to even) on n, N and effective n, as ppi_py. Undefined: ρ
// outside (−1, 1) (ppi_py raises), or a correlation that is 0/0 (constant labels).
import { defined, undefinedBecause, type Defined } from '../types';
import { Rational } from './rational';
import { requireFinite, requirePositive } from './validate';

export interface PpiPowerInput {
  ppiCorr: number;
  costY: number;
  costYhat: number;
  costX?: number;
  budget?: number | null;
  effectiveN?: number | null;
  nMax?: number | null;
}

export type PpiPowerBranch = 'optimal_pair' | 'classical_fallback' | 'n_max_classical' | 'n_max_split';

export interface PpiPower {
  ppiCorr: number;
  gamma: number;
  ppiCostPerClassicalSample: number;
  classicalCostPerSample: number;
  n0: number;
  nStarRaw: number;
  NStarRaw: number;
  branch: PpiPowerBranch;
  n: number;
  N: number;
  cost: number;
  costExact: string;
  effectiveN: number;
}

/** Python's round(): nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

interface Costs {
  y: Rational;
  yhat: Rational;
  x: Rational;
}

/**
 * ppi_py `ppi_power` with cost_X (default 0): budget mode when `budget` is given, else effective-n mode.
 * @throws {RangeError} when neither budget nor effectiveN is given, or a cost is not positive.
 */
export function ppiPower(input: PpiPowerInput): Defined<PpiPower> {
  const { ppiCorr: rho, costY, costYhat, costX = 0, budget, effectiveN, nMax } = input;
  requireFinite('ppiPower', 'ppi_corr', rho);
  requirePositive('ppiPower', 'cost_Y', costY);
  requireFinite('ppiPower', 'cost_Yhat', costYhat);
  requireFinite('ppiPower', 'cost_X', costX);
  if (budget == null && effectiveN == null) throw new RangeError('ppiPower: give a budget or an effective_n');
  if (!(rho > -1 && rho < 1)) return undefinedBecause(`the PPI correlation must lie strictly between −1 and 1, got ${rho}`);
  const r2 = rho * rho;
  const gamma = (costYhat + costX) / costY;
  const ppiCost = costY * (1 - r2 + gamma * r2 + 2 * Math.sqrt(gamma * r2 * (1 - r2)));
  const classicalCost = costY + costX;
  const costs: Costs = { y: Rational.from(costY), yhat: Rational.from(costYhat), x: Rational.from(costX) };
  const n0 = budget != null ? budget / ppiCost : (effectiveN as number);
  const nStarRaw = n0 * (1 - r2 + Math.sqrt(gamma * r2 * (1 - r2)));
  const NStarRaw = rho !== 0 ? (nStarRaw * (n0 - nStarRaw)) / (nStarRaw - (1 - r2) * n0) : 0;
  let pick = { branch: 'optimal_pair' as PpiPowerBranch, n: roundHalfEven(nStarRaw), N: roundHalfEven(NStarRaw) };
  if (classicalCost < ppiCost || pick.N < 0) {
    pick = { branch: 'classical_fallback', n: budget != null ? roundHalfEven(budget / classicalCost) : roundHalfEven(n0), N: 0 };
  }
  if (nMax != null && pick.n + pick.N > nMax) pick = capped(budget, n0, nMax, r2, gamma, costY, classicalCost);
  const cost = costOf(pick, costs);
  const effN = pick.N === 0 ? pick.n : roundHalfEven((pick.n * (pick.n + pick.N)) / (pick.n + (1 - r2) * pick.N));
  return defined({
    ppiCorr: rho,
    gamma,
    ppiCostPerClassicalSample: ppiCost,
    classicalCostPerSample: classicalCost,
    n0,
    nStarRaw,
    NStarRaw,
    ...pick,
    cost: cost.toNumber(),
    costExact: cost.toDecimalString(),
    effectiveN: effN,
  });
}

function capped(
  budget: number | null | undefined,
  n0: number,
  nMax: number,
  r2: number,
  gamma: number,
  costY: number,
  classicalCost: number,
): { branch: PpiPowerBranch; n: number; N: number } {
  if (budget != null) {
    if (nMax * classicalCost <= budget) return { branch: 'n_max_classical', n: nMax, N: 0 };
    const n = roundHalfEven(budget / costY - nMax * gamma);
    return { branch: 'n_max_split', n, N: nMax - n };
  }
  if (n0 > nMax) return { branch: 'n_max_classical', n: nMax, N: 0 };
  const n = roundHalfEven((n0 * nMax * (1 - r2)) / (nMax - r2 * n0));
  return { branch: 'n_max_split', n, N: nMax - n };
}

/** Cost of a pick: optimal pair n·c_Y + (n + N)(c_Ŷ + c_X); classical n·(c_Y + c_X); split as ppi_py. */
function costOf(pick: { branch: PpiPowerBranch; n: number; N: number }, c: Costs): Rational {
  const n = new Rational(BigInt(pick.n));
  const N = new Rational(BigInt(pick.N));
  if (pick.branch === 'classical_fallback' || pick.branch === 'n_max_classical') return n.mul(c.y.add(c.x));
  if (pick.branch === 'n_max_split') return n.mul(c.y.add(c.yhat).add(c.x)).add(N.mul(c.yhat.add(c.x)));
  return n.mul(c.y).add(n.add(N).mul(c.yhat.add(c.x)));
}
