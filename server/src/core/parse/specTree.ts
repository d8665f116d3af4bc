// Parses spec text into a small tree that keeps exact source offsets for every key and value.
// The YAML library does the parsing; this layer adds what a validator needs and the library leaves
// open: alias expansion bounded by a node budget (a "billion laughs" file costs bounded time and
// memory), merge keys, and one uniform node shape for the validator, the model and the features.
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node as YNode, type YAMLMap } from 'yaml';
import type { Range, SpecDiagnostic } from '../types';
import { invalidUtf8Diagnostic, looksLikeUtf16, utf16Diagnostic } from './encoding';
import { LineIndex } from './positions';

export interface ScalarNode {
  kind: 'scalar';
  /** The parsed value under the YAML 1.2 core schema (so `yes` stays a string, `.nan` is NaN). */
  value: string | number | boolean | null;
  /** The exact source text of the value (for exact decimals: `0.10` stays `0.10`). */
  raw: string;
  quoted: boolean;
  start: number;
  end: number;
}

export interface MapEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: SpecNode;
}

export interface MapNode {
  kind: 'map';
  entries: MapEntry[];
  start: number;
  end: number;
}

export interface SeqNode {
  kind: 'seq';
  items: SpecNode[];
  start: number;
  end: number;
}

export type SpecNode = ScalarNode | MapNode | SeqNode;

export interface ParseLimits {
  /** Largest document accepted, in UTF-16 code units (characters). */
  maxDocumentLength: number;
  /** Most nodes produced, counting every alias expansion. */
  maxNodes: number;
  /** Deepest nesting accepted. */
  maxDepth: number;
}

export const defaultParseLimits: ParseLimits = {
  maxDocumentLength: 2_000_000,
  maxNodes: 100_000,
  maxDepth: 64,
};

export interface ParsedSpec {
  text: string;
  lines: LineIndex;
  /** Undefined when the text is empty, only comments, or could not be read at all. */
  root: SpecNode | undefined;
  diagnostics: SpecDiagnostic[];
}

export class BudgetExceeded extends Error {}

/**
 * The parser options every spec (and every incrementally parsed piece of one) is read with.
 * uniqueKeys is off: the library checks each key against every earlier one (quadratic in the number
 * of keys); TreeConverter finds duplicates with the set it keeps anyway and marks the duplicate key.
 */
export const yamlParseOptions = { uniqueKeys: false, prettyErrors: false, merge: true, strict: true, version: '1.2' } as const;

export function parseSpecText(text: string, limits: ParseLimits = defaultParseLimits): ParsedSpec {
  const lines = new LineIndex(text);
  const diagnostics: SpecDiagnostic[] = [];
  const at = (start: number, end: number) => lines.range(...tokenSpan(text, start, end));

  if (text.length > limits.maxDocumentLength) {
    diagnostics.push({
      code: 'document-too-large',
      severity: 'error',
      message: `This spec is ${text.length.toLocaleString('en-US')} characters long; EvalSpec reads specs of up to ${limits.maxDocumentLength.toLocaleString('en-US')} characters (setting evalspec.maxDocumentLength). Split it or raise the limit.`,
      range: at(0, 0),
    });
    return { text, lines, root: undefined, diagnostics };
  }
  if (text.includes('\u0000')) {
    const i = text.indexOf('\u0000');
    if (looksLikeUtf16(text)) return { text, lines, root: undefined, diagnostics: [utf16Diagnostic(at)] };
    diagnostics.push({
      code: 'binary-content',
      severity: 'error',
      message: 'This file holds a NUL character, so it is binary rather than YAML text; an eval spec must be UTF-8 YAML.',
      range: at(i, i + 1),
    });
    return { text, lines, root: undefined, diagnostics };
  }

  const replaced = invalidUtf8Diagnostic(text, at);
  if (replaced) diagnostics.push(replaced);

  // A BOM is legal at the very start of a YAML stream; the parser accepts it and offsets stay right.
  const doc = parseDocument(text, { lineCounter: new LineCounter(), ...yamlParseOptions });

  for (const e of doc.errors) {
    diagnostics.push({ code: 'yaml-syntax', severity: 'error', message: yamlMessage(e.code, e.message), range: at(e.pos[0], e.pos[1]), data: { yamlCode: e.code } });
  }
  for (const w of doc.warnings) {
    diagnostics.push({ code: 'yaml-warning', severity: 'warning', message: yamlMessage(w.code, w.message), range: at(w.pos[0], w.pos[1]), data: { yamlCode: w.code } });
  }

  const converter = new TreeConverter(doc, text, limits, diagnostics, at);
  let root: SpecNode | undefined;
  try {
    root = converter.root();
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    diagnostics.push({
      code: 'document-too-complex',
      severity: 'error',
      message: `This spec expands to more than ${limits.maxNodes.toLocaleString('en-US')} nodes or nests deeper than ${limits.maxDepth} levels (aliases count each time they are used); EvalSpec stops reading it there.`,
      range: at(0, 0),
    });
    root = undefined;
  }
  return { text, lines, root, diagnostics: dedupe(diagnostics) };
}

