// Page-level steps in the VS Code workbench, by the selectors VS Code 1.139 renders. Each step waits
// for the element it needs (playwright auto-waits), so nothing here sleeps a fixed time.
import type { Locator, Page } from 'playwright-core';

// Generous: on a loaded 2-core machine the first workbench load was measured at ~28 s.
export const workbenchTimeoutMs = 90_000;

/** Opens the workbench on a folder and resolves once the Explorer shows it. */
export async function openFolder(page: Page, baseUrl: string, folder: string, payload?: [string, string][]): Promise<void> {
  let url = `${baseUrl}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: workbenchTimeoutMs });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: workbenchTimeoutMs });
}

/**
 * Quick Open (Ctrl+P) a file by name; resolves when its editor tab is active, with the time (ms
 * since epoch) at which the open was requested.
 */
export async function quickOpen(page: Page, fileName: string): Promise<number> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: workbenchTimeoutMs });
  await input.fill(fileName);
  await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${fileName}"]`).first().waitFor({ timeout: workbenchTimeoutMs });
  const requestedAt = Date.now();
  await page.keyboard.press('Enter');
  await activeTab(page, fileName).waitFor({ timeout: workbenchTimeoutMs });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: workbenchTimeoutMs });
  return requestedAt;
}

export function activeTab(page: Page, fileName: string): Locator {
  return page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`);
}

/** How long one opening of a list (Command Palette, Quick Fix, suggestions) waits for it before opening it again. */
const attemptMs = 10_000;

/**
 * Calls `open` until `shown` is visible, up to the workbench timeout. A list the workbench fills as
 * answers come in can open without what a test waits for: a command that a part of the workbench
 * registers while it is still starting (seen in CI with "Extensions: Show Installed Extensions"), or
 * Quick Fix pressed before the editor has the server's code actions ("No code actions available";
 * a fresh clone's CI waited 90 s on one press). Opening it again asks again.
 */
async function openUntilShown(page: Page, what: string, open: () => Promise<void>, shown: Locator): Promise<void> {
  const deadline = Date.now() + workbenchTimeoutMs;
  for (;;) {
    await open();
    try {
      await shown.waitFor({ timeout: Math.max(1, Math.min(attemptMs, deadline - Date.now())) });
      return;
    } catch (e) {
      if (Date.now() >= deadline) throw e;
      process.stderr.write(`[e2e] ${what}: not shown ${attemptMs} ms after opening; opening again\n`);
      await page.keyboard.press('Escape');
    }
  }
}

/** Runs a command from the Command Palette by its exact title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`).first();
  const open = async (): Promise<void> => {
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ timeout: workbenchTimeoutMs });
    await input.fill(`>${title}`);
  };
  await openUntilShown(page, `command "${title}"`, open, row);
  await page.keyboard.press('Enter');
}

/** The language-mode entry of the status bar ("EvalSpec" once the grammar/language is contributed). */
export function languageStatus(page: Page): Locator {
  return page.locator('[id="status.editor.mode"]');
}

export function squiggles(page: Page): Locator {
  return page.locator('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning');
}

/** Opens the Problems panel and returns its rows' texts once at least one marker row is shown. */
export async function problems(page: Page): Promise<string[]> {
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.locator('.marker-message-details, .marker-line').first().waitFor({ timeout: workbenchTimeoutMs });
  return rows.allInnerTexts();
}

