// The time rule (core/data parseCell, docs/format.md "Times"): a date-time is taken to whole
// microseconds (fraction digits past the sixth dropped) and its value is the double nearest to that
// many microseconds ÷ 1000 — checked here against an exact BigInt reference, through the text parser,
// the CSV reader's fast and general paths, JSON Lines and typed (micro/nano/milli-second) timestamps.
// The engines compute the same doubles (test/unit/engines: the time texts and the edge rows).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CsvTableParser, JsonlTableParser, daysFromCivil, parseTimeText, type RowBatch, type TableSchema } from '../../../server/src/core/data';
import { microsToMs, nanosToMs } from '../../../server/src/core/data/parseCell';
import { TIMESTAMP_PARSERS, toNumber } from '../../../server/src/core/data/parquetReader';

const bits = new BigInt64Array(1);
const dbl = new Float64Array(bits.buffer);

/** x = m / d exactly, d a power of two (x finite). */
function exact(x: number): [bigint, bigint] {
  dbl[0] = x;
  const b = bits[0]!;
  const neg = b < 0n;
  const e = Number((b >> 52n) & 0x7ffn);
  let m = b & 0xfffffffffffffn;
  let exp = e - 1075;
  if (e === 0) exp = -1074;
  else m |= 1n << 52n;
  if (neg) m = -m;
  return exp >= 0 ? [m << BigInt(exp), 1n] : [m, 1n << BigInt(-exp)];
}

function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  dbl[0] = x;
  bits[0] = x > 0 ? bits[0]! + 1n : bits[0]! - 1n;
  return dbl[0]!;
}
const nextDown = (x: number): number => -nextUp(-x);
const abs = (v: bigint): bigint => (v < 0n ? -v : v);

/** The double nearest p / q (q > 0), ties to even: the reference the rule is checked against. */
export function nearestDouble(p: bigint, q: bigint): number {
  const a = Number(p) / Number(q);
  let best = a;
  let bestErr: [bigint, bigint] | undefined;
  for (const c of [nextDown(nextDown(a)), nextDown(a), a, nextUp(a), nextUp(nextUp(a))]) {
    const [m, d] = exact(c);
    const err: [bigint, bigint] = [abs(m * q - p * d), d]; // |c − p/q|·q
    if (bestErr === undefined || err[0] * bestErr[1] < bestErr[0] * err[1]) [best, bestErr] = [c, err];
    else if (err[0] * bestErr[1] === bestErr[0] * err[1] && (exact(c)[0] & 1n) === 0n) [best, bestErr] = [c, err];
  }
  return best;
}

