// The built language server, spoken to over stdio by a real LSP client: open, change, close,
// diagnostics with exact ranges, hover, completion, symbols, and a bad-input corpus that must
// never take the server down.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, DidChangeTextDocumentNotification, DocumentSymbolRequest, HoverRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../support/reference';
import { startServer, type TestServer } from '../support/lspClient';

const badDir = join(repoRoot, 'test', 'fixtures', 'bad');

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => String(d.code));
}

const schemaCodes = new Set(['yaml-syntax', 'duplicate-key', 'unknown-key', 'wrong-type', 'missing-value', 'out-of-range', 'invalid-value', 'missing-key', 'not-finite']);
/** Schema diagnostics only: a minimal spec also raises rule findings (no pre-merge run, …). */
function schemaCodesOf(ds: Diagnostic[]): string[] {
  return codes(ds).filter((c) => schemaCodes.has(c));
}

describe('language server over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('publishes diagnostics at exact ranges on open', async () => {
    const text = ['evalspec: 1', 'name: demo', 'metrics:', '  - {id: task_success, primary: true, kind: binary, expected_pass_rate: 0.8}', 'golden_set:', '  size: 200', '  confidense: 0.95', ''].join('\n');
    const { diagnostics } = await server.open('typo.evalspec.yaml', text);
    const unknown = diagnostics.diagnostics.find((d) => d.code === 'unknown-key');
    assert.ok(unknown, `expected unknown-key, got ${codes(diagnostics.diagnostics).join(', ')}`);
    assert.deepEqual(unknown.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 12 } });
    assert.equal(unknown.source, 'evalspec');
    assert.match(String(unknown.message), /Did you mean "confidence"\?/);
    assert.deepEqual((unknown.data as { suggestion?: string }).suggestion, 'confidence');
  });

  it('follows incremental changes and versions, and clears on close', async () => {
    const text = 'evalspec: 1\nname: demo\nmetrics:\n  - {id: a, primary: true, kind: binary, expected_pass_rate: 0.8}\ngolden_set:\n  size: 200\n  confidence: 0.95\n';
    const { uri, diagnostics } = await server.open('change.evalspec.yaml', text);
    assert.deepEqual(schemaCodesOf(diagnostics.diagnostics), []);
    // Replace "0.8" by "80" on line 3: a rate outside (0,1) at that exact range.
    const col = text.split('\n')[3]!.indexOf('0.8');
    const v2 = await server.change(uri, 2, [{ range: { start: { line: 3, character: col }, end: { line: 3, character: col + 3 } }, text: '80' }]);
    assert.equal(v2.version, 2);
    const oor = v2.diagnostics.find((d) => d.code === 'out-of-range');
    assert.ok(oor);
    assert.deepEqual(oor.range, { start: { line: 3, character: col }, end: { line: 3, character: col + 2 } });
    assert.match(String(oor.message), /write 0\.8 for 80%/);
    // Break the YAML, then mend it.
    const v3 = await server.change(uri, 3, [{ range: { start: { line: 3, character: 4 }, end: { line: 3, character: 5 } }, text: '' }]);
    assert.ok(codes(v3.diagnostics).includes('yaml-syntax'));
    const v4 = await server.change(uri, 4, [{ text }]);
    assert.deepEqual(schemaCodesOf(v4.diagnostics), []);
    assert.deepEqual(codes(v4.diagnostics), codes(diagnostics.diagnostics));
    const closed = await server.close(uri);
    assert.deepEqual(closed.diagnostics, []);
  });

  it('a reused version number with new text gets the new text\'s results (the cache is keyed by text too)', { timeout: 60_000 }, async () => {
    // No data file: only the spec's own diagnostics are published.
    const metrics = Array.from({ length: 50 }, (_, i) => `  - {id: m${i}, kind: binary, expected_pass_rate: 0.8}`).join('\n');
    const long = `evalspec: 1\nname: demo\nmetrics:\n${metrics}\ngolden_set:\n  size: 200\n  confidence: 0.95\n  misspelt_key: 1\n`;
    const { uri } = await server.open('reused-version.evalspec.yaml', long);
    const before = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok((before?.length ?? 0) > 2);
    // Same version (1) again, three lines of different text.
    const short = 'evalspec: 1\nname: demo\nbogus_key: 1\n';
    // Publications of the old text may still be in flight: wait for the one that describes the new
    // text (before the fix it never came; the test's timeout fails it).
    const next = server.nextDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((x) => x.code === 'unknown-key' && x.range.start.line === 2));
    // Sent directly: server.change would wait for a second publication of version 1.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 1 }, contentChanges: [{ text: short }] });
    const d = await next;
    const after = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.deepEqual((after ?? []).map((x) => x.name), ['evalspec', 'name', 'bogus_key']);
    for (const x of d.diagnostics) assert.ok(x.range.end.line <= 3, `diagnostic on line ${x.range.end.line} of a 3-line document: ${x.message}`);
    await server.close(uri);
  });

  it('answers hover with the schema documentation of the key', async () => {
    const text = 'evalspec: 1\nname: demo\nmetrics:\n  - {id: a, primary: true, kind: binary, expected_pass_rate: 0.8}\ngolden_set:\n  size: 200\n  confidence: 0.95\n';
    const { uri } = await server.open('hover.evalspec.yaml', text);
    const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 6, character: 4 } });
    assert.ok(h);
    assert.match((h.contents as MarkupContent).value, /golden_set\.confidence/);
    assert.deepEqual(h.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 12 } });
  });

  it('completes keys of the mapping under the cursor from the schema, without keys already present', async () => {
    const text = 'evalspec: 1\nname: demo\ngolden_set:\n  size: 200\n  \n';
    const { uri } = await server.open('complete.evalspec.yaml', text);
    const items = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: 2 } });
    const labels = (Array.isArray(items) ? items : items?.items ?? []).map((i) => i.label);
    assert.ok(labels.includes('confidence'), labels.join(','));
    assert.ok(labels.includes('cohorts'));
    assert.ok(!labels.includes('size'));
    assert.ok(!labels.includes('qps'));
    const values = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: (await server.open('enum.evalspec.yaml', 'golden_set:\n  interval: \n')).uri }, position: { line: 1, character: 12 } });
    const vlabels = (Array.isArray(values) ? values : values?.items ?? []).map((i) => i.label).sort();
    assert.deepEqual(vlabels, ['exact', 'wald', 'wilson']);
  });

  it('lists the outline with list items named by id', async () => {
    const text = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');
    const { uri } = await server.open('outline.evalspec.yaml', text);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as { name: string; children?: { name: string }[] }[];
    const names = symbols.map((s) => s.name);
    for (const section of ['traffic', 'metrics', 'judge', 'golden_set', 'ledger']) assert.ok(names.includes(section), names.join(','));
    const ledger = symbols.find((s) => s.name === 'ledger');
    assert.ok(ledger?.children?.some((c) => c.name === 'router-drift'));
  });

  describe('bad-input corpus: every file gets diagnostics and the server keeps serving', () => {
    const generated: [string, string][] = [
      ['binary.evalspec.yaml', 'evalspec: 1\n\u0000\u0001\u0002\u00ff'],
      ['crlf.evalspec.yaml', 'evalspec: 1\r\nname: crlf\r\nmetrics:\r\n  - {id: a, primary: true, kind: binary, expected_pass_rate: 0.8}\r\ngolden_set:\r\n  size: 200\r\n  confidense: 0.95\r\n'],
      ['bom.evalspec.yaml', '\ufeffevalspec: 1\nname: bom\nmetrics:\n  - {id: a, primary: true, kind: binary, expected_pass_rate: 0.8}\ngolden_set:\n  size: 200\n  confidense: 0.95\n'],
      ['million-keys.evalspec.yaml', Array.from({ length: 1_000_000 }, (_, i) => `k${i}: ${i}`).join('\n')],
      ['deep.evalspec.yaml', `${'['.repeat(5000)}${']'.repeat(5000)}`],
      ['long-line.evalspec.yaml', `name: ${'x'.repeat(500_000)}\n`],
    ];
    const files: [string, string][] = [
      ...readdirSync(badDir).sort().map((f): [string, string] => [f, readFileSync(join(badDir, f), 'utf8')]),
      ...generated,
    ];
    for (const [name, text] of files) {
      it(name, async () => {
        const { diagnostics } = await server.open(name, text);
        assert.ok(diagnostics.diagnostics.length > 0, 'no diagnostics');
        const expect = /^# expect: (.+)$/m.exec(text)?.[1]?.split(',').map((s) => s.trim()) ?? [];
        for (const code of expect) assert.ok(codes(diagnostics.diagnostics).includes(code), `${code} not in ${codes(diagnostics.diagnostics).join(', ')}`);
        for (const d of diagnostics.diagnostics) {
          assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line, 'range ordered');
          const msg = String(d.message);
          assert.ok(msg.length > 10 && !/NaN|undefined|\[object/.test(msg), `message: ${msg}`);
        }
        // Still alive and answering.
        const s = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: (await server.open('alive.evalspec.yaml', 'evalspec: 1\n')).uri } });
        assert.ok(Array.isArray(s));
      });
    }
    it('CRLF and BOM keep columns exact', async () => {
      for (const [name, text] of generated.slice(1, 3)) {
        const { diagnostics } = await server.open(name, text);
        const unknown = diagnostics.diagnostics.find((d) => d.code === 'unknown-key');
        assert.ok(unknown, name);
        assert.equal(unknown.range.start.line, 6);
        assert.equal(unknown.range.start.character, 2);
      }
    });
  });
});
