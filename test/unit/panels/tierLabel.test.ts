// The flagship tier is marked once: a tier named "flagship" (the examples') is not "flagship
// (flagship)" in the routing panel's legend or in the Markdown summary's tier table; a flagship
// with another name gets the "(flagship)" mark, other tiers none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tierLabel, type RoutingPanelModel } from '../../../server/src/data/panelModel';
import { reportMarkdown } from '../../../server/src/data/reportText';

const routing = (tiers: string[], flagshipTier: string | null): RoutingPanelModel => ({
  kind: 'routing',
  specName: 'x',
  source: { path: 'data/r.csv', format: 'csv', bytes: 1, rows: 2, badRows: { count: 0, examples: [] } },
  tiers,
  flagshipTier,
  span: null,
  shares: tiers.map((tier) => ({ tier, baseline: 0.5, points: [{ t: '2026-01-01T00:00:00Z', share: 0.5, baseline: 0.5 }] })),
  p10: [],
  alerts: [],
  costPerTier: [],
  totalCost: 0,
  scale: null,
  scaleReason: null,
  incident: null,
  frontier: null,
});

describe('flagship tier label', () => {
  it('marks the flagship once', () => {
    assert.equal(tierLabel('flagship', 'flagship'), 'flagship');
    assert.equal(tierLabel('Flagship-XL', 'Flagship-XL'), 'Flagship-XL');
    assert.equal(tierLabel('large', 'large'), 'large (flagship)');
    assert.equal(tierLabel('cheap', 'large'), 'cheap');
    assert.equal(tierLabel('cheap', null), 'cheap');
  });

  it('the Markdown summary says "flagship" once per tier row', () => {
    for (const [tiers, flagship] of [[['cheap', 'mid', 'flagship'], 'flagship'], [['small', 'large'], 'large']] as const) {
      const md = reportMarkdown(routing([...tiers], flagship));
      const rows = md.split('\n').filter((l) => l.startsWith('|') && tiers.some((t) => l.includes(t)) && /%/.test(l));
      const flagshipRow = rows.find((l) => l.includes(flagship));
      assert.ok(flagshipRow, md);
      assert.equal(flagshipRow.match(/flagship/gi)?.length, 1, flagshipRow);
    }
  });
});
