// Text from a spec or a data file is text, end to end: a spec whose name, cohort names and keys hold
// Markdown links to `command:` URIs, HTML with event handlers, remote images, line breaks that forge
// diagnostics and terminal escapes, through the built server (hover, completion, code lens, inlay
// hints) and the built CLI (check as text, JSON and SARIF; report as text and Markdown). Markdown is
// rendered with marked (GFM) and must contain no link, image or HTML from the text; terminal output
// must contain no control character and no line the text forged.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadMarkdownRenderer } from '../support/markdown';
import { CodeLensRequest, CompletionRequest, HoverRequest, InlayHintRequest, type CompletionItem, type Hover, type InlayHint, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { removeDir, tempDir } from '../support/gitRepos';
import { startServer, type TestServer } from '../support/lspClient';
import { repoRoot } from '../support/reference';

const LIVE = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![t](https://attacker.invalid/t.png)';
const FORGED = 'x.evalspec.yaml:1:1: error [forged-code] this line was forged';
const ANSI = '\u001b[31mRED\u001b[0m';
const example = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');

/** The example spec with hostile text in its name, a cohort name and an unknown key. */
const hostileSpec = example
  .replace('name: support-chat', `name: ${JSON.stringify(`${LIVE}\n${FORGED} ${ANSI}`)}`)
  .replace('{name: free, share: 0.45}', `{name: ${JSON.stringify(`${LIVE} ${ANSI}`)}, share: 0.45}`)
  .replace('traffic:\n', `traffic:\n  ${JSON.stringify(`key\n${FORGED} ${ANSI}`)}: 1\n`);

let render: (md: string) => string;
before(async () => (render = await loadMarkdownRenderer()));

/**
 * Rendered Markdown has no link, no image and no HTML element that came from the text: in marked's
 * output every `<` that is not escaped (`&lt;`) opens a tag, and every tag must be a plain
 * structural one without attributes (no `href`, `src`, `on…`).
 */
function assertInert(md: string, where: string): void {
  const html = render(md);
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    assert.match(tag, /^<\/?(p|strong|em|code|hr|h[1-6]|table|thead|tbody|tr|th|td|br|ul|ol|li)\s*\/?>$/, `${where}: a live tag ${tag} in ${html}`);
  }
}

let dir: string;
before(() => (dir = tempDir('evalspec-hostile-text-')));
after(() => removeDir(dir));

describe('hostile text through the server', { timeout: 60_000 }, () => {
  let server: TestServer;
  let uri: string;
  before(async () => {
    server = await startServer();
    uri = (await server.open('hostile-text.evalspec.yaml', hostileSpec)).uri;
  });
  after(async () => server.stop());

  it('hovers on every line: the hostile names are shown, escaped; nothing live', async () => {
    const lines = hostileSpec.split('\n');
    const seen: string[] = [];
    for (let line = 0; line < lines.length; line++) {
      const text = lines[line]!;
      for (const character of new Set([text.search(/\S/), text.indexOf(':') + 2].filter((c) => c >= 0 && c <= text.length))) {
        const h = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } })) as Hover | null;
        if (!h) continue;
        const md = (h.contents as MarkupContent).value;
        assertInert(md, `hover ${line}:${character}`);
        seen.push(md);
      }
    }
    // The test reached the hostile text: the label-budget hover names the hostile cohort.
    assert.ok(seen.some((md) => md.includes('attacker.invalid')), 'no hover showed the hostile cohort');
    assert.ok(seen.every((md) => !md.includes('\u001b')));
  });

  it('inlay-hint tooltips, code-lens titles and completion documentation: nothing live', async () => {
    const hints = (await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } } })) as InlayHint[];
    assert.ok(hints.length > 0);
    for (const h of hints) {
      if (h.tooltip && typeof h.tooltip !== 'string') assertInert(h.tooltip.value, 'inlay tooltip');
      const label = typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
      assert.doesNotMatch(label, /[\n\u001b]/);
    }
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.ok(lenses.length > 0);
    for (const l of lenses) {
      assert.doesNotMatch(l.command?.title ?? '', /attacker|command:|<img|[\n\u001b]|\$\(/);
      assert.ok(!l.command?.command || l.command.command.startsWith('evalspec.'), l.command?.command);
    }
    const lines = hostileSpec.split('\n');
    for (const line of [lines.findIndex((l) => l.startsWith('traffic:')) + 1, lines.findIndex((l) => l.includes('cohorts:')) + 1]) {
      const items = ((await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 2 } })) ?? []) as CompletionItem[];
      for (const it of items) {
        const doc = typeof it.documentation === 'string' ? it.documentation : it.documentation?.value ?? '';
        assertInert(doc, `completion ${it.label}`);
        assert.doesNotMatch(`${it.label} ${doc} ${it.detail ?? ''}`, /attacker|\u001b/);
      }
    }
  });
});

