// A git repository read without the git binary: found from a path the way git finds it (the nearest
// folder upwards holding `.git`, a folder or a `gitdir:` file as in linked worktrees and submodules),
// revisions resolved (gitrevisions(7): names, full and abbreviated object names, `~n`, `^n`, `^{}`),
// and a file's content at a revision read from the object database. Nothing from the repository's
// configuration is consulted, so no hook, fsmonitor, ssh command, credential helper, pager or
// promisor remote it names can run: this code reads files and never starts a process.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { GitReadError, HEX40, readSmallFile } from './gitFiles';
import { defaultObjectStoreLimits, ObjectStore, type GitObject, type ObjectStoreLimits } from './objectStore';
import { isValidRefName, RefStore } from './refs';

const MAX_REVISION_STEPS = 100_000;

export class GitRepository {
  readonly objects: ObjectStore;
  readonly refs: RefStore;

  private constructor(
    /** The worktree's top folder (real path): paths in a revision are relative to it. */
    readonly worktree: string,
    readonly gitDir: string,
    readonly commonDir: string,
    limits: ObjectStoreLimits,
  ) {
    this.objects = new ObjectStore(join(commonDir, 'objects'), limits);
    this.refs = new RefStore(gitDir, commonDir);
  }

  /** The repository holding `path` (a file or folder), or undefined when it lies in none. */
  static discover(path: string, limits: ObjectStoreLimits = defaultObjectStoreLimits): GitRepository | undefined {
    let dir: string;
    try {
      const real = realpathSync(path);
      dir = statSync(real).isDirectory() ? real : dirname(real);
    } catch {
      return undefined;
    }
    for (;;) {
      const found = gitDirAt(dir);
      if (found) return new GitRepository(dir, found.gitDir, found.commonDir, limits);
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }

  /** The commit a revision names: `HEAD`, `main`, `origin/main`, `v1.0`, a (short) object name, `HEAD~2`, `main^2`. */
  resolveCommit(revision: string): string {
    let id = this.resolveBase(revision);
    for (const step of suffixSteps(revision)) {
      id = this.peel(id, 'commit');
      if (step.kind === 'parent' && step.count > 0) id = this.parentOf(id, step.count - 1, revision);
      else if (step.kind === 'ancestor') for (let k = 0; k < step.count; k++) id = this.parentOf(this.peel(id, 'commit'), 0, revision);
    }
    return this.peel(id, 'commit');
  }

  /** The bytes of `relPath` (relative to the worktree, `/`-separated) in a commit; throws `not-in-revision` when absent. */
  readFileAt(commit: string, relPath: string, maxBytes: number): Buffer {
    let tree = this.peel(commit, 'tree');
    const parts = relPath.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0 || parts.includes('..')) throw new GitReadError('not-in-revision', `${relPath} is not a file path inside the repository`);
    for (let i = 0; i < parts.length; i++) {
      const entry = findTreeEntry(this.objects.read(tree), parts[i]!);
      if (!entry) throw new GitReadError('not-in-revision', `${relPath} does not exist in ${commit.slice(0, 12)}`);
      const last = i === parts.length - 1;
      if (!last && entry.mode !== '40000') throw new GitReadError('not-in-revision', `${parts.slice(0, i + 1).join('/')} is not a folder in ${commit.slice(0, 12)}`);
      if (last && !/^100(644|755)$/.test(entry.mode)) throw new GitReadError('not-in-revision', `${relPath} is not a regular file in ${commit.slice(0, 12)} (mode ${entry.mode})`);
      tree = entry.id;
    }
    const blob = this.objects.read(tree);
    if (blob.type !== 'blob') throw new GitReadError('corrupt', `${relPath} is a ${blob.type}, not a blob`);
    if (blob.data.length > maxBytes) throw new GitReadError('too-large', `${relPath} is ${blob.data.length} bytes at ${commit.slice(0, 12)}, more than ${maxBytes}`);
    return blob.data;
  }

  private parentOf(commit: string, index: number, revision: string): string {
    const p = commitParents(this.objects.read(commit).data)[index];
    if (!p) throw new GitReadError('bad-revision', `${revision}: the commit ${commit.slice(0, 12)} has no parent ${index + 1}`);
    return p;
  }

