// Panel money = ledger money. The routing report scales a sampled log to the declared traffic
// (router.sample_rate, else traffic.qps over the logged rate), prices the incident with the ledger
// row's own formula and traffic-price basis, shows the router-price figure beside it, and warns when
// the two bases disagree beyond the tolerance. For every bundled example with a routing log and a
// traffic_shift row, the panel's "ledger as written" figures equal the ledger's figures (the hover
// and `check --format json`) to the last digit, and the text report and the design review print the
// hover's dollars.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSpec, defaultSettings } from '../../../server/src/core';
import { ExactDecimal, baselineDailyCost, formatUsd, overrunPerDay } from '../../../server/src/core/costs';
import { routingReport, scaleFactor, type RoutingReport } from '../../../server/src/core/reports';
import { seededRandom } from '../../../server/src/core/stats/seededRandom';
import { computePanelModel, reportInputs, routingOptions } from '../../../server/src/data/coreReports';
import type { IncidentLedgerRowPanel } from '../../../server/src/data/incidentText';
import type { RoutingPanelModel } from '../../../server/src/data/panelModel';
import { reportText } from '../../../server/src/data/reportText';
import { analysisJson } from '../../../server/src/cli/report';
import { buildReview } from '../../../server/src/review/reviewModel';
import { reviewMarkdown } from '../../../server/src/review/reviewMarkdown';
import { repoRoot } from '../../support/reference';
import { routingBatch, type RequestRow } from './helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 1);
const COST = { cheap: 0.000192, mid: 0.001024, flagship: 0.00768 } as const;

describe('scale factor: log → declared traffic', () => {
  it('1 ÷ sample_rate when declared, else qps × 86,400 over the logged rate; never from nothing', () => {
    const s = scaleFactor(1728, 0, DAY, { sampleRate: '0.00002', qps: 1000 });
    assert.ok(s.defined);
    assert.equal(s.value.factor, '50000');
    assert.equal(s.value.source, 'sample_rate');
    assert.ok(Math.abs(s.value.loggedVsDeclared! - 1) < 1e-12);
    const q = scaleFactor(1728, 0, DAY, { qps: 1000 });
    assert.ok(q.defined);
    assert.equal(q.value.factor, '50000');
    assert.equal(q.value.source, 'qps');
    assert.equal(q.value.loggedPerDay, 1728);
    // 100 rows over two days at 2.5 qps: 216,000 a day ÷ 50 a day = 4,320
    const q2 = scaleFactor(100, 0, 2 * DAY, { qps: '2.5' });
    assert.ok(q2.defined && q2.value.factor === '4320');
    assert.equal(scaleFactor(1728, 0, DAY, {}).defined, false);
    assert.equal(scaleFactor(1728, 0, DAY, { sampleRate: 0 }).defined, false);
    assert.equal(scaleFactor(1728, 0, DAY, { sampleRate: 1.5 }).defined, false);
    assert.equal(scaleFactor(10, 0, 60_000, { qps: 1000 }).defined, false, 'a minute of log is too short to measure a rate');
  });
});

/** 35 days at 72 requests an hour (uniform times, tiers drawn independently); the flagship share moves to `after` on day 30 at 14:00. */
function bleedLog(seed: number, before: number, after: number): RequestRow[] {
  const rng = seededRandom(seed);
  const rows: RequestRow[] = [];
  const bleed = T0 + 29 * DAY + 14 * 3_600_000;
  for (let i = 0; i < 35 * 24 * 72; i++) {
    const time = T0 + Math.floor(rng.nextFloat() * 35 * DAY);
    const pf = time >= bleed ? after : before;
    const u = rng.nextFloat();
    const tier = u < pf ? 'flagship' : u < pf + 0.2 ? 'mid' : 'cheap';
    rows.push({ time, tier, confidence: 0.8, cost: COST[tier], quality: 1 });
  }
  return rows.sort((a, b) => a.time - b.time);
}

