// The golden set's power target sized for a paired design (both models on the same items, McNemar):
// Connor (1987) from the declared expected discordance, beside the independent-groups n it replaces.
import type { EvalSpecModel } from '../../model/spec';
import { pairedSampleSize, type PairedSampleSize } from '../../stats';
import { formatCount, formatPercent } from '../format';
import type { FigureSink } from '../types';
import { powerTarget } from './inputs';

export interface PairedNeed {
  p1: number;
  p2: number;
  psi: number;
  paired: PairedSampleSize;
}

/** The paired need in the harder direction (larger n), or undefined without a paired power target. */
export function pairedNeed(m: EvalSpecModel, psi: number): PairedNeed | undefined {
  const t = powerTarget(m);
  if (!t) return undefined;
  const alpha = 1 - (m.goldenSet?.confidence?.value ?? 0.95);
  const power = m.goldenSet?.power?.value ?? 0.8;
  let worst: PairedNeed | undefined;
  for (const p2 of t.p2s) {
    const r = pairedSampleSize({ p1: t.p1, p2, psi, alpha, power });
    const n = r.n.defined ? r.n.value : Number.POSITIVE_INFINITY;
    const w = worst?.paired.n.defined ? worst.paired.n.value : -1;
    if (!worst || n > w) worst = { p1: t.p1, p2, psi, paired: r };
  }
  return worst;
}

export function pairedFigures(m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>): void {
  const psi = m.goldenSet?.paired?.expectedDiscordance;
  if (!psi) return;
  const need = pairedNeed(m, psi.value);
  if (!need) return;
  const r = need.paired;
  const cohorts = Math.max(1, m.goldenSet?.cohorts?.items.length ?? 1);
  const total = r.n.defined ? r.n.value * cohorts : undefined;
  const indep = r.nIndependentTotal.defined ? r.nIndependentTotal.value * cohorts : undefined;
  json['paired'] = { p1: need.p1, p2: need.p2, expectedDiscordance: psi.value, cohorts, nPerCohort: r.n.defined ? r.n.value : { undefinedBecause: r.n.reason }, total: total ?? null, independentTotal: indep ?? null, nRaw: r.nRaw.defined ? r.nRaw.value : null };
  out.note({
    id: 'goldenSet.paired',
    anchor: psi.keyRange,
    hint: total !== undefined ? `paired: ${formatCount(total)} items vs ${indep !== undefined ? formatCount(indep) : '?'} independent` : `no paired size: ${r.n.defined ? '' : r.n.reason}`,
    title: 'Paired power target (McNemar, Connor 1987)',
    formula: 'n = [z_{α/2}·√ψ + z_β·√(ψ − δ²)]² / δ², δ = p₂ − p₁, ψ = P(models disagree on an item)',
    substituted: `p₁ = ${need.p1}, p₂ = ${+need.p2.toFixed(6)}, ψ = ${psi.raw}, z_{α/2} = ${r.zAlpha2.toFixed(6)}, z_β = ${r.zBeta.toFixed(6)}`,
    result: r.n.defined ? `${formatCount(r.n.value)} items per cohort, each scored by both models (${formatCount(total!)} in all); independent groups would need ${indep !== undefined ? formatCount(indep) : 'n/a'} (${formatCount(r.nIndependentPerGroup.defined ? r.nIndependentPerGroup.value : 0)} per model)` : r.n.reason,
    caveats: [
      `ψ is a guess until measured: if the models disagree on ${formatPercent(Math.min(1, psi.value * 1.5))} of items instead of ${formatPercent(psi.value)}, n grows about in proportion.`,
      `Independent outcomes would give ψ = ${formatPercent(r.psiIfIndependent)}; a paired design only helps when the models agree more than that.`,
    ],
  });
  if (total !== undefined) out.lines.push(`paired power target: ${formatCount(total)} items (ψ = ${psi.raw}) instead of ${indep !== undefined ? formatCount(indep) : 'n/a'} for independent groups`);
}
