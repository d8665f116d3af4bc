// The parts of the format for practices the seed asks of a team and rules check (issue 10): a held-out
// validation set from about six months earlier beside the judge's calibration, the window the golden
// set is re-sampled from before each major eval, and the offline/online bridge measured over launches.
// The monthly spot-check, the latest calibration report (which judge version a ρ check covered), and the
// router's shadow-judge alert are read here too. Each is optional; a spec without them reads exactly as before.
import type { SpecNode } from '../parse/specTree';
import type { Located, Section, TreeReader } from './read';

export interface HeldOutModel extends Section {
  sampledOn?: Located<string>;
  examples?: Located<number>;
  data?: Located<string>;
}

export interface BridgeModel extends Section {
  launches?: Located<number>;
  correlation?: Located<number>;
}

/** The monthly spot-check: fresh human labels from the current week's traffic, beside the calibration set. */
export interface SpotCheckModel extends Section {
  examples?: Located<number>;
  /** Days of the most recent traffic the items are drawn from (the current week: 7). */
  windowDays?: Located<number>;
  /** How often a spot-check runs (monthly at minimum). */
  every?: Located<string>;
  /** How often it runs during active training runs (weekly). */
  duringTraining?: Located<string>;
  data?: Located<string>;
}

/** The latest calibration report: the judge version a ρ check against fresh human labels covered, and when. */
export interface CalibrationReportModel extends Section {
  judge?: Located<string>;
  checkedOn?: Located<string>;
  spearman?: Located<number>;
  path?: Located<string>;
}

/** The router's third drift alert: cheap-tier completions shadowed through the flagship judge. */
export interface ShadowJudgeAlertModel extends Section {
  sampleFraction?: Located<number>;
  delayHours?: Located<number>;
  qualityDeltaPp?: Located<number>;
}

export function readSpotCheck(r: TreeReader, calibration: SpecNode): SpotCheckModel | undefined {
  const m = r.map(calibration, 'spot_check');
  return m && { ...m, examples: r.num(m.node, 'examples'), windowDays: r.num(m.node, 'window_days'), every: r.str(m.node, 'every'), duringTraining: r.str(m.node, 'during_training'), data: r.str(m.node, 'data') };
}

export function readCalibrationReport(r: TreeReader, calibration: SpecNode): CalibrationReportModel | undefined {
  const m = r.map(calibration, 'report');
  return m && { ...m, judge: r.str(m.node, 'judge'), checkedOn: r.str(m.node, 'checked_on'), spearman: r.num(m.node, 'spearman'), path: r.str(m.node, 'path') };
}

export function readShadowJudgeAlert(r: TreeReader, alerts: SpecNode): ShadowJudgeAlertModel | undefined {
  const m = r.map(alerts, 'shadow_judge');
  return m && { ...m, sampleFraction: r.num(m.node, 'sample_fraction'), delayHours: r.num(m.node, 'delay_hours'), qualityDeltaPp: r.num(m.node, 'quality_delta_pp') };
}

export function readHeldOut(r: TreeReader, calibration: SpecNode): HeldOutModel | undefined {
  const h = r.map(calibration, 'held_out');
  return h && { ...h, sampledOn: r.str(h.node, 'sampled_on'), examples: r.num(h.node, 'examples'), data: r.str(h.node, 'data') };
}

export function readBridge(r: TreeReader, predicts: SpecNode): BridgeModel | undefined {
  const m = r.map(predicts, 'measured');
  return m && { ...m, launches: r.num(m.node, 'launches'), correlation: r.num(m.node, 'correlation') };
}
