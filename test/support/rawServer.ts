// The built language server driven with raw bytes over stdio, for lifecycle tests: write any bytes
// (frames, garbage, lying headers), read back the frames it answers with, and wait for it to exit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './reference';

export interface RawReply {
  jsonrpc: string;
  id?: number | string | null;
  method?: string;
  result?: unknown;
  error?: { code: number; message: string };
  params?: unknown;
}

export interface RawServer {
  child: ChildProcessWithoutNullStreams;
  write(bytes: Buffer | string): void;
  /** One well-formed frame holding `message`. */
  send(message: unknown): void;
  /** The first reply (a frame) matching `when`, already received or still to come. */
  reply(when: (r: RawReply) => boolean): Promise<RawReply>;
  replies(): RawReply[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  stderr(): string;
}

export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export function initializeMessage(id: number | string = 1): unknown {
  return { jsonrpc: '2.0', id, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(repoRoot).href, capabilities: {}, workspaceFolders: null } };
}

export function startRawServer(env: Record<string, string> = {}): RawServer {
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'server', 'server.js'), '--stdio'], { stdio: 'pipe', env: { ...process.env, ...env } });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const got: RawReply[] = [];
  const waiters: { when: (r: RawReply) => boolean; resolve: (r: RawReply) => void }[] = [];
  let buf = Buffer.alloc(0);
  child.stdout.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString('ascii'));
      if (!m) throw new Error(`server wrote a frame without Content-Length: ${buf.subarray(0, 80).toString()}`);
      const len = Number(m[1]);
      if (buf.length < end + 4 + len) return;
      const r = JSON.parse(buf.subarray(end + 4, end + 4 + len).toString('utf8')) as RawReply;
      buf = buf.subarray(end + 4 + len);
      got.push(r);
      const i = waiters.findIndex((w) => w.when(r));
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(r);
    }
  });
  child.stdin.on('error', () => undefined); // writing to a server that has exited
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stderr: err })),
  );
  return {
    child,
    write: (b) => void child.stdin.write(b),
    send: (m) => void child.stdin.write(frame(m)),
    reply: (when) => {
      const have = got.find(when);
      return have ? Promise.resolve(have) : new Promise((resolve) => waiters.push({ when, resolve }));
    },
    replies: () => got,
    exited,
    stderr: () => err,
  };
}
