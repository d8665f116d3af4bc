// The extension page as a user sees it after installing the VSIX (code-server's extension details
// editor). VS Code renders an extension's README in a webview whose Content-Security-Policy allows
// images only from https: and data:, and whose sanitizer keeps only http(s) image sources: a
// relative image is shown broken (measured here: both screenshots broken with relative links). So
// scripts/package-vsix.mjs rewrites EXTENSION.md's images to the repository at this version's tag.
// This machine has no internet: the test answers requests for that tag from the checkout's own files
// (Playwright routing, the only stand-in for GitHub here) and checks that every image the page asks
// for is such a URL, names a committed file, and renders. Screenshots: test-results/e2e/extension-page*.png.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { openEditorSession, removeTempDir, report, repoRoot, screenshot, step, tempDir, type EditorSession } from './harness';
import { prepareExtension } from './prepare';
import * as wb from './workbench';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const base = `https://raw.githubusercontent.com/evalspec/evalspec/v${version}/`;

/** The (nested) frame whose body text includes `text`, waited for. */
async function frameWithText(page: Page, text: string): Promise<Frame> {
  const t = Date.now();
  for (;;) {
    for (const f of page.frames()) {
      const has = await f.evaluate((s) => document.body?.innerText.includes(s) ?? false, text).catch(() => false);
      if (has) return f;
    }
    if (Date.now() - t > wb.workbenchTimeoutMs) throw new Error(`no frame shows "${text}"`);
    await page.waitForEvent('framenavigated', { timeout: 2_000 }).catch(() => undefined);
  }
}

describe('the extension page of the installed VSIX in a real VS Code', { timeout: 300_000 }, () => {
  let session: EditorSession;
  let workspace: string;
  /** Files of the tag the page asked for, and any other GitHub request (there must be none). */
  const served: string[] = [];
  const refused: string[] = [];

  before(async () => {
    const { vsix } = prepareExtension();
    workspace = tempDir('ws-extension-page');
    // A folder with a file in it: the Explorer shows a row once the workbench is up.
    writeFileSync(join(workspace, 'README.md'), '# A workspace\n');
    session = await openEditorSession('extension-page', { vsix });
    await session.page.context().route(/^https:\/\/(raw\.githubusercontent\.com|github\.com)\//, async (route) => {
      const url = route.request().url();
      const file = url.startsWith(base) ? decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, '')) : '';
      if (file && !file.includes('..') && existsSync(join(repoRoot, file))) {
        served.push(file);
        await route.fulfill({ status: 200, contentType: file.endsWith('.png') ? 'image/png' : 'application/octet-stream', body: readFileSync(join(repoRoot, file)) });
      } else {
        refused.push(url);
        await route.fulfill({ status: 404, body: '' });
      }
    });
    await wb.openFolder(session.page, session.server.baseUrl, workspace);
  });

  after(async () => {
    await session?.close();
    if (workspace) await removeTempDir(workspace);
  });

  it("renders the README with its screenshots from this version's tag", async () => {
    await step(() => session, 'extension-page', async () => {
      const { page } = session;
      await wb.runCommand(page, 'Extensions: Show Installed Extensions');
      const entry = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'EvalSpec' }).first();
      await entry.waitFor({ timeout: wb.workbenchTimeoutMs });
      await entry.click();
      await page.locator('.extension-editor .header .name', { hasText: 'EvalSpec' }).first().waitFor({ timeout: wb.workbenchTimeoutMs });
      // The README is an overlay webview (laid over the editor, not inside it in the DOM): the frame
      // whose document holds the page's first sentence.
      const readme = await frameWithText(page, 'Write the eval before the architecture');
      const images = readme.locator('img');
      await images.first().waitFor({ state: 'attached', timeout: wb.workbenchTimeoutMs });
      // Every image loaded and has pixels (a broken image is complete with naturalWidth 0).
      const t = Date.now();
      let states: { src: string; alt: string; ok: boolean }[] = [];
      for (;;) {
        states = await images.evaluateAll((els) => els.map((e) => ({ src: (e as HTMLImageElement).currentSrc || (e as HTMLImageElement).src, alt: (e as HTMLImageElement).alt, ok: (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0 })));
        if (states.every((s) => s.ok) || Date.now() - t > wb.workbenchTimeoutMs) break;
        await images.first().evaluate((e) => new Promise((resolve) => requestAnimationFrame(() => resolve(e))));
      }
      assert.equal(states.length, 2, JSON.stringify(states));
      for (const s of states) {
        assert.ok(s.src.startsWith(base), `${s.src} is not an image of tag v${version}`);
        assert.ok(s.ok, `image not rendered: ${s.alt} (${s.src})`);
      }
      assert.deepEqual([...new Set(served)].sort(), ['images/calibration-panel.png', 'images/editor.png']);
      assert.deepEqual(refused, [], 'the page asked GitHub for something that is not a file of the tag');
      report('extension page images', states.map((s) => s.src).join(', '));
      await screenshot(page, 'extension-page');
      await images.nth(1).scrollIntoViewIfNeeded();
      await screenshot(page, 'extension-page-calibration');
    });
  });
});
