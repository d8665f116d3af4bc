// JSON Lines: one JSON object per line (LF or CRLF), keys are the header names. Streams lines from
// disk and parses each with JSON.parse (the cost of the format). A line that is not a JSON object is
// a bad row; blank lines are skipped and counted.
// Values: numbers may be JSON numbers or numeric strings; `null` or a missing key is an empty cell;
// categories may be strings, numbers or booleans (written as text); times ISO strings or Unix seconds.
// The column mapping is resolved against the keys of the first object (later objects may add keys:
// a mapped key missing from a later line is an empty cell there). An optional column the first
// object lacks is still read, under its exact (mapped) name, from the lines that have it: writers
// leave empty keys out, so a first line without the shadow-sample columns must not drop them. Such a
// column joins the batches at the first line that has it: a key no line has is no column (as in a CSV
// without that header), not a column of empty cells (a calibration set's `batch` would decide the batches).
import { createReadStream } from 'node:fs';
import { resolveColumns, type ColumnMapping, type TableSchema } from './columns';
import { DEFAULT_READ_CHUNK_BYTES } from './csvReader';
import { dataFileError, type DataFileError } from './dataFileError';
import { parseNumberText, parseTimeText } from './parseCell';
import type { ReadOptions, TableReadSuccess } from './readResult';
import type { ResolvedDataFile } from './resolveDataFile';
import { TableBuilder, guardConsumer, isConsumerError, type ConsumerError, type BatchConsumer, DEFAULT_BATCH_ROWS, DEFAULT_MAX_BAD_ROW_EXAMPLES } from './tableBuilder';
import { listQuoted } from '../text/bounded';

const LF = 10;
const decoder = new TextDecoder('utf-8');

/** Longest JSON Lines record read (4 MB); a longer line is one bad row and reading goes on. */
export const DEFAULT_MAX_JSONL_LINE_BYTES = 4 * 1024 * 1024;

