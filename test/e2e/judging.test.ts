// Issue 11 in the real editor: the judging example's calibration line shows how often the
// Spearman gate blocks a good judge, and the κ line how precise a batch's κ is, as inlay hints
// computed by the language server.
import * as assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openEditorSession, removeTempDir, report, repoRoot, screenshot, tempDir, type EditorSession, step } from './harness';
import { analyzeSpec } from '../../server/src/core';
import { prepareExtension } from './prepare';
import * as wb from './workbench';

const spec = 'paired-judge.evalspec.yaml';

describe('judging figures in a real VS Code', { timeout: 300_000 }, () => {
  let session: EditorSession;
  let workspace: string;

  before(async () => {
    const { vsix } = prepareExtension();
    workspace = tempDir('judging');
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    session = await openEditorSession('judging', { vsix });
    await wb.openFolder(session.page, session.server.baseUrl, workspace);
  });

  after(async () => {
    await session?.close();
    if (workspace) await removeTempDir(workspace);
  });

  it('shows P(block | ρ) of the calibration gate as an inlay hint on calibration.examples', async () => {
    await step(() => session, 'judging-hint', async () => {
      const { page } = session;
      const lines = readFileSync(join(workspace, spec), 'utf8').split('\n');
      const line = lines.findIndex((l) => /^ {4}examples: 50\b/.test(l)) + 1;
      assert.ok(line > 0, 'example lost its calibration examples line');
      const t = await wb.quickOpen(page, spec);
      await wb.goToLine(page, line);
      const hint = page.locator('.editor-instance .monaco-editor .view-line', { hasText: '50 examples: P(block | ρ = 0.80) = 23%' });
      await hint.first().waitFor({ timeout: wb.workbenchTimeoutMs });
      report('file open → calibration-gate inlay hint', `${Date.now() - t} ms`);
      const text = ((await hint.first().textContent()) ?? '').replace(/\u00a0/g, ' ');
      // The hint follows the value in the line's DOM text with no separator of its own.
      assert.match(text, /^ {4}examples: 50 ?50 examples: P\(block \| ρ = 0\.80\) = 23%/);
      await screenshot(page, 'judging-calibration-hint');
    });
  });
  it('shows the annotator κ gate planned at the declared examples on min_kappa', async () => {
    await step(() => session, 'kappa-hint', async () => {
      const { page } = session;
      const text = readFileSync(join(workspace, spec), 'utf8');
      const line = text.split('\n').findIndex((l) => /^ {4}min_kappa: /.test(l)) + 1;
      assert.ok(line > 0, 'example lost its min_kappa line');
      // The hint the core computes for this file; the editor must show exactly it.
      const want = analyzeSpec(text).figures.notes.find((n) => n.id === 'judge.calibration.kappaGate')?.hint;
      assert.ok(want, 'the core computed no κ gate figure for the example');
      await wb.quickOpen(page, spec);
      await wb.goToLine(page, line);
      const hint = page.locator('.editor-instance .monaco-editor .view-line', { hasText: want });
      await hint.first().waitFor({ timeout: wb.workbenchTimeoutMs });
      const shown = ((await hint.first().textContent()) ?? '').replace(/\u00a0/g, ' ');
      assert.ok(shown.includes(`min_kappa: 0.80`), shown);
      assert.match(want, /^50 ex\.: ±0\.\d\d; P\(drop \| κ=0\.85\) \d+%$/);
      await screenshot(page, 'judging-kappa-hint');
    });
  });
  it('shows every figure of the example as an inlay hint on the line it explains', async () => {
    await step(() => session, 'every-hint', async () => {
      const { page } = session;
      const text = readFileSync(join(workspace, spec), 'utf8');
      const notes = analyzeSpec(text).figures.notes;
      assert.ok(notes.length >= 10, `only ${notes.length} figures`);
      await wb.quickOpen(page, spec);
      const missing: string[] = [];
      for (const n of notes) {
        await wb.goToLine(page, n.anchor.start.line + 1);
        // VS Code cuts a line's inlay hints, together, at editor.inlayHints.maximumLength (43 by
        // default, which hid the second figure of a line and the end of long ones): the extension
        // sets 120 for EvalSpec files, so every figure must be on screen whole.
        const hint = page.locator('.editor-instance .monaco-editor .view-line', { hasText: n.hint });
        const shown = await hint
          .first()
          .waitFor({ timeout: wb.workbenchTimeoutMs })
          .then(() => true)
          .catch(() => false);
        if (!shown) missing.push(`${n.id} (line ${n.anchor.start.line + 1}): ${n.hint}`);
      }
      await screenshot(page, 'judging-every-hint');
      assert.deepEqual(missing, [], `figures with no hint on screen:\n${missing.join('\n')}`);
    });
  });
});
