// The panel's HTML shell and its Content-Security-Policy: exact policy, a fresh nonce per render,
// nothing remote, no inline script or style, every value escaped; and the tab title, from the
// spec's name (user text) or its file name.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, createNonce, escapeHtml, maxTitleChars, panelHtml, panelTitle } from '../../../client/src/panels/html';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const opts = (nonce: string) => ({
  kind: 'calibration' as const,
  title: 'Calibration: support-chat',
  cspSource,
  scriptUri: `${cspSource}/ext/dist/webview/panel.js`,
  styleUri: `${cspSource}/ext/dist/webview/panel.css`,
  nonce,
});

describe('webview HTML and CSP', () => {
  it('builds the exact policy', () => {
    assert.equal(
      contentSecurityPolicy(cspSource, 'abc123=='),
      `default-src 'none'; script-src 'nonce-abc123=='; style-src ${cspSource} 'nonce-abc123=='; img-src ${cspSource} data:; font-src ${cspSource}`,
    );
  });

  it('draws a new 128-bit nonce from the CSPRNG for every render', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(createNonce());
    assert.equal(seen.size, 1000);
    for (const n of seen) assert.equal(Buffer.from(n, 'base64').length, 16);
    const a = panelHtml(opts(createNonce()));
    const b = panelHtml(opts(createNonce()));
    assert.notEqual(/nonce-([^']+)'/.exec(a)?.[1], /nonce-([^']+)'/.exec(b)?.[1]);
  });

  it('puts the policy in a meta tag and stamps the one script and stylesheet with the nonce', () => {
    const nonce = createNonce();
    const html = panelHtml(opts(nonce));
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(meta, 'no CSP meta tag');
    assert.equal(meta[1], contentSecurityPolicy(cspSource, nonce));
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]!, new RegExp(`src="${cspSource.replace(/[.+]/g, '\\$&')}/ext/dist/webview/panel.js" nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`));
    assert.match(html, /<script [^>]*><\/script>/, 'the script tag has a body (inline script)');
    assert.doesNotMatch(html, /<style\b/, 'inline <style>');
    assert.doesNotMatch(html, /\sstyle="/, 'inline style attribute');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'inline event handler');
  });

  it('loads nothing remote: every URL is the webview resource origin', () => {
    const html = panelHtml(opts(createNonce()));
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(urls.length, 2);
    for (const u of urls) assert.ok(u.startsWith(`${cspSource}/`), u);
    const policy = contentSecurityPolicy(cspSource, 'n');
    assert.doesNotMatch(policy, /\*|'unsafe-inline'|'unsafe-eval'|https?:\/\/(?!file\+\.vscode-resource)/);
  });

  it('escapes attribute values', () => {
    const html = panelHtml({ ...opts('n'), scriptUri: 'x" onload="alert(1)' });
    assert.doesNotMatch(html, /" onload="/);
    assert.match(html, /x&quot; onload=&quot;alert\(1\)/);
  });

  it('escapes every value it is given, and the policy stays strict with any nonce', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>&amp;';
    const html = panelHtml({ kind: 'routing', title: hostile, cspSource: hostile, scriptUri: hostile, styleUri: hostile, nonce: hostile });
    // The only tags are the shell's own: one script (the bundle), one stylesheet link, no <img>.
    const tags = [...html.matchAll(/<([a-z0-9]+)\b/gi)].map((m) => m[1]!.toLowerCase());
    assert.deepEqual(tags, ['html', 'head', 'meta', 'meta', 'meta', 'title', 'link', 'body', 'main', 'h1', 'p', 'script']);
    // title, h1, link href and nonce, script src and nonce, and in the CSP 3 sources and 2 nonces
    assert.equal(html.split(escapeHtml(hostile)).length - 1, 2 + 2 + 2 + 5);
    assert.doesNotMatch(html, /<script>alert|<img/);
    const policy = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', createNonce());
    assert.match(policy, /^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/]{22}=='; style-src \S+ 'nonce-[A-Za-z0-9+/]{22}=='; img-src \S+ data:; font-src \S+$/);
  });

  it('puts the title in <title> and <h1> as text', () => {
    const html = panelHtml({ ...opts('n'), title: panelTitle('calibration', 'a <b>bold</b> & "quoted" spec', 'file:///w/s.evalspec.yaml') });
    assert.match(html, /<title>Calibration: a &lt;b&gt;bold&lt;\/b&gt; &amp; &quot;quoted&quot; spec<\/title>/);
    assert.match(html, /<h1>Calibration: a &lt;b&gt;bold&lt;\/b&gt; &amp; &quot;quoted&quot; spec<\/h1>/);
  });
});

describe('panel tab title', () => {
  const uri = 'file:///work/specs/support-chat.evalspec.yaml';
  it("is the spec's name, else its file name without .evalspec.yaml", () => {
    assert.equal(panelTitle('calibration', 'Checkout bot', uri), 'Calibration: Checkout bot');
    assert.equal(panelTitle('routing', 'Checkout bot', uri), 'Routing: Checkout bot');
    for (const none of [undefined, null, '', '   ', '\n\t']) assert.equal(panelTitle('calibration', none, uri), 'Calibration: support-chat', JSON.stringify(none));
    assert.equal(panelTitle('routing', null, 'file:///w/My%20Spec.evalspec.yml'), 'Routing: My Spec');
    assert.equal(panelTitle('routing', null, 'file:///w/bad%E0%A4.evalspec.yaml'), 'Routing: bad%E0%A4', 'a malformed escape is kept as written');
    assert.equal(panelTitle('routing', null, 'file:///w/.evalspec.yaml'), 'Routing: untitled');
  });
  it('keeps user text on one line with no control or bidi characters', () => {
    assert.equal(panelTitle('calibration', 'two\nlines\r\n\u0007bell', uri), 'Calibration: two lines bell');
    assert.equal(panelTitle('calibration', 'admin\u202egnp.exe\u2066x\u2069\u200f', uri), 'Calibration: admin gnp.exe x');
    assert.equal(panelTitle('calibration', '<script>alert(1)</script>', uri), 'Calibration: <script>alert(1)</script>', 'a tab title is text: kept as written, escaped where it enters HTML');
  });
  it(`cuts a long name at ${maxTitleChars} characters (code points) with an ellipsis`, () => {
    const long = 'é'.repeat(maxTitleChars + 20);
    const t = panelTitle('routing', long, uri);
    assert.equal([...t.slice('Routing: '.length)].length, maxTitleChars);
    assert.ok(t.endsWith('…'));
    const astral = '😀'.repeat(maxTitleChars + 1);
    assert.equal([...panelTitle('routing', astral, uri).slice('Routing: '.length)].length, maxTitleChars, 'no surrogate pair cut in half');
    assert.equal(panelTitle('routing', 'x'.repeat(maxTitleChars), uri), `Routing: ${'x'.repeat(maxTitleChars)}`);
  });
});
