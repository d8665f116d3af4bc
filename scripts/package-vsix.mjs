#!/usr/bin/env node
// Packs the VSIX as it is published: `node scripts/package-vsix.mjs [out.vsix]` (npm run package,
// scripts/demo.sh and the e2e tests run this). vsce runs the production build (vscode:prepublish).
//
// The extension page is EXTENSION.md (packaged as extension/readme.md). Its images are rewritten to
// absolute https URLs of this version's tag (--baseImagesUrl), not shipped and linked relatively:
// VS Code renders an extension's README in a webview whose Content-Security-Policy allows images
// only from https: and data:, and whose sanitizer keeps only http(s) image sources, so a relative
// image (or a file: or data: one) is shown broken, on the Marketplace and for an installed VSIX
// alike. Pinned to the tag `v<version>`, the page shows the screenshots of the version installed,
// not whatever the default branch holds later. Without internet the images show their alt text.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The base URLs of the extension page's images and relative links: the repository at tag v<version>. */
export function extensionPageBases(manifest) {
  const repo = String(manifest.repository?.url ?? manifest.repository ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
  const m = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+)$/.exec(repo);
  if (!m) throw new Error(`package.json repository.url is not a GitHub https URL: ${repo}`);
  const tag = `v${manifest.version}`;
  return { images: `https://raw.githubusercontent.com/${m[1]}/${tag}/`, content: `https://github.com/${m[1]}/blob/${tag}/` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? 'evalspec.vsix';
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const bases = extensionPageBases(manifest);
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const args = ['package', '--no-dependencies', '--readme-path', 'EXTENSION.md', '--baseImagesUrl', bases.images, '--baseContentUrl', bases.content, '-o', out];
  const r = spawnSync(vsce, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  process.exit(r.status ?? 1);
}
