// What one open document keeps between versions so that a keystroke costs about the size of the
// change: the parsed pieces (unchanged text keeps its nodes), each top-level section's schema
// diagnostics and part of the model (kept while the section's node is unchanged), and each figure
// section's output (replayed while every model value and earlier figure it read is the same:
// readRecorder.ts). Lines typed or removed above a section move its diagnostics and figures with it
// (lineShift.ts) instead of computing them again; its part of the model is read again.
// The results are always those of a from-scratch analysis of the same text; the property test in
// test/unit/core/incremental.test.ts holds the two side by side over random edits.
import type { EvalSpecModel, SectionPart } from '../model/spec';
import type { FigureRunner } from '../figures';
import { FigureSink, type FigureNote } from '../figures/types';
import { IncrementalSpecParser } from '../parse/incrementalParse';
import { equalUpToMove, moveLines, type LineMove } from './lineShift';
import { ReadRecorder } from './readRecorder';
import type { MapEntry, ParsedSpec, ParseLimits, SpecNode } from '../parse/specTree';
import type { JsonSchema } from '../schema/jsonSchema';
import type { ValidationReuse } from '../schema/validate';
import type { SpecDiagnostic } from '../types';

/** A section's result, kept with the section's node and the lines of its key and of its value. */
interface Kept<T> {
  value: SpecNode | undefined;
  line: number;
  valueLine: number;
  result: T;
}

/**
 * The kept result when the section's node is the same: as it is when nothing moved, with its ranges
 * moved when lines typed or removed above moved the key and the value together; else undefined.
 */
function keptAt<T>(kept: Kept<T> | undefined, value: SpecNode | undefined, line: number, valueLine: number): T | undefined {
  if (!kept || kept.value !== value) return undefined;
  const delta = line - kept.line;
  if (valueLine - kept.valueLine !== delta) return undefined;
  return moveLines(kept.result, delta);
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

  /** The validator's reuse hook: a section's diagnostics are kept while its node is unchanged (moved with it). */
  validation(lineOf: (offset: number) => number): ValidationReuse {
    const previous = this.sections;
    const next = new Map<string, Kept<SpecDiagnostic[]>>();
    this.sections = next;
    return {
      schemaOf: this.schemaOf,
      invalid: this.invalid,
      section: (entry: MapEntry, line: number, validate: () => SpecDiagnostic[]) => {
        const valueLine = lineOf(entry.value.start);
        const result = keptAt(previous.get(entry.key), entry.value, line, valueLine) ?? validate();
        next.set(entry.key, { value: entry.value, line, valueLine, result });
        return result;
      },
    };
  }

  /** The model reader's reuse hook: a section's part is kept while its node and lines are unchanged. */
  modelReuse(lineOf: (offset: number) => number): (key: string, read: () => SectionPart) => SectionPart {
    const previous = this.parts;
    const next = new Map<string, Kept<SectionPart>>();
    this.parts = next;
    const entries = this.root?.kind === 'map' ? this.root.entries : [];
    return (key, read) => {
      const entry = entries.find((e) => e.key === key);
      const line = entry ? lineOf(entry.keyStart) : -1;
      const valueLine = entry ? lineOf(entry.value.start) : -1;
      // Only an unmoved part is kept: moving every range of a part costs more than reading it again.
      const kept = previous.get(key);
      const result = kept && kept.value === entry?.value && kept.line === line && kept.valueLine === valueLine ? kept.result : read();
      next.set(key, { value: entry?.value, line, valueLine, result });
      return result;
    };
  }

  /**
   * A figure runner that replays a section's output while everything it read is unchanged, its ranges
   * moved when everything it kept moved by the same number of lines.
   */
  readonly figureRunner: FigureRunner = (section, m, sink, compute) => {
    const kept = this.figures.get(section);
    if (kept) {
      const move: LineMove = {};
      if (kept.deps.every((d) => equalUpToMove(d.seen, sink.json[d.key], move)) && kept.model.compare(m, move) !== undefined) return replay(kept, sink, move.delta ?? 0) as never;
    }
    const out = record(m, sink, compute);
    this.figures.set(section, out);
    return replay(out, sink, 0) as never;
  };
}

function replay(out: FigureOutput, sink: FigureSink, delta: number): unknown {
  for (const [k, v] of out.json) sink.json[k] = moveLines(v, delta);
  sink.notes.push(...moveLines(out.notes, delta));
  sink.lines.push(...out.lines);
  if (out.error) throw out.error;
  return moveLines(out.result, delta);
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
