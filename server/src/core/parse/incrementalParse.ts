// Incremental parsing of a spec edited a keystroke at a time. A spec is a mapping of sections, and
// its big sections are lists (metrics, cohorts, ledger rows) or mappings of lists; a keystroke
// changes one item. So the text is cut at the lines where a block mapping's key or a block list's
// `-` starts, each piece is parsed on its own, and the pieces are stitched into the tree a
// whole-document parse gives: same nodes, same offsets, same (absent) diagnostics.
//
// A piece whose text is unchanged keeps its node objects: when it moved, their offsets are shifted
// in place. So everything keyed by node identity (the validator's schema map, a section's part of
// the model) stays valid for unchanged sections, and a stitched list or mapping whose children are
// all kept is kept too. A tree handed out earlier is therefore updated by later parses: callers
// hold on to the newest tree only.
//
// A piece is trusted only when it parses cleanly into exactly the one entry or item it should hold,
// with no alias or merge key (those reach across pieces). Anything else — a syntax error anywhere,
// a directive, a tab, a lone CR, duplicate keys, a flow collection spread over lines — falls back
// to parsing the whole document, so the result is always the whole-document result.
import { LineCounter, parseDocument } from 'yaml';
import { LineIndex } from './positions';
import { BudgetExceeded, defaultParseLimits, parseSpecText, TreeConverter, yamlParseOptions, type MapEntry, type MapNode, type ParsedSpec, type ParseLimits, type SpecNode } from './specTree';
import type { SpecDiagnostic } from '../types';

/** Blocks shorter than this are parsed whole rather than cut further. */
const splitAbove = 2048;

/** A parsed piece of text: one mapping entry or one list item, offsets absolute at `base`. */
interface Piece {
  entry?: MapEntry;
  item?: SpecNode;
  /** Start and end of the collection the piece parsed into (they bound a stitched parent). */
  start: number;
  end: number;
  base: number;
  nodes: number;
}

/** A stitched entry: a `key:` line over children parsed as pieces. */
interface Stitched {
  entry: MapEntry;
  start: number;
  end: number;
}

class NotIncremental extends Error {}

export interface IncrementalStats {
  reused: number;
  parsed: number;
  fallback: boolean;
}

export class IncrementalSpecParser {
  /** Pieces by kind, depth and text; a list because the same text may occur more than once. */
  private previous = new Map<string, Piece[]>();
  private current = new Map<string, Piece[]>();
  private previousStitched = new Map<string, Stitched>();
  private currentStitched = new Map<string, Stitched>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private nodes = 0;
  private limits: ParseLimits = defaultParseLimits;
  private text = '';
  private lineStarts: number[] = [];
  lastStats: IncrementalStats = { reused: 0, parsed: 0, fallback: false };

  parse(text: string, limits: ParseLimits = defaultParseLimits): ParsedSpec {
    this.limits = limits;
    this.text = text;
    this.nodes = 0;
    this.lastStats = { reused: 0, parsed: 0, fallback: false };
    let root: MapNode | undefined;
    try {
      root = this.parseRoot();
    } catch (e) {
      if (!(e instanceof NotIncremental) && !(e instanceof BudgetExceeded)) throw e;
      root = undefined;
    }
    // Only the newest text's pieces are kept, so memory follows the document, not the edit count.
    this.previous = root ? this.current : new Map();
    this.previousStitched = root ? this.currentStitched : new Map();
    this.current = new Map();
    this.currentStitched = new Map();
    if (!root) {
      this.lastStats.fallback = true;
      return parseSpecText(text, limits);
    }
    return { text, lines: new LineIndex(text), root, diagnostics: [] };
  }

  private parseRoot(): MapNode | undefined {
    const text = this.text;
    // U+FFFD (bytes that were not UTF-8): the whole parse reports it (invalid-utf8).
    if (text.length > this.limits.maxDocumentLength || text.length === 0 || text.charCodeAt(0) === 0xfeff || text.includes('\u0000') || text.includes('\ufffd')) return undefined;
    if (/\r(?!\n)/.test(text)) return undefined; // a lone CR ends a line for YAML: rare, parse whole
    this.lineStarts = lineStartsOf(text);
    const starts = this.childStarts(0, this.lineStarts.length, 0);
    if (!starts || starts.length === 0) return undefined;
    // Leading comments and blank lines belong to the first section, as they do in the whole text.
    starts[0] = 0;
    const entries = this.mapChildren(starts, this.lineStarts.length, 0);
    return { kind: 'map', entries: entries.map((e) => e.entry), start: entries[0]!.start, end: entries[entries.length - 1]!.end };
  }

