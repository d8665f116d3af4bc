// The VSIX as a user installs it: exactly the files the extension loads (.vscodeignore; the list is
// derived in test/support/shippedFiles.ts), an extension page (EXTENSION.md, packaged as
// extension/readme.md) whose images are https URLs of this version's tag and whose links are
// absolute, and a manifest with real repository, homepage, bugs and icon fields.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { report } from './harness';
import { prepareExtension } from './prepare';
import { expectedExtensionFiles, markdownImages, vsixEntry } from '../support/shippedFiles';
import { repoRoot } from '../support/reference';

function unzip(args: string[]): string {
  const r = spawnSync('unzip', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('VSIX contents', () => {
  const { vsix } = prepareExtension();
  const files = unzip(['-Z1', vsix]).split('\n').filter(Boolean).sort();

  it('ships only what the extension loads', () => {
    // The files the manifest, its Markdown and the code load (test/support/shippedFiles.ts), as vsce
    // names them in the VSIX, plus vsce's own two entries: nothing more, nothing less.
    const expected = [...expectedExtensionFiles().map(vsixEntry), '[Content_Types].xml', 'extension.vsixmanifest'].sort();
    assert.deepEqual(files, expected);
    report('VSIX files', String(files.length));
  });

  it("the extension page: every image an https URL of this version's tag naming a committed PNG, every link absolute", () => {
    const readme = unzip(['-p', vsix, 'extension/readme.md']);
    assert.doesNotMatch(readme, /scripts\/|npm run|CONTRIBUTING/, 'the extension page speaks to users, not developers');
    // VS Code shows an extension page's images only from https (scripts/package-vsix.mjs): vsce
    // rewrote EXTENSION.md's relative images to the repository at the tag v<version>.
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const base = `https://raw.githubusercontent.com/evalspec/evalspec/v${version}/`;
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.deepEqual(images, markdownImages('EXTENSION.md').map((p) => `${base}${p}`));
    for (const src of images) {
      const file = src.slice(base.length);
      assert.match(file, /\.png$/, 'the Marketplace refuses SVG images');
      assert.ok(existsSync(join(repoRoot, file)), `${file} is not in the repository`);
      assert.ok(!files.includes(`extension/${file}`), `${file} ships though the page links it by URL`);
    }
    const links = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    for (const href of links) assert.match(href, /^(https:\/\/|#)/, `relative link ${href} would break on the extension page`);
  });

  it('the manifest names the real repository, an icon, categories and keywords', () => {
    const manifest = JSON.parse(unzip(['-p', vsix, 'extension/package.json'])) as Record<string, any>;
    const text = JSON.stringify(manifest);
    assert.doesNotMatch(text, /example\.invalid/);
    assert.equal(manifest['repository'].url, 'https://github.com/evalspec/evalspec.git');
    assert.match(manifest['homepage'], /^https:\/\/github\.com\/evalspec\/evalspec/);
    assert.equal(manifest['bugs'].url, 'https://github.com/evalspec/evalspec/issues');
    assert.ok(files.includes(`extension/${manifest['icon']}`));
    assert.ok(manifest['categories'].length >= 2 && manifest['keywords'].length >= 5);
    assert.equal(manifest['dependencies'], undefined, 'the bundles inline every dependency');
  });
});
