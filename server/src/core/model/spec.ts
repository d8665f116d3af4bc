// The typed eval spec: every part of the format, read from the validated tree. Optional fields are
// absent when the author left them out or wrote something invalid (the validator reported it).
import type { SpecNode } from '../parse/specTree';
import { isNumber, isString, type Located, type Section, TreeReader } from './read';
import { readBridge, readCalibrationReport, readHeldOut, readShadowJudgeAlert, readSpotCheck, type BridgeModel, type CalibrationReportModel, type HeldOutModel, type ShadowJudgeAlertModel, type SpotCheckModel } from './practiceReaders';
import { readAgreement, readGoldenSetDesign, readLabelledTraffic, readMonitoring, type AgreementModel, type ClustersModel, type LabelledTrafficModel, type MonitoringModel, type PairedDesignModel } from './designReaders';

export interface TrafficModel extends Section {
  qps?: Located<number>;
  avgOutputTokens?: Located<number>;
  pricePer1mOutputTokens?: Located<number>;
  sessionsPerDay?: Located<number>;
  requestsPerSession?: Located<number>;
}

export interface MetricModel extends Section {
  id?: Located<string>;
  primary?: Located<boolean>;
  kind?: Located<string>;
  expectedPassRate?: Located<number>;
  /** Expected standard deviation of one score (Likert and continuous metrics), in scale units. */
  expectedSd?: Located<number>;
  /** [low, high] of the score scale. */
  scale?: Located<number>[];
  predicts?: Section & { onlineMetric?: Located<string>; expectedEffect?: Located<string>; measured?: BridgeModel };
}

export interface RubricCriterionModel extends Section {
  criterion?: Located<string>;
  passExample?: Located<string>;
  failExample?: Located<string>;
}

export interface CalibrationModel extends Section {
  examples?: Located<number>;
  data?: Located<string>;
  /** `data: {engine: duckdb|clickhouse|builtin, …}`: the calibration rows from an engine. */
  dataEngine?: EngineSourceModel;
  minSpearman?: Located<number>;
  minKappa?: Located<number>;
  refresh?: Located<string>;
  kappaWeights?: Located<string>;
  /** Ordered labels, worst to best. */
  labelSet?: Located<string | number>[];
  highConfidenceMin?: Located<number>;
  passThreshold?: Located<number>;
  passLabels?: Located<string | number>[];
  evidence?: Located<string>;
  /** Data-file column names by the report's keys (judge_score, human_label, …), when the spec maps them. */
  columns?: Record<string, string>;
  agreement?: AgreementModel;
  heldOut?: HeldOutModel;
  spotCheck?: SpotCheckModel;
  /** The latest calibration report: which judge version was checked against fresh human labels, and when. */
  report?: CalibrationReportModel;
}

export interface JudgeModel extends Section {
  kind?: Located<string>;
  model?: Located<string>;
  productionModel?: Located<string>;
  referenceJudge?: Located<string>;
  /** The judge model's family, where its name does not tell (modelNames.ts). */
  family?: Located<string>;
  /** The production model's family, where its name does not tell. */
  productionFamily?: Located<string>;
  prompt?: Located<string>;
  output?: Located<string>;
  pairwise?: Located<boolean>;
  swapOrder?: Located<boolean>;
  rubric?: Section & { criteria: RubricCriterionModel[] };
  escalationBand?: Located<number>[];
  escalationBandSection?: Section;
  calibration?: CalibrationModel;
  labelledTraffic?: LabelledTrafficModel;
}

export interface CohortModel extends Section {
  name?: Located<string>;
  share?: Located<number>;
  expectedPassRate?: Located<number>;
  safety?: Located<boolean>;
  borderlineShare?: Located<number>;
  minLabels?: Located<number>;
  /** Whether this cohort's calibration labels are refreshed on every safety-training update. */
  refreshOnSafetyTraining?: Located<boolean>;
}

export interface GoldenSetModel extends Section {
  size?: Located<number>;
  confidence?: Located<number>;
  targetHalfWidth?: Located<number>;
  detectChange?: Located<number>;
  power?: Located<number>;
  interval?: Located<string>;
  cohorts?: Section & { items: CohortModel[] };
  coverage?: Located<number>;
  sampledOn?: Located<string>;
  refresh?: Located<string>;
  labelBudget?: Located<number>;
  paired?: PairedDesignModel;
  /** Days of recent traffic the set is re-sampled from before each major eval. */
  resampleDays?: Located<number>;
  clusters?: ClustersModel;
  promptPool?: Located<number>;
  multiplicity?: Located<string>;
  maxFailureRate?: Located<number>;
  failuresAllowed?: Located<number>;
}

