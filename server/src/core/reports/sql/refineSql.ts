// Refining a p10 rank whose confidence bucket holds more than one value. The statistics statement
// (routingSql.ts) counts each day's confidences per bucket ⌊conf · 2¹⁰⌋ with the bucket's least and
// greatest value: bounded (1,025 groups a day) whatever the log, and exact at once when the rank's
// bucket holds one value. Otherwise this statement reads the same rows again, keeps only those in the
// wanted (day, bucket) pairs — the bucket test, cheap, comes first, so the rest of the row is converted
// for those few rows alone — and counts them per finer bucket: 21 more bits a level (⌊conf · 2³¹⌋,
// ⌊conf · 2⁵²⌋), then the values themselves. Each level holds at most 2²¹ groups per wanted pair;
// three levels at most, one in practice (a 2⁻¹⁰-wide bucket of raw model scores holds a few values
// per 2⁻³¹ sub-bucket).
//
// Result columns are the statement's (RESULT_COLUMNS): part 'refine', k = day, n = rows, a / b = least /
// greatest value, c = the wanted bucket, d = the finer bucket (the value itself at the last level).
import { DAY_MS, bucketSql, dialectOf, duckdbRows, typedRows, type RoutingSqlDescription } from './routingSql';

/** Bits added per refinement level; a level's key at 64 bits is the value itself. */
export const REFINE_BITS = 21;
export const VALUE_LEVEL = 64;

export interface RefineTarget {
  day: number;
  /** ⌊conf · 2^level⌋ of the wanted bucket (an integer of at most 2⁵²). */
  bucket: number;
}

function childKey(conf: string, level: number): string {
  return level + REFINE_BITS >= VALUE_LEVEL ? conf : bucketSql(conf, level + REFINE_BITS);
}

/** Integers as SQL literals; anything else is a programming error (the text is built, never parsed). */
function literal(v: number): string {
  if (!Number.isSafeInteger(v)) throw new RangeError(`refineSql: ${v} is not a safe integer`);
  return String(v);
}

/** The refinement statement of `targets` (buckets at `level` bits: 10, 31 or 52). */
export function routingRefineSql(desc: RoutingSqlDescription, level: number, targets: readonly RefineTarget[]): string {
  if (targets.length === 0) throw new RangeError('refineSql: no target');
  const x = dialectOf(desc.dialect);
  const buckets = [...new Set(targets.map((t) => t.bucket))].map(literal).join(', ');
  const prefilter = (conf: string): string => `${bucketSql(conf, level)} IN (${buckets})`;
  const pairs = (day: string, bucket: string): string => targets.map((t) => `(${day} = ${literal(t.day)} AND ${bucket} = ${literal(t.bucket)})`).join(' OR ');
  if (desc.dialect === 'duckdb') {
    return [
      `SELECT 'refine' AS part, day AS k, '' AS tier, CAST(count(*) AS BIGINT) AS n, CAST(0 AS BIGINT) AS cost,`,
      `       min(conf) AS a, max(conf) AS b, pb AS c, ck AS d, NULL AS e`,
      `FROM (`,
      `  SELECT CAST(dk AS BIGINT) >> 2 AS day, ${bucketSql('conf', level)} AS pb, ${childKey('conf', level)} AS ck, conf`,
      `  FROM (`,
      duckdbRows(desc, x, prefilter),
      `  )`,
      `  WHERE CAST(dk AS BIGINT) & 2 = 2`,
      `)`,
      `WHERE ${pairs('day', 'pb')}`,
      `GROUP BY day, pb, ck`,
      '',
    ].join('\n');
  }
  return [
    `SELECT 'refine' AS part, day AS k, '' AS tier, toInt64(count()) AS n, toInt64(0) AS cost,`,
    `       min(conf) AS a, max(conf) AS b, pb AS c, ck AS d, toFloat64(0) AS e`,
    `FROM (`,
    `  SELECT ${x.floorDiv('t', DAY_MS)} AS day, ${bucketSql('conf', level)} AS pb, ${childKey('conf', level)} AS ck, conf`,
    `  FROM (\n${typedRows(desc, x, '    ', prefilter)}\n  )`,
    `  WHERE valid AND (${pairs('day', 'pb')})`,
    `)`,
    `GROUP BY day, pb, ck`,
    '',
  ].join('\n');
}
