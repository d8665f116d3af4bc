// Incident-cost ledger figures: per row, the overrun of a traffic shift, the churn cost of a quality
// regression or the overstatement of a coverage gap, with the cost per detection window and the
// detection-window sensitivity. Money is exact decimal arithmetic in the costs module.
//
// Rows are independent, and a keystroke changes one: each row's figures are remembered by the row's
// parse node and position and the traffic values it may use, so a ledger of hundreds of rows computes
// one row again, not all of them.
import type Decimal from 'decimal.js';
import {
  boundedDecimalString,
  coverageGapOverstatement,
  dailyChurnCost,
  detectionWindowSensitivity,
  formatExact,
  formatMultiplier,
  formatUsd,
  formatUsdRounded,
  pricedWindows,
  sessionsPerDay,
  trafficShiftIncident,
} from '../costs';
import type { Located } from '../model/read';
import type { EvalSpecModel, LedgerRowModel } from '../model/spec';
import type { SpecNode } from '../parse/specTree';
import { wholeValue } from '../incremental/readRecorder';
import { baselineOf } from './costFigures';
import { exactInput, formatPp } from './format';
import type { FigureNote, FigureSink } from './types';

// JSON decimals: exact to the last digit, except a quotient that does not terminate (12 significant digits).
const ex = boundedDecimalString;

/** The traffic values a quality regression falls back on for sessions per day. */
interface SessionInputs {
  sessionsPerDay?: Located<number>;
  qps?: Located<number>;
  requestsPerSession?: Located<number>;
}

/** What one row adds to the section: its JSON entry, its hint notes and its report lines. */
interface RowFigures {
  entry: Record<string, unknown>;
  notes: FigureNote[];
  lines: string[];
}
type RowSink = Pick<FigureSink, 'note' | 'lines'>;

export function ledgerFigures(m: EvalSpecModel, out: FigureSink): void {
  const rows = m.ledger?.rows ?? [];
  if (rows.length === 0) return;
  const baseline = baselineOf(m);
  const t = m.traffic;
  const sessions: SessionInputs = { sessionsPerDay: wholeValue(t?.sessionsPerDay), qps: wholeValue(t?.qps), requestsPerSession: wholeValue(t?.requestsPerSession) };
  const json: Record<string, unknown>[] = [];
  out.json['ledger'] = json;
  const inputs = inputsText(baseline, sessions);
  for (const view of rows) {
    // An incremental analysis compares the whole row (each row's figures carry its ranges), and the
    // row's computation reads it directly.
    const r = rowFigures(wholeValue(view), baseline, sessions, inputs);
    json.push(r.entry);
    for (const n of r.notes) out.note(n);
    out.lines.push(...r.lines);
  }
}

function computeRow(row: LedgerRowModel, baseline: Decimal | undefined, sessions: SessionInputs): RowFigures {
  const id = row.id?.value ?? '(unnamed row)';
  const kind = row.kind?.value;
  const r: RowFigures = { entry: { id, kind }, notes: [], lines: [] };
  const out: RowSink = { note: (n) => void r.notes.push(n), lines: r.lines };
  if (kind === 'traffic_shift') trafficShift(row, id, baseline, r.entry, out);
  else if (kind === 'quality_regression') qualityRegression(sessions, row, id, r.entry, out);
  else if (kind === 'coverage_gap') coverageGap(row, id, r.entry, out);
  return r;
}

/** A row's figures, and what they were computed from besides the row's text. */
interface KeptRow {
  line: number;
  character: number;
  inputs: string;
  figures: RowFigures;
}

// By the row's parse node: the parser keeps a node while its text is unchanged, and a node at the same
// place reads into the same row, so the node, its position and the other inputs determine the figures.
// They are shared, never changed, by every analysis that finds the same.
const keptRows = new WeakMap<SpecNode, KeptRow>();