export interface CadenceModel extends Section {
  preMerge?: Section & { blocking?: Located<boolean>; examples?: Located<number> };
  daily?: Section & { examples?: Located<number>; monitoring?: MonitoringModel };
  weekly?: Section & { stratified?: Located<boolean>; examples?: Located<number> };
}

export interface TierModel extends Section {
  name?: Located<string>;
  /** `cheap`, `mid` or `flagship`; without it the role follows the price (tierRoles.ts). */
  role?: Located<string>;
  pricePer1mOutputTokens?: Located<number>;
  share?: Located<number>;
}

export interface RouterModel extends Section {
  latencyBudgetP95Ms?: Located<number>;
  escalateLowestConfidence?: Located<number>;
  tiers?: Section & { items: TierModel[] };
  alerts?: Section & {
    flagshipShareOverBaselinePp?: Located<number>;
    minP10Confidence?: Located<number>;
    costShareOverMovingAvg?: Located<number>;
    shadowJudge?: ShadowJudgeAlertModel;
  };
  canary?: Section & {
    shadowFraction?: Located<number>;
    hours?: Located<number>;
    maxShareShiftPp?: Located<number>;
    maxQualityDeltaPp?: Located<number>;
  };
  results?: Located<string>;
  /** Fraction of the traffic the results log holds (scales its counts and money to the declared traffic). */
  sampleRate?: Located<number>;
  /** `results` as an engine source (`{engine: duckdb, path: …}` or `{engine: clickhouse, url: …, table: …}`). */
  resultsEngine?: EngineSourceModel;
  /** Data-file column names by the report's keys (time, tier, …), when the spec maps them. */
  columns?: Record<string, string>;
}

/** A data source run by an SQL engine (docs/format.md, "Engines"). Credentials are never part of it. */
export type EngineSourceModel = Section & {
  engine?: Located<string>;
  /** duckdb: a file or glob relative to the spec's folder (hive partitions like date=*). */
  path?: Located<string>;
  /** clickhouse: the HTTP(S) endpoint, table, optional database and user name. */
  url?: Located<string>;
  table?: Located<string>;
  database?: Located<string>;
  user?: Located<string>;
};

export type LedgerRowModel = Section & {
  id?: Located<string>;
  kind?: Located<string>;
  // traffic_shift
  share?: Located<number>;
  costMultiplier?: Located<number>;
  detection?: Located<string>[];
  detectionSection?: Section;
  // quality_regression
  cohortShare?: Located<number>;
  abandonmentIncrease?: Located<number>;
  valuePerSession?: Located<number>;
  sessionsPerDay?: Located<number>;
  // coverage_gap
  uncoveredShare?: Located<number>;
  passRateGap?: Located<number>;
};

export interface EvalSpecModel {
  root: SpecNode;
  version?: Located<number>;
  name?: Located<string>;
  traffic?: TrafficModel;
  metrics?: Section & { items: MetricModel[] };
  judge?: JudgeModel;
  goldenSet?: GoldenSetModel;
  cadence?: CadenceModel;
  router?: RouterModel;
  ledger?: Section & { rows: LedgerRowModel[] };
  retention?: Section & { usersRetained90d?: Located<number> };
  tenants?: Section & {
    clusterCostPerHour?: Located<number>;
    clusterGpuSeconds?: Located<number>;
    kvCacheQuota?: Section & { production?: Located<number>; eval?: Located<number> };
    items: (Section & { name?: Located<string>; evalGpuSeconds?: Located<number>; productionGpuSeconds?: Located<number> })[];
  };
}

/** A top-level section's share of the model; a reader reads only its own section of the root. */
export type SectionPart = Partial<Omit<EvalSpecModel, 'root'>>;
export type SectionReader = (r: TreeReader, root: SpecNode) => SectionPart;

/**
 * The model, section by section. Each reader depends on one top-level key only, so a caller that
 * knows a section is unchanged (same node, same place) may pass the part it read before.
 */
export function readSpecModel(root: SpecNode, r: TreeReader, reuse?: (key: string, read: () => SectionPart) => SectionPart): EvalSpecModel {
  const m: EvalSpecModel = { root };
  for (const [key, read] of sectionReaders) Object.assign(m, reuse ? reuse(key, () => read(r, root)) : read(r, root));
  return m;
}

