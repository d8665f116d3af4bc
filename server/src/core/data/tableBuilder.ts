// Assembles parsed cells into column batches and keeps the account of bad rows. Shared by the CSV,
// JSON Lines and Parquet readers, so all three apply the same rules:
//   - a row with any problem in a column the report uses (wrong field count, unparsable number,
//     infinite number, number out of range, bad time, empty required cell) is left out of the batch, COUNTED, and
//     the first `maxExamples` are kept with their row, line and column;
//   - an empty optional cell is a missing value (NaN / −1), not a problem.
// Pure: no I/O. Batches are columnar typed arrays that are REUSED after `onBatch` returns; a consumer
// that keeps data copies it.
import type { ColumnKind, TableSchema } from './columns';
import type { BadRowExample, BadRowSummary } from './dataFileError';

export const DEFAULT_BATCH_ROWS = 16_384;
export const DEFAULT_MAX_BAD_ROW_EXAMPLES = 20;
/** Distinct values kept per category column; a column with more is reported as a bad row per new value. */
export const MAX_CATEGORY_VALUES = 100_000;

export interface RowBatch {
  /** Rows in this batch (arrays may be longer; read only [0, length)). */
  length: number;
  /** Number columns (and times, in epoch ms) by logical key; NaN = missing. */
  numbers: Record<string, Float64Array>;
  /** Category codes by logical key; −1 = missing. Decode with `dictionaries[key][code]`. */
  categories: Record<string, Int32Array>;
  /** Category values by logical key, shared by all batches of one read (codes are stable). */
  dictionaries: Record<string, readonly string[]>;
}

export type BatchConsumer = (batch: RowBatch) => void;

/** An exception thrown by the consumer, carried through the reader untouched (it is not a file problem). */
export class ConsumerError extends Error {
  constructor(override readonly cause: unknown) {
    super('the batch consumer threw');
  }
}

export function isConsumerError(e: unknown): e is ConsumerError {
  return e instanceof ConsumerError;
}

/** Wraps a consumer so its exceptions are told apart from I/O and format errors. */
export function guardConsumer(onBatch: BatchConsumer): BatchConsumer {
  return (b) => {
    try {
      onBatch(b);
    } catch (e) {
      throw new ConsumerError(e);
    }
  };
}