function rowFigures(row: LedgerRowModel, baseline: Decimal | undefined, sessions: SessionInputs, inputs: string): RowFigures {
  const { line, character } = row.keyRange.start;
  const kept = keptRows.get(row.node);
  if (kept && kept.line === line && kept.character === character && kept.inputs === inputs) return kept.figures;
  // Frozen: shared by later analyses, and computed from the row itself, so it holds no recording view.
  const figures = deepFreeze(computeRow(row, baseline, sessions));
  keptRows.set(row.node, { line, character, inputs, figures });
  return figures;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** The inputs of every row besides its own values, as exact text. */
function inputsText(baseline: Decimal | undefined, sessions: SessionInputs): string {
  const located = (l: Located<number> | undefined) => (l ? [l.raw, l.value] : null);
  return JSON.stringify([baseline?.toString() ?? null, located(sessions.sessionsPerDay), located(sessions.qps), located(sessions.requestsPerSession)]);
}

interface WindowCost {
  window: string;
  minutes: string;
  cost: string;
}

interface Sensitivity {
  from: string;
  to: string;
  ratio: string;
}

function windows(row: LedgerRowModel, perDay: Decimal): { costs: WindowCost[]; labels: string[]; sens: Sensitivity[]; overall?: Sensitivity } | undefined {
  const det = row.detection;
  if (!det || det.length === 0) return undefined;
  const costs: WindowCost[] = [];
  const labels: string[] = [];
  const mins: Decimal[] = [];
  // The one money model of a detection window (costs/trafficShiftIncident.ts), shared with the routing report.
  const unsorted = pricedWindows(perDay, det.map((d) => d.value));
  if (unsorted.length !== det.length) return undefined; // a window that is not a duration: the rules report it
  // Shortest first, whatever order the spec lists them in: a step's ratio is longer ÷ shorter
  // ([24h, 5m, 4h] gave "24h→5m 0×").
  const priced = [...unsorted].sort((a, b) => a.minutes.cmp(b.minutes));
  for (const p of priced) {
    mins.push(p.minutes);
    costs.push({ window: p.window, minutes: ex(p.minutes), cost: ex(p.cost) });
    labels.push(`${p.window} ${formatUsdRounded(p.cost)}`);
  }
  const sens: { from: string; to: string; ratio: string }[] = [];
  for (let i = 1; i < priced.length; i++) {
    if (mins[i - 1]!.isZero() || mins[i]!.isZero() || mins[i - 1]!.eq(mins[i]!)) continue;
    sens.push({ from: priced[i - 1]!.window, to: priced[i]!.window, ratio: ex(detectionWindowSensitivity(mins[i - 1]!, mins[i]!)) });
  }
  // The row's sensitivity: its longest window against its shortest (the product of the steps).
  let overall: Sensitivity | undefined;
  if (det.length >= 2) {
    let lo = 0;
    let hi = 0;
    mins.forEach((m, i) => {
      if (m.lt(mins[lo]!)) lo = i;
      if (m.gt(mins[hi]!)) hi = i;
    });
    if (!mins[lo]!.isZero() && lo !== hi) overall = { from: priced[lo]!.window, to: priced[hi]!.window, ratio: ex(detectionWindowSensitivity(mins[lo]!, mins[hi]!)) };
  }
  return { costs, labels, sens, overall };
}

function trafficShift(row: LedgerRowModel, id: string, baseline: Decimal | undefined, entry: Record<string, unknown>, out: RowSink): void {
  if (!row.share || !row.costMultiplier) return;
  if (!baseline) {
    entry['undefinedBecause'] = 'the traffic block (qps, avg_output_tokens, price_per_1m_output_tokens) is missing or invalid, so there is no baseline to shift';
    return;
  }
  const overrun = trafficShiftIncident(exactInput(row.share), exactInput(row.costMultiplier), baseline, []).overrunPerDay;
  entry['overrunPerDay'] = ex(overrun);
  const w = windows(row, overrun);
  if (w) {
    entry['detectionWindows'] = w.costs;
    entry['sensitivity'] = w.sens;
    if (w.overall) entry['sensitivityOverall'] = w.overall;
  }
  const sensText = w?.sens.map((s) => `${s.from}→${s.to} ${formatMultiplier(s.ratio)}`).join(', ');
  out.note({
    id: `ledger.${id}`,
    anchor: row.keyRange,
    hint: `overrun ${formatUsd(overrun)}/day${w ? ` · ${w.labels.join(' · ')}` : ''}${sensText ? ` · ${sensText}` : ''}`,
    title: `Incident cost: ${id}`,
    formula: 'overrun/day = share × (multiplier − 1) × baseline; cost = overrun/day × window ÷ 24 h; sensitivity = long window ÷ short window',
    substituted: `${row.share.raw} × (${row.costMultiplier.raw} − 1) × ${formatUsd(baseline)}`,
    result: `${formatUsd(overrun)} per day${w ? `; ${w.costs.map((c) => `${c.window}: ${formatUsd(c.cost)}`).join(', ')}` : ''}${sensText ? `; ${sensText}` : ''}${w?.overall ? `; ${w.overall.from} against ${w.overall.to}: ${formatMultiplier(w.overall.ratio)}` : ''}`,
    caveats: ['The (multiplier − 1) counts only the excess: the baseline already pays for the shifted requests once.', 'Shortening detection cuts this cost in proportion; it is the largest lever on incident cost.'],
  });
  out.lines.push(`ledger ${id}: overrun ${formatUsd(overrun)}/day${w ? `; ${w.costs.map((c) => `${c.window} ${formatUsd(c.cost)}`).join(', ')}` : ''}${sensText ? `; sensitivity ${sensText}` : ''}`);
}

function qualityRegression(t: SessionInputs, row: LedgerRowModel, id: string, entry: Record<string, unknown>, out: RowSink): void {
  if (!row.cohortShare || !row.abandonmentIncrease || !row.valuePerSession) return;
  let sessions: Decimal | string | undefined = row.sessionsPerDay ? exactInput(row.sessionsPerDay).toString() : t.sessionsPerDay ? exactInput(t.sessionsPerDay).toString() : undefined;
  if (!sessions && t.qps && t.requestsPerSession) sessions = sessionsPerDay(exactInput(t.qps), exactInput(t.requestsPerSession));
  if (!sessions) {
    entry['undefinedBecause'] = 'sessions per day are unknown: set traffic.sessions_per_day (or requests_per_session), or sessions_per_day on the row';
    return;
  }
  const churn = dailyChurnCost({ cohortShare: exactInput(row.cohortShare), abandonmentIncrease: exactInput(row.abandonmentIncrease), sessionsPerDay: sessions, valuePerSession: exactInput(row.valuePerSession) });
  entry['lostShare'] = ex(churn.lostShare);
  entry['lostSessionsPerDay'] = ex(churn.lostSessionsPerDay);
  entry['churnCostPerDay'] = ex(churn.costPerDay);
  const w = windows(row, churn.costPerDay);
  if (w) {
    entry['detectionWindows'] = w.costs;
    entry['sensitivity'] = w.sens;
    if (w.overall) entry['sensitivityOverall'] = w.overall;
  }
  out.note({
    id: `ledger.${id}`,
    anchor: row.keyRange,
    hint: `${formatPp(Number(churn.lostShare))} of sessions lost · ${formatUsd(churn.costPerDay)}/day${w ? ` · ${w.labels.join(' · ')}` : ''}`,
    title: `Churn cost of a quality regression: ${id}`,
    formula: 'lost share = cohort share × abandonment increase; cost/day = lost share × sessions/day × value per session',
    substituted: `${row.cohortShare.raw} × ${row.abandonmentIncrease.raw} × ${formatExact(sessions)} × $${row.valuePerSession.raw}`,
    result: `${formatExact(churn.lostSessionsPerDay)} sessions and ${formatUsd(churn.costPerDay)} per day`,
    caveats: ['Value per session is a placeholder for your product\'s lifetime value; the churn compounds week over week while no cost alert fires.'],
  });
  out.lines.push(`ledger ${id}: ${formatExact(churn.lostSessionsPerDay)} lost sessions/day, ${formatUsd(churn.costPerDay)}/day`);
}

function coverageGap(row: LedgerRowModel, id: string, entry: Record<string, unknown>, out: RowSink): void {
  if (!row.uncoveredShare || !row.passRateGap) return;
  const over = coverageGapOverstatement(exactInput(row.uncoveredShare), exactInput(row.passRateGap));
  entry['qualityOverstatedBy'] = ex(over);
  out.note({
    id: `ledger.${id}`,
    anchor: row.keyRange,
    hint: `eval overstates quality by ${formatPp(Number(over))}`,
    title: `Quality overstated by a coverage gap: ${id}`,
    formula: 'overstatement = uncovered share × pass-rate gap',
    substituted: `${row.uncoveredShare.raw} × ${row.passRateGap.raw}`,
    result: `${formatPp(Number(over))}: the golden set reports the legacy pass rate while production runs that much lower`,
    caveats: ['Re-sample the golden set from recent traffic when coverage falls; refresh at 75%.'],
  });
  out.lines.push(`ledger ${id}: quality overstated by ${formatPp(Number(over))}`);
}
