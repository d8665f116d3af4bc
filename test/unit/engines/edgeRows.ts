// Edge rows for the engines' equality tests (duckdb.test.ts, clickhouse.test.ts): the same rows go
// through the built-in reader, DuckDB and ClickHouse, and each must give the built-in report, the same
// row count and the same count of bad rows.
//
// One rule for numbers in every reader: a number that is not a finite number — NaN, ±inf (a typed
// double, or text like "1e400"), text that is not a plain decimal ("inf", "nan", "0x10", "1_000",
// "abc") — makes the row bad, in a required column or an optional one; an empty optional cell is
// missing. Spaces, tabs and a leading "+" around a decimal are allowed. Text times follow the built-in
// reader's grammar (ISO 8601 with range-checked fields, or Unix seconds) in every engine.

export const EDGE_HEADER = ['time', 'tier', 'confidence', 'cost', 'quality', 'quality_cheap', 'quality_flagship'] as const;
const MIN = 60_000;

export interface EdgeOptions {
  /** Epoch ms of the log's start; rows before 1970 need a negative one (ClickHouse 18.16 holds none). */
  start: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Text rows (cells as in a CSV file, '' = empty): 6,000 regular rows every 37 s from `start` (some 1 ms
 * before a step boundary, NaN served quality every 17th, sub-nano costs, partial shadow pairs), then
 * rows each bad in one way, then rows that are valid only under the text rules (spaces, "+", 1e-400),
 * then text times in every form the built-in reader reads (Unix seconds, ISO with t, a comma fraction,
 * HH:MM, offsets) and near misses it refuses (24:00, +24:00, 2026-1-01, February 30, "Jan 1 2026").
 */
export function edgeTextRows(o: EdgeOptions): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < 6000; i++) {
    // sub-millisecond digits on most rows (4, 6, 9 and 12 of them; the first and last row too), so
    // the first and last time, and every step's, carry them
    const ms = iso(o.start + i * 37_000 - (i % 9 === 0 ? 1 : 0));
    const t = i % 4 === 2 ? ms : `${ms.slice(0, -1)}${['7', '123', '987654', '000000999'][i % 4 === 0 ? (i / 4) % 4 : 1]}Z`;
    const conf = String(((i * 7919) % 1000) / 997);
    const shadow = i % 5 === 0 ? [i % 3 === 0 ? '1' : '0', i % 4 === 0 ? '0.5' : '1'] : i % 11 === 0 ? ['1', ''] : ['', ''];
    rows.push([t, ['cheap', 'mid', 'flagship'][i % 3]!, conf, i % 13 === 0 ? '0.0000000004' : String(0.0001 * (i % 7)), i % 17 === 0 ? 'nan' : String(i % 2), ...shadow]);
  }
  const b = o.start + 2 * 3_600_000; // a step and day boundary when start is 22:00 UTC
  const at = (m: number): string => iso(b + m * MIN);
  const bad: string[][] = [
    [at(-5), '', '0.5', '0.1', '1', '', ''],
    [at(-5), 'cheap', '1.5', '0.1', '1', '', ''],
    [at(0), 'mid', '-0.1', '0.1', '1', '', ''],
    [at(5), 'mid', 'abc', '0.1', '1', '', ''],
    [at(5), 'mid', '0.5', '-0.001', '1', '', ''],
    [at(5), 'mid', '0.5', 'nan', '1', '1', '1'],
    [at(5), 'mid', '0.5', 'inf', '1', '', ''],
    ['garbage', 'mid', '0.5', '0.1', '1', '', ''],
    // the one rule: infinite or non-decimal numbers, required or optional
    [at(10), 'mid', '0.5', '1e400', '1', '', ''],
    [at(10), 'mid', '1e400', '0.1', '1', '', ''],
    [at(10), 'mid', '0.5', '0.1', '1e400', '', ''],
    [at(10), 'cheap', '0.5', '0.1', '-1e400', '', ''],
    [at(10), 'cheap', '0.5', '0.1', 'inf', '', ''],
    [at(10), 'cheap', '0.5', '0.1', '-Infinity', '', ''],
    [at(10), 'cheap', '0.5', '0.1', '0x10', '', ''],
    [at(10), 'cheap', '0.5', '0.1', '1_000', '', ''],
    [at(10), 'cheap', '0.5', '0.1', 'abc', '', ''],
    [at(10), 'cheap', '0.5', '0.1', '1', '1e400', '1'],
    [at(10), 'cheap', '0.5', '0.1', '1', '1', 'nan'],
    [at(10), 'cheap', '0.5', '0.1', '', '', '-inf'],
  ];
  const good: string[][] = [
    [at(-5), 'cheap', '0', '0', '1', '', ''],
    [at(0), 'flagship', '1', '0.3', '', '', ''],
    [at(15), 'mid', '+0.5', ' 0.25', '+1', '', ''],
    [at(15), 'flagship', ' 0.75 ', '+.5', ' 0 ', '1.', '+0'],
    [at(15), 'cheap', '0.5', '1e-400', '-0', '', ''],
  ];
  // text times: every form of the built-in grammar, and near misses the engines' own parsers took
  const day = iso(b).slice(0, 10);
  const times: [string, boolean][] = [
    [`${(b - 2 * 3_600_000 - 600_500) / 1000}0001`, true], [` ${(b + 123_250) / 1000} `, true], [`+${b / 1000}`, true], [day, true],
    [`${day}t00:10:00Z`, true], [`${day}T00:10:00,5Z`, true], [`${day}T00:10Z`, true], [`${day} 00:20:00`, true],
    [`${day}T05:40:00.123+0530`, true], [`${day}T00:10:00.999-00:30`, true], [`${day}T00:10:00.1239Z`, true],
    // sub-millisecond digits: with an offset, 1 µs and less before a step and day boundary (1970-01-01
    // 00:00 when start is 1969-12-31 22:00), Unix seconds with a fraction before and after 1970
    [`${day}T05:40:00.123456+05:30`, true], [`${iso(b - 1).slice(0, -1)}999Z`, true], [`${iso(b - 1).slice(0, -1)}9999999Z`, true],
    [`${iso(b + 5 * MIN - 1).slice(0, -1)}999999999Z`, true], [`${(b - 1) / 1000}9985`, true], [`${(b + 7 * MIN) / 1000}.000123`, true],
    [String(b / 1000 + 8.64e12 + 1), false],
    [`${day}T24:00:00Z`, false], [`${day}T00:60:00Z`, false], [`${day}T00:10:00+24:00`, false], [`${day}T00:10:00+0560`, false],
    [`${day.slice(0, 5)}1-01`, false], [`${day}T00:10:00.Z`, false], [`${day}Z`, false], [`${day.slice(0, 4)}-02-30`, false], ['Jan 1 2026', false], ['1e400', false],
  ];
  for (const [t, valid] of times) (valid ? good : bad).push([t, 'mid', '0.5', '0.1', '1', '', '']);
  return [...rows, ...bad, ...good];
}

