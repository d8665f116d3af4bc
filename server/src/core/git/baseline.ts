// The baseline reader: a spec's text as committed at a revision (HEAD for the editor's co-drift rule,
// `--baseline <ref>` in the CLI, a review's base). One small API over the repository reader, which
// starts no process and reads only the repository's own files, so it is safe on a stranger's clone.
// Every failure is a value with a reason; "no baseline" never throws and never fetches.
import { GitReadError, type GitFailureReason } from './gitFiles';
import { defaultObjectStoreLimits, type ObjectStoreLimits } from './objectStore';
import { GitRepository } from './repository';

export type BaselineRead =
  | { ok: true; text: string; /** The commit read (full object name). */ commit: string; /** The file's path in the repository. */ path: string }
  | { ok: false; reason: GitFailureReason; message: string };

export interface BaselineReaderOptions {
  /** Largest committed file returned, in bytes (default 16 MiB). */
  maxFileBytes?: number;
  limits?: ObjectStoreLimits;
}

const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Reads files at one revision across any number of repositories (one per worktree found), resolving
 * the revision once per repository. `close()` releases the open pack files.
 */
export class BaselineReader {
  private readonly repos = new Map<string, { repo: GitRepository; commit?: string; failure?: BaselineRead }>();

  constructor(
    readonly revision: string,
    private readonly options: BaselineReaderOptions = {},
  ) {}

  /** The text of `filePath` (absolute, on disk or not) at the reader's revision. */
  read(filePath: string): BaselineRead {
    try {
      const entry = this.repositoryFor(filePath);
      if (!entry) return { ok: false, reason: 'no-repository', message: `${filePath} is not inside a git repository` };
      if (entry.failure) return entry.failure;
      const path = entry.repo.pathInWorktree(filePath);
      if (!path) return { ok: false, reason: 'not-in-revision', message: `${filePath} is outside the worktree ${entry.repo.worktree}` };
      const bytes = entry.repo.readFileAt(entry.commit!, path, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
      return { ok: true, text: bytes.toString('utf8'), commit: entry.commit!, path };
    } catch (e) {
      return failure(e);
    }
  }

  /** The commit the revision names in the repository holding `path`, or the failure. */
  commitFor(path: string): BaselineRead | { ok: true; commit: string } {
    try {
      const entry = this.repositoryFor(path);
      if (!entry) return { ok: false, reason: 'no-repository', message: `${path} is not inside a git repository` };
      return entry.failure ?? { ok: true, commit: entry.commit! };
    } catch (e) {
      return failure(e);
    }
  }

  close(): void {
    for (const e of this.repos.values()) e.repo.close();
    this.repos.clear();
  }

  private repositoryFor(path: string): { repo: GitRepository; commit?: string; failure?: BaselineRead } | undefined {
    const repo = GitRepository.discover(path, this.options.limits ?? defaultObjectStoreLimits);
    if (!repo) return undefined;
    const known = this.repos.get(repo.worktree);
    if (known) {
      repo.close();
      return known;
    }
    let entry: { repo: GitRepository; commit?: string; failure?: BaselineRead };
    try {
      entry = { repo, commit: repo.resolveCommit(this.revision) };
    } catch (e) {
      entry = { repo, failure: failure(e) };
    }
    this.repos.set(repo.worktree, entry);
    return entry;
  }
}

/** One file at one revision (opens and closes the repository). */
export function readFileAtRevision(filePath: string, revision = 'HEAD', options: BaselineReaderOptions = {}): BaselineRead {
  const reader = new BaselineReader(revision, options);
  try {
    return reader.read(filePath);
  } finally {
    reader.close();
  }
}

function failure(e: unknown): BaselineRead & { ok: false } {
  if (e instanceof GitReadError) return { ok: false, reason: e.reason, message: e.message };
  return { ok: false, reason: 'corrupt', message: `the repository could not be read: ${e instanceof Error ? e.message : String(e)}` };
}
