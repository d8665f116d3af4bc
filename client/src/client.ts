// Starts the EvalSpec language server (bundled next to the client) over Node IPC and connects it
// to spec documents. A server that stops is restarted with backoff and the user is told once
// (restartPolicy.ts); a server that stops answering is noticed and a restart offered
// (responseWatchdog.ts). Init failures are reported instead of restarting silently forever.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import { readSettings } from './config';
import { RestartPolicy } from './restartPolicy';
import { ResponseWatchdog } from './responseWatchdog';

/** The restart series of the one server; "EvalSpec: Restart language server" starts a new one. */
export const serverRestarts = new RestartPolicy();

/** A feature request unanswered this long means the server is stuck (they take milliseconds). */
const responseBoundMs = 20_000;

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const policy = serverRestarts;
  const watchdog = new ResponseWatchdog(responseBoundMs, (request, ms) => {
    output.warn(`EvalSpec language server has not answered ${request} for ${ms / 1000} s.`);
    void vscode.window.showWarningMessage(`EvalSpec: the language server has not answered for ${ms / 1000} s (${request}).`, 'Restart server').then((pick) => {
      if (pick) void vscode.commands.executeCommand('evalspec.restartServer');
    });
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'evalspec', scheme: 'file' },
      { language: 'evalspec', scheme: 'untitled' },
      { language: 'evalspec', scheme: 'vscode-remote' },
    ],
    // Data files the specs name: a change re-runs the reports (the server keys them by mtime and size).
    synchronize: { configurationSection: 'evalspec', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{csv,jsonl,ndjson,parquet,pq}') },
    // In an untrusted workspace the server reads no data file and no git baseline until the user grants
    // trust. A function, so a restarted server gets the trust state of the moment, not of activation.
    initializationOptions: () => ({ settings: readSettings(), workspaceTrusted: vscode.workspace.isTrusted }),
    outputChannel: output,
    traceOutputChannel: output,
    middleware: watchedFeatures(watchdog),
    initializationFailedHandler: (error) => {
      output.appendLine(`EvalSpec language server failed to start: ${String(error)}`);
      void vscode.window.showErrorMessage('EvalSpec: the language server failed to start. See the "EvalSpec" output for details.');
      return false;
    },
    errorHandler: {
      error: (error, _message, count) => {
        output.appendLine(`EvalSpec language server error (${count ?? 0}): ${error.message}`);
        return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
      },
      closed: async () => {
        const d = policy.stopped();
        if (d.action === 'give-up') {
          void vscode.window.showErrorMessage(d.message, 'Restart server').then((pick) => {
            if (pick) void vscode.commands.executeCommand('evalspec.restartServer');
          });
          return { action: CloseAction.DoNotRestart, message: d.message, handled: true };
        }
        if (d.notify) void vscode.window.showWarningMessage(`${d.message} Details are in the EvalSpec output.`);
        await new Promise((resolve) => setTimeout(resolve, d.delayMs));
        return { action: CloseAction.Restart, message: d.message, handled: true };
      },
    },
  };
  const client = new LanguageClient('evalspec', 'EvalSpec', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    // State 2 is Running: each (re)start begins the healthy period the restart counter resets after.
    if (e.newState === 2) {
      policy.started();
      watchdog.reset();
    }
  });
  return client;
}

/** Middleware that passes every feature request through the watchdog. */
function watchedFeatures(w: ResponseWatchdog): Middleware {
  return {
    provideHover: (d, p, t, next) => w.track('a hover request', next(d, p, t)),
    provideCompletionItem: (d, p, c, t, next) => w.track('a completion request', next(d, p, c, t)),
    provideDocumentSymbols: (d, t, next) => w.track('a document symbol request', next(d, t)),
    provideInlayHints: (d, r, t, next) => w.track('an inlay hint request', next(d, r, t)),
    provideCodeLenses: (d, t, next) => w.track('a code lens request', next(d, t)),
    provideCodeActions: (d, r, c, t, next) => w.track('a code action request', next(d, r, c, t)),
    provideDefinition: (d, p, t, next) => w.track('a definition request', next(d, p, t)),
  };
}
