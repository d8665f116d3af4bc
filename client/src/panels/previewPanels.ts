// The calibration and routing preview panels: one webview per (report kind, spec), opened beside
// the editor, refreshed when the spec is saved or its data file changes, restored after a reload by
// a serializer. The extension side only asks the server for the report and forwards it; every figure
// is the server's, every DOM node is built by the webview bundle (dist/webview/panel.js).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RequestType, type LanguageClient } from 'vscode-languageclient/node';
import { reportRequests, type DataReportParams, type DataReportResult } from '../../../server/src/protocol';
import { reportMarkdown } from '../../../server/src/data/reportText';
import { is, isPanelMessage, isPanelState, viewTypes, type HostMessage, type PanelModel, type PanelState, type ReportKind } from '../webview/protocol';
import { createNonce, panelHtml, panelTitle } from './html';

const requestTypes: Record<ReportKind, RequestType<DataReportParams, DataReportResult<PanelModel>, void>> = {
  calibration: new RequestType(reportRequests.calibration),
  routing: new RequestType(reportRequests.routing),
};

/** A report request that has not answered by then is shown as an error, not as an endless spinner. */
const requestTimeoutMs = 120_000;

class PreviewPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private dataWatcher: { pattern: string; watcher: vscode.FileSystemWatcher } | undefined;
  private ready = false;
  private pending: HostMessage | undefined;
  private generation = 0;
  private lastReport: PanelModel | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly state: PanelState,
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => Promise<LanguageClient | undefined>,
    private readonly log: (line: string) => void,
    private readonly onDispose: () => void,
  ) {
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.webview.html = panelHtml({
      kind: state.kind,
      title: panel.title,
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'panel.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'panel.css')).toString(),
      nonce: createNonce(),
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.toString() === state.specUri) void this.refresh();
      }),
    );
  }

  private post(m: HostMessage): void {
    if (m.type !== 'exportDone') this.pending = m;
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isPanelMessage(m)) return; // anything else is not from our bundle: ignore it
    if (is.ready(m)) {
      this.ready = true;
      // The state is also set here, so a panel the serializer restores knows its spec.
      if (this.pending) void this.panel.webview.postMessage(this.pending);
      else void this.refresh();
    } else if (is.refresh(m)) void this.refresh();
    else if (is.exportFigure(m)) await this.exportFigure(m.figure, m.format, m.content);
    else if (is.exportMarkdown(m)) await this.exportMarkdown(m.to);
    else if (is.drawn(m)) this.log(`${this.panel.title}: drawn in ${Math.round(m.ms)} ms`);
  }

  async refresh(): Promise<void> {
    const { kind, specUri } = this.state;
    const generation = ++this.generation;
    this.post({ type: 'loading', kind, specUri });
    if (!vscode.workspace.isTrusted) {
      this.post({ type: 'error', kind, specUri, error: { code: 'untrusted-workspace', message: 'This workspace is not trusted, so EvalSpec does not read the data files its specs name. Trust the workspace (Manage Workspace Trust) to see the report.' } });
      return;
    }
    let result: DataReportResult<PanelModel>;
    const asked = Date.now();
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the language server did not answer within ${requestTimeoutMs / 1000} s`)), requestTimeoutMs);
      });
      try {
        const ask = async () => {
          const c = await this.client();
          if (!c || !c.isRunning()) throw new Error('the EvalSpec language server is not running (see the "EvalSpec" output)');
          return c.sendRequest(requestTypes[kind], { uri: specUri });
        };
        result = await Promise.race([ask(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    } catch (e) {
      result = { error: { code: 'request-failed', message: `The ${kind} report could not be fetched: ${e instanceof Error ? e.message : String(e)}` } };
    }
    if (generation !== this.generation) return; // a newer refresh owns the panel
    const requestMs = Date.now() - asked;
    if ('error' in result) {
      if (result.error.code === 'cancelled') return; // the newer request's answer will come
      this.lastReport = undefined;
      if (result.specName !== undefined) this.panel.title = panelTitle(kind, result.specName, specUri);
      this.log(`${this.panel.title}: no report after ${requestMs} ms (${result.error.code})`);
      this.post({ type: 'error', kind, specUri, error: result.error, specName: result.specName });
      return;
    }
    this.lastReport = result.report;
    this.panel.title = panelTitle(kind, result.report.specName, specUri);
    this.log(`${this.panel.title}: report of ${result.report.source.rows.toLocaleString('en-US')} rows in ${requestMs} ms`);
    this.watchData(result.report.source.path);
    this.post({ type: 'report', kind, specUri, report: result.report, updatedAt: new Date().toISOString(), requestMs });
  }

  /** Watches the data file the report was read from, so a regenerated file refreshes the panel. */
  private watchData(dataPath: string): void {
    const spec = vscode.Uri.parse(this.state.specUri);
    const file = vscode.Uri.joinPath(spec, '..', dataPath);
    const pattern = new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), path.posix.basename(file.path));
    const key = file.toString();
    if (this.dataWatcher?.pattern === key) return;
    this.dataWatcher?.watcher.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onChange = () => void this.refresh();
    watcher.onDidChange(onChange);
    watcher.onDidCreate(onChange);
    watcher.onDidDelete(onChange);
    this.dataWatcher = { pattern: key, watcher };
  }

  private defaultExportUri(name: string): vscode.Uri {
    const spec = vscode.Uri.parse(this.state.specUri);
    const base = path.posix.basename(spec.path).replace(/\.evalspec\.ya?ml$/, '');
    return vscode.Uri.joinPath(spec, '..', `${base}-${name}`);
  }

  private async exportFigure(figure: string, format: 'svg' | 'png', content: string): Promise<void> {
    const target = await vscode.window.showSaveDialog({
      defaultUri: this.defaultExportUri(`${figure}.${format}`),
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      title: `Export ${figure} as ${format.toUpperCase()}`,
    });
    if (!target) return;
    const bytes = format === 'svg' ? Buffer.from(content, 'utf8') : Buffer.from(content.slice(content.indexOf(',') + 1), 'base64');
    try {
      await vscode.workspace.fs.writeFile(target, bytes);
      this.post({ type: 'exportDone', ok: true, message: `Saved ${target.fsPath}` });
    } catch (e) {
      this.post({ type: 'exportDone', ok: false, message: `Could not save ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private async exportMarkdown(to: 'clipboard' | 'file'): Promise<void> {
    if (!this.lastReport) {
      this.post({ type: 'exportDone', ok: false, message: 'There is no report to export yet.' });
      return;
    }
    const md = reportMarkdown(this.lastReport);
    if (to === 'clipboard') {
      await vscode.env.clipboard.writeText(md);
      this.post({ type: 'exportDone', ok: true, message: 'Markdown summary copied to the clipboard.' });
      return;
    }
    const target = await vscode.window.showSaveDialog({ defaultUri: this.defaultExportUri(`${this.state.kind}.md`), filters: { Markdown: ['md'] } });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, Buffer.from(md, 'utf8'));
      this.post({ type: 'exportDone', ok: true, message: `Saved ${target.fsPath}` });
    } catch (e) {
      this.post({ type: 'exportDone', ok: false, message: `Could not save ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  dispose(): void {
    this.generation++;
    this.dataWatcher?.watcher.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

export class PreviewPanels implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private shuttingDown = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => Promise<LanguageClient | undefined>,
    /** Where timings go (the "EvalSpec" output channel): developer figures, not panel text. */
    private readonly log: (line: string) => void = () => undefined,
  ) {
    for (const kind of ['calibration', 'routing'] as const) {
      this.disposables.push(
        vscode.window.registerWebviewPanelSerializer(viewTypes[kind], {
          deserializeWebviewPanel: async (panel, state: unknown) => {
            if (isPanelState(state) && state.kind === kind) {
              this.attach(panel, state);
              return;
            }
            // A reload soon after opening can come before the webview saved its state: fall back
            // on the specs this workspace had panels open for.
            const specUri = this.remembered(kind).reverse().find((u) => !this.panels.has(`${kind}\0${u}`));
            if (specUri) this.attach(panel, { kind, specUri });
            else panel.dispose(); // nothing to restore it from
          },
        }),
      );
    }
  }

  /** Opens (or reveals) the panel of `kind` for a spec, beside the editor. */
  open(kind: ReportKind, specUri: string): void {
    const key = `${kind}\0${specUri}`;
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      void existing.refresh();
      return;
    }
    // Titled by the file until the server answers with the spec's name.
    const panel = vscode.window.createWebviewPanel(viewTypes[kind], panelTitle(kind, undefined, specUri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')],
    });
    this.attach(panel, { kind, specUri });
  }

  /** Refreshes every open panel (server restarted, trust granted). */
  refreshAll(): void {
    for (const p of this.panels.values()) void p.refresh();
  }

  private attach(panel: vscode.WebviewPanel, state: PanelState): void {
    const key = `${state.kind}\0${state.specUri}`;
    this.panels.get(key)?.panel.dispose();
    const p = new PreviewPanel(panel, state, this.context.extensionUri, this.client, this.log, () => {
      if (this.panels.get(key) === p) this.panels.delete(key);
      // Closed by the user (not by a window reload): no longer one to restore.
      if (!this.shuttingDown) this.remember(state.kind, state.specUri, false);
    });
    this.panels.set(key, p);
    this.remember(state.kind, state.specUri, true);
  }

  private remembered(kind: ReportKind): string[] {
    return [...this.context.workspaceState.get<string[]>(`evalspec.openPanels.${kind}`, [])];
  }

  private remember(kind: ReportKind, specUri: string, open: boolean): void {
    const list = this.remembered(kind).filter((u) => u !== specUri);
    if (open) list.push(specUri);
    void this.context.workspaceState.update(`evalspec.openPanels.${kind}`, list.slice(-20));
  }

  dispose(): void {
    this.shuttingDown = true;
    for (const p of [...this.panels.values()]) p.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
