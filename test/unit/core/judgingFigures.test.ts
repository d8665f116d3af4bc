// κ inline (issue 11): the judge–human κ with its FCE interval on the agreement counts, and the
// annotator gate planned at the declared examples. Values are compared with the core statistics
// they come from; anchors with the lines they explain.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSpec } from '../../../server/src/core';
import { kappaBelowProbability, kappaCiSize, kappaPlannedPrecision, kappaPowerSize, kappaPrecision } from '../../../server/src/core/stats';
import { repoRoot } from '../../support/reference';

const example = readFileSync(join(repoRoot, 'examples', 'paired-judge.evalspec.yaml'), 'utf8');
const lineOf = (text: string, re: RegExp): number => text.split('\n').findIndex((l) => re.test(l));

function judging(text: string): { json: Record<string, Record<string, unknown>>; notes: ReturnType<typeof analyzeSpec>['figures']['notes'] } {
  const f = analyzeSpec(text).figures;
  return { json: (f.json['judging'] ?? {}) as Record<string, Record<string, unknown>>, notes: f.notes };
}

function agreement(text: string): number[][] {
  const read = (key: string): number => Number(new RegExp(`^ +${key}: (\\d+)`, 'm').exec(text)![1]);
  const [hp, jp, hf, jf] = ['human_pass', 'judge_pass_on_human_pass', 'human_fail', 'judge_fail_on_human_fail'].map(read) as [number, number, number, number];
  return [
    [jp, hp - jp],
    [hf - jf, jf],
  ];
}

describe('κ figures', () => {
  it('shows the judge–human κ with its FCE interval on the agreement block', () => {
    const { json, notes } = judging(example);
    const table = agreement(example);
    const want = kappaPrecision(table);
    assert.ok(want.kappa.defined);
    const k = json['kappaAgreement']!;
    assert.deepEqual(k['table'], table);
    assert.equal(k['kappa'], want.kappa.value.kappa);
    assert.equal(k['se'], want.kappa.value.seKappa);
    assert.deepEqual(k['ci95'], [want.kappa.value.ci95.lower, want.kappa.value.ci95.upper]);
    const note = notes.find((n) => n.id === 'judge.calibration.kappa')!;
    assert.equal(note.anchor.start.line, lineOf(example, /^ {4}agreement:/));
    const f2 = (x: number): string => x.toFixed(2);
    assert.equal(note.hint, `judge–human κ ${f2(want.kappa.value.kappa)} [${f2(want.kappa.value.ci95.lower)}, ${f2(want.kappa.value.ci95.upper)}]`);
  });

  it('plans the annotator gate at the declared examples with the agreement counts’ prevalence', () => {
    const { json, notes } = judging(example);
    const g = json['kappaGate']!;
    const n = Number(/^ {4}examples: (\d+)/m.exec(example)![1]);
    const t = Number(/^ {4}min_kappa: ([\d.]+)/m.exec(example)![1]);
    const table = agreement(example);
    const p = (table[0]![0]! + table[0]![1]!) / (table[0]![0]! + table[0]![1]! + table[1]![0]! + table[1]![1]!);
    const good = Math.round((t + 0.05) * 1e6) / 1e6;
    const plan = kappaPlannedPrecision(t, p, n);
    const drop = kappaBelowProbability(t, good, p, n);
    const ci = kappaCiSize({ kappa0: good, kappaL: t, kappaU: null, prevalence: p });
    const power = kappaPowerSize(t, good, p);
    assert.ok(plan.defined && drop.defined && ci.plan.defined && power.n.defined);
    assert.deepEqual(g, {
      examples: n,
      threshold: t,
      prevalence: p,
      seAtThreshold: plan.value.se,
      halfWidth95: plan.value.halfWidth95,
      goodKappa: good,
      pDropGood: drop.value,
      examplesForCi: ci.plan.value.n,
      examplesForPower: power.n.value,
    });
    const note = notes.find((x) => x.id === 'judge.calibration.kappaGate')!;
    assert.equal(note.anchor.start.line, lineOf(example, /^ {4}min_kappa:/));
    assert.equal(note.hint, `${n} ex.: ±${plan.value.halfWidth95.toFixed(2)}; P(drop | κ=${good.toFixed(2)}) ${Math.round(100 * drop.value)}%`);
    assert.ok(note.hint.length <= 43, note.hint);
    assert.match(note.result, new RegExp(`${ci.plan.value.n.toLocaleString('en-US')} examples put a one-sided 95% κ bound`));
  });

  it('without agreement counts the gate is planned at p = 1/2 and no judge–human κ is shown', () => {
    const text = example.replace(/^ {4}agreement:.*\n(^ {6}.*\n)+/m, '');
    assert.equal(lineOf(text, /agreement:/), -1);
    const { json, notes } = judging(text);
    assert.equal(json['kappaAgreement'], undefined);
    assert.equal(notes.some((n) => n.id === 'judge.calibration.kappa'), false);
    assert.equal(json['kappaGate']!['prevalence'], 0.5);
    const plan = kappaPlannedPrecision(0.8, 0.5, 50);
    assert.ok(plan.defined);
    assert.equal(json['kappaGate']!['halfWidth95'], plan.value.halfWidth95);
  });

  it('says why κ is undefined when judge and humans put everything in one category', () => {
    const text = example.replace(/human_fail: \d+/, 'human_fail: 0').replace(/judge_fail_on_human_fail: \d+/, 'judge_fail_on_human_fail: 0').replace(/judge_pass_on_human_pass: \d+/, 'judge_pass_on_human_pass: 270');
    const { json, notes } = judging(text);
    assert.match(String(json['kappaAgreement']!['undefinedBecause']), /p_e = 1/);
    assert.equal(json['kappaAgreement']!['kappa'], undefined);
    assert.equal(notes.find((n) => n.id === 'judge.calibration.kappa')!.hint, 'judge–human κ undefined');
  });

  for (const value of ['0.97', '1e-320', '-0.5', '0.95']) {
    it(`min_kappa ${value}: no gate figure and no crash`, () => {
      const text = example.replace(/^( {4}min_kappa: )[\d.]+/m, `$1${value}`);
      const { json, notes } = judging(text);
      assert.equal(json['kappaGate'], undefined);
      assert.equal(notes.some((n) => n.id === 'judge.calibration.kappaGate'), false);
    });
  }
});
