// Resolving the path a spec names to a file EvalSpec may read. This is the only place that decides
// whether a path is acceptable, so every reader and every client applies the same rules:
//   - relative paths resolve against the spec's folder (`baseDir`), absolute ones stay;
//   - the path must exist and, after symlinks are resolved, lie inside the workspace root (also
//     resolved), so `data/../../etc/passwd` and a symlink pointing out of the workspace are refused;
//   - it must be a regular file (not a directory, FIFO, socket or device), readable, and no larger
//     than `maxBytes` (default 1 GiB, so an accidental multi-GB file is named instead of read).
// File-system calls go through a `DataFileSystem` (node:fs by default), so tests can hand in one that
// fails the way a real system does (EACCES as a non-root user) even when they run as root.
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { dataFileError, formatBytes, type DataFileError } from './dataFileError';

export const DEFAULT_MAX_DATA_FILE_BYTES = 1024 * 1024 * 1024;

export type DataFormat = 'csv' | 'jsonl' | 'parquet';

/** The file-system calls the path checks and the CSV reader make (a subset of node:fs/promises). */
export interface DataFileSystem {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<{ size: number; isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }>;
  access(path: string, mode: number): Promise<void>;
  open(path: string, flags: 'r'): Promise<DataFileHandle>;
}

export interface DataFileHandle {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** node:fs/promises as a DataFileSystem: the default. */
export const nodeFileSystem: DataFileSystem = {
  realpath: (p) => fs.realpath(p),
  stat: (p) => fs.stat(p),
  access: (p, mode) => fs.access(p, mode),
  open: (p, flags) => fs.open(p, flags),
};

export interface ResolveOptions {
  /** Workspace root; the file must lie inside it after symlinks. */
  workspaceRoot: string;
  /** Folder relative paths resolve against (the spec's folder). Default: the workspace root. */
  baseDir?: string;
  /** Largest file accepted, in bytes. Default 1 GiB. */
  maxBytes?: number;
  /** Force a format instead of choosing by extension. */
  format?: DataFormat;
  /** File-system calls (default node:fs); tests inject failures here. */
  fileSystem?: DataFileSystem;
}

export interface ResolvedDataFile {
  ok: true;
  path: string;
  resolvedPath: string;
  bytes: number;
  format: DataFormat;
}

/** The format implied by a file name (`.csv`, `.tsv` is not supported; `.jsonl`/`.ndjson`; `.parquet`/`.pq`). */
export function formatFromExtension(file: string): DataFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.parquet') || lower.endsWith('.pq')) return 'parquet';
  return undefined;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' ? false : !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Checks a spec's data path. Never throws for a bad path: returns a `DataFileError`. */
export async function resolveDataFile(given: string, options: ResolveOptions): Promise<ResolvedDataFile | DataFileError> {
  if (typeof given !== 'string' || given.trim() === '') {
    return dataFileError('not-found', String(given), 'The data path is empty; give a path relative to the spec, e.g. data/routing.csv.');
  }
  if (given.includes('\0')) return dataFileError('not-found', given, `The data path ${JSON.stringify(given)} contains a NUL byte.`);
  const format = options.format ?? formatFromExtension(given);
  if (format === undefined) {
    return dataFileError('unsupported-format', given, `${given}: EvalSpec reads .csv, .jsonl (or .ndjson) and .parquet files; rename the file or convert it.`);
  }
  const inside = await resolveInsideWorkspace(given, options);
  if (!inside.ok) return inside;
  return { ok: true, path: given, resolvedPath: inside.resolvedPath, bytes: inside.bytes, format };
}

/**
 * The path checks alone, for any file a spec names (go-to-definition on an `evidence` file of any
 * format uses them too): inside the workspace after symlinks, a regular readable file, within `maxBytes`.
 */
export async function resolveInsideWorkspace(given: string, options: Omit<ResolveOptions, 'format'>): Promise<{ ok: true; resolvedPath: string; bytes: number } | DataFileError> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DATA_FILE_BYTES;
  const files = options.fileSystem ?? nodeFileSystem;
  if (typeof given !== 'string' || given.trim() === '' || given.includes('\0')) return dataFileError('not-found', String(given), 'The path is empty or contains a NUL byte.');
  const base = options.baseDir ?? options.workspaceRoot;
  const absolute = path.resolve(base, given);
  let root: string;
  try {
    root = await files.realpath(options.workspaceRoot);
  } catch {
    return dataFileError('not-found', given, `The workspace folder ${options.workspaceRoot} does not exist, so ${given} cannot be checked.`);
  }
  let real: string;
  try {
    real = await files.realpath(absolute);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!isInside(path.resolve(options.workspaceRoot), absolute) && !isInside(root, absolute)) {
      return dataFileError('outside-workspace', given, `${given} points outside the workspace (${options.workspaceRoot}); EvalSpec only reads data files inside it.`);
    }
    if (code === 'EACCES' || code === 'EPERM') return dataFileError('unreadable', given, `${given} cannot be opened: permission denied on a folder of its path.`, absolute);
    if (code === 'ELOOP') return dataFileError('unreadable', given, `${given} is a symlink loop.`, absolute);
    return dataFileError('not-found', given, `${given} does not exist (looked for ${absolute}); check the path, which is relative to the spec's folder.`, absolute);
  }
  if (!isInside(root, real)) {
    const via = real === absolute ? '' : ` (it resolves through a symlink to ${real})`;
    return dataFileError('outside-workspace', given, `${given} lies outside the workspace${via}; EvalSpec only reads data files inside ${root}. Copy the file into the workspace.`, real);
  }
  let stat;
  try {
    stat = await files.stat(real);
  } catch {
    return dataFileError('unreadable', given, `${given} cannot be examined (stat failed).`, real);
  }
  if (!stat.isFile()) {
    const what = stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : 'a device or special file';
    return dataFileError('not-a-file', given, `${given} is ${what}, not a regular file; point the spec at the data file itself.`, real);
  }
  if (stat.size > maxBytes) {
    return dataFileError(
      'too-large',
      given,
      `${given} is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for data files; raise the limit (maxBytes) or point the spec at a sample of the log.`,
      real,
    );
  }
  try {
    await files.access(real, constants.R_OK);
  } catch {
    return dataFileError('unreadable', given, `${given} exists but is not readable by this user; check its permissions.`, real);
  }
  return { ok: true, resolvedPath: real, bytes: stat.size };
}
