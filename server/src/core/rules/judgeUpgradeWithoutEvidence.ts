// Rule: the judge model changed since the last committed spec and the change names no calibration
// evidence for the new version. The seed treats a judge upgrade as its own release event, with a full
// calibration report before it goes live (and never in the same deploy as the production model, which
// judge-production-co-drift checks). The evidence is `calibration.report`: the ρ check of the new
// version (`judge`, `checked_on`) and the report file (`path`). Without it judge-gated launches are
// BLOCKED, the same gate as judge-newer-than-calibration (which reports a report naming another version).
import { replaceNode } from './edits';
import { JUDGE_VERSION_GATE } from './judgeNewerThanCalibration';
import { sameModel } from './modelNames';
import type { Rule } from './rule';

export interface JudgeUpgradeWithoutEvidenceData {
  previousJudge: string;
  judge: string;
  /** `no-report`: no calibration.report; `no-path`: a report of the new version without its file. */
  kind: 'no-report' | 'no-path';
  blocked: true;
  gate: typeof JUDGE_VERSION_GATE;
}

export const judgeUpgradeWithoutEvidence: Rule = {
  code: 'judge-upgrade-without-evidence',
  section: 'judge',
  defaultSeverity: 'error',
  summary: 'The judge model changed since the last committed spec without naming the calibration report of the new version: judge-gated launches are blocked.',
  comparesWithCommitted: true,
  launchGate: JUDGE_VERSION_GATE,
  check({ model, previous }) {
    const j = model.judge;
    const before = previous?.judge?.model?.value;
    if (!j?.model || !before || j.kind?.value === 'embedding' || sameModel(j.model.value, before) || j.model.value.trim() === before.trim()) return [];
    const r = j.calibration?.report;
    if (r?.judge && !sameModel(r.judge.value, j.model.value)) return []; // judge-newer-than-calibration reports it
    if (r && r.node.kind === 'map' && !r.judge) return []; // invalid: the schema reports it
    const kind = r?.path ? undefined : r ? 'no-path' : 'no-report';
    if (!kind) return [];
    const data: JudgeUpgradeWithoutEvidenceData = { previousJudge: before, judge: j.model.value, kind, blocked: true, gate: JUDGE_VERSION_GATE };
    const what = kind === 'no-report'
      ? 'names no calibration report of the new version (calibration.report: judge, checked_on, spearman, path)'
      : 'records a check of the new version but not the report itself (calibration.report.path)';
    return [{ range: j.model.range, message: `Judge-gated launches are BLOCKED: the judge was upgraded from ${before} to ${j.model.value} in this change, which ${what}. A judge upgrade is its own release, with a full calibration report (a Spearman ρ check against fresh human labels) before it goes live.`, data }];
  },
  fix(d, { model, parsed }) {
    const data = d.data as JudgeUpgradeWithoutEvidenceData | undefined;
    const m = model.judge?.model;
    if (!data || !m) return [];
    return [{ title: `Keep the judge at ${data.previousJudge} in this change (release the upgrade with its calibration report)`, edits: [replaceNode(parsed, m.node, data.previousJudge)] }];
  },
};
