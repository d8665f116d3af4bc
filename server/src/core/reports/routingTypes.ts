// The routing report as plain JSON: numbers, strings, Defined<…> for statistics that can be undefined.
import type { Defined } from '../types';
import type { Money } from './money';

export interface RoutingReportOptions {
  /** Declared tier names in order (the spec's router.tiers). Default: cheap, mid, flagship. */
  tiers?: readonly string[];
  /** Tier watched by the share and cost-share alerts. Default: the last declared tier. */
  flagshipTier?: string;
  /** Tier the threshold sweep sends confident requests to. Default: the first declared tier. */
  cheapTier?: string;
  /** Alert when the rolling flagship share exceeds the baseline by more than this many points. Default 5. */
  flagshipShareOverBaselinePp?: number | string;
  /** Alert when a day's p10 of confidence is below this. Default 0.55. */
  minP10Confidence?: number | string;
  /** Alert when the rolling flagship cost share exceeds this × its moving average. Default 1.10. */
  costShareOverMovingAvg?: number | string;
  /** Rolling window of the share and cost-share signals, minutes. Default 60. */
  rollingWindowMinutes?: number;
  /** Resolution at which the rolling window is evaluated, minutes (divides the window). Default 5. */
  stepMinutes?: number;
  /** Days of history in the share baseline. Default 30. */
  baselineDays?: number;
  /** Fewest earlier days needed before any alert is evaluated. Default 7. */
  minBaselineDays?: number;
  /** Sampling-noise guard of the flagship-share and cost-share alerts: fewest requests in a window for it to fire. Default 30. */
  minWindowRequests?: number;
  /** …and its false-alarm budget per baseline period (default 0.05), Bonferroni-split over the period's non-overlapping windows into the per-window level of the one-sided exact binomial test P(X ≥ k | n, baseline share). */
  shareAlertAlpha?: number;
  /** Days in the cost-share moving average. Default 7. */
  movingAverageDays?: number;
  /** Percentile rule for p10. Default type 7 (numpy's default). */
  p10Method?: 'type7' | 'nearest-rank';
  /**
   * Traffic-shift ledger rows the incident is priced for: detection windows, and the row's share and
   * cost_multiplier (e.g. [{id: 'router-drift', detection: ['5m', '4h', '24h'], share: 0.2, costMultiplier: 10}]).
   */
  ledger?: readonly LedgerRowOption[];
  /** The spec's traffic and sampling, to scale the log to the declared traffic and price on the ledger's basis (incidentMoney.ts). */
  money?: MoneyOptions;
  /** Longest time span accepted, days. Default 400. */
  maxSpanDays?: number;
}

export interface LedgerRowOption {
  id: string;
  detection: readonly string[];
  share?: number | string;
  costMultiplier?: number | string;
}

export interface MoneyOptions {
  /** traffic.qps, avg_output_tokens, price_per_1m_output_tokens (the ledger's traffic-price basis). */
  qps?: number | string;
  avgOutputTokens?: number | string;
  pricePer1M?: number | string;
  /** router.sample_rate: the fraction of the traffic the log holds. */
  sampleRate?: number | string;
  /** Relative gap between the router-price and traffic-price figures above which the report warns. Default 0.10. */
  basisTolerance?: number;
}

export interface ScaleFactor {
  /** Declared requests per logged request, exact decimal text. */
  factor: string;
  factorValue: number;
  source: 'sample_rate' | 'qps';
  sampleRate: string | null;
  /** The log's requests per day (rows ÷ its span), and traffic.qps × 86,400 when declared. */
  loggedPerDay: number | null;
  declaredPerDay: number | null;
  /** With both sample_rate and qps: logged per day ÷ (qps × 86,400 × sample_rate). */
  loggedVsDeclared: number | null;
}

export interface IncidentMoneyFigure {
  /** The share of traffic shifted (declared, or the observed flagship share shift), exact text; absent for the router-price figure. */
  share?: string;
  overrunPerDay: Money;
  windows: { window: string; minutes: number; cost: Money }[];
}

export interface LedgerIncidentMoney {
  ledgerId: string;
  /** The price basis of `declared` and `observed`, e.g. "traffic price × cost_multiplier 10". */
  basis: string;
  /** The row as written: the ledger's own figures. */
  declared: Defined<IncidentMoneyFigure>;
  /** The row's formula and basis with the flagship share shift the log shows. */
  observed: Defined<IncidentMoneyFigure>;
  /** The log's extra spend at the router's tier prices, scaled to the declared traffic. */
  router: Defined<IncidentMoneyFigure>;
  /** |router − observed| ÷ observed, against the tolerance. */
  disagreement: Defined<{ ratio: number; tolerance: number; exceeds: boolean }>;
}

export interface IncidentMoney {
  scale: Defined<ScaleFactor>;
  tolerance: number;
  /** The incident's extra spend so far at the router's prices, scaled to the declared traffic. */
  extraSpendScaled: Defined<Money>;
  /** The ledger's traffic-price baseline per day. */
  baselineDailyCost: Defined<Money>;
  rows: LedgerIncidentMoney[];
}

