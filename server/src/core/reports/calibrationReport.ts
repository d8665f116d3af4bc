// The judge-calibration report (seed text, Deep Dive A: calibration rot, "Detection metric",
// "Mitigation"). Calibration sets are small (tens to a few hundred thousand labelled rows), so the
// columns are collected into typed arrays (about 40 bytes a row) and every statistic comes from the
// stats module: spearmanRho / bootstrapSpearman, cohensKappa / bootstrapKappa, highConfidencePrecision,
// confusionMatrix.
//
// Rules, stated once:
//   - Batches: the `batch` column when present, otherwise month × cohort ("2026-03 / pro"), or month,
//     or cohort, or one batch "all". κ is computed per batch on rows where both annotators labelled;
//     a batch with κ ≤ minKappa (the seed: "κ > 0.80"), or with no κ (no second labels, or one shared
//     label), is excluded. When the file has no human_label_2 column at all, κ is undefined and every
//     row is left out (no batch can show κ > minKappa), so the gate is BLOCKED for lack of evidence.
//   - ρ (and the high-confidence precision) use the rows of included batches (option
//     excludeLowKappaBatches), with the human score = mean of the two annotators where both labelled.
//   - Verdict (calibrationVerdict.ts, fails closed): judge-gated launches are blocked when ρ of the
//     LATEST month of the file is below minSpearman (the seed checks a fresh monthly spot-check, not
//     the pooled history), or when there is no evidence for it; with no month column, overall ρ.
//     ρ = minSpearman is not blocked. The CI is reported beside it ("clearly below" when all of it is).
//   - Trend: ρ per month in month order (months sort as text, so write YYYY-MM); the first month below
//     the line is reported.
//   - High-confidence precision: verdicts with judge_confidence ≥ threshold that the human confirmed,
//     where confirmed = judge and human agree on pass vs fail by the spec's pass mark (passMark.ts). Overconfident when
//     that precision is below the mean confidence of those verdicts.
import { bootstrapKappa, bootstrapSpearman, cohensKappa, confusionMatrix, highConfidencePrecision, spearmanRho } from '../stats/index';
import type { RowBatch } from '../data/index';
import { defined, undefinedBecause, type Defined } from '../types';
import type { CalibrationReport, CalibrationReportOptions, KappaBatch, ReliabilityBin, RhoFigure } from './calibrationTypes';
import { calibrationVerdict } from './calibrationVerdict';
import { observeScores, passMark } from './passMark';

export const CALIBRATION_DEFAULTS = {
  minSpearman: 0.75,
  minKappa: 0.8,
  highConfidenceThreshold: 0.8,
  humanScore: 'mean' as const,
  excludeLowKappaBatches: true,
  kappaWeights: 'none' as const,
  resamples: 2000,
  confidence: 0.95,
  seed: 1,
  maxBootstrapDraws: 80_000_000,
  minResamples: 200,
  reliabilityBins: 10,
};