  /**
   * The lines in [from, to) that start a child at `indent`; undefined when a content line in the
   * range is indented less, or uses a tab, a directive or a document marker.
   */
  private childStarts(from: number, to: number, indent: number): number[] | undefined {
    const out: number[] = [];
    for (let l = from; l < to; l++) {
      const s = this.lineStarts[l]!;
      let i = s;
      while (this.text.charCodeAt(i) === 32) i++;
      const c = this.text.charCodeAt(i);
      if (c === 9) return undefined; // a tab in indentation: let the whole parse explain it
      if (Number.isNaN(c) || c === 10 || c === 13 || c === 35 /* # */) continue;
      const col = i - s;
      if (col < indent) return undefined;
      if (col > indent) continue;
      if (indent === 0 && (c === 37 /* % */ || this.text.startsWith('---', i) || this.text.startsWith('...', i))) return undefined;
      out.push(l);
    }
    return out;
  }

  /** Each child mapping entry starting at a line of `starts` (the last ends at line `to`). */
  private mapChildren(starts: number[], to: number, depth: number): Stitched[] {
    const out: Stitched[] = [];
    const keys = new Set<string>();
    for (let k = 0; k < starts.length; k++) {
      const child = this.entryBlock(starts[k]!, k + 1 < starts.length ? starts[k + 1]! : to, depth);
      if (keys.has(child.entry.key)) throw new NotIncremental(); // the whole parse reports the duplicate
      keys.add(child.entry.key);
      out.push(child);
    }
    return out;
  }

  /** One mapping entry spanning lines [from, to): cut further when it is big, else one piece. */
  private entryBlock(from: number, to: number, depth: number): Stitched {
    const start = this.lineStarts[from]!;
    const end = this.offsetOfLine(to);
    const split = end - start > splitAbove ? this.splitEntry(from, to, depth) : undefined;
    if (split) return split;
    const p = this.piece(start, end, 'map', depth);
    return { entry: p.entry!, start: p.start, end: p.end };
  }

  /** `key:` alone on its line, followed by a block list or mapping indented under it. */
  private splitEntry(from: number, to: number, depth: number): Stitched | undefined {
    const header = this.headerKey(from);
    if (!header) return undefined;
    const childIndent = this.firstContentIndent(from + 1, to);
    if (childIndent === undefined || childIndent <= header.indent) return undefined;
    const starts = this.childStarts(from + 1, to, childIndent);
    if (!starts || starts.length === 0) return undefined;
    const list = this.isDashLine(starts[0]!, childIndent);
    if (starts.some((l) => this.isDashLine(l, childIndent) !== list)) return undefined;
    const value = list ? this.listValue(starts, to, depth + 1) : this.mapValue(starts, to, depth + 1);
    return this.stitchedEntry(header.piece, value);
  }

  private listValue(starts: number[], to: number, depth: number): SpecNode {
    const items = starts.map((l, k) => this.piece(this.lineStarts[l]!, this.offsetOfLine(k + 1 < starts.length ? starts[k + 1]! : to), 'seq', depth));
    const key = `seq|${items.map((p) => this.idOf(p.item!)).join(',')}`;
    const start = items[0]!.start;
    const end = items[items.length - 1]!.end;
    return this.container(key, () => ({ kind: 'seq', items: items.map((p) => p.item!), start, end }), start, end);
  }

  private mapValue(starts: number[], to: number, depth: number): SpecNode {
    const entries = this.mapChildren(starts, to, depth);
    const key = `map|${entries.map((e) => this.idOf(e.entry)).join(',')}`;
    const start = entries[0]!.start;
    const end = entries[entries.length - 1]!.end;
    return this.container(key, () => ({ kind: 'map', entries: entries.map((e) => e.entry), start, end }), start, end);
  }

  /** The previous parse's list or mapping over the same child objects, else a new one. */
  private container(key: string, make: () => SpecNode, start: number, end: number): SpecNode {
    const kept = this.takeStitched(key);
    const node = kept ? kept.entry.value : make();
    node.start = start;
    node.end = end;
    this.currentStitched.set(key, { entry: { key: '', keyStart: 0, keyEnd: 0, value: node }, start, end });
    return node;
  }

  private stitchedEntry(header: Piece, value: SpecNode): Stitched {
    const h = header.entry!;
    const key = `entry|${this.idOf(h)}|${this.idOf(value)}`;
    const entry = this.takeStitched(key)?.entry ?? { key: h.key, keyStart: h.keyStart, keyEnd: h.keyEnd, value };
    entry.keyStart = h.keyStart;
    entry.keyEnd = h.keyEnd;
    const stitched = { entry, start: header.start, end: value.end };
    this.currentStitched.set(key, stitched);
    return stitched;
  }

  private takeStitched(key: string): Stitched | undefined {
    if (this.currentStitched.has(key)) return undefined; // already used by this parse
    return this.previousStitched.get(key);
  }

