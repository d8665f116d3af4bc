// Messages between a preview panel (webview) and the extension, declared once and imported by both
// sides (client/src/panels/ and the webview bundle). Every message that crosses the boundary is
// checked with a guard before use: the webview is a separate page, and what arrives is `unknown`.
// Errors travel as values (`error` messages), so the panel always ends in content or in text that
// says what went wrong, never in a spinner.
import type { PanelModel, ReportKind } from '../../../server/src/data/panelModel';

export type { PanelModel, ReportKind };

export const viewTypes: Record<ReportKind, string> = {
  calibration: 'evalspec.calibrationPreview',
  routing: 'evalspec.routingPreview',
};

/** What a panel persists (`vscode.setState`) so that the serializer can restore it after a reload. */
export interface PanelState {
  kind: ReportKind;
  specUri: string;
}

// ── extension → panel ────────────────────────────────────────────────────────────────────────────
export interface LoadingMessage {
  type: 'loading';
  kind: ReportKind;
  specUri: string;
}
export interface ReportMessage {
  type: 'report';
  kind: ReportKind;
  specUri: string;
  report: PanelModel;
  /** ISO time the report was received; shown as "updated …". */
  updatedAt: string;
  /**
   * Milliseconds from the panel asking to the server's answer. Never shown: the panel keeps it in a
   * data attribute for the real-editor timing test; the extension logs it to the "EvalSpec" output.
   */
  requestMs?: number;
}
export interface ErrorMessage {
  type: 'error';
  kind: ReportKind;
  specUri: string;
  error: { code: string; message: string };
  /** The spec's `name` when the server could read it (the heading and tab say it even without a report). */
  specName?: string | null;
}
/** The outcome of an export the panel asked for, shown in the panel's status line. */
export interface ExportDoneMessage {
  type: 'exportDone';
  ok: boolean;
  message: string;
}
export type HostMessage = LoadingMessage | ReportMessage | ErrorMessage | ExportDoneMessage;

// ── panel → extension ────────────────────────────────────────────────────────────────────────────
export interface ReadyMessage {
  type: 'ready';
}
export interface RefreshMessage {
  type: 'refresh';
}
export interface ExportFigureMessage {
  type: 'exportFigure';
  /** File-name-safe id of the figure (e.g. `spearman-by-month`). */
  figure: string;
  format: 'svg' | 'png';
  /** SVG text, or a `data:image/png;base64,…` URL. */
  content: string;
}
export interface ExportMarkdownMessage {
  type: 'exportMarkdown';
  to: 'clipboard' | 'file';
}
/** The panel drew a report: how long the DOM and charts took, for the output channel (not the UI). */
export interface DrawnMessage {
  type: 'drawn';
  ms: number;
}
export type PanelMessage = ReadyMessage | RefreshMessage | ExportFigureMessage | ExportMarkdownMessage | DrawnMessage;

/** Largest export accepted from a panel (a 1400×900 PNG is ~0.5 MB; SVGs of these charts < 1 MB). */
export const maxExportChars = 32 * 1024 * 1024;

// ── guards ───────────────────────────────────────────────────────────────────────────────────────
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
export const isReportKind = (v: unknown): v is ReportKind => v === 'calibration' || v === 'routing';

export function isPanelState(v: unknown): v is PanelState {
  return isObj(v) && isReportKind(v['kind']) && isStr(v['specUri']) && v['specUri'].length > 0;
}

/** A report model: its kind and the parts every renderer reads first; the rest is the server's own output. */
function isPanelModel(v: unknown): v is PanelModel {
  if (!isObj(v) || !isReportKind(v['kind'])) return false;
  const src = v['source'];
  if (!isObj(src) || !isStr(src['path']) || typeof src['rows'] !== 'number' || !isObj(src['badRows'])) return false;
  if (v['kind'] === 'calibration') return isObj(v['verdict']) && isObj(v['spearman']) && isObj(v['thresholds']) && Array.isArray(v['reliability']) && Array.isArray(v['judgeVsHuman']);
  return Array.isArray(v['shares']) && Array.isArray(v['alerts']) && Array.isArray(v['costPerTier']) && Array.isArray(v['tiers']);
}

export const is = {
  loading: (v: unknown): v is LoadingMessage => isObj(v) && v['type'] === 'loading' && isReportKind(v['kind']) && isStr(v['specUri']),
  report: (v: unknown): v is ReportMessage =>
    isObj(v) && v['type'] === 'report' && isReportKind(v['kind']) && isStr(v['specUri']) && isStr(v['updatedAt']) && (v['requestMs'] === undefined || typeof v['requestMs'] === 'number') && isPanelModel(v['report']) && (v['report'] as PanelModel).kind === v['kind'],
  error: (v: unknown): v is ErrorMessage =>
    isObj(v) && v['type'] === 'error' && isReportKind(v['kind']) && isStr(v['specUri']) && isObj(v['error']) && isStr(v['error']['code']) && isStr(v['error']['message']) && (v['specName'] === undefined || v['specName'] === null || isStr(v['specName'])),
  exportDone: (v: unknown): v is ExportDoneMessage => isObj(v) && v['type'] === 'exportDone' && typeof v['ok'] === 'boolean' && isStr(v['message']),
  ready: (v: unknown): v is ReadyMessage => isObj(v) && v['type'] === 'ready',
  refresh: (v: unknown): v is RefreshMessage => isObj(v) && v['type'] === 'refresh',
  exportFigure: (v: unknown): v is ExportFigureMessage =>
    isObj(v) &&
    v['type'] === 'exportFigure' &&
    isStr(v['figure']) &&
    /^[a-z0-9][a-z0-9-]{0,63}$/.test(v['figure']) &&
    (v['format'] === 'svg' || v['format'] === 'png') &&
    isStr(v['content']) &&
    v['content'].length <= maxExportChars &&
    (v['format'] === 'svg' ? /^<svg[\s>]/.test(v['content']) : v['content'].startsWith('data:image/png;base64,')),
  drawn: (v: unknown): v is DrawnMessage => isObj(v) && v['type'] === 'drawn' && typeof v['ms'] === 'number' && Number.isFinite(v['ms']) && v['ms'] >= 0,
  exportMarkdown: (v: unknown): v is ExportMarkdownMessage => isObj(v) && v['type'] === 'exportMarkdown' && (v['to'] === 'clipboard' || v['to'] === 'file'),
};

export function isHostMessage(v: unknown): v is HostMessage {
  return is.loading(v) || is.report(v) || is.error(v) || is.exportDone(v);
}

export function isPanelMessage(v: unknown): v is PanelMessage {
  return is.ready(v) || is.refresh(v) || is.exportFigure(v) || is.exportMarkdown(v) || is.drawn(v);
}
