// Rule: the judge passes a very different share of the calibration (golden) set than of the traffic
// it labels. Both are judged by the same judge, so if the golden set were a random sample of
// traffic the two rates would agree up to sampling error; a two-proportion z beyond 3.29
// (two-sided p < 0.001) says it is not, and PPI (which needs exactly that) is invalid.
import { agreementCounts, trafficVerdicts } from '../figures/judging/inputs';
import type { Rule } from './rule';

const Z_LIMIT = 3.2905267314918945; // Φ⁻¹(1 − 0.0005)

export const goldenSetNotTrafficSample: Rule = {
  code: 'golden-set-not-traffic-sample',
  section: 'judge',
  defaultSeverity: 'warning',
  summary: 'The judge pass rate on the calibration set and on traffic differ beyond chance: the set is not a sample of traffic.',
  check({ model }) {
    const a = agreementCounts(model);
    const t = trafficVerdicts(model);
    const anchor = model.judge?.calibration?.agreement?.keyRange;
    if (!a || !t || !anchor) return [];
    const n = a.humanPass + a.humanFail;
    const pGolden = (a.y1Yhat1 + a.y0Yhat1) / n;
    const pTraffic = t.k / t.N;
    const pooled = (a.y1Yhat1 + a.y0Yhat1 + t.k) / (n + t.N);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / t.N));
    if (se === 0) return [];
    const z = (pGolden - pTraffic) / se;
    if (Math.abs(z) <= Z_LIMIT) return [];
    const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
    return [{ range: anchor, message: `The judge passes ${pct(pGolden)} of the calibration set but ${pct(pTraffic)} of traffic (z = ${z.toFixed(1)}): the calibration set is not a random sample of traffic, so PPI on it is biased; the judge correction still holds only if the set was stratified by human label.`, data: { z, pGolden, pTraffic } }];
  },
};
