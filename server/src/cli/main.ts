// `evalspec`: the headless CLI over the same core facade as the language server.
//   evalspec check <files or globs…> [--format text|json|sarif] [--no-data] [--root <folder>] [--baseline <git-ref>]
//   evalspec report calibration|routing <spec> [--format text|json|markdown] (see reportCommand.ts)
//   evalspec calc <quantity> --key value … [--format text|json] (see calcCommand.ts)
// Exit status: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { analyzeSpec, defaultSettings } from '../core';
import { DataReportService } from '../data/dataReports';
import { skippedDataFiles, specDataDiagnostics } from '../data/specData';
import { terminalText } from '../core/text/userText';
import { CliBaseline, compareRulesSkippedNote, inCi } from './baseline';
import { analysisJson, type SpecReport } from './report';
import { runCalcCommand } from './calcCommand';
import { runReportCommand } from './reportCommand';
import { runReviewCommand } from './reviewCommand';
import { toSarif } from './sarif';
import { expandSpecPatterns } from './specFiles';
import { listNames } from '../core/text/bounded';

const version = process.env['EVALSPEC_VERSION'] ?? '0.1.0';
const usage = `usage: evalspec check <files or globs…> [--format text|json|sarif] [--no-data] [--root <folder>] [--baseline <git-ref>]
       evalspec report calibration|routing <spec> [--format text|json|markdown] [--root <folder>]
       evalspec calc <quantity> --key value … [--format text|json]
       evalspec review <specs…> [--baseline <git-ref>] [--format markdown|json]

  check    validate eval specs (*.evalspec.yaml) and print diagnostics and figures
  report   the calibration or routing report of the data file a spec names (evalspec report --help)
  review   a design-review document per spec, with what changed since a git revision (evalspec review --help)
  calc     a statistic without a spec: paired-n, judge-correct, ppi, corr-gate, … (evalspec calc --help)
  --format text (default) | json (every diagnostic and figure; see docs/cli.md) | sarif
  --no-data  do not read the data files specs name (the calibration and routing gates do not run)
  --root     the folder data files must lie in (after symlinks); default: the current folder
  --baseline  compare each spec with its version at this git revision (origin/main, HEAD~1, a tag or
              commit) so the rules that compare against the committed spec run (judge/production co-drift)
exit: 0 no errors, 1 errors found, 2 could not run`;

class UsageError extends Error {}

