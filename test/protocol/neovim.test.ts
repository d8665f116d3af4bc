// Another editor, tested: Neovim's built-in LSP client (Debian's `neovim`, which .ci/run installs)
// runs the built language server headless on the support-chat example and gets its diagnostics
// (with codeDescription links), a hover with the values substituted, the document symbols, and a quick fix
// that resizes the golden set and clears the diagnostic. The client side is test/protocol/neovim/init.lua.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { repoRoot } from '../support/reference';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvimVersion = nvim.status === 0 ? nvim.stdout.split('\n')[0] : undefined;
const skip = nvimVersion ? false : 'nvim is not installed (apt-get install neovim; .ci/run installs it), so the Neovim client is not tested here';

interface NvimResult {
  steps: string[];
  error?: string;
  diagnostics: { code: string; line: number; severity: number; source: string; message: string; href: string | null }[];
  hover: string | null;
  symbols: string[];
  actions: string[];
  fixedLine: string;
  fixCleared: boolean;
}

describe('Neovim (built-in LSP client) with the EvalSpec server', { skip }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'evalspec-nvim-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it(`${nvimVersion ?? 'nvim'}: diagnostics, hover, document symbols and a quick fix`, async () => {
    const spec = join(tmp, 'support-chat.evalspec.yaml');
    copyFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), spec);
    const outFile = join(tmp, 'out.json');
    const env = {
      ...process.env,
      EVALSPEC_SPEC: spec,
      EVALSPEC_SERVER: join(repoRoot, 'dist', 'server', 'server.js'),
      EVALSPEC_NODE: process.execPath,
      EVALSPEC_OUT: outFile,
      // Neovim writes its state (shada, logs) under these: keep them in the temp folder.
      XDG_STATE_HOME: join(tmp, 'state'),
      XDG_DATA_HOME: join(tmp, 'data'),
      XDG_CACHE_HOME: join(tmp, 'cache'),
      XDG_CONFIG_HOME: join(tmp, 'config'),
    };
    const t = Date.now();
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-u', join(repoRoot, 'test', 'protocol', 'neovim', 'init.lua')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const r = JSON.parse(readFileSync(outFile, 'utf8')) as NvimResult;
    process.stdout.write(`[neovim] ${nvimVersion}: attach → quick fix applied and diagnostic cleared in ${Date.now() - t} ms\n`);
    assert.equal(code, 0, `nvim exited ${code}: ${r.error ?? ''}\nsteps: ${r.steps.join(', ')}\n${stderr}`);
    assert.deepEqual(r.steps, ['attached', 'diagnostics', 'hover', 'symbols', 'code action']);

    const golden = r.diagnostics.find((d) => d.code === 'golden-set-too-small');
    assert.ok(golden, JSON.stringify(r.diagnostics));
    const lines = readFileSync(spec, 'utf8').split('\n');
    assert.match(lines[golden.line]!, /^\s+size: 200/);
    assert.equal(golden.severity, 1, 'an error in Neovim\'s severities');
    assert.equal(golden.source, 'evalspec');
    assert.match(golden.message, /±2 pp per cohort needs 6,148 \(1,537 per cohort × 4\)/);
    assert.equal(golden.href, 'https://github.com/evalspec/evalspec/blob/main/docs/rules.md#golden-set-too-small');
    for (const d of r.diagnostics) assert.equal(d.href, `https://github.com/evalspec/evalspec/blob/main/docs/rules.md#${d.code}`, d.code);

    assert.ok(r.hover, 'no hover');
    assert.match(r.hover.replace(/\\([!-/:-@[-`{-~])/g, '$1'), /z = 1\.959964 \(95%\), p = 0\.8 \(task_success, traffic-weighted\), n = 200 split 50 per cohort/);

    for (const s of ['metrics', 'judge', 'golden_set', 'ledger', 'router']) assert.ok(r.symbols.includes(s), `symbol ${s} missing from ${JSON.stringify(r.symbols)}`);

    assert.ok(r.actions.some((a) => /^Resize golden set to 6,148 for /.test(a)), JSON.stringify(r.actions));
    assert.match(r.fixedLine, /^\s+size: 6148\b/);
    assert.equal(r.fixCleared, true, 'golden-set-too-small still published after the fix');
  });
});