/** An anchor expanded at several aliases reports its problems once. */
function dedupe(ds: SpecDiagnostic[]): SpecDiagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const clipKey = (k: string) => (k.length > 60 ? `${k.slice(0, 57)}…` : k).replace(/[\r\n]/g, ' ');

/**
 * A problem's span clamped to the document and kept on its token: the library reports some problems
 * as an empty span, or one that ends after a line break; an empty span becomes the non-blank run that
 * starts there (never past its line), and a span never ends past a line break.
 */
export function tokenSpan(text: string, start: number, end: number): [number, number] {
  const s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  const isBreak = (i: number) => text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
  if (e === s) {
    while (e < text.length && !isBreak(e) && text[e] !== ' ' && text[e] !== '\t') e++;
    return [s, e];
  }
  while (e > s && isBreak(e - 1)) e--;
  return [s, e];
}

function yamlMessage(code: string, message: string): string {
  // The library's messages end with "at line L, column C" and a source excerpt; the range says that already.
  const first = message.split('\n')[0] ?? message;
  const trimmed = first.replace(/ at line \d+, column \d+:?$/, '').trim();
  return trimmed.endsWith('.') ? trimmed : `${trimmed}.`;
}

type At = (start: number, end: number) => Range;

/**
 * Turns a parsed YAML document into spec nodes. Counts nodes and depth against the limits (aliases
 * count every time they are expanded) and records whether the document used an alias or a merge
 * key, so an incremental parse knows when a piece cannot be read on its own.
 */
