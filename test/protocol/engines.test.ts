// Engine sources over the protocol (the built server, a real LSP client). Untrusted workspace: a
// spec naming a DuckDB glob and a ClickHouse table reads nothing and starts no engine — the DuckDB
// binding is never loaded (a stand-in module, found first through EVALSPEC_DUCKDB_MODULE, writes a
// marker when loaded) and the "ClickHouse" URL (a local HTTP server counting requests) is never
// contacted; once trust is granted both happen, so the test can fail. Trusted workspace: an
// unreachable ClickHouse, a corrupt Parquet file and a glob that matches nothing each give their
// diagnostic, and the server keeps serving (reports, hovers, diagnostics of the next spec).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidOpenTextDocumentNotification, HoverRequest, RequestType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { notifications, requests, type DataReportParams, type DataReportResult } from '../../server/src/protocol';
import type { PanelModel } from '../../server/src/data/panelModel';
import { repoRoot } from '../support/reference';
import { startServer, type TestServer } from '../support/lspClient';

const calibrationRequest = new RequestType<DataReportParams, DataReportResult<PanelModel>, void>(requests.calibrationReport);
const routingRequest = new RequestType<DataReportParams, DataReportResult<PanelModel>, void>(requests.routingReport);
const exampleSpec = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');
/** Rows of the example log (routing.parquet holds the same rows as routing.csv). */
const exampleRows = readFileSync(join(repoRoot, 'examples', 'data', 'routing.csv'), 'utf8').trim().split('\n').length - 1;

/** The example spec with router.results and judge.calibration.data as the given YAML (mapping lines or a path). */
function specWith(routing: string, calibration = 'data/calibration.csv'): string {
  const r = exampleSpec.replace(/^  results: data\/routing\.csv$/m, `  results:${routing.startsWith('\n') ? routing : ` ${routing}`}`);
  return r.replace(/^    data: data\/calibration\.csv$/m, `    data:${calibration.startsWith('\n') ? calibration : ` ${calibration}`}`);
}
const duck = (path: string): string => `\n    engine: duckdb\n    path: ${path}`;
const clickhouse = (url: string, table: string, indent = '    '): string => `\n${indent}engine: clickhouse\n${indent}url: ${url}\n${indent}table: ${table}`;
const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code));

let ws = '';
let fakeModules = '';
let marker = '';
let http: Server;
let hits = 0;
let httpUrl = '';
const savedEnv = process.env.EVALSPEC_DUCKDB_MODULE;

