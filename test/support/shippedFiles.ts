// What the VSIX must hold: exactly the files the extension loads, derived from the sources that load
// them, so a new contribution that is not shipped, or a shipped file nothing loads, fails a test
// (test/protocol/vsix-files.test.ts through `vsce ls`; test/e2e/vsix.test.ts on the packaged VSIX).
//  - the manifest: `main`, `icon`, and every string under `contributes` that names a file of the
//    repository (language configuration, grammar, snippets, YAML schema, walkthrough media);
//  - the images the walkthrough pages show (the extension page's images are https URLs of the
//    release tag, not shipped: scripts/package-vsix.mjs says why);
//  - the bundles the code loads by path at run time (RUNTIME_FILES, each checked against its source);
//  - the manifest itself, its package.nls.json strings, the licence, changelog and extension page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { repoRoot } from './reference';

/** Files loaded by path at run time, and the source line that loads each (the test checks it is there). */
export const RUNTIME_FILES: { file: string; source: string; mentions: string[] }[] = [
  { file: 'dist/server/server.js', source: 'client/src/client.ts', mentions: ["'dist', 'server', 'server.js'"] },
  { file: 'dist/server/reportWorker.js', source: 'server/src/data/reportWorker.ts', mentions: ["'reportWorker.js'"] },
  { file: 'dist/webview/panel.js', source: 'client/src/panels/previewPanels.ts', mentions: ["'dist', 'webview'", "'panel.js'"] },
  { file: 'dist/webview/panel.css', source: 'client/src/panels/previewPanels.ts', mentions: ["'dist', 'webview'", "'panel.css'"] },
];

/** The extension page vsce packages as extension/readme.md (`--readme-path`). */
export const EXTENSION_PAGE = 'EXTENSION.md';

const isFile = (rel: string) => existsSync(join(repoRoot, rel)) && statSync(join(repoRoot, rel)).isFile();
const clean = (p: string) => normalize(p.replace(/^\.\//, '')).replace(/\\/g, '/');

function manifestFiles(manifest: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['main', 'browser', 'icon']) if (typeof manifest[key] === 'string') out.push(clean(manifest[key] as string));
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/^[\w./-]+\.[a-z]+$/i.test(v) && !/^[a-z]+:/i.test(v) && isFile(clean(v))) out.push(clean(v));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest['contributes']);
  return out;
}

/** Relative image paths a Markdown file shows, resolved against its folder. */
export function markdownImages(mdPath: string): string[] {
  const text = readFileSync(join(repoRoot, mdPath), 'utf8');
  const srcs = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...text.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]!);
  return srcs.filter((s) => !/^[a-z]+:/i.test(s)).map((s) => clean(join(dirname(mdPath), s)));
}

/** Every file the extension loads, as repository paths, sorted. */
export function expectedExtensionFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  const files = new Set<string>(['package.json', 'LICENSE', 'CHANGELOG.md', EXTENSION_PAGE, ...manifestFiles(manifest), ...RUNTIME_FILES.map((r) => r.file)]);
  if (/"%[\w.-]+%"/.test(readFileSync(join(repoRoot, 'package.json'), 'utf8'))) files.add('package.nls.json');
  for (const f of [...files]) if (f.endsWith('.md') && f !== EXTENSION_PAGE && f !== 'CHANGELOG.md') for (const img of markdownImages(f)) files.add(img);
  return [...files].sort();
}

/** The VSIX entry a repository file becomes (vsce renames the readme, changelog and licence). */
export function vsixEntry(file: string): string {
  if (file === EXTENSION_PAGE) return 'extension/readme.md';
  if (file === 'CHANGELOG.md') return 'extension/changelog.md';
  if (file === 'LICENSE') return 'extension/LICENSE.txt';
  return `extension/${file}`;
}
