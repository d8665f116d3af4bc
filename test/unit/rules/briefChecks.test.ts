// What the design brief asks and no rule checked before (issue 10): the router's third drift alert
// (cheap-tier completions shadowed through the flagship judge), the judge's monthly spot-check on the
// current week's traffic, and safety cohorts labelled mostly on their borderline slice and refreshed
// on every safety-training update. Each fixture fails before its rule and passes after its fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pooledSampleSize } from '../../../server/src/core/stats';
import { analyze, base, expectClean, expectFinding, expectFixResolves, variant } from './harness';

const shadow = '    shadow_judge: {sample_fraction: 0.05, delay_hours: 24, quality_delta_pp: 3}\n';
const spot = '    spot_check: {examples: 100, window_days: 7, every: monthly, during_training: weekly}\n';

describe('router-shadow-alert-missing', () => {
  it('fires on alerts when the shadow-judge alert is missing, and on router when alerts are', () => {
    expectFinding('router-shadow-alert-missing', variant(base.replace(shadow, ''), ['  alerts:', '  ⟦alerts⟧:']), ['5% sample of cheap-tier completions', 'flagship judge', '24-hour delay', 'more than 3 pp']);
    const noAlerts = base.replace(/ {2}alerts:\n(?: {4}.*\n)+/, '');
    expectFinding('router-shadow-alert-missing', variant(noAlerts, ['\nrouter:', '\n⟦router⟧:']));
  });
  it('passes with the alert, and on a router of one tier', () => {
    expectClean('router-shadow-alert-missing', base);
    const oneTier = base.replace(shadow, '').replace(/ {2}tiers:\n(?: {4}- .*\n)+/, '  tiers:\n    - {name: only, price_per_1m_output_tokens: 3, share: 1}\n');
    expectClean('router-shadow-alert-missing', oneTier);
  });
  it('fix: inserts the seed alert, into alerts or as a new alerts block', () => {
    const [fixed] = expectFixResolves('router-shadow-alert-missing', base.replace(shadow, ''));
    assert.match(fixed!, /\n {4}shadow_judge: \{sample_fraction: 0\.05, delay_hours: 24, quality_delta_pp: 3\}\n/);
    const [fresh] = expectFixResolves('router-shadow-alert-missing', base.replace(/ {2}alerts:\n(?: {4}.*\n)+/, ''));
    assert.match(fresh!, /\n {2}alerts:\n {4}shadow_judge: \{sample_fraction: 0\.05, delay_hours: 24, quality_delta_pp: 3\}\n/);
  });
});

