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
import { h, table } from '../../../client/webview/dom';
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
    type FakeNode = { kind: 'element'; tag: string; attrs: Record<string, string>; children: FakeNode[] } | { kind: 'text'; data: string };
    const fakeDocument = {
      createElement: (tag: string) => {
        const el = { kind: 'element' as const, tag, attrs: {} as Record<string, string>, children: [] as FakeNode[] };
        return Object.assign(el, {
          setAttribute: (k: string, v: string) => void (el.attrs[k] = v),
          append: (...c: FakeNode[]) => void el.children.push(...c),
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
    } finally {
      g.document = saved;
    }
  });
});
