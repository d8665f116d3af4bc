// Inline figures and a repair in the real editor: the VSIX in code-server, driven in Chromium.
// The golden-set line of the seed's chat product shows its half-width and the size it needs as an
// inlay hint; the "resize" quick fix rewrites the size and the diagnostic goes away.
import * as assert from 'node:assert/strict';
import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openEditorSession, removeTempDir, report, repoRoot, screenshot, tempDir, type EditorSession, step } from './harness';
import { prepareExtension } from './prepare';
import * as wb from './workbench';

const spec = 'support-chat.evalspec.yaml';

describe('inline figures and quick fixes in a real VS Code', { timeout: 300_000 }, () => {
  let session: EditorSession;
  let workspace: string;


  before(async () => {
    const { vsix } = prepareExtension();
    workspace = tempDir('inline');
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    session = await openEditorSession('inline', { vsix });
    await wb.openFolder(session.page, session.server.baseUrl, workspace);
  });

  after(async () => {
    await session?.close();
    if (workspace) await removeTempDir(workspace);
  });

  it('shows the half-width and the needed size as an inlay hint on the golden-set line', async () => {
    await step(() => session, 'inlay-hint', async () => {
      const { page } = session;
      const lines = readFileSync(join(workspace, spec), 'utf8').split('\n');
      const sizeLine = lines.findIndex((l) => /^ {2}size: 200\b/.test(l)) + 1;
      assert.ok(sizeLine > 0, 'example lost its golden_set size line');
      const t = await wb.quickOpen(page, spec);
      await wb.goToLine(page, sizeLine);
      const hint = page.locator('.editor-instance .monaco-editor .view-line', { hasText: '±6.3 pp overall (stratified, 95%)' });
      await hint.first().waitFor({ timeout: wb.workbenchTimeoutMs });
      report('file open → golden-set inlay hint', `${Date.now() - t} ms`);
      const text = ((await hint.first().textContent()) ?? '').replace(/\u00a0/g, ' ');
      // The hint follows the line's own text (here a trailing comment).
      // The extension sets 120 characters per line for spec files; the server fits each line to it.
      assert.match(text, /^ {2}size: 200\b.*±6\.3 pp overall \(stratified, 95%\) · ±11\.1 pp per cohort · needs 6,148$/);
      await wb.squiggles(page).first().waitFor({ timeout: wb.workbenchTimeoutMs });
      const shot = await screenshot(page, '05-inlay-hints');
      if (process.env['EVALSPEC_UPDATE_README_IMAGE']) copyFileSync(shot, join(repoRoot, 'docs', 'images', 'editor.png'));
    });
  });

  it('the resize quick fix rewrites the size and the diagnostic disappears', async () => {
    await step(() => session, 'quick-fix', async () => {
      const { page } = session;
      const before = readFileSync(join(workspace, spec), 'utf8');
      const sizeLine = before.split('\n').findIndex((l) => /^ {2}size: 200\b/.test(l)) + 1;
      await wb.goToLine(page, sizeLine, 9);
      const title = await wb.applyQuickFix(page, (label) => label.startsWith('Resize golden set to 6,148'));
      report('applied quick fix', title);
      await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'size: 6148' }).first().waitFor({ timeout: wb.workbenchTimeoutMs });
      await wb.saveActiveEditor(page, spec);
      const after = readFileSync(join(workspace, spec), 'utf8');
      assert.match(after, /^ {2}size: 6148\b/m);
      assert.equal(after.replace(/size: 6148/, 'size: 200'), before, 'the fix changed more than the size');
      // The error is gone: the Problems panel no longer lists golden-set-too-small, and the hint agrees.
      await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'size: 6148'}).filter({ hasText: '±1.1 pp overall (stratified, 95%)' }).first().waitFor({ timeout: wb.workbenchTimeoutMs });
      const rows = await wb.problemsOrEmpty(page);
      assert.ok(!rows.some((r) => /golden set of 200|golden-set-too-small/.test(r)), `still listed: ${JSON.stringify(rows)}`);
      await screenshot(page, '06-after-resize');
    });
  });
});