export class TreeConverter {
  nodes = 0;
  usedAliasOrMerge = false;
  private readonly expanding = new Set<YNode>();
  private readonly targets = new Map<Alias, YNode | undefined>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly limits: ParseLimits,
    private readonly diagnostics: SpecDiagnostic[],
    private readonly at: At,
    private readonly depthOffset = 0,
  ) {}

  root(): SpecNode | undefined {
    return this.doc.contents ? this.convert(this.doc.contents as YNode, 0, this.depthOffset) : undefined;
  }

  private convert(n: YNode | null | undefined, fallbackAt: number, depth: number): SpecNode {
    if (++this.nodes > this.limits.maxNodes) throw new BudgetExceeded();
    if (depth > this.limits.maxDepth) throw new BudgetExceeded();
    if (n == null) return nullAt(fallbackAt, fallbackAt);
    if (isAlias(n)) return this.convertAlias(n as Alias, fallbackAt, depth);
    const [start, end] = n.range ?? [fallbackAt, fallbackAt];
    if (isScalar(n)) {
      const v = (n as Scalar).value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
      const quoted = n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE;
      return { kind: 'scalar', value, raw: this.text.slice(start, end), quoted, start, end };
    }
    if (isSeq(n)) return { kind: 'seq', items: n.items.map((it) => this.convert(it as YNode, start, depth + 1)), start, end };
    if (isMap(n)) return this.convertMap(n as YAMLMap, start, end, depth);
    return nullAt(start, end);
  }

  /** Each alias resolved once: the library walks the document on every `resolve`, and a bomb expands one alias node many times. */
  private resolve(n: Alias): YNode | undefined {
    if (this.targets.has(n)) return this.targets.get(n);
    const target = n.resolve(this.doc) as YNode | undefined;
    this.targets.set(n, target);
    return target;
  }

  private convertAlias(n: Alias, fallbackAt: number, depth: number): SpecNode {
    this.usedAliasOrMerge = true;
    const reported = this.targets.has(n);
    const target = this.resolve(n);
    const [s, e] = n.range ?? [fallbackAt, fallbackAt];
    if (!target) {
      // Reported once per alias in the text, however often an anchor that holds it is expanded.
      if (!reported) this.diagnostics.push({ code: 'yaml-syntax', severity: 'error', message: `The alias *${n.source} names no anchor defined before it.`, range: this.at(s, e) });
      return nullAt(s, e);
    }
    if (this.expanding.has(target)) {
      this.diagnostics.push({ code: 'alias-cycle', severity: 'error', message: `The alias *${n.source} refers to a node that contains it, which would never end.`, range: this.at(s, e) });
      return nullAt(s, e);
    }
    this.expanding.add(target);
    try {
      return this.convert(target, s, depth + 1);
    } finally {
      this.expanding.delete(target);
    }
  }

  private convertMap(n: YAMLMap, start: number, end: number, depth: number): MapNode {
    const entries: MapEntry[] = [];
    const seen = new Set<string>();
    const add = (e: MapEntry) => {
      if (!seen.has(e.key)) {
        seen.add(e.key);
        entries.push(e);
      }
    };
    const merged: MapEntry[] = [];
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YNode | null;
      const kr = k?.range ?? [start, start];
      if (isScalar(k) && typeof k.value === 'symbol') {
        // With merge keys on, the library marks an unquoted `<<` key with a symbol value.
        this.usedAliasOrMerge = true;
        merged.push(...this.mergedEntries(pair.value as YNode, kr[1], depth));
        continue;
      }
      if (!isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number' && typeof k.value !== 'boolean')) {
        this.diagnostics.push({ code: 'invalid-key', severity: 'error', message: 'Keys in an eval spec are plain names; this key is a mapping, a list or empty.', range: this.at(kr[0], kr[1]) });
        continue;
      }
      const value = this.convert(pair.value as YNode, kr[1], depth + 1);
      // A number key is named as written: `1e400` is not "Infinity", `0x10` is not "16".
      const key = typeof k.value === 'number' && typeof k.source === 'string' ? k.source : String(k.value);
      if (seen.has(key)) {
        this.diagnostics.push({ code: 'duplicate-key', severity: 'error', message: `The key "${clipKey(key)}" is already set earlier in the same mapping, and YAML keeps only one.`, range: this.at(kr[0], kr[1]), data: { yamlCode: 'DUPLICATE_KEY', key: clipKey(key) } });
      }
      add({ key, keyStart: kr[0], keyEnd: kr[1], value });
    }
    // Explicit keys win over merged ones (YAML merge-key semantics).
    for (const e of merged) add(e);
    return { kind: 'map', entries, start, end };
  }

  private mergedEntries(source: YNode, at: number, depth: number): MapEntry[] {
    const src = this.convert(source, at, depth + 1);
    const out: MapEntry[] = [];
    for (const m of src.kind === 'seq' ? src.items : [src]) {
      if (m.kind === 'map') out.push(...m.entries);
      else this.diagnostics.push({ code: 'yaml-syntax', severity: 'error', message: 'A merge key (<<) must name a mapping or a list of mappings.', range: this.at(m.start, m.end) });
    }
    return out;
  }
}

const nullAt = (start: number, end: number): ScalarNode => ({ kind: 'scalar', value: null, raw: '', quoted: false, start, end });
