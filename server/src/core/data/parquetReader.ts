// Parquet through hyparquet (pure JavaScript, no dependencies, no native binary): one row group at a
// time, only the mapped columns, so memory is bounded by the largest row group, not the file.
// Values: DOUBLE/FLOAT/INT32/INT64 (bigint → number) for numbers; UTF-8 strings (or numbers/booleans,
// written as text) for categories; TIMESTAMP (MILLIS, MICROS, NANOS, INT96), DATE, ISO strings or Unix
// seconds for times. Typed timestamps keep their microseconds by the time rule (parseCell: nanoseconds
// floored to whole microseconds, then the double nearest µs ÷ 1000 — the value of their ISO text;
// hyparquet's own Date would truncate toward zero to whole ms). Nulls are empty cells. The row number
// in a report is the row index + 1.
import type { ColumnMapping, TableSchema } from './columns';
import { resolveColumns } from './columns';
import { dataFileError, type DataFileError } from './dataFileError';
import { microsToMs, nanosToMs, parseNumberText, parseTimeText } from './parseCell';
import type { ReadOptions, TableReadSuccess } from './readResult';
import type { ResolvedDataFile } from './resolveDataFile';
import { TableBuilder, guardConsumer, isConsumerError, type ConsumerError, type BatchConsumer, DEFAULT_BATCH_ROWS, DEFAULT_MAX_BAD_ROW_EXAMPLES } from './tableBuilder';
import { listQuoted } from '../text/bounded';

type Hyparquet = typeof import('hyparquet', { with: { 'resolution-mode': 'import' } });
let hyparquet: Promise<Hyparquet> | undefined;
function loadHyparquet(): Promise<Hyparquet> {
  // hyparquet is an ES module; this core compiles to CommonJS, so it is loaded with import().
  hyparquet ??= import('hyparquet');
  return hyparquet;
}

/** A typed timestamp's epoch ms (by the time rule), kept apart from a number, which is Unix seconds in a time column. */
export class TypedTime {
  constructor(readonly ms: number) {}
  toString(): string {
    return Math.abs(this.ms) <= 8.64e15 ? new Date(this.ms).toISOString() : `${this.ms} ms`;
  }
}

/** hyparquet's timestamp parsers, replaced: exact epoch ms by the time rule instead of a whole-ms Date. */
export const TIMESTAMP_PARSERS = {
  timestampFromMilliseconds: (v: bigint): TypedTime => new TypedTime(microsToMs(BigInt(v) * 1000n)),
  timestampFromMicroseconds: (v: bigint): TypedTime => new TypedTime(microsToMs(BigInt(v))),
  timestampFromNanoseconds: (v: bigint): TypedTime => new TypedTime(nanosToMs(BigInt(v))),
};

export function toNumber(v: unknown, kind: 'number' | 'time'): number {
  if (v instanceof TypedTime) return kind === 'time' ? v.ms : Number.NaN;
  if (typeof v === 'number') return kind === 'time' ? v * 1000 : v;
  if (typeof v === 'bigint') return kind === 'time' ? Number(v) * 1000 : Number(v);
  if (v instanceof Date) return kind === 'time' ? v.getTime() : Number.NaN;
  if (typeof v === 'string') return kind === 'time' ? parseTimeText(v) : parseNumberText(v);
  return Number.NaN;
}

/**
 * Most rows a Parquet file may claim per byte of its size. Calibration and routing rows carry a time,
 * a score or a confidence each, so a real file holds far fewer; a footer that claims more is forged
 * or corrupt, and reading it would run as long as the claim (10^8 rows: 18.5 s; 10^12: for good).
 */
export const MAX_PARQUET_ROWS_PER_BYTE = 64;

interface FooterFacts {
  num_rows: bigint | number;
  row_groups: { num_rows: bigint | number; columns?: { meta_data?: { total_compressed_size?: bigint | number } }[] }[];
}

/** What is impossible about a footer, given the file's real size; undefined when it is plausible. */
/** One typed value into its slot: empty, a category's text, or a number or time (else a parse failure). */
export function setCell(builder: TableBuilder, slot: number, kind: 'category' | 'number' | 'time', v: unknown): void {
  if (v === undefined || v === null || v === '') builder.setEmpty(slot);
  else if (kind === 'category') {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') builder.setCategory(slot, String(v));
    else builder.fail(slot, 'must be text');
  } else {
    const x = toNumber(v, kind);
    if (x === x) builder.setNumber(slot, x);
    else builder.failParse(slot, String(v));
  }
}

