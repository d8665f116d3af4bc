// What every answer of the language server must satisfy, whatever the spec: each range lies inside
// the document it names, and no text a user reads (diagnostic messages, hover Markdown, inlay hint
// labels and tooltips, code lens titles, completion labels and docs, code action titles, symbol
// names) shows NaN, Infinity, undefined, null or [object Object]. Each check returns the problems it
// found as sentences (empty: fine), so the fuzz loop can count and report them.

/** Words that are bugs when they reach a user (the fuzz inputs never contain them). */
export const leakedWords = /\b(NaN|Infinity|undefined|null)\b|\[object \w+\]/;

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}

/** Line lengths of a document, split as LSP does (\n, \r\n, \r). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function posInside(p: Pos | undefined, lines: number[]): boolean {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return false;
  if (p.line < 0 || p.line >= lines.length || p.character < 0) return false;
  return p.character <= lines[p.line]!;
}

export function rangeProblem(what: string, r: Rng | undefined, lines: number[]): string | undefined {
  if (!r) return `${what}: no range`;
  if (!posInside(r.start, lines) || !posInside(r.end, lines)) return `${what}: range ${JSON.stringify(r)} is outside the document (${lines.length} lines, last line ${lines.at(-1)} characters)`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `${what}: range ${JSON.stringify(r)} ends before it starts`;
  return undefined;
}

export function positionProblem(what: string, p: Pos | undefined, lines: number[]): string | undefined {
  return posInside(p, lines) ? undefined : `${what}: position ${JSON.stringify(p)} is outside the document`;
}

export function textProblem(what: string, text: unknown): string | undefined {
  if (text === undefined || text === null) return undefined;
  const s = typeof text === 'string' ? text : JSON.stringify(text);
  const m = leakedWords.exec(s);
  if (!m) return undefined;
  const at = Math.max(0, m.index - 60);
  return `${what} shows ${JSON.stringify(m[0])}: …${s.slice(at, m.index + 60)}…`;
}

type Any = Record<string, any>;

/** Markdown or plain text of hover contents, tooltips and documentation. */
function markupText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(markupText).join('\n');
  const o = v as Any;
  return typeof o['value'] === 'string' ? o['value'] : JSON.stringify(v);
}

export function diagnosticProblems(ds: Any[], lines: number[]): string[] {
  return ds.flatMap((d, i) => [rangeProblem(`diagnostic ${i} [${d['code']}]`, d['range'], lines), textProblem(`diagnostic ${i} [${d['code']}] message`, d['message'])]).filter(isString);
}

export function hoverProblems(h: Any | null, lines: number[]): string[] {
  if (!h) return [];
  return [h['range'] ? rangeProblem('hover', h['range'], lines) : undefined, textProblem('hover Markdown', markupText(h['contents']))].filter(isString);
}

export function completionProblems(result: Any[] | Any | null, lines: number[]): string[] {
  const items: Any[] = Array.isArray(result) ? result : (result?.['items'] ?? []);
  return items.flatMap((c, i) => {
    const edit = c['textEdit'] as Any | undefined;
    const ranges = edit ? ('range' in edit ? [edit['range']] : [edit['insert'], edit['replace']]) : [];
    return [
      textProblem(`completion ${i} label`, c['label']),
      textProblem(`completion ${i} detail`, c['detail']),
      textProblem(`completion ${i} documentation`, markupText(c['documentation'])),
      ...ranges.map((r: Rng) => rangeProblem(`completion ${i} edit`, r, lines)),
      ...((c['additionalTextEdits'] ?? []) as Any[]).map((e) => rangeProblem(`completion ${i} additional edit`, e['range'], lines)),
    ];
  }).filter(isString);
}

export function symbolProblems(symbols: Any[] | null, lines: number[], path = 'symbol'): string[] {
  return (symbols ?? []).flatMap((s, i) => {
    const here = `${path} ${i} (${String(s['name']).slice(0, 30)})`;
    return [
      rangeProblem(here, s['range'] ?? s['location']?.['range'], lines),
      s['selectionRange'] ? rangeProblem(`${here} selection`, s['selectionRange'], lines) : undefined,
      textProblem(`${here} name`, s['name']),
      textProblem(`${here} detail`, s['detail']),
      ...symbolProblems(s['children'] ?? [], lines, `${here} >`),
    ];
  }).filter(isString);
}

export function inlayHintProblems(hints: Any[] | null, lines: number[]): string[] {
  return (hints ?? []).flatMap((h, i) => {
    const label = typeof h['label'] === 'string' ? h['label'] : ((h['label'] ?? []) as Any[]).map((p) => p['value']).join('');
    return [positionProblem(`inlay hint ${i}`, h['position'], lines), textProblem(`inlay hint ${i} label`, label), textProblem(`inlay hint ${i} tooltip`, markupText(h['tooltip']))];
  }).filter(isString);
}

export function codeLensProblems(lenses: Any[] | null, lines: number[]): string[] {
  return (lenses ?? []).flatMap((l, i) => [rangeProblem(`code lens ${i}`, l['range'], lines), textProblem(`code lens ${i} title`, l['command']?.['title'])]).filter(isString);
}

/** Code actions edit the document they were asked for; their edits must lie inside it too. */
export function codeActionProblems(actions: Any[] | null, uri: string, lines: number[]): string[] {
  return (actions ?? []).flatMap((a, i) => {
    const changes = (a['edit']?.['changes']?.[uri] ?? []) as Any[];
    const args = ((a['command']?.['arguments'] ?? []) as Any[]).filter((x) => x && x['uri'] === uri).flatMap((x) => (x['edits'] ?? []) as Any[]);
    return [textProblem(`code action ${i} title`, a['title']), ...[...changes, ...args].map((e, j) => rangeProblem(`code action ${i} edit ${j}`, e['range'], lines))];
  }).filter(isString);
}

function isString(x: string | undefined): x is string {
  return typeof x === 'string';
}
