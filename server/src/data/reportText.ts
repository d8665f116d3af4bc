// The calibration and routing reports as text and as Markdown: what `evalspec report … --format
// text|markdown` prints and what the panels' "Copy Markdown summary" puts on the clipboard, from the
// same model the panels draw. Pure.
import { escapeMarkdown, terminalText } from '../core/text/userText';
import { basisDisagreements, incidentMoneyRows } from './incidentText';
import { tierLabel, type CalibrationPanelModel, type Estimate, type PanelModel, type RoutingPanelModel, type SpearmanRow } from './panelModel';

export function formatNumber(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}

export function formatPercent(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;
}

export function formatMoney(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `2026-03-31T14:00:00.000Z` → `2026-03-31 14:00 UTC`. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

export function formatEstimate(e: Estimate, digits = 3): string {
  if (e.value === null) return `— (${e.reason ?? 'undefined'})`;
  return e.low !== null && e.high !== null ? `${e.value.toFixed(digits)} [${e.low.toFixed(digits)}, ${e.high.toFixed(digits)}]` : e.value.toFixed(digits);
}

/** At most `max` items, evenly spaced, always keeping the first and the last. */
function thin<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))] as T);
}

type Table = { header: string[]; rows: string[][] };

function spearmanTable(rows: SpearmanRow[], first: string, min: number): Table {
  return {
    header: [first, 'n', 'Spearman ρ [bootstrap CI]', 'Fisher-z CI', `vs ${min}`],
    rows: rows.map((r) => [r.label, r.n.toLocaleString('en-US'), formatEstimate(r.rho), r.fisherZ ? `[${r.fisherZ.low.toFixed(3)}, ${r.fisherZ.high.toFixed(3)}]` : '—', r.below ? 'below' : 'ok']),
  };
}

interface Section {
  title: string;
  lines?: string[];
  table?: Table;
}

function calibrationSections(r: CalibrationPanelModel): Section[] {
  const s: Section[] = [];
  s.push({
    title: 'Verdict',
    lines: [`${r.verdict.blocked ? 'BLOCKED' : 'NOT BLOCKED'}: ${r.verdict.summary}`, r.trend.crossedAt ? `Monthly ρ first fell below ${r.thresholds.minSpearman} in ${r.trend.crossedAt}.` : `Monthly ρ never fell below ${r.thresholds.minSpearman}.`],
  });
  s.push({ title: 'Spearman ρ overall and per cohort', table: spearmanTable([r.spearman.overall, ...r.spearman.byCohort], 'cohort', r.thresholds.minSpearman) });
  s.push({ title: 'Spearman ρ per month', table: spearmanTable(r.spearman.byMonth, 'month', r.thresholds.minSpearman) });
  if (r.kappa) {
    s.push({
      title: `Cohen's κ between annotators per batch (${r.kappa.weighting}; min ${r.thresholds.minKappa})`,
      table: { header: ['batch', 'n', 'κ [95% CI]', 'status'], rows: r.kappa.batches.map((b) => [b.batch, b.n.toLocaleString('en-US'), formatEstimate(b.kappa), b.excluded ? 'excluded' : 'kept']) },
    });
  }
  if (r.highConfidence) {
    const h = r.highConfidence;
    s.push({
      title: 'High-confidence verdicts',
      lines: [
        `Judge confidence ≥ ${h.threshold}: ${h.n.toLocaleString('en-US')} verdicts, precision ${formatEstimate(h.precision)} at mean confidence ${formatNumber(h.meanConfidence, 3)}.`,
        `A verdict is confirmed when judge and human agree on pass vs fail; pass: ${r.thresholds.passMark}.`,
      ],
    });
  }
  if (r.reliability.length > 0) {
    s.push({
      title: 'Reliability (confidence bins)',
      table: { header: ['confidence', 'n', 'mean confidence', 'agreement'], rows: r.reliability.filter((b) => b.n > 0).map((b) => [`[${b.from.toFixed(1)}, ${b.to.toFixed(1)})`, String(b.n), formatNumber(b.meanConfidence, 3), formatNumber(b.accuracy, 3)]) },
    });
  }
  return s;
}