export function metadataLie(metadata: FooterFacts, fileBytes: number): string | undefined {
  const claimed = Number(metadata.num_rows);
  if (!Number.isSafeInteger(claimed) || claimed < 0) return `its footer claims ${String(metadata.num_rows)} rows`;
  let sum = 0;
  let chunkBytes = 0;
  for (const g of metadata.row_groups) {
    const n = Number(g.num_rows);
    if (!Number.isSafeInteger(n) || n < 0) return `a row group claims ${String(g.num_rows)} rows`;
    sum += n;
    for (const c of g.columns ?? []) chunkBytes += Number(c.meta_data?.total_compressed_size ?? 0);
  }
  if (sum !== claimed) return `its footer claims ${claimed.toLocaleString('en-US')} rows but its row groups hold ${sum.toLocaleString('en-US')}`;
  if (claimed > fileBytes * MAX_PARQUET_ROWS_PER_BYTE) {
    return `its footer claims ${claimed.toLocaleString('en-US')} rows, more than a file of ${fileBytes.toLocaleString('en-US')} bytes can hold (at most ${MAX_PARQUET_ROWS_PER_BYTE} rows per byte); the file is truncated or forged`;
  }
  if (!(chunkBytes <= fileBytes)) return `its column chunks claim ${chunkBytes.toLocaleString('en-US')} bytes in a file of ${fileBytes.toLocaleString('en-US')}`;
  return undefined;
}

export async function readParquetFile(
  file: ResolvedDataFile,
  schema: TableSchema,
  mapping: ColumnMapping | undefined,
  onBatch: BatchConsumer,
  options: ReadOptions,
): Promise<TableReadSuccess | DataFileError> {
  onBatch = guardConsumer(onBatch);
  const hp = await loadHyparquet();
  let buffer;
  let metadata;
  try {
    buffer = await hp.asyncBufferFromFile(file.resolvedPath);
    metadata = await hp.parquetMetadataAsync(buffer);
  } catch (e) {
    return dataFileError('malformed', file.path, `${file.path} is not a readable Parquet file: ${(e as Error).message}`, file.resolvedPath);
  }
  const lie = metadataLie(metadata, file.bytes);
  if (lie) return dataFileError('malformed', file.path, `${file.path} is not a readable Parquet file: ${lie}`, file.resolvedPath);
  const names = hp.parquetSchema(metadata).children.map((c) => c.element.name);
  const resolution = resolveColumns(schema, names, mapping);
  if (resolution.problems.length > 0) return dataFileError('bad-mapping', file.path, `${file.path}: ${resolution.problems.join('; ')}`, file.resolvedPath);
  if (resolution.missing.length > 0) {
    const list = listQuoted(resolution.missing.map((m) => m.header));
    return dataFileError('missing-columns', file.path, `${file.path}: the Parquet schema has no column ${list}; it has ${listQuoted(names)}. Rename the column or map it in the spec.`, file.resolvedPath);
  }
  const headers = schema.columns.map((c) => resolution.found[c.key] ?? null);
  const wanted = [...new Set(headers.filter((h): h is string => h !== null))];
  const builder = new TableBuilder(schema, headers, onBatch, options.batchRows ?? DEFAULT_BATCH_ROWS, options.maxBadRowExamples ?? DEFAULT_MAX_BAD_ROW_EXAMPLES);
  let groupStart = 0;
  try {
    for (const group of metadata.row_groups) {
      options.signal?.throwIfAborted();
      const groupEnd = groupStart + Number(group.num_rows);
      const columns = new Map<string, { start: number; data: ArrayLike<unknown> }[]>();
      await hp.parquetRead({
        file: buffer,
        metadata,
        columns: wanted,
        rowStart: groupStart,
        rowEnd: groupEnd,
        parsers: TIMESTAMP_PARSERS,
        onChunk(chunk) {
          const list = columns.get(chunk.columnName) ?? [];
          list.push({ start: chunk.rowStart, data: chunk.columnData });
          columns.set(chunk.columnName, list);
        },
      });
      const cells = headers.map((h) => (h === null ? undefined : (columns.get(h) ?? [])));
      // locate row r of a column across its chunks
      const cursor = cells.map(() => 0);
      for (let r = groupStart; r < groupEnd; r++) {
        builder.beginRow(r + 1);
        for (let slot = 0; slot < schema.columns.length; slot++) {
          const chunks = cells[slot];
          if (chunks === undefined) continue;
          let k = cursor[slot] as number;
          while (k < chunks.length && r >= (chunks[k] as { start: number }).start + (chunks[k] as { data: ArrayLike<unknown> }).data.length) k++;
          cursor[slot] = k;
          const ch = chunks[k];
          const v = ch === undefined || r < ch.start ? undefined : ch.data[r - ch.start];
          const kind = schema.columns[slot]!.kind;
          setCell(builder, slot, kind, v);
        }
        builder.endRow();
      }
      groupStart = groupEnd;
    }
  } catch (e) {
    if (isConsumerError(e)) throw (e as ConsumerError).cause;
    return dataFileError('malformed', file.path, `${file.path}: reading row ${groupStart + 1} onward failed: ${(e as Error).message}`, file.resolvedPath);
  }
  builder.flush();
  const bad = builder.badRows();
  return {
    ok: true,
    path: file.path,
    resolvedPath: file.resolvedPath,
    format: 'parquet',
    bytes: file.bytes,
    rows: builder.rowsAccepted,
    rowsRead: builder.rowsAccepted + bad.count,
    badRows: bad,
    blankLines: 0,
    columns: resolution.found,
    dictionaries: builder.dictionaries(),
  };
}
