// Daily regression runs that re-test accumulating results: the false-alarm rate of a fixed z every
// run, or the half-width of the anytime-valid confidence sequence that may be checked every run.
import type { EvalSpecModel } from '../../model/spec';
import { confidenceSequence, repeatedTestingFalseAlarm } from '../../stats';
import { formatCount, formatPp } from '../format';
import type { FigureSink } from '../types';

export function monitoringFigures(m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>): void {
  const daily = m.cadence?.daily;
  const mon = daily?.monitoring;
  if (!mon?.method || !mon.runs) return;
  const runs = mon.runs.value;
  const falseAlarm = repeatedTestingFalseAlarm(runs);
  const perRun = daily?.examples?.value;
  const t = perRun ? perRun * runs : undefined;
  const cs = t ? confidenceSequence({ tOpt: t }, t) : undefined;
  const radius = cs?.defined ? cs.value : undefined;
  json['monitoring'] = { method: mon.method.value, runs, falseAlarmFixedZ: falseAlarm, confidenceSequence: radius ? { observations: t, halfWidth: radius.radius, fixedNHalfWidth: radius.fixedNRadius } : null };
  const fixed = mon.method.value === 'fixed_z';
  out.note({
    id: 'cadence.daily.monitoring',
    anchor: mon.keyRange,
    hint: fixed
      ? `${runs} daily re-tests at z = 1.96: false-alarm rate ${(100 * falseAlarm).toFixed(0)}%, not 5%`
      : radius
        ? `anytime-valid ±${formatPp(radius.radius)} after ${runs} runs (fixed-n ±${formatPp(radius.fixedNRadius)})`
        : `anytime-valid; fixed z would false-alarm ${(100 * falseAlarm).toFixed(0)}%`,
    title: fixed ? 'Re-testing every run at a fixed z' : 'Anytime-valid confidence sequence (normal mixture)',
    formula: fixed ? 'P(|Z_k| ≥ 1.96 for some k ≤ K), Z_k = S_k/√k (Armitage, McPherson & Rowe 1969)' : 'radius(t) = √((tσ² + ρ)(ln(1 + tσ²/ρ) + 2ln(1/α)))/t, σ = ½, ρ tuned for t_opt',
    substituted: fixed ? `K = ${runs} runs, z = 1.96` : `t = t_opt = ${t !== undefined ? formatCount(t) : '(set cadence.daily.examples)'}, α = 0.05`,
    result: fixed
      ? `${(100 * falseAlarm).toFixed(1)}% chance of at least one false alarm over ${runs} runs of an unchanged model`
      : `${radius ? `±${formatPp(radius.radius, 2)} after ${formatCount(t!)} observations, valid at every run (a single fixed-n test: ±${formatPp(radius.fixedNRadius, 2)})` : 'needs cadence.daily.examples'}; re-testing at z = 1.96 instead would false-alarm ${(100 * falseAlarm).toFixed(1)}% of the time`,
    caveats: fixed ? ['Switch to method: confidence_sequence to look every day without inflating false alarms.'] : ['Wider than a single fixed-n interval: the price of looking every run.'],
  });
  out.lines.push(fixed ? `daily monitoring: ${runs} re-tests at z = 1.96 false-alarm ${(100 * falseAlarm).toFixed(1)}%` : `daily monitoring: confidence sequence${radius ? ` ±${formatPp(radius.radius)} after ${runs} runs` : ''}`);
}
