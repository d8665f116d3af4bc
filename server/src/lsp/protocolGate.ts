// The protocol states the language server library leaves to the server: it answers a request that
// arrives before `initialize` with `null`, answers requests after `shutdown`, and drops a message
// that is JSON but no JSON-RPC message (or not JSON) with nothing sent back. This reader sits between
// the transport and the connection and answers those as the LSP and JSON-RPC specifications say:
// - before `initialize`: a request gets error -32002 (ServerNotInitialized); a notification other
//   than `exit` is dropped;
// - a second `initialize`, or any request after `shutdown`: error -32600 (InvalidRequest);
// - a body that is not JSON: error -32700 (ParseError, id null); JSON that is no request,
//   notification or response: error -32600 with the message's id when it has a usable one.
// Everything else passes through unchanged.
import { Disposable, Emitter, ErrorCodes, type DataCallback, type Event, type Message, type MessageReader, type MessageWriter, type PartialMessageInfo } from 'vscode-languageserver/node';

type State = 'new' | 'running' | 'shutdown';

export interface GateLog {
  (message: string): void;
}

export class ProtocolGate implements MessageReader {
  private state: State = 'new';
  private readonly errorEmitter = new Emitter<Error>();

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    private readonly log: GateLog,
  ) {
    // A body the library could not decode: the frame was intact, so the stream can go on.
    inner.onError((e) => {
      if (!(e instanceof SyntaxError)) return this.errorEmitter.fire(e);
      this.log(`evalspec: a message body is not JSON (${e.message.slice(0, 200)}); answered with ParseError`);
      this.reply(null, ErrorCodes.ParseError, 'Parse error: the message body is not JSON.');
    });
  }

  get onError(): Event<Error> {
    return this.errorEmitter.event;
  }
  get onClose(): Event<void> {
    return this.inner.onClose;
  }
  get onPartialMessage(): Event<PartialMessageInfo> {
    return this.inner.onPartialMessage;
  }

  /** True once `shutdown` has been received (the exit code of `exit` depends on it). */
  get shutdownReceived(): boolean {
    return this.state === 'shutdown';
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((m) => {
      if (this.admit(m)) callback(m);
    });
  }

  dispose(): void {
    this.inner.dispose();
    this.errorEmitter.dispose();
  }

  /** Whether the connection should see `m`; answers or drops it otherwise. */
  private admit(m: Message): boolean {
    const msg = m as unknown as Record<string, unknown>;
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      this.reply(null, ErrorCodes.InvalidRequest, 'Invalid request: a message must be a JSON object (batches are not part of the protocol).');
      return false;
    }
    const id = msg['id'];
    const usableId = typeof id === 'number' || typeof id === 'string' ? id : null;
    if (!('method' in msg)) {
      if (usableId !== null && ('result' in msg || 'error' in msg)) return true; // a response to one of our requests
      this.reply(usableId, ErrorCodes.InvalidRequest, 'Invalid request: the message has no method and is not a response.');
      return false;
    }
    const method = msg['method'];
    if (typeof method !== 'string' || ('id' in msg && usableId === null)) {
      this.reply(usableId, ErrorCodes.InvalidRequest, 'Invalid request: the method must be a string and the id a number or a string.');
      return false;
    }
    return 'id' in msg ? this.admitRequest(method, usableId!) : this.admitNotification(method);
  }

  private admitRequest(method: string, id: number | string): boolean {
    if (this.state === 'new') {
      if (method === 'initialize') {
        this.state = 'running';
        return true;
      }
      this.reply(id, ErrorCodes.ServerNotInitialized, `The server is not initialized: send initialize before ${method}.`);
      return false;
    }
    if (this.state === 'shutdown') {
      this.reply(id, ErrorCodes.InvalidRequest, `The server is shutting down: ${method} is not served after shutdown (send exit).`);
      return false;
    }
    if (method === 'initialize') {
      this.reply(id, ErrorCodes.InvalidRequest, 'initialize was already received; it may be sent only once.');
      return false;
    }
    if (method === 'shutdown') this.state = 'shutdown';
    return true;
  }

  private admitNotification(method: string): boolean {
    return this.state !== 'new' || method === 'exit';
  }

  private reply(id: number | string | null, code: number, message: string): void {
    void this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
  }
}
