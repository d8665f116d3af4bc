// The pass mark of a calibration set: which judge scores and human labels count as "pass" for the
// precision of high-confidence verdicts and the reliability diagram. It comes from the spec, never a
// constant, in this order:
//   1. `pass_labels`: exactly these labels pass (values, or label_set entries for text labels);
//   2. `pass_threshold`: a score at or above it passes (numeric scores only);
//   3. `label_set` (ordered worst to best): the upper half passes, the labels at index ≥ ⌈k/2⌉ —
//      [fail, pass] → pass; [0, 1] → 1; [1, 2, 3, 4, 5] → 4 and 5 (the seed's "score ≥ 4/5");
//   4. none of them: inferred from the data and said so — every score 0 or 1: 1 passes; every score in
//      [0, 1]: ≥ 0.5; integer scores from lo to hi: the upper half of that range, ≥ lo + ⌈(hi − lo + 1)/2⌉
//      (1–5 → ≥ 4); otherwise ≥ the midpoint (lo + hi)/2.
// Text labels reach the report as their index in label_set (0 … k−1), so every rule works on numbers.

export type LabelValue = string | number;

export interface PassMarkSpec {
  labelSet?: readonly LabelValue[];
  passThreshold?: number;
  passLabels?: readonly LabelValue[];
}

export interface PassMark {
  /** True when a (numeric or index-coded) score passes. */
  passes(v: number): boolean;
  /** "score ≥ 4", "label in {pass}" … */
  rule: string;
  source: 'pass_labels' | 'pass_threshold' | 'label_set' | 'inferred';
}

const textual = (set: readonly LabelValue[] | undefined): boolean => !!set && set.some((l) => typeof l === 'string');

/** The numeric code of a label: its value, or its index in a textual label_set. */
function codeOf(l: LabelValue, set: readonly LabelValue[] | undefined): number | undefined {
  if (textual(set)) {
    const i = set!.findIndex((x) => String(x) === String(l));
    return i >= 0 ? i : undefined;
  }
  return typeof l === 'number' ? l : undefined;
}

function names(values: readonly LabelValue[]): string {
  return `{${values.map(String).join(', ')}}`;
}

export function passMark(spec: PassMarkSpec, observed: { min: number; max: number; allBinary: boolean; allUnit: boolean; allInteger: boolean }): PassMark {
  const set = spec.labelSet;
  if (spec.passLabels && spec.passLabels.length > 0) {
    const codes = new Set(spec.passLabels.map((l) => codeOf(l, set)).filter((c): c is number => c !== undefined));
    return { passes: (v) => codes.has(v), rule: `label in ${names(spec.passLabels)}`, source: 'pass_labels' };
  }
  if (spec.passThreshold !== undefined && !textual(set)) {
    const t = spec.passThreshold;
    return { passes: (v) => v >= t, rule: `score ≥ ${t}`, source: 'pass_threshold' };
  }
  if (set && set.length >= 2) {
    const from = Math.ceil(set.length / 2);
    const upper = set.slice(from);
    const codes = new Set(upper.map((l) => codeOf(l, set)).filter((c): c is number => c !== undefined));
    return { passes: (v) => codes.has(v), rule: `label in ${names(upper)} (upper half of label_set)`, source: 'label_set' };
  }
  return inferred(observed);
}

function inferred(o: { min: number; max: number; allBinary: boolean; allUnit: boolean; allInteger: boolean }): PassMark {
  const say = (rule: string, why: string): string => `${rule} (inferred: ${why}; set pass_threshold, pass_labels or label_set to state it)`;
  if (o.allBinary) return { passes: (v) => v === 1, rule: say('score = 1', 'every score is 0 or 1'), source: 'inferred' };
  if (o.allUnit) return { passes: (v) => v >= 0.5, rule: say('score ≥ 0.5', 'every score lies in [0, 1]'), source: 'inferred' };
  if (o.allInteger) {
    const t = o.min + Math.ceil((o.max - o.min + 1) / 2);
    return { passes: (v) => v >= t, rule: say(`score ≥ ${t}`, `integer scores from ${o.min} to ${o.max}`), source: 'inferred' };
  }
  const t = (o.min + o.max) / 2;
  return { passes: (v) => v >= t, rule: say(`score ≥ ${t}`, `the midpoint of ${o.min} … ${o.max}`), source: 'inferred' };
}

/** What the scores look like (judge and human together), for an inferred pass mark. */
export function observeScores(columns: readonly ArrayLike<number>[]): { min: number; max: number; allBinary: boolean; allUnit: boolean; allInteger: boolean } {
  let min = Infinity;
  let max = -Infinity;
  let allBinary = true;
  let allUnit = true;
  let allInteger = true;
  for (const col of columns) {
    for (let i = 0; i < col.length; i++) {
      const v = col[i] as number;
      if (v !== v) continue;
      if (v < min) min = v;
      if (v > max) max = v;
      if (v !== 0 && v !== 1) allBinary = false;
      if (v < 0 || v > 1) allUnit = false;
      if (!Number.isInteger(v)) allInteger = false;
    }
  }
  if (min === Infinity) return { min: 0, max: 0, allBinary: false, allUnit: false, allInteger: false };
  return { min, max, allBinary, allUnit, allInteger };
}