class Growable {
  data = new Float64Array(1024);
  length = 0;
  private reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + extra) size *= 2;
    const g = new Float64Array(size);
    g.set(this.data.subarray(0, this.length));
    this.data = g;
  }
  push(v: number): void {
    this.reserve(1);
    this.data[this.length++] = v;
  }
  /** Appends the first `count` values of a batch column, or `count` copies of `fill` when it is absent. */
  append(values: Float64Array | Int32Array | undefined, count: number, fill: number): void {
    this.reserve(count);
    if (values === undefined) this.data.fill(fill, this.length, this.length + count);
    else this.data.set(values.subarray(0, count), this.length);
    this.length += count;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** Labels outside the spec's label_set: counted, left out of every figure, reported. */
export interface LabelsOutsideSet {
  rows: number;
  /** Distinct labels found outside the set with their counts (at most 20 kept). */
  labels: { column: string; label: string; count: number }[];
}

const LABEL_COLUMNS = ['judge_score', 'human_label', 'human_label_2'] as const;

/**
 * Collects CALIBRATION_SCHEMA batches (copying them: batch arrays are reused by the readers). With a
 * textual `labelSet` the label columns arrive as categories and are stored as their index in the set;
 * a label outside the set (text or, for a numeric set, a human label) leaves its row out and is counted.
 */
export class CalibrationCollector {
  readonly judge = new Growable();
  readonly human1 = new Growable();
  readonly human2 = new Growable();
  readonly confidence = new Growable();
  readonly cohort = new Growable();
  readonly month = new Growable();
  readonly batch = new Growable();
  dictionaries: Record<string, readonly string[]> = {};
  hasHuman2 = false;
  hasConfidence = false;
  readonly outside: LabelsOutsideSet = { rows: 0, labels: [] };
  private readonly textual: boolean;
  private readonly index: Map<string, number> | undefined;

  constructor(readonly labelSet?: readonly (string | number)[]) {
    this.textual = !!labelSet && labelSet.some((l) => typeof l === 'string');
    this.index = labelSet ? new Map(labelSet.map((l, i) => [String(l), this.textual ? i : Number(l)])) : undefined;
  }

  add(b: RowBatch): void {
    this.dictionaries = b.dictionaries;
    const h2 = this.labelColumn(b, 'human_label_2');
    const c = b.numbers.judge_confidence;
    this.hasHuman2 ||= h2 !== undefined;
    this.hasConfidence ||= c !== undefined;
    const j = this.labelColumn(b, 'judge_score')!;
    const h1 = this.labelColumn(b, 'human_label')!;
    const n = b.length;
    const keep = this.keepMask(b, j, h1, h2);
    if (keep === undefined) {
      this.judge.append(j, n, Number.NaN);
      this.human1.append(h1, n, Number.NaN);
      this.human2.append(h2, n, Number.NaN);
      this.confidence.append(c, n, Number.NaN);
      this.cohort.append(b.categories.cohort, n, -1);
      this.month.append(b.categories.month, n, -1);
      this.batch.append(b.categories.batch, n, -1);
      return;
    }
    for (let i = 0; i < n; i++) {
      if (!keep[i]) continue;
      this.judge.push(j[i] as number);
      this.human1.push(h1[i] as number);
      this.human2.push(h2 ? (h2[i] as number) : Number.NaN);
      this.confidence.push(c ? (c[i] as number) : Number.NaN);
      this.cohort.push(b.categories.cohort ? (b.categories.cohort[i] as number) : -1);
      this.month.push(b.categories.month ? (b.categories.month[i] as number) : -1);
      this.batch.push(b.categories.batch ? (b.categories.batch[i] as number) : -1);
    }
  }

  /** A label column as numbers: the number itself, or a text label's index in the label set (NaN outside it or missing). */
  private labelColumn(b: RowBatch, key: (typeof LABEL_COLUMNS)[number]): Float64Array | undefined {
    if (!this.textual) return b.numbers[key];
    const codes = b.categories[key];
    if (!codes) return undefined;
    const dict = b.dictionaries[key] ?? [];
    const out = new Float64Array(b.length);
    for (let i = 0; i < b.length; i++) {
      const code = codes[i] as number;
      out[i] = code < 0 ? Number.NaN : (this.index!.get((dict[code] as string).trim()) ?? -1);
    }
    return out;
  }

  /** Rows to keep, or undefined when every row is kept. A textual label outside the set reads as −1 above. */
  private keepMask(b: RowBatch, j: Float64Array, h1: Float64Array, h2: Float64Array | undefined): Uint8Array | undefined {
    if (!this.index) return undefined;
    let keep: Uint8Array | undefined;
    const cols: [string, Float64Array | undefined][] = this.textual ? [['judge_score', j], ['human_label', h1], ['human_label_2', h2]] : [['human_label', h1], ['human_label_2', h2]];
    for (let i = 0; i < b.length; i++) {
      for (const [name, col] of cols) {
        if (!col) continue;
        const v = col[i] as number;
        const out = this.textual ? v === -1 : v === v && !this.index.has(String(v));
        if (!out) continue;
        keep ??= new Uint8Array(b.length).fill(1);
        if (keep[i]) this.outside.rows++;
        keep[i] = 0;
        this.noteOutside(name, this.textual ? textOf(b, name, i) : String(v));
      }
    }
    return keep;
  }

  private noteOutside(column: string, label: string): void {
    const hit = this.outside.labels.find((l) => l.column === column && l.label === label);
    if (hit) hit.count++;
    else if (this.outside.labels.length < 20) this.outside.labels.push({ column, label, count: 1 });
  }
}

function textOf(b: RowBatch, key: string, i: number): string {
  const code = b.categories[key]?.[i] ?? -1;
  return code >= 0 ? (b.dictionaries[key]?.[code] ?? '') : '';
}

function pick(values: Float64Array, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] as number] as number;
  return out;
}

