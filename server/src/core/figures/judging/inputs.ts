// What the judging figures read from a spec: the golden-set 2×2 of judge against human (from
// `judge.calibration.agreement`), the judge's verdicts on traffic, and the paired power target.
import type { EvalSpecModel } from '../../model/spec';
import type { PpiCounts } from '../../stats';
import { sizingMetrics } from '../goldenSetFigures';

export interface AgreementCounts extends PpiCounts {
  humanPass: number;
  humanFail: number;
}

/** The agreement block as PPI counts, when all four counts are there and consistent. */
export function agreementCounts(m: EvalSpecModel): AgreementCounts | undefined {
  const a = m.judge?.calibration?.agreement;
  if (!a?.humanPass || !a.judgePassOnHumanPass || !a.humanFail || !a.judgeFailOnHumanFail) return undefined;
  const [hp, jp, hf, jf] = [a.humanPass.value, a.judgePassOnHumanPass.value, a.humanFail.value, a.judgeFailOnHumanFail.value];
  if (jp > hp || jf > hf || hp + hf === 0) return undefined;
  return { humanPass: hp, humanFail: hf, y1Yhat1: jp, y1Yhat0: hp - jp, y0Yhat1: hf - jf, y0Yhat0: jf };
}

/** Judge-labelled traffic as (N, k), k = round(rate·N). */
export function trafficVerdicts(m: EvalSpecModel): { N: number; k: number; rate: number } | undefined {
  const t = m.judge?.labelledTraffic;
  if (!t?.items || t.judgePassRate === undefined) return undefined;
  const N = t.items.value;
  return { N, k: Math.round(t.judgePassRate.value * N), rate: t.judgePassRate.value };
}

/** p1 → p2 of the power target (harder direction) for the first sizing metric. */
export function powerTarget(m: EvalSpecModel): { p1: number; p2s: number[]; metric: string } | undefined {
  const d = m.goldenSet?.detectChange?.value;
  const metric = sizingMetrics(m)[0];
  if (d === undefined || !metric) return undefined;
  const p2s = [metric.p - d, metric.p + d].filter((x) => x > 0 && x < 1);
  return p2s.length ? { p1: metric.p, p2s, metric: metric.id } : undefined;
}