export function edgeCsv(o: EdgeOptions): string {
  const cell = (c: string): string => (c.includes(',') ? `"${c}"` : c);
  return `${[EDGE_HEADER, ...edgeTextRows(o)].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

/**
 * Typed rows (a time in epoch ms and doubles, null = missing) with infinities and NaNs in every number
 * column, for Parquet files and ClickHouse Float64 columns: 3,000 regular rows from `start`, then one
 * row per non-finite value in each column (each a bad row), then one with every optional number missing.
 */
export function edgeTypedRows(start: number): [number, string, number, number, number | null, number | null, number | null][] {
  const rows: [number, string, number, number, number | null, number | null, number | null][] = [];
  for (let i = 0; i < 3000; i++) {
    const shadow = i % 4 === 0;
    rows.push([start + i * 61_000, ['cheap', 'mid', 'flagship'][i % 3]!, ((i * 7919) % 1000) / 999, 0.0001 * (i % 7) + (i % 13 === 0 ? 4e-10 : 0), i % 5 === 0 ? null : i % 2, shadow ? i % 3 === 0 ? 1 : 0 : null, shadow ? 1 : null]);
  }
  const t = start + 3000 * 61_000;
  for (const v of [Infinity, -Infinity, Number.NaN]) {
    rows.push([t, 'mid', v, 0.1, 1, null, null]);
    rows.push([t, 'mid', 0.5, v, 1, null, null]);
    rows.push([t, 'mid', 0.5, 0.1, v, null, null]);
    rows.push([t, 'mid', 0.5, 0.1, 1, v, 1]);
    rows.push([t, 'mid', 0.5, 0.1, 1, 1, v]);
  }
  rows.push([t, 'cheap', 0.5, 0.1, null, null, null]);
  return rows;
}

/** A typed row's number as text for a SQL literal or TSV cell (inf, -inf, nan as engines spell them). */
export function numberText(v: number | null, nullText: string): string {
  if (v === null) return nullText;
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

/**
 * Time texts with the built-in reader's value (parseTimeText): every form of its grammar, years 0000 to
 * 9999, times before 1970, and near misses the engines' own parsers took or refused.
 */
export const TIME_TEXTS = ['1790000000', '-600.5', '1767225600.5', ' 86400 ', '+5', '1e3', 'inf', '', 'garbage', 'Jan 1 2026',
  '2026-01-01', '2026-01-01 10:00', '2026-01-01t10:00:00Z', '2026-01-01T10:00:00,5Z', '2026-01-01T10:00:00.123456Z', '2026-01-01T10:00Z',
  '2026-01-01T10:00:00.123+0530', '2026-01-01T10:00:00-05:00', '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '2026-02-30T00:00:00Z',
  '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-01T23:59:60Z', '2026-01-01T10:00:00+24:00', '2026-01-01T10:00:00+0560', '2026-13-01',
  '2026-1-01', '2026-01-01Z', '2026-01-01T10Z', '2026-01-01T10:00:00.Z', '1960-01-01T00:00:00Z', '1969-12-31T23:59:59Z',
  '1970-01-01T01:00:00+02:00', '2200-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '0000-03-01', '9999-12-31T23:59:59.999Z',
  // sub-millisecond digits (the time rule: whole microseconds, the double nearest µs ÷ 1000): 4, 6, 9
  // and 12 digits, with an offset, before 1970, 1 µs before a day, beyond 2⁵³ µs (before 1685, after
  // 2255), Unix seconds with a fraction, and times beyond a Date's range
  '2026-01-01T10:00:00.1234Z', '2026-01-01T10:00:00.123456789Z', '2026-01-01T10:00:00.123456789012Z', '2026-01-01 10:00:00,000001-05:30',
  '1969-12-31T23:59:59.9985Z', '1969-12-31T23:59:59.9999999Z', '1969-12-31T23:59:59.000001+01:00', '2026-01-01T23:59:59.9999999Z',
  '1600-01-01T00:00:00.123456Z', '2300-06-01T12:00:00.000001Z', '9999-12-31T23:59:59.999999Z', '0000-01-01T00:00:00.000999Z',
  '1790000000.123456', '-0.0000015', '1767225599.9999999', '8640000000000', '-8640000000000', '8640000000000.001', '1e300'] as const;