function routingSections(r: RoutingPanelModel): Section[] {
  const s: Section[] = [];
  s.push({
    title: 'Alerts',
    table: { header: ['alert', 'first fires', 'value', 'limit'], rows: r.alerts.map((a) => [a.label, a.firstFiredAt ? formatTime(a.firstFiredAt) : 'never', formatNumber(a.value, 3), formatNumber(a.limit, 3)]) },
  });
  s.push({
    title: 'Tier shares (30-day baseline)',
    table: {
      header: ['tier', 'baseline share', 'last 1 h share'],
      rows: r.shares.map((t) => [tierLabel(t.tier, r.flagshipTier), formatPercent(t.baseline), formatPercent(t.points.at(-1)?.share ?? null)]),
    },
  });
  s.push({
    title: 'Cost per tier',
    lines: [r.scale ? `The log is a sample of the traffic: counts and money scale by ${r.scale.statement}; at the declared traffic the router costs ${formatMoney(r.scale.costPerDayScaled)} a day.` : `Figures are the log's own (not scaled: ${r.scaleReason ?? 'no scale factor'}).`],
    table: {
      header: ['tier', 'requests', 'cost', 'share of cost', 'per request'],
      rows: [...r.costPerTier.map((c) => [c.tier, c.requests.toLocaleString('en-US'), formatMoney(c.cost), formatPercent(c.costShare), c.costPerRequest === null ? '—' : `$${c.costPerRequest.toFixed(5)}`]), ['total', '', formatMoney(r.totalCost), '', '']],
    },
  });
  if (r.incident) s.push(incidentSection(r.incident));
  if (r.frontier) {
    const f = r.frontier;
    const c = f.current;
    s.push({
      title: `Cost–quality frontier (${f.n.toLocaleString('en-US')} requests with both tiers' quality; ${f.points.filter((p) => p.pareto).length} thresholds on it, at most 12 shown)`,
      lines: [c ? `Current router: ${c.threshold === null ? '' : `threshold ${c.threshold.toFixed(2)}, `}$${c.costPerRequest.toFixed(5)} per request, quality ${c.quality.toFixed(3)}.` : 'Current router: not known.'],
      table: { header: ['threshold', 'cost per request', 'quality'], rows: thin(f.points.filter((p) => p.pareto), 12).map((p) => [p.threshold.toFixed(2), `$${p.costPerRequest.toFixed(5)}`, p.quality.toFixed(3)]) },
    });
  }
  return s;
}

function incidentSection(i: NonNullable<RoutingPanelModel['incident']>): Section {
  const m = i.money;
  const lines = [`Started ${formatTime(i.startedAt)}; in the log itself the extra spend so far is ${formatMoney(i.costSoFar)}.`];
  if (m?.costSoFarScaled && m.scale) lines.push(`At the declared traffic (scaled ${m.scale.statement}): ${formatMoney(m.costSoFarScaled.value)} over baseline so far.`);
  else if (m?.scaleReason) lines.push(`Not scaled to the declared traffic: ${m.scaleReason}.`);
  if (m) {
    for (const r of m.rows) for (const why of r.reasons) lines.push(`Ledger row ${r.ledgerId}: ${why}.`);
    for (const d of basisDisagreements(m)) lines.push(`Warning: ${d.message}`);
    if (m.rows.length > 0) return { title: 'Incident cost (ledger money)', lines, table: incidentMoneyRows(m) };
  }
  return { title: 'Incident cost', lines, table: { header: ['detected after', 'cost over baseline (log)'], rows: i.windows.map((w) => [w.window, formatMoney(w.cost)]) } };
}

function sourceLine(r: PanelModel): string {
  const b = r.source.badRows.count;
  return `${r.source.path} (${r.source.format}): ${r.source.rows.toLocaleString('en-US')} rows used${b > 0 ? `, ${b.toLocaleString('en-US')} bad rows left out` : ''}.`;
}

function titleOf(r: PanelModel): string {
  return `${r.kind === 'calibration' ? 'Judge calibration' : 'Router results'}${r.specName ? `: ${r.specName}` : ''}`;
}

function sections(r: PanelModel): Section[] {
  return r.kind === 'calibration' ? calibrationSections(r) : routingSections(r);
}

/** Markdown to paste into a design doc. All text goes through the shared `escapeMarkdown` (core/text/userText.ts): labels from the data file and names from the spec are text, one line each. */
export function reportMarkdown(r: PanelModel): string {
  const out = [`## ${escapeMarkdown(titleOf(r))}`, '', `Data: ${escapeMarkdown(sourceLine(r))}`, ''];
  for (const s of sections(r)) {
    out.push(`### ${escapeMarkdown(s.title)}`, '');
    for (const l of s.lines ?? []) out.push(escapeMarkdown(l), '');
    if (s.table) {
      out.push(`| ${s.table.header.map(escapeMarkdown).join(' | ')} |`, `|${s.table.header.map(() => ' --- ').join('|')}|`);
      for (const row of s.table.rows) out.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Plain text for a terminal: aligned columns; control characters in any text made visible (one line each). */
export function reportText(r: PanelModel): string {
  const out = [terminalText(titleOf(r)), terminalText(sourceLine(r)), ''];
  for (const s of sections(r)) {
    out.push(terminalText(s.title));
    for (const l of s.lines ?? []) out.push(`  ${terminalText(l)}`);
    if (s.table) {
      const all = [s.table.header, ...s.table.rows].map((row) => row.map(terminalText));
      const widths = s.table.header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
      for (const row of all) out.push(`  ${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
