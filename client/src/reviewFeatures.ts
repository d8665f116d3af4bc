// The design review in the editor: "EvalSpec: Export design review" (the Markdown `evalspec review`
// writes, opened as a Markdown document with its preview) and the language status item with the
// active spec's verdict, which links to the calibration report when a gate is BLOCKED and to the
// review otherwise. Both ask the server (`evalspec/review`); nothing is computed here.
import * as vscode from 'vscode';
import { RequestType, type LanguageClient } from 'vscode-languageclient/node';
import { clientCommands, requests, type AnalysisParams, type ReviewResult } from '../../server/src/protocol';
import { isCurrentReview, verdictStatus } from './verdictStatus';

const reviewRequest = new RequestType<AnalysisParams, ReviewResult, void>(requests.review);
/** After the last diagnostics change, so a burst of publications asks once. */
const refreshDelayMs = 300;

function specUri(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof vscode.Uri) return arg.toString();
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'evalspec' ? doc.uri.toString() : undefined;
}

export function registerReviewFeatures(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(clientCommands.exportReview, async (arg?: unknown) => {
      const uri = specUri(arg);
      const c = client();
      if (!uri || !c) {
        void vscode.window.showInformationMessage(vscode.l10n.t('EvalSpec: open an .evalspec.yaml file first.'));
        return;
      }
      const r = await c.sendRequest(reviewRequest, { uri });
      if (!r) {
        void vscode.window.showWarningMessage(vscode.l10n.t('EvalSpec: the design review could not be made; see the EvalSpec output.'));
        return;
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.markdown });
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    }),
  );
  context.subscriptions.push(new VerdictStatusItem(client));
}

class VerdictStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('evalspec.verdict', { language: 'evalspec' });
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests are dropped. */
  private generation = 0;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = vscode.l10n.t('EvalSpec verdict');
    this.item.text = vscode.l10n.t('EvalSpec');
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(refreshDelayMs);
      }),
    );
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  private async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const c = this.client();
    if (!doc || doc.languageId !== 'evalspec' || !c?.isRunning()) return;
    const generation = ++this.generation;
    this.item.busy = true;
    let r: ReviewResult = null;
    try {
      r = await c.sendRequest(reviewRequest, { uri: doc.uri.toString() });
    } catch {
      r = null;
    }
    if (generation !== this.generation) return;
    // The verdict of another version of the document than the one on screen (it was edited while
    // the review ran) is not shown: the edit's diagnostics schedule a review of the new version.
    if (!isCurrentReview(r, doc, vscode.window.activeTextEditor?.document)) {
      this.schedule(refreshDelayMs);
      return;
    }
    this.item.busy = false;
    if (!r) {
      this.item.text = vscode.l10n.t('EvalSpec');
      this.item.detail = vscode.l10n.t('no verdict yet');
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.command = undefined;
      return;
    }
    const s = verdictStatus(r.document.verdict, vscode.l10n.t);
    this.item.text = s.text;
    this.item.detail = s.detail;
    this.item.severity = s.severity === 'error' ? vscode.LanguageStatusSeverity.Error : s.severity === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = { title: s.linkTitle, command: s.link === 'calibration' ? clientCommands.openCalibrationPreview : clientCommands.exportReview, arguments: [doc.uri.toString()] };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}
