// The spec's engine source (`router.results: {engine: …}`) → EngineSource, or a precise error on the
// field that is wrong. Pure.
import type { EngineSourceModel } from '../core/model/spec';
import { ENGINE_CODES, engineError, type EngineError, type EngineSource } from './engineTypes';

export function engineSourceFromModel(m: EngineSourceModel): EngineSource | EngineError | { builtin: string } {
  const engine = m.engine?.value;
  if (engine === 'builtin' || engine === 'duckdb') {
    const p = m.path?.value.trim();
    if (!p) return engineError(ENGINE_CODES.invalid, 'engine', `the ${engine} engine needs a path: a file or glob relative to the spec's folder (e.g. logs/routing/date=*/*.parquet)`);
    if (engine === 'builtin') return { builtin: p };
    return { engine: 'duckdb', path: p };
  }
  if (engine === 'clickhouse') {
    const url = m.url?.value.trim();
    const table = m.table?.value.trim();
    if (!url || !/^https?:\/\/[^\s/]+/i.test(url)) return engineError(ENGINE_CODES.invalid, url ? 'url' : 'engine', 'the clickhouse engine needs url: the server\'s http:// or https:// address');
    if (/^https?:\/\/[^/]*@/i.test(url)) return engineError(ENGINE_CODES.invalid, 'url', 'the url holds credentials; put the user in user: and the password in EVALSPEC_CLICKHOUSE_PASSWORD or VS Code\'s secret storage (EvalSpec: Set ClickHouse password), never in the spec');
    if (!table) return engineError(ENGINE_CODES.invalid, 'engine', 'the clickhouse engine needs table: the table (or database.table) holding the routing log');
    const src: EngineSource = { engine: 'clickhouse', url, table };
    if (m.database?.value) src.database = m.database.value;
    if (m.user?.value) src.user = m.user.value;
    return src;
  }
  return engineError(ENGINE_CODES.invalid, 'engine', `unknown engine ${JSON.stringify(engine ?? '')}: use builtin, duckdb or clickhouse`);
}

/** How a source is named in messages and in the panel. */
export function engineSourceLabel(s: EngineSource): string {
  return s.engine === 'duckdb' ? `duckdb: ${s.path}` : `clickhouse: ${s.database ? `${s.database}.` : ''}${s.table} at ${s.url}`;
}
