// The built CLI as CI runs it: exit codes, the three formats, and the seed's worked figures in the
// JSON of the chat-product example.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../support/reference';

const cli = join(repoRoot, 'dist', 'cli', 'evalspec.js');
function run(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('evalspec check', () => {
  it('prints the seed worked figures for the chat-product example in --format json', () => {
    const r = run(['check', 'examples/support-chat.evalspec.yaml', '--format', 'json']);
    assert.equal(r.code, 1, r.err); // the 200-example golden set is too small on purpose
    const [report] = JSON.parse(r.out) as { figures: Record<string, any>; diagnostics: { code: string }[] }[];
    const f = report!.figures;
    const declared = f.goldenSet.declared.metrics[0];
    assert.equal(declared.p, 0.8);
    assert.equal(Math.round(declared.waldHalfWidth * 1000) / 10, 5.5); // ±5.5 pp
    assert.equal(f.goldenSet.precision.total, 6148);
    assert.equal(f.goldenSet.precision.seedFormulaTotal, 6147);
    assert.equal(f.traffic.baselineDailyCost, '66355.2');
    const drift = f.ledger.find((r: { id: string }) => r.id === 'router-drift');
    assert.equal(drift.overrunPerDay, '119439.36');
    assert.deepEqual(drift.detectionWindows.map((w: { window: string; cost: string }) => [w.window, w.cost]), [['5m', '414.72'], ['4h', '19906.56'], ['24h', '119439.36']]);
    assert.equal(drift.sensitivity[0].ratio, '48');
    assert.equal(f.ledger.find((r: { id: string }) => r.id === 'golden-set-rot').qualityOverstatedBy, '0.03');
    assert.ok(report!.diagnostics.some((d) => d.code === 'golden-set-too-small'));
  });

  it('text format: file:line:col, the figures in people\'s units, a summary; exit 1 on errors', () => {
    const r = run(['check', 'examples/support-chat.evalspec.yaml']);
    assert.equal(r.code, 1);
    assert.match(r.out, /examples\/support-chat\.evalspec\.yaml:\d+:\d+: error \[golden-set-too-small\]/);
    assert.match(r.out, /baseline cost \$66,355\.20\/day/);
    assert.match(r.out, /5m \$414\.72, 4h \$19,906\.56, 24h \$119,439\.36; sensitivity 5m→4h 48×/);
    // The golden set and the judge gate (ρ of the latest month below 0.75, read from the data file).
    assert.match(r.out, /error \[calibration-spearman-below-threshold\]/);
    assert.match(r.out, /1 spec checked: 2 errors/);
  });

  it('--no-data skips the data files and says so; the data-backed gate then does not run', () => {
    const r = run(['check', 'examples/support-chat.evalspec.yaml', '--no-data']);
    assert.equal(r.code, 1); // the golden set is still too small
    assert.doesNotMatch(r.out, /calibration-spearman-below-threshold/);
    assert.match(r.out, /--no-data: 2 data files not read, so the calibration and routing gates did not run \(examples\/support-chat\.evalspec\.yaml: data\/calibration\.csv, examples\/support-chat\.evalspec\.yaml: data\/routing\.csv\)/);
    assert.match(r.out, /1 spec checked: 1 error/);
    const [json] = JSON.parse(run(['check', 'examples/support-chat.evalspec.yaml', '--no-data', '--format', 'json']).out) as { data: { status: string }[] }[];
    assert.deepEqual(json!.data.map((d) => d.status), ['skipped', 'skipped']);
    const [read] = JSON.parse(run(['check', 'examples/support-chat.evalspec.yaml', '--format', 'json']).out) as { data: { status: string }[] }[];
    assert.deepEqual(read!.data.map((d) => d.status), ['read', 'read']);
  });

  it('a data file outside --root is an error, never silently skipped', () => {
    const r = run(['check', 'examples/support-chat.evalspec.yaml', '--root', join(repoRoot, 'docs')]);
    assert.equal(r.code, 1);
    assert.match(r.out, /error \[data-file-outside-workspace\]/);
    assert.equal(run(['check', 'examples/support-chat.evalspec.yaml', '--root', join(repoRoot, 'no-such-folder')]).code, 2);
  });

  it('exit 0 on a clean spec, 2 when nothing matches or the arguments are wrong', () => {
    assert.equal(run(['check', 'examples/rag-assistant.evalspec.yaml']).code, 0);
    assert.equal(run(['check', 'no-such-*.evalspec.yaml']).code, 2);
    assert.equal(run(['check', 'x', '--format', 'xml']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run([]).code, 2);
  });

  it('expands globs and writes SARIF 2.1.0 with rule ids equal to the codes', () => {
    const r = run(['check', 'examples/*.evalspec.yaml', '--format=sarif']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.out) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0]!.results;
    assert.ok(results.some((x) => x.ruleId === 'unknown-key' && x.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('broken.evalspec.yaml')));
    assert.ok(results.every((x) => x.locations[0]!.physicalLocation.region.startLine >= 1));
  });

  it('a binary or unreadable file is reported, never a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalspec-cli-'));
    writeFileSync(join(dir, 'bin.evalspec.yaml'), Buffer.from([0, 1, 2, 255, 254]));
    const r = run(['check', join(dir, 'bin.evalspec.yaml'), '--format', 'json']);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out)[0].diagnostics[0].code, 'binary-content');
    // A folder means every spec below it; one with no specs is an error of the call.
    assert.equal(run(['check', dir]).code, 1);
    assert.equal(run(['check', mkdtempSync(join(tmpdir(), 'evalspec-empty-'))]).code, 2);
    assert.equal(run(['check', 'examples']).code, 1);
  });
});

describe('evalspec calc (built CLI)', () => {
  it('computes without a spec, and refuses bad input with one line and exit 2', () => {
    const ok = run(['calc', 'paired-n', '--p1', '0.80', '--p2', '0.78', '--discordance', '0.10']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^paired: 1960 items .*independent groups: 13020 items in all/);
    const bad = run(['calc', 'paired-n', '--p1', '0.80', '--p2', 'x', '--discordance', '0.10']);
    assert.equal(bad.code, 2);
    assert.equal(bad.err, 'evalspec calc: --p2 takes a number strictly between 0 and 1, got "x"\n');
    assert.match(run(['--help']).out, /evalspec calc <quantity>/); // --help prints to stdout (issue 12)
  });
});