describe('router-shadow-alert-off', () => {
  const at = (f: string, h: string, q: string) => variant(base, [shadow, `    shadow_judge: {sample_fraction: ${f}, delay_hours: ${h}, quality_delta_pp: ${q}}\n`]);
  it('fires on a sample too small to see the widening it alerts on, with the n it needs', () => {
    const need = pooledSampleSize(0.8, 0.77, { alpha: 0.05, power: 0.8 }).nPerGroup;
    // 1,000 QPS × 86,400 s × 70% cheap × 0.00001 = 604.8 a day.
    const [d] = expectFinding('router-shadow-alert-off', at('⟦0.00001⟧', '24', '3'), ['about 605 cheap-tier completions a day', `needs ${need.toLocaleString('en-US')}`, 'the recommended sample is 5%']);
    assert.deepEqual(d!.data, { key: 'sample_fraction', value: 0.00001, recommended: 0.05 });
  });
  it('fires on a sample under a fifth of the seed even when traffic would resolve it, and without traffic', () => {
    expectFinding('router-shadow-alert-off', at('⟦0.005⟧', '24', '3'), ['0.5% shadow sample is under a fifth']);
    const noTraffic = base.replace(/traffic:\n(?: {2}.*\n)+/, '');
    expectFinding('router-shadow-alert-off', variant(noTraffic, [shadow, '    shadow_judge: {sample_fraction: ⟦0.001⟧, delay_hours: 24, quality_delta_pp: 3}\n']), ['0.1% shadow sample']);
  });
  it('fires on a sample over 25%, a delay over 48 h and a threshold outside [1.5, 6] pp', () => {
    const found = expectFinding('router-shadow-alert-off', at('⟦0.5⟧', '⟦72⟧', '⟦10⟧'));
    assert.match(found[0]!.message, /Shadowing 50% of cheap-tier completions.*about 30,240,000 flagship-judge calls a day/);
    assert.match(found[1]!.message, /72-hour shadow delay sees a quality drift 3 days after/);
    assert.match(found[2]!.message, /\+10 pp lets a slow drift/);
    expectFinding('router-shadow-alert-off', at('0.05', '24', '⟦1⟧'), ['pages on day-to-day noise']);
  });
  it('passes on the seed values and near them; a fraction-like pp value is pp-looks-like-fraction', () => {
    expectClean('router-shadow-alert-off', base);
    expectClean('router-shadow-alert-off', at('0.02', '48', '1.5').replace(/[⟦⟧]/g, ''));
    expectClean('router-shadow-alert-off', at('0.25', '6', '6'));
    expectClean('router-shadow-alert-off', at('0.05', '24', '0.03'));
    expectFinding('pp-looks-like-fraction', at('0.05', '24', '⟦0.03⟧'), ['quality_delta_pp is 0.03 pp']);
  });
  it('fix: sets each value to the seed value', () => {
    const [a] = expectFixResolves('router-shadow-alert-off', at('0.5', '24', '3'));
    assert.match(a!, /sample_fraction: 0\.05, delay_hours: 24/);
    const [b] = expectFixResolves('router-shadow-alert-off', at('0.05', '72', '3'));
    assert.match(b!, /delay_hours: 24, quality_delta_pp: 3/);
    const [c] = expectFixResolves('router-shadow-alert-off', at('0.05', '24', '10'));
    assert.match(c!, /quality_delta_pp: 3\}/);
    const [e] = expectFixResolves('router-shadow-alert-off', at('0.00001', '24', '3'));
    assert.match(e!, /sample_fraction: 0\.05,/);
  });
});

