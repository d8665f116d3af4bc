// Rule: golden-set cohort shares that do not sum to 1. Cohorts stratify the golden set by traffic;
// shares that do not add up to the whole of traffic leave part of it unsized (or count part twice),
// so per-cohort sizes and the label allocation are wrong. The sum is exact on the written decimals.
import { describeSum, shareFixes, shareSum, type ShareSumData } from './shares';
import { dec } from './common';
import type { Rule } from './rule';
import { listNames } from '../text/bounded';

export const cohortSharesNotOne: Rule = {
  code: 'cohort-shares-not-one',
  section: 'golden_set',
  defaultSeverity: 'error',
  summary: 'Golden-set cohort shares do not sum to exactly 1.',
  check({ model }) {
    const c = model.goldenSet?.cohorts;
    const s = c && shareSum(c.items);
    if (!c || !s || s.sum.eq(1)) return [];
    const data: ShareSumData = { sum: dec(s.sum), shares: s.shares.map((x) => x.raw) };
    return [{ range: c.keyRange, message: `Cohort shares ${describeSum(s.sum)}: ${listNames(s.shares.map((x) => x.raw), { separator: ' + ' })}. Each cohort is sized and labelled by its share, so the shares must cover traffic exactly once.`, data }];
  },
  fix(_d, { model, parsed }) {
    const items = model.goldenSet?.cohorts?.items ?? [];
    const s = shareSum(items);
    if (!s) return [];
    return shareFixes(parsed, s.shares, items.map((c) => c.name?.value ?? 'cohort'), 'cohort');
  },
};
