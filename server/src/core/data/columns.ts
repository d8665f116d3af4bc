// Logical columns of the two data files and how they map to the names in a file's header.
//
// A report asks for logical columns by key (`time`, `tier`, `judge_score`, …). A spec may rename
// them (`columns: {confidence: router_conf}`); unnamed keys fall back to the defaults below, which
// are the key itself. Header matching is exact first, then case-insensitive after trimming spaces,
// so `Judge_Score ` still finds `judge_score`; an ambiguous case-insensitive match is an error.
//
// Kinds:
//   number    finite double; an empty cell is "missing" (NaN) when the column is optional.
//   category  text interned to a small integer code per read (−1 = missing); tiers, cohorts, months.
//   time      instant in epoch milliseconds: ISO 8601 (`2026-03-01T14:05:00Z`, `2026-03-01 14:05:00`,
//             offsets `+02:00`; no offset means UTC) or a number of Unix seconds.
import { listNames, listQuoted } from '../text/bounded';

export type ColumnKind = 'number' | 'category' | 'time';

/**
 * The largest |epoch ms| a time may have: a JavaScript Date's range (±10⁸ days, years −271821 to
 * 275760). Beyond it no date can be shown (a report's first and last time), so the row is bad, in
 * every reader (Unix seconds like 1e300 parse as numbers).
 */
export const MAX_TIME_MS = 8.64e15;

export interface ColumnSpec {
  /** Logical key used by the reports. */
  key: string;
  kind: ColumnKind;
  /** A missing header is a file error; an empty cell is a bad row. Optional columns may be absent or empty. */
  required: boolean;
  /** What the column holds, for messages ("router confidence in [0, 1]"). */
  description: string;
  /** Inclusive bounds a number must lie in; outside is a bad row. */
  min?: number;
  max?: number;
}

export interface TableSchema {
  /** Name used in messages: "routing log", "calibration set". */
  name: string;
  columns: readonly ColumnSpec[];
}

/** Logical key → header name in the file. Keys not given map to themselves. */
export type ColumnMapping = Readonly<Record<string, string>>;

/**
 * The routing log: one row per routed request.
 * `quality` is the quality of the served answer (a 0/1 pass or a score in [0, 1]); `quality_cheap`
 * and `quality_flagship` are filled only for the sample where both tiers answered (shadow traffic),
 * and feed the threshold sweep.
 */
export const ROUTING_SCHEMA: TableSchema = {
  name: 'routing log',
  columns: [
    { key: 'time', kind: 'time', required: true, description: 'request time (ISO 8601 or Unix seconds)', min: -MAX_TIME_MS, max: MAX_TIME_MS },
    { key: 'tier', kind: 'category', required: true, description: 'tier that served the request' },
    { key: 'confidence', kind: 'number', required: true, description: 'router confidence in [0, 1]', min: 0, max: 1 },
    { key: 'cost', kind: 'number', required: true, description: 'cost of the request in dollars (≥ 0)', min: 0 },
    { key: 'quality', kind: 'number', required: false, description: 'quality of the served answer' },
    { key: 'quality_cheap', kind: 'number', required: false, description: 'quality the cheap tier would give' },
    { key: 'quality_flagship', kind: 'number', required: false, description: 'quality the flagship tier would give' },
  ],
};

/**
 * The judge-calibration set: one row per judged example.
 * `judge_score` and the human labels share one ordinal scale (1–5 by default); `human_label_2` is the
 * second, independent annotator. A batch is the explicit `batch` column when present, otherwise
 * month × cohort (see reports/calibrationReport.ts).
 */
export const CALIBRATION_SCHEMA: TableSchema = {
  name: 'calibration set',
  columns: [
    { key: 'judge_score', kind: 'number', required: true, description: 'judge score' },
    { key: 'human_label', kind: 'number', required: true, description: 'first human label' },
    { key: 'human_label_2', kind: 'number', required: false, description: 'second human label' },
    { key: 'judge_confidence', kind: 'number', required: false, description: 'judge confidence in [0, 1]', min: 0, max: 1 },
    { key: 'cohort', kind: 'category', required: false, description: 'traffic cohort' },
    { key: 'month', kind: 'category', required: false, description: 'month the example was drawn (YYYY-MM)' },
    { key: 'batch', kind: 'category', required: false, description: 'annotation batch' },
  ],
};

/** Default header names: each logical key stands for itself. */
export function defaultColumnMapping(schema: TableSchema): Record<string, string> {
  return Object.fromEntries(schema.columns.map((c) => [c.key, c.key]));
}

export interface ColumnResolution {
  /** For each schema column (same order): index of the header field, or −1 when absent. */
  fieldIndex: Int32Array;
  /** Logical key → header name found (null when absent). */
  found: Record<string, string | null>;
  /** Required columns missing from the header, with the name looked for. */
  missing: { key: string; header: string }[];
  /** Mapping problems (unknown key in the mapping, ambiguous header). */
  problems: string[];
}

/** Matches the schema's columns to a header row. Pure. */
export function resolveColumns(schema: TableSchema, header: readonly string[], mapping: ColumnMapping = {}): ColumnResolution {
  const problems: string[] = [];
  const keys = new Set(schema.columns.map((c) => c.key));
  for (const k of Object.keys(mapping)) {
    if (!keys.has(k)) problems.push(`the column mapping names "${k}", which the ${schema.name} does not use (known: ${listNames([...keys], { max: 20 })})`);
  }
  const fieldIndex = new Int32Array(schema.columns.length).fill(-1);
  const found: Record<string, string | null> = {};
  const missing: { key: string; header: string }[] = [];
  const wants = schema.columns.map((c) => (Object.prototype.hasOwnProperty.call(mapping, c.key) ? (mapping[c.key] as string) : c.key));
  const exact = wants.map((w) => header.indexOf(w));
  // Case-insensitive matches for the names not found exactly: one pass over the header, however wide.
  const loose = looseMatches(header, wants.filter((_, i) => exact[i]! < 0));
  schema.columns.forEach((c, i) => {
    const want = wants[i]!;
    let at = exact[i]!;
    if (at < 0) {
      const hits = loose.get(want.trim().toLowerCase()) ?? [];
      if (hits.length === 1) at = hits[0] as number;
      else if (hits.length > 1) problems.push(`header names ${listQuoted(hits.map((j) => header[j]!), { separator: ', ', lastSeparator: ' and ' })} ${hits.length === 2 ? 'both' : 'all'} match column "${want}"; rename one or map ${c.key} to the exact name`);
    }
    fieldIndex[i] = at;
    found[c.key] = at >= 0 ? (header[at] as string) : null;
    if (at < 0 && c.required) missing.push({ key: c.key, header: want });
  });
  return { fieldIndex, found, missing, problems };
}

/** Trimmed lower-case wanted name → every header index whose trimmed lower-case name equals it. */
function looseMatches(header: readonly string[], wants: string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  if (wants.length === 0) return m;
  const norms = new Set(wants.map((w) => w.trim().toLowerCase()));
  const lengths = new Set([...norms].map((n) => n.length));
  for (let j = 0; j < header.length; j++) {
    const t = header[j]!.trim();
    if (!lengths.has(t.length)) continue; // most names differ in length: no lower-casing
    const k = t.toLowerCase();
    if (!norms.has(k)) continue;
    const list = m.get(k);
    if (list) list.push(j);
    else m.set(k, [j]);
  }
  return m;
}
