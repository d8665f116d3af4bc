// Engine sources in the editor: the ClickHouse password in VS Code's secret storage (never in a
// spec; sent to the server, which keeps it in memory), and a progress notification while an engine
// query runs (rows scanned when the engine reports it; Cancel stops the query).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { notifications, type CredentialsParams, type EngineProgressParams } from '../../server/src/protocol';

const SECRET = 'evalspec.clickhouse.password';

/** Sends the stored password to the server (after it started). */
export async function sendStoredCredentials(context: vscode.ExtensionContext, client: LanguageClient): Promise<void> {
  const password = await context.secrets.get(SECRET);
  if (password !== undefined) await client.sendNotification(notifications.credentials, { clickhouse: { password } } satisfies CredentialsParams);
}

export function registerEngineSupport(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('evalspec.setClickHousePassword', async () => {
      const value = await vscode.window.showInputBox({ prompt: 'ClickHouse password for engine sources (kept in VS Code secret storage, never in a spec). Empty to remove.', password: true, ignoreFocusOut: true });
      if (value === undefined) return;
      if (value === '') await context.secrets.delete(SECRET);
      else await context.secrets.store(SECRET, value);
      await client()?.sendNotification(notifications.credentials, (value === '' ? {} : { clickhouse: { password: value } }) satisfies CredentialsParams);
    }),
  );
}

/** One notification per running engine report, closed when the server says it is done. */
export function showEngineProgress(client: LanguageClient): vscode.Disposable {
  const running = new Map<string, { report: (p: EngineProgressParams) => void; end: () => void }>();
  return client.onNotification(notifications.engineProgress, (p: EngineProgressParams) => {
    const key = `${p.uri}\0${p.kind}`;
    const r = running.get(key);
    if (p.done) {
      r?.end();
      running.delete(key);
      return;
    }
    if (r) return r.report(p);
    let end: () => void = () => undefined;
    let report: (q: EngineProgressParams) => void = () => undefined;
    running.set(key, { report: (q) => report(q), end: () => end() });
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `EvalSpec: ${p.kind} report from ${p.label}`, cancellable: true }, (progress, token) => {
      let last = 0;
      report = (q) => {
        const pct = q.fraction !== null ? Math.round(q.fraction * 100) : null;
        const message = `${q.rows !== null ? `${q.rows.toLocaleString('en-US')} rows scanned` : 'running'}${pct !== null ? ` (${pct}%)` : ''}`;
        const increment = pct !== null && pct > last ? pct - last : undefined;
        if (pct !== null) last = Math.max(last, pct);
        progress.report(increment !== undefined ? { message, increment } : { message });
      };
      token.onCancellationRequested(() => void client.sendNotification(notifications.cancelReport, { uri: p.uri }));
      return new Promise<void>((resolve) => {
        end = resolve;
      });
    });
  });
}
