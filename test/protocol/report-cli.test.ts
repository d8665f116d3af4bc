// `evalspec report calibration|routing`: the built CLI on the example spec and its data, its formats
// and its exit status (0 no error, 1 an error finding, 2 could not run).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ReportCommandOutput } from '../../server/src/cli/reportCommand';
import { correlationCi } from '../../server/src/core/stats';
import type { CalibrationPanelModel, RoutingPanelModel } from '../../server/src/data/panelModel';
import { repoRoot } from '../support/reference';

const cli = join(repoRoot, 'dist', 'cli', 'evalspec.js');

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('evalspec report', { timeout: 120_000 }, () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'evalspec-report-cli-'));
    mkdirSync(join(ws, 'data'));
    copyFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), join(ws, 'spec.evalspec.yaml'));
    for (const f of ['calibration.csv', 'routing.csv']) copyFileSync(join(repoRoot, 'examples', 'data', f), join(ws, 'data', f));
    const spec = readFileSync(join(ws, 'spec.evalspec.yaml'), 'utf8');
    writeFileSync(join(ws, 'missing.evalspec.yaml'), spec.replace('data/routing.csv', 'data/none.csv'));
    writeFileSync(join(ws, 'escape.evalspec.yaml'), spec.replace('data/routing.csv', '../../../../etc/hosts.csv'));
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('reads a data file whose columns the spec maps to other names', () => {
    const csv = readFileSync(join(ws, 'data', 'calibration.csv'), 'utf8').replace(/^judge_score,human_label,human_label_2,judge_confidence/, 'score,rater_a,rater_b,conf');
    writeFileSync(join(ws, 'data', 'renamed.csv'), csv);
    const spec = readFileSync(join(ws, 'spec.evalspec.yaml'), 'utf8').replace('    data: data/calibration.csv', '    data: data/renamed.csv\n    columns: {judge_score: score, human_labels: [rater_a, rater_b], confidence: conf}');
    writeFileSync(join(ws, 'mapped.evalspec.yaml'), spec);
    writeFileSync(join(ws, 'unmapped.evalspec.yaml'), spec.replace(/\n {4}columns: .*\n/, '\n'));
    const mapped = JSON.parse(run(['report', 'calibration', 'mapped.evalspec.yaml', '--format', 'json'], ws).stdout) as ReportCommandOutput;
    assert.ok('report' in mapped.result, JSON.stringify(mapped.result));
    assert.equal((mapped.result.report as CalibrationPanelModel).source.rows, 1800);
    const unmapped = JSON.parse(run(['report', 'calibration', 'unmapped.evalspec.yaml', '--format', 'json'], ws).stdout) as ReportCommandOutput;
    assert.ok('error' in unmapped.result);
    assert.match(JSON.stringify(unmapped.result), /judge_score/);
  });

  it('prints the calibration verdict and exits 1 when launches are blocked', () => {
    const r = run(['report', 'calibration', 'spec.evalspec.yaml'], ws);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /BLOCKED: Judge-gated launches blocked/);
    assert.match(r.stdout, /first fell below 0\.75 in 2026-07/);
    assert.match(r.stdout, /2026-07 \/ enterprise\s+30\s+0\.114 .*excluded/);
    assert.match(r.stdout, /spec\.evalspec\.yaml:\d+:\d+: error \[calibration-spearman-below-threshold\]/);
  });

  it('prints the same model as JSON', () => {
    const r = run(['report', 'calibration', 'spec.evalspec.yaml', '--format', 'json'], ws);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout) as ReportCommandOutput;
    assert.equal(out.kind, 'calibration');
    assert.ok('report' in out.result);
    const c = out.result.report as CalibrationPanelModel;
    assert.equal(c.verdict.blocked, true);
    assert.equal(c.source.rows, 1800);
    assert.deepEqual(out.diagnostics.map((d) => d.code).sort(), ['calibration-kappa-batch-excluded', 'calibration-spearman-below-threshold']);
  });

  it('prints the routing report as Markdown and exits 0 on warnings only', () => {
    const r = run(['report', 'routing', 'spec.evalspec.yaml', '--format=markdown'], ws);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^## Router results: support-chat/);
    assert.match(r.stdout, /\| flagship share of the last 60 min \\> 30-day baseline \+ 5 pp \| 2026-09-30 15:10 UTC \|/);
    // The ledger's money, not the log's own dollars (`$` escaped: GitHub renders `$…$` as math).
    assert.match(r.stdout, /\| ledger router-drift as written 20\.0% to flagship \| traffic price × cost\\_multiplier 10 \| \\\$119,439\.36 \| \\\$414\.72 \| \\\$19,906\.56 \| \\\$119,439\.36 \|/);
    assert.match(r.stdout, /\| this log at the router's prices \| router tier prices \\\(log spend ×50,000\\\) \| \\\$129,270\.07 \|/);
    const j = JSON.parse(run(['report', 'routing', 'spec.evalspec.yaml', '--format', 'json'], ws).stdout) as ReportCommandOutput;
    const rt = (j.result as { report: RoutingPanelModel }).report;
    assert.equal(rt.costPerTier.find((t) => t.tier === 'flagship')!.requests, 6754);
  });

  it('reports a missing or escaping data file as an error finding (exit 1)', () => {
    const missing = run(['report', 'routing', 'missing.evalspec.yaml'], ws);
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /\[data-file-missing\]/);
    const escape = run(['report', 'routing', 'escape.evalspec.yaml', '--format', 'json'], ws);
    assert.equal(escape.status, 1);
    assert.equal((JSON.parse(escape.stdout) as ReportCommandOutput).diagnostics[0]!.code, 'data-file-outside-workspace');
  });

  it('exits 2 when it cannot run', () => {
    assert.equal(run(['report'], ws).status, 2);
    assert.equal(run(['report', 'latency', 'spec.evalspec.yaml'], ws).status, 2);
    assert.equal(run(['report', 'routing', 'spec.evalspec.yaml', '--format', 'sarif'], ws).status, 2);
    assert.equal(run(['report', 'routing', 'nope.evalspec.yaml'], ws).status, 2);
    assert.equal(run(['report', '--help'], ws).status, 0);
    // `check` is unchanged.
    assert.equal(run(['check', 'spec.evalspec.yaml', '--format', 'json'], ws).status, 1);
  });
});

describe('evalspec report calibration: Fisher-z beside the bootstrap interval', { timeout: 120_000 }, () => {
  it('each Spearman row carries the Fisher-z interval of its ρ and n', () => {
    const r = run(['report', 'calibration', 'support-chat.evalspec.yaml', '--format', 'json'], join(repoRoot, 'examples'));
    assert.equal(r.status === 0 || r.status === 1, true, r.stderr);
    const model = (JSON.parse(r.stdout) as { result: { report: CalibrationPanelModel } }).result.report;
    const rows = [model.spearman.overall, ...model.spearman.byCohort, ...model.spearman.byMonth];
    assert.ok(rows.length > 3);
    for (const row of rows) {
      if (row.rho.value === null) continue;
      const ci = correlationCi('spearman', row.rho.value, row.n, model.bootstrap.confidence);
      assert.ok(ci.defined && row.fisherZ, `${row.label}: Fisher-z interval missing`);
      assert.ok(Math.abs(row.fisherZ.low - ci.value.lower) < 1e-12 && Math.abs(row.fisherZ.high - ci.value.upper) < 1e-12, row.label);
    }
    const text = run(['report', 'calibration', 'support-chat.evalspec.yaml'], join(repoRoot, 'examples')).stdout;
    assert.match(text, /Spearman ρ \[bootstrap CI\]\s+Fisher-z CI/);
  });
});
