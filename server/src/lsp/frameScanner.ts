// Checks the framing of the LSP base protocol (`Content-Length: N\r\n\r\n` + N bytes) on the bytes a
// stdio server receives, before the protocol library parses them. The library waits forever on
// garbage with no header end, on a Content-Length that never arrives, and buffers without limit;
// this scanner names the first byte sequence that cannot be a frame, so the server can log it and
// exit (the client restarts it) instead of sitting silent. Pure: bytes in, a verdict out.

/** Longest header block accepted (real ones are under 100 bytes). */
export const maxHeaderBytes = 8192;
/** Largest frame body accepted: room for a spec far past `evalspec.maxDocumentLength`, JSON-escaped. */
export const defaultMaxFrameBytes = 256 * 1024 * 1024;

export type ScanVerdict = { ok: true } | { ok: false; reason: string };

export class FrameScanner {
  private header: Buffer[] = [];
  private headerBytes = 0;
  /** Body bytes still expected for the current frame; -1 while reading a header. */
  private remaining = -1;

  constructor(private readonly maxFrameBytes = defaultMaxFrameBytes) {}

  /** True while a frame has started but not ended (its header or its body is incomplete). */
  get midFrame(): boolean {
    return this.remaining > 0 || this.headerBytes > 0;
  }

  /** Bytes still expected to finish the current frame (0 when between frames or in a header). */
  get bodyBytesExpected(): number {
    return Math.max(0, this.remaining);
  }

  push(chunk: Buffer): ScanVerdict {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        this.remaining -= take;
        at += take;
        if (this.remaining === 0) this.endFrame();
        continue;
      }
      const v = this.scanHeader(chunk, at);
      if (!v.ok) return v;
      at = v.next;
    }
    return { ok: true };
  }

  /** Reads header bytes from `chunk` at `at`; returns where the body starts or the chunk's end. */
  private scanHeader(chunk: Buffer, at: number): { ok: true; next: number } | { ok: false; reason: string } {
    const rest = chunk.subarray(at);
    this.header.push(rest);
    this.headerBytes += rest.length;
    const all = this.header.length === 1 ? rest : Buffer.concat(this.header);
    this.header = [all];
    const end = all.indexOf('\r\n\r\n');
    const bad = headerProblem(end < 0 ? all : all.subarray(0, end + 2));
    if (bad) return { ok: false, reason: bad };
    if (end < 0) {
      if (this.headerBytes > maxHeaderBytes) return { ok: false, reason: `${this.headerBytes} bytes arrived without the end of a frame header (\\r\\n\\r\\n); they start ${preview(all)}` };
      return { ok: true, next: chunk.length };
    }
    if (end > maxHeaderBytes) return { ok: false, reason: `a frame header of ${end} bytes (at most ${maxHeaderBytes}); it starts ${preview(all)}` };
    const length = this.contentLength(all.subarray(0, end).toString('latin1'));
    if (typeof length === 'string') return { ok: false, reason: length };
    // Bytes of this chunk that followed the header: the header buffer held `all`, of which the part
    // from this chunk is `rest`; the body starts `end + 4` bytes into `all`.
    const consumedFromChunk = end + 4 - (all.length - rest.length);
    this.header = [];
    this.headerBytes = 0;
    this.remaining = length;
    if (length === 0) this.endFrame();
    return { ok: true, next: at + consumedFromChunk };
  }

  /** The Content-Length of a header block, or why the block is not a frame header. */
  private contentLength(block: string): number | string {
    let length: number | undefined;
    for (const line of block.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0 || !/^[A-Za-z0-9-]+$/.test(line.slice(0, colon))) return `a frame header line is not "Name: value": ${preview(Buffer.from(line, 'latin1'))}`;
      if (line.slice(0, colon).toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (length !== undefined) return 'a frame header names Content-Length twice';
      if (!/^[0-9]{1,16}$/.test(value)) return `Content-Length is not a byte count: ${preview(Buffer.from(value, 'latin1'))}`;
      length = Number(value);
      if (length > this.maxFrameBytes) return `Content-Length ${value} is over the ${this.maxFrameBytes}-byte limit of a frame`;
    }
    if (length === undefined) return `a frame header has no Content-Length: ${preview(Buffer.from(block, 'latin1'))}`;
    return length;
  }

  private endFrame(): void {
    this.remaining = -1;
  }
}

/**
 * Why header bytes (complete or not) cannot begin a frame header: a byte outside printable ASCII, a
 * line feed without its carriage return, or a header name with a character no header name has.
 * Garbage is caught at its first bytes instead of after the header size limit.
 */
export function headerProblem(b: Buffer): string | undefined {
  let inName = true;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0x0d) {
      if (i + 1 < b.length && b[i + 1] !== 0x0a) return `a carriage return not followed by a line feed in a frame header: ${preview(b)}`;
      continue;
    }
    if (c === 0x0a) {
      if (i === 0 || b[i - 1] !== 0x0d) return `a line feed without a carriage return in a frame header: ${preview(b)}`;
      inName = true;
      continue;
    }
    if ((c < 0x20 && c !== 0x09) || c > 0x7e) return `a byte 0x${c.toString(16).padStart(2, '0')} that no frame header has: ${preview(b)}`;
    if (!inName) continue;
    if (c === 0x3a) inName = false;
    else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d)) return `a frame header name with the character ${JSON.stringify(String.fromCharCode(c))}: ${preview(b)}`;
  }
  return undefined;
}

/** The first bytes of `b` as a JSON string with control bytes escaped, for a log line. */
function preview(b: Buffer): string {
  const s = JSON.stringify(b.subarray(0, 60).toString('latin1'));
  return b.length > 60 ? `${s}…` : s;
}