function spec(extra: { sampleRate?: string; multiplier?: number; traffic?: boolean } = {}): string {
  return `evalspec: 1
name: money
${extra.traffic === false ? '' : 'traffic: {qps: 1000, avg_output_tokens: 256, price_per_1m_output_tokens: 3}\n'}router:
  tiers:
    - {name: cheap, price_per_1m_output_tokens: 0.75, share: 0.72}
    - {name: mid, price_per_1m_output_tokens: 4, share: 0.2}
    - {name: flagship, price_per_1m_output_tokens: 30, share: 0.08}
  results: data/routing.csv
${extra.sampleRate ? `  sample_rate: ${extra.sampleRate}\n` : ''}ledger:
  - {id: router-drift, kind: traffic_shift, share: 0.2, cost_multiplier: ${extra.multiplier ?? 10}, detection: [5m, 4h, 24h]}
`;
}

function reportFor(text: string, rows: RequestRow[]): RoutingReport {
  const model = analyzeSpec(text).model!;
  const options = routingOptions({ kind: 'routing', specPath: '/x/money.evalspec.yaml', dataPath: 'data/routing.csv', model, settings: defaultSettings, workspaceRoots: ['/x'] });
  const r = routingReport([routingBatch(rows)], options);
  assert.ok(r.defined, r.defined ? '' : r.reason);
  return r.value;
}

describe('incident money on the ledger basis', () => {
  const rows = bleedLog(7, 0.08, 0.28);

  it('declared = the ledger row; observed = the same formula at the observed shift; router = the log × the factor', () => {
    const r = reportFor(spec({ sampleRate: '0.00002' }), rows);
    assert.ok(r.incident.defined && r.incidentMoney.defined, JSON.stringify(r.incident));
    const i = r.incident.value;
    const m = r.incidentMoney.value;
    assert.ok(m.scale.defined && m.scale.value.factor === '50000');
    const baseline = baselineDailyCost(1000, 256, 3);
    assert.equal(m.baselineDailyCost.defined && m.baselineDailyCost.value.usd, '66355.2');
    const row = m.rows[0]!;
    assert.equal(row.basis, 'traffic price × cost_multiplier 10');
    assert.ok(row.declared.defined && row.observed.defined && row.router.defined);
    assert.equal(row.declared.value.overrunPerDay.usd, '119439.36');
    assert.deepEqual(row.declared.value.windows.map((w) => w.cost.usd), ['414.72', '19906.56', '119439.36']);
    // The observed shift: flagship share since the incident minus the baseline share, exact.
    const { flagshipRequests: k, requests: n } = i.flagship;
    const [bn, bd] = i.flagship.baselineShare.includes('/') ? i.flagship.baselineShare.split('/') : [i.flagship.baselineShare, '1'];
    const shift = new ExactDecimal(k).div(n).minus(new ExactDecimal(bn!).div(bd!));
    assert.ok(Math.abs(shift.toNumber() - 0.2) < 0.03, `observed shift ${shift.toNumber()}`);
    assert.ok(Math.abs(Number(row.observed.value.overrunPerDay.usd) - overrunPerDay(shift, 10, baseline).toNumber()) < 1e-6);
    // The router figure is the log's own overrun per day × 50,000 at every window.
    assert.equal(row.router.value.overrunPerDay.usd, new ExactDecimal(i.overrunPerDay.usd).mul(50_000).toFixed());
    assert.equal(row.router.value.windows[0]!.cost.usd, new ExactDecimal(i.overrunPerDay.usd).mul(50_000).mul(5).div(1440).toFixed());
    assert.equal(m.extraSpendScaled.defined && m.extraSpendScaled.value.usd, new ExactDecimal(i.extraSpend.usd).mul(50_000).toFixed());
    // Tier prices 0.75 / 4 / 30 against the traffic price 3 × 10: within 10% here, no warning.
    assert.ok(row.disagreement.defined);
    assert.equal(row.disagreement.value.exceeds, false, `ratio ${row.disagreement.value.ratio}`);
  });

  it('without sample_rate the factor comes from traffic.qps over the logged rate', () => {
    const r = reportFor(spec(), rows);
    assert.ok(r.incidentMoney.defined);
    const s = r.incidentMoney.value.scale;
    assert.ok(s.defined && s.value.source === 'qps');
    const span = Date.parse(r.to) - Date.parse(r.from);
    assert.ok(Math.abs(s.value.factorValue - (1000 * 86_400) / ((rows.length * DAY) / span)) < 1e-6);
  });

  it('warns when the ledger basis and the router prices disagree beyond the tolerance, and says why a figure is missing', () => {
    const r = reportFor(spec({ sampleRate: '0.00002', multiplier: 6 }), rows);
    assert.ok(r.incidentMoney.defined);
    const row = r.incidentMoney.value.rows[0]!;
    assert.ok(row.disagreement.defined && row.disagreement.value.exceeds, JSON.stringify(row.disagreement));
    assert.equal(row.disagreement.value.tolerance, 0.1);
    const bare = reportFor(spec({ traffic: false }), rows);
    assert.ok(bare.incidentMoney.defined);
    assert.equal(bare.incidentMoney.value.scale.defined, false);
    const b = bare.incidentMoney.value.rows[0]!;
    assert.equal(b.declared.defined || b.observed.defined || b.router.defined, false);
    assert.match(!b.declared.defined ? b.declared.reason : '', /traffic\.qps/);
  });
});

