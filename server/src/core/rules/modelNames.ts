// Model ids as EvalSpec reads them: a family name followed by a version that pins it.
//
// family = the id before its version part, lower-cased. The version part is, in this order:
//   `@<anything>`              judge-large@2026-05-01        → family judge-large
//   a trailing date            gpt-4o-2024-08-06, x_20241022 → family gpt-4o, x
//   a trailing 3–8 digit tag   gpt-4-0613, gemini-1.5-pro-002 → family gpt-4, gemini-1.5-pro
//   a trailing `-v<n>[.<n>…]`  grader-v2.1                   → family grader
// `latest` (`@latest`, `-latest`) names a moving target, so it does not pin.
//
// The model FAMILY (modelFamily) goes one step further: versions and sizes of one line of models are
// one family. From the name without its version, trailing size or tier words (mini, nano, small,
// large, pro, flash, haiku, sonnet, turbo, instruct, …), parameter counts (8b, 70b, 1.5b) and bare
// version numbers (4o, 3.5, 3-5) are dropped, keeping at least the first word: gpt-4o,
// gpt-4o-mini and gpt-4o-2024-08-06 are all `gpt`; claude-3-5-sonnet-20241022 and claude-3-haiku
// are `claude`; judge-large@2026-05-01 is `judge` and prod-large is `prod`. This is a syntactic rule:
// it cannot know that two differently named models come from one provider's training run, so a spec
// names the family where the naming does not tell (judge.family, judge.production_family).

export interface ModelId {
  family: string;
  /** The version text (without its `@` or `-`), or undefined when the id is not pinned. */
  version?: string;
  /** How the version is attached: `@2026-05-01`, `-2026-05-01`, `-20260501`, ... */
  style?: 'at-date' | 'dash-date' | 'dash-compact-date' | 'at-other' | 'dash-tag';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseModelId(id: string): ModelId {
  const s = id.trim();
  const at = s.lastIndexOf('@');
  if (at > 0) {
    const family = s.slice(0, at).toLowerCase();
    const version = s.slice(at + 1);
    if (version === '' || version.toLowerCase() === 'latest') return { family };
    return { family, version, style: DATE.test(version) ? 'at-date' : 'at-other' };
  }
  const latest = /^(.+?)[-_:]latest$/i.exec(s);
  if (latest) return { family: latest[1]!.toLowerCase() };
  const dashDate = /^(.+?)[-_](\d{4}-\d{2}-\d{2})$/.exec(s);
  if (dashDate) return { family: dashDate[1]!.toLowerCase(), version: dashDate[2]!, style: 'dash-date' };
  const compact = /^(.+?)[-_](\d{8})$/.exec(s);
  if (compact) return { family: compact[1]!.toLowerCase(), version: compact[2]!, style: 'dash-compact-date' };
  const tag = /^(.+?)[-_](\d{3,7}|v\d+(?:\.\d+)*)$/i.exec(s);
  if (tag) return { family: tag[1]!.toLowerCase(), version: tag[2]!, style: 'dash-tag' };
  return { family: s.toLowerCase() };
}

/** Size, tier and variant words that name a member of a family, not a family. */
const MEMBER_WORD = /^(mini|nano|micro|tiny|small|medium|base|large|xl|xxl|pro|plus|max|flash|lite|ultra|turbo|preview|instruct|chat|it|haiku|sonnet|opus)$/i;
/** A bare version (4, 4o, 3.5, 1.5) or a parameter count (8b, 70b, 1.5b, 400m). */
const VERSION_WORD = /^(\d+(\.\d+)*[a-z]?|\d+(\.\d+)?[bmk])$/i;

/**
 * The family of a model id: its name without version, size or tier (see the header). `override`, when
 * given (the spec's `family` keys), wins, read the same way (family: gpt-4o is the gpt family).
 */
export function modelFamily(id: string, override?: string): string {
  const declared = override?.trim();
  return reduceToFamily(declared ? parseModelId(declared).family : parseModelId(id).family);
}

function reduceToFamily(name: string): string {
  const words = name.toLowerCase().split(/[-_:\s]+/).filter((w) => w !== '');
  if (words.length === 0) return name.trim().toLowerCase();
  let end = words.length;
  while (end > 1 && (MEMBER_WORD.test(words[end - 1]!) || VERSION_WORD.test(words[end - 1]!))) end--;
  return words.slice(0, end).join('-');
}

/**
 * `id` pinned to `today` in the style of `like` (the production model's id when it has a date):
 * judge-large + prod-large@2026-09-01 → judge-large@2026-11-24; x + prod-20260901 → x-20261124.
 */
export function pinnedLike(id: string, like: string | undefined, today: string): string {
  const base = unpinnedBase(id);
  const style = like ? parseModelId(like).style : undefined;
  if (style === 'dash-date') return `${base}-${today}`;
  if (style === 'dash-compact-date') return `${base}-${today.replace(/-/g, '')}`;
  return `${base}@${today}`;
}

/** The id without a `latest` marker (the text a version is attached to). */
function unpinnedBase(id: string): string {
  const s = id.trim();
  const at = s.lastIndexOf('@');
  if (at > 0) return s.slice(0, at);
  const latest = /^(.+?)[-_:]latest$/i.exec(s);
  return latest ? latest[1]! : s;
}

/**
 * The release date a pinned version names, as YYYY-MM-DD, when the version is a date
 * (judge-large@2026-05-01, gpt-4o-2024-08-06, claude-3-5-sonnet-20241022); undefined for tags (v2, 0613)
 * and for a date that does not exist on the calendar.
 */
export function versionDate(id: string): string | undefined {
  const v = parseModelId(id);
  if (!v.version) return undefined;
  const d = v.style === 'dash-compact-date' ? `${v.version.slice(0, 4)}-${v.version.slice(4, 6)}-${v.version.slice(6, 8)}` : v.style === 'at-date' || v.style === 'dash-date' ? v.version : undefined;
  if (!d) return undefined;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d ? d : undefined;
}

/** Whether two model ids name the same pinned model (family and version, case-insensitive). */
export function sameModel(a: string, b: string): boolean {
  const x = parseModelId(a);
  const y = parseModelId(b);
  return x.family === y.family && (x.version ?? '').toLowerCase() === (y.version ?? '').toLowerCase() && x.version !== undefined;
}
