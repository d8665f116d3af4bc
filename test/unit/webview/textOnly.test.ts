// The panels put every string from a data file or a spec (cohort, month, batch, tier names, paths,
// messages) into the DOM as text. Two checks: (1) no source file of the webview or the client uses
// an HTML sink (innerHTML, outerHTML, insertAdjacentHTML, document.write, srcdoc, event-handler
// attributes, eval); (2) the DOM helpers every panel table and caption goes through (dom.ts), run
// against a recording document, turn every hostile string into a text node and never into markup
// or an attribute. test/e2e/panels.test.ts draws hostile cohort names in the real editor.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionButton, h, prose, table } from '../../../client/webview/dom';
import { repoRoot } from '../../support/reference';

const hostile = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '[click](command:workbench.action.terminal.new)', '" onmouseover="alert(1)', 'line\nbreak \u001b[31m'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('webview text only', () => {
  it('no HTML sink in the webview or client sources', () => {
    const files = [...sourcesUnder(join(repoRoot, 'client', 'webview')), ...sourcesUnder(join(repoRoot, 'client', 'src'))];
    assert.ok(files.length >= 5);
    const sinks = /\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|\bsrcdoc\b|\beval\(|new Function\(|setAttribute\(\s*['"`]on|createContextualFragment|DOMParser/;
    for (const f of files) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        assert.doesNotMatch(line, sinks, `${f}:${i + 1}`);
      });
    }
  });

  it('h() and table() put every string in a text node', () => {
    withFakeDocument(() => {
      const t = table({ id: 'spearman', caption: hostile[0]!, header: hostile, rows: [hostile, hostile.map((text) => ({ text, className: 'below' }))] }) as unknown as FakeNode;
      const p = h('p', { class: 'note' }, ...hostile) as unknown as FakeNode;
      const texts: string[] = [];
      const walk = (n: FakeNode) => {
        if (n.kind === 'text') texts.push(n.data);
        else {
          for (const v of Object.values(n.attrs)) for (const s of hostile) assert.ok(!v.includes(s), `${s} in an attribute`);
          n.children.forEach(walk);
        }
      };
      walk(t);
      walk(p);
      for (const s of hostile) assert.equal(texts.filter((x) => x === s).length, s === hostile[0] ? 5 : 4, s);
    });
  });

  it('prose() shows Markdown code spans as <code> text, never as markup, and keeps everything else as text', () => {
    withFakeDocument(() => {
      const shape = (text: string) => prose(text).map((c) => (typeof c === 'string' ? c : { tag: (c as unknown as FakeElement).tag, text: textOf(c as unknown as FakeNode) }));
      assert.deepEqual(shape('set `judge.calibration.data` to a CSV file'), ['set ', { tag: 'code', text: 'judge.calibration.data' }, ' to a CSV file']);
      assert.deepEqual(shape('run `npm install x` in a folder and set `a.b`.'), ['run ', { tag: 'code', text: 'npm install x' }, ' in a folder and set ', { tag: 'code', text: 'a.b' }, '.']);
      assert.deepEqual(shape('`<img src=x onerror=alert(1)>`'), [{ tag: 'code', text: '<img src=x onerror=alert(1)>' }]);
      for (const kept of ['a lone ` stays', 'as does `` (empty)', 'and a `broken\nspan`']) assert.deepEqual(shape(kept), [kept]);
      assert.deepEqual(shape(''), []);
      for (const s of hostile) assert.equal(prose(s).map((c) => (typeof c === 'string' ? c : textOf(c as unknown as FakeNode))).join(''), s, 'no backtick: the text itself');
      // No text that reaches a panel keeps its backticks once it went through prose().
      for (const s of ['`a`', 'x `b` y `c` z']) assert.ok(prose(s).every((c) => typeof c !== 'string' || !/`[^`]+`/.test(c)));
    });
  });

  it('actionButton() without a reason is wired; with one it is disabled, unwired, and its title says why', () => {
    withFakeDocument(() => {
      let clicks = 0;
      const on = actionButton({ id: 'copy' }, 'Copy', () => clicks++) as unknown as FakeElement;
      assert.equal(on.attrs['disabled'], undefined);
      assert.equal(on.attrs['type'], 'button');
      on.listeners.get('click')!();
      assert.equal(clicks, 1);
      const off = actionButton({ id: 'copy', title: 'ignored' }, 'Copy', () => clicks++, 'Nothing to export: there is no report.') as unknown as FakeElement;
      assert.equal(off.attrs['disabled'], '');
      assert.equal(off.attrs['aria-disabled'], 'true');
      assert.equal(off.attrs['title'], 'Nothing to export: there is no report.');
      assert.equal(off.listeners.size, 0);
      assert.equal(textOf(off), 'Copy');
    });
  });
});

type FakeElement = { kind: 'element'; tag: string; attrs: Record<string, string>; children: FakeNode[]; listeners: Map<string, () => void> };
type FakeNode = FakeElement | { kind: 'text'; data: string };

function textOf(n: FakeNode): string {
  return n.kind === 'text' ? n.data : n.children.map(textOf).join('');
}

/** Runs `f` with a recording `document` whose elements refuse innerHTML. */
function withFakeDocument(f: () => void): void {
  const fakeDocument = {
    createElement: (tag: string) => {
      const el: FakeElement = { kind: 'element', tag, attrs: {}, children: [], listeners: new Map() };
      return Object.assign(el, {
        setAttribute: (k: string, v: string) => void (el.attrs[k] = v),
        append: (...c: FakeNode[]) => void el.children.push(...c),
        addEventListener: (type: string, l: () => void) => void el.listeners.set(type, l),
        set innerHTML(_v: string) {
          throw new Error('innerHTML used');
        },
      });
    },
    createTextNode: (data: string) => ({ kind: 'text' as const, data }),
  };
  const g = globalThis as { document?: unknown };
  const saved = g.document;
  g.document = fakeDocument;
  try {
    f();
  } finally {
    g.document = saved;
  }
}
