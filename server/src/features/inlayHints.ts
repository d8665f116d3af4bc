// Inlay hints: each computed figure at the end of the line it explains (half-width and needed n on
// the golden set, $/day on traffic, blend on the router tiers, window costs on each ledger row).
import { InlayHint, MarkupKind, type Range } from 'vscode-languageserver';
import type { EvalSpecSettings, SpecAnalysis } from '../core';
import { terminalText } from '../core/text/userText';
import { figureMarkdown } from './figureMarkdown';

export function inlayHints(analysis: SpecAnalysis, range: Range, settings: EvalSpecSettings): InlayHint[] {
  if (!settings.inlayHints.enabled) return [];
  const out: InlayHint[] = [];
  for (const n of analysis.figures.notes) {
    const line = n.anchor.start.line;
    if (line < range.start.line || line > range.end.line) continue;
    out.push({
      position: analysis.parsed.lines.lineEnd(line),
      // Plain text, but it may name the spec's cohorts: one line, control characters made visible.
      label: terminalText(n.hint),
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: figureMarkdown(n) },
    });
  }
  return out;
}
