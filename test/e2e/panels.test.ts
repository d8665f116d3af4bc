// The preview panels in a real VS Code (code-server + Chromium), from the packaged VSIX: open each
// panel on the example data, read the verdicts and figures from the webview's DOM (a webview is an
// `iframe.webview` whose document holds the `#active-frame` iframe with the panel), check that the
// strict CSP refused nothing, screenshot each panel, and show that cohort names holding `<script>`
// and `<img onerror>` are drawn as text and run nothing. Needs `bash scripts/setup-editor.sh`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { openEditorSession, report, repoRoot, screenshot, type EditorSession, step } from './harness';
import { prepareExtension } from './prepare';
import * as wb from './workbench';
import { calibrationRows } from '../support/calibrationRows';

const timeout = wb.workbenchTimeoutMs;
const xssScript = '<script>alert("xss-script")</script>';
const xssImg = '<img src=x onerror=alert("xss-img")>';
const noDataName = 'Checkout <b>bot</b> & "beta"';

/** The panel document inside the visible webview. */
function panelFrame(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready:visible').last().contentFrame().locator('iframe#active-frame').contentFrame();
}

/**
 * Makes a spec the active, focused editor. Opened from the Explorer, not Quick Open: after a panel
 * took the keyboard focus, Ctrl+P goes to the webview's frame.
 */
async function focusSpec(page: Page, fileName: string): Promise<void> {
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${fileName}"]`).first().click();
  await wb.activeTab(page, fileName).first().waitFor({ timeout });
  await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first().click();
}

/** Runs a palette command and resolves when the panel shows a report or an error, with the time it took. */
async function openPanel(page: Page, title: string): Promise<{ frame: FrameLocator; ms: number }> {
  const t = Date.now();
  await wb.runCommand(page, title);
  const frame = panelFrame(page);
  await frame.locator('#app[data-ready="true"], #error').first().waitFor({ timeout: 120_000 });
  return { frame, ms: Date.now() - t };
}

