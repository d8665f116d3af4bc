// File access for the git object reader. Every file under a repository's `.git` is hostile input:
// it may be a named pipe (a blocking read would hang the server), a device (`/dev/zero` never ends),
// a symlink to either, or far larger than any real ref or object. So every file is opened without
// blocking, checked to be a regular file on the open descriptor (no race with a swap after a stat),
// and read with a byte limit.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a read of the object database failed; callers map every one of them to "no baseline". */
export type GitFailureReason = 'no-repository' | 'bad-revision' | 'not-in-revision' | 'missing-object' | 'corrupt' | 'unsupported' | 'too-large';

export class GitReadError extends Error {
  constructor(
    readonly reason: GitFailureReason,
    message: string,
  ) {
    super(message);
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** An open regular file; `undefined` when the path does not exist. Throws on anything but a regular file. */
export class RegularFile {
  private constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  static open(path: string): RegularFile | undefined {
    let fd: number;
    try {
      fd = openSync(path, OPEN_FLAGS);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new GitReadError('corrupt', `${path} cannot be opened (${code ?? 'error'})`);
    }
    const st = fstatSync(fd);
    if (!st.isFile()) {
      closeSync(fd);
      throw new GitReadError('corrupt', `${path} is not a regular file`);
    }
    return new RegularFile(fd, st.size);
  }

  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  read(position: number, length: number): Buffer {
    const n = Math.max(0, Math.min(length, this.size - position));
    const buf = Buffer.alloc(n);
    let done = 0;
    while (done < n) {
      const got = readSync(this.fd, buf, done, n - done, position + done);
      if (got === 0) break;
      done += got;
    }
    return done === n ? buf : buf.subarray(0, done);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

/** The whole of a small file, or `undefined` when it does not exist. */
export function readSmallFile(path: string, maxBytes: number): Buffer | undefined {
  const f = RegularFile.open(path);
  if (!f) return undefined;
  try {
    if (f.size > maxBytes) throw new GitReadError('too-large', `${path} is ${f.size} bytes, more than the ${maxBytes} read from such a file`);
    return f.read(0, f.size);
  } finally {
    f.close();
  }
}

export const HEX40 = /^[0-9a-f]{40}$/;
