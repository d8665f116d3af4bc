// LSP glue for the data files a spec names: the `evalspec/calibrationReport` and
// `evalspec/routingReport` requests, and the data diagnostics published with the spec's own.
// Reports are computed on open, on save and when a watched data file changes, never on a keystroke;
// only files inside the workspace folders the client named at initialize are read, and nothing is
// read while the client says the workspace is untrusted.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RequestType, type Connection, type InitializeParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSpec, type EvalSpecSettings, type Range, type SpecAnalysis, type SpecDiagnostic } from '../core';
import { notifications, requests, type CredentialsParams, type DataReportParams, type DataReportResult, type EngineProgressParams } from '../protocol';
import { dataDiagnostics } from './dataDiagnostics';
import { dataTargets, targetRange, workspaceRootFor, type DataJob } from './dataJob';
import { DataReportService } from './dataReports';
import { applySeverity, skippedDataFiles, specDataDiagnostics, type SpecDataResult } from './specData';
import { evidenceDiagnostics } from './evidence';
import { workerRunner } from './reportWorker';
import type { PanelModel, ReportKind } from './panelModel';

export interface DataFeatureHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysis(doc: TextDocument): SpecAnalysis;
  settings(): EvalSpecSettings;
  /** Re-publish a document's diagnostics (spec + data). */
  publish(uri: string): void;
  /** Whether the client trusts the workspace (nothing is read while it does not). */
  trusted(): boolean;
}

export class DataFeatures {
  private readonly service = new DataReportService(workerRunner(), (p) => {
    const params: EngineProgressParams = { uri: pathToFileURL(p.specPath).toString(), kind: p.kind, label: p.label, rows: p.rows, fraction: p.fraction, done: p.done };
    void this.host.connection.sendNotification(notifications.engineProgress, params);
  });
  private roots: string[] = [];
  /** From VS Code's secret storage (never from a spec); the environment's are the fallback. */
  private credentials: { user?: string; password?: string } | undefined;

  /**
   * The data diagnostics last built per (spec, report kind), with what they were built from: a
   * keystroke re-uses them (moved to the path's new range) instead of building every message again.
   */
  private readonly built = new Map<string, { result: object; severity: object; diagnostics: SpecDiagnostic[] }>();

  constructor(private readonly host: DataFeatureHost) {}

  private credentialsPart(): { credentials?: { user?: string; password?: string } } {
    return this.credentials ? { credentials: this.credentials } : {};
  }

  /** Reads the workspace folders from initialize. */
  initialize(params: InitializeParams): void {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.roots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  }

  /** The workspace folder that bounds the files a spec at `specPath` may name (undefined: none). */
  workspaceRoot(specPath: string): string | undefined {
    return workspaceRootFor(specPath, this.roots);
  }

  /**
   * What a design review reads its data reports through (this server's worker and cache, the
   * stored credentials), or undefined where no data file may be read (untrusted workspace, a spec
   * not on disk).
   */
  reviewData(uri: string): { service: DataReportService; workspaceRoots: string[]; credentials?: { user?: string; password?: string } } | undefined {
    if (!this.trusted || !uri.startsWith('file:')) return undefined;
    return { service: this.service, workspaceRoots: this.roots, ...this.credentialsPart() };
  }

  private get trusted(): boolean {
    return this.host.trusted();
  }

