// The annotator-agreement gate "leave out a calibration batch when its κ < min_kappa", planned at
// the declared number of examples: the 95% half-width of a batch's κ, how often a batch whose
// annotators truly agree at min_kappa + 0.05 is left out, and the examples a κ CI (one-sided 5%)
// and a κ test (two-sided 5%, 80% power) need to tell that agreement from the threshold.
import type { EvalSpecModel } from '../../model/spec';
import { kappaBelowProbability, kappaCiSize, kappaPlannedPrecision, kappaPowerSize } from '../../stats';
import { formatCount, formatNumber } from '../format';
import type { FigureSink } from '../types';
import { agreementCounts } from './inputs';

/** The κ a batch should pass: 0.05 above the threshold. */
export function goodAnnotatorKappa(threshold: number): number {
  return Math.round((threshold + 0.05) * 1e6) / 1e6;
}

/** Share of passes among human labels: from the agreement counts when declared, else 1/2. */
function plannedPrevalence(m: EvalSpecModel): { p: number; from: string } {
  const a = agreementCounts(m);
  if (a) return { p: a.humanPass / (a.humanPass + a.humanFail), from: `${a.humanPass}/${a.humanPass + a.humanFail} human passes in the agreement counts` };
  return { p: 0.5, from: 'no agreement counts declared: p = 1/2, where κ is most precise' };
}

export function kappaGateFigures(m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>): void {
  const cal = m.judge?.calibration;
  const n = cal?.examples;
  const t = cal?.minKappa;
  if (!n || !t || !(t.value > 0 && t.value < 0.95)) return;
  const good = goodAnnotatorKappa(t.value);
  const prev = plannedPrevalence(m);
  const atT = kappaPlannedPrecision(t.value, prev.p, n.value);
  const drop = kappaBelowProbability(t.value, good, prev.p, n.value);
  if (!atT.defined || !drop.defined) return;
  const ci = kappaCiSize({ kappa0: good, kappaL: t.value, kappaU: null, prevalence: prev.p });
  const power = kappaPowerSize(t.value, good, prev.p);
  const ciN = ci.plan.defined ? ci.plan.value.n : null;
  const powerN = power.n.defined ? power.n.value : null;
  json['kappaGate'] = { examples: n.value, threshold: t.value, prevalence: prev.p, seAtThreshold: atT.value.se, halfWidth95: atT.value.halfWidth95, goodKappa: good, pDropGood: drop.value, examplesForCi: ciN, examplesForPower: powerN };
  const hw = atT.value.halfWidth95;
  out.note({
    id: 'judge.calibration.kappaGate',
    anchor: t.keyRange,
    hint: `${n.value} ex.: ±${hw.toFixed(2)}; P(drop | κ=${good.toFixed(2)}) ${Math.round(100 * drop.value)}%`,
    title: `Annotator-agreement gate "κ < ${t.raw} leaves a batch out" at ${formatCount(n.value)} examples`,
    formula: 'n·Var(κ̂) = (1 − κ)[(1 − κ)(1 − 2κ) + κ(2 − κ)/(2p(1 − p))] (Bloch–Kraemer; FCE at the expected table); P(drop | κ) = Φ((t − κ)/SE(κ))',
    substituted: `t = ${t.raw}, κ = ${good.toFixed(2)}, n = ${n.value}, p = ${formatNumber(prev.p)} (${prev.from})`,
    result:
      `a batch of ${formatCount(n.value)} whose annotators agree at κ = ${t.raw} has a 95% interval of ±${formatNumber(hw)} (SE ${formatNumber(atT.value.se)}); ` +
      `one whose true κ is ${good.toFixed(2)} is left out ${(100 * drop.value).toFixed(1)}% of the time` +
      (ciN !== null ? `; ${formatCount(ciN)} examples put a one-sided 95% κ bound above ${t.raw} when κ = ${good.toFixed(2)} (Donner–Eliasziw)` : '') +
      (powerN !== null ? `; ${formatCount(powerN)} tell κ = ${good.toFixed(2)} from ${t.raw} (two-sided 5%, 80% power)` : ''),
    caveats: [
      'Planned for a batch holding all the examples of one refresh; without a `batch` column each month × cohort is a batch, and a batch of n/k examples is √k times as wide.',
      'Two annotators and a pass/fail label with a common pass rate; a graded label set or unequal pass rates change the variance.',
      'Normal approximation: rough for small batches and for κ near 1.',
    ],
  });
  out.lines.push(`annotator κ gate ${t.raw} at ${n.value} examples: ±${hw.toFixed(2)} (95%), P(drop | κ = ${good.toFixed(2)}) = ${(100 * drop.value).toFixed(1)}%`);
}
