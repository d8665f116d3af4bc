// The EvalSpec language server: thin LSP glue over the core. Handlers look up the document's
// analysis (computed once per version) and delegate to one feature module each.
// Runs over stdio (`evalspec-language-server --stdio`) or Node IPC (from the VS Code client).
import { CodeActionKind, createConnection, DidChangeConfigurationNotification, ProposedFeatures, RequestType, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveSettings, type EvalSpecSettings } from './core';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveInsideWorkspace } from './core/data';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completions } from './features/completion';
import { definition } from './features/definition';
import { inlayHints } from './features/inlayHints';
import { readCommittedText } from './lsp/gitBaseline';
import { exitWhenInputEnds, serverTransport } from './lsp/transport';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { AnalysisCache } from './lsp/analysisCache';
import { WorkspaceTrust } from './lsp/workspaceTrust';
import { toLspDiagnostic } from './lsp/convert';
import { requests, type AnalysisParams, type AnalysisResult, type ReviewResult } from './protocol';
import { reviewOpenSpec } from './lsp/reviewRequest';
import { analysisJson } from './cli/report';
import { DataFeatures } from './data/lspData';

if (process.argv.includes('--version')) {
  process.stdout.write(`evalspec-language-server ${process.env['EVALSPEC_VERSION'] ?? ''}\n`);
  process.exit(0);
}
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('usage: evalspec-language-server --stdio | --node-ipc | --socket=PORT\n');
  process.exit(2);
}

const transport = serverTransport();
const connection = transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer) : createConnection(ProposedFeatures.all);
if (transport && process.argv.includes('--stdio')) exitWhenInputEnds(transport.gate);
const documents = new TextDocuments(TextDocument);
let settings: EvalSpecSettings = resolveSettings(undefined);
let clientPullsConfiguration = false;
let clientSupportsFolders = false;
const cache = new AnalysisCache(() => settings);
const timers = new Map<string, NodeJS.Timeout>();
const trust = new WorkspaceTrust();
// A data report completing (on open, save, a watched file, a panel's request, "Show figures as JSON")
// re-publishes only when the document's diagnostics differ from those last sent for its version.
const data = new DataFeatures({ connection, documents, analysis: (d) => cache.get(d), settings: () => settings, publish: (uri) => publish(uri, true), trusted: () => trust.isTrusted });
/** What was last published per document: its version and the diagnostics, serialised. */
const lastSent = new Map<string, { version: number; key: string }>();
trust.register(connection);
trust.onGranted(() => {
  for (const d of documents.all()) {
    data.refresh(d.uri);
    void loadBaseline(d.uri);
  }
});

connection.onInitialize((params) => {
  clientPullsConfiguration = !!params.capabilities.workspace?.configuration;
  clientSupportsFolders = !!params.capabilities.workspace?.workspaceFolders;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (init?.settings) settings = resolveSettings(init.settings);
  trust.initialize(params);
  data.initialize(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '-'] },
      documentSymbolProvider: true,
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'evalspec-language-server', version: process.env['EVALSPEC_VERSION'] ?? '0.0.0' },
  };
});

connection.onInitialized(async () => {
  data.initialized(clientSupportsFolders);
  if (clientPullsConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'evalspec' });
    await refreshSettings();
  }
});

async function refreshSettings(): Promise<void> {
  try {
    const s: unknown = await connection.workspace.getConfiguration('evalspec');
    settings = resolveSettings(s);
  } catch {
    // A client that cannot answer keeps the defaults.
  }
  cache.drop();
  data.dropAll();
  for (const d of documents.all()) {
    publish(d.uri);
    data.refresh(d.uri);
  }
}

connection.onDidChangeConfiguration(async (change) => {
  if (clientPullsConfiguration) await refreshSettings();
  else {
    settings = resolveSettings((change.settings as { evalspec?: unknown } | undefined)?.evalspec);
    cache.drop();
    data.dropAll();
    for (const d of documents.all()) {
      publish(d.uri);
      data.refresh(d.uri);
    }
  }
});

/**
 * Publishes a document's diagnostics (spec + data). `onlyIfChanged`: skip when the same diagnostics
 * were already sent for this version (a data report that changed nothing is not re-sent).
 */
