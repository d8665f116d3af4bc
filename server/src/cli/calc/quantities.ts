// The quantities of `evalspec calc`: each names its keys and runs one statistic of the core
// (server/src/core/stats), returning a one-line headline and the full result.
import * as S from '../../core/stats';
import type { KeySpec } from './keys';
import { failuresAllowedText } from '../../core/figures/format';

type V = Record<string, any>;

export interface Quantity {
  name: string;
  summary: string;
  keys: KeySpec[];
  run(v: V): { headline: string; result: unknown };
}

const pct = (x: number, d = 1): string => `${(100 * x).toFixed(d)}%`;
const show = (d: { defined: boolean; value?: unknown; reason?: string }, f: (x: any) => string = String): string => (d.defined ? f(d.value) : `undefined (${d.reason})`);

const alpha = (def = 0.05): KeySpec => ({ name: 'alpha', kind: 'open-rate', help: 'two-sided significance level', default: def });
const power: KeySpec = { name: 'power', kind: 'open-rate', help: 'power (1 − β)', default: 0.8 };
const confidence: KeySpec = { name: 'confidence', kind: 'open-rate', help: 'confidence level', default: 0.95 };
const method: KeySpec = { name: 'method', kind: 'method', help: 'correlation: pearson, spearman or kendall', default: 'spearman' };

