// The stdio frame check: any sequence of well-formed frames, cut into chunks anywhere, passes; the
// first byte that cannot belong to a frame header is named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FrameScanner, headerProblem } from '../../../server/src/lsp/frameScanner';

function frameBytes(body: string, extraHeader: boolean): Buffer {
  const b = Buffer.from(body, 'utf8');
  const header = `${extraHeader ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : ''}content-LENGTH: ${b.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(header, 'ascii'), b]);
}

function feed(scanner: FrameScanner, bytes: Buffer, cuts: number[]) {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let at = 0;
  for (const p of [...points, bytes.length]) {
    const v = scanner.push(bytes.subarray(at, p));
    if (!v.ok) return v;
    at = p;
  }
  return { ok: true as const };
}

describe('FrameScanner', () => {
  it('accepts well-formed frames cut into chunks anywhere, and ends between frames', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.boolean()), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 20 }), (frames, cuts) => {
        const bytes = Buffer.concat(frames.map(([body, extra]) => frameBytes(body, extra)));
        const s = new FrameScanner();
        assert.deepEqual(feed(s, bytes, cuts), { ok: true });
        assert.equal(s.midFrame, false);
      }),
    );
  });

  it('is mid-frame while a body is incomplete, with the bytes still expected', () => {
    const s = new FrameScanner();
    assert.deepEqual(s.push(Buffer.from('Content-Length: 10\r\n\r\n12345')), { ok: true });
    assert.equal(s.midFrame, true);
    assert.equal(s.bodyBytesExpected, 5);
    assert.deepEqual(s.push(Buffer.from('67890')), { ok: true });
    assert.equal(s.midFrame, false);
  });

  it('names garbage after a good frame at once, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom('x y', '{"a":1}', '\n', '\u0000', 'é'), fc.array(fc.nat(), { maxLength: 8 }), (body, junk, cuts) => {
        const bytes = Buffer.concat([frameBytes(body, false), Buffer.from(junk, 'utf8')]);
        const v = feed(new FrameScanner(), bytes, cuts);
        assert.equal(v.ok, false);
      }),
    );
  });

  it('refuses a Content-Length over the limit, missing, twice or not a count', () => {
    const cases: [string, RegExp][] = [
      ['Content-Length: 101\r\n\r\n', /over the 100-byte limit/],
      ['Content-Type: x\r\n\r\n', /no Content-Length/],
      ['Content-Length: 1\r\nContent-Length: 1\r\n\r\n', /twice/],
      ['Content-Length: 1e3\r\n\r\n', /not a byte count/],
      ['Content-Length: 99999999999999999\r\n\r\n', /not a byte count/],
    ];
    for (const [header, why] of cases) {
      const v = new FrameScanner(100).push(Buffer.from(header, 'ascii'));
      assert.equal(v.ok, false, header);
      if (!v.ok) assert.match(v.reason, why);
    }
  });

  it('headerProblem accepts header prefixes and names the first bad byte', () => {
    assert.equal(headerProblem(Buffer.from('Content-Length: 12\r\nContent-Ty')), undefined);
    assert.equal(headerProblem(Buffer.from('Content-Length: 12\r')), undefined);
    assert.match(headerProblem(Buffer.from('Content-Length: 12\n'))!, /line feed without a carriage return/);
    assert.match(headerProblem(Buffer.from('Content-Length: 12\rx'))!, /carriage return not followed/);
    assert.match(headerProblem(Buffer.from('Content Length: 12'))!, /character " "/);
    assert.match(headerProblem(Buffer.from([0x43, 0x80]))!, /byte 0x80/);
  });
});
