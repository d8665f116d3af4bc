// One esbuild script for every bundle: the extension client, the language server, the CLI.
// `--production` minifies; `--watch` rebuilds on change. `vscode` is provided by the host.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The SARIF rule descriptions come from docs/rules.md (server/src/cli/ruleCatalog.ts, committed so
// typecheck and tests see it); regenerate it here so an edit to rules.md reaches the bundle.
{
  const { catalogSource } = await import('./generate-rule-catalog.mjs');
  const target = new URL('../server/src/cli/ruleCatalog.ts', import.meta.url);
  const source = catalogSource(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8'));
  if (readFileSync(target, 'utf8') !== source) writeFileSync(target, source);
}

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // DuckDB is a native module: never bundled, loaded at run time from a documented install (README, "Engines").
  external: ['vscode', '@duckdb/node-api'],
  // Some dependencies ship only ESM that reads import.meta.url; give the CommonJS bundle one.
  // The version the CLI and the server report comes from the manifest.
  define: { 'import.meta.url': '__evalspecImportMetaUrl', 'process.env.EVALSPEC_VERSION': JSON.stringify(pkg.version) },
  inject: ['scripts/import-meta-url.js'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js', banner: { js: '#!/usr/bin/env node' } },
  // Reports run in a worker thread beside the server (server/src/data/reportWorker.ts).
  { entryPoints: ['server/src/data/reportWorker.ts'], outfile: 'dist/server/reportWorker.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli/evalspec.js', banner: { js: '#!/usr/bin/env node' } },
];

// The preview panels' webview: browser code, one IIFE script loaded with the CSP nonce, and its
// stylesheet (its own entry). No CDN: Observable Plot and d3 are bundled in.
const webviewCommon = {
  bundle: true,
  platform: 'browser',
  target: 'chrome120',
  format: 'iife',
  sourcemap: production ? false : 'inline',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};
const webviewEntries = [
  { entryPoints: ['client/webview/main.ts'], outfile: 'dist/webview/panel.js' },
  { entryPoints: ['client/webview/panel.css'], outfile: 'dist/webview/panel.css' },
];

const contexts = await Promise.all([
  ...entries.map((e) => esbuild.context({ ...common, ...e })),
  ...webviewEntries.map((e) => esbuild.context({ ...webviewCommon, ...e })),
]);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] build started');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
