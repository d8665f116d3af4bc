// The built server driven with raw bytes: protocol errors are answered as the LSP and JSON-RPC
// specifications say, bytes that cannot be frames are logged and end the process with code 1 (the
// client restarts it), and `exit` ends it with 0 after `shutdown` and 1 without. Nothing sleeps: each
// case waits for a reply or for the process to exit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frame, initializeMessage, startRawServer, type RawServer } from '../support/rawServer';

const hover = (id: number) => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///nowhere/x.evalspec.yaml' }, position: { line: 0, character: 0 } } });
const byId = (id: number | string | null) => (r: { id?: unknown }) => r.id === id;

async function initialized(env: Record<string, string> = {}): Promise<RawServer> {
  const s = startRawServer(env);
  s.send(initializeMessage(1));
  const init = await s.reply(byId(1));
  assert.ok(init.result, `initialize failed: ${JSON.stringify(init)}`);
  s.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  return s;
}

/** Asserts the process ends with code 1 and a log line on stderr matching `log`. */
async function assertFatal(s: RawServer, log: RegExp): Promise<void> {
  const { code, stderr } = await s.exited;
  assert.equal(code, 1, `exit code; stderr: ${stderr}`);
  assert.match(stderr, log);
  assert.match(stderr, /exiting \(code 1\)/);
}

describe('protocol errors are answered', () => {
  it('answers a request before initialize with ServerNotInitialized (-32002), drops notifications, then serves', async () => {
    const s = startRawServer();
    s.send(hover(7));
    const early = await s.reply(byId(7));
    assert.equal(early.error?.code, -32002);
    assert.equal(early.result, undefined);
    const uri = 'file:///nowhere/early.evalspec.yaml';
    s.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'evalspec', version: 1, text: 'evalspec: 1\nname: x\n' } } });
    s.send(initializeMessage(1));
    assert.ok((await s.reply(byId(1))).result);
    // The didOpen before initialize was dropped: the server does not know the document.
    s.send({ jsonrpc: '2.0', id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    assert.deepEqual((await s.reply(byId(2))).result, []);
    s.send({ jsonrpc: '2.0', id: 3, method: 'shutdown' });
    await s.reply(byId(3));
    s.send({ jsonrpc: '2.0', method: 'exit' });
    assert.equal((await s.exited).code, 0);
  });

  it('answers a body that is not JSON with ParseError (-32700, id null) and keeps serving', async () => {
    const s = await initialized();
    const body = Buffer.from('{"jsonrpc": "2.0", "id": 4, "method": ', 'utf8');
    s.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    const parse = await s.reply((r) => r.error?.code === -32700);
    assert.equal(parse.id, null);
    s.send(hover(5));
    assert.equal((await s.reply(byId(5))).error, undefined);
    s.child.kill();
  });

  it('answers JSON that is no JSON-RPC message with InvalidRequest (-32600)', async () => {
    const s = await initialized();
    s.send({ jsonrpc: '2.0', id: 9 });
    assert.equal((await s.reply(byId(9))).error?.code, -32600);
    s.send([hover(10)]);
    assert.equal((await s.reply((r) => r.id === null && r.error?.code === -32600)).error?.code, -32600);
    s.send({ jsonrpc: '2.0', id: 11, method: 42 });
    assert.equal((await s.reply(byId(11))).error?.code, -32600);
    s.send(initializeMessage(12));
    assert.equal((await s.reply(byId(12))).error?.code, -32600, 'a second initialize is refused');
    s.send(hover(13));
    assert.equal((await s.reply(byId(13))).error, undefined, 'still serving');
    s.child.kill();
  });

  it('refuses requests after shutdown with InvalidRequest and exits 0 on exit', async () => {
    const s = await initialized();
    s.send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    assert.equal((await s.reply(byId(2))).error, undefined);
    s.send(hover(3));
    assert.equal((await s.reply(byId(3))).error?.code, -32600);
    s.send({ jsonrpc: '2.0', method: 'exit' });
    assert.equal((await s.exited).code, 0);
  });

  it('exits 1 on exit without shutdown', async () => {
    const s = await initialized();
    s.send({ jsonrpc: '2.0', method: 'exit' });
    assert.equal((await s.exited).code, 1);
  });

  it('exits 1 when the client closes stdin without shutdown, 0 after shutdown', async () => {
    const a = await initialized();
    a.child.stdin.end();
    assert.equal((await a.exited).code, 1);
    const b = await initialized();
    b.send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    await b.reply(byId(2));
    b.child.stdin.end();
    assert.equal((await b.exited).code, 0);
  });

  it('reads a frame that arrives one byte at a time', async () => {
    const s = startRawServer();
    const bytes = Buffer.concat([frame(initializeMessage(1)), frame(hover(2))]);
    for (let i = 0; i < bytes.length; i++) s.write(bytes.subarray(i, i + 1));
    assert.ok((await s.reply(byId(1))).result);
    assert.equal((await s.reply(byId(2))).error, undefined);
    s.child.kill();
  });
});

describe('bytes that cannot be frames are logged and end the process (code 1)', () => {
  it('garbage text', async () => {
    const s = await initialized();
    s.write('hello, this is not a frame\n');
    await assertFatal(s, /not an LSP frame: a frame header name with the character ","/);
  });

  it('binary garbage', async () => {
    const s = await initialized();
    s.write(Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37]));
    await assertFatal(s, /not an LSP frame: a byte 0x00/);
  });

  it('a header with no Content-Length', async () => {
    const s = await initialized();
    s.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}');
    await assertFatal(s, /has no Content-Length/);
  });

  it('a Content-Length that is not a number, negative, or twice', async () => {
    for (const header of ['Content-Length: abc\r\n\r\n', 'Content-Length: -5\r\n\r\n', 'Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}']) {
      const s = await initialized();
      s.write(header);
      await assertFatal(s, /Content-Length (is not a byte count|twice)/);
    }
  });

  it('an oversized Content-Length', async () => {
    const s = await initialized();
    s.write('Content-Length: 1000000000000\r\n\r\n{}');
    await assertFatal(s, /Content-Length 1000000000000 is over the \d+-byte limit/);
  });

  it('a Content-Length longer than the body, then silence', async () => {
    const s = await initialized({ EVALSPEC_FRAME_TIMEOUT_MS: '300' });
    const body = JSON.stringify(hover(2));
    s.write(`Content-Length: ${body.length + 50}\r\n\r\n${body}`);
    await assertFatal(s, /a frame has waited 300 ms for its remaining 50 bytes/);
  });

  it('a Content-Length shorter than the body: the rest of the body is not a frame', async () => {
    const s = await initialized();
    const body = JSON.stringify(hover(2));
    s.write(`Content-Length: ${body.length - 10}\r\n\r\n${body}`);
    await assertFatal(s, /not an LSP frame: a frame header name with the character/);
  });

  it('an endless header', async () => {
    const s = await initialized();
    s.write(`X-Padding: ${'a'.repeat(10_000)}`);
    await assertFatal(s, /without the end of a frame header/);
  });
});
