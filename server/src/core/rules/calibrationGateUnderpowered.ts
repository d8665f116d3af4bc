// Rule: the calibration gate "block when ρ̂ < min_spearman" blocks a good judge (true ρ 0.05 above
// the gate) at least one time in four at the declared number of examples. The fix sizes the
// calibration set so the gate tells the two apart (one-sided 5% false block, 80% power).
import { calibrationExamplesForGate, goodJudgeRho } from '../figures/judging';
import { correlationGate } from '../stats';
import { replaceNode } from './edits';
import type { Rule } from './rule';

/** P(block | good judge) at or above this is flagged. */
export const MAX_GOOD_JUDGE_BLOCK = 0.25;

export interface CalibrationGateUnderpoweredData {
  examples: number;
  needed: number;
  pBlock: number;
}

export const calibrationGateUnderpowered: Rule = {
  code: 'calibration-gate-underpowered',
  section: 'judge',
  defaultSeverity: 'warning',
  summary: 'At this calibration size the ρ gate blocks a good judge at least one time in four.',
  check({ model }) {
    const cal = model.judge?.calibration;
    const n = cal?.examples;
    const t = cal?.minSpearman;
    if (!n || !t || !(t.value > -1 && t.value < 0.98)) return [];
    const rho = goodJudgeRho(t.value);
    const gate = correlationGate('spearman', n.value, rho, t.value);
    const needed = calibrationExamplesForGate(t.value);
    if (!gate.defined || gate.value.pBlock < MAX_GOOD_JUDGE_BLOCK || !needed || needed <= n.value) return [];
    const data: CalibrationGateUnderpoweredData = { examples: n.value, needed, pBlock: gate.value.pBlock };
    return [{ range: n.range, message: `With ${n.value} examples the gate "ρ̂ < ${t.raw}" blocks a judge whose true ρ is ${rho.toFixed(2)} ${Math.round(100 * gate.value.pBlock)}% of the time; ${needed.toLocaleString('en-US')} examples tell ρ = ${rho.toFixed(2)} from ${t.raw} (5% false block, 80% power).`, data }];
  },
  fix(diag, { model, parsed }) {
    const n = model.judge?.calibration?.examples;
    const data = diag.data as CalibrationGateUnderpoweredData | undefined;
    if (!n || !data) return [];
    return [{ title: `Size the calibration set for the gate: ${data.needed} examples`, edits: [replaceNode(parsed, n.node, String(data.needed))], isPreferred: true }];
  },
};
