import type { DataFileSystem, DataFormat } from './resolveDataFile';
import type { BadRowSummary } from './dataFileError';

/** What a successful read tells the report and the user about the file. */
export interface TableReadSuccess {
  ok: true;
  /** The path as the spec wrote it. */
  path: string;
  resolvedPath: string;
  format: DataFormat;
  bytes: number;
  /** Rows handed to the consumer. */
  rows: number;
  /** Rows read, good and bad (rows + badRows.count). */
  rowsRead: number;
  badRows: BadRowSummary;
  /** Blank lines skipped (CSV/JSONL); not rows, but not hidden either. */
  blankLines: number;
  /** Logical key → header name used (null: optional column absent). */
  columns: Record<string, string | null>;
  /** Category values seen, by logical key. */
  dictionaries: Record<string, readonly string[]>;
}

export interface ReadOptions {
  workspaceRoot: string;
  baseDir?: string;
  maxBytes?: number;
  format?: DataFormat;
  /** Rows per batch handed to the consumer (default 16,384). */
  batchRows?: number;
  /** Bad rows kept as examples (default 20); all are counted. */
  maxBadRowExamples?: number;
  /** CSV: longest field accepted (default 1 MiB). */
  maxFieldBytes?: number;
  /** Longest JSON Lines line read (default 4 MB); a longer one is one bad row. */
  maxLineBytes?: number;
  /** CSV/JSONL: bytes per read from disk (default 1 MiB). */
  readChunkBytes?: number;
  signal?: AbortSignal;
  /** File-system calls of the path checks and the CSV reader (default node:fs); tests inject failures. */
  fileSystem?: DataFileSystem;
}
