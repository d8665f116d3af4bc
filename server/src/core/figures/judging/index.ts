// Figures of evaluating with a judge (issue 11): paired sizing, judge-error correction, PPI label
// savings, the calibration gate's error rates, κ between judge and humans and the annotator gate, design adjustments and sequential monitoring. They
// go under `judging` in `check --format json` and show as inlay hints and hovers.
import type { EvalSpecModel } from '../../model/spec';
import type { FigureSink } from '../types';
import { calibrationGateFigures } from './calibrationGateFigures';
import { designFigures } from './designFigures';
import { judgeCorrectionFigures } from './judgeCorrectionFigures';
import { kappaAgreementFigures } from './kappaAgreementFigures';
import { kappaGateFigures } from './kappaGateFigures';
import { monitoringFigures } from './monitoringFigures';
import { pairedFigures } from './pairedFigures';
import { ppiFigures } from './ppiFigures';

export { pairedNeed } from './pairedFigures';
export { calibrationExamplesForGate, goodJudgeRho } from './calibrationGateFigures';

const PARTS: ReadonlyArray<readonly [string, (m: EvalSpecModel, out: FigureSink, json: Record<string, unknown>) => void]> = [
  ['paired', pairedFigures],
  ['judgeCorrection', judgeCorrectionFigures],
  ['ppi', ppiFigures],
  ['calibrationGate', calibrationGateFigures],
  ['kappaAgreement', kappaAgreementFigures],
  ['kappaGate', kappaGateFigures],
  ['design', designFigures],
  ['monitoring', monitoringFigures],
];

/**
 * One figure section ('judging'). A part whose inputs the core rejects (RangeError) is reported in
 * the JSON as `{ unavailable: reason }` and the other parts still run.
 */
export function judgingFigures(m: EvalSpecModel, out: FigureSink): void {
  const json: Record<string, unknown> = {};
  for (const [name, part] of PARTS) {
    try {
      part(m, out, json);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      json[name] = { unavailable: e.message };
    }
  }
  if (Object.keys(json).length > 0) out.json['judging'] = json;
}
