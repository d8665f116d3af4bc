// `evalspec report routing` through the engines, as a user runs it (the CLI in its own process): the
// engine's progress (rows scanned) and its summary on stderr; the ClickHouse credentials from the
// environment only — EVALSPEC_CLICKHOUSE_PASSWORD and EVALSPEC_CLICKHOUSE_USER — never from the spec
// (a `password:` key in the spec is not read; a url with user:password@ is refused before any request).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ReportCommandOutput } from '../../../server/src/cli/reportCommand';
import { clickhouseAvailable, startClickHouse, type ClickHouseServer } from '../../support/clickhouse';

const repo = join(__dirname, '..', '..', '..');
const ROWS = 60_485;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI from its sources, with exactly the environment given (no inherited EVALSPEC_* variables). */
function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('EVALSPEC_CLICKHOUSE'))) as Record<string, string>;
  // tsx by its path: the workspace folder (cwd) has no node_modules
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, join(repo, 'server', 'src', 'cli', 'main.ts'), ...args], { cwd, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

function specWith(ws: string, name: string, results: string): string {
  const spec = readFileSync(join(repo, 'examples', 'support-chat.evalspec.yaml'), 'utf8');
  assert.match(spec, /\n {2}results: data\/routing\.csv\n/);
  writeFileSync(join(ws, name), spec.replace('\n  results: data/routing.csv\n', `\n  results:\n${results.replace(/^/gm, '    ')}\n`));
  return name;
}

const json = (r: Run): ReportCommandOutput => JSON.parse(r.stdout) as ReportCommandOutput;
const codes = (r: Run): string[] => json(r).diagnostics.map((d) => d.code);

describe('evalspec report routing through the duckdb engine', { timeout: 120_000 }, () => {
  let ws = '';
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'evalspec-engine-cli-'));
    mkdirSync(join(ws, 'data'));
    copyFileSync(join(repo, 'examples', 'data', 'routing.parquet'), join(ws, 'data', 'routing.parquet'));
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('reports the rows scanned and the engine summary on stderr, the report on stdout', async () => {
    const spec = specWith(ws, 'duck.evalspec.yaml', 'engine: duckdb\npath: data/routing.parquet');
    const r = await cli(['report', 'routing', spec, '--format', 'json'], ws);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const out = json(r);
    assert.ok('report' in out.result, JSON.stringify(out.result).slice(0, 300));
    const scanned = [...r.stderr.matchAll(/^evalspec: ([\d,]+) rows scanned$/gm)].map((m) => Number(m[1]!.replace(/,/g, '')));
    assert.ok(scanned.length >= 1, `no progress line on stderr:\n${r.stderr}`);
    assert.ok(scanned.every((n, i) => n >= (scanned[i - 1] ?? 0) && n <= ROWS), `rows scanned only grow, up to the file's rows: ${scanned.join(', ')}`);
    assert.equal(scanned[scanned.length - 1], ROWS, 'the last progress line is every row');
    assert.match(r.stderr, new RegExp(`^evalspec: duckdb computed the statistics of ${ROWS.toLocaleString('en-US')} rows of data/routing.parquet \\(1 file\\) in [\\d.]+ s$`, 'm'));
    assert.ok(!r.stdout.includes('rows scanned'), 'progress stays off stdout (the JSON stays parseable)');
  });

  it('--show-sql prints the statement the engine runs for the source, and says when a refinement follows; nothing runs', async () => {
    const spec = specWith(ws, 'duck-sql.evalspec.yaml', 'engine: duckdb\npath: data/routing.parquet');
    const r = await cli(['report', 'routing', spec, '--show-sql'], ws);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '-- duckdb: data/routing.parquet');
    assert.match(r.stdout, /GROUPING SETS \(\(sk, tr\), \(dk, cb, sb\)\)/);
    assert.match(r.stdout, /read_parquet\(\['[^']*data\/routing\.parquet'\]/);
    assert.match(r.stdout, /-- a day whose p10 falls in a confidence bucket of several values is then refined/);
    assert.ok(!r.stderr.includes('rows scanned'), 'the statement is not run');
  });
});

const skip = !clickhouseAvailable() && process.env.CI !== 'true' ? 'clickhouse-server is not installed (.ci/run installs it)' : false;

