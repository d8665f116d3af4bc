// Starts the EvalSpec language server (bundled next to the client) over Node IPC and connects it
// to spec documents. Errors and init failures are reported instead of restarting silently forever.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { readSettings } from './config';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  let restarts = 0;
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
      closed: () => {
        restarts++;
        if (restarts <= 4) return { action: CloseAction.Restart, message: `EvalSpec language server stopped; restarting (${restarts}/4).` };
        return { action: CloseAction.DoNotRestart, message: 'EvalSpec language server stopped 5 times; it will not be restarted. Reload the window to try again.' };
      },
    },
  };
  return new LanguageClient('evalspec', 'EvalSpec', serverOptions, clientOptions);
}
