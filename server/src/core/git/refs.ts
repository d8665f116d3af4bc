// Refs without the git binary: `HEAD` and other per-worktree refs in the worktree's git dir, loose
// refs and `packed-refs` in the common dir (linked worktrees share it, see gitrepository-layout(5)),
// symbolic refs (`ref: refs/heads/main`) followed a bounded number of times. A name is resolved the
// way git's "dwim" does (gitrevisions(7)): `<name>`, `refs/<name>`, `refs/tags/<name>`,
// `refs/heads/<name>`, `refs/remotes/<name>`, `refs/remotes/<name>/HEAD`. Ref names are checked
// (git-check-ref-format rules) before any path is built from them, so `../../x` reads nothing.
import { join } from 'node:path';
import { GitReadError, HEX40, readSmallFile } from './gitFiles';

const MAX_REF_FILE_BYTES = 4096;
const MAX_PACKED_REFS_BYTES = 64 * 1024 * 1024;
const MAX_SYMREF_DEPTH = 5;
const PER_WORKTREE = /^(HEAD|ORIG_HEAD|FETCH_HEAD|MERGE_HEAD|CHERRY_PICK_HEAD|REVERT_HEAD|BISECT_HEAD|refs\/(bisect|worktree|rewritten)\/.*)$/;

/** git-check-ref-format's rules, plus the one-level names git itself resolves (HEAD, FETCH_HEAD…). */
export function isValidRefName(name: string): boolean {
  if (name === '' || name === '@' || name.length > 1024) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.$|\.lock$|\.lock\//.test(name)) return false;
  return name.split('/').every((c) => c !== '' && !c.startsWith('.'));
}

export class RefStore {
  private packed: Map<string, string> | undefined;

  constructor(
    private readonly gitDir: string,
    private readonly commonDir: string,
  ) {}

  /** The object a full ref name points to (following symbolic refs), or undefined when there is no such ref. */
  resolveFull(name: string, depth = 0): string | undefined {
    if (!isValidRefName(name)) return undefined;
    if (depth > MAX_SYMREF_DEPTH) throw new GitReadError('bad-revision', `symbolic ref ${name} nests too deeply`);
    const dir = PER_WORKTREE.test(name) ? this.gitDir : this.commonDir;
    const loose = readSmallFile(join(dir, ...name.split('/')), MAX_REF_FILE_BYTES);
    if (loose) {
      const text = loose.toString('utf8').trim();
      if (text.startsWith('ref:')) return this.resolveFull(text.slice(4).trim(), depth + 1);
      const id = text.split(/\s/)[0]!.toLowerCase();
      if (HEX40.test(id)) return id;
      if (/^[0-9a-f]{64}$/.test(id)) throw new GitReadError('unsupported', 'this repository uses SHA-256 object names, which EvalSpec does not read');
      throw new GitReadError('corrupt', `ref ${name} holds neither an object name nor a symbolic ref`);
    }
    return this.packedRefs().get(name);
  }

  /** A name as people write it (`main`, `origin/main`, `v1.2`, `HEAD`), resolved in gitrevisions(7) order. */
  resolveShort(name: string): string | undefined {
    for (const full of [name, `refs/${name}`, `refs/tags/${name}`, `refs/heads/${name}`, `refs/remotes/${name}`, `refs/remotes/${name}/HEAD`]) {
      const id = this.resolveFull(full);
      if (id) return id;
    }
    return undefined;
  }

  private packedRefs(): Map<string, string> {
    if (this.packed) return this.packed;
    const map = new Map<string, string>();
    const raw = readSmallFile(join(this.commonDir, 'packed-refs'), MAX_PACKED_REFS_BYTES);
    for (const line of raw ? raw.toString('utf8').split('\n') : []) {
      // `# pack-refs with: …` header lines and `^<peeled>` lines (the commit an annotated tag points to) are skipped.
      const m = /^([0-9a-f]{40}) (\S+)$/.exec(line.trim());
      if (m && !map.has(m[2]!)) map.set(m[2]!, m[1]!);
    }
    this.packed = map;
    return map;
  }
}
