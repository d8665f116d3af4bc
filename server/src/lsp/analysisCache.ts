// One analysis per document version and text, shared by every feature: diagnostics, inlay hints, hovers,
// code lenses, code actions, completion and symbols all read the same result. Each open document
// has an AnalysisSession, so a keystroke re-derives only what it changed; the session updates the
// previous version's tree in place, so only the newest analysis of a document is kept.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisSession, analyzeSpec, editorFigureBudget, readCommittedModel, type EvalSpecModel, type EvalSpecSettings, type SpecAnalysis } from '../core';

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: SpecAnalysis }>();
  /** Committed text and its model, read once when loaded rather than on every edit. */
  private readonly previous = new Map<string, { text: string; model: EvalSpecModel | undefined }>();

  private readonly computeMs = new Map<string, number>();
  private readonly sessions = new Map<string, AnalysisSession>();

  constructor(private settings: () => EvalSpecSettings) {}

  /** How long the last analysis of `uri` took to compute, in ms (undefined before the first). */
  lastComputeMs(uri: string): number | undefined {
    return this.computeMs.get(uri);
  }

  get(doc: TextDocument): SpecAnalysis {
    const hit = this.entries.get(doc.uri);
    const text = doc.getText();
    // Keyed by version AND text: a client that reuses a version number for new text (or resends an
    // old one) must not get the other text's results. An unchanged document hands back the same
    // string, so the comparison is a reference check; otherwise it stops at the first difference.
    if (hit && hit.version === doc.version && hit.analysis.parsed.text === text) return hit.analysis;
    const started = performance.now();
    let session = this.sessions.get(doc.uri);
    if (!session) this.sessions.set(doc.uri, (session = new AnalysisSession()));
    const analysis = analyzeSpec(text, { settings: this.settings(), previous: this.previous.get(doc.uri)?.model, session, figureBudget: editorFigureBudget });
    this.computeMs.set(doc.uri, performance.now() - started);
    this.entries.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /** Sets the committed text a document is compared against; returns true when it changed. */
  setPrevious(uri: string, text: string | undefined): boolean {
    if (this.previous.get(uri)?.text === text) return false;
    if (text === undefined) this.previous.delete(uri);
    else this.previous.set(uri, { text, model: readCommittedModel(text) });
    this.entries.delete(uri);
    return true;
  }

  /** The committed text (git HEAD) a document is compared against, when there is one. */
  previousText(uri: string): string | undefined {
    return this.previous.get(uri)?.text;
  }

  /** Forget a closed document; forget every analysis when settings change. */
  drop(uri?: string): void {
    if (uri === undefined) {
      this.entries.clear();
      this.sessions.clear();
    } else {
      this.entries.delete(uri);
      this.sessions.delete(uri);
      this.previous.delete(uri);
      this.computeMs.delete(uri);
    }
  }
}
