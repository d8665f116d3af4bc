// What each cadence run can resolve: the interval half-width its `examples` give the binding sized
// metric (overall; a stratified weekly run also per cohort), and the smallest change two such runs
// could tell apart, so a reviewer sees that a 200-example pre-merge run cannot see a 2 pp regression.
import type { EvalSpecModel } from '../model/spec';
import { pooledMinDetectableDifference } from '../stats';
import { formatCount, formatPercent, formatPp } from './format';
import type { GoldenSetFigures } from './goldenSetFigures';
import type { SizingCell } from './sizing/cells';
import { cellHalfWidth } from './sizing/precision';
import { halfWidthText, methodName } from './sizing/text';
import type { FigureSink } from './types';

const RUNS = [
  ['pre_merge', 'preMerge', 'pre-merge'],
  ['daily', 'daily', 'daily'],
  ['weekly', 'weekly', 'weekly'],
] as const;

function shownCell(f: GoldenSetFigures): SizingCell | undefined {
  const b = f.binding === 'power' ? f.power?.bindingCell : f.precision?.bindingCell ?? f.power?.bindingCell;
  return b ?? f.cells[0];
}

export function cadenceFigures(m: EvalSpecModel, f: GoldenSetFigures | undefined, out: FigureSink): void {
  const c = m.cadence;
  if (!c || !f) return;
  const base = shownCell(f);
  if (!base) return;
  const cell: SizingCell = { ...base, cohort: undefined };
  const json: Record<string, unknown> = {};
  for (const [key, prop, label] of RUNS) {
    const run = c[prop];
    const n = run?.examples?.value;
    if (!run || !n || !run.examples) continue;
    const hw = cellHalfWidth(cell, n, f.confidence);
    const stratified = prop === 'weekly' && c.weekly?.stratified?.value === true && f.cohorts > 1 ? cellHalfWidth(cell, Math.max(1, Math.floor(n / f.cohorts)), f.confidence) : undefined;
    const mdd = cell.metric.kind === 'proportion' ? pooledMinDetectableDifference(cell.p!, n, { alpha: 1 - f.confidence, power: 0.8 }) : undefined;
    const detect = mdd?.down.defined ? mdd.down.value : undefined;
    json[key] = { examples: n, metric: cell.metric.id, halfWidth: hw, ...(stratified !== undefined ? { perCohortHalfWidth: stratified } : {}), ...(detect !== undefined ? { minDetectableDrop: detect } : {}) };
    const method = cell.metric.kind === 'mean' ? 'normal' : methodName[cell.method];
    out.note({
      id: `cadence.${key}.halfWidth`,
      anchor: run.examples.keyRange,
      hint: [`${halfWidthText(cell, hw)} (${method})`, stratified !== undefined ? `${halfWidthText(cell, stratified)} per cohort` : undefined].filter(Boolean).join(' · '),
      title: `What one ${label} run of ${formatCount(n)} resolves`,
      formula: cell.method === 'wald' || cell.metric.kind === 'mean' ? 'half-width = z · √(p(1 − p)/n)' : `${method} interval at x = round(p·n)`,
      substituted: `${cell.metric.id}, ${cell.p !== undefined ? `p = ${cell.p}` : `sd = ${cell.metric.sd}`}, n = ${formatCount(n)}, ${formatPercent(f.confidence, 2)}`,
      result: `${halfWidthText(cell, hw, 2)} on ${cell.metric.id} overall${stratified !== undefined ? `; ${halfWidthText(cell, stratified, 2)} per cohort (${formatCount(Math.floor(n / f.cohorts))} each)` : ''}${detect !== undefined ? `; a drop smaller than ${formatPp(detect, 2)} between two runs goes unseen at 80% power` : ''}`,
      caveats: [],
    });
  }
  if (Object.keys(json).length) out.json['cadence'] = json;
}
