// RFC 4180 CSV, scanned byte by byte over Buffers as they stream in. Pure: it is fed chunks and
// calls a TableBuilder; the file I/O lives in csvReader.ts.
//
// Accepted: a header row; fields separated by commas; records ended by LF or CRLF (a lone CR inside
// a field is kept); fields in double quotes may hold commas, CR/LF and doubled quotes (""); a UTF-8
// byte-order mark at the start is skipped; the last record may lack its line end; blank lines are
// skipped (and counted). A quote inside an unquoted field, text after a closing quote, a quote that
// never closes, a field longer than `maxFieldBytes` and a record whose field count differs from the
// header's make that row bad (counted, reported with its line) and never a crash.
//
// Speed: numeric and time cells are parsed from the bytes with no string per field; category
// cells are matched byte-wise against a small dictionary; columns the report does not use are
// skipped without decoding. A field split across two chunks is carried in a growable buffer.
//
// Fast path (`fastRecords`): at the start of a record, the parser first tries to read the whole
// record in one pass over its bytes, parsing each field by its column's kind while it looks for the
// delimiter: plain decimal numbers (digits and one dot) are accumulated as they are scanned, times in
// the layout YYYY-MM-DDTHH:MM:SS[.fff][Z] are computed arithmetically with the day remembered across
// rows, category cells are hashed as they are scanned and looked up by bytes (no string), unused
// columns are stepped over. The record's values go straight into the batch columns. Anything else
// (a quote, spaces, signs, exponents, a bad or out-of-range value, an empty required cell, a new
// category value, a wrong field count, a record that runs past the chunk) abandons the fast attempt
// with nothing committed, and the general byte loop below reads that record, so both paths give the
// same values and the same bad-row reports (the fast path only accepts what the general path accepts
// with the same value).
import { resolveColumns, type ColumnMapping, type ColumnResolution, type TableSchema } from './columns';
import { TableBuilder, type BatchConsumer, DEFAULT_BATCH_ROWS, DEFAULT_MAX_BAD_ROW_EXAMPLES } from './tableBuilder';
import { daysFromCivil, daysInMonth, fractionDigits, parseNumberBytes, parseTimeBytes, timeMs } from './parseCell';
import { clipName, listNames, listQuoted } from '../text/bounded';

const QUOTE = 34;
const QUOTED = 1;
const STRAY = 2;
const TOO_LONG = 4;
const COMMA = 44;
const LF = 10;
const CR = 13;
const DOT = 46;

const OP_SKIP = 0;
const OP_NUMBER = 1;
const OP_CATEGORY = 2;
const OP_TIME = 3;
const POW10: number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const TWO_53 = 9007199254740992;
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/** Byte spans → category codes of one column, open addressing on a hash computed while scanning. */
class CategoryHash {
  private table = new Int32Array(64); // code + 1, 0 = empty
  private hashes = new Int32Array(16);
  private synced = 0;
  constructor(private readonly bytes: readonly Uint8Array[]) {}

  /** The code of bytes [s, s + len) with hash h, or −1 when the column has no such value (yet). */
  find(b: Uint8Array, s: number, len: number, h: number): number {
    for (let attempt = 0; attempt < 2; attempt++) {
      const mask = this.table.length - 1;
      for (let k = (h ^ len) & mask; ; k = (k + 1) & mask) {
        const e = this.table[k] as number;
        if (e === 0) break;
        const code = e - 1;
        if (this.hashes[code] !== h) continue;
        const v = this.bytes[code] as Uint8Array;
        if (v.length !== len) continue;
        let j = 0;
        while (j < len && v[j] === b[s + j]) j++;
        if (j === len) return code;
      }
      if (this.synced === this.bytes.length) return -1;
      this.sync();
    }
    return -1;
  }

