// Fisher-z variance factors per correlation method: se_z = c/√(n − b).
//   Pearson  c = 1,              b = 3   (Fisher 1921)
//   Spearman c = √(1 + r²/2),    b = 3   (Bonett & Wright 2000)
//   Kendall  c = √0.437,         b = 4   (Fieller, Hartley & Pearson 1957; Bonett & Wright 2000)
//
// Reference: Bonett & Wright (2000), "Sample size requirements for estimating Pearson, Kendall and
// Spearman correlations", Psychometrika 65(1):23–28; as R presize::prec_cor (README-v2 §5).
// Rounding: none.
export type CorrelationMethod = 'pearson' | 'spearman' | 'kendall';

export const CORRELATION_METHODS: readonly CorrelationMethod[] = ['pearson', 'spearman', 'kendall'];

/** The factor c (evaluated at r for Spearman) and the offset b of a method. */
export function correlationFactor(method: CorrelationMethod, r: number): { c: number; b: number } {
  if (method === 'pearson') return { c: 1, b: 3 };
  if (method === 'spearman') return { c: Math.sqrt(1 + (r * r) / 2), b: 3 };
  if (method === 'kendall') return { c: Math.sqrt(0.437), b: 4 };
  throw new RangeError(`correlationFactor: unknown method ${JSON.stringify(method)} (pearson, spearman or kendall)`);
}
