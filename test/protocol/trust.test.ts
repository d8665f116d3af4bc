// Workspace trust and hostile repositories over the protocol: the built server opens specs inside a
// git repository whose configuration runs a command (writing a marker file) if anything honours it
// (promisor remote with core.sshCommand, fsmonitor, hooksPath, ext:: URL, credential helper, pager,
// diff/filter drivers). In both trust states no marker appears; in a trusted workspace the committed
// baseline is still read (the co-drift rule fires), in an untrusted one it is not read until trust
// is granted. Go-to-definition on a data path follows the data readers' bounds.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DefinitionRequest, RequestType, type Location } from 'vscode-languageserver-protocol/node';
import { notifications, requests, type AnalysisParams, type AnalysisResult } from '../../server/src/protocol';
import { CO_DRIFT, coDriftedSpec, commitFile, committedSpec, dropLooseObject, git, initRepo, makeHostile, removeDir, tempDir } from '../support/gitRepos';
import { startServer, type TestServer } from '../support/lspClient';

const analysisRequest = new RequestType<AnalysisParams, AnalysisResult, void>(requests.analysis);
const committed = committedSpec;
const drifted = coDriftedSpec;

let dir: string;
let repo: string;
let marker: string;

function withDataPath(p: string): string {
  return drifted.replace(/^(\s+data:\s*)data\/calibration\.csv/m, `$1${p}`);
}

async function codesOf(server: TestServer, uri: string): Promise<string[]> {
  const r = await server.connection.sendRequest(analysisRequest, { uri });
  return (r?.diagnostics ?? []).map((d) => d.code);
}

/** Go to definition on the calibration data path of an open spec. */
async function definitionOfData(server: TestServer, uri: string, text: string): Promise<Location[]> {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /^\s+data:\s/.test(l));
  const character = lines[line]!.indexOf('data:') + 7;
  const r = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line, character } });
  return (r ?? []) as Location[];
}

before(() => {
  dir = tempDir('evalspec-trust-');
  repo = initRepo(join(dir, 'ws'));
  commitFile(repo, 'specs/chat.evalspec.yaml', committed);
  commitFile(repo, 'specs/promised.evalspec.yaml', `${committed}# promised\n`);
  commitFile(repo, 'specs/data/calibration.csv', 'judge_score,human_label\n0.9,pass\n');
  // A partial clone lacks this blob and would fetch it from the promisor remote.
  dropLooseObject(repo, git(repo, 'rev-parse', 'HEAD:specs/promised.evalspec.yaml').trim());
  writeFileSync(join(dir, 'outside.csv'), 'secret\n');
  symlinkSync(join(dir, 'outside.csv'), join(repo, 'specs/data/link.csv'));
  mkdirSync(join(repo, 'specs/data/folder.csv'));
  marker = join(dir, 'MARKER');
  makeHostile(repo, marker);
});
after(() => removeDir(dir));

describe('hostile repository, trusted workspace', { timeout: 60_000 }, () => {
  let server: TestServer;
  before(async () => (server = await startServer({ workspaceTrusted: true }, repo)));
  after(async () => server.stop());

  it('reads the committed spec without running anything the repository configures', async () => {
    const uri = pathToFileURL(join(repo, 'specs/chat.evalspec.yaml')).href;
    const fired = server.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === CO_DRIFT));
    await server.openPath(join(repo, 'specs/chat.evalspec.yaml'), drifted);
    await fired;
    assert.ok((await codesOf(server, uri)).includes(CO_DRIFT));
    assert.equal(existsSync(marker), false, 'a configured command ran');
  });

  it('a blob missing from a partial clone is "no baseline", never a fetch', async () => {
    const { uri } = await server.openPath(join(repo, 'specs/promised.evalspec.yaml'), drifted);
    assert.ok(!(await codesOf(server, uri)).includes(CO_DRIFT));
    assert.equal(existsSync(marker), false, 'the promisor remote was contacted');
  });

  it('go-to-definition on a data path returns only files inside the workspace', async () => {
    const cases: [string, string | undefined][] = [
      ['data/calibration.csv', pathToFileURL(join(repo, 'specs/data/calibration.csv')).href],
      ['../../outside.csv', undefined],
      ['/etc/passwd', undefined],
      ['../../../../../../../../etc/passwd', undefined],
      ['data/link.csv', undefined],
      ['data/folder.csv', undefined],
      ['data/missing.csv', undefined],
    ];
    for (const [i, [p, want]] of cases.entries()) {
      const text = withDataPath(p);
      const { uri } = await server.openPath(join(repo, `specs/def-${i}.evalspec.yaml`), text);
      const got = await definitionOfData(server, uri, text);
      assert.deepEqual(got.map((l) => l.uri), want ? [want] : [], p);
    }
  });
});

describe('hostile repository, untrusted workspace', { timeout: 60_000 }, () => {
  let server: TestServer;
  before(async () => (server = await startServer({ workspaceTrusted: false }, repo)));
  after(async () => server.stop());

  it('reads no baseline and resolves no data link until trust is granted, and runs nothing either way', async () => {
    const path = join(repo, 'specs/chat.evalspec.yaml');
    const { uri } = await server.openPath(path, drifted);
    assert.ok(!(await codesOf(server, uri)).includes(CO_DRIFT), 'the committed baseline was read while untrusted');
    assert.deepEqual(await definitionOfData(server, uri, drifted), []);
    assert.equal(existsSync(marker), false);

    const fired = server.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === CO_DRIFT));
    await server.connection.sendNotification(notifications.workspaceTrusted);
    await fired;
    assert.deepEqual((await definitionOfData(server, uri, drifted)).map((l) => l.uri), [pathToFileURL(join(repo, 'specs/data/calibration.csv')).href]);
    assert.equal(existsSync(marker), false);
  });
});
