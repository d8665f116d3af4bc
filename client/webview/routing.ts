// The routing panel: per-tier share over time (1 h rolling) against each tier's 30-day baseline,
// alert markers where each alert first fires, daily p10 of confidence, cost per tier, the incident's
// cost so far and at each ledger detection window, and the cost–quality frontier of the threshold
// sweep with the current router's point.
import * as Plot from '@observablehq/plot';
import { tierLabel, type RoutingPanelModel } from '../../server/src/data/panelModel';
import { baseOptions, chartFigure, renderPlot, type ExportHandler, type Theme } from './charts';
import { fmt, h, money, pct, prose, table, when } from './dom';
import { basisDisagreements, incidentMoneyRows } from '../../server/src/data/incidentText';

const alertShort: Record<string, string> = { 'flagship-share': 'flagship share', 'p10-confidence': 'p10 confidence', 'cost-share': 'cost share' };

export function renderRouting(r: RoutingPanelModel, theme: Theme, width: number, onExport: ExportHandler): HTMLElement[] {
  const out: HTMLElement[] = [];
  const color = (tier: string) => theme.series[Math.max(0, r.tiers.indexOf(tier)) % theme.series.length] as string;
  const fired = r.alerts.filter((a) => a.firstFiredAt !== null);

  out.push(
    h(
      'section',
      { id: 'alerts', class: `verdict ${fired.length ? 'blocked' : 'ok'}`, 'aria-labelledby': 'alerts-title' },
      h('h2', { id: 'alerts-title' }, fired.length ? `${fired.length} of ${r.alerts.length} alerts fired` : 'No alert fired'),
      h('p', { id: 'span' }, r.span ? `${r.source.rows.toLocaleString('en-US')} requests from ${when(r.span.from)} to ${when(r.span.to)}; total cost ${money(r.totalCost)}${r.scale ? `; at the declared traffic (scaled ${r.scale.statement}) ${money(r.scale.costPerDayScaled)} a day` : ''}.` : 'No requests.'),
      h('ul', { id: 'alert-list' }, ...r.alerts.map((a) => h('li', { class: a.firstFiredAt ? 'bad' : 'good', 'data-alert': a.kind }, `${a.label}: ${a.firstFiredAt ? `first fires at ${when(a.firstFiredAt)} (value ${fmt(a.value, 3)}, limit ${fmt(a.limit, 3)})` : 'never fires'}`))),
    ),
  );

  if (r.incident) out.push(incidentSection(r.incident, r.scale));

  if (r.shares.length > 0) {
    const pts = r.shares.flatMap((s) => s.points.map((p) => ({ tier: s.tier, t: new Date(p.t), share: p.share })));
    const baselines = r.shares.flatMap((s) => s.points.filter((p) => p.baseline !== null).map((p) => ({ tier: s.tier, t: new Date(p.t), baseline: p.baseline as number })));
    // Alerts often fire minutes apart: their labels are stacked so they do not overprint.
    const markers = fired
      .map((a) => ({ t: new Date(a.firstFiredAt as string), label: `${alertShort[a.kind] ?? a.kind} ${when(a.firstFiredAt).slice(5, 16)}` }))
      .sort((a, b) => a.t.getTime() - b.t.getTime())
      .map((m, i) => ({ ...m, y: 0.97 - i * 0.08 }));
    out.push(
      chartFigure(
        {
          id: 'tier-share',
          title: 'Share of requests per tier (1 h rolling) against the 30-day baseline',
          summary: `${r.shares.map((s) => `${s.tier}: baseline ${pct(s.baseline)}, last hour ${pct(s.points.at(-1)?.share ?? null)}`).join('; ')}. ${markers.length ? `Alerts first fire at ${fired.map((a) => `${when(a.firstFiredAt)} (${alertShort[a.kind]})`).join(', ')}.` : 'No alert fires.'}`,
          legend: [...r.shares.map((s) => ({ label: tierLabel(s.tier, r.flagshipTier), color: color(s.tier) })), { label: '30-day baseline (dashed, per tier)', color: theme.muted, dashed: true }],
          draw: (t, w) => {
            const o = baseOptions(t, w, 'Tier share over time', 'Hourly rolling share of requests per tier with dashed baselines and alert markers.');
            return renderPlot(
              {
                ...o,
                height: Math.round(Math.max(260, w * 0.42)),
                x: { type: 'utc', label: null },
                y: { domain: [0, 1], label: '↑ share of requests', grid: true, tickFormat: '%' },
                marks: [
                  Plot.line(baselines, { x: 't', y: 'baseline', z: 'tier', stroke: (d: { tier: string }) => color(d.tier), strokeDasharray: '5 4', strokeWidth: 1.5 }),
                  Plot.line(pts, { x: 't', y: 'share', z: 'tier', stroke: (d: { tier: string }) => color(d.tier), strokeWidth: 1.2 }),
                  Plot.ruleX(markers, { x: 't', stroke: t.bad, strokeWidth: 1.5 }),
                  Plot.text(markers, { x: 't', y: 'y', text: 'label', dx: -4, textAnchor: 'end', fill: t.bad, fontWeight: 'bold', stroke: t.bg, strokeWidth: 3, paintOrder: 'stroke' }),
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

  const p10Alert = r.alerts.find((a) => a.kind === 'p10-confidence');
  if (r.p10.length > 0) {
    const data = r.p10.map((d) => ({ t: new Date(`${d.t}T00:00:00Z`), p10: d.p10 }));
    const limit = p10Alert?.limit ?? null;
    out.push(
      chartFigure(
        {
          id: 'p10-confidence',
          title: 'Daily p10 of router confidence',
          summary: `p10 ranged from ${fmt(Math.min(...data.map((d) => d.p10)), 3)} to ${fmt(Math.max(...data.map((d) => d.p10)), 3)}${limit !== null ? ` against the floor ${limit}` : ''}; ${p10Alert?.firstFiredAt ? `it first fell below on ${when(p10Alert.firstFiredAt)}` : 'it never fell below'}.`,
          draw: (t, w) => {
            const o = baseOptions(t, w, 'Daily p10 of router confidence', 'Tenth percentile of router confidence per day against the alert floor.');
            return renderPlot(
              {
                ...o,
                height: 200,
                x: { type: 'utc', label: null },
                y: { domain: [0, 1], label: '↑ p10 confidence', grid: true },
                marks: [
                  ...(limit !== null ? [Plot.ruleY([limit], { stroke: t.bad, strokeDasharray: '5 3' })] : []),
                  Plot.line(data, { x: 't', y: 'p10', stroke: t.accent }),
                  Plot.dot(data, { x: 't', y: 'p10', fill: (d: { p10: number }) => (limit !== null && d.p10 < limit ? t.bad : t.accent), r: 2.5 }),
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

  out.push(
    chartFigure(
      {
        id: 'cost-per-tier',
        title: 'Cost per tier',
        summary: r.costPerTier.length ? r.costPerTier.map((c) => `${c.tier}: ${money(c.cost)} (${pct(c.costShare)} of spend, ${c.requests.toLocaleString('en-US')} requests)`).join('; ') + '.' : 'No request has a cost.',
        empty: r.costPerTier.length ? undefined : 'no request has a cost.',
        draw: (t, w) => {
          const o = baseOptions(t, w, 'Cost per tier', 'Total cost of the requests each tier served.');
          return renderPlot(
            {
              ...o,
              height: Math.max(120, 36 * r.costPerTier.length + 60),
              marginLeft: Math.min(200, 12 + 7 * Math.max(6, ...r.costPerTier.map((c) => c.tier.length))),
              x: { label: 'cost, $ →', grid: true },
              y: { label: null, domain: r.costPerTier.map((c) => c.tier) },
              marks: [Plot.barX(r.costPerTier, { x: 'cost', y: 'tier', fill: (d: { tier: string }) => color(d.tier) }), Plot.ruleX([0])],
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
      id: 'table-cost',
      caption: 'Requests and cost per tier',
      header: ['tier', 'requests', 'cost', 'share of cost', 'cost per request'],
      numeric: [1, 2, 3, 4],
      rows: [...r.costPerTier.map((c) => [c.tier, c.requests.toLocaleString('en-US'), money(c.cost), pct(c.costShare), c.costPerRequest === null ? '—' : `$${c.costPerRequest.toFixed(5)}`]), ['total', r.source.rows.toLocaleString('en-US'), money(r.totalCost), '100.0%', '']],
    }),
  );

  if (r.frontier && r.frontier.points.length > 0) {
    const f = r.frontier;
    const pareto = f.points.filter((p) => p.pareto).sort((a, b) => a.costPerRequest - b.costPerRequest);
    const current = f.current ? [f.current] : [];
    out.push(
      chartFigure(
        {
          id: 'frontier',
          title: 'Cost–quality frontier of the confidence threshold',
          summary: `${f.points.length} thresholds swept over ${f.n.toLocaleString('en-US')} requests where both tiers' quality is known; ${pareto.length} lie on the frontier. ${f.current ? `The current router costs $${f.current.costPerRequest.toFixed(5)} per request at quality ${f.current.quality.toFixed(3)}.` : ''}`,
          legend: [
            { label: 'threshold sweep', color: theme.muted },
            { label: 'frontier', color: theme.accent },
            { label: 'current router', color: theme.bad },
          ],
          draw: (t, w) => {
            const o = baseOptions(t, w, 'Cost-quality frontier', 'Mean quality against mean cost per request for each confidence threshold, with the frontier and the current router.');
            return renderPlot(
              {
                ...o,
                x: { label: 'cost per request, $ →', grid: true },
                y: { label: '↑ mean quality', grid: true },
                marks: [
                  Plot.dot(f.points, { x: 'costPerRequest', y: 'quality', r: 2, fill: t.muted, title: (p: { threshold: number }) => `threshold ${p.threshold.toFixed(2)}` }),
                  Plot.line(pareto, { x: 'costPerRequest', y: 'quality', stroke: t.accent, strokeWidth: 2 }),
                  Plot.dot(current, { x: 'costPerRequest', y: 'quality', r: 6, fill: t.bad, stroke: t.fg }),
                  Plot.text(current, { x: 'costPerRequest', y: 'quality', text: () => 'current router', dx: 10, textAnchor: 'start', fill: t.bad, fontWeight: 'bold' }),
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
        id: 'table-frontier',
        caption: 'Thresholds on the cost–quality frontier',
        header: ['threshold', 'cost per request', 'mean quality'],
        numeric: [0, 1, 2],
        rows: [...pareto.map((p) => [p.threshold.toFixed(2), `$${p.costPerRequest.toFixed(5)}`, p.quality.toFixed(3)]), ...(f.current ? [[`current${f.current.threshold === null ? '' : ` (${f.current.threshold.toFixed(2)})`}`, `$${f.current.costPerRequest.toFixed(5)}`, f.current.quality.toFixed(3)]] : [])],
      }),
    );
  }
  return out;
}

/** The incident in the ledger's money: the ledger row as written, the log on the ledger's basis, the log at the router's prices (scaled). */
function incidentSection(i: NonNullable<RoutingPanelModel['incident']>, scale: RoutingPanelModel['scale']): HTMLElement {
  const m = i.money;
  const soFar = m?.costSoFarScaled && m.scale
    ? `Since ${when(i.startedAt)} the incident has cost ${money(m.costSoFarScaled.value)} over the baseline tier mix at the declared traffic (scaled ${m.scale.statement}); in the log itself ${money(i.costSoFar)}.`
    : `Since ${when(i.startedAt)} the incident has cost ${money(i.costSoFar)} over the baseline tier mix in the log itself${m?.scaleReason ? ` (not scaled: ${m.scaleReason})` : ''}.`;
  const children: (HTMLElement | string)[] = [h('h2', { id: 'incident-title' }, 'Incident cost'), h('p', { id: 'incident-so-far' }, soFar)];
  if (m && m.rows.length > 0) {
    const t = incidentMoneyRows(m);
    // Six columns do not fit a side panel: the table scrolls on its own (and by keyboard), the page does not.
    const money = table({ id: 'table-incident-money', caption: 'The incident priced like the ledger: per day and if detected after each detection window', header: t.header, numeric: t.header.map((_, k) => k).filter((k) => k >= 2), rows: t.rows });
    children.push(h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Incident priced like the ledger (scrolls sideways)' }, money));
    const notes = [...m.rows.flatMap((r) => r.reasons.map((why) => `Ledger row ${r.ledgerId}: ${why}.`)), ...basisDisagreements(m).map((d) => d.message)];
    if (notes.length > 0) children.push(h('ul', { id: 'incident-warnings' }, ...notes.map((n) => h('li', { class: 'bad' }, ...prose(n)))));
  } else {
    children.push(table({ id: 'table-incident-windows', caption: 'What the incident costs in the log itself if it is detected after each detection window of the ledger', header: ['detected after', 'cost over baseline (log)'], numeric: [1], rows: i.windows.map((w) => [w.window, money(w.cost)]) }));
  }
  if (!scale) children.push(h('p', { id: 'incident-unscaled' }, 'The log is not scaled to the declared traffic: declare router.sample_rate or traffic.qps.'));
  return h('section', { id: 'incident', 'aria-labelledby': 'incident-title' }, ...children);
}
