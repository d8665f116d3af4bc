// Costs: exact decimal formulas from the seed's cost-accounting text. One formula per file.
export {
  ExactDecimal,
  exactDecimalString,
  exactFraction,
  fractionString,
  fractionToDecimal,
  decimalQuotient,
  decimalToFraction,
  addFractions,
  multiplyFractions,
  compareFractions,
  toDecimal,
} from './exact';
export type { DecimalInput, ExactFraction } from './exact';
export { baselineDailyCost, SECONDS_PER_DAY, TOKENS_PER_PRICE_UNIT } from './baselineDailyCost';
export { overrunPerDay } from './overrunPerDay';
export { incidentCost, MINUTES_PER_DAY } from './incidentCost';
export { trafficShiftIncident, pricedWindows } from './trafficShiftIncident';
export type { TrafficShiftIncident, PricedWindow } from './trafficShiftIncident';
export { detectionWindowSensitivity, detectionWindowSensitivityFraction } from './detectionWindowSensitivity';
export { parseDuration, durationMinutes } from './duration';
export type { ParsedDuration, DurationUnit } from './duration';
export type { RouterTier } from './routerTier';
export { blendedPricePer1M } from './blendedPricePer1M';
export { blendedDailyCost } from './blendedDailyCost';
export { tierShareSum } from './tierShareSum';
export type { TierShareSum } from './tierShareSum';
export { cheapTierShare } from './cheapTierShare';
export type { CheapTierShare } from './cheapTierShare';
export { lostSessionShare } from './lostSessionShare';
export { sessionsPerDay } from './sessionsPerDay';
export { dailyChurnCost } from './dailyChurnCost';
export type { ChurnCost, ChurnCostInput } from './dailyChurnCost';
export { coverageGapOverstatement } from './coverageGapOverstatement';
export { shadowTrafficBudget } from './shadowTrafficBudget';
export type { ShadowTrafficBudget, ShadowTrafficInput } from './shadowTrafficBudget';
export { costOfBadDay } from './costOfBadDay';
export type { BadDay, PricedLedgerRow } from './costOfBadDay';
export { costPerRetainedUser, RETENTION_DAYS } from './costPerRetainedUser';
export { threeCostMetrics } from './threeCostMetrics';
export type { ThreeCostMetrics, ThreeCostMetricsInput } from './threeCostMetrics';
export { tenantEvalCost } from './tenantEvalCost';
export type { TenantEvalCost, TenantEvalCostInput } from './tenantEvalCost';
export { kvCacheQuotaProtectsProduction } from './kvCacheQuota';
export type { KvCacheQuotaCheck, KvCacheQuotaInput } from './kvCacheQuota';
export { formatUsd, formatUsdRounded, formatMultiplier, formatExact, boundedDecimalString, formatSharePercent } from './format';
