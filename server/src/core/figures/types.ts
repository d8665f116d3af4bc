// Figures computed from a spec. Each figure is computed once per document version and rendered by
// every client: as JSON (CLI `--format json`, the `evalspec/analysis` request), as inlay hints, in
// hovers (formula, values substituted, result, caveats) and as text lines in the CLI report.
import type { Range } from '../types';
import { cleanNumbers } from './format';

/** One computed figure anchored to the line it explains. */
export interface FigureNote {
  /** Stable id, e.g. `goldenSet.halfWidth`, `ledger.router-drift.window.4h`. */
  id: string;
  /** Range of the key the figure explains (the hint goes at the end of its line). */
  anchor: Range;
  /** Short text for an inlay hint: "±5.5 pp (Wilson)", "$66,355.20/day". */
  hint: string;
  /** Hover title: what the figure is. */
  title: string;
  /** The formula, in symbols. */
  formula: string;
  /** The formula with this spec's values substituted. */
  substituted: string;
  /** The result as people read it. */
  result: string;
  /** Where the figure misleads (Wald near 0 and 1, per-cohort ceilings, precision vs power). */
  caveats: string[];
}

export interface SpecFigures {
  /** Structured, JSON-ready figures: numbers as numbers, money and exact values as decimal strings. */
  json: Record<string, unknown>;
  notes: FigureNote[];
  /** Human-readable summary lines for the CLI's text report. */
  lines: string[];
}

export class FigureSink {
  readonly notes: FigureNote[] = [];
  readonly lines: string[] = [];

  /** `json` may be given: an incremental analysis passes one that records what a figure reads. */
  constructor(readonly json: Record<string, unknown> = {}) {}

  note(n: FigureNote): void {
    this.notes.push(n);
  }

  done(): SpecFigures {
    const json: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.json)) json[k] = cleanedOnce(v);
    return { json, notes: this.notes, lines: this.lines };
  }
}

/**
 * A section's figures are not changed once written, and an incremental analysis replays the same
 * objects for every section whose inputs did not change: each is cleaned once, not on every keystroke.
 */
const cleaned = new WeakMap<object, unknown>();

function cleanedOnce(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return cleanNumbers(v);
  let out = cleaned.get(v);
  if (out === undefined) cleaned.set(v, (out = cleanNumbers(v)));
  return out;
}
