// Reads objects from a repository's object database (`.git/objects`) without the git binary: loose
// objects (zlib, `<type> <size>\0<content>`) and packs (`.idx` version 2 + `.pack`, with OFS_DELTA and
// REF_DELTA entries resolved). Nothing is fetched and nothing runs: an object that is not on disk
// (a partial clone's promised object, a shallow clone's cut history) is `missing-object`.
// `objects/info/alternates` is not followed, so no object is read from outside the repository.
// Every object is checked against its SHA-1, so a corrupt or forged file yields an error, not text.
// Sizes are bounded (`maxObjectBytes` per object, `maxDeltaDepth` per chain), so a hostile pack
// cannot make one read allocate or loop without limit.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { applyDelta, deltaResultSize } from './delta';
import { GitReadError, HEX40, RegularFile, readSmallFile } from './gitFiles';
import { PackIndex } from './packIndex';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';
export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

export interface ObjectStoreLimits {
  /** Largest object (after inflating and applying deltas) read, in bytes. */
  maxObjectBytes: number;
  /** Longest chain of deltas followed (git's own default depth is 50; `--depth` allows 4095). */
  maxDeltaDepth: number;
}

export const defaultObjectStoreLimits: ObjectStoreLimits = { maxObjectBytes: 64 * 1024 * 1024, maxDeltaDepth: 4096 };

const PACK_TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;

interface Pack {
  index: PackIndex;
  pack: RegularFile;
}

interface PackEntry {
  type: number;
  size: number;
  dataStart: number;
  baseOffset?: number;
  baseId?: Buffer;
}

export class ObjectStore {
  private packs: Pack[] | undefined;

  constructor(
    readonly objectsDir: string,
    private readonly limits: ObjectStoreLimits = defaultObjectStoreLimits,
  ) {}

  /** The object named `id` (40 hex digits), checked against its name. */
  read(id: string): GitObject {
    if (!HEX40.test(id)) throw new GitReadError('bad-revision', `${id} is not an object name`);
    const obj = this.readLoose(id) ?? this.readPacked(id);
    if (!obj) throw new GitReadError('missing-object', `object ${id} is not in the repository (a partial or shallow clone?); nothing is fetched`);
    const hash = createHash('sha1').update(`${obj.type} ${obj.data.length}\0`).update(obj.data).digest('hex');
    if (hash !== id) throw new GitReadError('corrupt', `object ${id} does not match its content`);
    return obj;
  }

  /** Full names of the objects whose name starts with `prefix` (≥ 4 hex digits), up to `limit`. */
  namesWithPrefix(prefix: string, limit = 2): string[] {
    const found = new Set<string>();
    const dir = join(this.objectsDir, prefix.slice(0, 2));
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // no loose objects with that first byte
    }
    for (const n of names) if (n.length === 38 && `${prefix.slice(0, 2)}${n}`.startsWith(prefix)) found.add(`${prefix.slice(0, 2)}${n}`);
    for (const p of this.openPacks()) for (const n of p.index.namesWithPrefix(prefix, limit)) found.add(n);
    return [...found].slice(0, limit);
  }

  close(): void {
    for (const p of this.packs ?? []) {
      p.index.close();
      p.pack.close();
    }
    this.packs = undefined;
  }

  private readLoose(id: string): GitObject | undefined {
    const raw = readSmallFile(join(this.objectsDir, id.slice(0, 2), id.slice(2)), this.limits.maxObjectBytes + 1024);
    if (!raw) return undefined;
    let inflated: Buffer;
    try {
      inflated = inflateSync(raw, { maxOutputLength: this.limits.maxObjectBytes + 64 });
    } catch (e) {
      throw new GitReadError(e instanceof RangeError ? 'too-large' : 'corrupt', `loose object ${id} cannot be inflated`);
    }
    const nul = inflated.indexOf(0);
    const m = nul > 0 ? /^(commit|tree|blob|tag) (\d+)$/.exec(inflated.subarray(0, nul).toString('latin1')) : null;
    if (!m || Number(m[2]) !== inflated.length - nul - 1) throw new GitReadError('corrupt', `loose object ${id} has a bad header`);
    return { type: m[1] as ObjectType, data: inflated.subarray(nul + 1) };
  }

  private openPacks(): Pack[] {
    if (this.packs) return this.packs;
    const dir = join(this.objectsDir, 'pack');
    const packs: Pack[] = [];
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => /^pack-[0-9a-f]{40}\.idx$/.test(n)).sort();
    } catch {
      // no packs
    }
    for (const n of names) {
      try {
        const index = PackIndex.open(join(dir, n));
        const pack = index && RegularFile.open(join(dir, n.replace(/\.idx$/, '.pack')));
        if (index && pack) packs.push({ index, pack });
        else index?.close();
      } catch {
        // An unreadable or version-1 index: its objects count as missing.
      }
    }
    this.packs = packs;
    return packs;
  }

  private readPacked(id: string): GitObject | undefined {
    const name = Buffer.from(id, 'hex');
    for (const p of this.openPacks()) {
      const offset = p.index.offsetOf(name);
      if (offset !== undefined) return this.readPackEntry(p, offset, 0);
    }
    return undefined;
  }

  private readPackEntry(p: Pack, offset: number, depth: number): GitObject {
    if (depth > this.limits.maxDeltaDepth) throw new GitReadError('too-large', `delta chain longer than ${this.limits.maxDeltaDepth}`);
    const e = parseEntryHeader(p.pack, offset);
    if (e.size > this.limits.maxObjectBytes) throw new GitReadError('too-large', `a packed object of ${e.size} bytes is larger than ${this.limits.maxObjectBytes}`);
    const data = inflateEntry(p.pack, e);
    const type = PACK_TYPES[e.type];
    if (type) return { type, data };
    const base = e.baseOffset !== undefined ? this.readPackEntry(p, e.baseOffset, depth + 1) : this.readBase(e.baseId!, depth + 1);
    if (deltaResultSize(data) > this.limits.maxObjectBytes) throw new GitReadError('too-large', 'a delta result is larger than the object limit');
    return { type: base.type, data: applyDelta(base.data, data) };
  }

  /** The base of a REF_DELTA: in any pack, or loose. */
  private readBase(id: Buffer, depth: number): GitObject {
    for (const p of this.openPacks()) {
      const offset = p.index.offsetOf(id);
      if (offset !== undefined) return this.readPackEntry(p, offset, depth);
    }
    const loose = this.readLoose(id.toString('hex'));
    if (!loose) throw new GitReadError('missing-object', `delta base ${id.toString('hex')} is not in the repository`);
    return loose;
  }
}

