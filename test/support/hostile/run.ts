// Runs one hostile case through a server: open the spec, wait (bounded) for the diagnostics that
// carry the case's code, and read the server's peak resident memory so far (VmHWM, Linux).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { TestServer } from '../lspClient';
import { within } from '../fuzz/session';
import { calibrationSpec, type DataCase, type HostileCase, type HostileWorkspace } from './corpus';

export interface CaseRun {
  uri: string;
  text: string;
  diagnostics: PublishDiagnosticsParams;
  ms: number;
}

export async function caseText(c: HostileCase | DataCase, w: HostileWorkspace): Promise<string> {
  return 'make' in c ? calibrationSpec(await c.make(w)) : c.spec(w);
}

let counter = 0;

/**
 * Opens `text` and waits up to `boundMs` for its first diagnostics, or for the first that hold a
 * data-file code when `data` (those come after the file was read).
 */
export async function runCase(server: TestServer, text: string, data: boolean, w: HostileWorkspace, boundMs: number): Promise<CaseRun> {
  const uri = pathToFileURL(join(w.root, `case-${++counter}.evalspec.yaml`)).href;
  const started = performance.now();
  const published = server.nextDiagnostics(uri, (p) => !data || p.diagnostics.some((d) => /^(data|calibration|routing)-/.test(String(d.code))));
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'evalspec', version: 1, text } });
  const diagnostics = await within(published, boundMs, data ? 'data diagnostics' : 'diagnostics');
  return { uri, text, diagnostics, ms: performance.now() - started };
}

/** Peak resident set of a process in bytes (VmHWM), or undefined where /proc is absent. */
export function peakRss(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
