import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BaselineReader, readFileAtRevision } from '../../../server/src/core/git';
import { commitFile, dropLooseObject, git, gitEnv, initRepo, makeHostile, packedObjects, removeDir, tempDir } from '../../support/gitRepos';

/** A spec-sized text that changes a little per version, so git stores later versions as deltas. */
function specVersion(v: number): string {
  const lines = [`evalspec: 1`, `name: version ${v}`];
  for (let i = 0; i < 300; i++) lines.push(`# line ${i} of a long comment that stays the same ${i % 7 === 0 ? v : ''}`);
  return `${lines.join('\n')}\n`;
}

function expectText(file: string, revision: string, text: string): void {
  const r = readFileAtRevision(file, revision);
  assert.ok(r.ok, r.ok ? '' : `${revision}: ${r.reason}: ${r.message}`);
  assert.equal(r.text, text);
}

describe('git object reader: loose objects', () => {
  let dir: string;
  before(() => (dir = tempDir()));
  after(() => removeDir(dir));

  it('reads the committed text, not the edited working copy', () => {
    const repo = initRepo(join(dir, 'r'));
    commitFile(repo, 'specs/a.evalspec.yaml', 'name: committed\n');
    writeFileSync(join(repo, 'specs/a.evalspec.yaml'), 'name: edited\n');
    expectText(join(repo, 'specs/a.evalspec.yaml'), 'HEAD', 'name: committed\n');
    expectText(join(repo, 'specs/a.evalspec.yaml'), '@', 'name: committed\n');
  });

  it('says why when there is no baseline: new file, no repository, no commit yet, bad revision', () => {
    const repo = join(dir, 'r');
    writeFileSync(join(repo, 'specs/new.evalspec.yaml'), 'x: 1\n');
    assert.deepEqual(pick(readFileAtRevision(join(repo, 'specs/new.evalspec.yaml'))), 'not-in-revision');
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    writeFileSync(join(plain, 'a.yaml'), 'x\n');
    assert.equal(pick(readFileAtRevision(join(plain, 'a.yaml'))), 'no-repository');
    const empty = initRepo(join(dir, 'empty'));
    writeFileSync(join(empty, 'a.yaml'), 'x\n');
    assert.equal(pick(readFileAtRevision(join(empty, 'a.yaml'))), 'bad-revision');
    assert.equal(pick(readFileAtRevision(join(repo, 'specs/a.evalspec.yaml'), 'no-such-branch')), 'bad-revision');
    assert.equal(pick(readFileAtRevision(join(repo, 'specs/a.evalspec.yaml'), 'HEAD~5')), 'bad-revision');
    assert.equal(pick(readFileAtRevision(join(repo, 'specs/a.evalspec.yaml'), '../../../etc/passwd')), 'bad-revision');
  });

  it('refuses a folder, a symlink and a path that leaves the worktree', () => {
    const repo = join(dir, 'r');
    symlinkSync('a.evalspec.yaml', join(repo, 'specs/link.evalspec.yaml'));
    git(repo, 'add', 'specs/link.evalspec.yaml');
    git(repo, 'commit', '-q', '-m', 'link');
    assert.equal(pick(readFileAtRevision(join(repo, 'specs/link.evalspec.yaml'))), 'ok'); // the working copy's real path is a.evalspec.yaml
    assert.equal(pick(readFileAtRevision(join(repo, 'specs'))), 'not-in-revision');
  });

  it('a missing object (partial clone) is "missing-object": nothing fetched, no configured command runs', () => {
    const repo = initRepo(join(dir, 'partial'));
    commitFile(repo, 'a.evalspec.yaml', 'name: promised\n');
    const blob = git(repo, 'rev-parse', 'HEAD:a.evalspec.yaml').trim();
    dropLooseObject(repo, blob);
    const marker = join(dir, 'partial-marker');
    makeHostile(repo, marker);
    const r = readFileAtRevision(join(repo, 'a.evalspec.yaml'));
    assert.equal(pick(r), 'missing-object');
    assert.equal(existsSync(marker), false);
    // The attack is real: what the server used to run (`git show HEAD:<file>`) runs the promisor
    // remote's core.sshCommand for the missing blob.
    assert.throws(() => execFileSync('git', ['show', 'HEAD:a.evalspec.yaml'], { cwd: repo, env: gitEnv, stdio: 'pipe' }));
    assert.equal(existsSync(marker), true, 'git itself ran the configured command');
  });
});

