// The facade over the pure core: the language server, the CLI and the tests all analyse specs
// through `analyzeSpec`, so every client sees the same diagnostics and the same figures.
import schemaJson from '../../../schemas/evalspec.schema.json';
import { computeFigures, type ComputedFigures, type FigureBudget } from './figures';
import { AnalysisSession } from './incremental/analysisSession';
import { readSpecModel, type EvalSpecModel } from './model/spec';
import { runRules } from './rules/engine';
import { allRules, launchGateOf } from './rules/registry';
import type { RuleContext } from './rules/rule';
import { TreeReader } from './model/read';
import { own } from './own';
import { parseSpecText, type ParsedSpec } from './parse/specTree';
import type { JsonSchema } from './schema/jsonSchema';
import { validateAgainstSchema, type SchemaValidation } from './schema/validate';
import { defaultSettings, type EvalSpecSettings } from './settings';
import type { Range, SpecDiagnostic } from './types';
import { boundedMessage } from './text/bounded';

export type { EvalSpecSettings } from './settings';
export { defaultSettings, resolveSettings } from './settings';
export type { Position, Range, Severity, SpecDiagnostic } from './types';
export type { EvalSpecModel } from './model/spec';
export type { ComputedFigures, FigureNote } from './figures';
export { editorFigureBudget } from './figures';
export { AnalysisSession } from './incremental/analysisSession';

export const specSchema = schemaJson as unknown as JsonSchema;

export interface SpecAnalysis {
  parsed: ParsedSpec;
  validation?: SchemaValidation;
  model?: EvalSpecModel;
  /** Every figure the spec's values allow (empty when the spec could not be read). */
  figures: ComputedFigures;
  /** What the rules saw; quick-fixes reuse it. Undefined when the spec could not be read. */
  ruleContext?: RuleContext;
  /** Every diagnostic, after severity overrides; 'off' ones removed. Sorted by position. */
  diagnostics: SpecDiagnostic[];
}

export interface AnalyzeOptions {
  settings?: EvalSpecSettings;
  /** The spec's text as last committed (for rules that compare against it, e.g. co-drift). */
  previousText?: string;
  /** The same, already read with `readCommittedModel` (a server reads it once, not per edit). */
  previous?: EvalSpecModel;
  /** Today as YYYY-MM-DD (defaults to the current UTC date); tests pin it. */
  today?: string;
  /**
   * The document's incremental state: pass the same session for every version of one document and
   * only what changed is derived again. The result equals a from-scratch analysis.
   */
  session?: AnalysisSession;
  /** Time the figures may take before the rest are skipped and named (default 2 s; the CLI: none). */
  figureBudget?: FigureBudget;
}

export function analyzeSpec(text: string, options: AnalyzeOptions = {}): SpecAnalysis {
  const settings = options.settings ?? defaultSettings;
  const session = options.session;
  const limits = defaultParseLimitsFor(settings);
  const parsed = session ? session.parse(text, limits) : parseSpecText(text, limits);
  const diagnostics: SpecDiagnostic[] = [...parsed.diagnostics];
  let validation: SchemaValidation | undefined;
  let model: EvalSpecModel | undefined;
  let figures: ComputedFigures = { json: {}, notes: [], lines: [], problems: [] };
  let ruleContext: RuleContext | undefined;

  if (parsed.root === undefined) {
    if (diagnostics.length === 0) {
      diagnostics.push({
        code: 'empty-spec',
        severity: 'error',
        message: 'This spec is empty. Start with `evalspec: 1`, a `name`, the `metrics` you measure and the `golden_set` you measure them on (type "evalspec" for a snippet).',
        range: zeroRange,
      });
    }
  } else if (parsed.root.kind !== 'map') {
    diagnostics.push({
      code: 'wrong-type',
      severity: 'error',
      message: 'An eval spec is a mapping of sections (evalspec, name, metrics, golden_set, …), but this document is a list or a single value.',
      range: parsed.lines.range(parsed.root.start, parsed.root.end),
      data: { path: [], expected: ['object'] },
    });
  } else {
    const firstKey = parsed.root.entries[0];
    const anchor = firstKey ? parsed.lines.range(firstKey.keyStart, firstKey.keyEnd) : zeroRange;
    validation = validateAgainstSchema(parsed.root, specSchema, parsed.lines, anchor, session?.validation((o) => parsed.lines.positionAt(o).line));
    diagnostics.push(...validation.diagnostics);
    model = readSpecModel(parsed.root, new TreeReader(parsed.lines, validation.invalid), session?.modelReuse((o) => parsed.lines.positionAt(o).line));
    figures = computeFigures(model, session?.figureRunner, options.figureBudget);
    diagnostics.push(...figures.problems);
    ruleContext = { model, figures, parsed, settings, previous: options.previous ?? readCommittedModel(options.previousText), today: options.today ?? new Date().toISOString().slice(0, 10) };
    diagnostics.push(...runRules(ruleContext));
  }

  return { parsed, validation, model, figures, ruleContext, diagnostics: applySeverity(diagnostics, settings) };
}

/** The launch gate a diagnostic code BLOCKS (a rule's `launchGate`, e.g. `judge version`), or undefined. */
export { launchGateOf };

/** Codes of the rules that compare a spec with its committed version (they need a baseline to run). */
export function compareRuleCodes(): string[] {
  return allRules.filter((r) => r.comparesWithCommitted).map((r) => r.code);
}

/** The committed version's model, when it parses and is a mapping; otherwise nothing to compare. */
export function readCommittedModel(text: string | undefined): EvalSpecModel | undefined {
  if (text === undefined) return undefined;
  const p = parseSpecText(text);
  if (!p.root || p.root.kind !== 'map') return undefined;
  const v = validateAgainstSchema(p.root, specSchema, p.lines, zeroRange);
  return readSpecModel(p.root, new TreeReader(p.lines, v.invalid));
}

const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function defaultParseLimitsFor(settings: EvalSpecSettings) {
  return { maxDocumentLength: settings.maxDocumentLength, maxNodes: 100_000, maxDepth: 64 };
}

function applySeverity(ds: SpecDiagnostic[], settings: EvalSpecSettings): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const d of ds) {
    const o = own(settings.severity, d.code);
    if (o === 'off') continue;
    const message = boundedMessage(d.message);
    out.push(o || message !== d.message ? { ...d, severity: o || d.severity, message } : d);
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