export const QUANTITIES: Quantity[] = [
  {
    name: 'paired-compare',
    summary: 'difference of two models on the same items: paired SE/CI, McNemar exact, mid-p, χ²',
    keys: [
      { name: 'n', kind: 'positive-int', help: 'items scored by both models' },
      { name: 'b', kind: 'count', help: 'items A passes and B fails' },
      { name: 'c', kind: 'count', help: 'items A fails and B passes' },
      { name: 'both-pass', kind: 'count', help: 'items both pass' },
    ],
    run: (v) => {
      const r = S.pairedComparison(v['n'], v['b'], v['c'], v['both-pass']);
      return { headline: `A − B = ${pct(r.difference)} [${pct(r.ci95.lower)}, ${pct(r.ci95.upper)}] (paired 95% CI); McNemar exact p = ${r.mcnemarExactP.toPrecision(4)}`, result: r };
    },
  },
  {
    name: 'paired-n',
    summary: 'items for a paired comparison p1 → p2 (Connor 1987) beside the independent-groups n',
    keys: [
      { name: 'p1', kind: 'open-rate', help: 'pass rate of model A' },
      { name: 'p2', kind: 'open-rate', help: 'pass rate of model B' },
      { name: 'discordance', kind: 'rate', help: 'P(the two models disagree on an item)' },
      alpha(),
      power,
    ],
    run: (v) => {
      const r = S.pairedSampleSize({ p1: v['p1'], p2: v['p2'], psi: v['discordance'], alpha: v['alpha'], power: v['power'] });
      return { headline: `paired: ${show(r.n)} items (each scored by both models); independent groups: ${show(r.nIndependentTotal)} items in all`, result: r };
    },
  },
  {
    name: 'judge-correct',
    summary: 'judge-corrected pass rate (Rogan–Gladen) with a delta-method CI over p_obs, Se and Sp',
    keys: [
      { name: 'k', kind: 'count', help: 'judge passes on traffic' },
      { name: 'N', kind: 'positive-int', help: 'traffic items the judge scored' },
      { name: 'n-pass', kind: 'count', help: 'golden items a human passed' },
      { name: 's-pass', kind: 'count', help: '…of which the judge passed' },
      { name: 'n-fail', kind: 'count', help: 'golden items a human failed' },
      { name: 's-fail', kind: 'count', help: '…of which the judge failed' },
      confidence,
    ],
    run: (v) => {
      const r = S.judgeCorrection({ k: v['k'], N: v['N'], nPass: v['n-pass'], sPass: v['s-pass'], nFail: v['n-fail'], sFail: v['s-fail'], confidence: v['confidence'] });
      const c = r.corrected;
      const tail = c.defined ? `corrected ${pct(c.value.theta)} [${pct(c.value.ci95.lower)}, ${pct(c.value.ci95.upper)}]` : `no correction: ${c.reason}`;
      return { headline: `judge says ${pct(r.pObs)}; ${tail}`, result: r };
    },
  },
  {
    name: 'ppi',
    summary: 'pass rate from human labels plus judge-labelled traffic: classical, PPI, PPI++',
    keys: [
      { name: 'y1-yhat1', kind: 'count', help: 'golden items: human pass, judge pass' },
      { name: 'y1-yhat0', kind: 'count', help: 'human pass, judge fail' },
      { name: 'y0-yhat1', kind: 'count', help: 'human fail, judge pass' },
      { name: 'y0-yhat0', kind: 'count', help: 'human fail, judge fail' },
      { name: 'N', kind: 'positive-int', help: 'judge-labelled traffic items' },
      { name: 'k', kind: 'count', help: 'judge passes among them' },
    ],
    run: (v) => {
      const r = S.ppiMean({ y1Yhat1: v['y1-yhat1'], y1Yhat0: v['y1-yhat0'], y0Yhat1: v['y0-yhat1'], y0Yhat0: v['y0-yhat0'] }, v['N'], v['k']);
      const hw = (b: { ci95Lower: number; ci95Upper: number }): string => `±${((b.ci95Upper - b.ci95Lower) * 50).toFixed(2)} pp`;
      const pp = r.ppiPlusPlus;
      return { headline: `classical ${pct(r.classical.estimate)} ${hw(r.classical)}; PPI++ ${pp.defined ? `${pct(pp.value.estimate)} ${hw(pp.value)} (worth ${show(pp.value.effectiveN, (x) => x.toFixed(0))} labels)` : pp.reason}`, result: r };
    },
  },
  {
    name: 'ppi-labels',
    summary: 'human labels for a target half-width with N judge-labelled items and judge–human correlation ρ',
    keys: [
      { name: 'p', kind: 'open-rate', help: 'planning pass rate' },
      { name: 'half-width', kind: 'positive', help: 'target CI half-width (0.02 = ±2 pp)' },
      { name: 'N', kind: 'count', help: 'judge-labelled traffic items' },
      { name: 'rho', kind: 'number', help: 'judge–human correlation on the golden set' },
      confidence,
    ],
    run: (v) => {
      const r = S.ppiLabelsForHalfWidth(v['p'], v['half-width'], v['N'], v['rho'], v['confidence']);
      return { headline: `${r.n} human labels with PPI++ (classical: ${r.classicalN}; ${r.labelsSaved} saved)`, result: r };
    },
  },
  {
    name: 'ppi-power',
    summary: 'cheapest (n human, N judge) pair for an effective n, or most powerful for a budget (ppi_power)',
    keys: [
      { name: 'rho', kind: 'number', help: 'PPI correlation' },
      { name: 'cost-y', kind: 'positive', help: 'cost of one human label', default: 1 },
      { name: 'cost-yhat', kind: 'number', help: 'cost of one judge call', default: 0.01 },
      { name: 'cost-x', kind: 'number', help: 'cost of one unlabelled item', default: 0 },
      { name: 'budget', kind: 'positive', help: 'total budget (instead of --effective-n)', default: null },
      { name: 'effective-n', kind: 'positive', help: 'classical-equivalent sample size wanted', default: null },
      { name: 'n-max', kind: 'positive-int', help: 'cap on n + N', default: null },
    ],
    run: (v) => {
      const r = S.ppiPower({ ppiCorr: v['rho'], costY: v['cost-y'], costYhat: v['cost-yhat'], costX: v['cost-x'], budget: v['budget'], effectiveN: v['effective-n'], nMax: v['n-max'] });
      return { headline: r.defined ? `n = ${r.value.n} human labels, N = ${r.value.N} judge-only items, cost ${r.value.costExact} (${r.value.branch})` : r.reason, result: r };
    },
  },
  {
    name: 'corr-ci',
    summary: 'Fisher-z CI on a correlation (Bonett–Wright for Spearman / Kendall)',
    keys: [method, { name: 'r', kind: 'number', help: 'observed correlation' }, { name: 'n', kind: 'positive-int', help: 'pairs' }, confidence],
    run: (v) => {
      const r = S.correlationCi(v['method'], v['r'], v['n'], v['confidence']);
      return { headline: r.defined ? `${v['r']} [${r.value.lower.toFixed(3)}, ${r.value.upper.toFixed(3)}] (width ${r.value.width.toFixed(3)})` : r.reason, result: r };
    },
  },
  {
    name: 'corr-n',
    summary: 'pairs for a correlation CI of a given full width',
    keys: [method, { name: 'r', kind: 'number', help: 'planning correlation' }, { name: 'width', kind: 'positive', help: 'full CI width (upper − lower)' }, confidence],
    run: (v) => {
      const r = S.correlationWidthSize(v['method'], v['r'], v['width'], v['confidence']);
      return { headline: r.defined ? `${r.value.nMin} pairs (width ${r.value.ciAtNMin.width.toFixed(4)})` : r.reason, result: r };
    },
  },
  {
    name: 'corr-gate',
    summary: 'P(block | true ρ) for a gate that blocks when the observed correlation < threshold',
    keys: [method, { name: 'n', kind: 'positive-int', help: 'calibration examples' }, { name: 'rho', kind: 'number', help: 'true correlation' }, { name: 'threshold', kind: 'number', help: 'gate threshold' }],
    run: (v) => {
      const r = S.correlationGate(v['method'], v['n'], v['rho'], v['threshold']);
      return { headline: r.defined ? `${v['n']} examples: P(block | ρ = ${v['rho']}) = ${pct(r.value.pBlock, 0)}` : r.reason, result: r };
    },
  },
  {
    name: 'corr-detect-n',
    summary: 'pairs to tell ρ1 from ρ0 (one-sided Fisher-z test)',
    keys: [method, { name: 'rho0', kind: 'number', help: 'null correlation' }, { name: 'rho1', kind: 'number', help: 'alternative correlation' }, alpha(), power],
    run: (v) => {
      const r = S.correlationDetectSize(v['method'], v['rho0'], v['rho1'], v['alpha'], v['power']);
      return { headline: `${show(r.n)} pairs; gate threshold at that n ${show(r.thresholdAtN, (x) => x.toFixed(4))}`, result: r };
    },
  },
  {
    name: 'kappa-ci',
    summary: "Cohen's κ with the Fleiss–Cohen–Everitt SE and 95% CI from a 2×2 table",
    keys: ['n11', 'n12', 'n21', 'n22'].map((n) => ({ name: n, kind: 'count' as const, help: `cell ${n.slice(1)} (row = rater 1, column = rater 2)` })),
    run: (v) => {
      const r = S.kappaPrecision([[v['n11'], v['n12']], [v['n21'], v['n22']]]);
      const k = r.kappa;
      return { headline: k.defined ? `κ = ${k.value.kappa.toFixed(3)} [${k.value.ci95.lower.toFixed(3)}, ${k.value.ci95.upper.toFixed(3)}]` : k.reason, result: r };
    },
  },
  {
    name: 'kappa-ci-n',
    summary: 'subjects for a κ CI that excludes kappa-lower (and kappa-upper) (kappaSize CIBinary)',
    keys: [
      { name: 'kappa0', kind: 'number', help: 'expected κ' },
      { name: 'kappa-lower', kind: 'number', help: 'lower bound to exclude' },
      { name: 'kappa-upper', kind: 'rate-or-null', help: 'upper bound to exclude (none: one-sided)', default: null },
      { name: 'prevalence', kind: 'number', help: 'share of positives' },
      alpha(),
    ],
    run: (v) => {
      const r = S.kappaCiSize({ kappa0: v['kappa0'], kappaL: v['kappa-lower'], kappaU: v['kappa-upper'], prevalence: v['prevalence'], alpha: v['alpha'] });
      return { headline: r.plan.defined ? `${r.plan.value.n} subjects (${r.sided})` : r.plan.reason, result: r };
    },
  },
  {
    name: 'kappa-power-n',
    summary: 'subjects to reject κ = kappa0 when κ = kappa1 (kappaSize PowerBinary, exact root)',
    keys: [{ name: 'kappa0', kind: 'number', help: 'null κ' }, { name: 'kappa1', kind: 'number', help: 'alternative κ' }, { name: 'prevalence', kind: 'number', help: 'share of positives' }, alpha(), power],
    run: (v) => {
      const r = S.kappaPowerSize(v['kappa0'], v['kappa1'], v['prevalence'], v['alpha'], v['power']);
      return { headline: `${show(r.n)} subjects`, result: r };
    },
  },
  {
    name: 'kappa-plan',
    summary: 'planned SE and 95% half-width of κ at n subjects, and P(κ̂ < threshold) (Bloch–Kraemer)',
    keys: [{ name: 'kappa', kind: 'number', help: 'true κ' }, { name: 'prevalence', kind: 'number', help: 'share of positives' }, { name: 'n', kind: 'positive-int', help: 'subjects' }, { name: 'threshold', kind: 'rate-or-null', help: 'gate threshold: P(κ̂ < threshold) is shown (none: not shown)', default: null }],
    run: (v) => {
      const r = S.kappaPlannedPrecision(v['kappa'], v['prevalence'], v['n']);
      const below = v['threshold'] === null ? undefined : S.kappaBelowProbability(v['threshold'], v['kappa'], v['prevalence'], v['n']);
      const tail = below?.defined ? `; P(κ̂ < ${v['threshold']}) = ${(100 * below.value).toFixed(1)}%` : '';
      return { headline: r.defined ? `${v['n']} subjects: κ ± ${r.value.halfWidth95.toFixed(3)} (95%), SE ${r.value.se.toFixed(4)}${tail}` : r.reason, result: below ? { plan: r, below } : r };
    },
  },
  {
    name: 'zero-failure-n',
    summary: 'items with no failure that certify failure rate ≤ p-max',
    keys: [{ name: 'p-max', kind: 'number', help: 'largest acceptable failure rate' }, confidence],
    run: (v) => {
      const r = S.rareFailureZeroN(v['p-max'], v['confidence']);
      return { headline: r.defined ? `${r.value.n} items, none failing (rule of three: ${r.value.nPoissonApprox})` : r.reason, result: r };
    },
  },
  {
    name: 'failure-upper',
    summary: 'one-sided exact upper bound on a failure rate after x failures in n items',
    keys: [{ name: 'x', kind: 'count', help: 'failures seen' }, { name: 'n', kind: 'positive-int', help: 'items' }, confidence],
    run: (v) => {
      const r = S.rareFailureUpperBound(v['x'], v['n'], v['confidence']);
      return { headline: `failure rate ≤ ${pct(r.oneSidedUpper, 3)} at ${pct(v['confidence'], 0)} confidence`, result: r };
    },
  },
  {
    name: 'certify-n',
    summary: 'items that certify failure rate ≤ p-max when up to x-allowed failures are allowed',
    keys: [{ name: 'p-max', kind: 'open-rate', help: 'largest acceptable failure rate' }, { name: 'x-allowed', kind: 'count', help: 'failures allowed' }, confidence],
    run: (v) => {
      const r = S.rareFailureCertifyN(v['p-max'], v['x-allowed'], v['confidence']);
      return { headline: r.defined ? `${r.value.n} items with ${failuresAllowedText(v['x-allowed'])}` : r.reason, result: r };
    },
  },
  {
    name: 'design-effect',
    summary: 'items for clustered data (cluster size, ICC) from the n planned for independent items',
    keys: [
      { name: 'n0', kind: 'positive', help: 'n planned for independent items' },
      { name: 'cluster-size', kind: 'number', help: 'items per cluster (turns per conversation)' },
      { name: 'icc', kind: 'number', help: 'intra-class correlation' },
      { name: 'n-items', kind: 'positive-int', help: 'clustered items you have (for n_eff)', default: null },
    ],
    run: (v) => {
      const r = S.designEffect(String(v['n0']), String(v['cluster-size']), String(v['icc']), v['n-items'] ?? undefined);
      return { headline: r.defined ? `design effect ${r.value.deffExact}: ${r.value.nInflated} items in ${r.value.nClusters} clusters` : r.reason, result: r };
    },
  },
  {
    name: 'fpc',
    summary: 'finite-population correction for a prompt pool of a given size',
    keys: [{ name: 'n0', kind: 'positive', help: 'n for an unlimited pool' }, { name: 'population', kind: 'positive', help: 'prompts in the pool' }],
    run: (v) => {
      const r = S.finitePopulation(String(v['n0']), String(v['population']));
      return { headline: r.defined ? `${r.value.n} of ${v['population']} prompts` : r.reason, result: r };
    },
  },
  {
    name: 'multiplicity',
    summary: 'Bonferroni / Holm levels and per-group n for per-cohort gates',
    keys: [{ name: 'k', kind: 'positive-int', help: 'cohorts gated together' }, { name: 'p1', kind: 'open-rate', help: 'baseline pass rate' }, { name: 'p2', kind: 'open-rate', help: 'pass rate to detect' }, alpha(), power],
    run: (v) => {
      const r = S.multiplicity(v['alpha'], v['k'], v['p1'], v['p2'], v['power']);
      return { headline: r.sizes.defined ? `Bonferroni α = ${r.bonferroniAlphaExact}: ${r.sizes.value.nPerGroupBonferroni} per group per cohort (unadjusted ${r.sizes.value.nPerGroupUnadjusted})` : r.sizes.reason, result: r };
    },
  },
  {
    name: 'stratified',
    summary: 'population-weighted pass rate across cohorts sampled out of proportion',
    keys: [{ name: 'strata', kind: 'strata', help: 'name:share:n:passes,… (shares sum to 1)' }, confidence],
    run: (v) => {
      const r = S.stratifiedEstimate(v['strata'], v['confidence']);
      return { headline: r.defined ? `stratified ${pct(r.value.pSt)} [${pct(r.value.ci95.lower)}, ${pct(r.value.ci95.upper)}] (naive ${pct(r.value.naiveMean)})` : r.reason, result: r };
    },
  },
  {
    name: 'conf-seq',
    summary: 'half-width of an anytime-valid confidence sequence after t runs (normal mixture)',
    keys: [{ name: 't-opt', kind: 'positive', help: 'observations the boundary is tuned for' }, { name: 't', kind: 'positive', help: 'observations so far' }, alpha(), { name: 'sigma', kind: 'positive', help: 'sub-Gaussian scale (0.5 for pass/fail)', default: 0.5 }],
    run: (v) => {
      const r = S.confidenceSequence({ tOpt: v['t-opt'], alpha: v['alpha'], sigma: v['sigma'] }, v['t']);
      return { headline: r.defined ? `±${(100 * r.value.radius).toFixed(2)} pp anytime-valid (fixed-n ±${(100 * r.value.fixedNRadius).toFixed(2)} pp)` : r.reason, result: r };
    },
  },
  {
    name: 'conf-seq-t',
    summary: 'observations until the confidence sequence is no wider than ±half-width',
    keys: [{ name: 't-opt', kind: 'positive', help: 'observations the boundary is tuned for' }, { name: 'half-width', kind: 'positive', help: 'target half-width' }, alpha(), { name: 'sigma', kind: 'positive', help: 'sub-Gaussian scale', default: 0.5 }],
    run: (v) => {
      const r = S.confidenceSequenceMinT({ tOpt: v['t-opt'], alpha: v['alpha'], sigma: v['sigma'] }, v['half-width']);
      return { headline: r.defined ? `${r.value.tMin} observations (fixed-n: ${r.value.fixedNMin})` : r.reason, result: r };
    },
  },
  {
    name: 'peeking',
    summary: 'false-alarm rate of re-testing at z after every run (no correction)',
    keys: [{ name: 'looks', kind: 'positive-int', help: `runs re-tested (≤ ${S.MAX_LOOKS})` }, { name: 'z', kind: 'positive', help: 'critical value', default: 1.959963984540054 }],
    run: (v) => {
      const rate = S.repeatedTestingFalseAlarm(v['looks'], v['z']);
      return { headline: `${v['looks']} looks at z = ${Number(v['z']).toFixed(2)}: false-alarm rate ${pct(rate)} (nominal ${pct(2 * (1 - S.normalCdf(v['z'])))})`, result: { looks: v['looks'], z: v['z'], falseAlarmRate: rate } };
    },
  },
];
