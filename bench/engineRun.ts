// One report in its own process, for engines.bench.ts: prints {seconds, cpuSeconds, querySeconds, moduleSeconds, maxRssMiB, rows} as JSON
// (cpuSeconds: this process's user + system CPU, all its threads — DuckDB runs 2).
// Usage: engineRun.ts duckdb <dir> <glob> | clickhouse <url> <table> <password> | builtin <dir> <file>
import { routingReportFromFile } from '../server/src/core/reports';
import { runEngine } from '../server/src/engines';

(async () => {
  const [kind, a, b, c] = process.argv.slice(2) as [string, string, string, string | undefined];
  const options = { ledger: [{ id: 'router-drift', detection: ['5m', '4h', '24h'] }] };
  const t = performance.now();
  let rows = 0;
  let querySeconds = Number.NaN;
  let moduleSeconds = 0;
  if (kind === 'builtin') {
    const r = await routingReportFromFile(b, { workspaceRoot: a, maxBytes: 1e12 } as never, options);
    if (!r.ok) throw new Error(r.message);
    rows = r.file.rows;
  } else {
    const run = { specDir: a, workspaceRoot: a, options, timeoutMs: 3_600_000, credentials: { password: c ?? '' } };
    if (kind === 'duckdb') {
      // the native module's load, timed apart (the engine would load it at its start: same total)
      const m = performance.now();
      require('@duckdb/node-api');
      moduleSeconds = (performance.now() - m) / 1000;
    }
    const r = kind === 'duckdb' ? await runEngine({ engine: 'duckdb', path: b }, run) : await runEngine({ engine: 'clickhouse', url: a, table: b }, run);
    if (!r.ok) throw new Error(r.message);
    if (!r.report.defined) throw new Error(r.report.reason);
    rows = r.rows;
    querySeconds = r.querySeconds;
  }
  const seconds = (performance.now() - t) / 1000;
  const u = process.cpuUsage();
  const cpuSeconds = (u.user + u.system) / 1e6;
  console.log(JSON.stringify({ seconds, cpuSeconds, querySeconds, moduleSeconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, rows }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