interface Args {
  command: string;
  patterns: string[];
  format: 'text' | 'json' | 'sarif';
  /** Read the data files specs name (default), or not (`--no-data`). */
  data: boolean;
  root: string;
  baseline?: string;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('name a command: check, report, review or calc');
  if (command === '--help' || command === '-h' || (command === 'check' && (rest.includes('--help') || rest.includes('-h')))) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  if (command === '--version') {
    process.stdout.write(`${version}\n`);
    process.exit(0);
  }
  if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
  const patterns: string[] = [];
  let format: Args['format'] = 'text';
  let data = true;
  let root = process.cwd();
  let baseline: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--no-data') data = false;
    else if (a === '--root' || a.startsWith('--root=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (!v) throw new UsageError('--root takes a folder');
      root = resolve(v);
    } else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format takes text, json or sarif, not ${v ?? 'nothing'}`);
      format = v;
    } else if (a === '--baseline' || a.startsWith('--baseline=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (!v || v.startsWith('-')) throw new UsageError('--baseline takes a git revision, e.g. --baseline origin/main');
      baseline = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else patterns.push(a);
  }
  if (patterns.length === 0) throw new UsageError('name at least one spec file or glob');
  return { command, patterns, format, data, root, ...(baseline !== undefined ? { baseline } : {}) };
}

const expand = (patterns: string[]) => expandSpecPatterns(patterns, (p) => new UsageError(`no file matches ${p}`));

async function main(argv: string[]): Promise<number> {
  let args: Args;
  let files: string[];
  let roots: string[];
  try {
    args = parseArgs(argv);
    files = expand(args.patterns);
    roots = dataRoots(args);
  } catch (e) {
    if (e instanceof UsageError) {
      // One line and a hint; the whole usage is one --help away.
      process.stderr.write(`evalspec: ${terminalText(e.message)}\nhint: evalspec ${argv[0] === 'check' ? 'check ' : ''}--help\n`);
      return 2;
    }
    throw e;
  }

  const reports: SpecReport[] = [];
  const service = new DataReportService();
  let unreadable = 0;
  const baseline = new CliBaseline(args.baseline);
  for (const f of files) {
    const shown = relative(process.cwd(), f) || f;
    let text: string;
    try {
      const size = statSync(f).size;
      if (size > defaultSettings.maxDocumentLength * 4) throw new Error(`${size} bytes is larger than any spec EvalSpec reads`);
      text = readFileSync(f, 'utf8');
    } catch (e) {
      process.stderr.write(`evalspec: cannot read ${terminalText(shown)}: ${terminalText(e instanceof Error ? e.message : String(e))}\n`);
      unreadable++;
      continue;
    }
    const b = baseline.lookup(f);
    if (!b.ok) {
      process.stderr.write(`evalspec: ${terminalText(`${shown}: ${b.message}`)}\n`);
      unreadable++;
      continue;
    }
    // The CLI has no keystroke to keep up with: every figure is computed, however long it takes.
    const analysis = analyzeSpec(text, { figureBudget: { ms: Number.POSITIVE_INFINITY }, ...(b.previousText !== undefined ? { previousText: b.previousText } : {}) });
    // The data-backed rules, as the editor runs them once the reports are in (specData.ts).
    const data = args.data ? await specDataDiagnostics(service, analysis.model, realSpecPath(f), roots, defaultSettings) : { diagnostics: [], files: skippedDataFiles(analysis.model) };
    reports.push({ ...analysisJson(shown, analysis, data), baseline: b.baseline });
  }
  baseline.close();

  const skippedNote = args.baseline === undefined ? compareRulesSkippedNote() : undefined;
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else if (args.format === 'sarif') process.stdout.write(`${JSON.stringify(toSarif(reports, version, skippedNote), null, 2)}\n`);
  else process.stdout.write(textReport(reports, args.baseline === undefined ? (inCi() ? `note: ${skippedNote}` : undefined) : baselineLine(reports, args.baseline)));

  if (unreadable > 0) return 2;
  return reports.some((r) => r.summary.errors > 0) ? 1 : 0;
}

/** The folder data files must lie in (real path): `--root`, default the current folder. */
function dataRoots(args: Args): string[] {
  if (!args.data) return [];
  try {
    return [realpathSync(args.root)];
  } catch {
    throw new UsageError(`--root ${args.root} does not exist`);
  }
}

function realSpecPath(f: string): string {
  try {
    return realpathSync(f);
  } catch {
    return f;
  }
}

/** `baseline origin/main (0123456789ab): 3 specs compared, 1 new since then`. */
function baselineLine(reports: SpecReport[], revision: string): string {
  const commit = reports.find((r) => r.baseline?.commit)?.baseline?.commit;
  const compared = reports.filter((r) => r.baseline?.status === 'compared').length;
  const added = reports.filter((r) => r.baseline?.status === 'new').length;
  return `baseline ${revision}${commit ? ` (${commit.slice(0, 12)})` : ''}: ${compared} spec${compared === 1 ? '' : 's'} compared${added ? `, ${added} new since then` : ''}`;
}

function textReport(reports: SpecReport[], trailer?: string): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    errors += r.summary.errors;
    warnings += r.summary.warnings;
    // Keys, values, names and paths come from the spec or the file system: one line each, no escapes.
    const file = terminalText(r.file);
    for (const d of r.diagnostics) lines.push(`${file}:${d.line}:${d.column}: ${d.severity} [${terminalText(d.code)}] ${terminalText(d.message)}`);
    const figureLines = textFigures(r);
    if (figureLines.length) {
      lines.push(`${file}: ${r.name === undefined ? '(unnamed spec)' : terminalText(r.name)}`);
      lines.push(...figureLines.map((l) => `  ${terminalText(l)}`));
    }
  }
  const skipped = reports.flatMap((r) => (r.data ?? []).filter((d) => d.status === 'skipped').map((d) => terminalText(`${r.file}: ${d.path}`)));
  if (skipped.length > 0) lines.push(`--no-data: ${skipped.length} data file${skipped.length === 1 ? '' : 's'} not read, so the calibration and routing gates did not run (${listNames(skipped, { clip: true })})`);
  if (trailer) lines.push(terminalText(trailer));
  lines.push(`${reports.length} spec${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

/** Human lines for the figures; filled as the core computes figures. */
function textFigures(r: SpecReport): string[] {
  const f = r.figures as { lines?: string[] };
  return Array.isArray(f.lines) ? f.lines : [];
}

const internalError = (e: unknown) => {
  process.stderr.write(`evalspec: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 2;
};
// `evalspec check … | head`: a reader that stops early closes the pipe; end quietly, as cat does.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const argv = process.argv.slice(2);
if (argv[0] === 'calc') {
  try {
    process.exitCode = runCalcCommand(argv.slice(1));
  } catch (e) {
    internalError(e);
  }
} else if (argv[0] === 'review') {
  runReviewCommand(argv.slice(1)).then((code) => (process.exitCode = code), internalError);
} else if (argv[0] === 'report') {
  runReportCommand(argv.slice(1)).then((code) => (process.exitCode = code), internalError);
} else {
  main(argv).then((code) => (process.exitCode = code), internalError);
}
