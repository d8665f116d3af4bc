// A pack index, version 2 (`objects/pack/pack-*.idx`): magic `\377tOc`, version 2, a 256-entry
// fan-out table of cumulative counts by first byte, the sorted object names (20 bytes each), their
// CRC-32s, their 4-byte pack offsets (high bit set: an index into the following table of 8-byte
// offsets for packs over 2 GiB). Reference: git's Documentation/gitformat-pack.txt. The file is read
// on demand (fan-out once, then a binary search reading 20 bytes at a time), so an index of millions
// of objects costs a few reads, not its size in memory. Version 1 indexes (git before 1.5.2) are
// not read: their objects count as missing, which means "no baseline".
import { GitReadError, RegularFile } from './gitFiles';

const MAGIC = 0xff744f63;

export class PackIndex {
  private readonly fanout: number[] = [];
  readonly count: number;

  private constructor(
    private readonly file: RegularFile,
    readonly path: string,
  ) {
    const head = file.read(0, 8 + 256 * 4);
    if (head.length < 8 + 256 * 4 || head.readUInt32BE(0) !== MAGIC || head.readUInt32BE(4) !== 2) throw new GitReadError('unsupported', `${path} is not a version 2 pack index`);
    for (let i = 0; i < 256; i++) this.fanout.push(head.readUInt32BE(8 + i * 4));
    this.count = this.fanout[255]!;
    if (file.size < 8 + 1024 + this.count * 28 + 40) throw new GitReadError('corrupt', `${path} is shorter than its ${this.count} objects need`);
  }

  static open(path: string): PackIndex | undefined {
    const f = RegularFile.open(path);
    if (!f) return undefined;
    try {
      return new PackIndex(f, path);
    } catch (e) {
      f.close();
      throw e;
    }
  }

  private nameAt(i: number): Buffer {
    return this.file.read(8 + 1024 + i * 20, 20);
  }

  /** The first position whose name is ≥ `id` (within the bucket of its first byte). */
  private lowerBound(id: Buffer): number {
    let lo = id[0]! === 0 ? 0 : this.fanout[id[0]! - 1]!;
    let hi = this.fanout[id[0]!]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Buffer.compare(this.nameAt(mid), id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The pack offset of an object, or undefined when this pack does not hold it. */
  offsetOf(id: Buffer): number | undefined {
    const i = this.lowerBound(id);
    if (i >= this.count || !this.nameAt(i).equals(id)) return undefined;
    const offsetsAt = 8 + 1024 + this.count * 24;
    const small = this.file.read(offsetsAt + i * 4, 4).readUInt32BE(0);
    if ((small & 0x80000000) === 0) return small;
    const large = this.file.read(offsetsAt + this.count * 4 + (small & 0x7fffffff) * 8, 8);
    if (large.length < 8) throw new GitReadError('corrupt', `${this.path}: large offset out of range`);
    return Number(large.readBigUInt64BE(0));
  }

  /** Names (hex) starting with `prefix` (an even- or odd-length hex string), at most `limit` of them. */
  namesWithPrefix(prefix: string, limit: number): string[] {
    const low = Buffer.from(prefix.padEnd(40, '0'), 'hex');
    const out: string[] = [];
    for (let i = this.lowerBound(low); i < this.count && out.length < limit; i++) {
      const hex = this.nameAt(i).toString('hex');
      if (!hex.startsWith(prefix)) break;
      out.push(hex);
    }
    return out;
  }

  close(): void {
    this.file.close();
  }
}
