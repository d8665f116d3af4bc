// The HTML shell of a preview panel. No data ever goes into this HTML: the report arrives as a
// message and the webview builds its DOM with createElement/textContent. The shell only loads the
// bundled script and stylesheet from dist/webview under a strict Content-Security-Policy:
//   default-src 'none'              nothing else loads (no fetch, no frames, no remote anything)
//   script-src 'nonce-N'            only the one bundle this render stamped
//   style-src <webview> 'nonce-N'   the bundled stylesheet; charts' own <style> elements get the nonce
//   img-src <webview> data:         PNG export rasterises the chart's SVG through a data: URL
//   font-src <webview>              the codicon-free panel needs none, but the theme's may be inlined
// Pure (no vscode import), so unit tests check it directly.
import { randomBytes } from 'node:crypto';
import type { ReportKind } from '../webview/protocol';

/** 128 random bits from the OS CSPRNG, base64: a fresh nonce per render. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export interface PanelHtmlOptions {
  kind: ReportKind;
  /** The panel's title (`panelTitle`): plain text, escaped here. */
  title: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri` of dist/webview/panel.js and panel.css. */
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

const kindWords: Record<ReportKind, string> = {
  calibration: 'Calibration',
  routing: 'Routing',
};

/** Longest tab title, in characters; a longer name ends in "…" (the heading inside shows it whole). */
export const maxTitleChars = 60;

/**
 * The tab title of a panel: "Calibration: <the spec's name>", else the spec's file name without
 * `.evalspec.yaml`. The name is user text: line breaks and other control characters, and the bidi
 * controls that could make a tab read as something else, become spaces; it is cut at maxTitleChars.
 */
export function panelTitle(kind: ReportKind, specName: string | null | undefined, specUri: string): string {
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  let name = clean(specName ?? '');
  if (name === '') {
    const raw = specUri.replace(/[?#].*$/, '').replace(/^.*\//, '');
    let base = raw;
    try {
      base = decodeURIComponent(raw);
    } catch {
      // a malformed escape: the file name as written
    }
    name = clean(base.replace(/\.evalspec\.ya?ml$/i, '')) || 'untitled';
  }
  const chars = [...name];
  if (chars.length > maxTitleChars) name = `${chars.slice(0, maxTitleChars - 1).join('')}…`;
  return `${kindWords[kind]}: ${name}`;
}

/** Text for HTML element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function panelHtml(o: PanelHtmlOptions): string {
  const csp = contentSecurityPolicy(o.cspSource, o.nonce);
  const title = escapeHtml(o.title);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title}</title>
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}" nonce="${escapeHtml(o.nonce)}">
</head>
<body data-kind="${escapeHtml(o.kind)}">
<main id="app" aria-busy="true" aria-live="polite">
<h1>${title}</h1>
<p id="status" role="status">Loading the report…</p>
</main>
<script src="${escapeHtml(o.scriptUri)}" nonce="${escapeHtml(o.nonce)}"></script>
</body>
</html>`;
}
