// The calibration panel: verdict, Spearman ρ per cohort and per month against the threshold (with
// bootstrap intervals), the month trend and where it crossed the line, κ per annotation batch,
// high-confidence precision, the reliability diagram and the judge-vs-human table.
import * as Plot from '@observablehq/plot';
import type { CalibrationPanelModel, SpearmanRow } from '../../server/src/data/panelModel';
import { baseOptions, chartFigure, renderPlot, type ExportHandler, type Theme } from './charts';
import { fmt, h, pct, prose, table } from './dom';

function rhoText(r: SpearmanRow): string {
  const v = r.rho;
  if (v.value === null) return `— (${v.reason ?? 'undefined'})`;
  return v.low !== null && v.high !== null ? `${v.value.toFixed(3)} [${v.low.toFixed(3)}, ${v.high.toFixed(3)}]` : v.value.toFixed(3);
}

function spearmanTable(id: string, caption: string, first: string, rows: SpearmanRow[], min: number): HTMLTableElement {
  return table({
    id,
    caption,
    header: [first, 'n', 'Spearman ρ [bootstrap CI]', 'Fisher-z CI', `vs min ${min}`],
    numeric: [1, 2, 3],
    rows: rows.map((r) => [r.label, r.n.toLocaleString('en-US'), rhoText(r), r.fisherZ ? `[${r.fisherZ.low.toFixed(3)}, ${r.fisherZ.high.toFixed(3)}]` : '—', r.below ? { text: 'below', className: 'bad' } : { text: 'ok', className: 'good' }]),
  });
}

/** Dot-and-interval chart of ρ per group with the threshold as a vertical rule. */
function rhoForest(rows: SpearmanRow[], min: number, label: string) {
  return (theme: Theme, width: number) => {
    const data = rows.filter((r) => r.rho.value !== null).map((r) => ({ label: r.label, rho: r.rho.value as number, low: r.rho.low ?? (r.rho.value as number), high: r.rho.high ?? (r.rho.value as number), below: r.below }));
    const o = baseOptions(theme, width, label, `Spearman rho per ${label} with 95% bootstrap intervals; the vertical line is the threshold ${min}.`);
    return renderPlot(
      {
        ...o,
        height: Math.max(120, 34 * data.length + 60),
        marginLeft: Math.min(220, 12 + 7 * Math.max(6, ...data.map((d) => d.label.length))),
        x: { domain: [Math.min(0, ...data.map((d) => d.low)), 1], label: 'Spearman ρ →', grid: true },
        y: { label: null, domain: data.map((d) => d.label) },
        marks: [
          Plot.ruleX([min], { stroke: theme.bad, strokeWidth: 1.5, strokeDasharray: '5 3' }),
          Plot.link(data, { x1: 'low', x2: 'high', y1: 'label', y2: 'label', stroke: (d: { below: boolean }) => (d.below ? theme.bad : theme.accent), strokeWidth: 2 }),
          Plot.dot(data, { x: 'rho', y: 'label', fill: (d: { below: boolean }) => (d.below ? theme.bad : theme.accent), r: 4.5, title: (d: { label: string; rho: number; low: number; high: number }) => `${d.label}: ρ = ${d.rho.toFixed(3)} [${d.low.toFixed(3)}, ${d.high.toFixed(3)}]` }),
        ],
      },
      theme,
    );
  };
}

