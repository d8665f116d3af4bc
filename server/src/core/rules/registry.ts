// Every rule, in the order of the spec's sections. Add a rule: one file, one line here, one entry
// in docs/rules.md, one feature test (test/unit/rules/).
import { cadenceTierMissing } from './cadenceTierMissing';
import { calibrationRefreshTooRare } from './calibrationRefreshTooRare';
import { calibrationGateUnderpowered } from './calibrationGateUnderpowered';
import { calibrationSetTooSmall } from './calibrationSetTooSmall';
import { canaryGateLoose } from './canaryGateLoose';
import { canaryGateMissing } from './canaryGateMissing';
import { cohortSharesNotOne } from './cohortSharesNotOne';
import { coverageLow } from './coverageLow';
import { coverageRefreshNow } from './coverageRefreshNow';
import { embeddingJudgeFinalGate } from './embeddingJudgeFinalGate';
import { escalationBandInvalid } from './escalationBandInvalid';
import { escalationBandUncalibrated } from './escalationBandUncalibrated';
import { goldenSetNotTrafficSample } from './goldenSetNotTrafficSample';
import { goldenSetResampleWindow } from './goldenSetResampleWindow';
import { goldenSetSampleStale } from './goldenSetSampleStale';
import { goldenSetTooSmall } from './goldenSetTooSmall';
import { judgeFreeTextOutput } from './judgeFreeTextOutput';
import { judgeHeldOutSet } from './judgeHeldOutSet';
import { pairedDesignAvailable } from './pairedDesignAvailable';
import { judgeModelUnpinned } from './judgeModelUnpinned';
import { judgeNoCalibration } from './judgeNoCalibration';
import { judgeNoRubric } from './judgeNoRubric';
import { judgeProductionCoDrift } from './judgeProductionCoDrift';
import { judgePromptNotVerbatim } from './judgePromptNotVerbatim';
import { judgeSameFamilyNoReference } from './judgeSameFamilyNoReference';
import { ledgerNoSensitiveRow } from './ledgerNoSensitiveRow';
import { ledgerTooFewRows } from './ledgerTooFewRows';
import { metricVanity } from './metricVanity';
import { metricWithoutOnlineMetric } from './metricWithoutOnlineMetric';
import { minKappaTooLow } from './minKappaTooLow';
import { minSpearmanTooLow } from './minSpearmanTooLow';
import { noPreMergeBlocking } from './noPreMergeBlocking';
import { pairwiseJudgeNoSwap } from './pairwiseJudgeNoSwap';
import { ppLooksLikeFraction } from './ppLooksLikeFraction';
import { routerAlertMissing } from './routerAlertMissing';
import { routerLatencyBudgetTooHigh } from './routerLatencyBudgetTooHigh';
import { routerNoLowConfidenceEscalation } from './routerNoLowConfidenceEscalation';
import type { Rule } from './rule';
import { rubricCriterionWithoutExamples } from './rubricCriterionWithoutExamples';
import { tierSharesNotOne } from './tierSharesNotOne';
import { tooManyPrimaryMetrics } from './tooManyPrimaryMetrics';
import { waldNearBoundary } from './waldNearBoundary';
import { routerAlertThresholdOff } from './routerAlertThresholdOff';
import { routerEscalationShareSmall } from './routerEscalationShareSmall';
import { canaryShadowFractionSmall } from './canaryShadowFractionSmall';
import { metricExpectedEffectMissing } from './metricExpectedEffectMissing';
import { ledgerFailureModeMissing } from './ledgerFailureModeMissing';
import { judgeNewerThanCalibration } from './judgeNewerThanCalibration';
import { judgeUpgradeWithoutEvidence } from './judgeUpgradeWithoutEvidence';
import { routerShadowAlertMissing } from './routerShadowAlertMissing';
import { routerShadowAlertOff } from './routerShadowAlertOff';
import { judgeSpotCheck } from './judgeSpotCheck';
import { safetyCohortBorderline } from './safetyCohortBorderline';
import { safetyCohortRefreshTrigger } from './safetyCohortRefreshTrigger';

export const allRules: readonly Rule[] = [
  // metrics
  tooManyPrimaryMetrics,
  metricWithoutOnlineMetric,
  metricExpectedEffectMissing,
  metricVanity,
  // judge
  judgeNoRubric,
  rubricCriterionWithoutExamples,
  judgePromptNotVerbatim,
  pairwiseJudgeNoSwap,
  judgeProductionCoDrift,
  judgeNewerThanCalibration,
  judgeUpgradeWithoutEvidence,
  judgeFreeTextOutput,
  judgeModelUnpinned,
  judgeSameFamilyNoReference,
  embeddingJudgeFinalGate,
  escalationBandInvalid,
  escalationBandUncalibrated,
  judgeNoCalibration,
  calibrationSetTooSmall,
  minSpearmanTooLow,
  minKappaTooLow,
  calibrationRefreshTooRare,
  calibrationGateUnderpowered,
  judgeHeldOutSet,
  judgeSpotCheck,
  goldenSetNotTrafficSample,
  // golden set
  goldenSetTooSmall,
  waldNearBoundary,
  cohortSharesNotOne,
  coverageLow,
  coverageRefreshNow,
  goldenSetSampleStale,
  goldenSetResampleWindow,
  safetyCohortBorderline,
  safetyCohortRefreshTrigger,
  pairedDesignAvailable,
  // cadence
  noPreMergeBlocking,
  cadenceTierMissing,
  // router
  routerLatencyBudgetTooHigh,
  routerNoLowConfidenceEscalation,
  routerEscalationShareSmall,
  tierSharesNotOne,
  routerAlertMissing,
  routerAlertThresholdOff,
  routerShadowAlertMissing,
  routerShadowAlertOff,
  canaryGateMissing,
  canaryGateLoose,
  canaryShadowFractionSmall,
  ppLooksLikeFraction,
  // ledger
  ledgerTooFewRows,
  ledgerNoSensitiveRow,
  ledgerFailureModeMissing,
];

/** The launch gate a diagnostic code BLOCKS (Rule.launchGate), or undefined. */
export function launchGateOf(code: string): string | undefined {
  return allRules.find((r) => r.code === code)?.launchGate;
}
