// A real Parquet file whose footer lies: the row counts (the file's and its row group's) are
// rewritten to a claim the file cannot hold. The footer is Thrift compact protocol, where an i64
// field is a zigzag varint after its field header (0x16: delta 1, type i64), so the claim replaces
// the real count's bytes. Shared by the unit tests, the hostile corpus and the bench.
import assert from 'node:assert/strict';

/** Zigzag varint of a non-negative i64, as Thrift's compact protocol writes it. */
function varint(n: bigint): number[] {
  let z = n << 1n;
  const out: number[] = [];
  while (z >= 0x80n) {
    out.push(Number((z & 0x7fn) | 0x80n));
    z >>= 7n;
  }
  out.push(Number(z));
  return out;
}

/**
 * `rows` real rows of the given columns (default one DOUBLE column `x`), with a footer claiming
 * `claim` rows. `rows` must be below 64 so its varint is one byte (no other footer byte pair matches).
 */
export async function forgedParquet(claim: bigint, columns: string[] = ['x'], rows = 37): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  assert.ok(rows > 0 && rows < 64, 'one-byte varint');
  const buf = new Uint8Array(parquetWriteBuffer({ columnData: columns.map((name) => ({ name, data: Array.from({ length: rows }, (_, i) => (i % 5) + 0.5), type: 'DOUBLE' as const })) }));
  const len = new DataView(buf.buffer, buf.byteOffset).getUint32(buf.length - 8, true);
  const footer = [...buf.subarray(buf.length - 8 - len, buf.length - 8)];
  const from = [0x16, ...varint(BigInt(rows))];
  const to = [0x16, ...varint(claim)];
  const out: number[] = [];
  let replaced = 0;
  for (let i = 0; i < footer.length; i++) {
    if (footer[i] === from[0] && footer[i + 1] === from[1]) {
      out.push(...to);
      i += from.length - 1;
      replaced++;
    } else out.push(footer[i]!);
  }
  assert.ok(replaced >= 2, 'the file and the row group num_rows');
  const tail = new Uint8Array(8);
  new DataView(tail.buffer).setUint32(0, out.length, true);
  tail.set([0x50, 0x41, 0x52, 0x31], 4);
  return new Uint8Array([...buf.subarray(0, buf.length - 8 - len), ...out, ...tail]);
}