export function renderCalibration(r: CalibrationPanelModel, theme: Theme, width: number, onExport: ExportHandler): HTMLElement[] {
  const min = r.thresholds.minSpearman;
  const out: HTMLElement[] = [];
  const ci = `${Math.round(r.bootstrap.confidence * 100)}%`;

  out.push(
    h(
      'section',
      { id: 'verdict', class: `verdict ${r.verdict.blocked ? 'blocked' : 'ok'}`, 'aria-labelledby': 'verdict-title' },
      h('h2', { id: 'verdict-title' }, r.verdict.blocked ? 'Judge-gated launches: BLOCKED' : 'Judge-gated launches: not blocked'),
      h('p', { id: 'verdict-summary' }, ...prose(r.verdict.summary)),
      h(
        'p',
        { id: 'spearman-overall' },
        `Overall Spearman ρ = ${rhoText(r.spearman.overall)} (n = ${r.spearman.overall.n.toLocaleString('en-US')}, ${ci} bootstrap interval, ${r.bootstrap.resamples.toLocaleString('en-US')} resamples, seed ${r.bootstrap.seed}) against min_spearman ${min}.`,
      ),
      h('p', { id: 'trend-crossed' }, r.trend.crossedAt ? `Monthly ρ first fell below ${min} in ${r.trend.crossedAt}.` : r.spearman.byMonth.some((m) => m.rho.value !== null) ? `Monthly ρ stayed at or above ${min} in every month with a figure.` : 'No month has a ρ: no evidence over time.'),
    ),
  );

  // Month trend: ρ per month with its band, the threshold, and the month it crossed.
  const months = r.spearman.byMonth.filter((m) => m.rho.value !== null);
  if (months.length > 0) {
    const first = months[0]!;
    const last = months[months.length - 1]!;
    out.push(
      chartFigure(
        {
          id: 'spearman-by-month',
          title: 'Spearman ρ by month (calibration rot)',
          summary: `ρ went from ${fmt(first.rho.value, 3)} in ${first.label} to ${fmt(last.rho.value, 3)} in ${last.label}; ${r.trend.crossedAt ? `it first fell below ${min} in ${r.trend.crossedAt}` : `it never fell below ${min}`}. Shaded: ${ci} bootstrap interval.`,
          legend: [
            { label: 'ρ per month', color: theme.accent },
            { label: `min_spearman ${min}`, color: theme.bad, dashed: true },
          ],
          draw: (t, w) => {
            const data = months.map((m) => ({ month: m.label, rho: m.rho.value as number, low: m.rho.low ?? (m.rho.value as number), high: m.rho.high ?? (m.rho.value as number) }));
            const o = baseOptions(t, w, 'Spearman rho by month', `Monthly Spearman rho with intervals against the threshold ${min}.`);
            const crossed = r.trend.crossedAt ? data.filter((d) => d.month === r.trend.crossedAt) : [];
            return renderPlot(
              {
                ...o,
                x: { type: 'point', label: 'month', domain: data.map((d) => d.month), padding: 0.3 },
                y: { domain: [Math.min(min - 0.1, ...data.map((d) => d.low)), 1], label: '↑ Spearman ρ', grid: true },
                marks: [
                  Plot.areaY(data, { x: 'month', y1: 'low', y2: 'high', fill: t.accent, fillOpacity: 0.18 }),
                  Plot.ruleY([min], { stroke: t.bad, strokeDasharray: '5 3', strokeWidth: 1.5 }),
                  Plot.line(data, { x: 'month', y: 'rho', stroke: t.accent, strokeWidth: 2 }),
                  Plot.dot(data, { x: 'month', y: 'rho', fill: t.accent, r: 3.5, title: (d: { month: string; rho: number }) => `${d.month}: ρ = ${d.rho.toFixed(3)}` }),
                  Plot.dot(crossed, { x: 'month', y: 'rho', stroke: t.bad, r: 8, strokeWidth: 2 }),
                  Plot.text(crossed, { x: 'month', y: 'rho', text: () => 'crossed', dy: -14, fill: t.bad, fontWeight: 'bold' }),
                ],
              },
              t,
            );
          },
        },
        theme,
        width,
        onExport,
      ),
    );
  }
  out.push(spearmanTable('table-spearman-month', `Spearman ρ per month (${ci} bootstrap interval) against min_spearman ${min}`, 'month', r.spearman.byMonth, min));

  const groups = [r.spearman.overall, ...r.spearman.byCohort];
  out.push(
    chartFigure(
      {
        id: 'spearman-by-cohort',
        title: 'Spearman ρ overall and per cohort',
        summary: `${r.spearman.byCohort.filter((c) => c.below).length} of ${r.spearman.byCohort.length} cohorts are below ${min}. ${r.spearman.byCohort.map((c) => `${c.label}: ${fmt(c.rho.value, 3)}`).join('; ')}.`,
        draw: rhoForest(groups, min, 'cohort'),
        empty: groups.some((g) => g.rho.value !== null) ? undefined : 'no cohort has a ρ.',
      },
      theme,
      width,
      onExport,
    ),
  );
  out.push(spearmanTable('table-spearman-cohort', `Spearman ρ overall and per cohort (${ci} bootstrap interval) against min_spearman ${min}`, 'cohort', groups, min));

  if (r.kappa) {
    const k = r.kappa;
    const kmin = r.thresholds.minKappa;
    const data = k.batches.filter((b) => b.kappa.value !== null).map((b) => ({ batch: b.batch, kappa: b.kappa.value as number, low: b.kappa.low ?? (b.kappa.value as number), high: b.kappa.high ?? (b.kappa.value as number), excluded: b.excluded }));
    out.push(
      chartFigure(
        {
          id: 'kappa-by-batch',
          title: `Cohen's κ between annotators per batch (${k.weighting})`,
          summary: `${k.excludedCount} of ${k.batches.length} batches have κ below ${kmin} and are excluded${k.excludedCount ? `: ${k.batches.filter((b) => b.excluded).map((b) => b.batch).join(', ')}` : ''}.`,
          empty: data.length > 0 ? undefined : 'no batch has a κ.',
          draw: (t, w) => {
            const o = baseOptions(t, w, "Cohen's kappa per batch", `Kappa per annotation batch against the threshold ${kmin}.`);
            return renderPlot(
              {
                ...o,
                height: Math.max(120, 26 * data.length + 60),
                marginLeft: Math.min(240, 12 + 7 * Math.max(6, ...data.map((d) => d.batch.length))),
                x: { domain: [Math.min(0, ...data.map((d) => d.low)), 1], label: 'κ →', grid: true },
                y: { label: null, domain: data.map((d) => d.batch) },
                marks: [
                  Plot.ruleX([kmin], { stroke: t.bad, strokeDasharray: '5 3', strokeWidth: 1.5 }),
                  Plot.link(data, { x1: 'low', x2: 'high', y1: 'batch', y2: 'batch', stroke: (d: { excluded: boolean }) => (d.excluded ? t.bad : t.good), strokeWidth: 2 }),
                  Plot.dot(data, { x: 'kappa', y: 'batch', fill: (d: { excluded: boolean }) => (d.excluded ? t.bad : t.good), r: 4 }),
                ],
              },
              t,
            );
          },
        },
        theme,
        width,
        onExport,
      ),
    );
    out.push(
      table({
        id: 'table-kappa',
        caption: `Cohen's κ per batch against min_kappa ${kmin}`,
        header: ['batch', 'n', 'κ [95% CI]', 'status'],
        numeric: [1, 2],
        rows: k.batches.map((b) => [
          b.batch,
          b.n.toLocaleString('en-US'),
          b.kappa.value === null ? `— (${b.kappa.reason ?? 'undefined'})` : b.kappa.low !== null && b.kappa.high !== null ? `${b.kappa.value.toFixed(3)} [${b.kappa.low.toFixed(3)}, ${b.kappa.high.toFixed(3)}]` : b.kappa.value.toFixed(3),
          b.excluded ? { text: 'excluded', className: 'bad' } : { text: 'kept', className: 'good' },
        ]),
      }),
    );
  }

  if (r.highConfidence) {
    const hc = r.highConfidence;
    const p = hc.precision;
    const over = p.value !== null && hc.meanConfidence !== null && p.value < hc.meanConfidence;
    out.push(
      h(
        'section',
        { id: 'high-confidence', 'aria-labelledby': 'hc-title' },
        h('h2', { id: 'hc-title' }, 'High-confidence verdicts'),
        h(
          'p',
          { id: 'high-confidence-precision' },
          `${hc.n.toLocaleString('en-US')} verdicts with judge confidence ≥ ${hc.threshold}: precision ${fmt(p.value, 3)}${p.low !== null && p.high !== null ? ` [${p.low.toFixed(3)}, ${p.high.toFixed(3)}]` : ''} at a mean claimed confidence of ${fmt(hc.meanConfidence, 3)}${over ? ' — the judge is overconfident.' : '.'}`,
        ),
      ),
    );
  }

  const bins = r.reliability.filter((b) => b.n > 0 && b.meanConfidence !== null && b.accuracy !== null);
  if (bins.length > 0) {
    out.push(
      chartFigure(
        {
          id: 'reliability',
          title: 'Reliability diagram',
          summary: `Agreement with the human label against the judge's confidence, in ${bins.length} bins; points below the diagonal are overconfident. ${bins.map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${pct(b.accuracy, 0)} at ${pct(b.meanConfidence, 0)} (n ${b.n})`).join('; ')}.`,
          draw: (t, w) => {
            const o = baseOptions(t, Math.min(w, 560), 'Reliability diagram', 'Observed agreement per confidence bin against the diagonal of perfect calibration.');
            return renderPlot(
              {
                ...o,
                height: Math.min(w, 560) * 0.75,
                x: { domain: [0, 1], label: 'mean judge confidence →', grid: true },
                y: { domain: [0, 1], label: '↑ agreement with humans', grid: true },
                r: { range: [3, 12] },
                marks: [
                  Plot.link([{ a: 0, b: 1 }], { x1: 'a', y1: 'a', x2: 'b', y2: 'b', stroke: t.muted, strokeDasharray: '4 3' }),
                  Plot.line(bins, { x: 'meanConfidence', y: 'accuracy', stroke: t.accent }),
                  Plot.dot(bins, { x: 'meanConfidence', y: 'accuracy', r: 'n', fill: t.accent, fillOpacity: 0.7, title: (b: { from: number; to: number; n: number; accuracy: number }) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${(b.accuracy * 100).toFixed(0)}% (n ${b.n})` }),
                ],
              },
              t,
            );
          },
        },
        theme,
        width,
        onExport,
      ),
    );
    out.push(
      table({
        id: 'table-reliability',
        caption: 'Reliability: agreement per confidence bin',
        header: ['confidence', 'n', 'mean confidence', 'agreement'],
        numeric: [1, 2, 3],
        rows: bins.map((b) => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, String(b.n), fmt(b.meanConfidence, 3), fmt(b.accuracy, 3)]),
      }),
    );
  }

  if (r.judgeVsHuman.length > 0) {
    const judges = [...new Set(r.judgeVsHuman.map((c) => c.judge))].sort((a, b) => a - b);
    const humans = [...new Set(r.judgeVsHuman.map((c) => c.human))].sort((a, b) => a - b);
    const count = new Map(r.judgeVsHuman.map((c) => [`${c.judge}|${c.human}`, c.count]));
    const agree = r.judgeVsHuman.filter((c) => c.judge === c.human).reduce((s, c) => s + c.count, 0);
    const total = r.judgeVsHuman.reduce((s, c) => s + c.count, 0);
    out.push(
      chartFigure(
        {
          id: 'judge-vs-human',
          title: 'Judge score vs human label',
          summary: `${agree.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} examples (${pct(total ? agree / total : null)}) have the same judge score and human label; the table below gives every cell.`,
          draw: (t, w) => {
            const o = baseOptions(t, Math.min(w, 520), 'Judge score against human label', 'Counts of examples per judge score and human label.');
            return renderPlot(
              {
                ...o,
                height: Math.min(w, 520) * 0.8,
                x: { label: 'human label →', domain: humans.map(String) },
                y: { label: '↑ judge score', domain: judges.map(String).reverse() },
                color: { type: 'sqrt', range: [t.bg, t.accent] },
                marks: [
                  Plot.cell(r.judgeVsHuman, { x: (d: { human: number }) => String(d.human), y: (d: { judge: number }) => String(d.judge), fill: 'count', inset: 1 }),
                  Plot.text(r.judgeVsHuman, { x: (d: { human: number }) => String(d.human), y: (d: { judge: number }) => String(d.judge), text: (d: { count: number }) => String(d.count), fill: t.fg }),
                ],
              },
              t,
            );
          },
        },
        theme,
        width,
        onExport,
      ),
    );
    out.push(
      table({
        id: 'table-judge-vs-human',
        caption: 'Examples per judge score (rows) and human label (columns)',
        header: ['judge \\ human', ...humans.map(String)],
        numeric: humans.map((_, i) => i + 1),
        rows: judges.map((j) => [String(j), ...humans.map((hm) => String(count.get(`${j}|${hm}`) ?? 0))]),
      }),
    );
  }
  return out;
}