/** A JSON value described for a message without walking it (a 10^5-deep row must not recurse). */
function describeJson(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'an object';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** Pure line → row logic, fed whole lines; the file I/O is in `readJsonlFile`. */
export class JsonlTableParser {
  builder: TableBuilder | undefined;
  headerError: { code: 'missing-columns' | 'bad-mapping'; message: string } | undefined;
  found: Record<string, string | null> = {};
  blankLines = 0;
  private names: (string | null)[] = [];
  private lateKeys = new Set<string>();
  /** Bad lines before the first object (its keys fix the columns): the first few kept, all counted. */
  private pendingBad: { line: number; message: string }[] = [];
  private pendingBadCount = 0;

  constructor(
    private readonly schema: TableSchema,
    private readonly mapping: ColumnMapping | undefined,
    private readonly onBatch: BatchConsumer,
    private readonly options: ReadOptions | Record<string, never> = {},
  ) {}

  line(text: string, lineNo: number): void {
    if (this.headerError) return;
    if (text.trim() === '') {
      this.blankLines++;
      return;
    }
    let obj: unknown;
    let problem: string | undefined;
    try {
      obj = JSON.parse(text);
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) problem = `is not a JSON object (got ${describeJson(obj)})`;
    } catch (e) {
      problem = `is not valid JSON: ${(e as Error).message}`;
    }
    this.row(obj, problem, lineNo);
  }

  /** A line that could not be read at all (e.g. longer than the line limit): one bad row. */
  badLine(lineNo: number, problem: string): void {
    if (this.headerError) return;
    this.row(undefined, problem, lineNo);
  }

  private row(obj: unknown, problem: string | undefined, lineNo: number): void {
    if (this.builder === undefined) {
      if (problem) {
        // no columns known yet: keep the bad line, count it once the first object fixes the columns
        if (this.pendingBad.length < this.maxExamples) this.pendingBad.push({ line: lineNo, message: problem });
        this.pendingBadCount++;
        return;
      }
      this.start(Object.keys(obj as object));
      if (this.headerError) return;
      this.replayPendingBad();
    }
    const b = this.builder as TableBuilder;
    b.beginRow(lineNo);
    if (problem) {
      b.fail(-1, problem);
      b.endRow();
      return;
    }
    const o = obj as Record<string, unknown>;
    this.schema.columns.forEach((c, slot) => {
      const name = this.names[slot];
      if (name === null || name === undefined) return;
      const v = Object.prototype.hasOwnProperty.call(o, name) ? o[name] : undefined;
      if (v !== undefined && this.lateKeys.has(c.key)) {
        // first seen after the first line: now it is a column the file has (batches carry it from here)
        this.found[c.key] = name;
        this.lateKeys.delete(c.key);
        b.addColumn(slot, name);
      }
      if (v === undefined || v === null || v === '') {
        b.setEmpty(slot);
        return;
      }
      if (c.kind === 'category') {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') b.setCategory(slot, String(v));
        else b.fail(slot, `must be text, got ${describeJson(v)}`);
        return;
      }
      let x: number;
      if (typeof v === 'number') x = c.kind === 'time' ? v * 1000 : v;
      else if (typeof v === 'string') x = c.kind === 'time' ? parseTimeText(v) : parseNumberText(v);
      else x = Number.NaN;
      if (x === x) b.setNumber(slot, x);
      else b.failParse(slot, typeof v === 'string' ? v : describeJson(v));
    });
    b.endRow();
  }

  private start(keys: string[]): void {
    const resolution = resolveColumns(this.schema, keys, this.mapping);
    if (resolution.problems.length > 0) {
      this.headerError = { code: 'bad-mapping', message: resolution.problems.join('; ') };
      return;
    }
    if (resolution.missing.length > 0) {
      const list = listQuoted(resolution.missing.map((m) => m.header));
      this.headerError = { code: 'missing-columns', message: `the first object has no key ${list}; it has ${listQuoted(keys)}. Rename the key or map it in the spec.` };
      return;
    }
    this.found = resolution.found;
    const mapping = this.mapping ?? {};
    this.names = this.schema.columns.map((c) => resolution.found[c.key] ?? (c.required ? null : Object.prototype.hasOwnProperty.call(mapping, c.key) ? (mapping[c.key] as string) : c.key));
    this.lateKeys = new Set(this.schema.columns.filter((c) => !c.required && resolution.found[c.key] === null).map((c) => c.key));
    const o = this.options as ReadOptions;
    // a late key is not a column of the batches until a line has it (TableBuilder.addColumn)
    const present = this.schema.columns.map((c, i) => (this.lateKeys.has(c.key) ? null : this.names[i] ?? null));
    this.builder = new TableBuilder(this.schema, present, this.onBatch, o.batchRows ?? DEFAULT_BATCH_ROWS, o.maxBadRowExamples ?? DEFAULT_MAX_BAD_ROW_EXAMPLES);
  }

  private get maxExamples(): number {
    return (this.options as ReadOptions).maxBadRowExamples ?? DEFAULT_MAX_BAD_ROW_EXAMPLES;
  }

  /** The bad lines before the first object, as bad rows of the table it started. */
  private replayPendingBad(): void {
    const b = this.builder!;
    for (let i = 0; i < this.pendingBadCount; i++) {
      const p = this.pendingBad[i] ?? { line: 0, message: '' };
      b.beginRow(p.line);
      b.fail(-1, p.message);
      b.endRow();
    }
    this.pendingBad = [];
    this.pendingBadCount = 0;
  }

  /** Why no object was read, when lines were there but none parsed: the first line's problem and a count. */
  get unreadLines(): string | undefined {
    const first = this.pendingBad[0];
    if (!first) return undefined;
    const n = this.pendingBadCount;
    return `${n.toLocaleString('en-US')} line${n === 1 ? '' : 's'} could not be read (line ${first.line} ${first.message})`;
  }

  end(): void {
    this.builder?.flush();
  }
}

