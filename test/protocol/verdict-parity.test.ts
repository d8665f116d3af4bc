// One verdict in CI and in the editor: for every example and every fixture spec, the diagnostics the
// server publishes once the data reports are in (the Problems panel) equal, code for code, range for
// range and severity for severity, those of `evalspec check --format json`, and so do the counts of
// "Show figures as JSON" (evalspec/analysis) and the CLI's exit code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { globSync } from 'tinyglobby';
import { DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, RequestType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { requests, type AnalysisParams, type AnalysisResult, type DataReportParams, type DataReportResult } from '../../server/src/protocol';
import type { SpecReport } from '../../server/src/cli/report';
import type { PanelModel } from '../../server/src/data/panelModel';
import { repoRoot } from '../support/reference';
import { startServer, type TestServer } from '../support/lspClient';

const analysisRequest = new RequestType<AnalysisParams, AnalysisResult, void>(requests.analysis);
const calibrationRequest = new RequestType<DataReportParams, DataReportResult<PanelModel>, void>(requests.calibrationReport);
const routingRequest = new RequestType<DataReportParams, DataReportResult<PanelModel>, void>(requests.routingReport);
const severityName = ['', 'error', 'warning', 'information', 'hint'];

export const paritySpecs = globSync(['examples/*.evalspec.{yaml,yml}', 'test/fixtures/**/*.evalspec.{yaml,yml}'], { cwd: repoRoot, absolute: true }).sort();

type Flat = { code: string; severity: string; message: string; range: string };
const rangeText = (sl: number, sc: number, el: number, ec: number) => `${sl}:${sc}-${el}:${ec}`;
const fromLsp = (d: Diagnostic): Flat => ({ code: String(d.code), severity: severityName[d.severity ?? 1]!, message: typeof d.message === 'string' ? d.message : d.message.value, range: rangeText(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character) });
const fromCli = (d: SpecReport['diagnostics'][number]): Flat => ({ code: d.code, severity: d.severity, message: d.message, range: rangeText(d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1) });

describe('evalspec check equals the Problems panel once the reports are in', { timeout: 300_000 }, () => {
  let server: TestServer;
  let cli: Map<string, SpecReport>;
  let exitCode: number | null;

  before(async () => {
    server = await startServer();
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'evalspec.js'), 'check', ...paritySpecs.map((f) => relative(repoRoot, f)), '--format', 'json', '--root', repoRoot], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
    exitCode = r.status;
    cli = new Map((JSON.parse(r.stdout) as SpecReport[]).map((s) => [join(repoRoot, s.file), s]));
  });
  after(async () => server?.stop());

  it('covers the examples and the fixtures, some of them naming data files', () => {
    assert.ok(paritySpecs.length >= 10, `${paritySpecs.length} specs`);
    assert.equal(cli.size, paritySpecs.length);
    assert.ok([...cli.values()].some((s) => s.data?.some((d) => d.status === 'read')), 'no spec had a data file read');
    assert.equal(exitCode, [...cli.values()].some((s) => s.summary.errors > 0) ? 1 : 0);
  });

  for (const file of paritySpecs) {
    it(relative(repoRoot, file), async () => {
      const uri = pathToFileURL(file).href;
      const text = readFileSync(file, 'utf8');
      const opened = server.nextDiagnostics(uri);
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'evalspec', version: 1, text } });
      await opened;
      // Wait for both reports (each request awaits its report and re-publishes), then "Show figures".
      await server.connection.sendRequest(calibrationRequest, { uri });
      await server.connection.sendRequest(routingRequest, { uri });
      const shown = await server.connection.sendRequest(analysisRequest, { uri });
      const problems = server.latest(uri)!.diagnostics.map(fromLsp);
      const expected = cli.get(file)!;
      assert.deepEqual(problems, expected.diagnostics.map(fromCli));
      assert.ok(shown);
      assert.deepEqual(shown.summary, expected.summary);
      assert.deepEqual(shown.diagnostics.map(fromCli), problems);
      const count = (s: string) => problems.filter((d) => d.severity === s).length;
      assert.deepEqual(shown.summary, { errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') });
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    });
  }
});
