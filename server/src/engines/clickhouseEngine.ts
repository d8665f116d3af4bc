// ClickHouse over HTTP (@clickhouse/client, pure JavaScript, loaded only when a spec names a
// clickhouse source): the table's columns from system.columns (a missing table or column is a precise
// error), then one SQL statement (core/reports/sql, ClickHouse 18.16 dialect: no window functions)
// computing the report's sufficient statistics. Credentials come from the run (environment or VS
// Code's secret storage), never from the spec. max_execution_time bounds the query on the server,
// the request timeout and the abort signal bound it here.
import { routingReportFromStatistics } from '../core/reports';
import { quoteIdent, quoteString, routingStatisticsSql, type RoutingSqlDescription } from '../core/reports/sql/routingSql';
import { routingRefineSql } from '../core/reports/sql/refineSql';
import { SqlStatisticsCollector, type SqlStatisticsRow } from '../core/reports/sql/statisticsFromRows';
import { describeColumns } from './columnTypes';
import { sqlOnlyResult } from './duckdbEngine';
import { ENGINE_CODES, engineError, type EngineError, type EngineResult, type EngineRun, type EngineSource } from './engineTypes';

export type ClickHouseSource = Extract<EngineSource, { engine: 'clickhouse' }>;
type Client = ReturnType<typeof import('@clickhouse/client').createClient>;

export function split(src: ClickHouseSource): { database: string | undefined; table: string } {
  if (src.database) return { database: src.database, table: src.table };
  const dot = src.table.indexOf('.');
  return dot > 0 ? { database: src.table.slice(0, dot), table: src.table.slice(dot + 1) } : { database: undefined, table: src.table };
}

/** The quoted FROM target. */
export function clickhouseTarget(src: ClickHouseSource): string {
  const { database, table } = split(src);
  return database ? `${quoteIdent('clickhouse', database)}.${quoteIdent('clickhouse', table)}` : quoteIdent('clickhouse', table);
}

/** A client that keeps quiet (errors come back as diagnostics, not log lines on stderr). */
export async function client(src: ClickHouseSource, run: EngineRun, extra: Record<string, unknown> = {}): Promise<Client> {
  const ch = await import('@clickhouse/client');
  return ch.createClient({ url: src.url, username: user(src, run), password: run.credentials?.password ?? '', application: 'evalspec', log: { level: ch.ClickHouseLogLevel.OFF }, ...extra });
}

function user(src: ClickHouseSource, run: EngineRun): string {
  return src.user ?? run.credentials?.user ?? 'default';
}

/** An error from the client or the server as a diagnostic on the field to fix. */
/** An abort controller for one engine run: aborted at the run's time bound or when the run is cancelled. */
export function boundRun(run: EngineRun): { controller: AbortController; timedOut: () => boolean; dispose: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, run.timeoutMs);
  const onAbort = (): void => controller.abort();
  run.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    controller,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
    },
  };
}

export function clickhouseError(e: unknown, src: ClickHouseSource, run: EngineRun, timedOut: boolean): EngineError {
  const err = e as { message?: string; code?: string; type?: string; cause?: { code?: string } };
  const msg = String(err?.message ?? e);
  const code = String(err?.code ?? err?.cause?.code ?? '');
  const secs = run.timeoutMs / 1000;
  if (timedOut || code === '159' || /TIMEOUT_EXCEEDED|Timeout exceeded|timed out|Timeout error/i.test(msg)) {
    return engineError(ENGINE_CODES.timeout, 'engine', `the clickhouse query on ${src.table} ran longer than ${secs} s and was stopped (evalspec.engines.timeoutSeconds)`);
  }
  if (run.signal?.aborted) return engineError('cancelled', 'engine', 'cancelled');
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|EAI_AGAIN|socket hang up|connect ETIMEDOUT/i.test(msg + code)) {
    return engineError(ENGINE_CODES.unreachable, 'url', `cannot reach the clickhouse server at ${src.url}: ${msg.split('\n')[0]}`);
  }
  if (['516', '192', '193', '194'].includes(code) || /Authentication failed|password is incorrect|Password required|Unknown user|Wrong password/i.test(msg)) {
    return engineError(ENGINE_CODES.auth, 'user', `clickhouse at ${src.url} refused user "${user(src, run)}": wrong user or password (the password comes from EVALSPEC_CLICKHOUSE_PASSWORD or VS Code's secret storage, never from the spec)`);
  }
  if (code === '60' || code === '81' || /UNKNOWN_TABLE|UNKNOWN_DATABASE|doesn't exist/i.test(msg)) {
    return engineError(ENGINE_CODES.missingTable, 'table', `clickhouse at ${src.url} has no table ${src.database ? `${src.database}.` : ''}${src.table} (${(msg.split('\n')[0] ?? '').replace(/, e\.what\(\).*$/, '')})`);
  }
  return engineError(ENGINE_CODES.failed, 'table', `the clickhouse query on ${src.table} failed: ${msg.split('\n')[0]}`);
}

