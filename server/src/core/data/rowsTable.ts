// Rows an SQL engine returned (the calibration set, which is small: its statistics are the rows) →
// the same batches and bad-row account the built-in readers give: each cell goes through the same
// TableBuilder checks as a Parquet value (numbers, numeric text, empty cells, ranges, category text).
import { resolveColumns, type ColumnMapping, type TableSchema } from './columns';
import type { BadRowSummary } from './dataFileError';
import { setCell } from './parquetReader';
import { DEFAULT_BATCH_ROWS, DEFAULT_MAX_BAD_ROW_EXAMPLES, TableBuilder, guardConsumer, isConsumerError, type BatchConsumer, type ConsumerError } from './tableBuilder';

export interface RowsTableResult {
  ok: true;
  rows: number;
  badRows: BadRowSummary;
  /** Logical column → the source column read. */
  columns: Record<string, string | null>;
}

export interface RowsTableMissing {
  ok: false;
  /** What is wrong with the mapping, or which columns are missing. */
  message: string;
}

/** The source columns to select for a schema (logical key order; null where an optional column is absent), or what is missing. */
export function rowsTableColumns(schema: TableSchema, names: readonly string[], mapping: ColumnMapping = {}): { headers: (string | null)[]; found: Record<string, string | null> } | RowsTableMissing {
  const res = resolveColumns(schema, names, mapping);
  if (res.problems.length > 0) return { ok: false, message: res.problems.join('; ') };
  if (res.missing.length > 0) return { ok: false, message: `no column ${res.missing.map((m) => `"${m.header}"`).join(', ')}; the columns are ${names.join(', ')}. Rename the column or map it under columns` };
  return { headers: schema.columns.map((c) => res.found[c.key] ?? null), found: res.found };
}

/**
 * Feeds rows (cells in the order of `headers`' non-null entries) through the built-in readers' checks.
 * Cells may be numbers, bigints, text, booleans, Dates or null.
 */
export function rowsTable(schema: TableSchema, headers: readonly (string | null)[], rows: Iterable<readonly unknown[]>, onBatch: BatchConsumer, found: Record<string, string | null>): RowsTableResult {
  const builder = new TableBuilder(schema, [...headers], guardConsumer(onBatch), DEFAULT_BATCH_ROWS, DEFAULT_MAX_BAD_ROW_EXAMPLES);
  const at = headers.map((h, i) => (h === null ? -1 : headers.slice(0, i).filter((x) => x !== null).length));
  let line = 0;
  try {
    for (const row of rows) {
      builder.beginRow(++line);
      for (let slot = 0; slot < schema.columns.length; slot++) {
        if (at[slot]! < 0) continue;
        const v = row[at[slot]!];
        const kind = schema.columns[slot]!.kind;
        setCell(builder, slot, kind, v);
      }
      builder.endRow();
    }
    builder.flush();
  } catch (e) {
    if (isConsumerError(e)) throw (e as ConsumerError).cause;
    throw e;
  }
  return { ok: true, rows: builder.rowsAccepted, badRows: builder.badRows(), columns: found };
}
