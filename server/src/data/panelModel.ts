// What the calibration and routing panels show, and what `evalspec report --format json` prints:
// one plain-data shape per report, computed by the core from the data file a spec names, and read
// by the server (requests, diagnostics), the CLI (text/json/markdown) and the webview (charts,
// tables). Plain JSON (no Dates, no typed arrays, no NaN: a missing figure is `null`), so it
// crosses the LSP and webview boundaries unchanged. Declared once here; the client and the webview
// import these types.
import type { IncidentMoneyPanel } from './incidentText';

/** An estimate with its seeded-bootstrap interval; `null` bounds when the interval is undefined. */
export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
  /** Why `value` is null (n < 3, a constant column…). */
  reason?: string;
}

/** How the file was read: rows used and rows left out, with the first examples. */
export interface DataSource {
  /** The path as the spec wrote it. */
  path: string;
  /** The built-in reader's file format, or the SQL engine that computed the report. */
  format: 'csv' | 'jsonl' | 'parquet' | 'duckdb' | 'clickhouse';
  bytes: number;
  rows: number;
  badRows: {
    count: number;
    examples: { row: number; line: number; column: string | null; message: string }[];
  };
}

export interface SpearmanRow {
  /** "all", a cohort name or a month (YYYY-MM), exactly as in the data file. */
  label: string;
  n: number;
  rho: Estimate;
  /** Fisher-z interval for ρ (Bonett–Wright factor for Spearman) at the bootstrap's confidence; null when ρ is undefined or n ≤ 3. */
  fisherZ?: { low: number; high: number } | null;
  /** True when the upper end of the interval (or ρ, without one) is below the threshold. */
  below: boolean;
}

export interface KappaBatch {
  batch: string;
  n: number;
  kappa: Estimate;
  excluded: boolean;
}

export interface ReliabilityBin {
  /** Confidence bin [from, to). */
  from: number;
  to: number;
  n: number;
  meanConfidence: number | null;
  /** Share of verdicts in the bin that agree with the human label. */
  accuracy: number | null;
}

export interface CalibrationPanelModel {
  kind: 'calibration';
  specName: string | null;
  source: DataSource;
  /** `passMark`: which scores count as a pass, from the spec (or inferred, and said so). */
  thresholds: { minSpearman: number; minKappa: number; highConfidence: number; passMark: string };
  bootstrap: { resamples: number; seed: number; confidence: number };
  /** Rows whose labels lie outside the spec's label_set (left out of every figure); null without a label_set. */
  labelsOutsideSet: { rows: number; labels: { column: string; label: string; count: number }[] } | null;
  /** The spec's `examples` per refresh against the rows per refresh period in the file; null when it cannot be compared. */
  sampling: { declared: number; refresh: string; rowsPerPeriod: number; ratio: number; far: boolean } | null;
  /** Judge-gated launches blocked, and why, in one sentence. */
  /** `evidence: 'missing'`: blocked because nothing could be computed (the gate fails closed). */
  verdict: { blocked: boolean; summary: string; evidence: 'sufficient' | 'missing' };
  spearman: { overall: SpearmanRow; byCohort: SpearmanRow[]; byMonth: SpearmanRow[] };
  /** Month trend in month order; `crossedAt` is the first month whose ρ fell below the threshold. */
  trend: { crossedAt: string | null };
  kappa: { weighting: string; batches: KappaBatch[]; excludedCount: number } | null;
  highConfidence: { threshold: number; n: number; precision: Estimate; meanConfidence: number | null } | null;
  reliability: ReliabilityBin[];
  /** Judge score × human label counts (both on the same ordinal scale). */
  judgeVsHuman: { judge: number; human: number; count: number }[];
}

export type RoutingAlertKind = 'flagship-share' | 'p10-confidence' | 'cost-share';

export interface RoutingAlert {
  kind: RoutingAlertKind;
  /** What the alert watches, in words, with its threshold. */
  label: string;
  /** ISO time of the first hour it fires, or null when it never fires. */
  firstFiredAt: string | null;
  /** The watched value when it first fired and the limit it crossed. */
  value: number | null;
  limit: number | null;
  tier: string | null;
}

export interface RoutingPanelModel {
  kind: 'routing';
  specName: string | null;
  source: DataSource;
  /** Tiers in spec order (then any others found in the data), and which one is the flagship. */
  tiers: string[];
  flagshipTier: string | null;
  /** First and last request time (ISO). */
  span: { from: string; to: string } | null;
  /**
   * Per tier: share of requests in the 1 h rolling window ending at each hour's end, against the
   * trailing 30-day baseline share at that hour (null before enough history); `baseline` is the last one.
   */
  shares: { tier: string; baseline: number | null; points: { t: string; share: number; baseline: number | null }[] }[];
  /** Daily p10 of router confidence (the p10 alert is evaluated per day); `t` is the day, YYYY-MM-DD. */
  p10: { t: string; p10: number }[];
  alerts: RoutingAlert[];
  costPerTier: { tier: string; requests: number; cost: number; costShare: number; costPerRequest: number | null }[];
  totalCost: number;
  /** The log → declared traffic factor (router.sample_rate, else traffic.qps over the logged rate), or why there is none. */
  scale: { factor: number; statement: string; costPerDayScaled: number | null } | null;
  scaleReason: string | null;
  /**
   * The incident (first alert onwards). `costSoFar` and `windows` are the log's own dollars (a sample);
   * `money` is the incident at the declared traffic and on the ledger's price basis (incidentPanel.ts).
   */
  incident: { startedAt: string | null; costSoFar: number | null; windows: { window: string; cost: number | null }[]; ledgerId: string | null; money: IncidentMoneyPanel | null } | null;
  /** Threshold sweep over the requests where both tiers' quality is known. */
  frontier: {
    n: number;
    points: { threshold: number; costPerRequest: number; quality: number; pareto: boolean }[];
    current: { threshold: number | null; costPerRequest: number; quality: number } | null;
  } | null;
}

export type PanelModel = CalibrationPanelModel | RoutingPanelModel;
export type ReportKind = PanelModel['kind'];

/**
 * A tier as a legend or table names it: the flagship tier gets "(flagship)" unless its name already
 * says so, so a tier called `flagship` reads "flagship" once, not "flagship (flagship)".
 */
export function tierLabel(tier: string, flagshipTier: string | null): string {
  return tier === flagshipTier && !/flagship/i.test(tier) ? `${tier} (flagship)` : tier;
}