async function rows<T>(client: Client, query: string, signal: AbortSignal): Promise<T[]> {
  const rs = await client.query({ query, format: 'JSONEachRow', abort_signal: signal });
  return (await rs.json()) as T[];
}

export async function runClickHouse(src: ClickHouseSource, run: EngineRun): Promise<EngineResult | EngineError> {
  const started = Date.now();
  const secs = Math.max(1, Math.ceil(run.timeoutMs / 1000));
  const ch = await client(src, run, {
    request_timeout: run.timeoutMs + 2000,
    clickhouse_settings: { max_execution_time: secs, send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '1000' },
  });
  const bound = boundRun(run);
  const controller = bound.controller;
  try {
    const { database, table } = split(src);
    const db = database ? quoteString('clickhouse', database) : 'currentDatabase()';
    const cols = await rows<{ name: string; type: string }>(ch, `SELECT name, type FROM system.columns WHERE database = ${db} AND table = ${quoteString('clickhouse', table)}`, controller.signal);
    if (cols.length === 0) return engineError(ENGINE_CODES.missingTable, 'table', `clickhouse at ${src.url} has no table ${database ? `${database}.` : ''}${table} (or user "${user(src, run)}" may not see it)`);
    const columns = describeColumns(cols.map((c) => c.name), cols.map((c) => c.type), run.columns, `table ${src.table}`, 'table');
    if ('ok' in columns) return columns;
    const stepMinutes = run.options.stepMinutes ?? 5;
    const desc: RoutingSqlDescription = { dialect: 'clickhouse', source: clickhouseTarget(src), columns, stepMinutes };
    const sql = routingStatisticsSql(desc);
    if (run.sqlOnly) return sqlOnlyResult('clickhouse', src.table, sql);
    const q0 = Date.now();
    const collect = new SqlStatisticsCollector(stepMinutes);
    for (const r of await rows<SqlStatisticsRow>(ch, sql, controller.signal)) collect.add(r);
    // a day whose p10 falls in a confidence bucket of several values is refined (refineSql.ts)
    let refinements = 0;
    for (let next = collect.nextRefinement(); next; next = collect.nextRefinement(), refinements++) {
      collect.refine(next.level, await rows<SqlStatisticsRow>(ch, routingRefineSql(desc, next.level, next.targets), controller.signal));
    }
    const querySeconds = (Date.now() - q0) / 1000;
    const stats = collect.finish();
    run.onProgress?.(stats.rows + collect.badRows, 1);
    return { ok: true, engine: 'clickhouse', label: `${src.table} at ${src.url}`, sql, rows: stats.rows, badRows: collect.badRows, bytes: 0, report: routingReportFromStatistics(stats, run.options), seconds: (Date.now() - started) / 1000, querySeconds, firstTime: stats.minT, lastTime: stats.maxT, refinements };
  } catch (e) {
    return clickhouseError(e, src, run, bound.timedOut());
  } finally {
    bound.dispose();
    await ch.close().catch(() => undefined);
  }
}

/** The table's row count and latest time: a cached report is valid while both are unchanged. */
export async function clickhouseFingerprint(src: ClickHouseSource, run: EngineRun, timeColumn: string | undefined): Promise<string | EngineError> {
  const ch = await client(src, run, { request_timeout: run.timeoutMs });
  try {
    const latest = timeColumn === undefined ? "''" : `toString(max(${quoteIdent('clickhouse', timeColumn)}))`;
    const r = await rows<{ n: string; t: string }>(ch, `SELECT toString(count()) AS n, ${latest} AS t FROM ${clickhouseTarget(src)}`, AbortSignal.timeout(run.timeoutMs));
    return `${src.url}\0${src.table}\0${r[0]?.n}\0${r[0]?.t}`;
  } catch (e) {
    return clickhouseError(e, src, run, false);
  } finally {
    await ch.close().catch(() => undefined);
  }
}
