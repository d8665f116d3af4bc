// Figures the facade computes from a spec, beyond what the statistics and cost tests check one
// formula at a time: the label-budget split, the binding target, an undefined figure's reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSpec } from '../../../server/src/core';
import { repoRoot } from '../../support/reference';

const supportChat = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');

describe('spec figures', () => {
  it('splits the label budget in whole labels that sum to the budget, honouring floors', () => {
    const f = analyzeSpec(supportChat).figures.json['labelBudget'] as { budget: number; proportional: { cohort: string; labels: number; atFloor: boolean }[] };
    assert.equal(f.proportional.reduce((a, c) => a + c.labels, 0), f.budget);
    const enterprise = f.proportional.find((c) => c.cohort === 'enterprise')!;
    assert.equal(enterprise.labels, 30);
    assert.equal(enterprise.atFloor, true);
  });

  it('a safety cohort splits its labels into the borderline slice', () => {
    const text = readFileSync(join(repoRoot, 'examples', 'safety-classifier.evalspec.yaml'), 'utf8');
    const f = analyzeSpec(text).figures.json['labelBudget'] as { borderline: { labels: number; borderline: number; random: number }[] };
    const b = f.borderline[0]!;
    assert.equal(b.borderline + b.random, b.labels);
    assert.equal(b.borderline, Math.round(b.labels * 0.8));
  });

  it('says which target binds when the spec asks for precision and power', () => {
    const text = supportChat.replace('  target_half_width: 0.02\n', '  target_half_width: 0.02\n  detect_change: 0.02\n  power: 0.8\n');
    const g = analyzeSpec(text).figures.goldenSet!;
    assert.equal(g.binding, 'power');
    assert.equal(g.precision!.total, 6148);
    // 0.80 → 0.78 is the harder direction; four cohorts each need it.
    assert.equal(g.power!.p2, 0.78);
    assert.equal(g.power!.total, g.power!.pooledPerGroup * 4);
    assert.ok(g.required! > 6148);
  });

  it('a ledger row that needs the traffic block says why it has no figure', () => {
    const text = supportChat.replace(/\ntraffic:\n(?: {2}.*\n)+/, '\n');
    const ledger = analyzeSpec(text).figures.json['ledger'] as { id: string; undefinedBecause?: string }[];
    assert.match(ledger.find((r) => r.id === 'router-drift')!.undefinedBecause ?? '', /traffic block/);
  });
});
