// The hostile-file corpus: specs and data files built to break a language server (huge, deep,
// badly encoded, lying, special files), generated at test time into a temporary workspace (the large
// ones are never in git). Each case names the diagnostic code it must get and where: at the start of
// the document, at a given line, or on the data path the spec names. Used by
// test/protocol/hostile.test.ts (correctness) and bench/hostile.bench.ts (time and peak memory).
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../reference';
import { forgedParquet } from './forgedParquet';

export interface HostileCase {
  name: string;
  /** What the spec sends the server: the text a UTF-8 client would decode from the file's bytes. */
  spec(w: HostileWorkspace): string;
  /** The code the case must get. */
  code: string;
  /** Where: a data path's range (`data`), the first line (`start`), or a 0-based line. */
  at: 'data' | 'start' | { line: number };
  /** Bytes the case writes to disk (for the bench's table). */
  note: string;
  /** What the diagnostic's message must say (when the code alone is not precise enough). */
  message?: RegExp;
}

export interface HostileWorkspace {
  /** The workspace folder the server is given. */
  root: string;
  /** A folder beside the workspace (outside it). */
  outside: string;
}

/** A UTF-8 client's view of bytes: invalid sequences become U+FFFD, a UTF-8 BOM is dropped. */
export function decodeAsUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** A spec whose calibration data is `path`, with the data path on line 3 (0-based). */
export function calibrationSpec(path: string): string {
  return ['evalspec: 1', 'name: hostile', 'judge:', `  calibration: {data: ${JSON.stringify(path)}, min_spearman: 0.75}`, ''].join('\n');
}

export function createWorkspace(): HostileWorkspace {
  const base = mkdtempSync(join(tmpdir(), 'evalspec-hostile-'));
  const root = join(base, 'workspace');
  const outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.csv'), 'judge_score,human_label\n1,1\n');
  return { root, outside };
}

export function removeWorkspace(w: HostileWorkspace): void {
  rmSync(join(w.root, '..'), { recursive: true, force: true });
}

/** Writes `size` bytes of a repeated chunk without holding them in memory at once. */
function writeRepeated(file: string, head: string, chunk: string, size: number, tail = ''): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, head);
    const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))));
    let written = head.length;
    while (written + block.length <= size) written += writeSync(fd, block);
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

const MB = 1024 * 1024;

