// Completion from the JSON Schema: keys of the mapping under the cursor (with their documentation
// and a snippet shaped by their type) and values of enums, booleans and defaults. In an empty spec
// the whole-spec template comes first, preselected.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { specSchema, type SpecAnalysis } from '../core';
import { deref, schemaDoc, schemaTypes, type JsonSchema } from '../core/schema/jsonSchema';
import { own } from '../core/own';
import { resolveBranches, schemaAtPath } from '../core/schema/schemaAt';
import { expandDefaults, wholeSpecDescription, wholeSpecLabel, wholeSpecSnippet } from '../specTemplate';
import { cursorContext } from './yamlContext';

export function completions(analysis: SpecAnalysis, line: number, character: number): CompletionItem[] {
  const items = keyAndValueItems(analysis, line, character);
  return isEmptySpec(analysis.parsed.text, line) ? [templateItem(), ...items] : items;
}

/** Nothing but blank lines and comments, apart from a word being typed on the cursor's line. */
function isEmptySpec(text: string, line: number): boolean {
  return text.split(/\r?\n/).every((l, i) => /^\s*(#.*)?$/.test(l) || (i === line && /^\s*[\w-]+$/.test(l)));
}

function templateItem(): CompletionItem {
  return {
    label: wholeSpecLabel,
    kind: CompletionItemKind.Snippet,
    detail: wholeSpecDescription,
    documentation: { kind: MarkupKind.Markdown, value: `${wholeSpecDescription}\n\n\`\`\`yaml\n${expandDefaults(wholeSpecSnippet)}\`\`\`` },
    insertText: wholeSpecSnippet,
    insertTextFormat: InsertTextFormat.Snippet,
    // Before every key (their sortText starts with 0 or 1); typing "evalspec" keeps it.
    sortText: '!',
    filterText: 'evalspec',
    preselect: true,
  };
}

function keyAndValueItems(analysis: SpecAnalysis, line: number, character: number): CompletionItem[] {
  const ctx = cursorContext(analysis.parsed.lines, line, character);
  const parent = schemaAtPath(specSchema, ctx.path);
  if (!parent) return [];
  const props = resolveBranches(parent, specSchema).properties ?? {};

  if (ctx.valueOf !== undefined) {
    const ps = own(props, ctx.valueOf);
    return ps ? valueItems(deref(ps, specSchema)) : [];
  }
  const required = new Set(resolveBranches(parent, specSchema).required ?? []);
  return Object.entries(props)
    .filter(([k]) => !ctx.siblings.has(k))
    .map(([key, raw]) => keyItem(key, deref(raw, specSchema), required.has(key), ctx.indent));
}

function keyItem(key: string, s: JsonSchema, required: boolean, indent: number): CompletionItem {
  const resolved = resolveBranches(s, specSchema);
  const types = schemaTypes(resolved);
  const nl = `\n${' '.repeat(indent + 2)}`;
  let insert = `${key}: `;
  if (s.enum) insert += `\${1|${s.enum.map((e) => String(e).replace(/[,|]/g, '\\$&')).join(',')}|}`;
  else if (s.const !== undefined) insert += String(s.const);
  else if (types[0] === 'object') insert = `${key}:${nl}$0`;
  else if (types[0] === 'array') insert = `${key}:${nl}- $0`;
  else if (types[0] === 'boolean') insert += `\${1|true,false|}`;
  else if (s.default !== undefined) insert += `\${1:${String(s.default)}}`;
  else insert += '$0';
  const doc = schemaDoc(s);
  return {
    label: key,
    kind: types[0] === 'object' || types[0] === 'array' ? CompletionItemKind.Module : CompletionItemKind.Property,
    detail: [required ? 'required' : 'optional', s['x-unit'] ? `unit: ${s['x-unit']}` : undefined].filter(Boolean).join(' · '),
    documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
    insertText: insert,
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `${required ? '0' : '1'}${key}`,
  };
}

function valueItems(s: JsonSchema): CompletionItem[] {
  const values: unknown[] = s.enum ?? (s.const !== undefined ? [s.const] : schemaTypes(s).includes('boolean') ? [true, false] : []);
  const out: CompletionItem[] = values.map((v) => ({ label: String(v), kind: CompletionItemKind.EnumMember, documentation: schemaDoc(s) }));
  if (out.length === 0) {
    for (const v of [s.default, ...(s.examples ?? [])]) {
      if (v !== undefined && typeof v !== 'object' && !out.some((o) => o.label === String(v))) {
        out.push({ label: String(v), kind: CompletionItemKind.Value, documentation: schemaDoc(s) });
      }
    }
  }
  return out;
}
