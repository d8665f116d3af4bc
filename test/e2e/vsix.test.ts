// The VSIX as a user installs it: exactly the files the extension loads (.vscodeignore; the list is
// derived in test/support/shippedFiles.ts), an extension page (EXTENSION.md, packaged as
// extension/readme.md) whose images are in the VSIX and whose links are absolute, and a manifest
// with real repository, homepage, bugs and icon fields.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { report } from './harness';
import { prepareExtension } from './prepare';
import { expectedExtensionFiles, vsixEntry } from '../support/shippedFiles';

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

  it('the extension page renders: every image is in the VSIX, every link is absolute or an anchor', () => {
    const readme = unzip(['-p', vsix, 'extension/readme.md']);
    assert.doesNotMatch(readme, /scripts\/|npm run|CONTRIBUTING/, 'the extension page speaks to users, not developers');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length >= 2, 'the page shows screenshots');
    for (const src of images) {
      if (/^https:\/\//.test(src)) continue;
      assert.ok(files.includes(`extension/${src}`), `image ${src} is not in the VSIX`);
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
