// Reports computed from a spec's data files: pure computations over column batches (routing,
// calibration), plus fromFile.ts, the one place that reads files for them. Results are plain JSON.
export { RoutingAccumulator, routingReport, ROUTING_DEFAULTS } from './routingReport';
export { routingReportFromStatistics, routingSettings } from './routingFromStatistics';
export { RoutingStatisticsBuilder, p10Ranks, MAX_TIER_CODES, type RoutingStatistics, type DayOrderStatistics } from './routingStatistics';
export type {
  RoutingReport,
  RoutingReportOptions,
  TierFigures,
  HourPoint,
  DayPoint,
  AlertKind,
  AlertFiring,
  AlertStatus,
  IncidentCost,
  IncidentMoney,
  IncidentMoneyFigure,
  LedgerIncidentMoney,
  ScaleFactor,
  MoneyOptions,
  LedgerRowOption,
  SweepPoint,
  ThresholdSweep,
} from './routingTypes';
export { thresholdSweep, sweepBin, SweepBins, SWEEP_BINS } from './thresholdSweep';
export { ConfidenceCounts, equivalentType7Sample, p10FromOrderStatistics, MAX_OFF_GRID_VALUES, type ExactPercentile } from './confidenceCounts';
export { CalibrationCollector, calibrationReport, CALIBRATION_DEFAULTS } from './calibrationReport';
export type { CalibrationReport, CalibrationReportOptions, RhoFigure, KappaBatch, ReliabilityBin } from './calibrationTypes';
export { routingReportFromFile, calibrationReportFromFile, calibrationSchema, type ReportFromFile } from './fromFile';
export { money, moneyFromNano, nanoToDollars, NANO, type Money } from './money';
export { incidentMoney, scaleFactor, DEFAULT_BASIS_TOLERANCE } from './incidentMoney';