before(async () => {
  mkdirSync(join(repoRoot, 'out'), { recursive: true });
  ws = mkdtempSync(join(repoRoot, 'out', 'protocol-engines-'));
  mkdirSync(join(ws, 'data'));
  copyFileSync(join(repoRoot, 'examples', 'data', 'calibration.csv'), join(ws, 'data', 'calibration.csv'));
  copyFileSync(join(repoRoot, 'examples', 'data', 'routing.parquet'), join(ws, 'data', 'routing.parquet'));
  writeFileSync(join(ws, 'data', 'corrupt.parquet'), 'PAR1 this is not a parquet file PAR1');
  // A stand-in @duckdb/node-api: loading it leaves a marker, then fails, so the real binding is used.
  marker = join(ws, 'DUCKDB-LOADED');
  fakeModules = join(ws, 'fake-duckdb');
  mkdirSync(join(fakeModules, 'node_modules', '@duckdb', 'node-api'), { recursive: true });
  writeFileSync(join(fakeModules, 'package.json'), '{"name":"fake","version":"0.0.0"}');
  writeFileSync(join(fakeModules, 'node_modules', '@duckdb', 'node-api', 'package.json'), '{"name":"@duckdb/node-api","version":"0.0.0","main":"index.js"}');
  writeFileSync(join(fakeModules, 'node_modules', '@duckdb', 'node-api', 'index.js'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'loaded'); throw new Error('stand-in');\n`);
  process.env.EVALSPEC_DUCKDB_MODULE = fakeModules;
  http = createServer((req, res) => {
    hits++;
    req.resume();
    res.writeHead(404, { 'content-type': 'text/plain' }).end("Code: 60, e.displayText() = DB::Exception: Table default.cal doesn't exist., e.what() = DB::Exception\n");
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

after(async () => {
  if (savedEnv === undefined) delete process.env.EVALSPEC_DUCKDB_MODULE;
  else process.env.EVALSPEC_DUCKDB_MODULE = savedEnv;
  await new Promise<void>((resolve) => http.close(() => resolve()));
  rmSync(ws, { recursive: true, force: true });
});

async function openSpec(server: TestServer, name: string, text: string, when: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<{ uri: string; diagnostics: PublishDiagnosticsParams }> {
  const file = join(ws, name);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const d = server.nextDiagnostics(uri, when);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'evalspec', version: 1, text } });
  return { uri, diagnostics: await d };
}

describe('engine sources in an untrusted workspace', { timeout: 120_000 }, () => {
  let server: TestServer;
  before(async () => (server = await startServer({ workspaceTrusted: false })));
  after(async () => server.stop());

  it('read nothing and start no engine until trust is granted', async () => {
    const text = specWith(duck('data/rout*.parquet'), clickhouse(httpUrl, 'cal', '      '));
    const { uri, diagnostics } = await openSpec(server, 'untrusted.evalspec.yaml', text);
    assert.ok(!codes(diagnostics).some((c) => c.startsWith('engine-') || c.startsWith('data-')), codes(diagnostics).join(', '));
    const routing = await server.connection.sendRequest(routingRequest, { uri });
    const calibration = await server.connection.sendRequest(calibrationRequest, { uri });
    assert.ok('error' in routing && routing.error.code === 'untrusted-workspace', JSON.stringify(routing).slice(0, 200));
    assert.ok('error' in calibration && calibration.error.code === 'untrusted-workspace', JSON.stringify(calibration).slice(0, 200));
    assert.equal(existsSync(marker), false, 'the DuckDB binding was loaded in an untrusted workspace');
    assert.equal(hits, 0, 'the ClickHouse URL was contacted in an untrusted workspace');

    const fired = server.nextDiagnostics(uri, (p) => codes(p).some((c) => c.startsWith('engine-')));
    await server.connection.sendNotification(notifications.workspaceTrusted);
    const after = await fired;
    assert.ok(codes(after).includes('engine-missing-table'), codes(after).join(', '));
    const report = await server.connection.sendRequest(routingRequest, { uri });
    assert.ok(!('error' in report) && report.report.source.format === 'duckdb', JSON.stringify(report).slice(0, 300));
    assert.equal(existsSync(marker), true, 'trusted: the DuckDB binding is looked up (the untrusted check can fail)');
    assert.ok(hits > 0, 'trusted: the ClickHouse URL is asked');
  });
});

describe('engine errors in a trusted workspace', { timeout: 120_000 }, () => {
  let server: TestServer;
  before(async () => (server = await startServer({ workspaceTrusted: true })));
  after(async () => server.stop());

  it('each error is a diagnostic on its field, and the server keeps serving', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const cases: [string, string, string, string][] = [
      ['unreachable.evalspec.yaml', clickhouse(deadUrl, 'routing'), 'engine-unreachable', `url: ${deadUrl}`],
      ['corrupt.evalspec.yaml', duck('data/corrupt.parquet'), 'engine-query-failed', 'path: data/corrupt.parquet'],
      ['nomatch.evalspec.yaml', duck('logs/date=*/*.parquet'), 'data-file-missing', 'path: logs/date=*/*.parquet'],
    ];
    for (const [name, routing, code, fieldLine] of cases) {
      const text = specWith(routing);
      const { diagnostics } = await openSpec(server, name, text, (p) => codes(p).includes(code));
      const d = diagnostics.diagnostics.find((x) => x.code === code)!;
      assert.equal(d.range.start.line, text.split('\n').findIndex((l) => l.trim() === fieldLine), `${code} on the ${fieldLine.split(':')[0]} field`);
    }
    // still serving: a good engine spec's report, a hover, and the next spec's diagnostics
    const good = specWith(duck('data/routing.parquet'));
    const { uri } = await openSpec(server, 'good.evalspec.yaml', good);
    const report = await server.connection.sendRequest(routingRequest, { uri });
    assert.ok(!('error' in report) && report.report.kind === 'routing' && report.report.source.rows === exampleRows, JSON.stringify(report).slice(0, 300));
    const line = good.split('\n').findIndex((l) => l.includes('min_spearman'));
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: good.split('\n')[line]!.indexOf('min_spearman') + 2 } });
    assert.ok(hover, 'the server answers a hover after the engine errors');
    assert.equal(server.process.exitCode, null);
  });
});
