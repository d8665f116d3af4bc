// Data files over the protocol: the built server, a real LSP client, specs on disk naming data files
// inside (and outside) the workspace. Checks the evalspec/calibrationReport and
// evalspec/routingReport requests and the data diagnostics at the data path's range. Nothing sleeps:
// each step waits for the diagnostics it expects.
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification, FileChangeType, RequestType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { requests, type DataReportParams, type DataReportResult } from '../../server/src/protocol';
import type { CalibrationPanelModel, PanelModel, RoutingPanelModel } from '../../server/src/data/panelModel';
import { repoRoot } from '../support/reference';
import { startServer, type TestServer } from '../support/lspClient';
import { calibrationRows } from '../support/calibrationRows';

const calibrationRequest = new RequestType<DataReportParams, DataReportResult<PanelModel>, void>(requests.calibrationReport);
const routingRequest = new RequestType<DataReportParams, DataReportResult<PanelModel>, void>(requests.routingReport);

const exampleSpec = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');

/** The example spec with its two data paths replaced. */
function specNaming(calibration: string, routing: string): string {
  return exampleSpec.replace(/^(\s+data:\s*)data\/calibration\.csv/m, `$1${calibration}`).replace(/^(\s+results:\s*)data\/routing\.csv/m, `$1${routing}`);
}

function codes(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => String(d.code));
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle));
}

