// Typed keys of `evalspec calc`: each key says what it accepts, so a bad value is refused with one
// precise line before any statistic runs.
export type KeyKind = 'rate' | 'open-rate' | 'count' | 'positive-int' | 'positive' | 'number' | 'method' | 'strata' | 'rate-or-null';

export interface KeySpec {
  name: string;
  kind: KeyKind;
  help: string;
  /** Absent: the key is required. */
  default?: number | string | null;
}

export class CalcInputError extends Error {}

const KIND_TEXT: Record<KeyKind, string> = {
  rate: 'a number between 0 and 1',
  'open-rate': 'a number strictly between 0 and 1',
  'rate-or-null': 'a number strictly between 0 and 1, or "none"',
  count: 'a whole number ≥ 0',
  'positive-int': 'a whole number ≥ 1',
  positive: 'a number > 0',
  number: 'a number',
  method: 'pearson, spearman or kendall',
  strata: 'name:share:n:passes,… (e.g. en:0.6:200:180,de:0.4:150:120)',
};

export function kindText(kind: KeyKind): string {
  return KIND_TEXT[kind];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses one value; throws CalcInputError with the key, what it takes and what it got. */
export function parseValue(spec: KeySpec, raw: string): unknown {
  const bad = (): never => {
    throw new CalcInputError(`--${spec.name} takes ${KIND_TEXT[spec.kind]}, got ${JSON.stringify(raw)}`);
  };
  if (spec.kind === 'method') return ['pearson', 'spearman', 'kendall'].includes(raw) ? raw : bad();
  if (spec.kind === 'strata') return parseStrata(raw, bad);
  if (spec.kind === 'rate-or-null' && raw === 'none') return null;
  if (!NUMBER.test(raw.trim())) return bad();
  const v = Number(raw);
  if (!Number.isFinite(v)) return bad();
  const ok: Record<Exclude<KeyKind, 'method' | 'strata'>, boolean> = {
    rate: v >= 0 && v <= 1,
    'open-rate': v > 0 && v < 1,
    'rate-or-null': v > 0 && v < 1,
    count: Number.isSafeInteger(v) && v >= 0,
    'positive-int': Number.isSafeInteger(v) && v >= 1,
    positive: v > 0,
    number: true,
  };
  return ok[spec.kind] ? v : bad();
}

function parseStrata(raw: string, bad: () => never): Array<{ name: string; W: string; n: number; x: string }> {
  const parts = raw.split(',').filter((p) => p.trim() !== '');
  if (parts.length === 0 || parts.length > 1000) bad();
  return parts.map((p) => {
    const f = p.split(':');
    if (f.length !== 4 || !NUMBER.test(f[1]!) || !/^\d+$/.test(f[2]!) || !NUMBER.test(f[3]!)) bad();
    const n = Number(f[2]);
    if (!Number.isSafeInteger(n) || Number(f[3]) > n || Number(f[3]) < 0) bad();
    return { name: f[0]!, W: f[1]!, n, x: f[3]! };
  });
}