function readVersion(r: TreeReader, root: SpecNode): SectionPart {
  const version = r.num(root, 'evalspec');
  return version ? { version } : {};
}

function readName(r: TreeReader, root: SpecNode): SectionPart {
  const name = r.str(root, 'name');
  return name ? { name } : {};
}

function readTraffic(r: TreeReader, root: SpecNode): SectionPart {
  const traffic = r.map(root, 'traffic');
  if (!traffic) return {};
  const n = traffic.node;
  return {
    traffic: {
      ...traffic,
      qps: r.num(n, 'qps'),
      avgOutputTokens: r.num(n, 'avg_output_tokens'),
      pricePer1mOutputTokens: r.num(n, 'price_per_1m_output_tokens'),
      sessionsPerDay: r.num(n, 'sessions_per_day'),
      requestsPerSession: r.num(n, 'requests_per_session'),
    },
  };
}

function readMetrics(r: TreeReader, root: SpecNode): SectionPart {
  const metrics = r.section(root, 'metrics');
  if (!metrics || metrics.node.kind !== 'seq') return {};
  return {
    metrics: {
      ...metrics,
      items: r.items(root, 'metrics').map((s) => {
        const p = r.map(s.node, 'predicts');
        return {
          ...s,
          id: r.str(s.node, 'id'),
          primary: r.bool(s.node, 'primary'),
          kind: r.str(s.node, 'kind'),
          expectedPassRate: r.num(s.node, 'expected_pass_rate'),
          expectedSd: r.num(s.node, 'expected_sd'),
          scale: r.scalarList(s.node, 'scale', isNumber),
          predicts: p && { ...p, onlineMetric: r.str(p.node, 'online_metric'), expectedEffect: r.str(p.node, 'expected_effect'), measured: readBridge(r, p.node) },
        };
      }),
    },
  };
}

function readJudge(r: TreeReader, root: SpecNode): SectionPart {
  const judge = r.map(root, 'judge');
  if (!judge) return {};
  const n = judge.node;
  const rubric = r.section(n, 'rubric');
  const cal = r.map(n, 'calibration');
  const band = r.section(n, 'escalation_band');
  return {
    judge: {
      ...judge,
      kind: r.str(n, 'kind'),
      model: r.str(n, 'model'),
      productionModel: r.str(n, 'production_model'),
      referenceJudge: r.str(n, 'reference_judge'),
      family: r.str(n, 'family'),
      productionFamily: r.str(n, 'production_family'),
      prompt: r.str(n, 'prompt'),
      output: r.str(n, 'output'),
      pairwise: r.bool(n, 'pairwise'),
      swapOrder: r.bool(n, 'swap_order'),
      rubric: rubric && {
        ...rubric,
        criteria: r.items(n, 'rubric').map((c) => ({
          ...c,
          criterion: r.str(c.node, 'criterion'),
          passExample: r.str(c.node, 'pass_example'),
          failExample: r.str(c.node, 'fail_example'),
        })),
      },
      escalationBand: r.scalarList(n, 'escalation_band', isNumber),
      escalationBandSection: band,
      calibration: cal && readCalibration(r, cal),
      labelledTraffic: readLabelledTraffic(r, n),
    },
  };
}

const isLabel = (v: unknown): v is string | number => isString(v) || isNumber(v);

function readCalibration(r: TreeReader, cal: Section): CalibrationModel {
  return {
    ...cal,
    examples: r.num(cal.node, 'examples'),
    data: r.str(cal.node, 'data'),
    dataEngine: engineSource(r, r.map(cal.node, 'data')),
    minSpearman: r.num(cal.node, 'min_spearman'),
    minKappa: r.num(cal.node, 'min_kappa'),
    refresh: r.str(cal.node, 'refresh'),
    kappaWeights: r.str(cal.node, 'kappa_weights'),
    labelSet: r.scalarList(cal.node, 'label_set', isLabel),
    highConfidenceMin: r.num(cal.node, 'high_confidence_min'),
    passThreshold: r.num(cal.node, 'pass_threshold'),
    passLabels: r.scalarList(cal.node, 'pass_labels', isLabel),
    evidence: r.str(cal.node, 'evidence'),
    columns: calibrationColumns(r, r.map(cal.node, 'columns')),
    agreement: readAgreement(r, cal.node),
    heldOut: readHeldOut(r, cal.node),
    spotCheck: readSpotCheck(r, cal.node),
    report: readCalibrationReport(r, cal.node),
  };
}

