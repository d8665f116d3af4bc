// Text from a spec or a data file is text. Every output that interprets characters — Markdown (hovers,
// inlay-hint tooltips, the reports' Markdown), a terminal (the CLI's text output), SARIF viewers —
// gets user text through one of these functions, so a cohort named
// `[click](command:…) <img src=x onerror=…> ![t](https://attacker.invalid/t.png)` is shown as those
// characters and nothing else: no link, no image, no HTML, no extra line, no terminal colour.

/**
 * Characters that change how a line reads (ESC and the other C0 controls including CR, LF and TAB,
 * DEL, the C1 controls, Unicode line/paragraph separators, bidirectional overrides and isolates,
 * which can reorder what a reader sees), shown as visible escapes: `\n`, `\r`, `\t`, `\x1b`, `\u202e`.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visibleControl(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of plain text for a terminal: control characters (ANSI escapes, CR/LF…) made visible. */
export function terminalText(s: string): string {
  return String(s).replace(CONTROL, visibleControl);
}

// CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that start
// emphasis, code, links, images, HTML, entities, tables, strikethrough, math (GitHub renders `$…$`)
// or headings.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#!|~&$]/g;

/**
 * User text inside Markdown, inline: control characters made visible (so no line break can end a
 * table row or the verdict line), Markdown punctuation backslash-escaped (no link, image, HTML, code,
 * emphasis), and the starts of GFM's bare autolinks broken (`http://`, `www.`, `user@host`), so no
 * remote URL becomes a link or an image. Renders as exactly the original characters.
 */
export function escapeMarkdown(s: string): string {
  let out = terminalText(s).replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
  out = out.replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\\.').replace(/@/g, '\\@');
  // At the start of a line (a table cell or a paragraph), `-`, `+`, `=` or `1.` would make a list or heading.
  return out.replace(/^[-+=]/, '\\$&').replace(/^(\d+)\./, '$1\\.');
}

/** User text as an inline code span: literal inside (no Markdown), on one line, fenced past any backticks in it. */
export function markdownCode(s: string): string {
  const text = terminalText(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * SARIF plain-text `message.text`: viewers render `[text](target)` as an embedded link (SARIF 2.1.0
 * §3.11.6), which the specification escapes as `\[` and `\]`; control characters made visible.
 */
export function sarifText(s: string): string {
  return terminalText(s).replace(/[\\[\]]/g, (c) => `\\${c}`);
}
