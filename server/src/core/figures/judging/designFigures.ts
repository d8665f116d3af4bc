// Design adjustments to the golden set's required size: clustered items (design effect), a small
// prompt pool (finite-population correction), and per-cohort gates tested together (Bonferroni or
// Holm levels and the per-group n at the first, strictest level).
import type { EvalSpecModel } from '../../model/spec';
import { designEffect, finitePopulation, multiplicity } from '../../stats';
import { formatCount } from '../format';
import { computeGoldenSet } from '../goldenSetFigures';
import type { FigureSink } from '../types';
import { powerTarget } from './inputs';
import { FIGURE_LIST, listNames } from '../../text/bounded';

export function designFigures(m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>): void {
  const g = m.goldenSet;
  if (!g || (!g.clusters && !g.promptPool && !g.multiplicity)) return;
  const required = computeGoldenSet(m)?.required;
  const c = g.clusters;
  if (c?.size && c.icc && required) {
    const d = designEffect(required, c.size.raw, c.icc.raw, g.size?.value);
    if (d.defined) {
      const v = d.value;
      json['clusters'] = { m: c.size.value, icc: c.icc.value, deff: v.deff, required, inflated: v.nInflated, clusters: v.nClusters, declaredEffective: v.nEff };
      out.note({
        id: 'goldenSet.clusters',
        anchor: c.keyRange,
        hint: `design effect ${v.deffExact}: needs ${formatCount(v.nInflated)} items (${formatCount(v.nClusters)} clusters)`,
        title: 'Clustered golden items (design effect)',
        formula: 'deff = 1 + (m − 1)·ICC; n = ⌈n₀·deff⌉; n_eff = n_items/deff',
        substituted: `m = ${c.size.raw}, ICC = ${c.icc.raw}, n₀ = ${formatCount(required)} (the golden set's required size)`,
        result: `${formatCount(v.nInflated)} items in ${formatCount(v.nClusters)} clusters${v.nEff !== null ? `; the declared ${formatCount(g.size!.value)} items count as ${formatCount(Math.floor(v.nEff))} independent ones` : ''}`,
        caveats: ['The ICC is a planning guess: estimate it from last run’s per-conversation outcomes.'],
      });
      out.lines.push(`clusters of ${c.size.raw} at ICC ${c.icc.raw}: design effect ${v.deffExact}, needs ${formatCount(v.nInflated)} items`);
    }
  }
  const pool = g.promptPool;
  if (pool && required) {
    const f = finitePopulation(required, pool.value);
    if (f.defined) {
      json['promptPool'] = { population: pool.value, required, corrected: f.value.n };
      out.note({
        id: 'goldenSet.promptPool',
        anchor: pool.keyRange,
        hint: `pool of ${formatCount(pool.value)}: needs ${formatCount(f.value.n)} instead of ${formatCount(required)}`,
        title: 'Finite-population correction for a small prompt pool',
        formula: 'n = ⌈n₀ / (1 + (n₀ − 1)/N)⌉',
        substituted: `n₀ = ${formatCount(required)}, N = ${formatCount(pool.value)}`,
        result: `${formatCount(f.value.n)} of ${formatCount(pool.value)} prompts`,
        caveats: ['Only when the pass rate of interest is this pool’s own; for future traffic the pool is a sample and no correction applies.'],
      });
      out.lines.push(`prompt pool ${formatCount(pool.value)}: needs ${formatCount(f.value.n)} (finite-population correction of ${formatCount(required)})`);
    }
  }
  multiplicityFigure(m, out, json);
}

function multiplicityFigure(m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>): void {
  const g = m.goldenSet!;
  const method = g.multiplicity;
  const k = g.cohorts?.items.length ?? 0;
  const t = powerTarget(m);
  if (!method || method.value === 'none' || k < 2 || !t) return;
  const alpha = +(1 - (g.confidence?.value ?? 0.95)).toFixed(12);
  const r = multiplicity(alpha, k, t.p1, t.p2s[0]!, g.power?.value ?? 0.8);
  if (!r.sizes.defined) return;
  const s = r.sizes.value;
  const holm = method.value === 'holm';
  json['multiplicity'] = { method: method.value, cohorts: k, levels: holm ? r.holmThresholds : r.holmThresholds.map(() => r.bonferroniAlpha), nPerGroupUnadjusted: s.nPerGroupUnadjusted, nPerGroupFirst: s.nPerGroupBonferroni, nPerGroupHolmSteps: s.nPerGroupHolmSteps };
  out.note({
    id: 'goldenSet.multiplicity',
    anchor: method.keyRange,
    hint: `${holm ? 'Holm' : 'Bonferroni'} over ${k} cohorts: α = ${r.bonferroniAlphaExact} first, ${formatCount(s.nPerGroupBonferroni)}/model/cohort (unadjusted ${formatCount(s.nPerGroupUnadjusted)})`,
    title: `Multiplicity across ${k} per-cohort gates`,
    formula: holm ? 'Holm: sort p-values; the i-th smallest is tested at α/(k − i + 1), stop at the first that fails' : 'Bonferroni: each cohort at α/k',
    substituted: `α = ${alpha.toFixed(4)}, k = ${k}, p₁ = ${t.p1}, p₂ = ${+t.p2s[0]!.toFixed(6)}`,
    result: `levels ${listNames((holm ? r.holmThresholdsExact : [r.bonferroniAlphaExact]).map(String), { max: FIGURE_LIST })}; per-group n ${holm ? listNames(s.nPerGroupHolmSteps.map(formatCount), { separator: ' → ', max: FIGURE_LIST }) : formatCount(s.nPerGroupBonferroni)}; ${formatCount(s.nTotalAllCohortsBonferroni)} in all at the strictest level`,
    caveats: ['Plan for the strictest level: which cohort gets it depends on the p-values, unknown in advance.'],
  });
}
