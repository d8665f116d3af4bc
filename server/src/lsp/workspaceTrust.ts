// Workspace trust as the client declares it: `initializationOptions.workspaceTrusted` at initialize,
// then `evalspec/workspaceTrusted` when the user grants trust (VS Code never revokes it without a
// reload, which restarts the server). While untrusted the server starts no process, reads no data
// file, no committed baseline and resolves no file link: it analyses the open text and nothing else.
// A client that sends no flag (editors without a trust model) counts as trusted.
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { notifications, type DataInitOptions } from '../protocol';

export class WorkspaceTrust {
  private trusted = true;
  private readonly granted: (() => void)[] = [];

  get isTrusted(): boolean {
    return this.trusted;
  }

  initialize(params: InitializeParams): void {
    const init = params.initializationOptions as DataInitOptions | undefined;
    this.trusted = init?.workspaceTrusted !== false;
  }

  register(connection: Connection): void {
    connection.onNotification(notifications.workspaceTrusted, () => {
      if (this.trusted) return;
      this.trusted = true;
      for (const f of this.granted) f();
    });
  }

  /** Runs `f` when the user grants trust (to read what was held back). */
  onGranted(f: () => void): void {
    this.granted.push(f);
  }
}
