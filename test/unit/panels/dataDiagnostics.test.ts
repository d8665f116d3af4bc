// Data diagnostics and the text/Markdown renderings, on small handmade panel models.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataDiagnostics, dataErrorDiagnosticCode } from '../../../server/src/data/dataDiagnostics';
import type { IncidentMoneyPanel } from '../../../server/src/data/incidentText';
import type { CalibrationPanelModel, RoutingPanelModel } from '../../../server/src/data/panelModel';
import { reportMarkdown, reportText } from '../../../server/src/data/reportText';

const range = { start: { line: 3, character: 10 }, end: { line: 3, character: 30 } };
const source = {
  path: 'data/c.csv',
  format: 'csv' as const,
  bytes: 100,
  rows: 98,
  badRows: { count: 2, examples: [{ row: 4, line: 5, column: 'judge_score', message: '"x" is not a number' }, { row: 9, line: 10, column: null, message: 'has 3 fields, not 6' }] },
};
const est = (value: number, low: number, high: number) => ({ value, low, high });
const calibration: CalibrationPanelModel = {
  kind: 'calibration',
  specName: 'demo',
  source,
  thresholds: { minSpearman: 0.75, minKappa: 0.8, highConfidence: 0.8, passMark: 'label in {4, 5} (upper half of label_set)' },
  labelsOutsideSet: null,
  sampling: null,
  bootstrap: { resamples: 2000, seed: 1, confidence: 0.95 },
  verdict: { blocked: true, summary: 'Judge-gated launches blocked: ρ = 0.620 (latest month 2026-09) is below 0.75.', evidence: 'sufficient' },
  spearman: {
    overall: { label: 'overall', n: 98, rho: est(0.7, 0.6, 0.8), below: true },
    byCohort: [{ label: '<b>|pipe|</b>', n: 98, rho: est(0.7, 0.6, 0.8), below: true }],
    byMonth: [{ label: '2026-09', n: 98, rho: est(0.62, 0.5, 0.7), below: true }],
  },
  trend: { crossedAt: '2026-09' },
  kappa: { weighting: 'unweighted', excludedCount: 1, batches: [{ batch: 'b1', n: 30, kappa: est(0.5, 0.3, 0.7), excluded: true }, { batch: 'b2', n: 30, kappa: est(0.9, 0.8, 1), excluded: false }] },
  highConfidence: null,
  reliability: [],
  judgeVsHuman: [],
};
const routing: RoutingPanelModel = {
  kind: 'routing',
  specName: 'demo',
  source: { ...source, badRows: { count: 0, examples: [] } },
  tiers: ['cheap', 'flagship'],
  flagshipTier: 'flagship',
  span: { from: '2026-09-01T00:00:00Z', to: '2026-10-05T00:00:00Z' },
  shares: [],
  p10: [],
  alerts: [
    { kind: 'flagship-share', label: 'flagship share > baseline + 5 pp', firstFiredAt: '2026-09-30T14:15:00.000Z', value: 0.139, limit: 0.13, tier: 'flagship' },
    { kind: 'p10-confidence', label: 'daily p10 < 0.55', firstFiredAt: null, value: null, limit: null, tier: null },
  ],
  costPerTier: [],
  totalCost: 10,
  scale: null,
  scaleReason: 'neither router.sample_rate nor traffic.qps is declared',
  incident: { startedAt: '2026-09-30T13:05:00.000Z', costSoFar: 13.71, windows: [{ window: '5m', cost: 0.01 }], ledgerId: 'router-drift', money: null },
  frontier: null,
};