describe('judge-spot-check', () => {
  it('fires on calibration when a calibrated LLM judge has no spot-check', () => {
    expectFinding('judge-spot-check', variant(base.replace(spot, ''), ['  calibration:', '  ⟦calibration⟧:']), ['No rolling spot-check', "50–100 items from the current week's traffic", 'weekly during active training']);
  });
  it('fires on each value far from the seed, and on a spot-check that reads the calibration set', () => {
    const bad = variant(base, [spot, '    data: data/calibration.csv\n    spot_check: {examples: ⟦20⟧, window_days: ⟦30⟧, every: ⟦quarterly⟧, during_training: ⟦monthly⟧, data: ⟦data/calibration.csv⟧}\n']);
    const found = expectFinding('judge-spot-check', bad);
    assert.match(found[0]!.message, /20 items is too few/);
    assert.match(found[1]!.message, /last 30 days are not the current week's traffic: .* 23 older days/);
    assert.match(found[2]!.message, /quarterly spot-check/);
    assert.match(found[3]!.message, /monthly spot-check during active training/);
    assert.match(found[4]!.message, /reads the calibration set itself/);
  });
  it('fires on a spot-check that leaves out where, how often or during training', () => {
    expectFinding('judge-spot-check', variant(base, [spot, '    ⟦spot_check⟧: {examples: 60}\n']), ["the current week's traffic: window_days: 7", 'monthly at minimum', 'weekly']);
  });
  it('passes on the seed values, weekly checks, and an embedding judge', () => {
    expectClean('judge-spot-check', base);
    expectClean('judge-spot-check', variant(base, [spot, '    spot_check: {examples: 50, window_days: 3, every: weekly, during_training: daily, data: data/spot.csv}\n']));
    expectClean('judge-spot-check', variant(base.replace(spot, ''), ['  kind: layered', '  kind: embedding']));
  });
  it('fix: adds the seed spot-check, the missing keys, or the seed value', () => {
    const [added] = expectFixResolves('judge-spot-check', base.replace(spot, ''));
    assert.match(added!, /\n {4}spot_check:\n {6}examples: 100 {2}# 50–100 items\n {6}window_days: 7 {2}# drawn from the current week's traffic\n {6}every: monthly\n {6}during_training: weekly\n/);
    const [keys] = expectFixResolves('judge-spot-check', variant(base, [spot, '    spot_check: {examples: 60}\n']));
    assert.match(keys!, /spot_check: \{examples: 60, window_days: 7, every: monthly, during_training: weekly\}/);
    const [value] = expectFixResolves('judge-spot-check', variant(base, [spot, '    spot_check: {examples: 100, window_days: 30, every: monthly, during_training: weekly}\n']));
    assert.match(value!, /window_days: 7,/);
  });
});

describe('safety cohorts', () => {
  const cohort = (extra: string) => variant(base, ['    - {name: long_context, share: 0.15}', `    - {name: long_context, share: 0.05}\n    - {name: safety, share: 0.10, expected_pass_rate: 0.95, ${extra}}`]);
  it('safety-cohort-borderline-labels fires without a borderline share, or under half', () => {
    expectFinding('safety-cohort-borderline-labels', cohort('safety: ⟦true⟧, refresh_on_safety_training: true'), ['Safety cohort safety does not say', '80% of them from the borderline slice (borderline_share: 0.80)']);
    expectFinding('safety-cohort-borderline-labels', cohort('safety: true, borderline_share: ⟦0.3⟧, refresh_on_safety_training: true'), ['only 30% of its labels', 'the recommended split puts 80%']);
  });
  it('safety-cohort-borderline-labels passes at half and above, and on other cohorts', () => {
    expectClean('safety-cohort-borderline-labels', cohort('safety: true, borderline_share: 0.5, refresh_on_safety_training: true'));
    expectClean('safety-cohort-borderline-labels', cohort('safety: false'));
    expectClean('safety-cohort-borderline-labels', base);
  });
  it('safety-cohort-borderline-labels fix: sets or inserts 0.80', () => {
    const [ins] = expectFixResolves('safety-cohort-borderline-labels', cohort('safety: true, refresh_on_safety_training: true'));
    assert.match(ins!, /refresh_on_safety_training: true, borderline_share: 0\.80\}/);
    const [set] = expectFixResolves('safety-cohort-borderline-labels', cohort('safety: true, borderline_share: 0.3, refresh_on_safety_training: true'));
    assert.match(set!, /borderline_share: 0\.80,/);
  });
  it('safety-cohort-refresh-trigger fires unless the cohort is refreshed on safety-training updates', () => {
    expectFinding('safety-cohort-refresh-trigger', cohort('safety: ⟦true⟧, borderline_share: 0.8'), ['not re-labelled when a model update touches safety training', 'refresh_on_safety_training: true']);
    expectFinding('safety-cohort-refresh-trigger', cohort('safety: true, borderline_share: 0.8, refresh_on_safety_training: ⟦false⟧'));
    expectClean('safety-cohort-refresh-trigger', cohort('safety: true, borderline_share: 0.8, refresh_on_safety_training: true'));
    expectClean('safety-cohort-refresh-trigger', base);
  });
  it('safety-cohort-refresh-trigger fix: inserts or sets true', () => {
    const [ins] = expectFixResolves('safety-cohort-refresh-trigger', cohort('safety: true, borderline_share: 0.8'));
    assert.match(ins!, /borderline_share: 0\.8, refresh_on_safety_training: true\}/);
    const [set] = expectFixResolves('safety-cohort-refresh-trigger', cohort('safety: true, borderline_share: 0.8, refresh_on_safety_training: false'));
    assert.match(set!, /refresh_on_safety_training: true\}/);
  });
  it('a safety cohort written as the brief asks raises neither', () => {
    const ok = analyze(cohort('safety: true, borderline_share: 0.8, refresh_on_safety_training: true')).diagnostics.map((d) => d.code);
    assert.ok(!ok.includes('safety-cohort-borderline-labels') && !ok.includes('safety-cohort-refresh-trigger'), ok.join(', '));
  });
});