describe('hostile text through the CLI', { timeout: 120_000 }, () => {
  const cli = join(repoRoot, 'dist', 'cli', 'evalspec.js');
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  before(() => {
    writeFileSync(join(dir, 'h.evalspec.yaml'), hostileSpec);
    mkdirSync(join(dir, 'data'), { recursive: true });
    // The calibration data with the cohort `free` renamed to hostile text (RFC 4180 quoting).
    const csv = readFileSync(join(repoRoot, 'examples', 'data', 'calibration.csv'), 'utf8');
    const label = `"${`${LIVE}\n${FORGED} ${ANSI}`.replace(/"/g, '""')}"`;
    writeFileSync(join(dir, 'data', 'calibration.csv'), csv.replace(/,free,/g, `,${label},`));
  });

  it('check, text: no control character, no forged line; every diagnostic line is a real diagnostic', () => {
    const r = run(['check', 'h.evalspec.yaml', '--no-data']);
    assert.doesNotMatch(r.out + r.err, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const lines = r.out.split('\n');
    assert.ok(!lines.some((l) => l.startsWith('x.evalspec.yaml:')), r.out);
    const diagnosticLines = lines.filter((l) => /^h\.evalspec\.yaml:\d+:\d+: \w+ \[/.test(l));
    const summary = /(\d+) errors?, (\d+) warnings?/.exec(r.out)!;
    const json = JSON.parse(run(['check', 'h.evalspec.yaml', '--no-data', '--format', 'json']).out)[0];
    assert.equal(diagnosticLines.length, json.diagnostics.length, r.out);
    assert.equal(Number(summary[1]), json.summary.errors);
    assert.ok(r.out.includes('\\x1b[31m'), 'the escape is shown, not sent');
    assert.ok(json.diagnostics.some((d: { code: string }) => d.code === 'unknown-key'));
  });

  it('check, JSON: the text kept exactly (JSON-escaped, no raw control byte); SARIF: no embedded link', () => {
    const out = run(['check', 'h.evalspec.yaml', '--no-data', '--format', 'json']).out;
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f]/);
    const [report] = JSON.parse(out);
    assert.ok(report.name.startsWith(LIVE));
    const sarif = run(['check', 'h.evalspec.yaml', '--no-data', '--format', 'sarif']).out;
    assert.doesNotMatch(sarif, /[\u0000-\u0009\u000b-\u001f]/);
    for (const res of JSON.parse(sarif).runs[0].results) assert.doesNotMatch(res.message.text, /(^|[^\\])\[[^\]]*[^\\]\]\(/, res.message.text);
  });

  it('report, Markdown: cohort labels are text, and the verdict stays one line', () => {
    const r = run(['report', 'calibration', 'h.evalspec.yaml', '--format', 'markdown']);
    assert.ok(r.out.includes('attacker.invalid'), 'the hostile cohort reached the report');
    assertInert(r.out, 'report markdown');
    const lines = r.out.split('\n');
    const v = lines.findIndex((l) => l === '### Verdict');
    assert.match(lines[v + 2]!, /^(NOT )?BLOCKED: /);
    assert.equal(lines[v + 3], '');
    assert.ok(!lines.some((l) => l.startsWith('x.evalspec.yaml') || l.startsWith('error')), r.out);
    for (const l of lines.filter((x) => x.startsWith('|'))) assert.ok(l.endsWith('|'), l);
    assert.doesNotMatch(r.out, /[\u0000-\u0009\u000b-\u001f]/);
  });

  it('report, text: no control character, no forged line', () => {
    const r = run(['report', 'calibration', 'h.evalspec.yaml']);
    assert.ok(r.out.includes('attacker.invalid'));
    assert.doesNotMatch(r.out, /[\u0000-\u0009\u000b-\u001f]/);
    assert.ok(!r.out.split('\n').some((l) => l.startsWith('x.evalspec.yaml')), r.out);
  });
});
