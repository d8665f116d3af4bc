// The design review as Markdown: the verdict first, then golden-set sizing, the priced incident
// ledger with detection-window sensitivity, judge calibration and routing, and with a baseline what
// changed. Every piece of text that comes from a spec or a data file goes through `esc`
// (core/text/userText's escapeMarkdown: markup escaped, control characters and line breaks made
// visible), so a spec cannot inject links, HTML or table cells; the dollar amounts are escaped too,
// so no pair of `$` reads as GitHub math. Codes link to docs/rules.md (rulesDoc.ts).
import { formatUsd } from '../core/costs/format';
import { formatCount } from '../core/figures/format';
import { escapeMarkdown as esc } from '../core/text/userText';
import { ruleDocUrl } from '../rulesDoc';
import type { ReviewDocument } from './reviewTypes';

const statusLine: Record<ReviewDocument['verdict']['status'], string> = {
  blocked: '**BLOCKED**',
  'changes-required': '**Changes required**',
  ready: '**Ready for sign-off**',
};

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

function verdictLines(r: ReviewDocument): string[] {
  const v = r.verdict;
  const head = v.status === 'ready' && v.notRun.length > 0 ? '**No errors, but not every gate ran**' : statusLine[v.status];
  const out = [`${head}: ${plural(v.errors, 'error')}, ${plural(v.warnings, 'warning')}.`, ''];
  for (const g of v.blockedGates) out.push(`- BLOCKED gate, ${esc(g.gate)}: ${esc(g.reason)}`);
  for (const g of v.notRun) out.push(`- Not checked: ${esc(g)}`);
  for (const d of v.findings) {
    const code = d.code.replace(/[^A-Za-z0-9-]/g, '');
    const url = ruleDocUrl(code);
    out.push(`- ${d.severity} ${url ? `[${code}](${url})` : code} (line ${d.line}): ${esc(d.message)}`);
  }
  if (v.blockedGates.length + v.notRun.length + v.findings.length > 0) out.push('');
  return out;
}

function goldenSetLines(r: ReviewDocument): string[] {
  const g = r.goldenSet;
  if (!g) return ['The spec has no golden set.', ''];
  const out: string[] = [];
  if (g.declared !== null) out.push(`Declared: ${formatCount(g.declared)} examples${g.halfWidths.length ? `; at that size ${g.halfWidths.map((h) => `${esc(h.metric)} ${esc(h.halfWidth)}`).join('; ')}` : ''}.`);
  if (g.required !== null) out.push(`Needed: ${formatCount(g.required)}${g.binding ? ` (${esc(g.binding)} binds)` : ''}${g.shortfall ? `; ${formatCount(g.shortfall)} short` : '; the declared size is enough'}.`);
  const parts = [g.precisionTotal !== null ? `precision target ${formatCount(g.precisionTotal)}` : null, g.powerTotal !== null ? `power target ${formatCount(g.powerTotal)}` : null].filter(Boolean);
  if (parts.length) out.push(`By target: ${parts.join(', ')}.`);
  return [out.join(' ') || 'No sizing target is set.', ''];
}

function ledgerLines(r: ReviewDocument): string[] {
  const out: string[] = [];
  if (r.costs.baselinePerDay) out.push(`Baseline cost ${esc(formatUsd(r.costs.baselinePerDay))}/day${r.costs.routerPerDay ? `; with the router ${esc(formatUsd(r.costs.routerPerDay))}/day` : ''}.`, '');
  if (r.ledger.length === 0) return [...out, 'The ledger has no rows.', ''];
  const windows = [...new Set(r.ledger.flatMap((l) => l.windows.map((w) => w.window)))];
  const rows = r.ledger.map((l) => [esc(l.id), esc(l.kind), esc(l.impact), ...windows.map((w) => esc(l.windows.find((x) => x.window === w)?.cost ?? '—')), l.sensitivity ? esc(l.sensitivity) : '—']);
  return [...out, ...table(['row', 'kind', 'impact', ...windows.map((w) => `detected after ${esc(w)}`), 'sensitivity'], rows)];
}

function judgeLines(r: ReviewDocument): string[] {
  const j = r.judge;
  const c = j.calibration;
  const out = [
    `Judge ${j.model ? esc(j.model) : '(no model named)'}${j.productionModel ? `, grading ${esc(j.productionModel)}` : ''}${j.referenceJudge ? `; reference judge ${esc(j.referenceJudge)}` : ''}${j.minSpearman !== null ? `; launch gate Spearman ρ ≥ ${j.minSpearman}` : ''}.`,
    '',
    c.status === 'not-named' || c.status === 'not-read' ? esc(c.summary) : `${c.blocked ? '**BLOCKED**' : 'Not blocked'}: ${esc(c.summary.replace(/^BLOCKED:\s*/, ''))}${c.crossedAt ? ` Monthly ρ first fell below the gate in ${esc(c.crossedAt)}.` : ''}`,
    '',
  ];
  return out;
}

function routingLines(r: ReviewDocument): string[] {
  const out = [esc(r.routing.summary), ''];
  if (r.routing.alerts.length) out.push(...table(['alert', 'first fired'], r.routing.alerts.map((a) => [esc(a.label), a.firstFiredAt ? esc(a.firstFiredAt.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d).*$/, '$1 $2 UTC')) : 'never'])));
  const i = r.routing.incident;
  if (i) {
    out.push('### Incident cost (ledger money)', '', ...i.lines.flatMap((l) => [esc(l), '']));
    if (i.table) out.push(...table(i.table.header.map(esc), i.table.rows.map((row) => row.map(esc))));
  }
  return out;
}

function changeLines(r: ReviewDocument): string[] {
  const b = r.baseline;
  if (!b) return [];
  const at = `${esc(b.revision)}${b.commit ? ` (${b.commit.slice(0, 12)})` : ''}`;
  if (b.status === 'new') return ['## Changes', '', `The spec is new since ${at}.`, ''];
  if (b.changes.length === 0) return ['## Changes', '', `No figure changed since ${at}.`, ''];
  return ['## Changes', '', `Since ${at}:`, '', ...table(['figure', 'before', 'after', 'change'], b.changes.map((c) => [esc(c.figure), esc(c.before), esc(c.after), c.delta ? esc(c.delta) : 'changed']))];
}

export function reviewMarkdown(r: ReviewDocument): string {
  const title = r.name ?? r.file;
  const out = [
    `# Design review: ${esc(title)}`,
    '',
    `Spec file: ${esc(r.file)}.`,
    '',
    '## Verdict',
    '',
    ...verdictLines(r),
    ...changeLines(r),
    '## Golden set',
    '',
    ...goldenSetLines(r),
    '## Incident ledger',
    '',
    ...ledgerLines(r),
    '## Judge calibration',
    '',
    ...judgeLines(r),
    '## Routing',
    '',
    ...routingLines(r),
  ];
  return `${out.join('\n').trimEnd()}\n`;
}
