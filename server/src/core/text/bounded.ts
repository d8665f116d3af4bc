// Text a user reads is bounded, whatever the input: a CSV with a million columns once produced a
// 10.9 MB diagnostic message. Every list of names that goes into a message, hover, code-action title
// or report line goes through `listNames` (the first few and "and N more"), and every message is
// capped by `boundedMessage` before it leaves the analysis.

/** Names shown before "and N more". */
export const MAX_LISTED_NAMES = 8;
/** Items shown in a figure's hover or line (cohorts, tiers, levels) before "and N more". */
export const FIGURE_LIST = 12;
/** Characters of one listed name before it is clipped. */
export const MAX_NAME_CHARS = 60;
/** Characters of a name in a figure's hover or line (a cohort), where the name is the subject. */
export const FIGURE_NAME_CHARS = 200;
/** Characters of a diagnostic message (the rest is replaced by a count). */
export const MAX_MESSAGE_CHARS = 1000;

export interface ListOptions {
  /** How many names to show (default MAX_LISTED_NAMES). */
  max?: number;
  /** Between names (default ", "). */
  separator?: string;
  /** Before the last shown name when the whole list is shown (default: the separator). */
  lastSeparator?: string;
  /** How one name is written, e.g. quoted (default: as is); applied after clipping. */
  quote?: (name: string) => string;
  /** Total count when `names` holds only the first ones (default names.length). */
  total?: number;
  /** Clip each name to MAX_NAME_CHARS (names from a user or a file); items holding figures are never clipped. */
  clip?: boolean;
}

/** One name clipped to MAX_NAME_CHARS (with an ellipsis). */
export function clipName(name: string, max = MAX_NAME_CHARS): string {
  const s = String(name);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * "a, b, c" or, past `max` names, "a, b, … h and 999,992 more". Reads only the first `max` names,
 * so a list of a million costs no more than a list of eight.
 */
export function listNames(names: readonly string[], o: ListOptions = {}): string {
  const max = Math.max(1, o.max ?? MAX_LISTED_NAMES);
  const total = o.total ?? names.length;
  const sep = o.separator ?? ', ';
  const quote = o.quote ?? ((s: string) => s);
  const shown: string[] = [];
  for (let i = 0; i < Math.min(max, names.length); i++) shown.push(quote(o.clip ? clipName(names[i]!) : String(names[i])));
  const more = total - shown.length;
  if (more > 0) return `${shown.join(sep)} and ${more.toLocaleString('en-US')} more`;
  if (shown.length > 1 && o.lastSeparator !== undefined) return `${shown.slice(0, -1).join(sep)}${o.lastSeparator}${shown.at(-1)}`;
  return shown.join(sep);
}

/** Names written as JSON strings ("a", "b"), listed by `listNames`. */
export function listQuoted(names: readonly string[], o: Omit<ListOptions, 'quote'> = {}): string {
  return listNames(names, { ...o, clip: true, quote: (s) => JSON.stringify(s) });
}

/** A message cut to `max` characters, ending in how much was left out; never splits a surrogate pair. */
export function boundedMessage(message: string, max = MAX_MESSAGE_CHARS): string {
  const s = String(message);
  if (s.length <= max) return s;
  let cut = max - 40;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${s.slice(0, cut)}… (${(s.length - cut).toLocaleString('en-US')} more characters)`;
}