describe('git object reader: packs, deltas, refs', () => {
  let dir: string;
  let repo: string;
  const commits: string[] = [];
  before(() => {
    dir = tempDir();
    repo = initRepo(join(dir, 'r'));
    for (let v = 1; v <= 3; v++) commits.push(commitFile(repo, 'deep/er/s.evalspec.yaml', specVersion(v)));
    git(repo, 'tag', '-a', 'v3', '-m', 'annotated');
    git(repo, 'tag', 'light', commits[0]!);
    git(repo, 'gc', '-q', '--aggressive');
    for (let v = 4; v <= 5; v++) commits.push(commitFile(repo, 'deep/er/s.evalspec.yaml', specVersion(v)));
    git(repo, 'update-ref', 'refs/remotes/origin/main', commits[1]!);
    git(repo, 'gc', '-q');
    writeFileSync(join(repo, 'deep/er/s.evalspec.yaml'), 'edited, not committed\n');
  });
  after(() => removeDir(dir));

  it('the repository really holds packed deltas (else this suite proves nothing about them)', () => {
    const objs = packedObjects(repo);
    assert.ok(objs.filter((o) => o.type === 'blob' && o.depth > 0).length >= 2, JSON.stringify(objs));
    assert.equal(readdirSync(join(repo, '.git/objects')).filter((n) => /^[0-9a-f]{2}$/.test(n)).length, 0);
    assert.ok(!existsSync(join(repo, '.git/refs/tags/v3')), 'tags packed');
  });

  it('reads every version by every kind of revision, equal to git show', () => {
    const file = join(repo, 'deep/er/s.evalspec.yaml');
    const revisions = ['HEAD', 'HEAD~1', 'HEAD~2', 'HEAD~4', 'HEAD^', 'HEAD^^', 'main~3', 'v3', 'v3^{}', 'light', 'origin/main', 'refs/remotes/origin/main', ...commits, ...commits.map((c) => c.slice(0, 7)), commits[2]!.toUpperCase()];
    for (const rev of revisions) expectText(file, rev, git(repo, 'show', `${rev}:deep/er/s.evalspec.yaml`));
    expectText(file, 'HEAD~4', specVersion(1));
    expectText(file, 'HEAD', specVersion(5));
  });

  it('reads REF_DELTA packs (repack without delta base offsets)', () => {
    const copy = join(dir, 'refdelta');
    execFileSync('cp', ['-r', repo, copy]);
    git(copy, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-adfq', '--depth=50', '--window=50');
    const raw = git(copy, 'verify-pack', '-v', ...readdirSync(join(copy, '.git/objects/pack')).filter((n) => n.endsWith('.idx')).map((n) => join(copy, '.git/objects/pack', n)));
    assert.match(raw, /chain length = [1-9]/);
    const file = join(copy, 'deep/er/s.evalspec.yaml');
    for (let i = 0; i < 5; i++) expectText(file, `HEAD~${i}`, specVersion(5 - i));
  });

  it('reads from a linked worktree (a .git file and commondir)', () => {
    const wt = join(dir, 'wt');
    git(repo, 'worktree', 'add', '-q', '-b', 'side', wt, commits[1]!);
    expectText(join(wt, 'deep/er/s.evalspec.yaml'), 'HEAD', specVersion(2));
    expectText(join(wt, 'deep/er/s.evalspec.yaml'), 'main', specVersion(5));
  });

  it('a corrupt object is an error, never wrong text', () => {
    const copy = join(dir, 'corrupt');
    execFileSync('cp', ['-r', repo, copy]);
    const pack = readdirSync(join(copy, '.git/objects/pack')).find((n) => n.endsWith('.pack'))!;
    const p = join(copy, '.git/objects/pack', pack);
    const buf = readFileSync(p);
    for (let i = 200; i < buf.length - 40; i += 97) buf[i] = buf[i]! ^ 0x5a;
    writeFileSync(p, buf);
    let failed = 0;
    for (let i = 0; i < 5; i++) {
      const r = readFileAtRevision(join(copy, 'deep/er/s.evalspec.yaml'), `HEAD~${i}`);
      if (r.ok) assert.equal(r.text, specVersion(5 - i));
      else failed++;
    }
    assert.ok(failed > 0, 'the damage reached at least one read');
  });

  it('a FIFO or device where a ref or object should be is refused without blocking', () => {
    const copy = join(dir, 'fifo');
    execFileSync('cp', ['-r', repo, copy]);
    rmSync(join(copy, '.git/packed-refs'));
    execFileSync('mkfifo', [join(copy, '.git/packed-refs')]);
    assert.equal(pick(readFileAtRevision(join(copy, 'deep/er/s.evalspec.yaml'), 'v3')), 'corrupt');
    rmSync(join(copy, '.git/packed-refs'));
    symlinkSync('/dev/zero', join(copy, '.git/packed-refs'));
    assert.equal(pick(readFileAtRevision(join(copy, 'deep/er/s.evalspec.yaml'), 'v3')), 'corrupt');
  });

  it('one reader resolves the revision once per repository and reads many files', () => {
    commitFile(repo, 'other.evalspec.yaml', 'name: other\n');
    const reader = new BaselineReader('HEAD');
    try {
      const a = reader.read(join(repo, 'other.evalspec.yaml'));
      const b = reader.read(join(repo, 'deep/er/s.evalspec.yaml'));
      assert.ok(a.ok && b.ok);
      assert.equal(a.commit, b.commit);
      assert.equal(b.text, specVersion(5));
      assert.equal(b.path, 'deep/er/s.evalspec.yaml');
    } finally {
      reader.close();
    }
  });
});

function pick(r: ReturnType<typeof readFileAtRevision>): string {
  return r.ok ? 'ok' : r.reason;
}