export const specCases: HostileCase[] = [
  {
    name: 'alias bomb (10 levels of 10)',
    note: '~1 KB, expands to 10^10 nodes',
    spec: () => ['evalspec: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 10 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`), ''].join('\n'),
    code: 'document-too-complex',
    at: 'start',
  },
  { name: '50 MB spec', note: '50 MB', spec: () => `evalspec: 1\nname: big\n${'# padding padding padding padding padding padding\n'.repeat((50 * MB) / 50)}`, code: 'document-too-large', at: 'start' },
  { name: '10^6 keys', note: '10^6 lines', spec: () => Array.from({ length: 1_000_000 }, (_, i) => `k${i}: ${i}`).join('\n'), code: 'document-too-large', at: 'start' },
  { name: '10k-deep flow nesting', note: '20 KB', spec: () => `evalspec: 1\nname: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, code: 'document-too-complex', at: 'start' },
  { name: '10k-deep block nesting', note: '20 KB, one line of 10^4 "- "', spec: () => `evalspec: 1\nname:\n  ${'- '.repeat(10_000)}x\n`, code: 'document-too-complex', at: 'start' },
  { name: '5 MB line', note: '5 MB', spec: () => `evalspec: 1\nname: ${'x'.repeat(5 * MB)}\n`, code: 'document-too-large', at: 'start' },
  {
    name: 'invalid UTF-8',
    note: 'bytes C3 28, FF',
    spec: () => decodeAsUtf8(Buffer.concat([Buffer.from('evalspec: 1\nname: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\nmetrics:\n  - {id: m, primary: true, kind: binary, expected_pass_rate: 0.8'), Buffer.from([0xff]), Buffer.from('}\n')])),
    code: 'invalid-utf8',
    at: { line: 1 },
  },
  {
    name: 'UTF-16 LE with BOM',
    note: 'FF FE + UTF-16LE',
    spec: () => decodeAsUtf8(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('evalspec: 1\nname: wide\n', 'utf16le')])),
    code: 'not-utf8',
    at: 'start',
  },
  {
    name: 'UTF-16 BE with BOM',
    note: 'FE FF + UTF-16BE',
    spec: () => decodeAsUtf8(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('evalspec: 1\nname: wide\n', 'utf16le').swap16()])),
    code: 'not-utf8',
    at: 'start',
  },
  {
    name: 'key with a newline',
    note: 'quoted key "a\\nb"',
    spec: () => 'evalspec: 1\nname: nl\n"gold\\nen_set": 1\n',
    code: 'unknown-key',
    at: { line: 2 },
  },
  { name: 'constructor key', note: 'key constructor', spec: () => 'evalspec: 1\nname: p\nconstructor: 1\n', code: 'unknown-key', at: { line: 2 } },
  { name: '__proto__ key', note: 'key __proto__', spec: () => 'evalspec: 1\nname: p\ngolden_set:\n  size: 200\n__proto__: {size: 1}\n', code: 'unknown-key', at: { line: 4 } },
  { name: 'toString key in a section', note: 'golden_set.toString', spec: () => 'evalspec: 1\nname: p\ngolden_set:\n  toString: 3\n', code: 'unknown-key', at: { line: 3 } },
  { name: '45,000 keys (under the node budget)', note: '0.6 MB', spec: () => Array.from({ length: 45_000 }, (_, i) => `k${i}: ${i}`).join('\n'), code: 'unknown-key', at: { line: 0 } },
];

/** Data files a spec names. Each writes its file(s) and returns the path the spec gives. */
export interface DataCase extends Omit<HostileCase, 'spec'> {
  make(w: HostileWorkspace): string | Promise<string>;
}

export const dataCases: DataCase[] = [
  { name: 'path out of the workspace (..)', note: '../outside/secret.csv', make: () => '../outside/secret.csv', code: 'data-file-outside-workspace', at: 'data' },
  { name: 'absolute path out of the workspace', note: 'absolute', make: (w) => join(w.outside, 'secret.csv'), code: 'data-file-outside-workspace', at: 'data' },
  {
    name: 'symlink out of the workspace',
    note: 'link.csv -> ../outside/secret.csv',
    make: (w) => {
      symlinkSync(join(w.outside, 'secret.csv'), join(w.root, 'link.csv'));
      return 'link.csv';
    },
    code: 'data-file-outside-workspace',
    at: 'data',
  },
  {
    name: 'FIFO',
    note: 'mkfifo pipe.csv',
    make: (w) => {
      execFileSync('mkfifo', [join(w.root, 'pipe.csv')]);
      return 'pipe.csv';
    },
    code: 'data-file-unreadable',
    at: 'data',
  },
  { name: '/dev/zero', note: 'absolute /dev/zero', make: () => '/dev/zero', code: 'data-file-invalid', at: 'data' },
  {
    name: 'symlink to /dev/zero',
    note: 'zero.csv -> /dev/zero',
    make: (w) => {
      symlinkSync('/dev/zero', join(w.root, 'zero.csv'));
      return 'zero.csv';
    },
    code: 'data-file-outside-workspace',
    at: 'data',
  },
  {
    name: 'a directory',
    note: 'folder dir.csv/',
    make: (w) => {
      mkdirSync(join(w.root, 'dir.csv'));
      return 'dir.csv';
    },
    code: 'data-file-unreadable',
    at: 'data',
  },
  {
    name: 'sparse 2 GB file',
    note: '2 GiB sparse',
    make: (w) => {
      const fd = openSync(join(w.root, 'sparse.csv'), 'w');
      writeSync(fd, 'judge_score,human_label\n');
      ftruncateSync(fd, 2 * 1024 * MB);
      closeSync(fd);
      return 'sparse.csv';
    },
    code: 'data-file-too-large',
    at: 'data',
  },
  {
    name: 'truncated Parquet',
    note: 'routing.parquet cut in half',
    make: (w) => {
      const b = readFileSync(join(repoRoot, 'examples', 'data', 'routing.parquet'));
      writeFileSync(join(w.root, 'truncated.parquet'), b.subarray(0, Math.floor(b.length / 2)));
      return 'truncated.parquet';
    },
    code: 'data-file-invalid',
    at: 'data',
  },
  {
    name: 'a 100 MB field',
    note: '100 MB quoted CSV field',
    make: (w) => {
      writeRepeated(join(w.root, 'field.csv'), 'judge_score,human_label\n4,"', 'y', 100 * MB, '"\n3,3\n');
      return 'field.csv';
    },
    code: 'data-bad-rows',
    at: 'data',
  },
  {
    name: '10^6 CSV columns, the required ones missing',
    note: '10^6 header names, 13 MB',
    make: (w) => {
      writeFileSync(join(w.root, 'wide.csv'), `${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(999_999)}1\n`);
      return 'wide.csv';
    },
    code: 'data-file-invalid',
    at: 'data',
    message: /has no column "judge_score", "human_label"; it has "c0", "c1", .*and 999,99\d more/,
  },
  {
    name: 'Parquet whose footer claims 10^12 rows',
    note: '37 real rows, < 1 KB',
    make: async (w) => {
      writeFileSync(join(w.root, 'lying.parquet'), await forgedParquet(10n ** 12n, ['judge_score', 'human_label']));
      return 'lying.parquet';
    },
    code: 'data-file-invalid',
    at: 'data',
    message: /footer claims 1,000,000,000,000 rows, more than a file of [\d,]+ bytes can hold/,
  },
  {
    name: 'deeply nested JSONL row',
    note: 'one row 10^5 deep among 120 good rows',
    make: (w) => {
      const good = '{"judge_score": 4, "human_label": 4}\n';
      writeFileSync(join(w.root, 'nested.jsonl'), `${good.repeat(60)}{"judge_score": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "human_label": 1}\n${good.repeat(60)}`);
      return 'nested.jsonl';
    },
    code: 'data-bad-rows',
    at: 'data',
    message: /^1 of 121 rows of nested\.jsonl are left out of every figure\. First: row 61 \(line 61\), column judge_score: "a list" is not a number/,
  },
  {
    name: 'JSONL with no line feed',
    note: '20 MB, one line',
    make: (w) => {
      writeRepeated(join(w.root, 'oneline.jsonl'), '', '{"judge_score": 4, "human_label": 4} ', 20 * MB);
      return 'oneline.jsonl';
    },
    code: 'data-file-invalid',
    at: 'data',
    message: /longer than 4,194,304 bytes/,
  },
];