describe('every bundled example: the panel prices the incident like the ledger', () => {
  const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.evalspec.yaml'));
  let compared = 0;
  for (const file of examples) {
    it(file, async () => {
      const specPath = join(repoRoot, 'examples', file);
      const a = analyzeSpec(readFileSync(specPath, 'utf8'));
      const results = a.model?.router?.results?.value;
      const ledger = (a.figures.json['ledger'] as { id: string; kind: string; overrunPerDay?: string; detectionWindows?: { window: string; cost: string }[] }[] | undefined) ?? [];
      const shifts = ledger.filter((l) => l.kind === 'traffic_shift' && l.overrunPerDay);
      if (!results || shifts.length === 0) return;
      const job = { kind: 'routing' as const, specPath, dataPath: results, model: a.model!, settings: defaultSettings, workspaceRoots: [dirname(specPath)] };
      const out = await computePanelModel(reportInputs(job));
      assert.ok('report' in out, JSON.stringify(out));
      const p = out.report as RoutingPanelModel;
      assert.ok(p.incident?.money, `${file}: the routing panel prices no incident`);
      const text = reportText(p);
      // The design review prints the same table (Markdown, `$` escaped).
      const review = reviewMarkdown(buildReview({ report: analysisJson(file, a), model: a.model, data: [{ kind: 'routing', path: results, result: out }] }));
      for (const l of shifts) {
        const row: IncidentLedgerRowPanel | undefined = p.incident.money.rows.find((r) => r.ledgerId === l.id);
        assert.ok(row?.declared, `${file}: ledger row ${l.id} is not in the panel`);
        assert.equal(row.declared.overrunPerDay.usd, l.overrunPerDay);
        assert.deepEqual(row.declared.windows.map((w) => [w.window, w.cost.usd]), l.detectionWindows!.map((w) => [w.window, w.cost]));
        // The hover's dollars are the panel's and the CLI report's dollars.
        const note = a.figures.notes.find((n) => n.id === `ledger.${l.id}`)!;
        for (const w of l.detectionWindows!) {
          assert.ok(note.result.includes(formatUsd(w.cost)), `${file}: hover lacks ${formatUsd(w.cost)}`);
          assert.ok(text.includes(formatUsd(w.cost)), `${file}: the report text lacks the ledger's ${formatUsd(w.cost)}`);
          assert.ok(review.includes(`| \\${formatUsd(w.cost)} |`), `${file}: the review lacks the ledger's ${formatUsd(w.cost)}`);
        }
        assert.ok(row.observed && row.router, `${file}: ${row.reasons.join('; ')}`);
        // The observed figure is within the tolerance of the router-price figure, or the panel says so.
        const ratio: number = Math.abs(row.router.overrunPerDay.value - row.observed.overrunPerDay.value) / row.observed.overrunPerDay.value;
        assert.equal(row.disagreement?.exceeds, ratio > row.disagreement!.tolerance);
        assert.equal(text.includes(`differ by ${(ratio * 100).toFixed(1)}%`), ratio > row.disagreement!.tolerance);
        assert.ok(review.includes(`this log at the router's prices | router tier prices \\(log spend ×`), `${file}: the review lacks the router-price figure`);
      }
      compared++;
    });
  }
  it('compared at least one example', () => assert.ok(compared >= 1, 'no bundled example has a routing log and a traffic_shift ledger row'));
});
