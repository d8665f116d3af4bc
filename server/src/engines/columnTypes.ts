// Source column types → how the generated SQL converts them, and the logical columns of the routing
// log matched to a source's column names with the built-in reader's rules (core/data resolveColumns).
import { ROUTING_SCHEMA, resolveColumns } from '../core/data';
import type { RoutingSqlDescription, SqlColumn, SqlColumnType } from '../core/reports/sql/routingSql';
import { ENGINE_CODES, engineError, type EngineError, type EngineField } from './engineTypes';
import { clipName, listNames } from '../core/text/bounded';

export function columnTypeClass(engineType: string): SqlColumnType {
  const t = engineType.replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2').replace(/^(Nullable|LowCardinality)\((.*)\)$/, '$2').toUpperCase();
  if (t === 'TIMESTAMP_NS') return 'timestamp_ns'; // DuckDB's nanoseconds: a cast to TIMESTAMP would truncate toward zero
  if (/^(TIMESTAMP|DATE|DATETIME)/.test(t)) return 'timestamp';
  if (/^(U?INT|TINYINT|SMALLINT|BIGINT|HUGEINT|UHUGEINT|UBIGINT|USMALLINT|UTINYINT|INTEGER|FLOAT|DOUBLE|REAL|DECIMAL|NUMERIC)/.test(t)) return 'number';
  return 'text';
}

/** The description's columns, or an error naming the missing column and the mapping to fix. */
export function describeColumns(names: string[], types: string[], mapping: Record<string, string> | undefined, where: string, field: EngineField): RoutingSqlDescription['columns'] | EngineError {
  const res = resolveColumns(ROUTING_SCHEMA, names, mapping ?? {});
  if (res.problems.length > 0) return engineError(ENGINE_CODES.missingColumn, 'columns', `${where}: ${res.problems.join('; ')}`);
  if (res.missing.length > 0) {
    const m = listNames(res.missing.map((c) => (c.header === c.key ? JSON.stringify(c.key) : `${JSON.stringify(clipName(c.header))} (${c.key})`)));
    return engineError(ENGINE_CODES.missingColumn, field, `${where} has no column ${m}; its columns are ${listNames(names, { clip: true })}. Rename the column or map it under router.columns`);
  }
  const col = (key: string): SqlColumn | undefined => {
    const i = ROUTING_SCHEMA.columns.findIndex((c) => c.key === key);
    const at = res.fieldIndex[i] as number;
    return at >= 0 ? { name: names[at] as string, type: columnTypeClass(types[at] as string) } : undefined;
  };
  const out: RoutingSqlDescription['columns'] = { time: col('time')!, tier: col('tier')!, confidence: col('confidence')!, cost: col('cost')! };
  for (const k of ['quality', 'quality_cheap', 'quality_flagship'] as const) {
    const c = col(k);
    if (c) out[k] = c;
  }
  return out;
}
