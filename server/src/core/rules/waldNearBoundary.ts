// Rule: the golden set uses Wald where Wald is known to be wrong. With few expected passes or
// failures (n·p or n·(1 − p) under 10) the normal approximation understates the interval and can
// reach past 0 or 1; the message gives the Wilson and Clopper-Pearson sizes (at whole pass counts)
// for the same target, or their half-widths at the declared size. Fix: interval: wilson.
import { formatCount, formatNumber, formatPp } from '../figures/format';
import { equalSplit } from '../figures/goldenSetDeclared';
import { cellName, type SizingCell } from '../figures/sizing/cells';
import { cellHalfWidth, cellPrecision } from '../figures/sizing/precision';
import { insertEntries, replaceNode } from './edits';
import type { Rule } from './rule';

/** Below this many expected passes or failures Wald is not trusted (the usual np ≥ 10 rule). */
export const WALD_MIN_EXPECTED = 10;

interface Finding {
  cell: SizingCell;
  n: number;
  expected: number;
  text: string;
}

function sizedAt(ctx: Parameters<Rule['check']>[0]): Finding | undefined {
  const g = ctx.model.goldenSet!;
  const f = ctx.figures.goldenSet!;
  const cells = f.cells.filter((c) => c.method === 'wald' && c.metric.kind === 'proportion');
  let worst: Finding | undefined;
  for (const cell of cells) {
    const p = cell.p!;
    const h = g.targetHalfWidth?.value;
    let n: number | undefined;
    if (h !== undefined) n = cellPrecision(cell, h, f.confidence).wald;
    else if (g.size) n = cell.cohort ? equalSplit(g.size.value, f.cells.filter((c) => c.metric === cell.metric).map((c) => c.cohort!.name)).get(cell.cohort.name) : g.size.value;
    if (!n) continue;
    const expected = Math.min(n * p, n * (1 - p));
    if (expected >= WALD_MIN_EXPECTED || (worst && expected >= worst.expected)) continue;
    const which = n * p < n * (1 - p) ? `n·p = ${formatNumber(n * p, 1)}` : `n·(1 − p) = ${formatNumber(n * (1 - p), 1)}`;
    let text: string;
    if (h !== undefined) {
      const need = cellPrecision({ ...cell, method: 'wilson' }, h, f.confidence);
      text = `Wald says ${formatCount(n)} give ±${formatPp(h)}, but ${which} is under ${WALD_MIN_EXPECTED}: Wilson needs ${formatCount(need.wilson)} and Clopper-Pearson ${formatCount(need.exact)} for ±${formatPp(h)}`;
    } else {
      text = `at ${formatCount(n)} examples ${which} is under ${WALD_MIN_EXPECTED}: Wald gives ±${formatPp(cellHalfWidth(cell, n, f.confidence), 2)}, Wilson ±${formatPp(cellHalfWidth(cell, n, f.confidence, 'wilson'), 2)}, Clopper-Pearson ±${formatPp(cellHalfWidth(cell, n, f.confidence, 'exact'), 2)}`;
    }
    worst = { cell, n, expected, text };
  }
  return worst;
}

export const waldNearBoundary: Rule = {
  code: 'wald-near-boundary',
  section: 'golden_set',
  defaultSeverity: 'warning',
  summary: 'interval: wald with fewer than 10 expected passes or failures in a cell, where the Wald interval is known to be wrong.',
  check(ctx) {
    const g = ctx.model.goldenSet;
    if (!g || !ctx.figures.goldenSet) return [];
    const w = sizedAt(ctx);
    if (!w) return [];
    return [{ range: g.interval?.range ?? g.keyRange, message: `${cellName(w.cell)} at p = ${w.cell.p}: ${w.text}. Use interval: wilson (or exact) near 0 and 1.`, data: { n: w.n } }];
  },
  fix(_d, { model, parsed }) {
    const g = model.goldenSet;
    if (!g) return [];
    const edit = g.interval ? replaceNode(parsed, g.interval.node, 'wilson') : insertEntries(parsed, g.node, [{ key: 'interval', value: 'wilson' }]);
    return edit ? [{ title: 'Use the Wilson interval (interval: wilson)', edits: [edit], isPreferred: true }] : [];
  },
};