export function calibrationReport(data: CalibrationCollector, options: CalibrationReportOptions = {}): Defined<CalibrationReport> {
  const settings: CalibrationReport['settings'] = {
    minSpearman: options.minSpearman ?? CALIBRATION_DEFAULTS.minSpearman,
    minKappa: options.minKappa ?? CALIBRATION_DEFAULTS.minKappa,
    highConfidenceThreshold: options.highConfidenceThreshold ?? CALIBRATION_DEFAULTS.highConfidenceThreshold,
    humanScore: options.humanScore ?? CALIBRATION_DEFAULTS.humanScore,
    excludeLowKappaBatches: options.excludeLowKappaBatches ?? CALIBRATION_DEFAULTS.excludeLowKappaBatches,
    kappaWeights: options.kappaWeights ?? CALIBRATION_DEFAULTS.kappaWeights,
    labels: options.labels ? [...options.labels] : labelSetCodes(options.labelSet),
    labelSet: options.labelSet ? [...options.labelSet] : null,
    passMark: { rule: '', source: 'inferred' },
    bootstrap: {
      resamples: options.bootstrap?.resamples ?? CALIBRATION_DEFAULTS.resamples,
      confidence: options.bootstrap?.confidence ?? CALIBRATION_DEFAULTS.confidence,
      seed: options.bootstrap?.seed ?? CALIBRATION_DEFAULTS.seed,
    },
    maxBootstrapDraws: options.maxBootstrapDraws ?? CALIBRATION_DEFAULTS.maxBootstrapDraws,
    reliabilityBins: options.reliabilityBins ?? CALIBRATION_DEFAULTS.reliabilityBins,
  };
  const n = data.judge.length;
  if (n === 0) return undefinedBecause('the calibration set has no valid rows, so there is nothing to report');
  const judge = data.judge.view();
  const h1 = data.human1.view();
  const h2 = data.human2.view();
  const conf = data.confidence.view();
  const dict = data.dictionaries;
  const cohortOf = (i: number): string | undefined => {
    const c = data.cohort.data[i] as number;
    return c >= 0 ? dict.cohort?.[c] : undefined;
  };
  const monthOf = (i: number): string | undefined => {
    const c = data.month.data[i] as number;
    return c >= 0 ? dict.month?.[c] : undefined;
  };
  const hasBatchCol = dict.batch !== undefined;
  const hasMonth = dict.month !== undefined;
  const hasCohort = dict.cohort !== undefined;
  const batchRule = hasBatchCol
    ? 'the batch column'
    : hasMonth && hasCohort
      ? 'month × cohort'
      : hasMonth
        ? 'month'
        : hasCohort
          ? 'cohort'
          : 'one batch (no batch, month or cohort column)';
  // Batch of each row as a small integer key (no string per row): the batch code, or
  // (month code + 1) × (cohorts + 1) + (cohort code + 1); names are built once per key.
  const nCohorts = dict.cohort?.length ?? 0;
  const batchKey = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (hasBatchCol) batchKey[i] = (data.batch.data[i] as number) + 1;
    else if (hasMonth || hasCohort) batchKey[i] = ((hasMonth ? (data.month.data[i] as number) : -1) + 1) * (nCohorts + 1) + ((hasCohort ? (data.cohort.data[i] as number) : -1) + 1);
  }
  const batchName = (key: number): string => {
    if (hasBatchCol) return key > 0 ? (dict.batch![key - 1] as string) : '(no batch)';
    const mc = Math.floor(key / (nCohorts + 1)) - 1;
    const cc = (key % (nCohorts + 1)) - 1;
    const m = mc >= 0 ? dict.month?.[mc] : undefined;
    const c = cc >= 0 ? dict.cohort?.[cc] : undefined;
    if (hasMonth && hasCohort) return `${m ?? '(no month)'} / ${c ?? '(no cohort)'}`;
    if (hasMonth) return m ?? '(no month)';
    if (hasCohort) return c ?? '(no cohort)';
    return 'all';
  };
  const kappaOptions = { weights: settings.kappaWeights, ...(settings.labels ? { labels: settings.labels } : {}), raterNames: ['annotator 1', 'annotator 2'] as [string, string] };
  const boot = settings.bootstrap;
  // One resample count B for every interval, so that B × (rows over all intervals) stays within the
  // draw budget: rows are counted once for overall ρ, once across cohorts, once across months and once
  // across κ batches. Below CALIBRATION_DEFAULTS.minResamples the intervals are skipped with a reason.
  const intervalRows = 4 * n;
  const budgetB = Math.min(boot.resamples, Math.floor(settings.maxBootstrapDraws / intervalRows));
  const skipIntervals = budgetB < CALIBRATION_DEFAULTS.minResamples;
  const skipReason = `the bootstrap interval was skipped: ${CALIBRATION_DEFAULTS.minResamples} resamples over ${n} rows exceed the draw budget of ${settings.maxBootstrapDraws} (maxBootstrapDraws); raise it to compute intervals`;
  const resamplesFor = (_m: number): number => budgetB;

  // κ per batch
  const rowsOfKey = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = batchKey[i] as number;
    const list = rowsOfKey.get(key);
    if (list) list.push(i);
    else rowsOfKey.set(key, [i]);
  }
  const batches = new Map<string, number[]>();
  const nameOfKey = new Map<number, string>();
  for (const [key, rows] of rowsOfKey) {
    const name = batchName(key);
    nameOfKey.set(key, name);
    const list = batches.get(name);
    if (list) {
      // two keys with one name (a month literally named "(no month)"): keep row order
      for (const i of rows) list.push(i);
      list.sort((a, b) => a - b);
    } else batches.set(name, rows);
  }
  const excludedBatches = new Set<string>();
  let kappa: CalibrationReport['kappa'];
  let withoutSecond = 0;
  for (let i = 0; i < n; i++) if (Number.isNaN(h2[i] as number)) withoutSecond++;
  if (!data.hasHuman2) {
    kappa = undefinedBecause('the calibration set has no human_label_2 column, so agreement between annotators cannot be checked and no batch counts');
  } else {
    const list: KappaBatch[] = [];
    for (const [name, rows] of [...batches].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const both = rows.filter((i) => !Number.isNaN(h2[i] as number));
      if (both.length === 0) {
        list.push({ batch: name, n: 0, kappa: undefinedBecause(`batch ${name} has no row with a second label`), interval: undefinedBecause('no κ'), included: false, reason: 'no second annotator labels' });
        excludedBatches.add(name);
        continue;
      }
      const a = pick(h1, both);
      const b = pick(h2, both);
      let k: Defined<number>;
      let interval: Defined<{ lower: number; upper: number }>;
      try {
        k = cohensKappa(a, b, kappaOptions).kappa;
        interval = skipIntervals
          ? undefinedBecause(skipReason)
          : bootstrapKappa(a, b, kappaOptions, { resamples: resamplesFor(both.length), confidence: boot.confidence, seed: boot.seed }).interval;
      } catch (e) {
        k = undefinedBecause((e as Error).message);
        interval = undefinedBecause((e as Error).message);
      }
      // The seed: "κ > 0.80 before including the batch"; a batch at exactly the limit is excluded.
      const included = k.defined && k.value > settings.minKappa;
      const entry: KappaBatch = { batch: name, n: both.length, kappa: k, interval, included };
      if (!included) {
        entry.reason = k.defined ? `κ ${k.value.toFixed(3)} is not above ${settings.minKappa}` : k.reason;
        excludedBatches.add(name);
      }
      list.push(entry);
    }
    kappa = defined({ batchRule, batches: list, excluded: [...excludedBatches], rowsWithoutSecondLabel: withoutSecond });
  }

  // rows used for ρ and precision; human score
  const used: number[] = [];
  const excludedKey = new Set<number>();
  for (const [key, name] of nameOfKey) if (excludedBatches.has(name)) excludedKey.add(key);
  // Without a second annotator no batch can show κ > min_kappa, so none counts (fails closed).
  const excludeAll = settings.excludeLowKappaBatches && !data.hasHuman2;
  const exclude = settings.excludeLowKappaBatches && data.hasHuman2 && excludedKey.size > 0;
  for (let i = 0; i < n && !excludeAll; i++) {
    if (exclude && excludedKey.has(batchKey[i] as number)) continue;
    used.push(i);
  }
  const human = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = h2[i] as number;
    human[i] = settings.humanScore === 'mean' && !Number.isNaN(b) ? ((h1[i] as number) + b) / 2 : (h1[i] as number);
  }

  const rhoFor = (group: string, rows: number[]): RhoFigure => {
    const m = rows.length;
    if (m < 3) {
      const reason = `Spearman ρ for ${group} is undefined because it needs at least 3 rows, got ${m}`;
      return { group, n: m, rho: undefinedBecause(reason), interval: undefinedBecause(reason), resamples: 0, belowThreshold: null, clearlyBelow: null };
    }
    const x = pick(judge, rows);
    const y = pick(human, rows);
    const names = { xName: 'judge scores', yName: 'human scores' };
    let rho: Defined<number>;
    let interval: Defined<{ lower: number; upper: number }>;
    let resamples = 0;
    if (skipIntervals) {
      const s = spearmanRho(x, y, names);
      rho = s.defined ? defined(s.value.coefficient) : s;
      interval = undefinedBecause(skipReason);
    } else {
      resamples = resamplesFor(m);
      const r = bootstrapSpearman(x, y, { resamples, confidence: boot.confidence, seed: boot.seed }, names);
      rho = r.estimate;
      interval = r.interval;
    }
    const below = rho.defined ? rho.value < settings.minSpearman : null;
    const clearly = interval.defined ? interval.value.upper < settings.minSpearman : null;
    return { group, n: m, rho, interval, resamples, belowThreshold: below, clearlyBelow: clearly };
  };
  const groupBy = (key: (i: number) => string | undefined): [string, number[]][] => {
    const g = new Map<string, number[]>();
    for (const i of used) {
      const k = key(i);
      if (k === undefined) continue;
      const l = g.get(k);
      if (l) l.push(i);
      else g.set(k, [i]);
    }
    return [...g].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  };
  const overall = rhoFor('overall', used);
  const byCohort = hasCohort ? groupBy(cohortOf).map(([k, rows]) => rhoFor(k, rows)) : [];
  const byMonth = hasMonth ? groupBy(monthOf).map(([k, rows]) => rhoFor(k, rows)) : [];

  let latestMonth: string | undefined;
  if (hasMonth) for (let i = 0; i < n; i++) {
    const m = monthOf(i);
    if (m !== undefined && (latestMonth === undefined || m > latestMonth)) latestMonth = m;
  }
  const noRowsReason = !data.hasHuman2
    ? 'the calibration set has no human_label_2 column, so no annotation batch can show κ > min_kappa and none counts'
    : `every annotation batch is excluded (κ ≤ ${settings.minKappa} or no second labels): ${excludedBatches.size} of ${batches.size}`;
  const verdict = calibrationVerdict({ minSpearman: settings.minSpearman, overall, byMonth, latestMonth, rows: n, rowsUsed: used.length, noRowsReason, judge: options.judge });
  const firstBelow = byMonth.find((m) => m.belowThreshold === true);
  const trend = { months: byMonth.map((m) => ({ month: m.group, rho: m.rho })), firstMonthBelow: firstBelow ? firstBelow.group : null };

  // high-confidence precision and reliability
  let highConfidence: CalibrationReport['highConfidence'];
  let reliability: CalibrationReport['reliability'];
  const mark = passMark(options, observeScores([judge, h1, h2]));
  settings.passMark = { rule: mark.rule, source: mark.source };
  const confirmedOf = (i: number): boolean => mark.passes(judge[i] as number) === mark.passes(human[i] as number);
  const withConf = used.filter((i) => !Number.isNaN(conf[i] as number));
  if (!data.hasConfidence) {
    highConfidence = undefinedBecause('the calibration set has no judge_confidence column');
    reliability = undefinedBecause('the calibration set has no judge_confidence column');
  } else if (withConf.length === 0) {
    highConfidence = undefinedBecause('no row has a judge_confidence value');
    reliability = undefinedBecause('no row has a judge_confidence value');
  } else {
    const c = pick(conf, withConf);
    const ok = withConf.map(confirmedOf);
    const hp = highConfidencePrecision(c, ok, settings.highConfidenceThreshold);
    let sum = 0;
    let cnt = 0;
    for (let k = 0; k < c.length; k++) {
      if ((c[k] as number) >= settings.highConfidenceThreshold) {
        sum += c[k] as number;
        cnt++;
      }
    }
    const meanConfidence = cnt > 0 ? defined(sum / cnt) : undefinedBecause(`no verdict has confidence ≥ ${settings.highConfidenceThreshold}`);
    highConfidence = defined({
      threshold: settings.highConfidenceThreshold,
      total: hp.total,
      highConfidence: hp.highConfidence,
      confirmed: hp.confirmed,
      precision: hp.precision,
      highConfidenceShare: hp.highConfidenceShare,
      meanConfidence,
      overconfident: hp.precision.defined && meanConfidence.defined ? hp.precision.value < meanConfidence.value : null,
    });
    const B = settings.reliabilityBins;
    const bins: ReliabilityBin[] = [];
    const cntB = new Float64Array(B);
    const sumB = new Float64Array(B);
    const okB = new Float64Array(B);
    for (let k = 0; k < c.length; k++) {
      const v = c[k] as number;
      let b = Math.floor(v * B);
      if (b >= B) b = B - 1;
      if (b / B > v) b--;
      if (b < 0) b = 0;
      cntB[b]!++;
      sumB[b]! += v;
      if (ok[k]) okB[b]!++;
    }
    for (let b = 0; b < B; b++) {
      const count = cntB[b] as number;
      bins.push({
        lower: b / B,
        upper: (b + 1) / B,
        count,
        meanConfidence: count > 0 ? defined((sumB[b] as number) / count) : undefinedBecause('empty bin'),
        observedAgreement: count > 0 ? defined((okB[b] as number) / count) : undefinedBecause('empty bin'),
      });
    }
    reliability = defined(bins);
  }

  // judge × first annotator table over all rows
  const cm = confusionMatrix(judge, h1, settings.labels && allIn(judge, settings.labels) && allIn(h1, settings.labels) ? settings.labels : undefined);
  const labels = cm.labels as number[];
  const k = labels.length;
  const counts: number[][] = [];
  for (let r = 0; r < k; r++) counts.push(Array.from(cm.counts.subarray(r * k, (r + 1) * k)));

  return defined({
    kind: 'calibration',
    rows: n,
    rowsUsed: used.length,
    settings,
    overall,
    byCohort,
    byMonth,
    verdict,
    trend,
    kappa,
    highConfidence,
    reliability,
    table: { judgeLabels: labels, humanLabels: labels, counts },
    ...(options.labelSet ? { labelsOutsideSet: data.outside } : {}),
    sampling: samplingCheck(options, n, byMonthAll(data, n)),
  });
}