function readGoldenSet(r: TreeReader, root: SpecNode): SectionPart {
  const golden = r.map(root, 'golden_set');
  if (!golden) return {};
  const n = golden.node;
  const cohorts = r.section(n, 'cohorts');
  return {
    goldenSet: {
      ...golden,
      size: r.num(n, 'size'),
      confidence: r.num(n, 'confidence'),
      targetHalfWidth: r.num(n, 'target_half_width'),
      detectChange: r.num(n, 'detect_change'),
      power: r.num(n, 'power'),
      interval: r.str(n, 'interval'),
      cohorts: cohorts && {
        ...cohorts,
        items: r.items(n, 'cohorts').map((c) => ({
          ...c,
          name: r.str(c.node, 'name'),
          share: r.num(c.node, 'share'),
          expectedPassRate: r.num(c.node, 'expected_pass_rate'),
          safety: r.bool(c.node, 'safety'),
          borderlineShare: r.num(c.node, 'borderline_share'),
          minLabels: r.num(c.node, 'min_labels'),
          refreshOnSafetyTraining: r.bool(c.node, 'refresh_on_safety_training'),
        })),
      },
      coverage: r.num(n, 'coverage'),
      sampledOn: r.str(n, 'sampled_on'),
      refresh: r.str(n, 'refresh'),
      labelBudget: r.num(n, 'label_budget'),
      resampleDays: r.num(n, 'resample_days'),
      ...readGoldenSetDesign(r, n),
      maxFailureRate: r.num(n, 'max_failure_rate'),
      failuresAllowed: r.num(n, 'failures_allowed'),
    },
  };
}

function readCadence(r: TreeReader, root: SpecNode): SectionPart {
  const cadence = r.map(root, 'cadence');
  if (!cadence) return {};
  const n = cadence.node;
  const pre = r.map(n, 'pre_merge');
  const daily = r.map(n, 'daily');
  const weekly = r.map(n, 'weekly');
  return {
    cadence: {
      ...cadence,
      preMerge: pre && { ...pre, blocking: r.bool(pre.node, 'blocking'), examples: r.num(pre.node, 'examples') },
      daily: daily && { ...daily, examples: r.num(daily.node, 'examples'), monitoring: readMonitoring(r, daily.node) },
      weekly: weekly && { ...weekly, stratified: r.bool(weekly.node, 'stratified'), examples: r.num(weekly.node, 'examples') },
    },
  };
}

function readRouter(r: TreeReader, root: SpecNode): SectionPart {
  const router = r.map(root, 'router');
  if (!router) return {};
  const n = router.node;
  const tiers = r.section(n, 'tiers');
  const alerts = r.map(n, 'alerts');
  const canary = r.map(n, 'canary');
  return {
    router: {
      ...router,
      latencyBudgetP95Ms: r.num(n, 'latency_budget_p95_ms'),
      escalateLowestConfidence: r.num(n, 'escalate_lowest_confidence'),
      tiers: tiers && {
        ...tiers,
        items: r.items(n, 'tiers').map((t) => ({
          ...t,
          name: r.str(t.node, 'name'),
          role: r.str(t.node, 'role'),
          pricePer1mOutputTokens: r.num(t.node, 'price_per_1m_output_tokens'),
          share: r.num(t.node, 'share'),
        })),
      },
      alerts: alerts && {
        ...alerts,
        flagshipShareOverBaselinePp: r.num(alerts.node, 'flagship_share_over_baseline_pp'),
        minP10Confidence: r.num(alerts.node, 'min_p10_confidence'),
        costShareOverMovingAvg: r.num(alerts.node, 'cost_share_over_moving_avg'),
        shadowJudge: readShadowJudgeAlert(r, alerts.node),
      },
      canary: canary && {
        ...canary,
        shadowFraction: r.num(canary.node, 'shadow_fraction'),
        hours: r.num(canary.node, 'hours'),
        maxShareShiftPp: r.num(canary.node, 'max_share_shift_pp'),
        maxQualityDeltaPp: r.num(canary.node, 'max_quality_delta_pp'),
      },
      results: r.str(n, 'results'),
      sampleRate: r.num(n, 'sample_rate'),
      resultsEngine: engineSource(r, r.map(n, 'results')),
      columns: routerColumns(r, r.map(n, 'columns')),
    },
  };
}

