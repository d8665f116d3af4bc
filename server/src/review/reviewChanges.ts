// What changed between the spec at the baseline revision and now, figure by figure, in the units
// a reviewer reads: "golden set 200 → 6,147 (+5,947)", "baseline $/day $48,355.20 → $66,355.20
// (+$18,000.00)", "judge model judge-large@2026-01-01 → judge-large@2026-05-01". Only figures that
// differ are listed; a figure present on one side only shows "—" on the other.
import Decimal from 'decimal.js';
import { formatUsd } from '../core/costs/format';
import { formatCount } from '../core/figures/format';
import type { ReviewSpec } from './reviewModel';
import type { ReviewChange } from './reviewTypes';

type Figures = Record<string, any>;
const none = '—';

function countChange(figure: string, a: unknown, b: unknown): ReviewChange | null {
  const x = typeof a === 'number' ? a : null;
  const y = typeof b === 'number' ? b : null;
  if (x === y) return null;
  const d = x !== null && y !== null ? y - x : null;
  return { figure, before: x === null ? none : formatCount(x), after: y === null ? none : formatCount(y), delta: d === null ? null : `${d > 0 ? '+' : '-'}${formatCount(Math.abs(d))}` };
}

function moneyChange(figure: string, a: unknown, b: unknown, unit = ''): ReviewChange | null {
  const x = typeof a === 'string' ? new Decimal(a) : null;
  const y = typeof b === 'string' ? new Decimal(b) : null;
  if (x === null && y === null) return null;
  if (x !== null && y !== null && x.equals(y)) return null;
  const d = x !== null && y !== null ? y.minus(x) : null;
  return {
    figure,
    before: x === null ? none : `${formatUsd(x)}${unit}`,
    after: y === null ? none : `${formatUsd(y)}${unit}`,
    delta: d === null ? null : `${d.isNeg() ? '' : '+'}${formatUsd(d)}${unit}`,
  };
}

function textChange(figure: string, a: string | number | null | undefined, b: string | number | null | undefined): ReviewChange | null {
  const x = a === undefined || a === null ? null : String(a);
  const y = b === undefined || b === null ? null : String(b);
  if (x === y) return null;
  return { figure, before: x ?? none, after: y ?? none, delta: null };
}

function ledgerChanges(before: Figures[], after: Figures[]): (ReviewChange | null)[] {
  const out: (ReviewChange | null)[] = [];
  const byId = (rows: Figures[]) => new Map(rows.map((r) => [String(r['id']), r]));
  const b = byId(before);
  const a = byId(after);
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const x = b.get(id);
    const y = a.get(id);
    if (!x || !y) {
      out.push({ figure: `ledger row ${id}`, before: x ? 'present' : none, after: y ? 'present' : 'removed', delta: null });
      continue;
    }
    out.push(moneyChange(`ledger ${id} overrun`, x['overrunPerDay'], y['overrunPerDay'], '/day'));
    out.push(moneyChange(`ledger ${id} churn cost`, x['churnCostPerDay'], y['churnCostPerDay'], '/day'));
    const windows = (r: Figures) => new Map(((r['detectionWindows'] ?? []) as { window: string; cost: string }[]).map((w) => [w.window, w.cost]));
    const wx = windows(x);
    const wy = windows(y);
    for (const w of new Set([...wx.keys(), ...wy.keys()])) out.push(moneyChange(`ledger ${id} cost at ${w}`, wx.get(w), wy.get(w)));
    const s = (r: Figures) => (r['sensitivityOverall'] ? `${r['sensitivityOverall'].from}→${r['sensitivityOverall'].to} ${new Decimal(r['sensitivityOverall'].ratio).toDecimalPlaces(2).toString()}×` : null);
    out.push(textChange(`ledger ${id} detection-window sensitivity`, s(x), s(y)));
  }
  return out;
}

export function reviewChanges(previous: ReviewSpec, current: ReviewSpec): ReviewChange[] {
  const p = previous.report.figures as Figures;
  const c = current.report.figures as Figures;
  const pj = previous.model?.judge;
  const cj = current.model?.judge;
  const changes: (ReviewChange | null)[] = [
    countChange('golden set', p['goldenSet']?.declared?.size, c['goldenSet']?.declared?.size),
    countChange('golden set needed', p['goldenSet']?.required, c['goldenSet']?.required),
    moneyChange('baseline $/day', p['traffic']?.baselineDailyCost, c['traffic']?.baselineDailyCost),
    moneyChange('router $/day', p['router']?.blendedDailyCost, c['router']?.blendedDailyCost),
    ...ledgerChanges((p['ledger'] ?? []) as Figures[], (c['ledger'] ?? []) as Figures[]),
    textChange('judge model', pj?.model?.value, cj?.model?.value),
    textChange('production model', pj?.productionModel?.value, cj?.productionModel?.value),
    textChange('reference judge', pj?.referenceJudge?.value, cj?.referenceJudge?.value),
    textChange('min Spearman', pj?.calibration?.minSpearman?.value, cj?.calibration?.minSpearman?.value),
  ];
  return changes.filter((x): x is ReviewChange => x !== null);
}