/** The panel's visible text holds no developer timings ("12 ms") and no raw Markdown code spans. */
async function assertNoDeveloperText(frame: FrameLocator): Promise<void> {
  const text = await frame.locator('body').innerText();
  assert.doesNotMatch(text, /\b\d+(\.\d+)? ?ms\b|drawn in|computed in/, 'a timing in the panel');
  assert.doesNotMatch(text, /`[^`\n]+`/, 'a raw Markdown code span in the panel');
}

describe('EvalSpec preview panels in a real VS Code (code-server + Chromium)', { timeout: 600_000 }, () => {
  let session: EditorSession;
  let workspace: string;
  const dialogs: string[] = [];


  before(async () => {
    const { vsix } = prepareExtension();
    workspace = mkdtempSync(join(tmpdir(), 'evalspec-e2e-panels-'));
    mkdirSync(join(workspace, 'data'));
    copyFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), join(workspace, 'support-chat.evalspec.yaml'));
    for (const f of ['calibration.csv', 'routing.csv']) copyFileSync(join(repoRoot, 'examples', 'data', f), join(workspace, 'data', f));
    // The same calibration data with hostile cohort names (RFC 4180 quoting for the quotes inside).
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const lines = readFileSync(join(repoRoot, 'examples', 'data', 'calibration.csv'), 'utf8').trimEnd().split('\n');
    const hostile = lines.map((l, i) => (i === 0 ? l : l.replace(/,(free|pro|enterprise),/, (_m, c: string) => `,${c === 'free' ? csvCell(xssScript) : c === 'pro' ? csvCell(xssImg) : c},`)));
    writeFileSync(join(workspace, 'data', 'hostile.csv'), `${hostile.join('\n')}\n`);
    const spec = readFileSync(join(workspace, 'support-chat.evalspec.yaml'), 'utf8').replace('data: data/calibration.csv', 'data: data/hostile.csv');
    writeFileSync(join(workspace, 'hostile.evalspec.yaml'), spec);
    writeFileSync(join(workspace, 'data', 'big.csv'), calibrationRows(100_000));
    writeFileSync(join(workspace, 'big.evalspec.yaml'), spec.replace('data: data/hostile.csv', 'data: data/big.csv'));
    // No calibration evidence: the example, golden set large enough (its only other error), with a
    // calibration file whose every annotation batch fails κ (test/fixtures/data, the parity fixture's data).
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'data', 'data', 'all-excluded.csv'), join(workspace, 'data', 'all-excluded.csv'));
    const example = readFileSync(join(workspace, 'support-chat.evalspec.yaml'), 'utf8');
    const noEvidence = example.replace(/  size: 200 .*\n/, '  size: 8000\n').replace('data: data/calibration.csv', 'data: data/all-excluded.csv');
    assert.notEqual(noEvidence.indexOf('size: 8000'), -1);
    writeFileSync(join(workspace, 'no-evidence.evalspec.yaml'), noEvidence);
    // A judge that names no calibration data, and a name with markup in it (the tab says it as text).
    const noData = example.replace(/^ {4}data: data\/calibration\.csv\n/m, '').replace(/^name: support-chat$/m, `name: '${noDataName}'`);
    assert.ok(!noData.includes('data/calibration.csv') && noData.includes(noDataName));
    writeFileSync(join(workspace, 'no-data.evalspec.yaml'), noData);
    session = await openEditorSession('panels', { vsix });
    session.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await wb.openFolder(session.page, session.server.baseUrl, workspace);
  });

  after(async () => {
    await session?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the calibration verdict, ρ per cohort and month, κ batches and charts', async () => {
    await step(() => session, 'calibration-panel', async () => {
      const { page } = session;
      await wb.quickOpen(page, 'support-chat.evalspec.yaml');
      const { frame, ms } = await openPanel(page, 'EvalSpec: Open calibration preview');
      report('calibration panel: command → figures (1,800 rows, first panel of the session)', `${ms} ms`);
      report('calibration panel (1,800 rows): report request / webview draw', `${await frame.locator('#app').getAttribute('data-request-ms')} ms / ${await frame.locator('#app').getAttribute('data-draw-ms')} ms`);
      await frame.locator('#verdict').waitFor({ timeout });
      assert.match(await frame.locator('#verdict-title').innerText(), /BLOCKED/);
      assert.match(await frame.locator('#verdict-summary').innerText(), /0\.620 .*2026-09.* below 0\.75/);
      await assertNoDeveloperText(frame);
      await wb.activeTab(page, 'Calibration: support-chat').first().waitFor({ timeout });
      assert.match(await frame.locator('#spearman-overall').innerText(), /ρ = 0\.748 \[0\.72\d, 0\.7\d\d\]/);
      assert.match(await frame.locator('#trend-crossed').innerText(), /2026-07/);
      const months = await frame.locator('#table-spearman-month tbody tr').allInnerTexts();
      assert.equal(months.length, 6);
      assert.match(months[0]!, /2026-04\s+300\s+0\.852/);
      assert.match(await frame.locator('#table-kappa').innerText(), /2026-07 \/ enterprise\s+30\s+0\.114.*excluded/);
      assert.match(await frame.locator('#high-confidence-precision').innerText(), /precision 0\.812/);
      for (const id of ['spearman-by-month', 'spearman-by-cohort', 'kappa-by-batch', 'reliability', 'judge-vs-human']) {
        const svg = frame.locator(`#chart-${id} svg[role="img"]`).first();
        await svg.waitFor({ timeout });
        assert.ok(await svg.getAttribute('aria-label'), `${id} has no aria-label`);
        assert.ok((await frame.locator(`#chart-${id} .summary`).innerText()).length > 20, `${id} has no text alternative`);
      }
      // Tables have captions and column headers; figures and buttons take keyboard focus.
      assert.ok((await frame.locator('table caption').count()) >= 4);
      assert.ok((await frame.locator('th[scope="col"]').count()) > 10);
      await frame.locator('#refresh').focus();
      await page.keyboard.press('Tab');
      assert.equal(await frame.locator(':focus').getAttribute('id'), 'copy-markdown');
      // Plot's <style> elements carry the page nonce, so the CSP admits them.
      const styles = await frame.locator('figure.chart svg style').evaluateAll((els) => els.map((e) => (e as HTMLStyleElement).nonce));
      assert.ok(styles.length > 0 && styles.every((n) => !!n && n.length > 0), 'chart <style> without nonce');
      await screenshot(page, 'panel-calibration');
      await frame.locator('#chart-spearman-by-month').scrollIntoViewIfNeeded();
      await screenshot(page, 'panel-calibration-trend');
      await frame.locator('#chart-reliability').scrollIntoViewIfNeeded();
      await screenshot(page, 'panel-calibration-reliability');
    });
  });

  it('shows the routing alerts, incident cost, cost per tier and the frontier', async () => {
    await step(() => session, 'routing-panel', async () => {
      const { page } = session;
      await focusSpec(page, 'support-chat.evalspec.yaml');
      const { frame, ms } = await openPanel(page, 'EvalSpec: Open routing preview');
      report('routing panel: command → figures (60,485 rows)', `${ms} ms`);
      report('routing panel (60,485 rows): report request / webview draw', `${await frame.locator('#app').getAttribute('data-request-ms')} ms / ${await frame.locator('#app').getAttribute('data-draw-ms')} ms`);
      assert.match(await frame.locator('#alerts-title').innerText(), /3 of 3 alerts fired/);
      assert.match(await frame.locator('[data-alert="flagship-share"]').innerText(), /first fires at 2026-09-30 15:10 UTC/);
      assert.match(await frame.locator('[data-alert="p10-confidence"]').innerText(), /first fires at 2026-10-02/);
      assert.match(await frame.locator('[data-alert="cost-share"]').innerText(), /first fires at 2026-09-30 15:20 UTC/);
      // Panel money = ledger money: the log (a 1-in-50,000 sample) scaled to the declared traffic, the
      // ledger row's own figures to the cent, and the log's shift priced on the ledger's basis.
      assert.match(await frame.locator('#incident-so-far').innerText(), /\$699,273\.30 over the baseline tier mix at the declared traffic \(scaled ×50,000 = 1 ÷ router\.sample_rate 0\.00002.*in the log itself \$13\.99/);
      const money = await frame.locator('#table-incident-money tbody tr').allInnerTexts();
      assert.equal(money.length, 3, money.join('\n'));
      assert.match(money[0]!, /ledger router-drift as written 20\.0% to flagship\s+traffic price × cost_multiplier 10\s+\$119,439\.36\s+\$414\.72\s+\$19,906\.56\s+\$119,439\.36/);
      assert.match(money[1]!, /this log on the ledger's basis 20\.6% to flagship\s+traffic price × cost_multiplier 10\s+\$123,308\.63\s+\$428\.15\s+\$20,551\.44\s+\$123,308\.63/);
      assert.match(money[2]!, /this log at the router's prices\s+router tier prices \(log spend ×50,000\)\s+\$129,270\.07\s+\$448\.85\s+\$21,545\.01\s+\$129,270\.07/);
      assert.equal(await frame.locator('#incident-warnings').count(), 0, '4.8% apart: within the 10% tolerance');
      assert.match(await frame.locator('#table-cost').innerText(), /flagship\s+6,754\s+\$51\.87/);
      // The tier called "flagship" is named once in the legend, not "flagship (flagship)".
      const legend = await frame.locator('#chart-tier-share .legend').innerText();
      assert.equal(legend.match(/flagship/g)?.length, 1, legend);
      await assertNoDeveloperText(frame);
      await frame.locator('#table-incident-money').scrollIntoViewIfNeeded();
      await screenshot(page, 'panel-routing-incident-money');
      for (const id of ['tier-share', 'p10-confidence', 'cost-per-tier', 'frontier']) await frame.locator(`#chart-${id} svg[role="img"]`).first().waitFor({ timeout });
      assert.match(await frame.locator('#chart-frontier .summary').innerText(), /current router costs \$0\.00123/);
      await screenshot(page, 'panel-routing');
      await frame.locator('#chart-tier-share').scrollIntoViewIfNeeded();
      await screenshot(page, 'panel-routing-shares');
      await frame.locator('#chart-frontier').scrollIntoViewIfNeeded();
      await screenshot(page, 'panel-routing-frontier');
    });
  });

  it('exports a figure as SVG and PNG and the summary as Markdown', async () => {
    await step(() => session, 'export', async () => {
      const { page } = session;
      const frame = panelFrame(page);
      const saveThrough = async (button: string, file: string): Promise<void> => {
        await frame.locator(`#chart-frontier button[aria-label$="as ${button}"]`).click();
        // code-server's save dialog is the simple file dialog: a quick input holding the default path.
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ timeout });
        // The dialog fills the path in steps; wait for the proposed file name.
        await page.waitForFunction((name) => (document.querySelector('.quick-input-widget .quick-input-box input') as HTMLInputElement | null)?.value.endsWith(`/${name}`) ?? false, file, { timeout });
        await page.keyboard.press('Enter');
        await frame.locator('#status', { hasText: `Saved ${join(workspace, file)}` }).waitFor({ timeout });
      };
      await saveThrough('SVG', 'support-chat-frontier.svg');
      const svg = readFileSync(join(workspace, 'support-chat-frontier.svg'), 'utf8');
      assert.match(svg, /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(svg, /current router/);
      assert.doesNotMatch(svg, /nonce=/);
      await saveThrough('PNG', 'support-chat-frontier.png');
      const png = readFileSync(join(workspace, 'support-chat-frontier.png'));
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.ok(png.length > 5000, `PNG of ${png.length} bytes`);
      report('exported frontier', `SVG ${svg.length} B, PNG ${png.length} B`);
      copyFileSync(join(workspace, 'support-chat-frontier.png'), join(repoRoot, 'test-results', 'e2e', 'export-frontier.png'));
      copyFileSync(join(workspace, 'support-chat-frontier.svg'), join(repoRoot, 'test-results', 'e2e', 'export-frontier.svg'));
      await frame.locator('#copy-markdown').click();
      await frame.locator('#status', { hasText: 'Markdown summary copied' }).waitFor({ timeout });
    });
  });

  it('restores the open panel after a reload', async () => {
    await step(() => session, 'restore', async () => {
      const { page } = session;
      // "Developer: Reload Window", as a user reloads: it runs the workbench's shutdown, which saves
      // the editor layout first (a bare page reload can outrun that save and lose a new editor).
      const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout });
      await wb.runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ timeout });
      // The panel's tab comes back; a background tab is only drawn once it is shown.
      const tab = page.locator('.tabs-container .tab[aria-label*="Routing: support-chat"]').first();
      try {
        await tab.waitFor({ timeout });
      } catch (err) {
        const tabs = await page.locator('.tabs-container .tab').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
        throw new Error(`no routing panel tab after reload; tabs: ${JSON.stringify(tabs)} (${String(err)})`);
      }
      // Restored editors settle for a while after a reload; a click can land before the tab takes
      // focus. Click until the tab is the active one (a condition, not a sleep).
      const active = page.locator('.tabs-container .tab.active[aria-label*="Routing: support-chat"]');
      for (let attempt = 0; attempt < 5 && !(await active.isVisible()); attempt++) {
        await tab.click();
        await active.waitFor({ timeout: 10_000 }).catch(() => undefined);
      }
      await active.waitFor({ timeout });
      const frame = panelFrame(page);
      await frame.locator('#app[data-ready="true"]').waitFor({ timeout: 120_000 });
      assert.match(await frame.locator('h1').innerText(), /Router results/);
      assert.match(await frame.locator('#alerts-title').innerText(), /alerts fired/);
    });
  });

  it('draws hostile cohort names as text and runs nothing', async () => {
    await step(() => session, 'hostile-panel', async () => {
      const { page } = session;
      await focusSpec(page, 'hostile.evalspec.yaml');
      // This time from the code lens above `judge:` (the server's lens runs the client's command),
      // brought on screen first: a restored editor may be scrolled anywhere.
      const judgeLine = readFileSync(join(workspace, 'hostile.evalspec.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('judge:')) + 1;
      await wb.goToLine(page, judgeLine);
      const lens = page.locator('.editor-group-container.active .codelens-decoration a', { hasText: 'open calibration preview' }).first();
      await lens.click();
      const frame = panelFrame(page);
      await frame.locator('#source', { hasText: 'data/hostile.csv' }).waitFor({ timeout: 120_000 });
      // The tab is titled by the spec's `name` (support-chat, copied from the example), not its file.
      await page.locator('.tabs-container .tab[aria-label^="Calibration: support-chat"]').first().waitFor({ timeout });
      assert.equal(await page.locator('.tabs-container .tab[aria-label*="Calibration: hostile"]').count(), 0);
      const cohorts = await frame.locator('#table-spearman-cohort tbody th').allInnerTexts();
      assert.ok(cohorts.includes(xssScript), `cohort cell is not the literal text: ${JSON.stringify(cohorts)}`);
      assert.ok(cohorts.includes(xssImg), `cohort cell is not the literal text: ${JSON.stringify(cohorts)}`);
      // Visible on screen, in the table and as chart tick labels.
      await frame.getByText(xssScript, { exact: true }).first().waitFor({ state: 'visible', timeout });
      await frame.getByText(xssImg, { exact: true }).first().waitFor({ state: 'visible', timeout });
      // Nothing was parsed as markup: no <img> and no script with the payload came from the data
      // (VS Code injects its own inline host script into the frame; that one is allowed).
      assert.equal(await frame.locator('img').count(), 0);
      assert.equal(await frame.locator('script').evaluateAll((els) => els.filter((e) => (e.textContent ?? '').includes('xss-')).length), 0);
      await frame.locator('#chart-spearman-by-cohort').scrollIntoViewIfNeeded();
      await screenshot(page, 'panel-hostile-cohorts');
      assert.deepEqual(dialogs, [], `a dialog fired: ${dialogs.join(', ')}`);
      assert.ok(!session.consoleLines.some((l) => /xss-(script|img)/.test(l)), 'the hostile payload ran');
    });
  });

  it('has the calibration panel ready soon after opening on 100,000 rows', async () => {
    await step(() => session, 'big-panel', async () => {
      const { page } = session;
      // Only this panel on screen, so the webview found is this one and not an earlier panel's.
      await wb.runCommand(page, 'View: Close All Editors');
      await page.locator('iframe.webview.ready:visible').first().waitFor({ state: 'detached', timeout }).catch(() => undefined);
      await focusSpec(page, 'big.evalspec.yaml');
      // Opening the spec starts the report in the server; the panel asks for it at once.
      const { frame, ms } = await openPanel(page, 'EvalSpec: Open calibration preview');
      const app = frame.locator('#app');
      report('calibration panel on 100,000 rows: palette command → figures drawn', `${ms} ms`);
      report('calibration panel on 100,000 rows: report request (worker: read + ρ/κ/bootstrap)', `${await app.getAttribute('data-request-ms')} ms`);
      report('calibration panel on 100,000 rows: webview draw (DOM + 5 charts)', `${await app.getAttribute('data-draw-ms')} ms`);
      assert.match(await frame.locator('#source').innerText(), /100,000 rows used/);
      await screenshot(page, 'panel-calibration-100k');
    });
  });

  it('a spec with no calibration evidence is BLOCKED in the panel, the Problems panel and the CLI exit code', async () => {
    await step(() => session, 'no-evidence', async () => {
      const { page } = session;
      await wb.runCommand(page, 'View: Close All Editors');
      await page.locator('iframe.webview.ready:visible').first().waitFor({ state: 'detached', timeout }).catch(() => undefined);
      await focusSpec(page, 'no-evidence.evalspec.yaml');
      const { frame } = await openPanel(page, 'EvalSpec: Open calibration preview');
      await frame.locator('#verdict').waitFor({ timeout });
      assert.match(await frame.locator('#verdict-title').innerText(), /BLOCKED/);
      assert.match(await frame.locator('#verdict-summary').innerText(), /no evidence: every annotation batch is excluded/);
      // Nothing on screen says "fine": no month has a ρ, and the panel says so.
      assert.match(await frame.locator('#trend-crossed').innerText(), /No month has a ρ/);
      await screenshot(page, 'panel-no-evidence-blocked');
      // The Problems panel: the gate's error on the calibration data path (line 61, column 11).
      const rows = await wb.problems(page);
      const row = rows.find((r) => r.includes('calibration-gate-no-evidence'));
      assert.ok(row, `no Problems row has calibration-gate-no-evidence; rows: ${JSON.stringify(rows)}`);
      assert.match(row, /Judge-gated launches BLOCKED: no evidence/);
      assert.match(row, /\[Ln 61, Col 11\]/);
      const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'calibration-gate-no-evidence' }).first();
      assert.equal(await marker.locator('.codicon-error').count(), 1, 'the gate is an error, not a warning');
      await screenshot(page, 'problems-no-evidence');
      // CI: the same spec fails `evalspec check` (exit 1) on that error alone; with --no-data the gate
      // does not run, the output says so, and nothing else fails.
      const cli = (args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'evalspec.js'), ...args], { cwd: workspace, encoding: 'utf8' });
      const check = cli(['check', 'no-evidence.evalspec.yaml']);
      assert.equal(check.status, 1, check.stdout + check.stderr);
      assert.match(check.stdout, /no-evidence\.evalspec\.yaml:61:11: error \[calibration-gate-no-evidence\] Judge-gated launches BLOCKED: no evidence/);
      assert.match(check.stdout, /1 spec checked: 1 error,/);
      const skipped = cli(['check', '--no-data', 'no-evidence.evalspec.yaml']);
      assert.equal(skipped.status, 0, skipped.stdout + skipped.stderr);
      assert.match(skipped.stdout, /--no-data: 2 data files not read, so the calibration and routing gates did not run/);
    });
  });

  it('a spec naming no calibration data: no calibration lens; the panel says so in words, titled by the name, nothing to export', async () => {
    await step(() => session, 'no-data', async () => {
      const { page } = session;
      await wb.runCommand(page, 'View: Close All Editors');
      await page.locator('iframe.webview.ready:visible').first().waitFor({ state: 'detached', timeout }).catch(() => undefined);
      await focusSpec(page, 'no-data.evalspec.yaml');
      const text = readFileSync(join(workspace, 'no-data.evalspec.yaml'), 'utf8');
      await wb.goToLine(page, text.split('\n').findIndex((l) => l.startsWith('router:')) + 1);
      // The lenses came (the routing one: router.results is named); the calibration one did not.
      const lenses = page.locator('.editor-group-container.active .codelens-decoration a');
      await lenses.filter({ hasText: 'open routing preview' }).first().waitFor({ timeout });
      await wb.goToLine(page, text.split('\n').findIndex((l) => l.startsWith('judge:')) + 1);
      await lenses.filter({ hasText: 'golden set: needs' }).first().waitFor({ state: 'attached', timeout });
      assert.equal(await lenses.filter({ hasText: 'open calibration preview' }).count(), 0, 'a calibration lens on a spec without calibration data');
      const { frame } = await openPanel(page, 'EvalSpec: Open calibration preview');
      await frame.locator('#error').waitFor({ timeout });
      // The message's code span is a <code> element: the key, no backticks on screen.
      const message = frame.locator('#error-message');
      assert.equal(await message.locator('code').first().innerText(), 'judge.calibration.data');
      assert.doesNotMatch(await message.innerText(), /`/);
      assert.equal(await frame.locator('h1').innerText(), `Judge calibration: ${noDataName}`);
      // Tab title: the name as text (its markup neither rendered nor dropped).
      await page.locator(`.tabs-container .tab[aria-label^="Calibration: Checkout <b>bot</b> & \\"beta\\""]`).first().waitFor({ timeout });
      for (const id of ['copy-markdown', 'save-markdown']) {
        const b = frame.locator(`#${id}`);
        assert.equal(await b.isDisabled(), true, `${id} is enabled with nothing to export`);
        assert.match((await b.getAttribute('title')) ?? '', /^Nothing to export: there is no report/);
      }
      assert.equal(await frame.locator('#refresh').isDisabled(), false);
      await assertNoDeveloperText(frame);
      await screenshot(page, 'panel-no-data');
    });
  });

  it('loaded everything under the strict CSP', () => {
    const refused = session.consoleLines.filter((l) => /EvalSpec panel CSP violation|Refused to (apply|execute|load)/.test(l));
    assert.deepEqual(refused, []);
  });
});
