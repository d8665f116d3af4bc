// A computed figure as Markdown for hovers and inlay-hint tooltips: formula, values substituted,
// result and caveats, the same everywhere. Every field may hold the spec's own names (a ledger row's
// id, a cohort, a tenant), so each is escaped: the Markdown structure is ours, the text is text.
import type { FigureNote } from '../core';
import { escapeMarkdown, markdownCode } from '../core/text/userText';

/** Notes are not changed once made, and an incremental analysis replays the same note objects. */
const built = new WeakMap<FigureNote, string>();

export function figureMarkdown(n: FigureNote): string {
  let md = built.get(n);
  if (md === undefined) built.set(n, (md = build(n)));
  return md;
}

function build(n: FigureNote): string {
  const parts = [`**${escapeMarkdown(n.title)}**`, `Formula: ${markdownCode(n.formula)}`, `With this spec: ${escapeMarkdown(n.substituted)}`, `Result: **${escapeMarkdown(n.result)}**`];
  for (const c of n.caveats) parts.push(`⚠ ${escapeMarkdown(c)}`);
  return parts.join('\n\n');
}