  register(): void {
    const { connection } = this.host;
    const handler = (kind: ReportKind) => async (p: DataReportParams): Promise<DataReportResult<PanelModel>> => {
      try {
        return await this.reportFor(p.uri, kind);
      } catch (e) {
        connection.console.error(`evalspec: ${kind} report for ${p.uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return { error: { code: 'internal-error', message: `EvalSpec could not compute the ${kind} report (an internal error, logged in the EvalSpec output channel).` } };
      }
    };
    connection.onRequest(new RequestType<DataReportParams, DataReportResult<PanelModel>, void>(requests.calibrationReport), handler('calibration'));
    connection.onRequest(new RequestType<DataReportParams, DataReportResult<PanelModel>, void>(requests.routingReport), handler('routing'));
    connection.onNotification(notifications.credentials, (p: CredentialsParams) => {
      const c = p?.clickhouse;
      this.credentials = c ? { ...(typeof c.user === 'string' ? { user: c.user } : {}), ...(typeof c.password === 'string' ? { password: c.password } : {}) } : undefined;
      this.service.drop();
      for (const d of this.host.documents.all()) this.refresh(d.uri);
    });
    connection.onNotification(notifications.cancelReport, (p: DataReportParams) => {
      if (p?.uri?.startsWith('file:')) this.service.drop(fileURLToPath(p.uri));
    });
    // A data file changed on disk: recompute every open spec's reports (unchanged files hit the cache).
    connection.onDidChangeWatchedFiles(() => {
      for (const d of this.host.documents.all()) this.refresh(d.uri);
    });
  }

  /** After initialize: follow workspace folders added and removed (when the client reports them). */
  initialized(clientSupportsFolders: boolean): void {
    if (!clientSupportsFolders) return;
    this.host.connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri)));
      const kept = this.roots.filter((r) => !removed.has(r));
      this.roots = [...kept, ...e.added.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri))];
      this.service.drop();
      for (const d of this.host.documents.all()) this.refresh(d.uri);
    });
  }

  /** Data diagnostics for the current version of a document, at the ranges where it names its files. */
  diagnostics(uri: string, analysis: SpecAnalysis): SpecDiagnostic[] {
    if (!this.trusted || !uri.startsWith('file:')) return [];
    const specPath = fileURLToPath(uri);
    const out: SpecDiagnostic[] = [];
    for (const t of dataTargets(analysis.model)) {
      const last = this.service.lastResult(specPath, t.kind);
      // A result for a path the spec no longer names (being edited) is not shown at the new range.
      if (!last || last.dataPath !== t.path) continue;
      out.push(...this.builtDiagnostics(`${specPath}\0${t.kind}`, last.result, targetRange(t, last.result), t.kind));
    }
    out.push(...applySeverity(evidenceDiagnostics(analysis.model, specPath, this.roots), this.host.settings()));
    return out;
  }

  private builtDiagnostics(slot: string, result: DataReportResult<PanelModel>, range: Range, kind: ReportKind): SpecDiagnostic[] {
    const severity = this.host.settings().severity;
    const hit = this.built.get(slot);
    if (hit && hit.result === result && hit.severity === severity) return hit.diagnostics.map((d) => ({ ...d, range }));
    const diagnostics = dataDiagnostics(result, range, severity, kind);
    this.built.set(slot, { result, severity, diagnostics });
    return diagnostics;
  }

  /**
   * The data diagnostics once the reports are in (awaiting them; cached reports are reused), with the
   * status of each file: what "Show figures as JSON" reports, equal to what the Problems panel shows.
   */
  async awaitedDiagnostics(uri: string, analysis: SpecAnalysis): Promise<SpecDataResult> {
    if (!this.trusted || !uri.startsWith('file:')) return { diagnostics: [], files: skippedDataFiles(analysis.model) };
    const result = await specDataDiagnostics(this.service, analysis.model, fileURLToPath(uri), this.roots, this.host.settings(), this.credentials);
    this.host.publish(uri); // the Problems panel shows the same reports
    return result;
  }

  /** Starts (or reuses) the reports of a document's data files and re-publishes when they complete. */
  refresh(uri: string): void {
    if (!this.trusted || !uri.startsWith('file:')) return;
    const doc = this.host.documents.get(uri);
    if (!doc) return;
    const analysis = this.host.analysis(doc);
    const model = analysis.model;
    if (!model) return;
    const specPath = fileURLToPath(uri);
    for (const t of dataTargets(model)) {
      const job: DataJob = { kind: t.kind, specPath, dataPath: t.path, model, settings: this.host.settings(), workspaceRoots: this.roots, ...this.credentialsPart() };
      void this.service.report(job).then((r) => {
        if ('error' in r && r.error.code === 'cancelled') return;
        this.host.publish(uri);
      });
    }
  }

  close(uri: string): void {
    if (!uri.startsWith('file:')) return;
    const specPath = fileURLToPath(uri);
    this.service.drop(specPath);
    for (const slot of this.built.keys()) if (slot.startsWith(`${specPath}\0`)) this.built.delete(slot);
  }

  dropAll(): void {
    this.service.drop();
    this.built.clear();
  }

  private async reportFor(uri: string, kind: ReportKind): Promise<DataReportResult<PanelModel>> {
    if (!this.trusted) return { error: { code: 'untrusted-workspace', message: 'This workspace is not trusted, so EvalSpec does not read the data files its specs name. Trust the workspace to see the report.' } };
    if (!uri.startsWith('file:')) return { error: { code: 'spec-unreadable', message: `EvalSpec reads data files only for specs on disk, not ${uri}.` } };
    const specPath = fileURLToPath(uri);
    const open = this.host.documents.get(uri);
    let analysis: SpecAnalysis;
    if (open) analysis = this.host.analysis(open);
    else {
      let text: string;
      try {
        text = await readFile(specPath, 'utf8');
      } catch (e) {
        return { error: { code: 'spec-unreadable', message: `The spec ${specPath} cannot be read: ${e instanceof Error ? e.message : String(e)}` } };
      }
      analysis = analyzeSpec(text, { settings: this.host.settings() });
    }
    const specName = analysis.model?.name?.value ?? null;
    const target = dataTargets(analysis.model).find((t) => t.kind === kind);
    if (!analysis.model || !target) {
      const where = kind === 'calibration' ? '`judge.calibration.data`' : '`router.results`';
      return { error: { code: 'no-data-path', message: `This spec names no ${kind} data file: set ${where} to a CSV, JSON Lines or Parquet file relative to the spec.` }, specName };
    }
    const result = await this.service.report({ kind, specPath, dataPath: target.path, model: analysis.model, settings: this.host.settings(), workspaceRoots: this.roots, ...this.credentialsPart() });
    if (open) this.host.publish(uri);
    return 'error' in result ? { ...result, specName } : result;
  }
}
