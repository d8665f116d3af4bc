// Inline figures and repairs through the protocol: inlay hints on the lines they explain, hovers
// with formulas, code lenses, quick-fixes that make their diagnostic disappear, go to definition.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  DefinitionRequest,
  HoverRequest,
  InlayHintRequest,
  type CodeAction,
  type Location,
  type MarkupContent,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../support/reference';
import { startServer, type TestServer } from '../support/lspClient';

const examplePath = join(repoRoot, 'examples', 'support-chat.evalspec.yaml');
const example = readFileSync(examplePath, 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('inline figures and fixes over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('shows inlay hints at the end of the lines they explain', async () => {
    const { uri } = await server.open('hints.evalspec.yaml', example);
    const lines = example.split('\n');
    const hints = (await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } })) ?? [];
    const at = (needle: string) => hints.filter((h) => h.position.line === lineOf(example, needle)).map((h) => String(h.label));
    const sizeLine = lineOf(example, '  size: 200');
    assert.deepEqual(at('  size: 200'), ['±6.3 pp overall (stratified, 95%) · ±11.1 pp per cohort · needs 6,148']);
    assert.equal(hints.find((h) => h.position.line === sizeLine)!.position.character, lines[sizeLine]!.length);
    assert.match(at('traffic:').join(' '), /\$66,355\.20\/day/);
    assert.deepEqual(at('- id: router-drift'), ['overrun $119,439.36/day · 5m $415 · 4h $19,907 · 24h $119,439 · 5m→4h 48×, 4h→24h 6×']);
    // Each line's hints fit the 120 characters the extension sets for spec files (VS Code cuts beyond).
    for (const l of new Set(hints.map((h) => h.position.line))) assert.ok(hints.filter((h) => h.position.line === l).reduce((s, h) => s + String(h.label).length, 0) <= 120);
    assert.deepEqual(at('target_half_width'), ['needs 6,148 (1,537/cohort) · for ±2 pp per cohort']);
  });

  it('hovers show the formula, the values substituted and the caveat', async () => {
    const { uri } = await server.open('hover-figures.evalspec.yaml', example);
    const line = lineOf(example, '  size: 200');
    const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 3 } });
    // As rendered: the spec's values are backslash-escaped in the Markdown source (user text is text).
    const md = (h?.contents as MarkupContent).value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(md, /stratified: p̂ = Σ w_h p̂_h, SE = √\(Σ w_h² p_h\(1 − p_h\)\/n_h\)/);
    assert.match(md, /z = 1\.959964 \(95%\), p = 0\.8 \(task_success, traffic-weighted\), n = 200 split 50 per cohort/);
    assert.match(md, /per cohort/);
  });

  it('offers code lenses on the golden set, the judge and the router', async () => {
    const { uri } = await server.open('lens.evalspec.yaml', example);
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /needs n = 6,148 \(precision binds\): resize/.test(t)), titles.join(' | '));
    assert.ok(titles.includes('open calibration preview'));
    assert.ok(titles.includes('open routing preview'));
    const resize = lenses.find((l) => l.command?.command === 'evalspec.applyEdits');
    assert.equal((resize!.command!.arguments![0] as { version: number }).version, 1);
  });

  it('the resize quick-fix makes golden-set-too-small disappear, bound to the document version', async () => {
    const { uri, diagnostics } = await server.open('fix.evalspec.yaml', example);
    const d = diagnostics.diagnostics.find((x) => x.code === 'golden-set-too-small');
    assert.ok(d, 'golden-set-too-small raised');
    assert.match(String(d.message), /A golden set of 200: task_success in cohort free gets ±11\.1 pp from its 50 at 95% \(Wald\); ±2 pp per cohort needs 6,148 \(1,537 per cohort × 4\)/);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const resize = actions.find((a) => /Resize golden set to 6,148/.test(a.title));
    assert.ok(resize, actions.map((a) => a.title).join(' | '));
    const change = resize.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 1);
    const doc = TextDocument.create(uri, 'evalspec', 1, example);
    const fixed = TextDocument.applyEdits(doc, change.edits as TextEdit[]);
    const after = await server.change(uri, 2, [{ text: fixed }]);
    assert.ok(!after.diagnostics.some((x) => x.code === 'golden-set-too-small'));
  });

  it('renames an unknown key to its suggestion', async () => {
    const text = example.replace('  coverage: 0.82', '  coverrage: 0.82');
    const { uri, diagnostics } = await server.open('rename.evalspec.yaml', text);
    const d = diagnostics.diagnostics.find((x) => x.code === 'unknown-key')!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    assert.equal(actions[0]?.title, 'Rename "coverrage" to "coverage"');
  });

  it('goes to the data file a spec names, and offers nothing for a missing one', async () => {
    // Inside the server's workspace folder (the repository; out/ is ignored by git): definitions,
    // like the data readers, stop at the workspace (test/protocol/trust.test.ts has the refusals).
    mkdirSync(join(repoRoot, 'out'), { recursive: true });
    const dir = mkdtempSync(join(repoRoot, 'out', 'evalspec-def-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'calibration.csv'), 'judge_score,human_label\n4,5\n');
    const specPath = join(dir, 'spec.evalspec.yaml');
    writeFileSync(specPath, example);
    const uri = pathToFileURL(specPath).href;
    const d = server.nextDiagnostics(uri);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'evalspec', version: 1, text: example } });
    await d;
    const at = (needle: string) => {
      const line = lineOf(example, needle);
      return { line, character: example.split('\n')[line]!.indexOf(needle.split(': ')[1]!) + 2 };
    };
    const loc = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: at('data: data/calibration.csv') })) as Location[] | null;
    assert.deepEqual(loc?.map((l) => l.uri), [pathToFileURL(join(dir, 'data', 'calibration.csv')).href]);
    const none = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: at('results: data/routing.csv') })) as Location[] | null;
    assert.deepEqual(none ?? [], []);
  });
});
