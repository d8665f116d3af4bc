// Whether a KV-cache quota split protects production traffic from eval workloads.
// Source: seed text, Part 6 "Google drill": priority inversion — a long eval job holding KV cache
// blocks production regardless of CPU priority; "enforce a KV-cache quota per workload class …
// production workloads get 70% of KV-cache capacity, eval gets 30%".
// Inputs, all as fractions of the cluster's KV-cache capacity: productionQuota and evalQuota (the
// split), productionPeakNeed (production's peak KV-cache use).
// Rule: protected ⇔ productionQuota ≥ productionPeakNeed (production's peak fits its reserve) and
// productionQuota + evalQuota ≤ 1 (the quotas are not over-committed, so eval cannot take memory
// reserved for production). Compared exactly in decimal.
import type Decimal from 'decimal.js';
import type { DecimalInput } from './exact';
import { formatSharePercent } from './format';
import { share } from './validate';

export interface KvCacheQuotaInput {
  productionQuota: DecimalInput;
  evalQuota: DecimalInput;
  productionPeakNeed: DecimalInput;
}

export interface KvCacheQuotaCheck {
  protectsProduction: boolean;
  /** productionQuota − productionPeakNeed (negative: production's peak does not fit). */
  headroom: Decimal;
  quotaSum: Decimal;
  overcommitted: boolean;
  reason: string;
}

/** @throws {RangeError} when an input is outside [0, 1] or NaN. */
export function kvCacheQuotaProtectsProduction(input: KvCacheQuotaInput): KvCacheQuotaCheck {
  const fn = 'kvCacheQuotaProtectsProduction';
  const prod = share(input.productionQuota, fn, 'productionQuota');
  const evalQ = share(input.evalQuota, fn, 'evalQuota');
  const peak = share(input.productionPeakNeed, fn, 'productionPeakNeed');
  const headroom = prod.minus(peak);
  const quotaSum = prod.plus(evalQ);
  const overcommitted = quotaSum.gt(1);
  const fits = headroom.gte(0);
  // Shares are shown as percentages to two decimals: a peak need computed as a quotient (9 ÷ 13) would
  // otherwise print every digit the engine keeps.
  const pct = formatSharePercent;
  const reason = overcommitted
    ? `quotas add up to ${pct(quotaSum)} of KV-cache capacity, more than all of it`
    : fits
      ? `production's peak need ${pct(peak)} fits its quota ${pct(prod)}`
      : `production's peak need ${pct(peak)} exceeds its quota ${pct(prod)}`;
  return { protectsProduction: fits && !overcommitted, headroom, quotaSum, overcommitted, reason };
}
