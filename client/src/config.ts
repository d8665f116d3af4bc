// Typed access to the `evalspec.*` settings. The shape is the core's (declared once in
// server/src/core/settings.ts); the server re-reads them on change, so none needs a restart
// except `evalspec.trace.server`, which the language client applies itself.
import * as vscode from 'vscode';
import type { EvalSpecSettings } from '../../server/src/core/settings';

export function readSettings(): Partial<EvalSpecSettings> {
  const c = vscode.workspace.getConfiguration('evalspec');
  return {
    severity: c.get('severity', {}),
    thresholds: c.get('thresholds', {}) as EvalSpecSettings['thresholds'],
    maxDocumentLength: c.get('maxDocumentLength'),
    debounceMs: c.get('debounceMs'),
    inlayHints: { enabled: c.get('inlayHints.enabled', true) },
    codeLens: { enabled: c.get('codeLens.enabled', true) },
    engines: {
      timeoutSeconds: c.get('engines.timeoutSeconds', 120),
      memoryLimitMiB: c.get('engines.memoryLimitMiB', 1024),
      duckdbModulePath: c.get('engines.duckdbModulePath', ''),
    },
  };
}