/** The text of the visible lines of the active editor (Monaco renders spaces as U+00A0). */
export async function visibleEditorText(page: Page): Promise<string> {
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll((els) =>
    els
      .map((el) => ({ top: parseFloat((el as HTMLElement).style.top || '0'), text: el.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** The suggest widget's rows, top to bottom, as their aria-labels. */
export async function suggestionLabels(page: Page): Promise<string[]> {
  const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row');
  await rows.first().waitFor({ timeout: workbenchTimeoutMs });
  // Rows are positioned by the list; their data-index is the order on screen.
  const rowsByIndex = await rows.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-index')), e.getAttribute('aria-label') ?? ''] as [number, string]));
  return rowsByIndex.sort((a, b) => a[0] - b[0]).map(([, label]) => label);
}

/**
 * With the suggest widget open, moves the focus to the first row whose aria-label passes `accept`
 * and accepts it with Enter. Throws with the rows seen when none does.
 */
export async function acceptSuggestion(page: Page, accept: (ariaLabel: string) => boolean): Promise<string> {
  const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row');
  await rows.first().waitFor({ timeout: workbenchTimeoutMs });
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const index = labels.findIndex(accept);
  if (index < 0) throw new Error(`no acceptable suggestion among ${JSON.stringify(labels)}`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  const focused = page.locator('.editor-widget.suggest-widget .monaco-list-row.focused');
  const focusedLabel = (await focused.getAttribute('aria-label')) ?? '';
  if (!accept(focusedLabel)) throw new Error(`focused suggestion is ${JSON.stringify(focusedLabel)}, not the wanted one`);
  await page.keyboard.press('Enter');
  return focusedLabel;
}

/** Saves the (dirty) active editor and resolves when its tab is no longer marked dirty. */
export async function saveActiveEditor(page: Page, fileName: string): Promise<void> {
  await page.locator(`.tabs-container .tab.active.dirty[aria-label*="${fileName}"]`).waitFor({ timeout: workbenchTimeoutMs });
  await page.keyboard.press('Control+S');
  await page.locator(`.tabs-container .tab.active:not(.dirty)[aria-label*="${fileName}"]`).waitFor({ timeout: workbenchTimeoutMs });
}

/** Opens the suggest widget (Ctrl+Space) unless typing already did, and waits for its rows. */
export async function triggerSuggest(page: Page): Promise<void> {
  const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row').first();
  if (await page.locator('.editor-widget.suggest-widget.visible').isVisible()) {
    await rows.waitFor({ timeout: workbenchTimeoutMs });
    return;
  }
  await openUntilShown(page, 'suggestions', () => page.keyboard.press('Control+Space'), rows);
}

/** Hides the bottom panel (Problems, Output, …) if it is shown. */
export async function hidePanel(page: Page): Promise<void> {
  const panel = page.locator('.part.panel.bottom');
  if (await panel.isVisible()) {
    await page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden', timeout: workbenchTimeoutMs });
  }
}

/** Go to Line (Ctrl+G) `line`, optionally column `column` (both 1-based). */
export async function goToLine(page: Page, line: number, column?: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: workbenchTimeoutMs });
  await input.fill(column ? `:${line}:${column}` : `:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor({ timeout: workbenchTimeoutMs });
}

/**
 * Opens Quick Fix (Ctrl+.) at the cursor and applies the first action whose label passes `accept`;
 * returns its label. Waits for the action list rather than sleeping.
 */
export async function applyQuickFix(page: Page, accept: (label: string) => boolean): Promise<string> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await openUntilShown(page, 'quick fix', () => page.keyboard.press('Control+.'), rows.first());
  const labels = await rows.evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  const index = labels.findIndex(accept);
  if (index < 0) throw new Error(`no acceptable quick fix among ${JSON.stringify(labels)}`);
  // The keyboard, as a user would: the first action is focused when the list opens.
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  await focused.waitFor({ timeout: workbenchTimeoutMs });
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  const label = ((await focused.textContent()) ?? '').trim();
  if (!accept(label)) throw new Error(`focused quick fix is ${JSON.stringify(label)}, not the wanted one`);
  await page.keyboard.press('Enter');
  await page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden', timeout: workbenchTimeoutMs });
  return label;
}

/** The Problems panel rows, or [] when the panel shows no problems. */
export async function problemsOrEmpty(page: Page): Promise<string[]> {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ timeout: workbenchTimeoutMs });
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}
