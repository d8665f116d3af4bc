// Inlay hints: each computed figure at the end of the line it explains (half-width and needed n on
// the golden set, $/day on traffic, blend on the router tiers, window costs on each ledger row).
// VS Code cuts a line's hints at 43 characters in all, so each line's hints are fitted (hintFit.ts).
import { InlayHint, MarkupKind, type Range } from 'vscode-languageserver';
import type { EvalSpecSettings, FigureNote, SpecAnalysis } from '../core';
import { escapeMarkdown, terminalText } from '../core/text/userText';
import { figureMarkdown } from './figureMarkdown';
import { fitLineHints } from './hintFit';

export function inlayHints(analysis: SpecAnalysis, range: Range, settings: EvalSpecSettings): InlayHint[] {
  if (!settings.inlayHints.enabled) return [];
  const byLine = new Map<number, FigureNote[]>();
  for (const n of analysis.figures.notes) {
    const line = n.anchor.start.line;
    if (line < range.start.line || line > range.end.line) continue;
    byLine.set(line, [...(byLine.get(line) ?? []), n]);
  }
  const out: InlayHint[] = [];
  for (const [line, notes] of byLine) {
    // Plain text, but it may name the spec's cohorts: one line, control characters made visible.
    const full = notes.map((n) => terminalText(n.hint));
    const labels = fitLineHints(full);
    notes.forEach((n, i) => {
      const label = labels[i];
      if (!label) return;
      // A shortened hint's tooltip leads with the whole of it.
      const value = label === full[i] ? figureMarkdown(n) : `${escapeMarkdown(n.hint)}\n\n${figureMarkdown(n)}`;
      out.push({ position: analysis.parsed.lines.lineEnd(line), label, paddingLeft: true, tooltip: { kind: MarkupKind.Markdown, value } });
    });
  }
  return out;
}
