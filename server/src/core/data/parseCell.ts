// Parsing cells straight from bytes, without allocating a string per numeric field: the CSV reader
// hands (buffer, start, end) ranges here. Pure functions.
//
// Numbers: optional sign, digits, optional fraction. When the digits form an integer below 2^53 and
// there are at most 22 fraction digits, the value is mantissa / 10^k: one correctly rounded division
// of two exact doubles, so the result is the double nearest the decimal text (Clinger 1990's fast
// path, the same answer as `Number(text)`). Anything else (exponents, 16+ significant digits) goes
// through `Number(text)` after a strict syntax check. Spaces and tabs around a number are allowed;
// `NaN`, `Infinity`, hex and empty text are not numbers.
//
// Times: ISO 8601 calendar date-times (`YYYY-MM-DD`, then `T` or a space, `HH:MM`, optional `:SS`
// and fraction, optional `Z` or `±HH:MM`/`±HHMM`; no offset means UTC), or a plain number of Unix
// seconds. Fields are range-checked (no 2026-02-30, no 24:00).
//
// The time rule, the same in every reader (built-in, DuckDB, ClickHouse; docs/format.md "Times"): a
// date-time is taken to whole microseconds — fraction digits past the sixth are dropped, so the
// instant moves toward the past, never across a second — and its value is the double nearest to that
// many microseconds ÷ 1000: the time in epoch milliseconds, correctly rounded (ties to even). Whole
// milliseconds stay exact integers. Computed as u / 1000 (u the exact integer microseconds, one
// correctly rounded division) while |ms| < MS_EXACT_US, else as ms + us / 1000 (ms the whole
// milliseconds, us the 0–999 microseconds past them), which is also correctly rounded there: the sum's
// spacing is ≥ 2⁻⁹ ms and us / 1000 is never within its own rounding error of a half-spacing point.
// Unix seconds are a number (the number rule above) times 1000, one correctly rounded product. A time
// must lie within a JavaScript Date's range (|ms| ≤ MAX_TIME_MS), else it is none.

import { MAX_TIME_MS } from './columns';

const POW10: number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const TWO_53 = 9007199254740992;
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** The number in bytes [start, end), or NaN when the text is not a plain decimal number. */
export function parseNumberBytes(b: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && isSpace(b[s] as number)) s++;
  while (e > s && isSpace(b[e - 1] as number)) e--;
  if (s === e) return Number.NaN;
  let neg = false;
  let c = b[s] as number;
  if (c === 45) {
    neg = true;
    s++;
  } else if (c === 43) s++;
  let mant = 0;
  let frac = 0;
  let digits = 0;
  let dot = false;
  let i = s;
  for (; i < e; i++) {
    c = b[i] as number;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      mant = mant * 10 + d;
      digits++;
      if (dot) frac++;
    } else if (c === 46 && !dot) dot = true;
    else break;
  }
  if (digits === 0) return Number.NaN;
  if (i < e || mant >= TWO_53 || frac > 22) return slowNumber(b, start, end);
  const v = frac === 0 ? mant : mant / (POW10[frac] as number);
  return neg ? -v : v;
}

function slowNumber(b: Uint8Array, start: number, end: number): number {
  const text = latin1(b, start, end).trim();
  return NUMBER_TEXT.test(text) ? Number(text) : Number.NaN;
}

/** The number in a string, with the same rules as `parseNumberBytes`. */
export function parseNumberText(text: string): number {
  const t = text.trim();
  return NUMBER_TEXT.test(t) ? Number(t) : Number.NaN;
}

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant, "chrono-compatible low-level date algorithms"). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digitsAt(b: Uint8Array, i: number, n: number, end: number): number {
  if (i + n > end) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = (b[i + k] as number) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Epoch milliseconds of an ISO 8601 date-time or Unix-seconds number in bytes [start, end), or NaN. */
export function parseTimeBytes(b: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && isSpace(b[s] as number)) s++;
  while (e > s && isSpace(b[e - 1] as number)) e--;
  if (e - s >= 10 && b[s + 4] === 45 && b[s + 7] === 45) return parseIso(b, s, e);
  const ms = parseNumberBytes(b, s, e) * 1000;
  return ms >= -MAX_TIME_MS && ms <= MAX_TIME_MS ? ms : Number.NaN; // NaN fails both
}

// Logs are in time order, so consecutive cells almost always share their date: the last
// YYYY-MM-DD bytes and their day number are remembered (module state, bytes compared exactly).
const lastDate = new Uint8Array(10);
let lastDateMs = Number.NaN;

