// Rule: the judge model is not the version the latest calibration report checked, or the report
// cannot have checked it. The seed: pin the judge to a checkpoint and treat an upgrade as its own
// release, with a full calibration report before it goes live; run a Spearman ρ check against fresh
// human labels every time the judge version changes, before any judge-gated launch is approved.
// So judge-gated launches are BLOCKED (a launch gate, like the calibration data's verdict) until
// `calibration.report` records a ρ check of exactly this judge version that postdates its release:
//   - report.judge names another version (newer, older or undated): the check covered that one;
//   - the version's release date (a date version) is after report.checked_on: the check predates it;
//   - report.checked_on is after today: a check that has not happened is no evidence;
//   - report.spearman below min_spearman (default 0.75): the latest check failed.
// Without calibration.report there is nothing to compare; judge-upgrade-without-evidence covers an
// upgrade that names no report.
import { formatNumber } from '../figures/format';
import { replaceNode } from './edits';
import { sameModel, versionDate } from './modelNames';
import type { Rule, RuleFinding } from './rule';

/** The launch gate these findings block, in the review's own words. */
export const JUDGE_VERSION_GATE = 'judge version';

export interface JudgeNewerThanCalibrationData {
  kind: 'other-version' | 'predates-release' | 'future' | 'failed';
  judge: string;
  calibrated?: string;
  blocked: true;
  gate: typeof JUDGE_VERSION_GATE;
}

const BLOCKED = 'Judge-gated launches are BLOCKED';

export const judgeNewerThanCalibration: Rule = {
  code: 'judge-newer-than-calibration',
  section: 'judge',
  defaultSeverity: 'error',
  summary: 'The judge model is not the version the latest calibration report checked against fresh human labels, or that check predates it: judge-gated launches are blocked.',
  launchGate: JUDGE_VERSION_GATE,
  check({ model, today }) {
    const j = model.judge;
    const r = j?.calibration?.report;
    if (!j?.model || !r?.judge || !r.checkedOn || j.kind?.value === 'embedding') return [];
    const judge = j.model.value;
    const at = (kind: JudgeNewerThanCalibrationData['kind'], range: RuleFinding['range'], message: string): RuleFinding[] => [{ range, message, data: { kind, judge, calibrated: r.judge!.value, blocked: true, gate: JUDGE_VERSION_GATE } satisfies JudgeNewerThanCalibrationData }];
    const released = versionDate(judge);
    if (!sameModel(judge, r.judge.value)) {
      const calDate = versionDate(r.judge.value);
      const how = released && calDate ? (released > calDate ? `newer than ${r.judge.value}` : released < calDate ? `older than ${r.judge.value}` : `not ${r.judge.value}`) : `not ${r.judge.value}`;
      return at('other-version', j.model.range, `${BLOCKED}: judge ${judge} is ${how}, the version the latest calibration report checked (on ${r.checkedOn.value}). A judge upgrade is its own release: run a Spearman ρ check of ${judge} against fresh human labels and record it in calibration.report before any judge-gated launch.`);
    }
    if (released && released > r.checkedOn.value) {
      return at('predates-release', r.checkedOn.range, `${BLOCKED}: the latest calibration report is dated ${r.checkedOn.value}, before ${judge} was released (${released}), so it cannot have checked this version. Run a Spearman ρ check against fresh human labels after ${released} and record its date.`);
    }
    if (r.checkedOn.value > today) {
      return at('future', r.checkedOn.range, `${BLOCKED}: the latest calibration report is dated ${r.checkedOn.value}, after today (${today}): a check that has not run is no evidence. Record the date the ρ check against fresh human labels ran.`);
    }
    const min = j.calibration?.minSpearman?.value ?? 0.75;
    if (r.spearman && r.spearman.value < min) {
      return at('failed', r.spearman.range, `${BLOCKED}: the latest calibration report of ${judge} (${r.checkedOn.value}) found Spearman ρ = ${formatNumber(r.spearman.value, 3)}, below min_spearman ${formatNumber(min, 3)}. Update the judge prompt and re-calibrate before any judge-gated launch.`);
    }
    return [];
  },
  fix(d, { model, parsed }) {
    const data = d.data as JudgeNewerThanCalibrationData | undefined;
    const m = model.judge?.model;
    if (!data || data.kind !== 'other-version' || !data.calibrated || !m) return [];
    return [{ title: `Pin the judge back to ${data.calibrated} (the version the latest calibration report checked)`, edits: [replaceNode(parsed, m.node, data.calibrated)] }];
  },
};