  /** Adds the values the general path interned since the last call. */
  private sync(): void {
    const n = this.bytes.length;
    if (n > this.hashes.length) {
      const g = new Int32Array(Math.max(n, this.hashes.length * 2));
      g.set(this.hashes.subarray(0, this.synced));
      this.hashes = g;
    }
    if (2 * n > this.table.length) {
      let size = this.table.length;
      while (2 * n > size) size *= 2;
      this.table = new Int32Array(size);
      for (let code = 0; code < this.synced; code++) this.insert(code);
    }
    for (let code = this.synced; code < n; code++) {
      const v = this.bytes[code] as Uint8Array;
      let h = HASH_SEED;
      for (let j = 0; j < v.length; j++) h = Math.imul(h ^ (v[j] as number), HASH_PRIME);
      this.hashes[code] = h;
      this.insert(code);
    }
    this.synced = n;
  }

  private insert(code: number): void {
    const mask = this.table.length - 1;
    const len = (this.bytes[code] as Uint8Array).length;
    let k = ((this.hashes[code] as number) ^ len) & mask;
    while (this.table[k] !== 0) k = (k + 1) & mask;
    this.table[k] = code + 1;
  }
}

function twoDigits(b: Uint8Array, p: number): number {
  const hi = (b[p] as number) - 48;
  const lo = (b[p + 1] as number) - 48;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

export const DEFAULT_MAX_FIELD_BYTES = 1024 * 1024;

export interface CsvParserOptions {
  batchRows?: number;
  maxBadRowExamples?: number;
  /** Longest field accepted, in bytes (default 1 MiB); longer fields make their row bad. */
  maxFieldBytes?: number;
}

export type HeaderOutcome =
  | { ok: true; header: string[]; resolution: ColumnResolution }
  | { ok: false; code: 'empty' | 'missing-columns' | 'bad-mapping'; message: string; header: string[] };

const decoder = new TextDecoder('utf-8');

export class CsvTableParser {
  private builder: TableBuilder | undefined;
  private header: string[] | undefined;
  private headerFields: string[] = [];
  private headerOutcome: HeaderOutcome | undefined;
  private fieldToSlot: Int32Array = new Int32Array(0);
  private kindOfSlot: Uint8Array = new Uint8Array(0); // 0 number, 1 category, 2 time

  // scanner state, carried across chunks
  private first = true;
  private inQuotes = false;
  /** The previous chunk ended on a quote inside a quoted field: escape ("") or close, decided by the next byte. */
  private pendingQuote = false;
  /** Bits of the current field: QUOTED, STRAY (quote inside an unquoted field), TOO_LONG. */
  private flags = 0;
  private lastFieldEmpty = false;
  private fieldIdx = 0;
  private line = 1;
  private recordLine = 1;
  private carry = new Uint8Array(256);
  private carryLen = 0;
  private usingCarry = false;
  private scratch = new Uint8Array(256);
  blankLines = 0;

  // fast path plan, per header field (set with the header)
  private fastOk = false;
  private fOp: Uint8Array = new Uint8Array(0);
  private fRequired: Uint8Array = new Uint8Array(0);
  private fMin: Float64Array = new Float64Array(0);
  private fMax: Float64Array = new Float64Array(0);
  private fNum: (Float64Array | undefined)[] = [];
  private fCat: (Int32Array | undefined)[] = [];
  private fHash: (CategoryHash | undefined)[] = [];
  /** Day of the last fast-path time: its YYYY-MM-DD bytes and epoch ms. */
  private readonly fDate = new Uint8Array(10);
  private fDateMs = Number.NaN;
  private readonly maxFieldBytes: number;

  constructor(
    private readonly schema: TableSchema,
    private readonly mapping: ColumnMapping | undefined,
    private readonly onBatch: BatchConsumer,
    private readonly options: CsvParserOptions = {},
  ) {
    this.maxFieldBytes = options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES;
  }

  /** The header check, once the header row has been read. */
  get headerResult(): HeaderOutcome | undefined {
    return this.headerOutcome;
  }

  /** False once the header was rejected: stop feeding. */
  get accepting(): boolean {
    return this.headerOutcome === undefined || this.headerOutcome.ok;
  }

  get table(): TableBuilder | undefined {
    return this.builder;
  }

  /** Feeds the next chunk of the file. */
  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.first) {
      this.first = false;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    if (!this.accepting) return;
    const n = buf.length;
    let fs = 0;
    let i = 0;
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (n > 0 && buf[0] === QUOTE) i = 1; // an escaped quote: still inside the field
      else this.inQuotes = false;
    }
    // the fast path reads only up to the chunk's last line end, which stops every scan (no bounds checks)
    let fastEnd = this.fastOk ? lastIndexOfByte(buf, LF) + 1 : -1; // −1: not known yet (no header)
    if (fastEnd > i && !this.inQuotes && this.fieldIdx === 0 && !this.usingCarry && this.flags === 0) {
      i = this.fastRecords(buf, i, fastEnd);
      fs = i;
      this.recordLine = this.line;
    }
    for (; i < n; i++) {
      if (this.inQuotes) {
        // inside a quoted field: jump to the next quote natively, counting embedded line ends
        const q = indexOfByte(buf, QUOTE, i);
        const stop = q < 0 ? n : q;
        for (let k = indexOfByte(buf, LF, i); k >= 0 && k < stop; k = indexOfByte(buf, LF, k + 1)) this.line++;
        if (q < 0) break;
        if (q + 1 < n) {
          if (buf[q + 1] === QUOTE) i = q + 1; // "" inside quotes
          else {
            this.inQuotes = false;
            i = q;
          }
        } else {
          this.pendingQuote = true;
          i = q;
        }
        continue;
      }
      const c = buf[i] as number;
      if (c > COMMA) continue;
      if (c === COMMA) {
        this.emit(buf, fs, i);
        fs = i + 1;
      } else if (c === LF) {
        let e = i;
        if (e > fs && buf[e - 1] === CR) e--;
        else if (e === fs && this.usingCarry && this.carryLen > 0 && this.carry[this.carryLen - 1] === CR) this.carryLen--;
        this.emit(buf, fs, e);
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        fs = i + 1;
        if (!this.accepting) return;
        if (fastEnd < 0 && this.fastOk) fastEnd = lastIndexOfByte(buf, LF) + 1; // the header just ended
        if (fs < fastEnd) {
          const j = this.fastRecords(buf, fs, fastEnd);
          if (j > fs) {
            fs = j;
            i = j - 1;
            this.recordLine = this.line;
          }
        }
      } else if (c === QUOTE) {
        if (fs === i && !this.usingCarry) {
          this.inQuotes = true;
          this.flags |= QUOTED;
        } else this.flags |= STRAY;
      }
    }
    if (fs < n) this.appendCarry(buf, fs, n);
  }

  /** Ends the input: flushes a last record without a line end and reports an unclosed quote. */
  end(): void {
    if (!this.accepting) return;
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) {
      if (this.builder) {
        if (this.fieldIdx === 0) this.builder.beginRow(this.recordLine);
        this.builder.fail(-1, `opens a quoted field that is never closed (the quote starts on line ${this.recordLine}); the rest of the file was read as that one field`);
        this.builder.endRow();
      } else {
        this.headerOutcome = { ok: false, code: 'empty', message: 'the header row opens a quote that is never closed', header: [] };
        return;
      }
    } else if (this.usingCarry || this.fieldIdx > 0 || this.flags !== 0) {
      this.emit(new Uint8Array(0), 0, 0);
      this.endRecord();
    }
    if (this.builder) this.builder.flush();
    else if (this.headerOutcome === undefined) {
      this.headerOutcome = { ok: false, code: 'empty', message: 'the file is empty: it has no header row', header: [] };
    }
  }

  /**
   * Reads whole records from `start` while each one is plain (see the file comment); returns where
   * the first record it did not take starts (`start` when none was taken). `n` is one past a line
   * end (buf[n − 1] is LF), so every scan below stops at a delimiter before n without a bounds check.
   */
  private fastRecords(buf: Uint8Array, start: number, n: number): number {
    const builder = this.builder as TableBuilder;
    const ops = this.fOp;
    const nf = ops.length;
    const last = nf - 1;
    let i = start;
    while (i < n) {
      const at = builder.at;
      let p = i;
      let c = buf[p] as number;
      if (c === LF || c === CR) return i; // a blank line: the general path counts it
      for (let f = 0; f < nf; f++) {
        const op = ops[f] as number;
        const from = p;
        if (op === OP_NUMBER) {
          let mant = 0;
          let frac = 0;
          let digits = 0;
          let dot = false;
          for (;;) {
            c = buf[p] as number;
            const d = c - 48;
            if (d >= 0 && d <= 9) {
              mant = mant * 10 + d;
              digits++;
              if (dot) frac++;
            } else if (c === DOT && !dot) dot = true;
            else break;
            p++;
          }
          let v: number;
          if (digits === 0) {
            if (p !== from || this.fRequired[f] === 1) return i;
            v = Number.NaN;
          } else {
            if (mant >= TWO_53 || frac > 22) return i;
            v = frac === 0 ? mant : mant / (POW10[frac] as number);
            if (v < (this.fMin[f] as number) || v > (this.fMax[f] as number)) return i;
          }
          (this.fNum[f] as Float64Array)[at] = v;
        } else if (op === OP_CATEGORY) {
          let h = HASH_SEED;
          for (;;) {
            c = buf[p] as number;
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
            h = Math.imul(h ^ c, HASH_PRIME);
            p++;
          }
          let code = -1;
          if (p === from) {
            if (this.fRequired[f] === 1) return i;
          } else {
            code = (this.fHash[f] as CategoryHash).find(buf, from, p - from, h);
            if (code < 0) return i; // a value not seen yet: the general path interns it
          }
          (this.fCat[f] as Int32Array)[at] = code;
        } else if (op === OP_TIME) {
          let v = Number.NaN;
          if (p + 19 < n && buf[p + 4] === 45 && buf[p + 7] === 45 && buf[p + 10] === 84 && buf[p + 13] === 58 && buf[p + 16] === 58) {
            const sod = this.secondsOfDay(buf, p);
            // same sum as parseTimeBytes: day + h·3,600,000 + min·60,000, then + s·1,000 (all exact)
            if (sod >= 0) v = this.fDateMs + ((sod / 60) | 0) * 60_000 + (sod % 60) * 1000;
            p += 19;
            c = buf[p] as number;
            if (v === v && c === DOT) {
              // the fraction by the time rule, as parseTimeBytes: whole ms, then the microseconds
              p++;
              const f0 = p;
              for (;;) {
                c = buf[p] as number;
                if (c < 48 || c > 57) break;
                p++;
              }
              if (p === f0) return i;
              v = timeMs(v + fractionDigits(buf, f0, p, 0), fractionDigits(buf, f0, p, 3));
            }
            if (c === 90) c = buf[++p] as number; // Z, never the last byte (buf[n − 1] is LF)
            if (v !== v || (c !== COMMA && c !== LF && c !== CR)) p = from; // not this layout after all
          }
          if (p === from) {
            // any other time text: find the field's end, then the general cell parser
            for (;;) {
              c = buf[p] as number;
              if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
              p++;
            }
            if (p === from) {
              if (this.fRequired[f] === 1) return i;
            } else {
              v = parseTimeBytes(buf, from, p);
              if (v !== v) return i;
            }
          }
          if (v < (this.fMin[f] as number) || v > (this.fMax[f] as number)) return i;
          (this.fNum[f] as Float64Array)[at] = v;
        } else {
          for (;;) {
            c = buf[p] as number;
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
            p++;
          }
        }
        // c = buf[p], the byte after the field: a comma between fields, LF or CRLF after the last
        if (f < last) {
          if (c !== COMMA) return i;
        } else if (c !== LF) {
          if (c !== CR || buf[p + 1] !== LF) return i; // p + 1 < n: a CR is never the last byte
          p++;
        }
        p++;
      }
      builder.commitCheckedRow();
      this.line++;
      i = p;
    }
    return i;
  }

  /**
   * Seconds since midnight of YYYY-MM-DDTHH:MM:SS at p (separators already checked), with the day's
   * epoch ms left in `fDateMs`; −1 when a field is out of range. Returns a small integer, so no number
   * is boxed per call.
   */
  private secondsOfDay(b: Uint8Array, p: number): number {
    const date = this.fDate;
    let k = 0;
    while (k < 10 && b[p + k] === date[k]) k++;
    if (k < 10 || this.fDateMs !== this.fDateMs) {
      const y1 = twoDigits(b, p);
      const y2 = twoDigits(b, p + 2);
      const mo = twoDigits(b, p + 5);
      const d = twoDigits(b, p + 8);
      if (y1 < 0 || y2 < 0 || mo < 1 || mo > 12 || d < 1) return -1;
      const y = y1 * 100 + y2;
      if (d > daysInMonth(y, mo)) return -1;
      this.fDateMs = daysFromCivil(y, mo, d) * 86_400_000;
      for (k = 0; k < 10; k++) date[k] = b[p + k] as number;
    }
    const h = twoDigits(b, p + 11);
    const mi = twoDigits(b, p + 14);
    const sec = twoDigits(b, p + 17);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return -1;
    return (h * 60 + mi) * 60 + sec;
  }

  private appendCarry(buf: Uint8Array, s: number, e: number): void {
    this.usingCarry = true;
    const add = e - s;
    if ((this.flags & TOO_LONG) !== 0) return;
    if (this.carryLen + add > this.maxFieldBytes) {
      this.flags |= TOO_LONG;
      return;
    }
    if (this.carryLen + add > this.carry.length) {
      const grown = new Uint8Array(Math.max(this.carry.length * 2, this.carryLen + add));
      grown.set(this.carry.subarray(0, this.carryLen));
      this.carry = grown;
    }
    this.carry.set(buf.subarray(s, e), this.carryLen);
    this.carryLen += add;
  }

  private emit(buf: Uint8Array, s: number, e: number): void {
    let b = buf;
    if (this.usingCarry) {
      this.appendCarry(buf, s, e);
      b = this.carry;
      s = 0;
      e = this.carryLen;
      this.usingCarry = false;
      this.carryLen = 0;
    }
    const idx = this.fieldIdx++;
    const flags = this.flags;
    if (flags !== 0) this.flags = 0;
    this.lastFieldEmpty = e === s && flags === 0;
    const builder = this.builder;
    if (builder === undefined) {
      this.headerFields.push(flags & (STRAY | TOO_LONG) ? '' : this.decodeText(b, s, e, (flags & QUOTED) !== 0));
      return;
    }
    if (idx === 0) builder.beginRow(this.recordLine);
    if (idx >= this.fieldToSlot.length) return; // extra field: reported by the field-count check
    const slot = this.fieldToSlot[idx] as number;
    if (slot < 0) return;
    if (flags === 0) {
      this.setCell(slot, b, s, e);
      return;
    }
    if (flags & TOO_LONG) builder.fail(slot, `is longer than ${this.maxFieldBytes} bytes (maxFieldBytes)`);
    else if (flags & STRAY) builder.fail(slot, 'has a double quote inside an unquoted field; quote the whole field and double the inner quote ("")');
    else if (e - s < 2 || b[e - 1] !== QUOTE) builder.fail(slot, 'has text after the closing quote of a quoted field');
    else {
      // content between the quotes, with "" → "
      const from = s + 1;
      const to = e - 1;
      const q = indexOfByte(b, QUOTE, from);
      if (q >= 0 && q < to) this.setCell(slot, this.scratch, 0, this.unescape(b, from, to));
      else this.setCell(slot, b, from, to);
    }
  }

  private setCell(slot: number, b: Uint8Array, s: number, e: number): void {
    const builder = this.builder as TableBuilder;
    if (s === e) {
      builder.setEmpty(slot);
      return;
    }
    const kind = this.kindOfSlot[slot];
    if (kind === 1) {
      builder.setCategoryBytes(slot, b, s, e);
      return;
    }
    const v = kind === 0 ? parseNumberBytes(b, s, e) : parseTimeBytes(b, s, e);
    if (v === v) builder.setNumber(slot, v);
    else builder.failParse(slot, decoder.decode(b.subarray(s, e)));
  }

  private unescape(b: Uint8Array, from: number, to: number): number {
    if (this.scratch.length < to - from) this.scratch = new Uint8Array(Math.max(to - from, this.scratch.length * 2));
    let j = 0;
    for (let k = from; k < to; k++) {
      const c = b[k] as number;
      this.scratch[j++] = c;
      if (c === QUOTE && b[k + 1] === QUOTE) k++;
    }
    return j;
  }

  private decodeText(b: Uint8Array, s: number, e: number, quoted: boolean): string {
    if (!quoted) return decoder.decode(b.subarray(s, e));
    const len = this.unescape(b, s + 1, e - 1);
    return decoder.decode(this.scratch.subarray(0, len));
  }

  private endRecord(): void {
    const fields = this.fieldIdx;
    const hadContent = !this.lastFieldEmpty;
    this.fieldIdx = 0;
    if (this.builder === undefined) {
      if (fields === 1 && !hadContent) {
        this.headerFields = [];
        this.blankLines++;
        return;
      }
      this.acceptHeader(this.headerFields);
      return;
    }
    if (fields === 1 && !hadContent) {
      // a blank line: started as a row by emit(), not a row after all
      this.builder.abandonRow();
      this.blankLines++;
      return;
    }
    const expected = (this.header as string[]).length;
    if (fields !== expected) this.builder.fail(-1, `has ${fields} field${fields === 1 ? '' : 's'}, the header has ${expected}`);
    this.builder.endRow();
  }

  private acceptHeader(header: string[]): void {
    this.header = header;
    const resolution = resolveColumns(this.schema, header, this.mapping);
    if (resolution.problems.length > 0) {
      this.headerOutcome = { ok: false, code: 'bad-mapping', message: resolution.problems.join('; '), header };
      return;
    }
    if (resolution.missing.length > 0) {
      const list = listNames(resolution.missing.map((m) => (m.header === m.key ? JSON.stringify(clipName(m.key)) : `${JSON.stringify(clipName(m.header))} (for ${m.key})`)));
      this.headerOutcome = {
        ok: false,
        code: 'missing-columns',
        message: `the header has no column ${list}; it has ${listQuoted(header)}. Rename the column or map it in the spec.`,
        header,
      };
      return;
    }
    this.headerOutcome = { ok: true, header, resolution };
    this.fieldToSlot = new Int32Array(header.length).fill(-1);
    resolution.fieldIndex.forEach((f, slot) => {
      if (f >= 0) this.fieldToSlot[f] = slot;
    });
    this.kindOfSlot = Uint8Array.from(this.schema.columns.map((c) => (c.kind === 'number' ? 0 : c.kind === 'category' ? 1 : 2)));
    const headers = this.schema.columns.map((c) => resolution.found[c.key] ?? null);
    const builder = new TableBuilder(this.schema, headers, this.onBatch, this.options.batchRows ?? DEFAULT_BATCH_ROWS, this.options.maxBadRowExamples ?? DEFAULT_MAX_BAD_ROW_EXAMPLES);
    this.builder = builder;
    // the fast path's plan: what to do with each header field
    const nf = header.length;
    this.fOp = new Uint8Array(nf);
    this.fRequired = new Uint8Array(nf);
    this.fMin = new Float64Array(nf);
    this.fMax = new Float64Array(nf);
    this.fNum = new Array(nf).fill(undefined);
    this.fCat = new Array(nf).fill(undefined);
    this.fHash = new Array(nf).fill(undefined);
    for (let f = 0; f < nf; f++) {
      const slot = this.fieldToSlot[f] as number;
      if (slot < 0) continue;
      const kind = this.kindOfSlot[slot];
      this.fOp[f] = kind === 0 ? OP_NUMBER : kind === 1 ? OP_CATEGORY : OP_TIME;
      this.fRequired[f] = builder.required[slot] ? 1 : 0;
      this.fMin[f] = builder.mins[slot] as number;
      this.fMax[f] = builder.maxs[slot] as number;
      this.fNum[f] = builder.numberCols[slot];
      this.fCat[f] = builder.categoryCols[slot];
      if (kind === 1) this.fHash[f] = new CategoryHash(builder.categoryBytes(slot));
    }
    this.fastOk = nf > 0;
  }
}

/** indexOf on any Uint8Array (Buffer.prototype.indexOf is native memchr). */
function indexOfByte(b: Uint8Array, byte: number, from: number): number {
  return Buffer.prototype.indexOf.call(b, byte, from);
}

function lastIndexOfByte(b: Uint8Array, byte: number): number {
  return Buffer.prototype.lastIndexOf.call(b, byte);
}
