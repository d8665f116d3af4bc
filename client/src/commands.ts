// Commands of the extension. Each one asks the server or applies what the server computed; none
// computes anything here.
import * as vscode from 'vscode';
import { RequestType, type LanguageClient } from 'vscode-languageclient/node';
import { clientCommands, requests, type AnalysisParams, type AnalysisResult, type ApplyEditsArgs } from '../../server/src/protocol';
import type { PreviewPanels } from './panels/previewPanels';
import { serverRestarts } from './client';

const analysisRequest = new RequestType<AnalysisParams, AnalysisResult, void>(requests.analysis);

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const showReport = async (uri?: string) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
    const c = client();
    if (!target || !c) {
      void vscode.window.showInformationMessage('EvalSpec: open an .evalspec.yaml file first.');
      return;
    }
    const report = await c.sendRequest(analysisRequest, { uri: target });
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(report, null, 2) });
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('evalspec.restartServer', async () => {
      serverRestarts.reset();
      await client()?.restart();
    }),
    vscode.commands.registerCommand('evalspec.showReport', () => showReport()),
    vscode.commands.registerCommand(clientCommands.applyEdits, async (args: ApplyEditsArgs) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
      if (!doc || doc.version !== args.version) {
        void vscode.window.showWarningMessage('EvalSpec: the spec changed since this fix was computed; try again.');
        return;
      }
      const edit = new vscode.WorkspaceEdit();
      for (const e of args.edits) {
        edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      }
      await vscode.workspace.applyEdit(edit);
    }),
  );
}

/** "Open calibration preview" / "Open routing preview": from the code lens (argument = the spec's URI) or the palette. */
export function registerPreviewCommands(context: vscode.ExtensionContext, panels: PreviewPanels): void {
  const open = (kind: 'calibration' | 'routing') => (uri?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const target = typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : editor?.document.languageId === 'evalspec' ? editor.document.uri.toString() : undefined;
    if (!target) {
      void vscode.window.showInformationMessage('EvalSpec: open an .evalspec.yaml file first.');
      return;
    }
    panels.open(kind, target);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(clientCommands.openCalibrationPreview, open('calibration')),
    vscode.commands.registerCommand(clientCommands.openRoutingPreview, open('routing')),
  );
}