let seed = 0x2545f491;
function rnd(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
const pick = (n: number): number => Math.floor(rnd() * n);
const pad = (v: number, n: number): string => String(v).padStart(n, '0');

interface Case {
  text: string;
  /** Exact microseconds since the epoch. */
  us: bigint;
}

/** A random ISO time with 0–12 fraction digits, an optional offset, years 0000–9999 (mostly 1900–2100). */
function randomCase(): Case {
  const y = rnd() < 0.8 ? 1900 + pick(200) : pick(10000);
  const mo = 1 + pick(12);
  const d = 1 + pick(28);
  const [h, mi, s] = [pick(24), pick(60), pick(60)];
  const digits = pick(13);
  let frac = '';
  for (let k = 0; k < digits; k++) frac += String(pick(10));
  if (rnd() < 0.1) frac = '9'.repeat(Math.max(1, digits));
  const off = rnd() < 0.3 ? (rnd() < 0.5 ? -1 : 1) * (pick(24) * 60 + pick(60)) : 0;
  const offText = off === 0 ? (rnd() < 0.5 ? 'Z' : '') : `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60), 2)}:${pad(Math.abs(off) % 60, 2)}`;
  const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac === '' ? '' : `.${frac}`}${offText}`;
  const secs = BigInt(daysFromCivil(y, mo, d)) * 86400n + BigInt(h * 3600 + mi * 60 + s) - BigInt(off * 60);
  return { text, us: secs * 1_000_000n + BigInt(frac === '' ? 0 : Number(frac.slice(0, 6).padEnd(6, '0'))) };
}

const TIME_SCHEMA: TableSchema = { name: 't', columns: [{ key: 'time', kind: 'time', required: true, description: 'time' }] };

describe('the time rule: the double nearest whole microseconds ÷ 1000', () => {
  const cases = Array.from({ length: 4000 }, randomCase);
  const boundary: Case[] = [
    { text: '2026-01-01T23:59:59.9999999Z', us: BigInt(Date.UTC(2026, 0, 2)) * 1000n - 1n },
    { text: '1969-12-31T23:59:59.9985Z', us: -1500n },
    { text: '1969-12-31T23:59:59.999999999Z', us: -1n },
    { text: '1970-01-01T00:00:00.000000999Z', us: 0n },
    { text: '1600-01-01T00:00:00.123456Z', us: BigInt(Date.UTC(1600, 0, 1)) * 1000n + 123456n },
    { text: '9999-12-31T23:59:59.999999Z', us: BigInt(Date.UTC(9999, 11, 31, 23, 59, 59)) * 1000n + 999999n },
    { text: '2026-03-01T14:05:00.123456+05:30', us: BigInt(Date.UTC(2026, 2, 1, 8, 35)) * 1000n + 123456n },
  ];

  it('ISO texts with 0 to 12 fraction digits, offsets, years 0000 to 9999: parseTimeText is the exact reference', () => {
    for (const c of [...boundary, ...cases]) assert.ok(Object.is(parseTimeText(c.text), nearestDouble(c.us, 1000n)), `${c.text}: ${parseTimeText(c.text)} vs ${nearestDouble(c.us, 1000n)}`);
  });

  it('whole milliseconds stay exact integers, at any year; sub-ms digits give the nearest double', () => {
    assert.equal(parseTimeText('2026-01-01T00:00:00.123Z'), Date.UTC(2026, 0, 1, 0, 0, 0, 123));
    assert.equal(parseTimeText('9999-12-31T23:59:59.999Z'), Date.UTC(9999, 11, 31, 23, 59, 59, 999));
    assert.ok(Object.is(parseTimeText('1970-01-01T00:00:00.123456Z'), 123.456));
    assert.ok(Object.is(parseTimeText('1970-01-01T00:00:00.0001Z'), 0.1));
  });

  it('the CSV reader (fast path for …Z, general path for offsets) and JSON Lines give the same doubles', () => {
    const all = [...boundary, ...cases];
    const csv = `time\n${all.map((c) => c.text).join('\n')}\n`;
    const got: number[] = [];
    const onBatch = (b: RowBatch): void => {
      for (let i = 0; i < b.length; i++) got.push(b.numbers.time![i]!);
    };
    const p = new CsvTableParser(TIME_SCHEMA, undefined, onBatch, {});
    p.push(new TextEncoder().encode(csv));
    p.end();
    const j = new JsonlTableParser(TIME_SCHEMA, undefined, onBatch, {});
    all.forEach((c, i) => j.line(JSON.stringify({ time: c.text }), i + 1));
    j.end();
    assert.equal(got.length, 2 * all.length);
    for (let i = 0; i < got.length; i++) {
      const c = all[i % all.length]!;
      assert.ok(Object.is(got[i], nearestDouble(c.us, 1000n)), `${i < all.length ? 'csv' : 'jsonl'} ${c.text}: ${got[i]}`);
    }
  });

  it('typed timestamps (micro-, nano-, milliseconds, before 1970 too) give the value of their ISO text', () => {
    for (const c of [...boundary, ...cases]) {
      const want = nearestDouble(c.us, 1000n);
      assert.ok(Object.is(microsToMs(c.us), want), c.text);
      assert.ok(Object.is(nanosToMs(c.us * 1000n + BigInt(pick(1000))), want), `${c.text} (ns)`);
      assert.ok(Object.is(toNumber(TIMESTAMP_PARSERS.timestampFromMicroseconds(c.us), 'time'), want), `${c.text} (parquet µs)`);
    }
    // nanoseconds are floored to microseconds (the digits past the sixth dropped), not truncated toward zero
    assert.equal(nanosToMs(-500n), -0.001);
    assert.equal(nanosToMs(-1_000_500n), -1.001);
    assert.equal(toNumber(TIMESTAMP_PARSERS.timestampFromMilliseconds(-1n), 'time'), -1);
    assert.ok(Number.isNaN(toNumber(TIMESTAMP_PARSERS.timestampFromMicroseconds(1n), 'number')), 'a timestamp is no number');
  });

  it('step and day keys of times from 1413 to 2527 are those of the whole milliseconds, 1 µs before a boundary included', () => {
    for (const stepMs of [60_000, 300_000, 3_600_000, 86_400_000]) {
      for (let k = 0; k < 2000; k++) {
        const boundaryMs = BigInt(Math.floor((rnd() * 2 - 1) * 1.7e13 / stepMs)) * BigInt(stepMs);
        for (const du of [-1n, 0n, 1n, -999n, 999n, BigInt(pick(1_000_000)) - 500_000n]) {
          const u = boundaryMs * 1000n + du;
          let wholeMs = u / 1000n;
          if (wholeMs * 1000n > u) wholeMs -= 1n;
          assert.equal(Math.floor(microsToMs(u) / stepMs), Math.floor(Number(wholeMs) / stepMs), `${u} µs, step ${stepMs}`);
        }
      }
    }
  });

  it('Unix seconds: the number × 1000; a time beyond a Date\'s range (±8.64e15 ms) is none', () => {
    assert.ok(Object.is(parseTimeText('1790000000.123456'), 1790000000.123456 * 1000));
    assert.ok(Object.is(parseTimeText('-0.0000015'), -0.0000015 * 1000));
    assert.equal(parseTimeText('8640000000000'), 8.64e15);
    assert.ok(Number.isNaN(parseTimeText('8640000000000.001')));
    assert.ok(Number.isNaN(parseTimeText('1e300')));
  });
});
