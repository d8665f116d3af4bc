import type { BadRowSummary } from '../data/index';
import type { Defined } from '../types';

export interface CalibrationReportOptions {
  /** Spearman ρ below this blocks judge-gated launches. Default 0.75 (seed: "ρ < 0.75"). */
  minSpearman?: number;
  /**
   * The judge model (`judge.model`) and the release date its version names (a date version), when it
   * has one: labels whose latest month is before that month cannot have checked this version, so the
   * gate is BLOCKED for lack of evidence (calibrationVerdict.ts).
   */
  judge?: { model: string; releasedOn: string };
  /** Batches whose Cohen's κ between the annotators is below this are excluded. Default 0.80. */
  minKappa?: number;
  /** A verdict is high-confidence when judge_confidence ≥ this. Default 0.8. */
  highConfidenceThreshold?: number;
  /** The spec's ordered label set (worst to best), `judge.calibration.label_set`: κ over these categories, labels outside it counted and left out, text labels read as their index, and (without pass_labels / pass_threshold) the upper half passes. */
  labelSet?: readonly (string | number)[];
  /** `pass_threshold`: a score at or above it passes (passMark.ts). */
  passThreshold?: number;
  /** `pass_labels`: exactly these labels pass (passMark.ts). */
  passLabels?: readonly (string | number)[];
  /** `examples` and `refresh` of the spec: compared with the rows per refresh period in the file. */
  examplesPerRefresh?: number;
  refresh?: string;
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
  settings: Required<Omit<CalibrationReportOptions, 'labels' | 'bootstrap' | 'labelSet' | 'passThreshold' | 'passLabels' | 'examplesPerRefresh' | 'refresh' | 'judge'>> & {
    labels: number[] | null;
    labelSet: (string | number)[] | null;
    /** The pass mark in force and where it came from (passMark.ts). */
    passMark: { rule: string; source: 'pass_labels' | 'pass_threshold' | 'label_set' | 'inferred' };
    bootstrap: { resamples: number; confidence: number; seed: number };
  };
  /** Rows left out because a label lies outside label_set (absent without a label set). */
  labelsOutsideSet?: { rows: number; labels: { column: string; label: string; count: number }[] };
  /** The declared examples per refresh against the rows per refresh period in the file. */
  sampling: Defined<{ declared: number; refresh: string; periods: number; rowsPerPeriod: number; ratio: number; far: boolean }>;
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
