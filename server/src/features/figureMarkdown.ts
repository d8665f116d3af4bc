// A computed figure as Markdown for hovers and inlay-hint tooltips, the same everywhere. It leads with
// the result (what a reader came for), then the caveats, then where it comes from: the figure's name
// with its formula, and the values substituted. Every field may hold the spec's own names (a ledger
// row's id, a cohort, a tenant), so each is escaped: the Markdown structure is ours, the text is text.
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
  const parts = [`**${escapeMarkdown(n.result)}**`];
  for (const c of n.caveats) parts.push(`⚠ ${escapeMarkdown(c)}`);
  parts.push(`${escapeMarkdown(n.title)}: ${markdownCode(n.formula)}`, `With this spec: ${escapeMarkdown(n.substituted)}`);
  return parts.join('\n\n');
}