  /** `path` (absolute) relative to the worktree, `/`-separated; undefined when it is outside it. */
  pathInWorktree(path: string): string | undefined {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      real = resolve(path);
    }
    const rel = relative(this.worktree, real);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  }

  close(): void {
    this.objects.close();
  }

  private resolveBase(revision: string): string {
    const base = revision.replace(/([~^].*)$/, '');
    const name = base === '@' || base === '' ? 'HEAD' : base;
    if (HEX40.test(name.toLowerCase())) return name.toLowerCase();
    if (isValidRefName(name)) {
      const id = this.refs.resolveShort(name);
      if (id) return id;
    }
    if (/^[0-9a-fA-F]{4,39}$/.test(name)) {
      const matches = this.objects.namesWithPrefix(name.toLowerCase(), 2);
      if (matches.length === 1) return matches[0]!;
      if (matches.length > 1) throw new GitReadError('bad-revision', `${name} is ambiguous: more than one object name starts with it`);
    }
    throw new GitReadError('bad-revision', `${revision} names no commit in ${this.worktree} (no such branch, tag or object; in CI, fetch it first, e.g. fetch-depth: 0)`);
  }

  /** Follows annotated tags (and commit → tree) until an object of `want` type. */
  private peel(id: string, want: 'commit' | 'tree'): string {
    for (let i = 0; i < 64; i++) {
      const obj: GitObject = this.objects.read(id);
      if (obj.type === want) return id;
      const header = obj.data.subarray(0, Math.min(obj.data.length, 4096)).toString('latin1');
      const next = obj.type === 'tag' ? /^object ([0-9a-f]{40})$/m.exec(header) : obj.type === 'commit' && want === 'tree' ? /^tree ([0-9a-f]{40})$/m.exec(header) : null;
      if (!next) throw new GitReadError('bad-revision', `${id.slice(0, 12)} is a ${obj.type}, not a ${want}`);
      id = next[1]!;
    }
    throw new GitReadError('bad-revision', `${id.slice(0, 12)}: tags nest too deeply`);
  }
}

/** `.git` at `dir`: a repository folder, or a `gitdir: <path>` file; `commondir` for linked worktrees. */
function gitDirAt(dir: string): { gitDir: string; commonDir: string } | undefined {
  const dotGit = join(dir, '.git');
  if (!existsSync(dotGit)) return undefined;
  let gitDir = dotGit;
  try {
    if (!statSync(dotGit).isDirectory()) {
      const text = readSmallFile(dotGit, 4096)?.toString('utf8') ?? '';
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(text);
      if (!m) return undefined;
      gitDir = resolve(dir, m[1]!);
    }
    if (!existsSync(join(gitDir, 'HEAD'))) return undefined;
    const common = readSmallFile(join(gitDir, 'commondir'), 4096)?.toString('utf8').trim();
    return { gitDir, commonDir: common ? resolve(gitDir, common) : gitDir };
  } catch {
    return undefined;
  }
}

type Step = { kind: 'ancestor' | 'parent'; count: number } | { kind: 'peel' };

/** The `~n`, `^n` and `^{}` / `^{commit}` suffixes of a revision, in order. */
function suffixSteps(revision: string): Step[] {
  const m = /[~^].*$/.exec(revision);
  if (!m) return [];
  const steps: Step[] = [];
  const re = /~(\d*)|\^\{(commit)?\}|\^(\d*)/y;
  let total = 0;
  for (let at = 0; at < m[0].length; ) {
    re.lastIndex = at;
    const s = re.exec(m[0]);
    if (!s) throw new GitReadError('bad-revision', `${revision}: cannot read the suffix ${m[0].slice(at)}`);
    at = re.lastIndex;
    if (s[0].startsWith('^{')) steps.push({ kind: 'peel' });
    else if (s[0].startsWith('~')) steps.push({ kind: 'ancestor', count: s[1] === '' ? 1 : Number(s[1]) });
    else steps.push({ kind: 'parent', count: s[3] === '' ? 1 : Number(s[3]) });
    const last = steps.at(-1)!;
    total += last.kind === 'ancestor' ? last.count : 1;
    if (total > MAX_REVISION_STEPS) throw new GitReadError('bad-revision', `${revision} walks more than ${MAX_REVISION_STEPS} commits`);
  }
  return steps;
}

function commitParents(data: Buffer): string[] {
  const end = data.indexOf('\n\n');
  const header = data.subarray(0, end < 0 ? data.length : end).toString('latin1');
  return [...header.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]!);
}

/** A tree's entry by name: `<mode> <name>\0<20-byte id>` repeated. */
function findTreeEntry(tree: GitObject, name: string): { mode: string; id: string } | undefined {
  if (tree.type !== 'tree') throw new GitReadError('corrupt', `expected a tree, found a ${tree.type}`);
  const want = Buffer.from(name, 'utf8');
  const d = tree.data;
  let i = 0;
  while (i < d.length) {
    const sp = d.indexOf(0x20, i);
    const nul = d.indexOf(0, sp + 1);
    if (sp < 0 || nul < 0 || nul + 21 > d.length) throw new GitReadError('corrupt', 'a tree entry runs past the tree');
    if (d.subarray(sp + 1, nul).equals(want)) return { mode: d.subarray(i, sp).toString('latin1'), id: d.subarray(nul + 1, nul + 21).toString('hex') };
    i = nul + 21;
  }
  return undefined;
}
