// Entry of the webview bundle (dist/webview/panel.js, an IIFE loaded with the CSP nonce). States:
// loading → report | error; every message from the extension is checked with a guard, and every
// state ends in content or in a message as text. The panel's (kind, spec) is kept with setState so
// the extension's serializer can restore it after a reload.
import { renderCalibration } from './calibration';
import { readTheme, serializeSvg, svgToPng, type ExportHandler } from './charts';
import { actionButton, h, prose } from './dom';
import { isHostMessage, type HostMessage, type PanelMessage, type PanelState, type ReportMessage } from '../src/webview/protocol';
import { renderRouting } from './routing';

interface VsCodeApi {
  postMessage(message: PanelMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
let current: ReportMessage | undefined;
let statusLine: HTMLElement | undefined;

function setStatus(text: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
  if (statusLine) {
    statusLine.replaceChildren(...prose(text));
    statusLine.className = kind;
  }
}

const exportFigure: ExportHandler = (figure, format, svg) => {
  const theme = readTheme();
  const text = serializeSvg(svg, theme);
  if (format === 'svg') {
    vscode.postMessage({ type: 'exportFigure', figure, format, content: text });
    return;
  }
  const box = svg.viewBox.baseVal;
  svgToPng(text, box?.width || svg.clientWidth, box?.height || svg.clientHeight).then(
    (png) => vscode.postMessage({ type: 'exportFigure', figure, format, content: png }),
    (e: unknown) => setStatus(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`, 'error'),
  );
};

/**
 * Refresh, and the two Markdown exports. Without a report there is nothing to export: the export
 * buttons are disabled and their title (tooltip) says why.
 */
function toolbar(nothingToExport?: string): HTMLElement {
  const refresh = actionButton({ id: 'refresh' }, 'Refresh', () => vscode.postMessage({ type: 'refresh' }));
  const copy = actionButton({ id: 'copy-markdown' }, 'Copy Markdown summary', () => vscode.postMessage({ type: 'exportMarkdown', to: 'clipboard' }), nothingToExport);
  const save = actionButton({ id: 'save-markdown' }, 'Save Markdown…', () => vscode.postMessage({ type: 'exportMarkdown', to: 'file' }), nothingToExport);
  return h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Report actions' }, refresh, copy, save);
}

function contentWidth(): number {
  return Math.max(320, Math.min(1100, (document.documentElement.clientWidth || 800) - 48));
}

function render(m: HostMessage): void {
  if (m.type === 'exportDone') {
    setStatus(m.message, m.ok ? 'ok' : 'error');
    return;
  }
  vscode.setState({ kind: m.kind, specUri: m.specUri });
  const title = m.kind === 'calibration' ? 'Judge calibration' : 'Router results';
  if (m.type === 'loading') {
    app.setAttribute('aria-busy', 'true');
    // Keep the last report on screen while a new one loads; say it is refreshing.
    if (current && current.specUri === m.specUri) {
      setStatus('Refreshing…');
      return;
    }
    statusLine = h('p', { id: 'status', role: 'status' }, 'Loading the report…');
    app.replaceChildren(h('h1', {}, title), statusLine);
    return;
  }
  app.setAttribute('aria-busy', 'false');
  if (m.type === 'error') {
    current = undefined;
    statusLine = h('p', { id: 'status', role: 'status' });
    app.replaceChildren(
      h('h1', {}, m.specName ? `${title}: ${m.specName}` : title),
      toolbar('Nothing to export: there is no report (see the message below).'),
      ...gateWithoutEvidence(m.kind, m.error.code),
      h('div', { id: 'error', class: 'error', role: 'alert' }, h('h2', {}, 'The report could not be made'), h('p', { id: 'error-message' }, ...prose(m.error.message)), h('p', { class: 'code' }, `(${m.error.code})`)),
      statusLine,
    );
    return;
  }
  current = m;
  draw(m);
}

/** A calibration file that was looked for and could not be used leaves the judge gate BLOCKED (it fails closed). */
function gateWithoutEvidence(kind: string, code: string): HTMLElement[] {
  if (kind !== 'calibration' || !code.startsWith('data-')) return [];
  return [h('div', { id: 'verdict', class: 'verdict blocked' }, h('h2', { id: 'verdict-title' }, 'Judge-gated launches: BLOCKED'), h('p', { id: 'verdict-summary' }, 'No evidence: the calibration data could not be used (below), so the judge gate stays closed.'))];
}

function draw(m: ReportMessage): void {
  const r = m.report;
  const started = performance.now();
  const theme = readTheme();
  const width = contentWidth();
  statusLine = h('p', { id: 'status', role: 'status' }, `Updated ${new Date(m.updatedAt).toLocaleTimeString()}.`);
  const bad = r.source.badRows;
  const source = h(
    'p',
    { id: 'source', class: 'source' },
    `Data: ${r.source.path} (${r.source.format}, ${r.source.rows.toLocaleString('en-US')} rows used${bad.count ? `, ${bad.count.toLocaleString('en-US')} bad rows left out` : ''}).`,
  );
  const badList = bad.count
    ? h('details', { id: 'bad-rows' }, h('summary', {}, `${bad.count.toLocaleString('en-US')} bad rows (first ${bad.examples.length})`), h('ul', {}, ...bad.examples.map((e) => h('li', {}, `row ${e.row} (line ${e.line})${e.column ? `, column ${e.column}` : ''}: `, ...prose(e.message)))))
    : null;
  const sections = r.kind === 'calibration' ? renderCalibration(r, theme, width, exportFigure) : renderRouting(r, theme, width, exportFigure);
  app.replaceChildren(h('h1', {}, `${r.kind === 'calibration' ? 'Judge calibration' : 'Router results'}${r.specName ? `: ${r.specName}` : ''}`), toolbar(), statusLine, source, badList ?? '', ...sections);
  const drawMs = Math.round(performance.now() - started);
  // Timings are developer figures: the extension logs them to the "EvalSpec" output; the page keeps
  // them only as data attributes (never drawn) for the real-editor timing test.
  vscode.postMessage({ type: 'drawn', ms: drawMs });
  app.setAttribute('data-request-ms', String(m.requestMs ?? ''));
  app.setAttribute('data-draw-ms', String(drawMs));
  app.setAttribute('data-ready', 'true');
}

// A refused script, style or image would mean the CSP and the bundle disagree: say so in the
// console (the real-editor test fails on it) instead of silently drawing less.
document.addEventListener('securitypolicyviolation', (e) => {
  console.error(`EvalSpec panel CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'an inline resource'}`);
});

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (isHostMessage(e.data)) render(e.data);
});

// Redraw with the new colours when the theme changes (VS Code swaps the body's classes), and with
// the new width when the panel is resized.
new MutationObserver(() => current && draw(current)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let resizeTimer: number | undefined;
let lastWidth = contentWidth();
window.addEventListener('resize', () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    const w = contentWidth();
    if (current && Math.abs(w - lastWidth) > 16) {
      lastWidth = w;
      draw(current);
    }
  }, 150);
});

vscode.postMessage({ type: 'ready' });
