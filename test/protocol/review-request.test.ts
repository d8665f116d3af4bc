// The editor's side of the reviewer: diagnostics carry codeDescription links to docs/rules.md, and
// `evalspec/review` (the language status item, "EvalSpec: Export design review") answers with the
// same design review `evalspec review` prints, data reports included.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ruleCatalog } from '../../server/src/cli/ruleCatalog';
import { requests, type ReviewResult } from '../../server/src/protocol';
import { repoRoot } from '../support/reference';
import { startServer, type TestServer } from '../support/lspClient';

const examplePath = join(repoRoot, 'examples', 'support-chat.evalspec.yaml');
const example = readFileSync(examplePath, 'utf8');
const rules = 'https://github.com/evalspec/evalspec/blob/main/docs/rules.md';
const documented = new Set(ruleCatalog.map((r) => r.code));

/** The sections from `## Golden set` on: the same whatever the baseline. */
const fromGoldenSet = (md: string) => md.slice(md.indexOf('## Golden set'));

describe('codeDescription and evalspec/review over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('every documented code links to its section of docs/rules.md', async () => {
    const { uri } = await server.openPath(examplePath, example);
    // The data diagnostics arrive once the calibration report is in.
    const d = await server.nextDiagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'calibration-spearman-below-threshold'));
    assert.ok(d.diagnostics.length >= 3);
    for (const x of d.diagnostics) {
      assert.ok(documented.has(String(x.code)), `${x.code} has no section in docs/rules.md`);
      assert.deepEqual(x.codeDescription, { href: `${rules}#${x.code}` });
    }
  });

  it('answers with the review: BLOCKED by the calibration data, the same Markdown the CLI prints', async () => {
    const { uri } = await server.openPath(examplePath, example);
    const r = (await server.connection.sendRequest(requests.review, { uri })) as ReviewResult;
    assert.ok(r);
    assert.equal(r.version, 1, 'the document version the review was made from');
    assert.equal(r.document.verdict.status, 'blocked');
    assert.deepEqual(r.document.verdict.blockedGates.map((g) => g.gate), ['judge calibration']);
    assert.ok(r.document.verdict.findings.some((f) => f.code === 'golden-set-too-small'));
    assert.match(r.markdown, /^# Design review: support-chat\n\nSpec file: examples\/support-chat\.evalspec\.yaml\.\n\n## Verdict\n\n\*\*BLOCKED\*\*/);
    const cli = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'evalspec.js'), 'review', 'examples/support-chat.evalspec.yaml'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(fromGoldenSet(r.markdown), fromGoldenSet(cli.stdout));
    assert.ok(fromGoldenSet(r.markdown).includes('## Judge calibration'));
  });

  it('null for a document that is not open', async () => {
    assert.equal(await server.connection.sendRequest(requests.review, { uri: 'file:///nowhere/x.evalspec.yaml' }), null);
  });
});