describe('data diagnostics', () => {
  it('maps reader errors to stable codes on the data path', () => {
    assert.equal(dataErrorDiagnosticCode('not-found'), 'data-file-missing');
    assert.equal(dataErrorDiagnosticCode('outside-workspace'), 'data-file-outside-workspace');
    assert.equal(dataErrorDiagnosticCode('too-large'), 'data-file-too-large');
    assert.equal(dataErrorDiagnosticCode('not-a-file'), 'data-file-unreadable');
    assert.equal(dataErrorDiagnosticCode('missing-columns'), 'data-file-invalid');
    const [d] = dataDiagnostics({ error: { code: 'data-file-missing', message: 'gone' } }, range);
    assert.deepEqual(d, { code: 'data-file-missing', severity: 'error', message: 'gone', range, data: { dataFileError: 'data-file-missing' } });
    assert.deepEqual(dataDiagnostics({ error: { code: 'cancelled', message: '' } }, range), []);
    assert.deepEqual(dataDiagnostics({ error: { code: 'untrusted-workspace', message: '' } }, range), []);
    // A calibration file that cannot be used leaves the judge gate blocked, and says so.
    const [c] = dataDiagnostics({ error: { code: 'data-file-invalid', message: 'data/c.csv: no calibration report can be computed: no valid rows' } }, range, {}, 'calibration');
    assert.equal(c!.severity, 'error');
    assert.match(c!.message, /no valid rows\. Judge-gated launches are BLOCKED until the calibration data can be read\.$/);
  });

  it('a gate without evidence is an error (calibration-gate-no-evidence), never silence', () => {
    const summary = 'Judge-gated launches BLOCKED: no evidence: every annotation batch is excluded (κ ≤ 0.8 or no second labels): 2 of 2.';
    const ds = dataDiagnostics({ report: { ...calibration, source: { ...source, badRows: { count: 0, examples: [] } }, verdict: { blocked: true, summary, evidence: 'missing' } } }, range);
    assert.deepEqual(ds.map((d) => [d.code, d.severity, d.message]).slice(0, 1), [['calibration-gate-no-evidence', 'error', summary]]);
    assert.equal(ds.some((d) => d.code === 'calibration-spearman-below-threshold'), false);
  });

  it('counts bad rows and names the first, then applies the calibration rules', () => {
    const ds = dataDiagnostics({ report: calibration }, range);
    assert.deepEqual(ds.map((d) => d.code), ['data-bad-rows', 'calibration-spearman-below-threshold', 'calibration-kappa-batch-excluded']);
    assert.equal(ds[0]!.message, '2 of 100 rows of data/c.csv are left out of every figure. First: row 4 (line 5), column judge_score: "x" is not a number; row 9 (line 10): has 3 fields, not 6.');
    assert.equal(ds[1]!.severity, 'error');
    assert.match(ds[2]!.message, /^1 of 2 annotation batches .* b1 \(κ = 0\.50\)\.$/);
    for (const d of ds) assert.deepEqual(d.range, range);
  });

  it('reports alerts that fired, with value, limit and cost so far, and honours severity overrides', () => {
    const ds = dataDiagnostics({ report: routing }, range);
    assert.deepEqual(ds.map((d) => d.code), ['routing-flagship-share-alert']);
    assert.equal(ds[0]!.message, 'flagship share > baseline + 5 pp: first fires at 2026-09-30 14:15 UTC (13.9% against a limit of 13.0%). The incident has cost $13.71 over baseline so far in the log itself.');
    assert.deepEqual(dataDiagnostics({ report: routing }, range, { 'routing-flagship-share-alert': 'off' }), []);
    assert.equal(dataDiagnostics({ report: routing }, range, { 'routing-flagship-share-alert': 'error' })[0]!.severity, 'error');
  });
});

describe('incident money diagnostics', () => {
  const mv = (usd: string) => ({ value: Number(usd), usd });
  const figure = (share: number | null, perDay: string, w5: string) => ({ share, overrunPerDay: mv(perDay), windows: [{ window: '5m', cost: mv(w5) }] });
  const money = (router: string): IncidentMoneyPanel => ({
    scale: { factor: 50_000, exact: '50000', source: 'sample_rate', statement: '×50,000 = 1 ÷ router.sample_rate 0.00002' },
    scaleReason: null,
    costSoFarScaled: mv('685500'),
    tolerance: 0.1,
    rows: [{ ledgerId: 'router-drift', basis: 'traffic price × cost_multiplier 10', declared: figure(0.2, '119439.36', '414.72'), observed: figure(0.2, '119439.36', '414.72'), router: figure(null, router, '0'), reasons: [], disagreement: { ratio: Math.abs(Number(router) - 119439.36) / 119439.36, tolerance: 0.1, exceeds: Math.abs(Number(router) - 119439.36) / 119439.36 > 0.1 } }],
  });
  it('states the scaled cost so far in the alert and warns when the price bases disagree beyond the tolerance', () => {
    const ds = dataDiagnostics({ report: { ...routing, incident: { ...routing.incident!, money: money('151725') } } }, range);
    assert.deepEqual(ds.map((d) => d.code), ['routing-flagship-share-alert', 'routing-incident-basis-disagrees']);
    assert.match(ds[0]!.message, /At the declared traffic \(scaled ×50,000 = 1 ÷ router\.sample_rate 0\.00002\) the incident has cost \$685,500\.00 over baseline so far; on ledger row router-drift's basis it runs \$119,439\.36 a day\.$/);
    assert.match(ds[1]!.message, /\$151,725\.00\/day.*\$119,439\.36\/day\) differ by 27\.0%, more than 10%/);
    assert.deepEqual(ds[1]!.data, { ledgerId: 'router-drift', ratio: (151725 - 119439.36) / 119439.36, tolerance: 0.1 });
  });
  it('does not warn within the tolerance', () => {
    const ds = dataDiagnostics({ report: { ...routing, incident: { ...routing.incident!, money: money('125000') } } }, range);
    assert.deepEqual(ds.map((d) => d.code), ['routing-flagship-share-alert']);
  });
});

describe('report text and Markdown', () => {
  it('escapes data-file text in Markdown tables', () => {
    const md = reportMarkdown(calibration);
    assert.match(md, /^## Judge calibration: demo$/m);
    assert.match(md, /\| \\<b\\>\\\|pipe\\\|\\<\/b\\> \| 98 \|/);
    assert.doesNotMatch(md, /<b>/);
  });

  it('prints aligned text with the verdict first', () => {
    const t = reportText(calibration);
    assert.match(t, /^Verdict\n  BLOCKED: Judge-gated launches blocked/m);
    assert.match(t, /Monthly ρ first fell below 0\.75 in 2026-09\./);
    assert.match(reportText(routing), /daily p10 < 0\.55\s+never/);
  });
});
