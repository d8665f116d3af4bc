// `evalspec check --baseline <git-ref>` as CI runs it: the built CLI in a repository (made hostile
// after it is built: every configured command would write a marker), specs compared with their
// version at a branch, a remote-tracking ref, `HEAD~n`, a tag, a full or short commit; a spec new since
// the ref; a bad ref and a shallow clone fail closed (exit 2); without --baseline the output says the
// compare rules did not run (text in CI, the `baseline` field in JSON, a notification in SARIF).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CO_DRIFT, coDriftedSpec, commitFile, committedSpec, git, initRepo, makeHostile, removeDir, tempDir } from '../support/gitRepos';
import { repoRoot } from '../support/reference';

// Every rule that compares with the committed spec, in registry order.
const COMPARE_RULES = ['judge-production-co-drift', 'judge-upgrade-without-evidence'];

const cli = join(repoRoot, 'dist', 'cli', 'evalspec.js');
const committed = committedSpec;
const drifted = coDriftedSpec;

let dir: string;
let repo: string;
let marker: string;
let base: string;

function run(args: string[], cwd = repo, env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env };
  delete clean['CI'];
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...clean, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonReport {
  file: string;
  diagnostics: { code: string }[];
  baseline: { revision: string | null; commit?: string; status: string; compareRules: string[] };
}

function json(args: string[], cwd = repo): { code: number | null; reports: JsonReport[]; err: string } {
  const r = run([...args, '--format', 'json'], cwd);
  return { code: r.code, reports: r.out ? (JSON.parse(r.out) as JsonReport[]) : [], err: r.err };
}

before(() => {
  dir = tempDir('evalspec-cli-baseline-');
  repo = initRepo(join(dir, 'repo'));
  base = commitFile(repo, 'specs/chat.evalspec.yaml', committed, 'base');
  git(repo, 'tag', '-a', 'release-1', '-m', 'release');
  git(repo, 'update-ref', 'refs/remotes/origin/main', base);
  git(repo, 'gc', '-q');
  git(repo, 'checkout', '-q', '-b', 'feature');
  commitFile(repo, 'specs/chat.evalspec.yaml', drifted, 'upgrade both models');
  commitFile(repo, 'specs/new.evalspec.yaml', committed, 'a new spec');
  git(repo, 'clone', '-q', '--depth', '1', `file://${repo}`, join(dir, 'shallow'));
  marker = join(dir, 'MARKER');
  makeHostile(repo, marker);
  makeHostile(join(dir, 'shallow'), marker);
});
after(() => removeDir(dir));

describe('evalspec check --baseline', { timeout: 60_000 }, () => {
  it('runs the co-drift rule against the spec at every kind of revision', () => {
    for (const rev of ['origin/main', 'release-1', 'HEAD~2', base, base.slice(0, 8)]) {
      const r = json(['check', 'specs/chat.evalspec.yaml', '--baseline', rev]);
      assert.equal(r.code, 1, `${rev}: ${r.err}`);
      const [rep] = r.reports;
      assert.ok(rep!.diagnostics.some((d) => d.code === CO_DRIFT), rev);
      assert.deepEqual(rep!.baseline, { revision: rev, commit: base, status: 'compared', compareRules: COMPARE_RULES });
    }
  });

  it('no co-drift against a revision where the models already changed; a spec new since the ref is "new"', () => {
    const r = json(['check', 'specs', '--baseline=HEAD']);
    assert.deepEqual(r.reports.map((x) => [x.file, x.baseline.status, x.diagnostics.some((d) => d.code === CO_DRIFT)]), [['specs/chat.evalspec.yaml', 'compared', false], ['specs/new.evalspec.yaml', 'compared', false]]);
    const older = json(['check', 'specs', '--baseline', 'HEAD~1']);
    assert.deepEqual(older.reports.map((x) => x.baseline.status), ['compared', 'new']);
  });

  it('text output names the revision and the commit; the --baseline=value form works', () => {
    const r = run(['check', 'specs', '--baseline=origin/main']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, new RegExp(`error \\[${CO_DRIFT}\\]`));
    assert.match(r.out, new RegExp(`^baseline origin/main \\(${base.slice(0, 12)}\\): 1 spec compared, 1 new since then$`, 'm'));
  });

  it('a revision that names nothing, or history a shallow clone lacks, fails closed with exit 2', () => {
    const bad = run(['check', 'specs/chat.evalspec.yaml', '--baseline', 'origin/nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--baseline origin\/nope: origin\/nope names no commit/);
    const shallow = run(['check', 'specs/chat.evalspec.yaml', '--baseline', 'HEAD~2'], join(dir, 'shallow'));
    assert.equal(shallow.code, 2);
    assert.match(shallow.err, /fetch-depth: 0/);
    assert.equal(run(['check', 'specs', '--baseline']).code, 2);
  });

  it('without --baseline: a note in CI text output, none outside CI, the field in JSON, a notification in SARIF', () => {
    const note = /^note: compare rules \(judge-production-co-drift, judge-upgrade-without-evidence\) did not run: .*--baseline <git-ref>/m;
    assert.match(run(['check', 'specs'], repo, { CI: 'true' }).out, note);
    assert.doesNotMatch(run(['check', 'specs']).out, note);
    const r = json(['check', 'specs/chat.evalspec.yaml']);
    assert.deepEqual(r.reports[0]!.baseline, { revision: null, status: 'not-requested', compareRules: COMPARE_RULES });
    assert.ok(!r.reports[0]!.diagnostics.some((d) => d.code === CO_DRIFT));
    const sarif = JSON.parse(run(['check', 'specs', '--format', 'sarif']).out);
    assert.match(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /did not run/);
    const withBase = JSON.parse(run(['check', 'specs', '--format', 'sarif', '--baseline', 'main']).out);
    assert.deepEqual(withBase.runs[0].invocations[0].toolExecutionNotifications, []);
  });

  it('nothing the hostile repository configures ran', () => {
    assert.equal(existsSync(marker), false);
  });
});