export async function readJsonlFile(
  file: ResolvedDataFile,
  schema: TableSchema,
  mapping: ColumnMapping | undefined,
  onBatch: BatchConsumer,
  options: ReadOptions,
): Promise<TableReadSuccess | DataFileError> {
  onBatch = guardConsumer(onBatch);
  const parser = new JsonlTableParser(schema, mapping, onBatch, options);
  const stream = createReadStream(file.resolvedPath, { highWaterMark: options.readChunkBytes ?? DEFAULT_READ_CHUNK_BYTES, signal: options.signal });
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_JSONL_LINE_BYTES;
  // The unfinished line is kept as a list of pieces and joined once, when its line feed arrives:
  // joining on every chunk made a 200 MB file without a line feed quadratic (149 s).
  let pieces: Buffer[] = [];
  let pending = 0;
  let overlong = false;
  let lineNo = 1;
  let first = true;
  const finishLine = (tail: Buffer) => {
    if (overlong) parser.badLine(lineNo, `is longer than ${maxLine.toLocaleString('en-US')} bytes (the JSON Lines line limit); it is skipped`);
    else {
      const whole = pieces.length === 0 ? tail : Buffer.concat([...pieces, tail]);
      const e = whole.length > 0 && whole[whole.length - 1] === 13 ? whole.length - 1 : whole.length;
      parser.line(decoder.decode(whole.subarray(0, e)), lineNo);
    }
    lineNo++;
    pieces = [];
    pending = 0;
    overlong = false;
  };
  const keep = (part: Buffer) => {
    if (overlong) return;
    if (pending + part.length > maxLine) {
      overlong = true;
      pieces = [];
      pending = 0;
      return;
    }
    if (part.length > 0) pieces.push(Buffer.from(part));
    pending += part.length;
  };
  try {
    for await (const raw of stream) {
      let chunk = raw as Buffer;
      if (first) {
        first = false;
        if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      let s = 0;
      let nl = chunk.indexOf(LF, s);
      while (nl >= 0) {
        if (!overlong && pending + (nl - s) > maxLine) overlong = true;
        finishLine(overlong ? Buffer.alloc(0) : chunk.subarray(s, nl));
        s = nl + 1;
        nl = chunk.indexOf(LF, s);
      }
      keep(chunk.subarray(s));
      if (parser.headerError) break;
    }
    if ((pending > 0 || overlong) && !parser.headerError) finishLine(Buffer.alloc(0));
    parser.end();
  } catch (e) {
    if (isConsumerError(e)) throw (e as ConsumerError).cause;
    return dataFileError('unreadable', file.path, `${file.path} could not be read: ${(e as Error).message}`, file.resolvedPath);
  } finally {
    stream.destroy();
  }
  if (parser.headerError) return dataFileError(parser.headerError.code, file.path, `${file.path}: ${parser.headerError.message}`, file.resolvedPath);
  if (parser.builder === undefined) {
    const why = parser.unreadLines ?? (parser.blankLines > 0 ? 'only blank lines' : undefined);
    const example = `{${schema.columns.filter((c) => c.required).map((c) => `${JSON.stringify(mapping && Object.prototype.hasOwnProperty.call(mapping, c.key) ? mapping[c.key] : c.key)}: ...`).join(', ')}}`;
    return dataFileError('empty', file.path, `${file.path} holds no JSON object${why ? `: ${why}` : ''}; each line must be one object such as ${example}.`, file.resolvedPath);
  }
  const table = parser.builder;
  const bad = table.badRows();
  return {
    ok: true,
    path: file.path,
    resolvedPath: file.resolvedPath,
    format: 'jsonl',
    bytes: file.bytes,
    rows: table.rowsAccepted,
    rowsRead: table.rowsAccepted + bad.count,
    badRows: bad,
    blankLines: parser.blankLines,
    columns: parser.found,
    dictionaries: table.dictionaries(),
  };
}
