// The VSIX ships only what the extension loads, and all of it: `vsce ls` (the file list `vsce
// package` packs, after .vscodeignore) must be exactly the set derived from the manifest, the
// Markdown it shows and the bundles the code loads (test/support/shippedFiles.ts). A stray file (a
// source map, a test fixture, a walkthrough draft) or a contribution left out of .vscodeignore fails.
// Runs after the build (test:protocol builds), so the bundles exist; packing itself is the e2e test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expectedExtensionFiles, markdownImages, RUNTIME_FILES } from '../support/shippedFiles';
import { repoRoot } from '../support/reference';

function vsceLs(): string[] {
  const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['ls', '--no-dependencies', '--readme-path', 'EXTENSION.md'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort();
}

describe('VSIX file list (vsce ls)', () => {
  it('is exactly the files the extension loads', () => {
    const listed = vsceLs();
    const expected = expectedExtensionFiles();
    const extra = listed.filter((f) => !expected.includes(f));
    const missing = expected.filter((f) => !listed.includes(f));
    assert.deepEqual({ extra, missing }, { extra: [], missing: [] }, 'fix .vscodeignore (or what loads the file)');
    assert.ok(listed.length >= 15, listed.join('\n'));
  });

  it('the runtime bundles are the ones the code loads, and the derivation sees every contribution', () => {
    for (const r of RUNTIME_FILES) {
      const source = readFileSync(join(repoRoot, r.source), 'utf8');
      for (const m of r.mentions) assert.ok(source.includes(m), `${r.source} no longer loads ${r.file} (${m})`);
    }
    const expected = expectedExtensionFiles();
    for (const f of ['dist/client/extension.js', 'language-configuration.json', 'syntaxes/evalspec.tmLanguage.json', 'snippets/evalspec.json', 'schemas/evalspec.schema.json', 'images/icon.png', 'package.nls.json', 'walkthroughs/new-spec.md']) {
      assert.ok(expected.includes(f), f);
    }
    // The extension page's screenshots are not shipped: vsce rewrites them to https URLs of the
    // release tag (scripts/package-vsix.mjs), the only images VS Code shows on an extension page.
    // They must be files of the repository (committed), so the tag holds them.
    const pageImages = markdownImages('EXTENSION.md');
    assert.deepEqual(pageImages, ['images/editor.png', 'images/calibration-panel.png']);
    const tracked = spawnSync('git', ['ls-files', '--error-unmatch', ...pageImages], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(tracked.status, 0, tracked.stderr);
    for (const img of pageImages) assert.ok(!expected.includes(img), `${img} ships though the page links it by URL`);
    assert.ok(!expected.some((f) => /\.map$|\.ts$|^test\/|^node_modules\/|^server\/|^client\//.test(f)));
  });
});
