// `evalspec/review`: the design review of an open spec, the same document `evalspec review` writes
// (review/reviewSpec.ts), for "EvalSpec: Export design review" and the language status item. The
// baseline is the committed version (git HEAD) when the server has read one; the data reports come
// through the server's own report service (its worker, cache and stored credentials), and none is
// read in an untrusted workspace.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EvalSpecSettings } from '../core';
import type { DataFeatures } from '../data/lspData';
import type { ReviewResult } from '../protocol';
import { reviewMarkdown } from '../review/reviewMarkdown';
import { reviewSpec, type ReviewSpecOptions } from '../review/reviewSpec';

export interface ReviewHost {
  settings(): EvalSpecSettings;
  /** The spec's committed text (git HEAD), when the server has read one. */
  previousText(uri: string): string | undefined;
  data: Pick<DataFeatures, 'reviewData' | 'workspaceRoot'>;
}

/** The path a reviewer reads: relative to the spec's workspace folder, else the file path or URI. */
function shownPath(uri: string, host: ReviewHost): { shown: string; specPath: string } {
  if (!uri.startsWith('file:')) return { shown: uri, specPath: uri };
  const specPath = fileURLToPath(uri);
  const root = host.data.workspaceRoot(specPath);
  return { shown: root ? relative(root, specPath).replace(/\\/g, '/') : specPath, specPath };
}

/**
 * `current()` is the document as the server holds it now: the review is of `doc` at its version when
 * asked, and says which version that was; the data reports it waits for stop being retried once the
 * document moved on.
 */
export async function reviewOpenSpec(doc: TextDocument, host: ReviewHost, current: () => TextDocument | undefined = () => doc): Promise<ReviewResult> {
  const { shown, specPath } = shownPath(doc.uri, host);
  const version = doc.version;
  const opts: ReviewSpecOptions = { shown, specPath, text: doc.getText(), settings: host.settings(), stillCurrent: () => current()?.version === version };
  const data = host.data.reviewData(doc.uri);
  if (data) opts.data = data;
  const previousText = host.previousText(doc.uri);
  if (previousText !== undefined) opts.baseline = { revision: 'HEAD', commit: null, previousText };
  const document = await reviewSpec(opts);
  return { document, markdown: reviewMarkdown(document), version };
}
