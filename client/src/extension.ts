// The EvalSpec extension: starts the language server and registers commands. All analysis lives in
// the server; this file stays thin.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands, registerPreviewCommands } from './commands';
import { registerEngineSupport, sendStoredCredentials, showEngineProgress } from './engineSupport';
import { registerNewSpec } from './newSpec';
import { registerReviewFeatures } from './reviewFeatures';
import { PreviewPanels } from './panels/previewPanels';
import { notifications } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('EvalSpec', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  registerCommands(context, () => client);
  registerEngineSupport(context, () => client);
  registerNewSpec(context);
  registerReviewFeatures(context, () => client);
  context.subscriptions.push(showEngineProgress(client));
  // Panels and their serializers are registered before the server starts, so a panel restored after
  // a reload shows its loading state at once and asks once the server answers.
  let starting: Promise<void> = Promise.resolve();
  const panels = new PreviewPanels(
    context,
    async () => {
      await starting.catch(() => undefined);
      return client;
    },
    (line) => output.appendLine(line),
  );
  context.subscriptions.push(panels);
  registerPreviewCommands(context, panels);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.sendNotification(notifications.workspaceTrusted);
      panels.refreshAll();
    }),
  );
  starting = client.start();
  await starting;
  // Stored engine credentials follow activation instead of delaying it: secret storage can be slow
  // to answer, and nothing the first open file needs waits for them.
  void sendStoredCredentials(context, client).catch((e: unknown) => output.appendLine(`EvalSpec could not send the stored ClickHouse password: ${String(e)}`));
  output.appendLine(`EvalSpec activated in ${Date.now() - started} ms`);
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
