// `evalspec review <specs…> [--baseline <git-ref>] [--format markdown|json] [--no-data] [--root <folder>]`:
// a design-review document per spec (server/src/review/): the verdict first, golden-set sizing, the
// priced incident ledger, judge calibration and routing, and with --baseline what changed since
// that revision. Exit status: 0 the documents were written (whatever their verdicts: `check` is
// the gate), 2 could not run.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defaultSettings } from '../core';
import { DataReportService } from '../data/dataReports';
import { reviewMarkdown } from '../review/reviewMarkdown';
import { reviewSpec, type ReviewSpecOptions } from '../review/reviewSpec';
import type { ReviewDocument } from '../review/reviewTypes';
import { CliBaseline } from './baseline';
import { expandSpecPatterns } from './specFiles';

export const reviewUsage = `usage: evalspec review <files, folders or globs…> [--baseline <git-ref>] [--format markdown|json] [--no-data] [--root <folder>]

  A design-review document per spec: the verdict, golden-set sizing, the priced incident ledger with
  detection-window sensitivity, judge calibration and routing verdicts.
  --baseline  a git revision (origin/main, HEAD~1, a tag): also list what changed since, figure by figure
  --format    markdown (default; for a pull-request comment or a job summary) | json
  --no-data   do not read the data files specs name (calibration and routing are not reported)
  --root      the folder data files must lie in (after symlinks); default: the current folder
exit: 0 written, 2 could not run`;

class ReviewUsageError extends Error {}

interface ReviewArgs {
  patterns: string[];
  format: 'markdown' | 'json';
  baseline?: string;
  data: boolean;
  root: string;
}

function parse(argv: string[]): ReviewArgs {
  const args: ReviewArgs = { patterns: [], format: 'markdown', data: true, root: process.cwd() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') throw new ReviewUsageError(`${name} takes a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value('--format');
      if (v !== 'markdown' && v !== 'json') throw new ReviewUsageError(`--format takes markdown or json, not ${v}`);
      args.format = v;
    } else if (a === '--baseline' || a.startsWith('--baseline=')) args.baseline = value('--baseline');
    else if (a === '--root' || a.startsWith('--root=')) args.root = resolve(value('--root'));
    else if (a === '--no-data') args.data = false;
    else if (a.startsWith('-')) throw new ReviewUsageError(`unknown option ${a}`);
    else args.patterns.push(a);
  }
  if (args.patterns.length === 0) throw new ReviewUsageError('name at least one spec file, folder or glob');
  return args;
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export async function runReviewCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${reviewUsage}\n`);
    return 0;
  }
  let args: ReviewArgs;
  let files: string[];
  try {
    args = parse(argv);
    files = expandSpecPatterns(args.patterns, (p) => new ReviewUsageError(`no file matches ${p}`));
  } catch (e) {
    if (e instanceof ReviewUsageError) {
      process.stderr.write(`evalspec review: ${e.message}\nhint: evalspec review --help\n`);
      return 2;
    }
    throw e;
  }
  let roots: string[] = [];
  if (args.data) {
    try {
      roots = [realpathSync(args.root)];
    } catch {
      process.stderr.write(`evalspec review: --root ${args.root} does not exist\nhint: evalspec review --help\n`);
      return 2;
    }
  }
  // The core's git reader (h-trust's CliBaseline, as `check --baseline` uses): no git process.
  const baseline = args.baseline !== undefined ? new CliBaseline(args.baseline) : undefined;
  const service = new DataReportService();
  const docs: ReviewDocument[] = [];
  try {
    for (const f of files) {
      const shown = relative(process.cwd(), f) || f;
      let text: string;
      try {
        if (statSync(f).size > defaultSettings.maxDocumentLength * 4) throw new Error('larger than any spec EvalSpec reads');
        text = readFileSync(f, 'utf8');
      } catch (e) {
        process.stderr.write(`evalspec review: cannot read ${shown}: ${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
      }
      const opts: ReviewSpecOptions = { shown, specPath: realOrSelf(f), text, settings: defaultSettings, ...(args.data ? { data: { service, workspaceRoots: roots } } : {}) };
      if (baseline) {
        const b = baseline.lookup(f);
        if (!b.ok) {
          process.stderr.write(`evalspec review: ${b.message}\n`);
          return 2;
        }
        opts.baseline = { revision: args.baseline!, commit: b.baseline.commit ?? null, ...(b.previousText !== undefined ? { previousText: b.previousText } : {}) };
      }
      docs.push(await reviewSpec(opts));
    }
  } finally {
    baseline?.close();
  }
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(docs, null, 2)}\n` : docs.map(reviewMarkdown).join('\n---\n\n'));
  return 0;
}