function parseIso(b: Uint8Array, s: number, e: number): number {
  let ms: number;
  let us = 0;
  let same = lastDateMs === lastDateMs;
  for (let k = 0; same && k < 10; k++) same = b[s + k] === lastDate[k];
  if (same) ms = lastDateMs;
  else {
    const y = digitsAt(b, s, 4, e);
    const mo = digitsAt(b, s + 5, 2, e);
    const d = digitsAt(b, s + 8, 2, e);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
    ms = daysFromCivil(y, mo, d) * 86_400_000;
    for (let k = 0; k < 10; k++) lastDate[k] = b[s + k] as number;
    lastDateMs = ms;
  }
  let i = s + 10;
  if (i === e) return ms;
  const sep = b[i] as number;
  if (sep !== 84 && sep !== 116 && sep !== 32) return Number.NaN; // T, t or space
  const h = digitsAt(b, i + 1, 2, e);
  if (b[i + 3] !== 58) return Number.NaN;
  const mi = digitsAt(b, i + 4, 2, e);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN;
  ms += h * 3_600_000 + mi * 60_000;
  i += 6;
  if (i < e && b[i] === 58) {
    const sec = digitsAt(b, i + 1, 2, e);
    if (sec < 0 || sec > 59) return Number.NaN;
    ms += sec * 1000;
    i += 3;
    if (i < e && (b[i] === 46 || b[i] === 44)) {
      i++;
      const from = i;
      while (i < e && (b[i] as number) >= 48 && (b[i] as number) <= 57) i++;
      if (i === from) return Number.NaN;
      ms += fractionDigits(b, from, i, 0);
      us = fractionDigits(b, from, i, 3);
    }
  }
  if (i === e) return timeMs(ms, us);
  const z = b[i] as number;
  if ((z === 90 || z === 122) && i + 1 === e) return timeMs(ms, us); // Z
  if (z === 43 || z === 45) {
    const oh = digitsAt(b, i + 1, 2, e);
    let j = i + 3;
    if (b[j] === 58) j++;
    const om = digitsAt(b, j, 2, e);
    if (oh < 0 || oh > 23 || om < 0 || om > 59 || j + 2 !== e) return Number.NaN;
    const off = (oh * 60 + om) * 60_000;
    return timeMs(z === 43 ? ms - off : ms + off, us);
  }
  return Number.NaN;
}

/** Fraction digits [from + skip, from + skip + 3) of [from, to) as an integer 0–999, missing digits as 0 (".5" → 500). */
export function fractionDigits(b: Uint8Array, from: number, to: number, skip: number): number {
  let v = 0;
  for (let k = from + skip; k < from + skip + 3; k++) v = v * 10 + (k < to ? (b[k] as number) - 48 : 0);
  return v;
}

/** Whole milliseconds below which ms·1000 + 999 is an exact double (< 2⁵³): years 1685 to 2255. */
export const MS_EXACT_US = 9_007_199_254_740;

/**
 * Epoch ms of `ms` whole milliseconds (an exact integer) plus `us` microseconds (0–999): the double
 * nearest (ms·1000 + us) / 1000 — the time rule (see the top of this file).
 */
export function timeMs(ms: number, us: number): number {
  if (us === 0) return ms;
  return ms < MS_EXACT_US && ms > -MS_EXACT_US ? (ms * 1000 + us) / 1000 : ms + us / 1000;
}

const TWO_53N = 9007199254740992n;

/** Epoch ms of an integer count of microseconds (a typed timestamp): the same rule, the same double as its ISO text. */
export function microsToMs(u: bigint): number {
  if (u < TWO_53N && u > -TWO_53N) return Number(u) / 1000;
  let ms = u / 1000n;
  let us = u - ms * 1000n;
  if (us < 0n) {
    ms -= 1n;
    us += 1000n;
  }
  return timeMs(Number(ms), Number(us));
}

/** Epoch ms of an integer count of nanoseconds: floored to whole microseconds (the digits past the sixth dropped), then microsToMs. */
export function nanosToMs(n: bigint): number {
  let u = n / 1000n;
  if (u * 1000n > n) u -= 1n;
  return microsToMs(u);
}

const encoder = new TextEncoder();

/** Epoch milliseconds of a time given as text, with the same rules as `parseTimeBytes`. */
export function parseTimeText(text: string): number {
  const bytes = encoder.encode(text);
  return parseTimeBytes(bytes, 0, bytes.length);
}