describe('evalspec report routing through the clickhouse engine: credentials from the environment only', { skip, timeout: 180_000 }, () => {
  let ch: ClickHouseServer;
  let ws = '';
  before(async () => {
    ch = await startClickHouse();
    ws = mkdtempSync(join(tmpdir(), 'evalspec-engine-cli-ch-'));
    await ch.query('CREATE TABLE routing (time String, tier String, confidence Float64, cost Float64, quality Nullable(Float64), quality_cheap Nullable(Float64), quality_flagship Nullable(Float64)) ENGINE = MergeTree ORDER BY tuple()');
    const csv = readFileSync(join(repo, 'examples', 'data', 'routing.csv'), 'utf8').split('\n').slice(1).filter((l) => l !== '');
    await ch.query('INSERT INTO routing FORMAT CSV', csv.map((l) => l.split(',').map((c) => (c === '' ? '\\N' : c)).join(',')).join('\n'));
  });
  after(() => {
    ch?.stop();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  it('the password from EVALSPEC_CLICKHOUSE_PASSWORD gives the report; without it the run is refused on user:', async () => {
    // the spec holds a password: key with the right password — it must not be read
    const spec = specWith(ws, 'ch.evalspec.yaml', `engine: clickhouse\nurl: ${ch.url}\ntable: routing\nuser: default\npassword: ${ch.password}`);
    const ok = await cli(['report', 'routing', spec, '--format', 'json'], ws, { EVALSPEC_CLICKHOUSE_PASSWORD: ch.password });
    const good = json(ok);
    assert.ok('report' in good.result, `${ok.stderr}\n${JSON.stringify(good.result).slice(0, 300)}`);
    assert.match(ok.stderr, new RegExp(`^evalspec: ${ROWS.toLocaleString('en-US')} rows scanned$`, 'm'));
    assert.match(ok.stderr, /^evalspec: clickhouse computed the statistics of 60,485 rows of routing at http:\/\/127\.0\.0\.1:\d+ in [\d.]+ s$/m);

    const none = await cli(['report', 'routing', spec, '--format', 'json'], ws);
    assert.equal(none.status, 1, none.stderr);
    assert.deepEqual(codes(none).filter((c) => c.startsWith('engine-')), ['engine-auth-failed']);
    const d = json(none).diagnostics.find((x) => x.code === 'engine-auth-failed')!;
    const lines = readFileSync(join(ws, spec), 'utf8').split('\n');
    assert.equal(lines[d.line - 1]!.trim(), 'user: default', 'on the user: line');
    assert.ok(!JSON.stringify(json(none)).includes(ch.password), 'the password is never echoed');

    const wrong = await cli(['report', 'routing', spec, '--format', 'json'], ws, { EVALSPEC_CLICKHOUSE_PASSWORD: 'not-the-password' });
    assert.deepEqual(codes(wrong).filter((c) => c.startsWith('engine-')), ['engine-auth-failed']);
  });

  it('EVALSPEC_CLICKHOUSE_USER names the user when the spec does not', async () => {
    const spec = specWith(ws, 'user.evalspec.yaml', `engine: clickhouse\nurl: ${ch.url}\ntable: routing`);
    const ok = await cli(['report', 'routing', spec, '--format', 'json'], ws, { EVALSPEC_CLICKHOUSE_USER: 'default', EVALSPEC_CLICKHOUSE_PASSWORD: ch.password });
    assert.ok('report' in json(ok).result, ok.stderr);
    const other = await cli(['report', 'routing', spec, '--format', 'json'], ws, { EVALSPEC_CLICKHOUSE_USER: 'nobody', EVALSPEC_CLICKHOUSE_PASSWORD: ch.password });
    const msg = json(other).diagnostics.find((x) => x.code === 'engine-auth-failed')?.message ?? '';
    assert.match(msg, /user "nobody"/, JSON.stringify(json(other).diagnostics));
  });

  it('a url with user:password@ is refused on url: and no request is sent', async () => {
    let requests = 0;
    const server = createServer((_q, s) => {
      requests++;
      s.end('1');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.address() as { port: number }).port;
      const spec = specWith(ws, 'url.evalspec.yaml', `engine: clickhouse\nurl: http://default:secret@127.0.0.1:${port}\ntable: routing`);
      const r = await cli(['report', 'routing', spec, '--format', 'json'], ws, { EVALSPEC_CLICKHOUSE_PASSWORD: 'secret' });
      assert.equal(r.status, 1, r.stderr);
      const d = json(r).diagnostics.find((x) => x.code === 'engine-source-invalid');
      assert.ok(d, JSON.stringify(json(r).diagnostics));
      assert.match(readFileSync(join(ws, spec), 'utf8').split('\n')[d.line - 1]!, /^\s*url: /);
      assert.equal(requests, 0);
    } finally {
      server.close();
    }
  });
});