/** κ categories of a label set: the numbers themselves, or 0 … k−1 for text labels (read as their index). */
function labelSetCodes(set: readonly (string | number)[] | undefined): number[] | null {
  if (!set) return null;
  return set.some((l) => typeof l === 'string') ? set.map((_, i) => i) : set.map(Number);
}

function allIn(values: Float64Array, labels: readonly number[]): boolean {
  const s = new Set(labels);
  for (let i = 0; i < values.length; i++) if (!s.has(values[i] as number)) return false;
  return true;
}

/** Distinct months in the whole file (every row, before exclusions). */
function byMonthAll(data: CalibrationCollector, n: number): number {
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) if ((data.month.data[i] as number) >= 0) seen.add(data.month.data[i] as number);
  return seen.size;
}

/** Refresh periods in one month, by the calendar: 365.25/12 days a month. */
const PERIODS_PER_MONTH: Record<string, number> = { daily: 365.25 / 12, weekly: 365.25 / 12 / 7, monthly: 1, quarterly: 1 / 3, yearly: 1 / 12 };

/**
 * The spec's `examples` (per refresh) against the file: rows ÷ (months in the file × refresh periods
 * a month), at least one period. "Far" is a factor of more than 2 either way.
 */
function samplingCheck(o: CalibrationReportOptions, rows: number, months: number): CalibrationReport['sampling'] {
  if (o.examplesPerRefresh === undefined) return undefinedBecause('the spec declares no calibration examples count');
  const refresh = o.refresh ?? 'monthly';
  const perMonth = PERIODS_PER_MONTH[refresh];
  if (perMonth === undefined) return undefinedBecause(`refresh ${refresh} has no calendar period`);
  if (months === 0) return undefinedBecause('the calibration set has no month column, so its rows per refresh period are unknown');
  const periods = Math.max(1, months * perMonth);
  const rowsPerPeriod = rows / periods;
  const ratio = rowsPerPeriod / o.examplesPerRefresh;
  return defined({ declared: o.examplesPerRefresh, refresh, periods, rowsPerPeriod, ratio, far: ratio > 2 || ratio < 0.5 });
}