function readLedger(r: TreeReader, root: SpecNode): SectionPart {
  const ledger = r.section(root, 'ledger');
  if (!ledger || ledger.node.kind !== 'seq') return {};
  return {
    ledger: {
      ...ledger,
      rows: r.items(root, 'ledger').map((s) => {
        const n = s.node;
        return {
          ...s,
          id: r.str(n, 'id'),
          kind: r.str(n, 'kind'),
          share: r.num(n, 'share'),
          costMultiplier: r.num(n, 'cost_multiplier'),
          detection: r.scalarList(n, 'detection', isString),
          detectionSection: r.section(n, 'detection'),
          cohortShare: r.num(n, 'cohort_share'),
          abandonmentIncrease: r.num(n, 'abandonment_increase'),
          valuePerSession: r.num(n, 'value_per_session'),
          sessionsPerDay: r.num(n, 'sessions_per_day'),
          uncoveredShare: r.num(n, 'uncovered_share'),
          passRateGap: r.num(n, 'pass_rate_gap'),
        };
      }),
    },
  };
}

function readTenants(r: TreeReader, root: SpecNode): SectionPart {
  const tenants = r.map(root, 'tenants');
  if (!tenants) return {};
  const n = tenants.node;
  const kv = r.map(n, 'kv_cache_quota');
  return {
    tenants: {
      ...tenants,
      clusterCostPerHour: r.num(n, 'cluster_cost_per_hour'),
      clusterGpuSeconds: r.num(n, 'cluster_gpu_seconds'),
      kvCacheQuota: kv && { ...kv, production: r.num(kv.node, 'production'), eval: r.num(kv.node, 'eval') },
      items: r.items(n, 'tenants').map((t) => ({
        ...t,
        name: r.str(t.node, 'name'),
        evalGpuSeconds: r.num(t.node, 'eval_gpu_seconds'),
        productionGpuSeconds: r.num(t.node, 'production_gpu_seconds'),
      })),
    },
  };
}

function readRetention(r: TreeReader, root: SpecNode): SectionPart {
  const retention = r.map(root, 'retention');
  return retention ? { retention: { ...retention, usersRetained90d: r.num(retention.node, 'users_retained_90d') } } : {};
}

/** Every top-level key the model reads, with its reader; the order is the model's field order. */
const sectionReaders: readonly (readonly [string, SectionReader])[] = [
  ['evalspec', readVersion],
  ['name', readName],
  ['traffic', readTraffic],
  ['metrics', readMetrics],
  ['judge', readJudge],
  ['golden_set', readGoldenSet],
  ['cadence', readCadence],
  ['router', readRouter],
  ['ledger', readLedger],
  ['tenants', readTenants],
  ['retention', readRetention],
];

/** The spec's calibration `columns`, keyed as the calibration report names its columns. */
function calibrationColumns(r: TreeReader, s: Section | undefined): Record<string, string> | undefined {
  if (!s) return undefined;
  const out: Record<string, string> = {};
  const put = (key: string, name: string | undefined) => {
    if (name) out[key] = name;
  };
  put('judge_score', r.str(s.node, 'judge_score')?.value);
  const labels = r.scalarList(s.node, 'human_labels', isString);
  put('human_label', labels?.[0]?.value);
  put('human_label_2', labels?.[1]?.value);
  put('cohort', r.str(s.node, 'cohort')?.value);
  put('month', r.str(s.node, 'month')?.value);
  put('judge_confidence', r.str(s.node, 'confidence')?.value);
  put('batch', r.str(s.node, 'batch')?.value);
  return out;
}

/** The spec's router `columns`; the keys are the routing report's own. */
function engineSource(r: TreeReader, s: Section | undefined): EngineSourceModel | undefined {
  if (!s) return undefined;
  const n = s.node;
  return { ...s, engine: r.str(n, 'engine'), path: r.str(n, 'path'), url: r.str(n, 'url'), table: r.str(n, 'table'), database: r.str(n, 'database'), user: r.str(n, 'user') };
}

function routerColumns(r: TreeReader, s: Section | undefined): Record<string, string> | undefined {
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const key of ['time', 'tier', 'confidence', 'cost', 'quality', 'quality_cheap', 'quality_flagship']) {
    const v = r.str(s.node, key)?.value;
    if (v) out[key] = v;
  }
  return out;
}
