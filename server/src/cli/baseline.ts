// `evalspec check --baseline <git-ref>`: each spec's text at that revision (read by the core's git
// reader, which starts no process), so the rules that compare against the committed version (the
// judge/production co-drift rule) run in CI. Without the option those rules cannot run, and the
// output says so (a line in text in CI, a `baseline` field in JSON, a notification in SARIF).
import { compareRuleCodes } from '../core';
import { BaselineReader } from '../core/git';

/** What a spec was compared with; `status` says whether the compare rules ran. */
export interface SpecBaseline {
  /** The revision as given, or null without `--baseline`. */
  revision: string | null;
  /** The commit it named (full object name), when it was read. */
  commit?: string;
  /** `compared`: the rules ran against the spec at `commit`; `new`: the spec does not exist at that revision (nothing to compare); `not-requested`: no `--baseline`. */
  status: 'compared' | 'new' | 'not-requested';
  /** The rules that need a baseline. */
  compareRules: string[];
}

export type BaselineLookup = { ok: true; previousText?: string; baseline: SpecBaseline } | { ok: false; message: string };

export class CliBaseline {
  private readonly reader: BaselineReader | undefined;

  constructor(readonly revision: string | undefined) {
    this.reader = revision === undefined ? undefined : new BaselineReader(revision);
  }

  /** The committed text of the spec at `absolutePath`, or why the check cannot run. */
  lookup(absolutePath: string): BaselineLookup {
    const compareRules = compareRuleCodes();
    if (!this.reader || this.revision === undefined) return { ok: true, baseline: { revision: null, status: 'not-requested', compareRules } };
    const r = this.reader.read(absolutePath);
    if (r.ok) return { ok: true, previousText: r.text, baseline: { revision: this.revision, commit: r.commit, status: 'compared', compareRules } };
    if (r.reason === 'not-in-revision') {
      const c = this.reader.commitFor(absolutePath);
      return { ok: true, baseline: { revision: this.revision, ...(c.ok ? { commit: c.commit } : {}), status: 'new', compareRules } };
    }
    const hint = r.reason === 'missing-object' || r.reason === 'bad-revision' ? ' In CI, fetch the history first (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab: GIT_DEPTH: 0).' : '';
    return { ok: false, message: `--baseline ${this.revision}: ${r.message}.${hint}` };
  }

  close(): void {
    this.reader?.close();
  }
}

/** The note printed when the compare rules did not run (no `--baseline`). */
export function compareRulesSkippedNote(): string {
  return `compare rules (${compareRuleCodes().join(', ')}) did not run: no committed version to compare with; pass --baseline <git-ref> (e.g. --baseline origin/main in a pull request)`;
}

/** Whether the CLI runs in CI (GitHub Actions, GitLab CI and most others set CI). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env['CI'];
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}
