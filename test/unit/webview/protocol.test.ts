// The panel <-> extension message guards: what crosses the webview boundary is `unknown` until one
// of these says otherwise.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { is, isHostMessage, isPanelMessage, isPanelState, maxExportChars } from '../../../client/src/webview/protocol';
import type { CalibrationPanelModel, RoutingPanelModel } from '../../../server/src/data/panelModel';

const source = { path: 'data/c.csv', format: 'csv' as const, bytes: 10, rows: 3, badRows: { count: 0, examples: [] } };
const est = { value: 0.8, low: 0.7, high: 0.9 };
const calibration: CalibrationPanelModel = {
  kind: 'calibration',
  specName: 's',
  source,
  thresholds: { minSpearman: 0.75, minKappa: 0.8, highConfidence: 0.8, passMark: 'score ≥ 4' },
  labelsOutsideSet: null,
  sampling: null,
  bootstrap: { resamples: 2000, seed: 1, confidence: 0.95 },
  verdict: { blocked: false, summary: 'ok', evidence: 'sufficient' },
  spearman: { overall: { label: 'overall', n: 3, rho: est, below: false }, byCohort: [], byMonth: [] },
  trend: { crossedAt: null },
  kappa: null,
  highConfidence: null,
  reliability: [],
  judgeVsHuman: [],
};
const routing: RoutingPanelModel = {
  kind: 'routing',
  specName: null,
  source,
  tiers: ['cheap'],
  flagshipTier: 'cheap',
  span: null,
  shares: [],
  p10: [],
  alerts: [],
  costPerTier: [],
  totalCost: 0,
  scale: null,
  scaleReason: null,
  incident: null,
  frontier: null,
};
const uri = 'file:///w/a.evalspec.yaml';

describe('webview message guards', () => {
  it('accepts every well-formed extension → panel message', () => {
    for (const m of [
      { type: 'loading', kind: 'calibration', specUri: uri },
      { type: 'report', kind: 'calibration', specUri: uri, report: calibration, updatedAt: '2026-01-01T00:00:00Z' },
      { type: 'report', kind: 'routing', specUri: uri, report: routing, updatedAt: '2026-01-01T00:00:00Z' },
      { type: 'error', kind: 'routing', specUri: uri, error: { code: 'data-file-missing', message: 'x' } },
      { type: 'error', kind: 'routing', specUri: uri, error: { code: 'no-data-path', message: 'x' }, specName: 'support-chat' },
      { type: 'error', kind: 'routing', specUri: uri, error: { code: 'no-data-path', message: 'x' }, specName: null },
      { type: 'exportDone', ok: true, message: 'Saved' },
    ]) {
      assert.ok(isHostMessage(m), JSON.stringify(m).slice(0, 80));
      assert.ok(!isPanelMessage(m));
    }
  });

  it('refuses malformed extension → panel messages', () => {
    for (const m of [
      null,
      'report',
      [],
      { type: 'report', kind: 'calibration', specUri: uri, report: routing, updatedAt: 'x' }, // kind mismatch
      { type: 'report', kind: 'calibration', specUri: uri, report: { kind: 'calibration' }, updatedAt: 'x' },
      { type: 'report', kind: 'calibration', specUri: uri, report: calibration }, // no updatedAt
      { type: 'error', kind: 'routing', specUri: uri, error: 'boom' },
      { type: 'error', kind: 'other', specUri: uri, error: { code: 'c', message: 'm' } },
      { type: 'error', kind: 'routing', specUri: uri, error: { code: 'c', message: 'm' }, specName: { toString: 'x' } },
      { type: 'loading', kind: 'calibration' },
      { type: 'exportDone', ok: 'yes', message: 'm' },
      { type: 'unknown' },
    ]) {
      assert.ok(!isHostMessage(m), JSON.stringify(m)?.slice(0, 100));
    }
  });

  it('accepts well-formed panel → extension messages', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'refresh' },
      { type: 'exportMarkdown', to: 'clipboard' },
      { type: 'exportMarkdown', to: 'file' },
      { type: 'exportFigure', figure: 'spearman-by-month', format: 'svg', content: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
      { type: 'exportFigure', figure: 'tier-share', format: 'png', content: 'data:image/png;base64,iVBORw0KGgo=' },
      { type: 'drawn', ms: 0 },
      { type: 'drawn', ms: 12.5 },
    ]) {
      assert.ok(isPanelMessage(m), JSON.stringify(m));
      assert.ok(!isHostMessage(m));
    }
    assert.ok(is.exportFigure({ type: 'exportFigure', figure: 'a', format: 'svg', content: '<svg>' }));
  });

  it('refuses exports that could write elsewhere or carry something else', () => {
    for (const m of [
      { type: 'exportFigure', figure: '../../etc/passwd', format: 'svg', content: '<svg/>' },
      { type: 'exportFigure', figure: 'a/b', format: 'svg', content: '<svg>' },
      { type: 'exportFigure', figure: 'ok', format: 'exe', content: '<svg>' },
      { type: 'exportFigure', figure: 'ok', format: 'svg', content: '<html><script>' },
      { type: 'exportFigure', figure: 'ok', format: 'png', content: 'data:text/html;base64,PHNjcmlwdD4=' },
      { type: 'exportFigure', figure: 'ok', format: 'svg', content: `<svg>${'x'.repeat(maxExportChars)}` },
      { type: 'exportMarkdown', to: '/tmp/x' },
      { type: 'refresh ' },
      { type: 'drawn', ms: -1 },
      { type: 'drawn', ms: Number.NaN },
      { type: 'drawn', ms: '12' },
      { type: 'drawn' },
    ]) {
      assert.ok(!isPanelMessage(m), JSON.stringify(m).slice(0, 100));
    }
  });

  it('checks the persisted panel state', () => {
    assert.ok(isPanelState({ kind: 'routing', specUri: uri }));
    assert.ok(!isPanelState({ kind: 'routing', specUri: '' }));
    assert.ok(!isPanelState({ kind: 'x', specUri: uri }));
    assert.ok(!isPanelState(undefined));
  });
});
