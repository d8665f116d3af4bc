// The size one cell needs to detect a change of d between two models, per model.
// Proportions: the pooled two-proportion test in the harder direction of p ± d (Cohen's h beside it).
// Means: n per group = ⌈2·(z_{1−α/2} + z_{power})²·sd² / (d·width)²⌉, d a fraction of the scale.
// Independent groups; a paired design (both models on the same examples) plugs in here as another
// `PowerDesign` without touching the callers.
import { arcsineSampleSize, normalQuantile, pairedSampleSize, pooledSampleSize } from '../../stats';
import { memoize } from '../memo';
import type { SizingCell } from './cells';
import { scaleWidth } from './precision';

const pooledN = memoize((p1: number, p2: number, alpha: number, power: number) => pooledSampleSize(p1, p2, { alpha, power }).nPerGroup);
const arcsineN = memoize((p1: number, p2: number, alpha: number, power: number) => arcsineSampleSize(p1, p2, { alpha, power }).nPerGroup);

export interface CellPower {
  cell: SizingCell;
  /** Examples per model this cell needs. */
  perGroup: number;
  /** Proportions: the rate the change is tested from and the harder direction it goes to. */
  p1?: number;
  p2?: number;
  /** Proportions: Cohen's h size, for comparison. */
  arcsinePerGroup?: number;
  /** Sized for a paired design: perGroup is then the items both models answer (Connor 1987). */
  paired?: boolean;
}

export interface PowerDesign {
  name: string;
  cellPower(cell: SizingCell, d: number, alpha: number, power: number): CellPower | undefined;
}

// A declared paired design (golden_set.paired): items scored by both models, Connor (1987); an
// impossible discordance for this p1 → p2 falls back to the independent-groups size.
const pairedN = memoize((p1: number, p2: number, alpha: number, power: number, psi: number) => {
  const r = pairedSampleSize({ p1, p2, psi, alpha, power }).n;
  return r.defined ? r.value : undefined;
});

function proportionPower(cell: SizingCell, d: number, alpha: number, power: number, psi?: number): CellPower | undefined {
  const p = cell.p!;
  let best: CellPower | undefined;
  for (const p2 of [p + d, p - d]) {
    if (!(p2 > 0 && p2 < 1)) continue;
    const paired = psi === undefined ? undefined : pairedN(p, p2, alpha, power, psi);
    const n = paired ?? pooledN(p, p2, alpha, power);
    if (!best || n > best.perGroup) best = { cell, perGroup: n, p1: p, p2, arcsinePerGroup: arcsineN(p, p2, alpha, power), ...(paired !== undefined ? { paired: true } : {}) };
  }
  return best;
}

function meanPower(cell: SizingCell, d: number, alpha: number, power: number): CellPower {
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const delta = d * scaleWidth(cell);
  return { cell, perGroup: Math.max(1, Math.ceil((2 * (za + zb) ** 2 * cell.metric.sd! ** 2) / delta ** 2)) };
}

export const independentGroups: PowerDesign = {
  name: 'independent groups',
  cellPower: (cell, d, alpha, power) => (cell.metric.kind === 'mean' ? meanPower(cell, d, alpha, power) : proportionPower(cell, d, alpha, power)),
};

/** Both models on the same items with expected discordance psi (Connor 1987) for proportions. */
export function pairedDesign(psi: number): PowerDesign {
  return {
    name: `paired (discordance ${psi})`,
    cellPower: (cell, d, alpha, power) => (cell.metric.kind === 'mean' ? meanPower(cell, d, alpha, power) : proportionPower(cell, d, alpha, power, psi)),
  };
}
