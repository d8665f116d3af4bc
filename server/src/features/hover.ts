// Hover on a key or its value: what the key means (from the schema: unit, default, recommended
// value) — and, where the core computes a figure for it, the formula with the values substituted.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { specSchema, type SpecAnalysis } from '../core';
import { own } from '../core/own';
import { entryAt } from '../core/parse/locate';
import { deref, schemaDoc, type JsonSchema } from '../core/schema/jsonSchema';
import { formatPath } from '../core/schema/validate';
import { escapeMarkdown, markdownCode } from '../core/text/userText';
import { figureMarkdown } from './figureMarkdown';

export function hover(analysis: SpecAnalysis, line: number, character: number): Hover | null {
  const { parsed, validation } = analysis;
  const offset = parsed.lines.offsetAt({ line, character });
  const at = entryAt(parsed.root, offset);
  if (!at || !validation) return null;
  const parentSchema = validation.schemaOf.get(at.parent);
  const raw = own(parentSchema?.properties, at.entry.key);
  if (!raw) return null;
  const s = deref(raw, specSchema);
  // The figures this line explains lead, each with its result first; then what the key means. The
  // schema's own text (title, documentation, unit) is our Markdown; the key and path are the spec's.
  const parts: string[] = [];
  for (const n of analysis.figures.notes) {
    if (n.anchor.start.line === line) parts.push(figureMarkdown(n), '---');
  }
  parts.push(...keyDoc(s, at.entry.key, formatPath(at.path)));
  const range = at.onKey
    ? parsed.lines.range(at.entry.keyStart, at.entry.keyEnd)
    : parsed.lines.range(at.entry.value.start, at.entry.value.end);
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range };
}

/**
 * The key's title and path, its documentation without a repeated title (markdownDescription opens
 * with it), and its unit unless the documentation already gives one.
 */
export function keyDoc(s: JsonSchema, key: string, path: string): string[] {
  const title = s.title ?? escapeMarkdown(key);
  const parts = [`**${title}** — ${markdownCode(path)}`];
  let doc = schemaDoc(s);
  if (doc && s.title && doc.startsWith(`**${s.title}**`)) doc = doc.slice(`**${s.title}**`.length).trimStart();
  if (doc) parts.push(doc);
  if (s['x-unit'] && !/(^|\n)Unit: /.test(doc ?? '')) parts.push(`Unit: ${s['x-unit']}`);
  return parts;
}