  /** The key of a line holding only `key:` (and maybe a comment), read by the YAML parser itself. */
  private headerKey(line: number): { piece: Piece; indent: number } | undefined {
    const s = this.lineStarts[line]!;
    const p = this.piece(s, this.offsetOfLine(line + 1), 'map', 0, true);
    const v = p.entry!.value;
    if (v.kind !== 'scalar' || v.value !== null || v.raw !== '') return undefined;
    let indent = 0;
    while (this.text.charCodeAt(s + indent) === 32) indent++;
    return { piece: p, indent };
  }

  private firstContentIndent(from: number, to: number): number | undefined {
    for (let l = from; l < to; l++) {
      const s = this.lineStarts[l]!;
      let i = s;
      while (this.text.charCodeAt(i) === 32) i++;
      const c = this.text.charCodeAt(i);
      if (Number.isNaN(c) || c === 10 || c === 13 || c === 35) continue;
      return i - s;
    }
    return undefined;
  }

  private isDashLine(line: number, indent: number): boolean {
    const i = this.lineStarts[line]! + indent;
    if (this.text.charCodeAt(i) !== 45 /* - */) return false;
    const n = this.text.charCodeAt(i + 1);
    return Number.isNaN(n) || n === 32 || n === 10 || n === 13;
  }

  private offsetOfLine(line: number): number {
    return line < this.lineStarts.length ? this.lineStarts[line]! : this.text.length;
  }

  private idOf(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) this.ids.set(o, (id = this.nextId++));
    return id;
  }

  /**
   * text[start, end) parsed on its own as a one-entry mapping or a one-item list whose collection
   * sits at `depth` in the whole document; the previous text's piece when its text is unchanged
   * (moved to `start`). A header line is read only for its key and does not count toward the budget.
   */
  private piece(start: number, end: number, kind: 'map' | 'seq', depth: number, header = false): Piece {
    const slice = this.text.slice(start, end);
    const key = `${kind}${depth}${header ? 'h' : ''}\u0000${slice}`;
    let p = this.previous.get(key)?.shift();
    if (p) {
      this.lastStats.reused++;
      if (p.base !== start) shiftPiece(p, start - p.base);
    } else {
      // Parsed from its own copy: a piece kept for many versions must not keep each version's
      // whole text alive through the substrings its nodes hold (V8 slices point at the parent).
      p = parsePiece(detached(slice), kind, depth, this.limits, start);
      this.lastStats.parsed++;
    }
    const list = this.current.get(key);
    if (list) list.push(p);
    else this.current.set(key, [p]);
    if (!header) {
      this.nodes += p.nodes;
      if (this.nodes > this.limits.maxNodes) throw new NotIncremental();
    }
    return p;
  }
}

function parsePiece(slice: string, kind: 'map' | 'seq', depth: number, limits: ParseLimits, base: number): Piece {
  const doc = parseDocument(slice, { lineCounter: new LineCounter(), ...yamlParseOptions });
  if (doc.errors.length > 0 || doc.warnings.length > 0) throw new NotIncremental();
  const diagnostics: SpecDiagnostic[] = [];
  const noRange = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  const converter = new TreeConverter(doc, slice, limits, diagnostics, noRange, depth);
  const root = converter.root();
  if (!root || converter.usedAliasOrMerge || diagnostics.length > 0) throw new NotIncremental();
  let p: Piece;
  if (kind === 'map' && root.kind === 'map' && root.entries.length === 1) p = { entry: root.entries[0], start: root.start, end: root.end, base: 0, nodes: converter.nodes };
  else if (kind === 'seq' && root.kind === 'seq' && root.items.length === 1) p = { item: root.items[0], start: root.start, end: root.end, base: 0, nodes: converter.nodes };
  else throw new NotIncremental();
  shiftPiece(p, base);
  return p;
}

/**
 * `s` as a string of its own. A substring in V8 may be a view into the string it was cut from, and
 * everything sliced from it then keeps that whole parent alive; concatenating forces a flat copy
 * of just these characters, which the final slice then views.
 */
export function detached(s: string): string {
  return s.length === 0 ? s : ` ${s}`.slice(1);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
  return starts;
}

function shiftPiece(p: Piece, by: number): void {
  p.base += by;
  p.start += by;
  p.end += by;
  if (p.entry) shiftEntry(p.entry, by);
  if (p.item) shiftNode(p.item, by);
}

function shiftEntry(e: MapEntry, by: number): void {
  e.keyStart += by;
  e.keyEnd += by;
  shiftNode(e.value, by);
}

function shiftNode(n: SpecNode, by: number): void {
  n.start += by;
  n.end += by;
  if (n.kind === 'seq') for (const i of n.items) shiftNode(i, by);
  else if (n.kind === 'map') for (const e of n.entries) shiftEntry(e, by);
}
