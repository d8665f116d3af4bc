// The judge's pass rate on traffic corrected for its errors (Rogan–Gladen), with sensitivity and
// specificity from the calibration set's agreement counts and a delta-method CI over all three.
import type { EvalSpecModel } from '../../model/spec';
import { judgeCorrection } from '../../stats';
import { formatCount, formatPercent } from '../format';
import type { FigureSink } from '../types';
import { agreementCounts, trafficVerdicts } from './inputs';

const pct1 = (x: number): string => (100 * x).toFixed(1);

export function judgeCorrectionFigures(m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>): void {
  const a = agreementCounts(m);
  const t = trafficVerdicts(m);
  const anchor = m.judge?.labelledTraffic?.judgePassRate?.keyRange;
  if (!a || !t || !anchor) return;
  const r = judgeCorrection({ k: t.k, N: t.N, nPass: a.humanPass, sPass: a.y1Yhat1, nFail: a.humanFail, sFail: a.y0Yhat0 });
  const c = r.corrected;
  json['judgeCorrection'] = {
    judgePassRate: r.pObs,
    sensitivity: r.sensitivity.defined ? r.sensitivity.value : null,
    specificity: r.specificity.defined ? r.specificity.value : null,
    corrected: c.defined ? { theta: c.value.theta, thetaRaw: c.value.thetaRaw, ci95: [c.value.ci95.lower, c.value.ci95.upper], ci95KnownSeSp: [c.value.ci95KnownSeSp.lower, c.value.ci95KnownSeSp.upper], seDelta: c.value.seDelta } : { undefinedBecause: c.reason },
  };
  const se = r.sensitivity.defined ? r.sensitivity.value : NaN;
  const sp = r.specificity.defined ? r.specificity.value : NaN;
  out.note({
    id: 'judge.correction',
    anchor,
    hint: c.defined ? `judge says ${pct1(r.pObs)}%; corrected ${pct1(c.value.theta)}% [${pct1(c.value.ci95.lower)}, ${pct1(c.value.ci95.upper)}]` : `judge says ${pct1(r.pObs)}%; cannot correct`,
    title: 'Judge-corrected pass rate (Rogan–Gladen)',
    formula: 'θ = (p_obs + Sp − 1)/(Se + Sp − 1); Var = [p(1−p)/N + θ²·Se(1−Se)/n₊ + (1−θ)²·Sp(1−Sp)/n₋]/J²',
    substituted: `p_obs = ${t.k}/${formatCount(t.N)}, Se = ${a.y1Yhat1}/${a.humanPass} = ${se.toFixed(4)}, Sp = ${a.y0Yhat0}/${a.humanFail} = ${sp.toFixed(4)}`,
    result: c.defined
      ? `${formatPercent(c.value.theta)} [${formatPercent(c.value.ci95.lower)}, ${formatPercent(c.value.ci95.upper)}] (95%, delta method over p_obs, Se and Sp); treating Se and Sp as known gives the too-narrow [${formatPercent(c.value.ci95KnownSeSp.lower)}, ${formatPercent(c.value.ci95KnownSeSp.upper)}]`
      : c.reason,
    caveats: [
      'Assumes the judge errs on traffic as it does on the calibration set: if the calibration set is not a sample of traffic, the correction is biased.',
      'Most of the width comes from the calibration counts, not from traffic volume: more human labels narrow it, more traffic does not.',
    ],
  });
  if (c.defined) out.lines.push(`judge says ${pct1(r.pObs)}% on ${formatCount(t.N)} traffic items; corrected ${pct1(c.value.theta)}% [${pct1(c.value.ci95.lower)}, ${pct1(c.value.ci95.upper)}]`);
}
