// The editor's product surface in a real VS Code (code-server + Chromium, the packaged VSIX): the
// walkthrough and its "New eval spec" step writing a spec from the template, the language status
// item with the open spec's verdict (BLOCKED by the example's calibration data), and "Export design
// review" rendering the review Markdown. Screenshots: test-results/e2e/walkthrough-*.png.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openEditorSession, removeTempDir, report, repoRoot, screenshot, step, tempDir, type EditorSession } from './harness';
import { prepareExtension } from './prepare';
import * as wb from './workbench';

const newSpec = 'checkout-bot.evalspec.yaml';

describe('walkthrough, language status and design review in a real VS Code', { timeout: 300_000 }, () => {
  let session: EditorSession;
  let workspace: string;
  /** What `evalspec review` says of the example in the same folder: the editor must say the same. */
  let cliVerdict: { status: string; errors: number; warnings: number };

  before(async () => {
    const { vsix } = prepareExtension();
    // The example and its data files: the calibration report BLOCKS the launch.
    workspace = tempDir('ws-walkthrough');
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    const cli = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'evalspec.js'), 'review', 'support-chat.evalspec.yaml', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    cliVerdict = (JSON.parse(cli.stdout) as { verdict: typeof cliVerdict }[])[0]!.verdict;
    session = await openEditorSession('walkthrough', { vsix });
    await wb.openFolder(session.page, session.server.baseUrl, workspace);
  });

  after(async () => {
    await session?.close();
    if (workspace) await removeTempDir(workspace);
  });

  it('opens the walkthrough, whose first step creates a spec from the template', async () => {
    await step(() => session, 'walkthrough', async () => {
      const { page } = session;
      await wb.runCommand(page, 'Welcome: Open Walkthrough...');
      const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with EvalSpec' }).first();
      await pick.waitFor({ timeout: wb.workbenchTimeoutMs });
      await pick.click();
      const container = page.locator('.gettingStartedContainer');
      for (const title of ['Create a spec from the template', 'See the golden-set hint', 'Apply the resize fix', 'Open the previews']) {
        await container.getByText(title, { exact: true }).first().waitFor({ timeout: wb.workbenchTimeoutMs });
      }
      // The first step's media: walkthroughs/new-spec.md, rendered in a webview two iframes deep.
      const media = page.frameLocator('.gettingStartedContainer iframe.webview.ready').frameLocator('iframe#active-frame');
      await media.locator('h1', { hasText: 'Create a spec from the template' }).waitFor({ timeout: wb.workbenchTimeoutMs });
      assert.match(await media.locator('body').innerText(), /is measured: one or two primary metrics/);
      await screenshot(page, 'walkthrough-1-steps');
      await container.getByRole('button', { name: 'New eval spec' }).first().click();
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ timeout: wb.workbenchTimeoutMs });
      await input.fill('../outside.evalspec.yaml');
      await page.locator('.quick-input-widget .quick-input-message', { hasText: 'without a folder' }).waitFor({ timeout: wb.workbenchTimeoutMs });
      await input.fill(newSpec);
      await page.keyboard.press('Enter');
      await wb.activeTab(page, newSpec).waitFor({ timeout: wb.workbenchTimeoutMs });
      await page.locator('.editor-instance .monaco-editor .view-lines').filter({ hasText: 'metrics:' }).first().waitFor({ timeout: wb.workbenchTimeoutMs });
      const shown = await wb.visibleEditorText(page);
      assert.match(shown, /^evalspec: 1$/m);
      assert.match(shown, /^name: my-system$/m);
      assert.ok(existsSync(join(workspace, newSpec)), 'the spec file was created in the workspace folder');
      // The template's golden set is too small for its target: the diagnostic the next steps fix.
      await wb.squiggles(page).first().waitFor({ timeout: wb.workbenchTimeoutMs });
      await screenshot(page, 'walkthrough-2-new-spec');
      await page.keyboard.press('Escape');
      await wb.saveActiveEditor(page, newSpec);
      assert.match(readFileSync(join(workspace, newSpec), 'utf8'), /^golden_set:/m);
    });
  });

  it('shows the open spec\'s verdict in the language status item, linked to the report', async () => {
    await step(() => session, 'language-status', async () => {
      const { page } = session;
      await wb.quickOpen(page, 'support-chat.evalspec.yaml');
      // The language status entry ({} in the status bar); its hover lists the items.
      const entry = page.locator('[id="status.languageStatus"]');
      await entry.waitFor({ timeout: wb.workbenchTimeoutMs });
      // The verdict `evalspec review` gives the same spec and data: the item must come to say it.
      assert.equal(cliVerdict.status, 'blocked');
      const expected = `BLOCKED: judge calibration ${cliVerdict.errors} errors, ${cliVerdict.warnings} warnings Calibration report`;
      const t = Date.now();
      let text = '';
      // The item follows the diagnostics as the data reports come in; the hover shows its current text.
      for (;;) {
        await entry.click();
        const hover = page.locator('.monaco-hover .hover-language-status');
        await hover.first().waitFor({ timeout: wb.workbenchTimeoutMs });
        text = (await hover.first().innerText()).replace(/\s+/g, ' ').trim();
        if (text.includes(expected) || Date.now() - t > wb.workbenchTimeoutMs) break;
        await page.keyboard.press('Escape');
        await hover.first().waitFor({ state: 'hidden', timeout: wb.workbenchTimeoutMs });
      }
      report('spec open → status item shows the CLI\'s verdict', `${Date.now() - t} ms`);
      assert.ok(text.includes(expected), `the status item says ${JSON.stringify(text)}, the CLI ${JSON.stringify(expected)}`);
      await screenshot(page, 'walkthrough-3-language-status');
      await page.keyboard.press('Escape');
    });
  });

  it('"EvalSpec: Export design review" renders the review Markdown', async () => {
    await step(() => session, 'export-review', async () => {
      const { page } = session;
      await wb.quickOpen(page, 'support-chat.evalspec.yaml');
      await wb.runCommand(page, 'EvalSpec: Export design review');
      // The Markdown preview is a webview: its document is two iframes deep.
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await preview.locator('h1', { hasText: 'Design review: support-chat' }).waitFor({ timeout: wb.workbenchTimeoutMs });
      const body = await preview.locator('body').innerText();
      assert.ok(body.includes(`BLOCKED: ${cliVerdict.errors} errors, ${cliVerdict.warnings} warnings.`), body.slice(0, 400));
      assert.match(body, /error golden-set-too-small \(line \d+\): A golden set of 200: task_success in cohort free gets ±11\.1 pp/);
      assert.match(body, /Baseline cost \$66,355\.20\/day/);
      assert.doesNotMatch(body, /\\\$/, 'escapes render as the characters they escape');
      await screenshot(page, 'walkthrough-4-review');
    });
  });
});