/** The type and size varint of a pack entry, then the delta base reference for delta types. */
function parseEntryHeader(pack: RegularFile, offset: number): PackEntry {
  const head = pack.read(offset, 32);
  let i = 0;
  const next = (): number => {
    if (i >= head.length) throw new GitReadError('corrupt', `pack entry header at ${offset} runs past the file`);
    return head[i++]!;
  };
  let c = next();
  const type = (c >> 4) & 7;
  let size = c & 15;
  let scale = 16;
  while (c & 0x80) {
    c = next();
    size += (c & 0x7f) * scale;
    scale *= 128;
    if (scale > 2 ** 53) throw new GitReadError('corrupt', 'pack entry size too long');
  }
  if (type === OFS_DELTA) {
    c = next();
    let back = c & 0x7f;
    while (c & 0x80) {
      c = next();
      back = (back + 1) * 128 + (c & 0x7f);
    }
    if (back <= 0 || back > offset) throw new GitReadError('corrupt', `pack delta at ${offset} points outside the pack`);
    return { type, size, dataStart: offset + i, baseOffset: offset - back };
  }
  if (type === REF_DELTA) {
    if (head.length < i + 20) throw new GitReadError('corrupt', `pack delta at ${offset} runs past the file`);
    return { type, size, dataStart: offset + i + 20, baseId: head.subarray(i, i + 20) };
  }
  if (!PACK_TYPES[type]) throw new GitReadError('corrupt', `pack entry at ${offset} has type ${type}`);
  return { type, size, dataStart: offset + i };
}

/**
 * Inflates an entry's zlib stream. Its compressed length is not stored, so a window is read that
 * deflate cannot exceed for `size` bytes (stored blocks add 5 bytes per 16 KiB at worst, plus the
 * zlib header and checksum); zlib stops at the stream's end and ignores the bytes after it.
 */
function inflateEntry(pack: RegularFile, e: PackEntry): Buffer {
  const window = e.size + Math.ceil(e.size / 16000) * 5 + 64;
  const compressed = pack.read(e.dataStart, Math.min(window, pack.size - 20 - e.dataStart));
  let data: Buffer;
  try {
    data = inflateSync(compressed, { maxOutputLength: Math.max(1, e.size) });
  } catch {
    throw new GitReadError('corrupt', `pack entry at ${e.dataStart} cannot be inflated`);
  }
  if (data.length !== e.size) throw new GitReadError('corrupt', `pack entry at ${e.dataStart} inflated to ${data.length} bytes, declared ${e.size}`);
  return data;
}
