// "EvalSpec: New eval spec": a spec from the whole-spec template (the snippet the server offers first
// in an empty spec), as a file in the workspace folder whose name the user types, or as an untitled
// spec when no folder is open. The template is inserted as a snippet: Tab walks its placeholders.
import * as vscode from 'vscode';
import { wholeSpecSnippet } from '../../server/src/specTemplate';
import { specFileNameProblem } from './specFileName';

export const newSpecCommand = 'evalspec.newSpec';

async function newSpecDocument(): Promise<vscode.TextDocument | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return vscode.workspace.openTextDocument({ language: 'evalspec' });
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New eval spec'),
    prompt: vscode.l10n.t('File name in {0}', folder.name),
    value: 'my-system.evalspec.yaml',
    valueSelection: [0, 'my-system'.length],
    validateInput: (v) => specFileNameProblem(v, vscode.l10n.t),
  });
  if (name === undefined) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, name.trim());
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(vscode.l10n.t('EvalSpec: {0} already exists; choose another name.', name.trim()));
    return undefined;
  } catch {
    // Does not exist yet: create it.
  }
  await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  return vscode.workspace.openTextDocument(uri);
}

export function registerNewSpec(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(newSpecCommand, async () => {
      const doc = await newSpecDocument();
      if (!doc) return;
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(new vscode.SnippetString(wholeSpecSnippet), new vscode.Position(0, 0));
    }),
  );
}
