// Planning PPI: the human labels n needed for a target CI half-width h on a pass rate near p when
// N judge-labelled traffic items are available and the judge's verdicts correlate ρ with a human's.
// With the power-tuned λ the PPI variance equals a classical estimate on
//   n_eff(n) = n(n + N) / (n + (1 − ρ²)N)
// human labels (Broska, Howes & van Loon 2024, as ppi_py `ppi_power`). The classical size for h is
// n0 = z²p(1 − p)/h²; the smallest n with n_eff(n) ≥ n0 is the positive root of
//   n² + (N − n0)·n − n0(1 − ρ²)N = 0,  n = ⌈root⌉ (never above ⌈n0⌉).
// As N → ∞, n → n0(1 − ρ²): a judge with ρ = 0.7 halves the labels at most.
//
// Reference: Angelopoulos et al. (2023) PPI++; Broska, Howes & van Loon (2024). The root is a
// closed form (no search). Rounding: ⌈·⌉ of the root and of n0.
import { zFromConfidence } from './normal';
import { requireOpenUnit, requirePositive, requireFinite } from './validate';

export interface PpiLabelPlan {
  /** Human labels a classical (human-only) estimate needs for the half-width. */
  classicalN: number;
  classicalNRaw: number;
  /** Human labels with PPI++ beside N judge-labelled items. */
  n: number;
  nRaw: number;
  /** classicalN − n. */
  labelsSaved: number;
}

/**
 * Human labels for a PPI++ half-width `halfWidth` at pass rate `p`, with N judge-labelled items and
 * judge–human correlation `rho`.
 * @throws {RangeError} for rates outside (0,1), a half-width ≤ 0, N < 0 or |ρ| > 1.
 */
export function ppiLabelsForHalfWidth(p: number, halfWidth: number, N: number, rho: number, confidence = 0.95): PpiLabelPlan {
  requireOpenUnit('ppiLabelsForHalfWidth', 'pass rate', p);
  requirePositive('ppiLabelsForHalfWidth', 'half-width', halfWidth);
  requireFinite('ppiLabelsForHalfWidth', 'N', N);
  if (N < 0) throw new RangeError(`ppiLabelsForHalfWidth: N must be ≥ 0, got ${N}`);
  requireFinite('ppiLabelsForHalfWidth', 'rho', rho);
  if (Math.abs(rho) > 1) throw new RangeError(`ppiLabelsForHalfWidth: rho must lie in [−1, 1], got ${rho}`);
  requireOpenUnit('ppiLabelsForHalfWidth', 'confidence', confidence);
  const z = zFromConfidence(confidence);
  const n0 = (z * z * p * (1 - p)) / (halfWidth * halfWidth);
  const b = N - n0;
  const c = n0 * (1 - rho * rho) * N;
  // Positive root of n² + b·n − c = 0, written to avoid cancellation when b > 0.
  const disc = Math.sqrt(b * b + 4 * c);
  const nRaw = b >= 0 ? (c === 0 ? 0 : (2 * c) / (b + disc)) : (-b + disc) / 2;
  const classicalN = Math.ceil(n0);
  const n = Math.min(classicalN, Math.max(1, Math.ceil(nRaw)));
  return { classicalN, classicalNRaw: n0, n, nRaw, labelsSaved: classicalN - n };
}
