// `evalspec report calibration|routing <spec> [--format text|json|markdown] [--root <folder>]`:
// the calibration or routing report of the data file a spec names, with the same figures the
// preview panels draw (one model, server/src/data/panelModel.ts) and the same data diagnostics the
// language server publishes. Exit status as for `check`: 0 no error, 1 an error-severity finding
// (launches blocked, data file missing or outside the root…), 2 could not run.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { analyzeSpec, defaultSettings, type SpecDiagnostic } from '../core';
import { dataDiagnostics } from '../data/dataDiagnostics';
import { dataTargets, targetRange, type DataJob } from '../data/dataJob';
import { showSql } from './showSql';
import { setEngineProgress } from '../engines';
import { DataReportService } from '../data/dataReports';
import type { PanelModel, ReportKind } from '../data/panelModel';
import { reportMarkdown, reportText } from '../data/reportText';
import { terminalText } from '../core/text/userText';
import type { DataReportResult } from '../protocol';

export const reportUsage = `usage: evalspec report calibration|routing <spec> [--format text|json|markdown] [--root <folder>] [--show-sql] [--timeout <seconds>]

  calibration  judge calibration from judge.calibration.data: Spearman ρ, κ per batch, verdict
  routing      router results from router.results: tier shares, alerts, cost, incident, frontier
  --format     text (default) | json (the panel model; see docs/cli.md) | markdown
  --root       the folder data files must lie in (after symlinks); default: the current folder
  --show-sql   routing: print the SQL that computes the report's statistics for router.results (an
               engine source's dialect; DuckDB's for a file) instead of the report
  --timeout    longest an engine query may run, seconds (default 120)
exit: 0 no errors, 1 errors found (e.g. launches blocked, data file missing), 2 could not run`;

export const dataReportVersion = 1;

export interface ReportCommandOutput {
  reportVersion: number;
  file: string;
  kind: ReportKind;
  result: DataReportResult<PanelModel>;
  /** Data diagnostics, 1-based like `check --format json`. */
  diagnostics: (Omit<SpecDiagnostic, 'range'> & { line: number; column: number })[];
}

class ReportUsageError extends Error {}

interface ReportArgs {
  kind: ReportKind;
  spec: string;
  format: 'text' | 'json' | 'markdown';
  root: string;
  showSql: boolean;
  timeoutSeconds: number | undefined;
}

function parse(argv: string[]): ReportArgs {
  const [kind, ...rest] = argv;
  if (kind !== 'calibration' && kind !== 'routing') throw new ReportUsageError(kind ? `unknown report "${kind}"` : 'name a report: calibration or routing');
  let format: 'text' | 'json' | 'markdown' = 'text';
  let root = process.cwd();
  let showSql = false;
  let timeoutSeconds: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (name: string) => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i]) ?? (() => { throw new ReportUsageError(`${name} takes a value`); })();
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value('--format');
      if (v !== 'text' && v !== 'json' && v !== 'markdown') throw new ReportUsageError(`--format takes text, json or markdown, not ${v}`);
      format = v;
    } else if (a === '--root' || a.startsWith('--root=')) root = resolve(value('--root'));
    else if (a === '--show-sql') showSql = true;
    else if (a === '--timeout' || a.startsWith('--timeout=')) {
      const v = Number(value('--timeout'));
      if (!Number.isFinite(v) || v <= 0) throw new ReportUsageError('--timeout takes a number of seconds > 0');
      timeoutSeconds = v;
    }
    else if (a.startsWith('-')) throw new ReportUsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new ReportUsageError(files.length === 0 ? 'name the spec file' : 'name one spec file');
  if (showSql && kind !== 'routing') throw new ReportUsageError('--show-sql is for the routing report');
  return { kind, spec: files[0]!, format, root, showSql, timeoutSeconds };
}

export async function runReportCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${reportUsage}\n`);
    return 0;
  }
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    if (e instanceof ReportUsageError) {
      process.stderr.write(`evalspec report: ${terminalText(e.message)}\nhint: evalspec report --help\n`);
      return 2;
    }
    throw e;
  }
  const specPath = resolve(args.spec);
  const shown = relative(process.cwd(), specPath) || specPath;
  let text: string;
  try {
    if (statSync(specPath).size > defaultSettings.maxDocumentLength * 4) throw new Error('larger than any spec EvalSpec reads');
    text = readFileSync(specPath, 'utf8');
  } catch (e) {
    process.stderr.write(`evalspec: cannot read ${terminalText(shown)}: ${terminalText(e instanceof Error ? e.message : String(e))}\n`);
    return 2;
  }
  const analysis = analyzeSpec(text);
  const target = dataTargets(analysis.model).find((t) => t.kind === args.kind);
  if (!analysis.model || !target) {
    process.stderr.write(`evalspec: ${terminalText(shown)} names no ${args.kind} data file (${args.kind === 'calibration' ? 'judge.calibration.data' : 'router.results'})\n`);
    return 2;
  }
  let roots: string[];
  try {
    roots = [realpathSync(args.root)];
  } catch {
    process.stderr.write(`evalspec: --root ${args.root} does not exist\n`);
    return 2;
  }
  // The spec itself is looked up by its real path, so a root given through a symlink still holds it.
  let realSpec = specPath;
  try {
    realSpec = realpathSync(specPath);
  } catch {
    /* read above, so it exists */
  }
  const settings = args.timeoutSeconds === undefined ? defaultSettings : { ...defaultSettings, engines: { ...defaultSettings.engines, timeoutSeconds: args.timeoutSeconds } };
  const job: DataJob = { kind: args.kind, specPath: realSpec, dataPath: target.path, model: analysis.model, settings, workspaceRoots: roots };
  if (args.showSql) return showSql(job, shown);
  setEngineProgress(
    (rows) => process.stderr.write(`evalspec: ${rows.toLocaleString('en-US')} rows scanned\n`),
    (r) => process.stderr.write(`evalspec: ${r.engine} computed the statistics of ${(r.rows + r.badRows).toLocaleString('en-US')} rows of ${r.label} in ${r.seconds.toFixed(2)} s\n`),
  );
  const result = await new DataReportService().report(job);
  const diagnostics = dataDiagnostics(result, targetRange(target, result), {}, args.kind);
  const out: ReportCommandOutput = {
    reportVersion: dataReportVersion,
    file: shown,
    kind: args.kind,
    result,
    diagnostics: diagnostics.map(({ range, ...d }) => ({ ...d, line: range.start.line + 1, column: range.start.character + 1 })),
  };
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  else {
    const body = 'error' in result ? `${terminalText(`${shown}: ${result.error.message}`)}\n` : args.format === 'markdown' ? reportMarkdown(result.report) : reportText(result.report);
    process.stdout.write(body);
    if (args.format === 'text') for (const d of out.diagnostics) process.stdout.write(`${terminalText(shown)}:${d.line}:${d.column}: ${d.severity} [${terminalText(d.code)}] ${terminalText(d.message)}\n`);
  }
  if ('error' in result && (result.error.code === 'internal-error' || result.error.code === 'cancelled')) return 2;
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