function publish(uri: string, onlyIfChanged = false): void {
  const doc = documents.get(uri);
  if (!doc) return;
  try {
    const analysis = cache.get(doc);
    const diagnostics = [...analysis.diagnostics, ...data.diagnostics(uri, analysis)].map(toLspDiagnostic);
    const key = JSON.stringify(diagnostics);
    const last = lastSent.get(uri);
    if (onlyIfChanged && last && last.version === doc.version && last.key === key) return;
    lastSent.set(uri, { version: doc.version, key });
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  } catch (e) {
    // The core should never throw on any input; if it does, say so and keep serving.
    lastSent.delete(uri);
    connection.console.error(`evalspec: analysing ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    void connection.sendDiagnostics({
      uri,
      version: doc.version,
      diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'evalspec', code: 'internal-error', message: 'EvalSpec could not analyse this spec (an internal error, logged in the EvalSpec output channel). Please report it with the spec.' }],
    });
  }
}

function schedule(uri: string): void {
  const t = timers.get(uri);
  if (t) clearTimeout(t);
  // Debouncing saves work only when the work is dear: a spec analysed in 3 ms waits 3 ms, not 75.
  const delay = Math.min(settings.debounceMs, Math.ceil(cache.lastComputeMs(uri) ?? settings.debounceMs));
  timers.set(uri, setTimeout(() => {
    timers.delete(uri);
    publish(uri);
  }, delay));
}

/** Compares the spec with its committed version (git HEAD) when it is a file on disk in a trusted workspace. */
async function loadBaseline(uri: string): Promise<void> {
  if (!uri.startsWith('file:') || !trust.isTrusted) return;
  await Promise.resolve();
  const text = readCommittedText(fileURLToPath(uri));
  if (cache.setPrevious(uri, text) && documents.get(uri)) publish(uri);
}

/** A data path's file URI, under the data readers' checks; nothing in an untrusted workspace. */
async function resolveDataLink(specUri: string, rel: string): Promise<string | undefined> {
  if (!trust.isTrusted || !specUri.startsWith('file:')) return undefined;
  const specPath = fileURLToPath(specUri);
  const root = data.workspaceRoot(specPath);
  if (!root) return undefined;
  const r = await resolveInsideWorkspace(rel, { workspaceRoot: root, baseDir: dirname(specPath), maxBytes: Number.MAX_SAFE_INTEGER });
  return r.ok ? pathToFileURL(r.resolvedPath).href : undefined;
}

documents.onDidOpen((e) => {
  publish(e.document.uri);
  data.refresh(e.document.uri);
  void loadBaseline(e.document.uri);
});
documents.onDidSave((e) => {
  data.refresh(e.document.uri);
  void loadBaseline(e.document.uri);
});
documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => {
  const t = timers.get(e.document.uri);
  if (t) clearTimeout(t);
  timers.delete(e.document.uri);
  cache.drop(e.document.uri);
  lastSent.delete(e.document.uri);
  data.close(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

function withDoc<T>(uri: string, empty: T, f: (doc: TextDocument) => T): T {
  const doc = documents.get(uri);
  if (!doc) return empty;
  try {
    return f(doc);
  } catch (e) {
    connection.console.error(`evalspec: request on ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return empty;
  }
}

connection.onHover((p) => withDoc(p.textDocument.uri, null, (d) => hover(cache.get(d), p.position.line, p.position.character)));
connection.onCompletion((p) => withDoc(p.textDocument.uri, [], (d) => completions(cache.get(d), p.position.line, p.position.character)));
connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (d) => documentSymbols(cache.get(d))));
connection.languages.inlayHint.on((p, token) => withDoc(p.textDocument.uri, [], (d) => (token.isCancellationRequested ? [] : inlayHints(cache.get(d), p.range, settings))));
connection.onCodeLens((p, token) => withDoc(p.textDocument.uri, [], (d) => (token.isCancellationRequested ? [] : codeLenses(cache.get(d), d.uri, d.version, settings))));
connection.onCodeAction((p, token) => withDoc(p.textDocument.uri, [], (d) => (token.isCancellationRequested ? [] : codeActions(cache.get(d), d.uri, d.version, p.context.diagnostics))));
connection.onDefinition((p) => withDoc(p.textDocument.uri, Promise.resolve([]), (d) => definition(cache.get(d), p.position.line, p.position.character, (rel) => resolveDataLink(d.uri, rel))));
// "Show figures as JSON": the spec's analysis with its data diagnostics once the reports are in, so
// its counts equal the Problems panel's (and `evalspec check --format json`).
connection.onRequest(new RequestType<AnalysisParams, AnalysisResult, void>(requests.analysis), async (p) => {
  const doc = documents.get(p.uri);
  if (!doc) return null;
  try {
    const analysis = cache.get(doc);
    return analysisJson(doc.uri, analysis, await data.awaitedDiagnostics(doc.uri, analysis));
  } catch (e) {
    connection.console.error(`evalspec: analysis of ${p.uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return null;
  }
});

// "EvalSpec: Export design review" and the language status item's verdict.
connection.onRequest(new RequestType<AnalysisParams, ReviewResult, void>(requests.review), async (p) => {
  const doc = documents.get(p.uri);
  if (!doc) return null;
  try {
    return await reviewOpenSpec(doc, { settings: () => settings, previousText: (uri) => cache.previousText(uri), data }, () => documents.get(p.uri));
  } catch (e) {
    connection.console.error(`evalspec: review of ${p.uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return null;
  }
});

data.register();

documents.listen(connection);
connection.listen();
