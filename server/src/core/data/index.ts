// Data files named by a spec: path checks, streaming readers for CSV, JSON Lines and Parquet, and
// the column batches they produce. No vscode imports; file access through node:fs only here.
export {
  ROUTING_SCHEMA,
  CALIBRATION_SCHEMA,
  defaultColumnMapping,
  resolveColumns,
  type ColumnKind,
  type ColumnSpec,
  type TableSchema,
  type ColumnMapping,
  type ColumnResolution,
} from './columns';
export { dataFileError, type DataFileError, type DataFileErrorCode, type BadRowExample, type BadRowSummary } from './dataFileError';
export {
  resolveDataFile,
  resolveInsideWorkspace,
  formatFromExtension,
  nodeFileSystem,
  DEFAULT_MAX_DATA_FILE_BYTES,
  type DataFileSystem,
  type DataFileHandle,
  type DataFormat,
  type ResolveOptions,
  type ResolvedDataFile,
} from './resolveDataFile';
export { parseNumberBytes, parseNumberText, parseTimeBytes, parseTimeText, daysFromCivil } from './parseCell';
export { TableBuilder, DEFAULT_BATCH_ROWS, DEFAULT_MAX_BAD_ROW_EXAMPLES, MAX_CATEGORY_VALUES, type RowBatch, type BatchConsumer } from './tableBuilder';
export { CsvTableParser, DEFAULT_MAX_FIELD_BYTES, type CsvParserOptions, type HeaderOutcome } from './csvParser';
export { JsonlTableParser } from './jsonlReader';
export { readTable } from './readTable';
export { rowsTable, rowsTableColumns, type RowsTableResult, type RowsTableMissing } from './rowsTable';
export { readCsvFile, DEFAULT_READ_CHUNK_BYTES } from './csvReader';
export { readJsonlFile } from './jsonlReader';
export { readParquetFile } from './parquetReader';
export type { TableReadSuccess, ReadOptions } from './readResult';
