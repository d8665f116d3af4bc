import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, base, expectClean, expectFinding, expectFixResolves, fixAll, variant } from './harness';

const cadence = `cadence:
  pre_merge: {blocking: true, examples: 200}
  daily: {examples: 2000}
  weekly: {stratified: true}
`;

describe('no-pre-merge-blocking', () => {
  it('fires on blocking: false', () => {
    expectFinding('no-pre-merge-blocking', variant(base, ['{blocking: true, examples: 200}', '{blocking: ⟦false⟧, examples: 200}']), ['pre-merge run of 200 examples does not block']);
  });
  it('fires on the cadence key without a pre-merge run', () => {
    expectFinding('no-pre-merge-blocking', variant(base, [cadence, '⟦cadence⟧:\n  daily: {examples: 2000}\n  weekly: {stratified: true}\n']), ['No pre-merge run']);
  });
  it('fires on the first key when there is no cadence at all', () => {
    expectFinding('no-pre-merge-blocking', variant(base, [cadence, ''], ['evalspec: 1', '⟦evalspec⟧: 1']), ['no cadence', '0 of 3 tiers']);
  });
  it('passes with a blocking pre-merge run', () => {
    expectClean('no-pre-merge-blocking', base);
  });
  it('fix: flips blocking, adds pre_merge sized to the golden set, or adds a cadence', () => {
    const [a] = expectFixResolves('no-pre-merge-blocking', variant(base, ['{blocking: true, examples: 200}', '{blocking: false, examples: 200}']));
    assert.match(a!, /pre_merge: \{blocking: true, examples: 200\}/);
    const [b] = expectFixResolves('no-pre-merge-blocking', variant(base, [cadence, 'cadence:\n  daily: {examples: 2000}\n  weekly: {stratified: true}\n']), { title: /6,?148|6148/ });
    assert.match(b!, /weekly: \{stratified: true\}\n {2}pre_merge: \{blocking: true, examples: 6148\}\n/);
    const [c] = expectFixResolves('no-pre-merge-blocking', variant(base, [cadence, '']));
    assert.match(c!, /\ncadence:\n {2}pre_merge: \{blocking: true, examples: 6148\}\n$/);
  });
  it('fix: works on a flow-style cadence', () => {
    const [f] = expectFixResolves('no-pre-merge-blocking', variant(base, [cadence, 'cadence: {daily: {examples: 2000}, weekly: {stratified: true}}\n']));
    assert.match(f!, /cadence: \{daily: \{examples: 2000\}, weekly: \{stratified: true\}, pre_merge: \{blocking: true, examples: 6148\}\}/);
  });
});

describe('cadence-tier-missing', () => {
  it('fires once per missing tier, on the cadence key', () => {
    const [d] = expectFinding('cadence-tier-missing', variant(base, [cadence, '⟦cadence⟧:\n  pre_merge: {blocking: true, examples: 200}\n  weekly: {stratified: true}\n']), ['2 of 3 cadence tiers present']);
    assert.match(d!.message, /No daily regression run/);
    const both = analyze(variant(base, [cadence, 'cadence:\n  pre_merge: {blocking: true, examples: 200}\n'])).diagnostics.filter((x) => x.code === 'cadence-tier-missing');
    assert.deepEqual(both.map((x) => [x.range.start.line, x.range.start.character, (x.data as { tier: string }).tier]), [[59, 0, 'daily'], [59, 0, 'weekly']]);
    assert.match(both[0]!.message, /1 of 3 cadence tiers present/);
  });
  it('passes with all three tiers', () => {
    expectClean('cadence-tier-missing', base);
  });
  it('fix: adds daily and weekly with the seed values', () => {
    const [d] = expectFixResolves('cadence-tier-missing', variant(base, ['  daily: {examples: 2000}\n', '']));
    assert.match(d!, /weekly: \{stratified: true\}\n {2}daily: \{examples: 2000\}\n/);
    const [w] = expectFixResolves('cadence-tier-missing', variant(base, ['  weekly: {stratified: true}\n', '']));
    assert.match(w!, /daily: \{examples: 2000\}\n {2}weekly: \{stratified: true\}\n/);
    const all = fixAll('cadence-tier-missing', variant(base, [cadence, '']));
    assert.match(all, /\ncadence:\n {2}daily: \{examples: 2000\}\n {2}weekly: \{stratified: true\}\n$/);
  });
});