describe('data files over the protocol', { timeout: 120_000 }, () => {
  let server: TestServer;
  // Inside the repository (the server's workspace root is the repository): out/ is ignored by git.
  let ws: string;
  let outside: string;
  let n = 0;

  async function openSpec(name: string, text: string, when: (p: PublishDiagnosticsParams) => boolean): Promise<{ uri: string; diagnostics: PublishDiagnosticsParams }> {
    const file = join(ws, `${++n}-${name}`);
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const d = server.nextDiagnostics(uri, when);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'evalspec', version: 1, text } });
    return { uri, diagnostics: await d };
  }

  before(async () => {
    mkdirSync(join(repoRoot, 'out'), { recursive: true });
    ws = mkdtempSync(join(repoRoot, 'out', 'protocol-data-'));
    outside = mkdtempSync(join(tmpdir(), 'evalspec-outside-'));
    mkdirSync(join(ws, 'data'));
    copyFileSync(join(repoRoot, 'examples', 'data', 'calibration.csv'), join(ws, 'data', 'calibration.csv'));
    copyFileSync(join(repoRoot, 'examples', 'data', 'routing.csv'), join(ws, 'data', 'routing.csv'));
    writeFileSync(join(outside, 'secret.csv'), 'judge_score,human_label\n1,1\n');
    symlinkSync(join(outside, 'secret.csv'), join(ws, 'data', 'link-out.csv'));
    const lines = readFileSync(join(repoRoot, 'examples', 'data', 'calibration.csv'), 'utf8').split('\n');
    lines[5] = lines[5]!.replace(/^\d+/, 'seven');
    lines[9] = lines[9]!.replace(/,0\.\d+,/, ',1.7,');
    writeFileSync(join(ws, 'data', 'bad-rows.csv'), lines.join('\n'));
    server = await startServer();
  });

  after(async () => {
    await server?.stop();
    rmSync(ws, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('puts data-file-missing on the path in the spec', async () => {
    const text = specNaming('data/nope.csv', 'data/routing.csv');
    const { diagnostics } = await openSpec('missing.evalspec.yaml', text, (p) => codes(p).includes('data-file-missing'));
    const d = diagnostics.diagnostics.find((x) => x.code === 'data-file-missing')!;
    const line = lineOf(text, 'data/nope.csv');
    assert.equal(d.range.start.line, line);
    assert.equal(d.range.start.character, text.split('\n')[line]!.indexOf('data/nope.csv'));
    assert.equal(d.severity, 1);
    assert.match(String(d.message), /data\/nope\.csv does not exist/);
  });

  it('refuses paths that leave the workspace, directly or through a symlink', async () => {
    const text = specNaming('../../../../../../../../etc/hosts.csv', 'data/link-out.csv');
    const { uri, diagnostics } = await openSpec('outside.evalspec.yaml', text, (p) => codes(p).filter((c) => c === 'data-file-outside-workspace').length === 2);
    const ds = diagnostics.diagnostics.filter((x) => x.code === 'data-file-outside-workspace');
    assert.deepEqual(ds.map((d) => d.range.start.line).sort((a, b) => a - b), [lineOf(text, 'etc/hosts.csv'), lineOf(text, 'link-out.csv')]);
    assert.match(String(ds.find((d) => d.range.start.line === lineOf(text, 'link-out.csv'))!.message), /symlink/);
    const r = await server.connection.sendRequest(routingRequest, { uri });
    assert.ok('error' in r && r.error.code === 'data-file-outside-workspace', JSON.stringify(r));
  });

  it('answers the calibration report and publishes the Spearman and κ rules', async () => {
    const text = specNaming('data/calibration.csv', 'data/routing.csv');
    const want = ['calibration-spearman-below-threshold', 'calibration-kappa-batch-excluded', 'routing-flagship-share-alert', 'routing-p10-confidence-alert', 'routing-cost-share-alert'];
    const { uri, diagnostics } = await openSpec('example.evalspec.yaml', text, (p) => want.every((c) => codes(p).includes(c)));
    const calLine = lineOf(text, 'data/calibration.csv');
    const routeLine = lineOf(text, 'data/routing.csv');
    const byCode = new Map<string, Diagnostic>(diagnostics.diagnostics.map((d) => [String(d.code), d]));
    assert.equal(byCode.get('calibration-spearman-below-threshold')!.range.start.line, calLine);
    assert.equal(byCode.get('calibration-spearman-below-threshold')!.severity, 1);
    assert.match(String(byCode.get('calibration-spearman-below-threshold')!.message), /blocked/i);
    assert.match(String(byCode.get('calibration-kappa-batch-excluded')!.message), /2026-07 \/ enterprise/);
    assert.equal(byCode.get('routing-flagship-share-alert')!.range.start.line, routeLine);
    assert.match(String(byCode.get('routing-flagship-share-alert')!.message), /first fires at 2026-09-30/);

    const t = Date.now();
    const r = await server.connection.sendRequest(calibrationRequest, { uri });
    assert.ok(!('error' in r), JSON.stringify(r));
    const c = r.report as CalibrationPanelModel;
    assert.equal(c.kind, 'calibration');
    assert.equal(c.verdict.blocked, true);
    assert.equal(c.trend.crossedAt, '2026-07');
    assert.equal(c.source.rows, 1800);
    assert.equal(c.spearman.byMonth.length, 6);
    assert.ok(c.spearman.overall.rho.value! > 0.7 && c.spearman.overall.rho.value! < 0.8);
    assert.ok(c.spearman.overall.rho.low! < c.spearman.overall.rho.value! && c.spearman.overall.rho.value! < c.spearman.overall.rho.high!);
    assert.deepEqual(c.kappa!.batches.filter((b) => b.excluded).map((b) => b.batch), ['2026-07 / enterprise']);
    // The same inputs hit the cache: the answer is the very report computed on open.
    assert.ok(Date.now() - t < 2000);

    const rr = await server.connection.sendRequest(routingRequest, { uri });
    assert.ok(!('error' in rr), JSON.stringify(rr));
    const rt = rr.report as RoutingPanelModel;
    assert.deepEqual(rt.tiers, ['cheap', 'mid', 'flagship']);
    assert.equal(rt.flagshipTier, 'flagship');
    assert.equal(rt.source.rows, 60485);
    assert.equal(rt.alerts.find((a) => a.kind === 'flagship-share')!.firstFiredAt?.slice(0, 10), '2026-09-30');
    assert.deepEqual(rt.incident!.windows.map((w) => w.window).slice(0, 3), ['5m', '4h', '24h']);
    assert.ok(rt.frontier && rt.frontier.points.some((p) => p.pareto) && rt.frontier.current);
  });

  it('counts bad rows and shows the first with row and column', async () => {
    const text = specNaming('data/bad-rows.csv', 'data/routing.csv');
    const { diagnostics } = await openSpec('bad-rows.evalspec.yaml', text, (p) => codes(p).includes('data-bad-rows'));
    const d = diagnostics.diagnostics.find((x) => x.code === 'data-bad-rows')!;
    assert.equal(d.range.start.line, lineOf(text, 'data/bad-rows.csv'));
    assert.match(String(d.message), /^2 of 1,800 rows of data\/bad-rows\.csv are left out/);
    assert.match(String(d.message), /row 5 \(line 6\), column judge_score/);
    assert.match(String(d.message), /column judge_confidence/);
  });

  it('recomputes when the data file changes on disk, and on save', async () => {
    writeFileSync(join(ws, 'data', 'grow.csv'), readFileSync(join(ws, 'data', 'calibration.csv')));
    const text = specNaming('data/grow.csv', 'data/routing.csv');
    const { uri } = await openSpec('grow.evalspec.yaml', text, (p) => codes(p).includes('calibration-spearman-below-threshold'));
    const before = await server.connection.sendRequest(calibrationRequest, { uri });
    assert.ok(!('error' in before));
    appendFileSync(join(ws, 'data', 'grow.csv'), 'x,1,1,0.5,free,2026-09\n');
    const next = server.nextDiagnostics(uri, (p) => codes(p).includes('data-bad-rows'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(ws, 'data', 'grow.csv')).href, type: FileChangeType.Changed }] });
    await next;
    const after = await server.connection.sendRequest(calibrationRequest, { uri });
    assert.ok(!('error' in after) && after.report.source.badRows.count === 1);
    rmSync(join(ws, 'data', 'grow.csv'));
    const gone = server.nextDiagnostics(uri, (p) => codes(p).includes('data-file-missing'));
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    await gone;
  });

  it('publishes data diagnostics only when they change: not again for a save, an unchanged data file or a report request', async () => {
    const text = specNaming('data/bad-rows.csv', 'data/routing.csv');
    const both = (p: PublishDiagnosticsParams) => codes(p).includes('data-bad-rows') && codes(p).includes('routing-flagship-share-alert');
    const { uri } = await openSpec('quiet.evalspec.yaml', text, both);
    const seen: PublishDiagnosticsParams[] = [];
    void server.nextDiagnostics(uri, (p) => {
      seen.push(p);
      return false; // records every later publication, resolves none
    });
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(ws, 'data', 'bad-rows.csv')).href, type: FileChangeType.Changed }] });
    assert.ok(!('error' in (await server.connection.sendRequest(calibrationRequest, { uri }))));
    assert.ok(!('error' in (await server.connection.sendRequest(routingRequest, { uri }))));
    // "Show figures as JSON" awaits the same (cached) reports, after the refreshes above began.
    for (let i = 0; i < 2; i++) assert.ok(await server.connection.sendRequest('evalspec/analysis', { uri }));
    // A keystroke publishes its version, with the data diagnostics in it.
    const typed = server.nextDiagnostics(uri, (p) => p.version === 2);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\n` }] });
    assert.ok(both(await typed));
    assert.deepEqual(seen.map((p) => p.version), [2], 'publications after the first complete one');
  });

  it('answers a 100,000-row calibration report within about a second of open, without blocking edits', async () => {
    writeFileSync(join(ws, 'data', 'big.csv'), calibrationRows(100_000));
    const text = specNaming('data/big.csv', 'data/routing.csv');
    const file = join(ws, `${++n}-big.evalspec.yaml`);
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const t0 = Date.now();
    const first = server.nextDiagnostics(uri);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'evalspec', version: 1, text } });
    await first;
    // While the worker computes, an edit still gets its diagnostics at once.
    const t1 = Date.now();
    await server.change(uri, 2, [{ text: `${text}\n` }]);
    const editMs = Date.now() - t1;
    const r = await server.connection.sendRequest(calibrationRequest, { uri });
    const reportMs = Date.now() - t0;
    assert.ok(!('error' in r), JSON.stringify(r));
    assert.equal(r.report.source.rows, 100_000);
    console.log(`[data] 100,000-row calibration report: open → answer ${reportMs} ms; an edit meanwhile → diagnostics ${editMs} ms`);
    assert.ok(editMs < 1000, `an edit waited ${editMs} ms for diagnostics`);
  });

  it('says so when the spec names no data file', async () => {
    const text = exampleSpec.replace(/^\s+data:\s*data\/calibration\.csv\n/m, '');
    const { uri } = await openSpec('no-data.evalspec.yaml', text, () => true);
    const r = await server.connection.sendRequest(calibrationRequest, { uri });
    assert.ok('error' in r && r.error.code === 'no-data-path', JSON.stringify(r));
  });
});

describe('data files in an untrusted workspace', { timeout: 60_000 }, () => {
  it('reads nothing and answers with an error value', async () => {
    const server = await startServer({ workspaceTrusted: false });
    try {
      const text = specNaming('data/nope.csv', 'data/routing.csv');
      const { uri, diagnostics } = await server.open('untrusted.evalspec.yaml', text);
      assert.ok(!codes(diagnostics).some((c) => c.startsWith('data-') || c.startsWith('calibration-spearman') || c.startsWith('routing-')), codes(diagnostics).join(', '));
      const r = await server.connection.sendRequest(calibrationRequest, { uri });
      assert.ok('error' in r && r.error.code === 'untrusted-workspace', JSON.stringify(r));
    } finally {
      await server.stop();
    }
  });
});
