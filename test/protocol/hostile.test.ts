// The hostile-file corpus through the built server (test/support/hostile/corpus.ts): each spec and
// each data file gets its precise diagnostic (code and range) within a bound, every range lies inside
// the document, messages stay short, the server's peak memory stays under a bound, and the server
// answers the next request. The large files are generated here, in a temporary workspace.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { startServer, type TestServer } from '../support/lspClient';
import { diagnosticProblems, lineLengths } from '../support/fuzz/checks';
import { within } from '../support/fuzz/session';
import { createWorkspace, dataCases, removeWorkspace, specCases, type DataCase, type HostileCase, type HostileWorkspace } from '../support/hostile/corpus';
import { caseText, peakRss, runCase } from '../support/hostile/run';

const boundMs = 60_000;
const maxMessageChars = 2000;
const maxPeakBytes = 1.5 * 1024 ** 3;

describe('hostile-file corpus through the server', () => {
  let server: TestServer;
  let w: HostileWorkspace;
  before(async () => {
    w = createWorkspace();
    server = await startServer({}, w.root);
  });
  after(async () => {
    await server.stop();
    removeWorkspace(w);
  });

  const cases: (HostileCase | DataCase)[] = [...specCases, ...dataCases];
  for (const c of cases) {
    it(`${c.name}: ${c.code}`, async () => {
      const text = await caseText(c, w);
      const run = await runCase(server, text, 'make' in c, w, boundMs);
      const lines = lineLengths(text);
      const d = run.diagnostics.diagnostics.find((x) => x.code === c.code);
      assert.ok(d, `no ${c.code} in ${run.diagnostics.diagnostics.map((x) => `${x.code}: ${String(x.message).slice(0, 200)}`).join(' | ')}`);
      if (c.at === 'start') assert.deepEqual(d.range.start, { line: 0, character: 0 });
      else if (c.at === 'data') {
        const line = text.split('\n')[3]!;
        const start = line.indexOf('"');
        assert.deepEqual(d.range, { start: { line: 3, character: start }, end: { line: 3, character: line.indexOf('",', start) + 1 } }, 'on the data path');
      } else assert.equal(d.range.start.line, c.at.line);
      if (c.message) assert.match(String(d.message), c.message);
      assert.deepEqual(diagnosticProblems(run.diagnostics.diagnostics, lines), []);
      for (const x of run.diagnostics.diagnostics) assert.ok(String(x.message).length <= maxMessageChars, `[${x.code}] message of ${String(x.message).length} characters`);
      const peak = peakRss(server.process.pid);
      if (peak !== undefined) assert.ok(peak < maxPeakBytes, `server peak memory ${(peak / 1024 ** 2).toFixed(0)} MB`);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: run.uri } });
      const next = await within(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: (await runCase(server, 'evalspec: 1\nname: [\n', false, w, boundMs)).uri } }), boundMs, 'the next request');
      assert.ok(Array.isArray(next));
    });
  }
});
