// Builds the extension and packages the VSIX once per test run. Both e2e files call this; the
// build writes dist/, so it runs under an exclusive flock(1) and is skipped when another file of the
// same `node --test` run (same parent process) already did it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, report } from './harness';

export interface PreparedExtension {
  vsix: string;
  vsixBytes: number;
}

/** Build folders of earlier runs whose test runner is gone. */
function removeStaleBuilds(): void {
  for (const name of readdirSync(tmpdir())) {
    const m = /^evalspec-e2e-build-(\d+)$/.exec(name);
    if (!m || Number(m[1]) === process.ppid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

export function prepareExtension(): PreparedExtension {
  removeStaleBuilds();
  const dir = join(tmpdir(), `evalspec-e2e-build-${process.ppid}`);
  const vsix = join(dir, 'evalspec.vsix');
  const stamp = join(dir, 'built');
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(repoRoot, 'out'), { recursive: true });
  const script = `
    set -e
    if [ -f "$STAMP" ]; then echo "[e2e] build: already done in this run"; exit 0; fi
    t1=$(date +%s%N)
    # As npm run package does: vsce runs the vscode:prepublish script (the production build) itself.
    node scripts/package-vsix.mjs "$VSIX" </dev/null
    t2=$(date +%s%N)
    echo "[e2e] vsce package (with the production build): $(( (t2 - t1) / 1000000 )) ms"
    touch "$STAMP"
  `;
  const r = spawnSync('flock', [join(repoRoot, 'out', '.e2e-build.lock'), 'sh', '-c', script], {
    cwd: repoRoot,
    env: { ...process.env, STAMP: stamp, VSIX: vsix },
    encoding: 'utf8',
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  for (const line of out.split('\n')) if (line.startsWith('[e2e]') || /DONE|WARNING|ERROR/.test(line)) console.log(line);
  if (r.status !== 0 || !existsSync(vsix)) throw new Error(`building/packaging the extension failed (exit ${r.status}):\n${out}`);
  const vsixBytes = statSync(vsix).size;
  report('VSIX size', `${(vsixBytes / 1024).toFixed(1)} KiB (${vsixBytes} bytes)`);
  // A VSIX that swept in node_modules or .cache/editor would be hundreds of MB: fail loudly.
  if (vsixBytes > 20 * 1024 * 1024) throw new Error(`VSIX is ${vsixBytes} bytes; check .vscodeignore`);
  return { vsix, vsixBytes };
}
