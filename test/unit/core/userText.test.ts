// The shared escaping of user text (server/src/core/text/userText.ts), checked by rendering with
// marked (GFM: bare autolinks, tables, strikethrough), the renderer family VS Code draws hovers with:
// the rendered HTML has no link, image, HTML element or formatting from the text, and reads as
// exactly the original characters (controls shown as escapes).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadMarkdownRenderer } from '../../support/markdown';
import { escapeMarkdown, markdownCode, sarifText, terminalText } from '../../../server/src/core/text/userText';

export const hostileTexts = [
  '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![t](https://attacker.invalid/t.png)',
  '<script>alert(1)</script>',
  '**bold** _em_ `code` ~~del~~ $x$',
  '<https://attacker.invalid/a> https://attacker.invalid/b www.attacker.invalid me@attacker.invalid',
  '[ref]: https://attacker.invalid/ref\n[x][ref]',
  '&lt;img src=x&gt; &amp; &#60;b&#62;',
  '# heading',
  '- item',
  '1. item',
  '= under',
  'a | b | c',
  'line one\nerror [forged] line two\r\nthree',
  'red \u001b[31mRED\u001b[0m \u001b]8;;https://attacker.invalid\u0007link\u001b]8;;\u0007',
  'bidi \u202egnp.exe\u202c and \u2028 separator',
  '\\[not a link\\](command:x)',
];

let render: (md: string) => string;
before(async () => (render = await loadMarkdownRenderer()));

function decode(html: string): string {
  return html.replace(/<\/?p>/g, '').trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('escapeMarkdown', () => {
  for (const text of hostileTexts) {
    it(`renders as its own characters: ${JSON.stringify(text).slice(0, 60)}`, () => {
      const html = render(escapeMarkdown(text));
      assert.doesNotMatch(html, /<(?!\/?p>)[a-z]/i, html);
      assert.equal(decode(html), terminalText(text));
      assert.equal(escapeMarkdown(text).includes('\n'), false);
    });
  }

  it('inside a table cell and after a prefix, still text', () => {
    for (const text of hostileTexts) {
      const html = render(`| a | b |\n| --- | --- |\n| ${escapeMarkdown(text)} | x |\n`);
      assert.doesNotMatch(html.replace(/<\/?(table|thead|tbody|tr|th|td)>/g, ''), /<(?!\/?p>)[a-z]/i, html);
      assert.equal((html.match(/<tr>/g) ?? []).length, 2, html);
      assert.equal((html.match(/<td>/g) ?? []).length, 2, html);
    }
  });
});

describe('markdownCode', () => {
  for (const text of [...hostileTexts, '`', 'a``b', '` x `']) {
    it(`one code span with the text: ${JSON.stringify(text).slice(0, 40)}`, () => {
      const html = render(markdownCode(text)).trim();
      const m = /^<p><code>([\s\S]*)<\/code><\/p>$/.exec(html);
      assert.ok(m, html);
      assert.equal(decode(m[1]!), terminalText(text));
    });
  }
});

describe('terminalText and sarifText', () => {
  it('leave no control character, line break, ESC, bidi override or line separator', () => {
    for (const text of hostileTexts) {
      for (const out of [terminalText(text), sarifText(text)]) {
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(out, /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }
    }
    assert.equal(terminalText('a\nb\u001b[31m'), 'a\\nb\\x1b[31m');
  });

  it('SARIF: brackets escaped, so no embedded link (SARIF 2.1.0 §3.11.6)', () => {
    assert.equal(sarifText('[click](command:x) a\\b'), '\\[click\\](command:x) a\\\\b');
  });
});
