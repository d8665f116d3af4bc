// DOM building for the panels. Every string that may come from a data file (cohort, month, batch,
// tier names, messages) goes in through `textContent` or an attribute set with setAttribute — never
// through innerHTML — so `<script>` in a cohort name is text on screen and nothing else.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/**
 * A server sentence as DOM children: Markdown code spans (`judge.calibration.data`) become <code>
 * elements holding the span as text, the rest stays text. Nothing is parsed as markup, and a lone
 * backtick is kept as the character it is.
 */
export function prose(text: string): (HTMLElement | string)[] {
  const out: (HTMLElement | string)[] = [];
  let rest = text;
  for (let m = /`([^`\n]+)`/.exec(rest); m; m = /`([^`\n]+)`/.exec(rest)) {
    if (m.index > 0) out.push(rest.slice(0, m.index));
    out.push(h('code', {}, m[1]!));
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest !== '') out.push(rest);
  return out;
}

/**
 * A button that runs `onClick`; when `nothing` says why there is nothing for it to do (no report, a
 * chart without data), it is disabled, not wired, and its title (the tooltip) gives that reason.
 */
export function actionButton(attrs: Record<string, string>, label: string, onClick: () => void, nothing?: string): HTMLButtonElement {
  if (nothing) return h('button', { ...attrs, type: 'button', disabled: '', 'aria-disabled': 'true', title: nothing }, label);
  const b = h('button', { ...attrs, type: 'button' }, label);
  b.addEventListener('click', onClick);
  return b;
}

export interface TableSpec {
  id: string;
  caption: string;
  header: string[];
  rows: (string | { text: string; className?: string })[][];
  /** Columns (by index) holding numbers: right-aligned. */
  numeric?: number[];
}

/** A table with a caption and column headers (`scope="col"`), the first cell of each row a row header. */
export function table(spec: TableSpec): HTMLTableElement {
  const numeric = new Set(spec.numeric ?? []);
  const head = h('thead', {}, h('tr', {}, ...spec.header.map((t, i) => h('th', { scope: 'col', class: numeric.has(i) ? 'num' : undefined }, t))));
  const body = h(
    'tbody',
    {},
    ...spec.rows.map((row) =>
      h(
        'tr',
        {},
        ...row.map((cell, i) => {
          const text = typeof cell === 'string' ? cell : cell.text;
          const cls = [numeric.has(i) ? 'num' : '', typeof cell === 'string' ? '' : cell.className ?? ''].filter(Boolean).join(' ') || undefined;
          return i === 0 ? h('th', { scope: 'row', class: cls }, text) : h('td', { class: cls }, text);
        }),
      ),
    ),
  );
  return h('table', { id: spec.id }, h('caption', {}, spec.caption), head, body);
}

export function fmt(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}

export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;
}

export function money(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
