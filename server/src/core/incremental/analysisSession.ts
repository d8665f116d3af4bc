// What one open document keeps between versions so that a keystroke costs about the size of the
// change: the parsed pieces (unchanged text keeps its nodes), each top-level section's schema
// diagnostics and part of the model (kept while the section's node and line are unchanged), and
// each figure section's output (replayed while everything it read is the same object as before).
// The results are always those of a from-scratch analysis of the same text; the property test in
// test/unit/core/incremental.test.ts holds the two side by side over random edits.
import type { EvalSpecModel, SectionPart } from '../model/spec';
import type { FigureRunner } from '../figures';
import { FigureSink, type FigureNote } from '../figures/types';
import { IncrementalSpecParser } from '../parse/incrementalParse';
import { ReadRecorder } from './readRecorder';
import type { MapEntry, ParsedSpec, ParseLimits, SpecNode } from '../parse/specTree';
import type { JsonSchema } from '../schema/jsonSchema';
import type { ValidationReuse } from '../schema/validate';
import type { SpecDiagnostic } from '../types';

interface Kept<T> {
  value: SpecNode | undefined;
  line: number;
  result: T;
}

/** An earlier section's JSON that a figure section read, and the object it found. */
interface Dependency {
  key: string;
  seen: unknown;
}

interface FigureOutput {
  model: ReadRecorder;
  deps: Dependency[];
  json: [string, unknown][];
  notes: FigureNote[];
  lines: string[];
  result?: unknown;
  error?: RangeError;
}

export class AnalysisSession {
  private readonly parser = new IncrementalSpecParser();
  private sections = new Map<string, Kept<SpecDiagnostic[]>>();
  private parts = new Map<string, Kept<SectionPart>>();
  private figures = new Map<string, FigureOutput>();
  private schemaOf = new WeakMap<SpecNode, JsonSchema>();
  private invalid = new WeakSet<SpecNode>();
  private root: SpecNode | undefined;

  get lastParse() {
    return this.parser.lastStats;
  }

  parse(text: string, limits: ParseLimits): ParsedSpec {
    const parsed = this.parser.parse(text, limits);
    this.root = parsed.root;
    if (this.parser.lastStats.fallback) this.forget();
    return parsed;
  }

  /** Settings or the committed version changed: figures may read them through the rules' context. */
  forget(): void {
    this.sections = new Map();
    this.parts = new Map();
    this.figures = new Map();
    this.schemaOf = new WeakMap();
    this.invalid = new WeakSet();
  }

  /** The validator's reuse hook: a section's diagnostics are kept while its node and line are unchanged. */
  validation(): ValidationReuse {
    const previous = this.sections;
    const next = new Map<string, Kept<SpecDiagnostic[]>>();
    this.sections = next;
    return {
      schemaOf: this.schemaOf,
      invalid: this.invalid,
      section: (entry: MapEntry, line: number, validate: () => SpecDiagnostic[]) => {
        const kept = previous.get(entry.key);
        const result = kept && kept.value === entry.value && kept.line === line ? kept.result : validate();
        next.set(entry.key, { value: entry.value, line, result });
        return result;
      },
    };
  }

  /** The model reader's reuse hook: a section's part is kept while its node and line are unchanged. */
  modelReuse(lineOf: (offset: number) => number): (key: string, read: () => SectionPart) => SectionPart {
    const previous = this.parts;
    const next = new Map<string, Kept<SectionPart>>();
    this.parts = next;
    const entries = this.root?.kind === 'map' ? this.root.entries : [];
    return (key, read) => {
      const entry = entries.find((e) => e.key === key);
      const line = entry ? lineOf(entry.keyStart) : -1;
      const kept = previous.get(key);
      const result = kept && kept.value === entry?.value && kept.line === line ? kept.result : read();
      next.set(key, { value: entry?.value, line, result });
      return result;
    };
  }

  /** A figure runner that replays a section's output while everything it read is unchanged. */
  readonly figureRunner: FigureRunner = (section, m, sink, compute) => {
    const kept = this.figures.get(section);
    if (kept && kept.deps.every((d) => sink.json[d.key] === d.seen) && kept.model.unchanged(m)) return replay(kept, sink) as never;
    const out = record(m, sink, compute);
    this.figures.set(section, out);
    return replay(out, sink) as never;
  };
}

function replay(out: FigureOutput, sink: FigureSink): unknown {
  for (const [k, v] of out.json) sink.json[k] = v;
  sink.notes.push(...out.notes);
  sink.lines.push(...out.lines);
  if (out.error) throw out.error;
  return out.result;
}

/** Runs a figure section against recording views of the model and of the JSON written so far. */
function record<R>(m: EvalSpecModel, sink: FigureSink, compute: (m: EvalSpecModel, sink: FigureSink) => R): FigureOutput {
  const deps: Dependency[] = [];
  const seen = (key: string, value: unknown) => {
    if (!deps.some((d) => d.key === key)) deps.push({ key, seen: value });
    return value;
  };
  const own: Record<string, unknown> = {};
  const written: string[] = [];
  const recorder = new ReadRecorder(m);
  const json = new Proxy(own, {
    get: (t, k) => (typeof k !== 'string' ? undefined : k in t ? t[k] : seen(k, sink.json[k])),
    set: (t, k, v) => {
      if (typeof k !== 'string') return false;
      if (!(k in t)) written.push(k);
      t[k] = v;
      return true;
    },
    has: (t, k) => (typeof k === 'string' ? k in t || seen(k, sink.json[k]) !== undefined : false),
  });
  const local = new FigureSink(json);
  const out: FigureOutput = { model: recorder, deps, json: [], notes: local.notes, lines: local.lines };
  try {
    out.result = compute(recorder.view<EvalSpecModel>(), local);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    out.error = e;
  }
  // What the section hands on must not hold the recording views: each is swapped for its object.
  [out.json, out.result] = recorder.finish([written.map((k): [string, unknown] => [k, own[k]]), out.result, out.notes]);
  return out;
}
