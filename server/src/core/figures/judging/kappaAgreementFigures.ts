// Cohen's κ between the judge and the humans on the calibration set, from the agreement counts:
// κ̂ with its Fleiss–Cohen–Everitt standard error and 95% CI, and the test of κ = 0.
import type { EvalSpecModel } from '../../model/spec';
import { kappaPrecision } from '../../stats';
import { formatCount, formatNumber } from '../format';
import type { FigureSink } from '../types';
import { agreementCounts } from './inputs';

const f2 = (x: number): string => x.toFixed(2);

export function kappaAgreementFigures(m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>): void {
  const a = agreementCounts(m);
  const block = m.judge?.calibration?.agreement;
  if (!a || !block) return;
  // Rows: the human label (pass, fail); columns: the judge's verdict (pass, fail).
  const table = [
    [a.y1Yhat1, a.y1Yhat0],
    [a.y0Yhat1, a.y0Yhat0],
  ];
  const r = kappaPrecision(table);
  const k = r.kappa;
  json['kappaAgreement'] = k.defined
    ? { examples: r.n, table, pO: r.pO, pE: r.pE, kappa: k.value.kappa, se: k.value.seKappa, ci95: [k.value.ci95.lower, k.value.ci95.upper], seCohen1960: r.seCohen1960.defined ? r.seCohen1960.value : null, pValueKappa0: k.value.pValueKappa0.defined ? k.value.pValueKappa0.value : null }
    : { examples: r.n, table, undefinedBecause: k.reason };
  out.note({
    id: 'judge.calibration.kappa',
    anchor: block.keyRange,
    hint: k.defined ? `judge–human κ ${f2(k.value.kappa)} [${f2(k.value.ci95.lower)}, ${f2(k.value.ci95.upper)}]` : 'judge–human κ undefined',
    title: `Cohen's κ of the judge against the humans on ${formatCount(r.n)} calibration examples`,
    formula: 'κ = (p_o − p_e)/(1 − p_e); SE from Fleiss, Cohen & Everitt (1969); 95% CI κ ± 1.96·SE, clipped to [−1, 1]',
    substituted: `table [[${table[0]!.join(', ')}], [${table[1]!.join(', ')}]] (rows human pass/fail, columns judge pass/fail), p_o = ${formatNumber(r.pO)}, p_e = ${formatNumber(r.pE)}`,
    result: k.defined
      ? `κ = ${formatNumber(k.value.kappa)}, SE ${formatNumber(k.value.seKappa)}, 95% CI [${formatNumber(k.value.ci95.lower)}, ${formatNumber(k.value.ci95.upper)}]${r.seCohen1960.defined ? `; Cohen's (1960) SE ${formatNumber(r.seCohen1960.value)} for comparison` : ''}`
      : k.reason,
    caveats: [
      'κ depends on how common passes are: the same accuracy gives a lower κ when nearly everything passes.',
      'Pass/fail only: a graded score loses its order here; the calibration report weights κ over the full label set.',
    ],
  });
  if (k.defined) out.lines.push(`judge–human κ on ${formatCount(r.n)} calibration examples: ${f2(k.value.kappa)} [${f2(k.value.ci95.lower)}, ${f2(k.value.ci95.upper)}] (95%, FCE)`);
}
