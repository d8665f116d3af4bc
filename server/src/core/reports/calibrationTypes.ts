import type { BadRowSummary } from '../data/index';
import type { Defined } from '../types';

export interface CalibrationReportOptions {
  /** Spearman ρ below this blocks judge-gated launches. Default 0.75 (seed: "ρ < 0.75"). */
  minSpearman?: number;
  /** Batches whose Cohen's κ between the annotators is below this are excluded. Default 0.80. */
  minKappa?: number;
  /** A verdict is high-confidence when judge_confidence ≥ this. Default 0.8. */
  highConfidenceThreshold?: number;
  /** A score at or above this is a pass (judge and human alike). Default 4 (seed: "score ≥ 4/5"). */
  passScore?: number;
  /** Human score compared with the judge: the mean of both annotators where both labelled ('mean', default) or the first annotator ('first'). */
  humanScore?: 'mean' | 'first';
  /** Leave the rows of low-κ batches out of ρ and precision (default true, per the seed's "before including the batch"). */
  excludeLowKappaBatches?: boolean;
  /** κ weighting, default unweighted. */
  kappaWeights?: 'none' | 'linear' | 'quadratic';
  /** Explicit label scale for κ and the judge-vs-human table (e.g. [1, 2, 3, 4, 5]); default the labels seen. */
  labels?: readonly number[];
  /** Percentile bootstrap: resamples (default 2000), confidence (0.95), seed (1). */
  bootstrap?: { resamples?: number; confidence?: number; seed?: number };
  /**
   * Budget of bootstrap draws for the whole report (default 80,000,000: about 7-9 ns of CPU a draw
   * for ordinal scores with the stats module's bootstrap, so at most about 0.7 s). Every interval uses
   * the same B = min(resamples, budget / (4 × rows)): the example set (1,800 rows) gets the full 2,000
   * resamples, 100,000 rows get 200. When B would fall under 200 (more than 100,000 rows), intervals
   * are skipped with a reason and only point estimates are given.
   */
  maxBootstrapDraws?: number;
  /** Reliability-diagram bins over [0, 1]. Default 10. */
  reliabilityBins?: number;
}

export interface RhoFigure {
  /** "overall", a cohort name or a month. */
  group: string;
  n: number;
  rho: Defined<number>;
  /** Percentile-bootstrap interval for ρ. */
  interval: Defined<{ lower: number; upper: number }>;
  resamples: number;
  /** ρ < minSpearman; null when ρ is undefined. */
  belowThreshold: boolean | null;
  /** The whole interval lies below the threshold. */
  clearlyBelow: boolean | null;
}

export interface KappaBatch {
  batch: string;
  /** Rows with both labels. */
  n: number;
  kappa: Defined<number>;
  interval: Defined<{ lower: number; upper: number }>;
  included: boolean;
  /** Why a batch is excluded. */
  reason?: string;
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanConfidence: Defined<number>;
  /** Share of verdicts in the bin the human confirmed (same pass/fail). */
  observedAgreement: Defined<number>;
}

export interface CalibrationReport {
  kind: 'calibration';
  rows: number;
  /** Rows in the ρ and precision figures (after excluding low-κ batches). */
  rowsUsed: number;
  settings: Required<Omit<CalibrationReportOptions, 'labels' | 'bootstrap'>> & { labels: number[] | null; bootstrap: { resamples: number; confidence: number; seed: number } };
  overall: RhoFigure;
  byCohort: RhoFigure[];
  byMonth: RhoFigure[];
  verdict: {
    /** Judge-gated launches blocked: ρ below the line, or no evidence (fails closed; never null). */
    blocked: boolean;
    /** `missing`: blocked because there is nothing to compute ρ from (see `reason`). */
    evidence: 'sufficient' | 'missing';
    /** Why the evidence is missing. */
    reason?: string;
    /** "latest month 2026-06" or "overall". */
    basis: string;
    rho: Defined<number>;
    rule: string;
    message: string;
  };
  trend: {
    months: { month: string; rho: Defined<number> }[];
    /** First month (in order) whose ρ is below minSpearman. */
    firstMonthBelow: string | null;
  };
  kappa: Defined<{ batchRule: string; batches: KappaBatch[]; excluded: string[]; rowsWithoutSecondLabel: number }>;
  highConfidence: Defined<{
    threshold: number;
    total: number;
    highConfidence: number;
    confirmed: number;
    precision: Defined<number>;
    highConfidenceShare: Defined<number>;
    meanConfidence: Defined<number>;
    /** Precision below the mean confidence the judge claimed for those verdicts. */
    overconfident: boolean | null;
  }>;
  reliability: Defined<ReliabilityBin[]>;
  /** Judge score (rows) × first annotator's label (columns), counts over all rows. */
  table: { judgeLabels: number[]; humanLabels: number[]; counts: number[][] };
  badRows?: BadRowSummary;
}
