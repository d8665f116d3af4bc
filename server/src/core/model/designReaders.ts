// The parts of the format for evaluating with a judge (issue 11): a paired design, clustered items,
// the prompt pool, multiplicity across cohorts, judge-labelled traffic, judge–human agreement on the
// calibration set and sequential monitoring of the daily run. Each is optional; a spec without them
// reads exactly as before.
import type { SpecNode } from '../parse/specTree';
import type { Located, Section, TreeReader } from './read';

export interface PairedDesignModel extends Section {
  expectedDiscordance?: Located<number>;
}

export interface ClustersModel extends Section {
  size?: Located<number>;
  icc?: Located<number>;
}

export interface LabelledTrafficModel extends Section {
  items?: Located<number>;
  judgePassRate?: Located<number>;
}

export interface AgreementModel extends Section {
  humanPass?: Located<number>;
  judgePassOnHumanPass?: Located<number>;
  humanFail?: Located<number>;
  judgeFailOnHumanFail?: Located<number>;
}

export interface MonitoringModel extends Section {
  method?: Located<string>;
  runs?: Located<number>;
}

/** golden_set: paired, clusters, prompt_pool, multiplicity. */
export function readGoldenSetDesign(r: TreeReader, n: SpecNode): {
  paired?: PairedDesignModel;
  clusters?: ClustersModel;
  promptPool?: Located<number>;
  multiplicity?: Located<string>;
} {
  const paired = r.map(n, 'paired');
  const clusters = r.map(n, 'clusters');
  return {
    paired: paired && { ...paired, expectedDiscordance: r.num(paired.node, 'expected_discordance') },
    clusters: clusters && { ...clusters, size: r.num(clusters.node, 'size'), icc: r.num(clusters.node, 'icc') },
    promptPool: r.num(n, 'prompt_pool'),
    multiplicity: r.str(n, 'multiplicity'),
  };
}

/** judge.labelled_traffic */
export function readLabelledTraffic(r: TreeReader, n: SpecNode): LabelledTrafficModel | undefined {
  const t = r.map(n, 'labelled_traffic');
  return t && { ...t, items: r.num(t.node, 'items'), judgePassRate: r.num(t.node, 'judge_pass_rate') };
}

/** judge.calibration.agreement */
export function readAgreement(r: TreeReader, n: SpecNode): AgreementModel | undefined {
  const a = r.map(n, 'agreement');
  return (
    a && {
      ...a,
      humanPass: r.num(a.node, 'human_pass'),
      judgePassOnHumanPass: r.num(a.node, 'judge_pass_on_human_pass'),
      humanFail: r.num(a.node, 'human_fail'),
      judgeFailOnHumanFail: r.num(a.node, 'judge_fail_on_human_fail'),
    }
  );
}

/** cadence.daily.monitoring */
export function readMonitoring(r: TreeReader, n: SpecNode): MonitoringModel | undefined {
  const m = r.map(n, 'monitoring');
  return m && { ...m, method: r.str(m.node, 'method'), runs: r.num(m.node, 'runs') };
}
