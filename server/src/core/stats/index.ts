// The statistics of the pure core, one statistic per file, each citing its reference and rounding
// rule. Nothing here imports vscode or the language-server protocol. Results that can be undefined
// are `Defined<T>` with a reason a person can read, never a bare NaN.
export { normalCdf, normalQuantile, zFromConfidence, conventionalZ, exactZ, type CriticalValue } from './normal';
export { zFromConfidenceHighPrecision } from './zHighPrecision';
export { Rational } from './rational';

export { PROPORTION_INTERVAL_METHODS, type ProportionInterval, type ProportionIntervalMethod } from './proportionIntervalTypes';
export { proportionInterval } from './proportionInterval';
export { waldInterval } from './waldInterval';
export { wilsonInterval, wilsonHalfWidthAtRate } from './wilsonInterval';
export { agrestiCoullInterval } from './agrestiCoullInterval';
export { clopperPearsonInterval, clopperPearsonHalfWidthAtRate } from './clopperPearsonInterval';
export { jeffreysInterval } from './jeffreysInterval';
export { waldHalfWidth, type WaldHalfWidth, type ZRule } from './waldHalfWidth';

export { goldenSetSize, type GoldenSetSize, type GoldenSetSizeInput, type GoldenSetSizeOptions } from './goldenSetSize';
export { wilsonMinSampleSize, type MinimumSampleSize } from './wilsonMinSampleSize';
export { exactMinSampleSize } from './exactMinSampleSize';

export { cohensH } from './cohensH';
export type { PowerOptions } from './twoProportionOptions';
export {
  arcsinePower,
  arcsineSampleSize,
  arcsineMinDetectableDifference,
  type ArcsineSampleSize,
  type ArcsineMinDetectableDifference,
  type DetectableChange,
} from './arcsinePower';
export {
  pooledPower,
  pooledSampleSize,
  pooledMinDetectableDifference,
  type PooledSampleSize,
  type PooledMinDetectableDifference,
  type PooledPowerRule,
} from './pooledPower';
export { unpooledSampleSize, type SimpleSampleSize } from './unpooledSampleSize';
export { fleissContinuityCorrectedSampleSize } from './fleissContinuityCorrection';
export { waldMinDetectableDifference } from './waldMinDetectableDifference';
export {
  twoProportionSampleSizes,
  twoProportionMinDetectableDifferences,
  type TwoProportionSampleSizes,
  type TwoProportionMinDetectableDifferences,
} from './twoProportionPlan';

export { averageRanks } from './ranks';
export type { Correlation, CorrelationNames } from './correlationTypes';
export { spearmanRho, spearmanPValue } from './spearmanRho';
export { pearsonR, pearsonPValue } from './pearsonR';
export { kendallTau, kendallExactPValue, type KendallTau } from './kendallTau';

export {
  cohensKappa,
  confusionMatrix,
  type CohensKappa,
  type ConfusionMatrix,
  type KappaOptions,
  type KappaWeighting,
  type Label,
} from './cohensKappa';

export { seededRandom, type SeededRandom } from './seededRandom';
export { bootstrapSpearman, bootstrapKappa, type BootstrapInterval, type BootstrapOptions } from './bootstrap';
export { highConfidencePrecision, type HighConfidencePrecision } from './highConfidencePrecision';

// Issue 11: the statistics of evaluating with a judge (reference: vectors-v2.json, README-v2.md).
export { pairedComparison, clippedInterval, chiSquare1Sf, type PairedComparison, type ClippedInterval } from './pairedComparison';
export { pairedSampleSize, type PairedSampleSize, type PairedSampleSizeInput } from './pairedSampleSize';
export { judgeCorrection, type JudgeCorrection, type JudgeCorrected, type JudgeCorrectionInput } from './judgeCorrection';
export { ppiMean, type PpiMean, type PpiCounts, type PpiBlock, type PpiTunedBlock, type PpiPlusPlusBlock } from './ppiMean';
export { ppiPower, roundHalfEven, type PpiPower, type PpiPowerInput, type PpiPowerBranch } from './ppiPower';
export { ppiLabelsForHalfWidth, type PpiLabelPlan } from './ppiLabelsForHalfWidth';
export { correlationFactor, CORRELATION_METHODS, type CorrelationMethod } from './correlationFactor';
export { correlationCi, type CorrelationCi } from './correlationCi';
export { correlationWidthSize, type CorrelationWidthSize } from './correlationWidthSize';
export { correlationGate, type CorrelationGate } from './correlationGate';
export { correlationDetectSize, type CorrelationDetectSize } from './correlationDetectSize';
export { kappaPerSubjectVariance, kappaPrecision, type KappaPrecision, type KappaEstimate } from './kappaPrecision';
export { kappaCiSize, type KappaCiSize, type KappaCiSizeInput } from './kappaCiSize';
export { kappaPowerSize, noncentralityForPower, type KappaPowerSize } from './kappaPowerSize';
export { kappaBelowProbability, kappaPlannedPrecision, type KappaPlannedPrecision } from './kappaPlanning';
export { rareFailureZeroN, zeroFailureUpperBound, type RareFailureZeroN } from './rareFailureZeroN';
export { rareFailureUpperBound, oneSidedUpperBound, type RareFailureUpperBound } from './rareFailureUpperBound';
export { rareFailureCertifyN, type RareFailureCertifyN } from './rareFailureCertifyN';
export { designEffect, type DesignEffect } from './designEffect';
export { finitePopulation, type FinitePopulation } from './finitePopulation';
export { multiplicity, holmRejections, type Multiplicity } from './multiplicity';
export { stratifiedEstimate, type StratifiedEstimate, type Stratum } from './stratifiedEstimate';
export { confidenceSequence, mixtureRadius, mixtureRho, type ConfidenceSequenceRadius, type ConfidenceSequenceInput } from './confidenceSequence';
export { confidenceSequenceMinT, type ConfidenceSequenceMinT } from './confidenceSequenceMinT';
export { repeatedTestingFalseAlarm, MAX_LOOKS } from './repeatedTestingFalseAlarm';
export { MAX_SEARCHED_SAMPLE_SIZE, MAX_EXACT_SEARCHED_SAMPLE_SIZE } from './sampleSizeBound';
