// Git's delta format (pack entries of type OFS_DELTA and REF_DELTA): a header with the base's size
// and the result's size (little-endian base-128 varints), then instructions: a byte with the high
// bit set copies a range of the base (offset and size bytes selected by the low 7 bits; size 0 means
// 0x10000), a byte 1–127 inserts that many literal bytes, 0 is reserved. Reference: git's
// Documentation/gitformat-pack.txt, "Deltified representation".
import { GitReadError } from './gitFiles';

function varint(delta: Buffer, at: { i: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (at.i >= delta.length) throw new GitReadError('corrupt', 'delta header runs past the delta');
    const c = delta[at.i++]!;
    value += (c & 0x7f) * scale;
    scale *= 128;
    if ((c & 0x80) === 0) return value;
    if (scale > 2 ** 49) throw new GitReadError('corrupt', 'delta size varint too long');
  }
}

/** The declared size of a delta's result, read before applying it (to refuse oversized results early). */
export function deltaResultSize(delta: Buffer): number {
  const at = { i: 0 };
  varint(delta, at);
  return varint(delta, at);
}

export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  const at = { i: 0 };
  const baseSize = varint(delta, at);
  const resultSize = varint(delta, at);
  if (baseSize !== base.length) throw new GitReadError('corrupt', `delta expects a base of ${baseSize} bytes, the base has ${base.length}`);
  const out = Buffer.alloc(resultSize);
  let o = 0;
  while (at.i < delta.length) {
    const op = delta[at.i++]!;
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      for (let b = 0; b < 4; b++) if (op & (1 << b)) offset += (delta[at.i++] ?? 0) * 2 ** (8 * b);
      for (let b = 0; b < 3; b++) if (op & (0x10 << b)) size += (delta[at.i++] ?? 0) * 2 ** (8 * b);
      if (size === 0) size = 0x10000;
      if (at.i > delta.length || offset + size > base.length || o + size > resultSize) throw new GitReadError('corrupt', 'delta copy out of range');
      base.copy(out, o, offset, offset + size);
      o += size;
    } else if (op !== 0) {
      if (at.i + op > delta.length || o + op > resultSize) throw new GitReadError('corrupt', 'delta insert out of range');
      delta.copy(out, o, at.i, at.i + op);
      at.i += op;
      o += op;
    } else throw new GitReadError('corrupt', 'reserved delta instruction 0');
  }
  if (o !== resultSize) throw new GitReadError('corrupt', `delta produced ${o} bytes, declared ${resultSize}`);
  return out;
}
