// Inlay hints: each computed figure at the end of the line it explains (half-width and needed n on
// the golden set, $/day on traffic, blend on the router tiers, window costs on each ledger row).
// VS Code cuts a hint label at `editor.inlayHints.maximumLength` (43 by default) with "…", which can
// cut a number in half, so a figure's " · "-separated parts become hints of their own, each fitted
// to the limit by shortening words, never numbers.
import { InlayHint, MarkupKind, type Range } from 'vscode-languageserver';
import type { EvalSpecSettings, SpecAnalysis } from '../core';
import { terminalText } from '../core/text/userText';
import { figureMarkdown } from './figureMarkdown';

/** VS Code's default `editor.inlayHints.maximumLength`. */
export const HINT_MAX_LENGTH = 43;

/** `text` at most `max` characters, shortening the longest words that hold no digit. */
export function fitHint(text: string, max = HINT_MAX_LENGTH): string {
  let t = text;
  for (let guard = 0; t.length > max && guard < 50; guard++) {
    const words = t.split(' ');
    let best = -1;
    for (let i = 0; i < words.length; i++) if (!/[\d±$%×]/.test(words[i]!) && words[i]!.length > 3 && (best < 0 || words[i]!.length > words[best]!.length)) best = i;
    if (best < 0) break;
    const w = words[best]!;
    words[best] = `${w.slice(0, Math.max(2, w.length - (t.length - max) - 1))}…`;
    t = words.join(' ');
  }
  return t;
}

/** A figure's hint as one or more labels that each fit the limit. */
export function hintLabels(hint: string, max = HINT_MAX_LENGTH): string[] {
  if (hint.length <= max) return hint ? [hint] : [];
  return hint.split(' · ').map((part, i) => fitHint(i === 0 ? part : `· ${part}`, max));
}

export function inlayHints(analysis: SpecAnalysis, range: Range, settings: EvalSpecSettings): InlayHint[] {
  if (!settings.inlayHints.enabled) return [];
  const out: InlayHint[] = [];
  for (const n of analysis.figures.notes) {
    const line = n.anchor.start.line;
    if (line < range.start.line || line > range.end.line) continue;
    const tooltip = { kind: MarkupKind.Markdown, value: figureMarkdown(n) };
    // Plain text, but it may name the spec's cohorts: one line, control characters made visible.
    for (const label of hintLabels(terminalText(n.hint))) out.push({ position: analysis.parsed.lines.lineEnd(line), label, paddingLeft: true, tooltip });
  }
  return out;
}
