// VS Code cuts the inlay hints of one line at `editor.inlayHints.maximumLength` (43 by default; the
// extension sets 120 for EvalSpec files) in all, not per hint, with "…" — which can cut a number in half ("±11.1 pp…" for "±11.1 pp per cohort
// · needs 6,148"). A figure's hint is therefore fitted to the line's budget here, never cut: without
// parenthesised qualifiers, else its leading " · "-parts and its last (the verdict) with "…" for what
// is left out, else its leading parts, else its first part with words (never numbers) shortened.
// What is left out stays in the hint's tooltip (the figure's full Markdown).

/** VS Code's own default `editor.inlayHints.maximumLength`. */
export const VSCODE_HINT_MAX_LENGTH = 43;

/**
 * The `editor.inlayHints.maximumLength` the extension sets for EvalSpec files (package.json,
 * configurationDefaults; a test holds the two equal): each line's hints are fitted to it.
 */
export const HINT_MAX_LENGTH = 120;

const SEP = ' · ';

/** `text` at most `max` characters, shortening the longest words that hold no digit or sign. */
export function shortenWords(text: string, max: number): string {
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

/** Removes the last parenthesised group (with the space before it); undefined when there is none. */
function dropLastParenthesis(text: string): string | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return (text.slice(0, i).replace(/ $/, '') + text.slice(close + 1)).trim();
  }
  return undefined;
}

/** `text` without any parenthesised qualifier. */
function withoutParentheses(text: string): string {
  let t = text;
  for (let next = dropLastParenthesis(t); next !== undefined; next = dropLastParenthesis(t)) t = next;
  return t;
}

/** Shorter forms of a hint, most complete first: leading parts and the last, then leading parts only. */
function candidates(parts: string[]): string[] {
  const out: string[] = [];
  for (let k = parts.length - 2; k >= 1; k--) out.push([...parts.slice(0, k), '…', parts[parts.length - 1]!].join(SEP));
  for (let k = parts.length - 1; k >= 1; k--) out.push([...parts.slice(0, k), '…'].join(SEP));
  return out;
}

/**
 * A hint of at most `max` characters that keeps whole numbers: whole, else without qualifiers in
 * parentheses, else its leading parts and its last (the verdict) with "…" for what was left out, else
 * its leading parts, else its first part with words shortened. Undefined when nothing fits (the
 * tooltip still carries it all).
 */
export function fitHintText(hint: string, max = HINT_MAX_LENGTH): string | undefined {
  if (hint.length <= max) return hint || undefined;
  const parts = hint.split(SEP);
  const bare = parts.map(withoutParentheses);
  const full = candidates(parts);
  const plain = candidates(bare);
  const tries = [bare.join(SEP), ...full.flatMap((c, i) => [c, plain[i]!])];
  const fits = tries.find((t) => t.length <= max);
  if (fits) return fits;
  const first = shortenWords(bare[0]! + (parts.length > 1 ? `${SEP}…` : ''), max);
  return first.length <= max ? first : undefined;
}

/** The labels of one line's hints, in order, fitted to one budget for the whole line. */
export function fitLineHints(hints: string[], max = HINT_MAX_LENGTH): (string | undefined)[] {
  let left = max;
  return hints.map((h, i) => {
    // Each further hint is padded by one space in the editor; the rest share what is left.
    const share = Math.floor(left / (hints.length - i)) - (i > 0 ? 1 : 0);
    const label = share > 0 ? fitHintText(h, share) : undefined;
    if (label) left -= label.length + (i > 0 ? 1 : 0);
    return label;
  });
}
