// docs/ci.md's GitHub Actions workflow and GitLab CI job, run: every `npx evalspec` command of each,
// in order, in a git repository whose target branch (origin/main) has the spec before a change and
// whose work tree has it after. The SARIF, the review Markdown and the job summary are checked; the
// gate step must fail (the changed spec still has an error) and every other step must pass.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../support/reference';

const doc = readFileSync(join(repoRoot, 'docs', 'ci.md'), 'utf8');
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as Record<string, any>);

function githubCommands(): string[] {
  const wf = yamlBlocks.find((b) => b['jobs'])!;
  return (wf['jobs']['evalspec']['steps'] as { run?: string }[]).map((s) => s.run ?? '').filter((r) => r.includes('npx evalspec'));
}
function gitlabCommands(): string[] {
  const job = yamlBlocks.find((b) => b['evalspec']?.script)!;
  return (job['evalspec']['script'] as string[]).filter((r) => r.includes('npx evalspec'));
}

describe('docs/ci.md, run', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'evalspec-ci-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.org');
    git('config', 'user.name', 'CI');
    mkdirSync(join(dir, 'specs'));
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'review', 'before.evalspec.yaml'), join(dir, 'specs', 'chat.evalspec.yaml'));
    git('add', '.');
    git('commit', '-qm', 'spec');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    git('checkout', '-qb', 'change');
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'review', 'after.evalspec.yaml'), join(dir, 'specs', 'chat.evalspec.yaml'));
    git('commit', '-qam', 'bigger golden set, more traffic, new judge');
    // `npx evalspec` resolves to the built CLI, as after `npm ci` with the package installed.
    writeFileSync(join(dir, 'package.json'), '{"name":"ci-project","private":true}');
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.bin', 'evalspec'), `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'dist', 'cli', 'evalspec.js')}" "$@"\n`, { mode: 0o755 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(commands: string[], env: Record<string, string>) {
    return commands.map((cmd) => {
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', cmd], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env, CI: 'true', npm_config_offline: 'true', npm_config_update_notifier: 'false' } });
      return { cmd, code: r.status, err: r.stderr };
    });
  }

  function checkOutputs(results: { cmd: string; code: number | null; err: string }[]) {
    assert.ok(results.length >= 3, 'the check, the review and the gate');
    for (const r of results.slice(0, -1)) assert.equal(r.code, 0, `${r.cmd}\n${r.err}`);
    assert.equal(results.at(-1)!.code, 1, 'the gate fails: the changed spec names data files that are not there');
    const sarif = JSON.parse(readFileSync(join(dir, 'evalspec.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    const review = readFileSync(join(dir, 'review.md'), 'utf8');
    // Compared as rendered: CommonMark drops the backslash before escaped punctuation (`\$`, `\+`, `\@`).
    const shown = review.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(review, /^# Design review: support-chat\n/);
    assert.match(shown, /^\| golden set \| 200 \| 6,148 \| \+5,948 \|$/m);
    assert.match(shown, /^\| baseline \$\/day \| \$66,355\.20 \| \$82,944\.00 \| \+\$16,588\.80 \|$/m);
    assert.match(shown, /^\| judge model \| judge-large@2026-01-01 \| judge-large@2026-11-01 \| changed \|$/m);
    return review;
  }

  it('the GitHub Actions steps: SARIF, the review in the job summary, the gate', () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const review = checkOutputs(run(githubCommands(), { GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary }));
    assert.equal(readFileSync(summary, 'utf8'), review);
  });

  it('the GitLab CI job: SARIF and review.md artifacts, the gate', () => {
    rmSync(join(dir, 'review.md'), { force: true });
    checkOutputs(run(gitlabCommands(), { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' }));
  });
});