export interface TierFigures {
  tier: string;
  requests: number;
  /** count/N, exact ("0.08" or "p/q"). */
  share: string;
  shareValue: number;
  cost: Money;
  /** Share of all spend, as a double (charts). */
  costShareValue: number;
  /** Mean quality of served answers where given. */
  meanQuality: Defined<number>;
}

export interface HourPoint {
  /** Start of the hour, ISO 8601 UTC. */
  hour: string;
  requests: number;
  /** Share per tier over this hour (the 1-hour rolling window ending at the hour's end). */
  share: Record<string, number>;
  /** Baseline share per tier (trailing days before this hour's day); absent before enough history. */
  baselineShare?: Record<string, number>;
  /** Spend per tier in this hour, exact decimal dollars. */
  costUsd: Record<string, string>;
  /** Flagship share of spend in the hour. */
  flagshipCostShare: number;
}

export interface DayPoint {
  /** YYYY-MM-DD (UTC). */
  day: string;
  requests: number;
  /** Exact p10 of router confidence that day. */
  p10: { value: string; exact: boolean };
  flagshipShare: number;
  flagshipCostShare: number;
  costUsd: string;
}

export type AlertKind = 'flagship-share' | 'p10-confidence' | 'cost-share';

export interface AlertFiring {
  kind: AlertKind;
  /** When it first fired: end of the evaluated window, ISO 8601 UTC. */
  at: string;
  /** Start of the window whose evidence fired it. */
  windowStart: string;
  /** The observed value (share, p10 or cost share) as exact text. */
  observed: string;
  /** The threshold it crossed, exact text (baseline + margin, the p10 floor, multiplier × moving average). */
  threshold: string;
  /** Plain-language statement for the panel and the CLI. */
  message: string;
  /** The sampling-noise guard at the first firing (docs/statistics.md): flagship-share and cost-share alerts. `baselineShare` is the null's flagship share of requests. */
  guard?: { requests: number; flagship: number; baselineShare: number; pValue: number; alpha: number; minWindowRequests: number };
}

export interface AlertStatus {
  kind: AlertKind;
  rule: string;
  /** Windows (or days) on which it was evaluated, and on which it was true. */
  evaluated: number;
  firing: number;
  first: AlertFiring | null;
  /** Windows over the threshold that the sampling-noise guard held back (flagship share and cost share). */
  suppressed?: number;
}

export interface IncidentCost {
  /** Start of the window that first fired; the extra spend counts from here. */
  since: string;
  until: string;
  elapsedMinutes: number;
  /** Actual spend minus the spend of the same requests at the baseline tier mix (at each tier's mean cost since `since`). */
  extraSpend: Money;
  overrunPerDay: Money;
  /** The same overrun priced at each detection window of the ledger (costs.incidentCost). In the log's dollars: not scaled (see IncidentMoney). */
  windows: { ledgerId: string; window: string; minutes: number; cost: Money }[];
  /** The flagship's share of the requests since `since` against the baseline share (exact fractions): the shift the ledger's formula prices. */
  flagship: { requests: number; flagshipRequests: number; baselineShare: string; incidentShare: string; shift: string; shiftValue: number };
}

export interface SweepPoint {
  /** Requests with confidence ≥ threshold go to the cheap tier, the rest to the flagship. */
  threshold: number;
  cheapShare: number;
  meanQuality: number;
  /** Mean cost per request at the tiers' mean observed costs, dollars (double; charts). */
  costPerRequest: number;
  onFrontier: boolean;
}

export interface ThresholdSweep {
  sampleSize: number;
  cheapTier: string;
  flagshipTier: string;
  /** Mean observed cost per request of each tier, exact decimal dollars (rounded at 40 significant digits if needed). */
  cheapCostPerRequest: string;
  flagshipCostPerRequest: string;
  points: SweepPoint[];
  /** The live router on the same sample: mean served quality and mean actual cost. */
  current: Defined<{
    meanQuality: number;
    costPerRequest: number;
    /** Frontier quality at the router's cost (linear between frontier points) minus its quality; > 0 means it leaves quality on the table. */
    qualityGapAtSameCost: Defined<number>;
    /** Router's cost minus the frontier's cheapest cost reaching its quality; > 0 means it overpays. */
    costGapAtSameQuality: Defined<number>;
    dominated: boolean;
  }>;
}

export interface RoutingReport {
  kind: 'routing';
  requests: number;
  from: string;
  to: string;
  tiers: TierFigures[];
  /** Tier names in the log that the spec does not declare, with counts. */
  unknownTiers: { name: string; count: number }[];
  totalCost: Money;
  /** Costs not on the nano-dollar grid were rounded to it; this many rows. */
  costsRounded: number;
  hourly: HourPoint[];
  daily: DayPoint[];
  alerts: AlertStatus[];
  /** The earliest first firing across alerts, or null. */
  firstAlert: AlertFiring | null;
  incident: Defined<IncidentCost>;
  /** The incident at the declared traffic and on the ledger's price basis. */
  incidentMoney: Defined<IncidentMoney>;
  /** Log → declared traffic, for counts and money (also without an incident). */
  scale: Defined<ScaleFactor>;
  sweep: Defined<ThresholdSweep>;
  settings: Required<Omit<RoutingReportOptions, 'ledger' | 'money'>> & { ledger: { id: string; detection: string[]; share?: number | string; costMultiplier?: number | string }[]; money: MoneyOptions };
}
