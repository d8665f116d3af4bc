// The server's end of the connection, built here rather than by the library so that bad bytes are
// noticed: over stdio every byte passes a FrameScanner first, and a stream that cannot be a frame
// (garbage, a header with no or a bad Content-Length, a frame over the size limit, a frame stalled
// mid-way) is logged on stderr and ends the process with code 1 (the client restarts the server).
// Messages pass a ProtocolGate (errors before initialize, after shutdown, for non-JSON bodies).
// `--socket`/`--pipe` are left to the library.
import { writeSync } from 'node:fs';
import { Transform } from 'node:stream';
import { IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { FrameScanner } from './frameScanner';
import { ProtocolGate } from './protocolGate';

/** How long a started frame may wait for its remaining bytes (override: EVALSPEC_FRAME_TIMEOUT_MS). */
const defaultFrameTimeoutMs = 30_000;

export interface ServerTransport {
  reader: MessageReader;
  writer: MessageWriter;
  gate: ProtocolGate;
}

/** Logs on stderr (which the client shows in its output channel) and exits with code 1. */
export function fatal(reason: string): never {
  try {
    writeSync(2, `evalspec-language-server: ${reason}. The stream can no longer be read as LSP frames; exiting (code 1).\n`);
  } finally {
    process.exit(1);
  }
}

function log(message: string): void {
  try {
    writeSync(2, `${message}\n`);
  } catch {
    // stderr gone: nothing to tell.
  }
}

/** The transport named on the command line, or undefined for the library's own (socket, pipe). */
export function serverTransport(argv: string[] = process.argv): ServerTransport | undefined {
  let reader: MessageReader;
  let writer: MessageWriter;
  if (argv.includes('--stdio')) {
    writer = new StreamMessageWriter(process.stdout);
    reader = new StreamMessageReader(process.stdin.pipe(frameGuard(process.env['EVALSPEC_FRAME_TIMEOUT_MS'])));
    // console.log would write into the protocol stream.
    console.log = console.info = console.debug = console.warn = (...a: unknown[]) => console.error(...a);
  } else if (argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else return undefined;
  const gate = new ProtocolGate(reader, writer, log);
  return { reader: gate, writer, gate };
}

/** Ends the process with code 0 after shutdown and 1 otherwise when the client closes stdin. */
export function exitWhenInputEnds(gate: ProtocolGate): void {
  const end = () => process.exit(gate.shutdownReceived ? 0 : 1);
  process.stdin.once('end', end);
  process.stdin.once('close', end);
}

/** A pass-through stream that checks the framing and ends the process on bytes that cannot be a frame. */
export function frameGuard(timeoutSetting: string | undefined, onFatal: (reason: string) => void = fatal): Transform {
  const timeoutMs = Number(timeoutSetting) > 0 ? Number(timeoutSetting) : defaultFrameTimeoutMs;
  const scanner = new FrameScanner();
  let timer: NodeJS.Timeout | undefined;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (timer) clearTimeout(timer);
      const v = scanner.push(chunk);
      if (!v.ok) return onFatal(`received bytes that are not an LSP frame: ${v.reason}`);
      if (scanner.midFrame) {
        const expected = scanner.bodyBytesExpected;
        timer = setTimeout(() => onFatal(`a frame has waited ${timeoutMs} ms for its remaining ${expected > 0 ? `${expected} bytes` : 'header'}`), timeoutMs);
        timer.unref();
      }
      done(null, chunk);
    },
  });
}
