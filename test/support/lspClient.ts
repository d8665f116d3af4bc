// A real LSP client for protocol tests: spawns the built server over stdio and speaks JSON-RPC to
// it with the protocol library's typed messages. Tests await notifications; nothing sleeps.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './reference';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcessWithoutNullStreams;
  stderr: () => string;
  open(name: string, text: string): Promise<{ uri: string; diagnostics: PublishDiagnosticsParams }>;
  /** Opens a file at an absolute path (text as given, not read from disk). */
  openPath(path: string, text: string): Promise<{ uri: string; diagnostics: PublishDiagnosticsParams }>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams>;
  close(uri: string): Promise<PublishDiagnosticsParams>;
  /** The next diagnostics published for `uri` satisfying `when`. */
  nextDiagnostics(uri: string, when?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** The last diagnostics published for `uri` (what the Problems panel shows now). */
  latest(uri: string): PublishDiagnosticsParams | undefined;
  stop(): Promise<void>;
}

/** `root`: the workspace root the server is given (default: the repository). */
export async function startServer(initializationOptions: unknown = {}, root: string = repoRoot): Promise<TestServer> {
  const serverJs = join(repoRoot, 'dist', 'server', 'server.js');
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: 'pipe' });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: { uri: string; when: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const latest = new Map<string, PublishDiagnosticsParams>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i]!;
      if (w.uri === p.uri && w.when(p)) {
        waiters.splice(i, 1);
        w.resolve(p);
        return;
      }
    }
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions,
    workspaceFolders: null,
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const nextDiagnostics = (uri: string, when: (p: PublishDiagnosticsParams) => boolean = () => true) =>
    new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, when, resolve }));

  let counter = 0;
  return {
    connection,
    process: child,
    stderr: () => err,
    nextDiagnostics,
    latest: (uri) => latest.get(uri),
    async open(name, text) {
      const uri = pathToFileURL(join(repoRoot, 'test', 'fixtures', `${++counter}-${name}`)).href;
      const d = nextDiagnostics(uri);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'evalspec', version: 1, text } });
      return { uri, diagnostics: await d };
    },
    async openPath(path, text) {
      const uri = pathToFileURL(path).href;
      const d = nextDiagnostics(uri);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'evalspec', version: 1, text } });
      return { uri, diagnostics: await d };
    },
    async change(uri, version, contentChanges) {
      const d = nextDiagnostics(uri, (p) => p.version === version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
      return d;
    },
    async close(uri) {
      const d = nextDiagnostics(uri);
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      return d;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await exited;
      connection.dispose();
    },
  };
}
