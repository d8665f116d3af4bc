// Test repositories built with the real git: ordinary ones (loose objects, packs with OFS_DELTA and
// REF_DELTA entries, packed refs, annotated tags, linked worktrees) to check the object reader against
// git, and hostile ones whose configuration runs a command (writing a marker file) if git or anything
// else honours it. Hostile settings are written into `.git/config` last, after every git command the
// setup needs, so the setup itself never triggers them.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './reference';

/** The spec both baseline tests commit, and the same spec after both its judge and production model changed (the co-drift rule's case). */
export const committedSpec = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');
export const coDriftedSpec = committedSpec.replace('model: judge-large@2026-05-01', 'model: judge-large@2026-11-01').replace('production_model: prod-large@2026-09-01', 'production_model: prod-large@2026-11-01');
export const CO_DRIFT = 'judge-production-co-drift';

export const gitEnv: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_TERMINAL_PROMPT: '0',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(prefix = 'evalspec-git-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function initRepo(dir: string): string {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}

export function commitFile(repo: string, rel: string, text: string, message = `edit ${rel}`): string {
  const abs = join(repo, rel);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, text);
  git(repo, 'add', '--', rel);
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD').trim();
}

/** Every object in the repository's packs with its type and delta depth (`git verify-pack -v`). */
export function packedObjects(repo: string): { id: string; type: string; depth: number }[] {
  const dir = join(repo, '.git', 'objects', 'pack');
  if (!existsSync(dir)) return [];
  const out: { id: string; type: string; depth: number }[] = [];
  for (const idx of readdirSync(dir).filter((n) => n.endsWith('.idx'))) {
    for (const line of git(repo, 'verify-pack', '-v', join(dir, idx)).split('\n')) {
      const m = /^([0-9a-f]{40}) (\w+)\s+\d+ \d+ \d+(?: (\d+) [0-9a-f]{40})?$/.exec(line);
      if (m) out.push({ id: m[1]!, type: m[2]!, depth: m[3] ? Number(m[3]) : 0 });
    }
  }
  return out;
}

/** The ways a repository's configuration can make git run a command; each writes `marker` when run. */
export function hostileConfig(marker: string): string {
  const touch = `touch '${marker}'`;
  return [
    '[core]',
    `\tsshCommand = ${touch}; false`,
    `\tfsmonitor = ${touch}; false`,
    `\thooksPath = hooks-evil`,
    `\tpager = ${touch}; cat`,
    `\teditor = ${touch}`,
    `\taskPass = ${touch}`,
    '[remote "origin"]',
    '\turl = ssh://attacker.invalid/repo.git',
    '\tpromisor = true',
    '\tpartialclonefilter = blob:none',
    '[remote "ext"]',
    `\turl = ext::sh -c ${touch.replace(/ /g, '% ')}`,
    '[protocol "ext"]',
    '\tallow = always',
    '[extensions]',
    '\tpartialClone = origin',
    '[credential]',
    `\thelper = !${touch}`,
    '[diff "evil"]',
    `\ttextconv = ${touch}; cat`,
    '[filter "evil"]',
    `\tsmudge = ${touch}; cat`,
    `\tclean = ${touch}; cat`,
    '[gpg]',
    `\tprogram = ${touch}`,
    '',
  ].join('\n');
}

/** Makes an existing repository hostile: the config above, executable hooks, `.gitattributes` drivers. */
export function makeHostile(repo: string, marker: string): void {
  appendFileSync(join(repo, '.git', 'config'), hostileConfig(marker));
  const hooks = join(repo, 'hooks-evil');
  mkdirSync(hooks, { recursive: true });
  for (const h of ['pre-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'fsmonitor-watchman']) {
    writeFileSync(join(hooks, h), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    writeFileSync(join(repo, '.git', 'hooks', h), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
  }
  writeFileSync(join(repo, '.gitattributes'), '* diff=evil filter=evil\n');
}

/** Deletes a loose object, as a partial clone lacks the objects its promisor remote would send. */
export function dropLooseObject(repo: string, id: string): void {
  rmSync(join(repo, '.git', 'objects', id.slice(0, 2), id.slice(2)));
}
