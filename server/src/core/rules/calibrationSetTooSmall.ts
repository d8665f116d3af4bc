// Rule: a calibration set under 50 examples. The seed's judge calibration draws 50 human-labelled
// examples per refresh (50–100 for the rolling spot-check): fewer, and a Spearman ρ near the 0.75 gate
// cannot be told apart from one well below it.
import { replaceNode } from './edits';
import type { Rule } from './rule';

export interface CalibrationSetTooSmallData {
  examples: number;
  min: number;
}

export const calibrationSetTooSmall: Rule = {
  code: 'calibration-set-too-small',
  section: 'judge',
  defaultSeverity: 'warning',
  summary: 'Fewer human-labelled calibration examples than the minimum (50).',
  check({ model, settings }) {
    const e = model.judge?.calibration?.examples;
    const min = settings.thresholds.minCalibrationExamples;
    if (!e || e.value >= min) return [];
    const data: CalibrationSetTooSmallData = { examples: e.value, min };
    return [{ range: e.range, message: `A calibration set of ${e.value} examples is below the ${min} EvalSpec recommends (${min - e.value} short): too few to tell a judge at ρ 0.75 from one at 0.6.`, data }];
  },
  fix(d, { model, parsed }) {
    const e = model.judge?.calibration?.examples;
    const data = d.data as CalibrationSetTooSmallData | undefined;
    if (!e || !data) return [];
    return [{ title: `Label ${data.min} calibration examples per refresh`, edits: [replaceNode(parsed, e.node, String(data.min))], isPreferred: true }];
  },
};
