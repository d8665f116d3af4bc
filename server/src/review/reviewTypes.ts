// The design-review document of one spec: what `evalspec review` prints (JSON, or Markdown through
// reviewMarkdown.ts) and what "EvalSpec: Export design review" saves. Built from the same report
// `check --format json` prints and the same calibration/routing models the panels draw; it
// computes no verdict of its own (the gates are the calibration report's and the diagnostics').

export const reviewVersion = 1;

export interface ReviewDiagnostic {
  code: string;
  severity: string;
  message: string;
  line: number;
}

export interface ReviewLedgerRow {
  id: string;
  kind: string;
  /** What a day of the incident costs or loses, in words ("overrun $119,439.36/day"). */
  impact: string;
  windows: { window: string; cost: string }[];
  /** Cost ratio of each detection window to the one before ("5m→4h 48×, 4h→24h 6×"), when the row has two or more. */
  sensitivity: string | null;
}

export interface ReviewChange {
  /** What changed, in words: "golden set", "baseline $/day", "judge model". */
  figure: string;
  before: string;
  after: string;
  /** The signed difference where one is defined ("+5,947", "+$18,000.00/day"). */
  delta: string | null;
}

export interface ReviewDocument {
  reviewVersion: number;
  file: string;
  name: string | null;
  verdict: {
    /** `blocked`: a launch gate is BLOCKED; `changes-required`: errors; `ready`: neither. */
    status: 'blocked' | 'changes-required' | 'ready';
    errors: number;
    warnings: number;
    /** Gates that are BLOCKED, each with its reason (the calibration report's verdict). */
    blockedGates: { gate: string; reason: string }[];
    /** Gates that did not run because their data file was not read. */
    notRun: string[];
    findings: ReviewDiagnostic[];
  };
  goldenSet: {
    declared: number | null;
    required: number | null;
    binding: string | null;
    shortfall: number | null;
    /** Each sized metric's ± at the declared size, saying whether it is per cohort or for the overall rate. */
    halfWidths: { metric: string; halfWidth: string }[];
    precisionTotal: number | null;
    powerTotal: number | null;
  } | null;
  costs: { baselinePerDay: string | null; routerPerDay: string | null };
  ledger: ReviewLedgerRow[];
  judge: {
    model: string | null;
    productionModel: string | null;
    referenceJudge: string | null;
    minSpearman: number | null;
    calibration: { status: 'read' | 'error' | 'not-read' | 'not-named'; blocked: boolean | null; summary: string; crossedAt: string | null };
  };
  routing: {
    status: 'read' | 'error' | 'not-read' | 'not-named';
    summary: string;
    alerts: { label: string; firstFiredAt: string | null }[];
    /** The incident priced like the ledger (the panel's and `report`'s figures, data/incidentText.ts), when the log shows one. */
    incident?: { lines: string[]; table: { header: string[]; rows: string[][] } | null };
  };
  /** With a baseline: what it was compared with and what changed, figure by figure. */
  baseline: {
    revision: string;
    commit: string | null;
    status: 'compared' | 'new';
    changes: ReviewChange[];
  } | null;
}
