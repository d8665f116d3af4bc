// Rule: router tier shares that do not sum to 1. Every request goes to exactly one tier, so the
// blended price Σ share × price is only a price when the shares cover traffic exactly once; otherwise
// the blended $/1M and $/day are wrong by the missing (or doubled) share. Exact on the written decimals.
import { dec } from './common';
import { describeSum, shareFixes, shareSum, type ShareSumData } from './shares';
import type { Rule } from './rule';
import { listNames } from '../text/bounded';

export const tierSharesNotOne: Rule = {
  code: 'tier-shares-not-one',
  section: 'router',
  defaultSeverity: 'error',
  summary: 'Router tier shares do not sum to exactly 1.',
  check({ model }) {
    const t = model.router?.tiers;
    const s = t && shareSum(t.items);
    if (!t || !s || s.sum.eq(1)) return [];
    const data: ShareSumData = { sum: dec(s.sum), shares: s.shares.map((x) => x.raw) };
    return [{ range: t.keyRange, message: `Tier shares ${describeSum(s.sum)}: ${listNames(s.shares.map((x) => x.raw), { separator: ' + ' })}. Every request goes to one tier, so the blended price has no meaning until the shares cover traffic exactly once.`, data }];
  },
  fix(_d, { model, parsed }) {
    const items = model.router?.tiers?.items ?? [];
    const s = shareSum(items);
    if (!s) return [];
    return shareFixes(parsed, s.shares, items.map((t) => t.name?.value ?? 'tier'), 'tier');
  },
};
