// `evalspec calc`: every quantity runs with its documented keys, figures match the core, and bad
// input gives exactly one precise line and exit 2.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCalcCommand } from '../../../server/src/cli/calcCommand';
import { QUANTITIES } from '../../../server/src/cli/calc/quantities';

function calc(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCalcCommand(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

/** A valid invocation of each quantity (every required key). */
const EXAMPLES: Record<string, string[]> = {
  'paired-compare': ['--n', '40', '--b', '6', '--c', '2', '--both-pass', '23'],
  'paired-n': ['--p1', '0.80', '--p2', '0.78', '--discordance', '0.10'],
  'judge-correct': ['--k', '1600', '--N', '2000', '--n-pass', '250', '--s-pass', '230', '--n-fail', '100', '--s-fail', '85'],
  ppi: ['--y1-yhat1', '149', '--y1-yhat0', '7', '--y0-yhat1', '13', '--y0-yhat0', '31', '--N', '20000', '--k', '16000'],
  'ppi-labels': ['--p', '0.8', '--half-width', '0.02', '--N', '20000', '--rho', '0.7'],
  'ppi-power': ['--rho', '0.8', '--effective-n', '400'],
  'corr-ci': ['--r', '0.7', '--n', '129'],
  'corr-n': ['--method', 'spearman', '--r', '0.7', '--width', '0.2'],
  'corr-gate': ['--n', '50', '--rho', '0.80', '--threshold', '0.75'],
  'corr-detect-n': ['--rho0', '0.8', '--rho1', '0.75'],
  'kappa-ci': ['--n11', '40', '--n12', '5', '--n21', '10', '--n22', '45'],
  'kappa-ci-n': ['--kappa0', '0.7', '--kappa-lower', '0.6', '--kappa-upper', '0.8', '--prevalence', '0.2'],
  'kappa-power-n': ['--kappa0', '0.4', '--kappa1', '0.7', '--prevalence', '0.5'],
  'kappa-plan': ['--kappa', '0.8', '--prevalence', '0.5', '--n', '200', '--threshold', '0.75'],
  'zero-failure-n': ['--p-max', '0.01'],
  'failure-upper': ['--x', '0', '--n', '299', '--confidence', '0.90'],
  'certify-n': ['--p-max', '0.01', '--x-allowed', '2'],
  'design-effect': ['--n0', '1536.64', '--cluster-size', '5', '--icc', '0.3'],
  fpc: ['--n0', '1536.6', '--population', '3000'],
  multiplicity: ['--k', '4', '--p1', '0.8', '--p2', '0.78'],
  stratified: ['--strata', 'en:0.6:200:180,de:0.3:150:120,ja:0.1:150:105'],
  'conf-seq': ['--t-opt', '100', '--t', '100'],
  'conf-seq-t': ['--t-opt', '1000', '--half-width', '0.1'],
  peeking: ['--looks', '30'],
};

describe('evalspec calc', () => {
  it('--help lists every quantity and its keys', () => {
    const r = calc(['--help']);
    assert.equal(r.code, 0);
    for (const q of QUANTITIES) {
      assert.match(r.out, new RegExp(`\\n  ${q.name} `));
      for (const k of q.keys) assert.ok(r.out.includes(`--${k.name}`), `${q.name} --${k.name}`);
    }
    const one = calc(['paired-n', '--help']);
    assert.match(one.out, /--discordance\s+P\(the two models disagree on an item\).*\(required\)/);
  });

  it('every quantity has a worked example that runs in text and json', () => {
    assert.deepEqual(Object.keys(EXAMPLES).sort(), QUANTITIES.map((q) => q.name).sort());
    for (const [name, args] of Object.entries(EXAMPLES)) {
      const t = calc([name, ...args]);
      assert.equal(t.code, 0, `${name}: ${t.err}`);
      assert.equal(t.err, '');
      const j = calc([name, ...args, '--format', 'json']);
      assert.equal(j.code, 0);
      const parsed = JSON.parse(j.out) as { quantity: string; headline: string };
      assert.equal(parsed.quantity, name);
      assert.equal(t.out.split('\n')[0], parsed.headline);
    }
  });

  it('figures from the design notes', () => {
    assert.match(calc(['judge-correct', ...EXAMPLES['judge-correct']!]).out, /^judge says 80\.0%; corrected 84\.4% \[79\.9%, 89\.0%\]/);
    assert.match(calc(['corr-gate', ...EXAMPLES['corr-gate']!]).out, /^50 examples: P\(block \| ρ = 0\.8\) = 23%/);
    assert.match(calc(['corr-n', ...EXAMPLES['corr-n']!]).out, /^129 pairs/);
    assert.match(calc(['kappa-ci-n', ...EXAMPLES['kappa-ci-n']!]).out, /^376 subjects/);
    assert.match(calc(['zero-failure-n', '--p-max', '0.001']).out, /^2995 items/);
    // κ = 4/5, p = 1/2: n·Var(κ̂) = 0.36, so SE = 0.6/√200.
    const kp = JSON.parse(calc(['kappa-plan', ...EXAMPLES['kappa-plan']!, '--format', 'json']).out);
    assert.equal(kp.result.plan.perSubjectVarianceExact, '0.36');
    assert.ok(Math.abs(kp.result.plan.se - 0.6 / Math.sqrt(200)) < 1e-16);
    assert.match(kp.headline, /^200 subjects: κ ± 0\.083 \(95%\), SE 0\.0424; P\(κ̂ < 0\.75\) = /);
    assert.match(calc(['fpc', ...EXAMPLES['fpc']!]).out, /^1017 of 3000/);
    assert.match(calc(['design-effect', ...EXAMPLES['design-effect']!]).out, /3381 items/);
    const paired = JSON.parse(calc(['paired-n', ...EXAMPLES['paired-n']!, '--format', 'json']).out);
    assert.equal(paired.result.n, 1960);
    assert.equal(paired.result.nIndependentTotal, 13020);
  });

  it('undefined results are said, not printed as NaN', () => {
    const r = calc(['judge-correct', '--k', '10', '--N', '20', '--n-pass', '10', '--s-pass', '5', '--n-fail', '10', '--s-fail', '4']);
    assert.equal(r.code, 0);
    assert.match(r.out, /no correction: sensitivity \+ specificity = 0\.9000 ≤ 1/);
    assert.doesNotMatch(r.out, /NaN/);
    const j = JSON.parse(calc(['paired-n', '--p1', '0.8', '--p2', '0.8', '--discordance', '0.1', '--format', 'json']).out);
    assert.match(j.result.n.undefined, /p1 = p2/);
  });

  it('bad input: one precise line on stderr, exit 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [['nope'], /unknown quantity "nope"/],
      [['paired-n', '--p1', '0.8', '--p2', '0.78'], /--discordance is required/],
      [['paired-n', '--p1', '1.2', '--p2', '0.78', '--discordance', '0.1'], /--p1 takes a number strictly between 0 and 1, got "1\.2"/],
      [['paired-n', '--p1', '0.8', '--p2', '0.78', '--discordance', '0.1', '--bogus', '1'], /unknown key --bogus/],
      [['paired-n', '--p1', '0.8', '--p2', '0.78', '--discordance', '0.1', '--format', 'xml'], /--format takes text or json/],
      [['paired-n', '--p1', '0.8', '--p1', '0.8'], /--p1 given twice/],
      [['paired-n', '--p1'], /--p1 needs a value/],
      [['paired-compare', '--n', '10', '--b', '6', '--c', '6', '--both-pass', '0'], /exceeds n = 10/],
      [['kappa-ci', '--n11', '1.5', '--n12', '1', '--n21', '1', '--n22', '1'], /--n11 takes a whole number/],
      [['stratified', '--strata', 'en:0.6:200'], /--strata takes name:share:n:passes/],
      [['peeking', '--looks', '5000'], /at most 1000 looks/],
      [['corr-ci', '--r', '1.5', '--n', '10'], /r must lie in \[−1, 1\]/],
    ];
    for (const [args, re] of cases) {
      const r = calc(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, re);
      assert.equal(r.err.trimEnd().split('\n').length, 1, `one line: ${r.err}`);
    }
  });
});