interface CategoryColumn {
  values: string[];
  bytes: Uint8Array[];
  index: Map<string, number>;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export class TableBuilder {
  readonly kinds: ColumnKind[];
  readonly keys: string[];
  readonly headers: (string | null)[];
  readonly required: boolean[];
  readonly mins: number[];
  readonly maxs: number[];
  /** Column arrays by slot (undefined for the other kind). Readers with a fast path write at `at`. */
  readonly numberCols: (Float64Array | undefined)[];
  readonly categoryCols: (Int32Array | undefined)[];
  private readonly cats: (CategoryColumn | undefined)[];
  private readonly batch: RowBatch;
  private readonly capacity: number;
  /** Index in the column arrays of the row being written. */
  at = 0;
  private rowBad = false;
  private rowLine = 0;
  private rowNumber = 0;
  private badCount = 0;
  private readonly examples: BadRowExample[] = [];
  private readonly byColumn = new Map<string, number>();
  rowsAccepted = 0;

  constructor(
    schema: TableSchema,
    headers: (string | null)[],
    private readonly onBatch: BatchConsumer,
    batchRows = DEFAULT_BATCH_ROWS,
    private readonly maxExamples = DEFAULT_MAX_BAD_ROW_EXAMPLES,
  ) {
    this.capacity = batchRows;
    this.kinds = schema.columns.map((c) => c.kind);
    this.keys = schema.columns.map((c) => c.key);
    this.required = schema.columns.map((c) => c.required);
    this.mins = schema.columns.map((c) => c.min ?? -Infinity);
    this.maxs = schema.columns.map((c) => c.max ?? Infinity);
    this.headers = headers;
    const numbers: Record<string, Float64Array> = {};
    const categories: Record<string, Int32Array> = {};
    const dictionaries: Record<string, readonly string[]> = {};
    this.numberCols = [];
    this.categoryCols = [];
    this.cats = [];
    schema.columns.forEach((c, i) => {
      const present = headers[i] !== null;
      if (c.kind === 'category') {
        const col = new Int32Array(batchRows).fill(-1);
        const cat: CategoryColumn = { values: [], bytes: [], index: new Map() };
        this.categoryCols.push(col);
        this.numberCols.push(undefined);
        this.cats.push(cat);
        if (present) {
          categories[c.key] = col;
          dictionaries[c.key] = cat.values;
        }
      } else {
        const col = new Float64Array(batchRows).fill(Number.NaN);
        this.numberCols.push(col);
        this.categoryCols.push(undefined);
        this.cats.push(undefined);
        if (present) numbers[c.key] = col;
      }
    });
    this.batch = { length: 0, numbers, categories, dictionaries };
  }

  /** Starts a data row; `line` is the 1-based file line where it starts. */
  beginRow(line: number): void {
    this.rowNumber++;
    this.rowLine = line;
    this.rowBad = false;
  }

  get currentRow(): number {
    return this.rowNumber;
  }

  /** Marks the current row bad; only the first problem of a row is kept. */
  fail(slot: number, message: string): void {
    if (this.rowBad) return;
    this.rowBad = true;
    const column = slot >= 0 ? (this.headers[slot] ?? this.keys[slot] ?? null) : null;
    this.badCount++;
    const key = column ?? '(row)';
    this.byColumn.set(key, (this.byColumn.get(key) ?? 0) + 1);
    if (this.examples.length < this.maxExamples) {
      this.examples.push({ row: this.rowNumber, line: this.rowLine, column, message });
    }
  }

  get isRowBad(): boolean {
    return this.rowBad;
  }

  /** A cell whose text did not parse as the column's kind. */
  failParse(slot: number, raw: string): void {
    const kind = this.kinds[slot] === 'time' ? 'a time (ISO 8601 or Unix seconds)' : 'a number';
    const shown = raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
    this.fail(slot, `${JSON.stringify(shown)} is not ${kind}`);
  }

  /**
   * A number (or epoch-ms time) cell; a NaN value counts as a parse failure, an infinite one (a typed
   * Parquet double, or text like "1e400") as not a finite number: both make the row bad, required
   * column or optional — the one rule of every reader (the SQL engines apply it too: docs/reports-sql.md).
   */
  setNumber(slot: number, v: number): void {
    if (v !== v) {
      this.failParse(slot, String(v));
      return;
    }
    if (v === Infinity || v === -Infinity) {
      this.fail(slot, `${v} is not a finite number`);
      return;
    }
    if (v < (this.mins[slot] as number) || v > (this.maxs[slot] as number)) {
      const lo = this.mins[slot] as number;
      const hi = this.maxs[slot] as number;
      const range = hi === Infinity ? `at least ${lo}` : `in [${lo}, ${hi}]`;
      if (this.kinds[slot] === 'time') this.fail(slot, `${v} ms is outside the times a date can hold (years -271821 to 275760)`);
      else this.fail(slot, `${v} is out of range: must be ${range}`);
      return;
    }
    (this.numberCols[slot] as Float64Array)[this.at] = v;
  }

  /** An empty cell: fine for an optional column, a problem for a required one. */
  setEmpty(slot: number): void {
    const n = this.numberCols[slot];
    if (n !== undefined) n[this.at] = Number.NaN;
    else (this.categoryCols[slot] as Int32Array)[this.at] = -1;
    if (this.required[slot]) this.fail(slot, 'is empty, but the column is required');
  }

  /** A category cell from UTF-8 bytes; small dictionaries are matched byte-wise without a string. */
  setCategoryBytes(slot: number, b: Uint8Array, start: number, end: number): void {
    const cat = this.cats[slot] as CategoryColumn;
    const len = end - start;
    const bytes = cat.bytes;
    if (bytes.length <= 32) {
      for (let k = 0; k < bytes.length; k++) {
        const v = bytes[k] as Uint8Array;
        if (v.length !== len) continue;
        let same = true;
        for (let j = 0; j < len; j++) {
          if (v[j] !== b[start + j]) {
            same = false;
            break;
          }
        }
        if (same) {
          (this.categoryCols[slot] as Int32Array)[this.at] = k;
          return;
        }
      }
    }
    this.setCategory(slot, decoder.decode(b.subarray(start, end)));
  }

  /** A category cell from a string. */
  setCategory(slot: number, value: string): void {
    const cat = this.cats[slot] as CategoryColumn;
    let code = cat.index.get(value);
    if (code === undefined) {
      if (cat.values.length >= MAX_CATEGORY_VALUES) {
        this.fail(slot, `has more than ${MAX_CATEGORY_VALUES} distinct values; is this the right column?`);
        return;
      }
      code = cat.values.length;
      cat.values.push(value);
      cat.bytes.push(new TextEncoder().encode(value));
      cat.index.set(value, code);
    }
    (this.categoryCols[slot] as Int32Array)[this.at] = code;
  }

  /**
   * Ends the row: commits it unless it was bad. Every reader sets every mapped column of a row it
   * commits (a cell, or `setEmpty`), so no stale value from an earlier row survives.
   */
  endRow(): void {
    if (this.rowBad) return;
    this.at++;
    this.rowsAccepted++;
    if (this.at === this.capacity) this.flush();
  }

  /**
   * Commits a row a reader wrote straight into `numberCols`/`categoryCols` at `at`, having checked
   * every rule `setNumber`/`setEmpty`/`setCategory*` would (the CSV fast path). Same effect as
   * `beginRow` + the cells + `endRow` for a good row.
   */
  commitCheckedRow(): void {
    this.rowNumber++;
    this.at++;
    this.rowsAccepted++;
    if (this.at === this.capacity) this.flush();
  }

  /** Encoded values of a category column, in code order (grows as new values are seen). */
  categoryBytes(slot: number): readonly Uint8Array[] {
    return (this.cats[slot] as CategoryColumn).bytes;
  }

  /**
   * Makes a column the constructor's headers lacked part of the batches from now on: a JSON Lines key
   * first seen after the first line. Until then the file did not have the column (a batch without it),
   * as a CSV without that header — not a column of empty cells.
   */
  addColumn(slot: number, header: string): void {
    this.headers[slot] = header;
    const key = this.keys[slot] as string;
    const cat = this.cats[slot];
    if (cat) {
      this.batch.categories[key] = this.categoryCols[slot] as Int32Array;
      this.batch.dictionaries[key] = cat.values;
    } else this.batch.numbers[key] = this.numberCols[slot] as Float64Array;
  }

  /** Drops the current row without counting it (e.g. a blank line). */
  abandonRow(): void {
    this.rowNumber--;
  }

  flush(): void {
    if (this.at === 0) return;
    this.batch.length = this.at;
    this.onBatch(this.batch);
    this.at = 0;
  }

  /** Category values seen so far, by logical key (only columns present in the file). */
  dictionaries(): Record<string, readonly string[]> {
    return this.batch.dictionaries;
  }

  badRows(): BadRowSummary {
    return { count: this.badCount, examples: this.examples, byColumn: Object.fromEntries(this.byColumn) };
  }

  get rowsSeen(): number {
    return this.rowNumber;
  }
}
