// The preview code lenses: "open calibration preview" above `judge:` only when the spec names the
// calibration data its preview reads (a file, or an engine source), "open routing preview" above
// `router:` only when it names router.results. A judge or router without data gets no lens (its
// preview could only say there is nothing to show); the golden-set lens is unaffected.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSpec, defaultSettings } from '../../../server/src/core';
import { codeLenses } from '../../../server/src/features/codeLens';
import { repoRoot } from '../../support/reference';

const example = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');
const uri = 'file:///w/s.evalspec.yaml';

function lenses(text: string): { title: string; line: number }[] {
  return codeLenses(analyzeSpec(text), uri, 1, defaultSettings).map((l) => ({ title: l.command?.title ?? '', line: l.range.start.line }));
}
const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix));
const titled = (ls: { title: string }[], title: string) => ls.filter((l) => l.title === title).length;

describe('preview code lenses', () => {
  it('the example names both data files: both lenses, on the judge and the router', () => {
    const ls = lenses(example);
    assert.deepEqual(ls.filter((l) => l.title === 'open calibration preview').map((l) => l.line), [lineOf(example, 'judge:')]);
    assert.deepEqual(ls.filter((l) => l.title === 'open routing preview').map((l) => l.line), [lineOf(example, 'router:')]);
    assert.equal(ls.filter((l) => l.title.startsWith('golden set:')).length, 1);
  });

  it('a judge without calibration data has no calibration lens; a router without results no routing lens', () => {
    const noCalibrationData = example.replace(/^ {4}data: data\/calibration\.csv\n/m, '');
    assert.notEqual(noCalibrationData, example);
    assert.equal(titled(lenses(noCalibrationData), 'open calibration preview'), 0);
    assert.equal(titled(lenses(noCalibrationData), 'open routing preview'), 1);
    const noResults = example.replace(/^ {2}results: data\/routing\.csv\n/m, '');
    assert.notEqual(noResults, example);
    assert.equal(titled(lenses(noResults), 'open routing preview'), 0);
    assert.equal(titled(lenses(noResults), 'open calibration preview'), 1);
    // An empty path names nothing either.
    assert.equal(titled(lenses(example.replace('data: data/calibration.csv', 'data: ""')), 'open calibration preview'), 0);
  });

  it('a spec without calibration at all (judge only) has no calibration lens', () => {
    const text = 'evalspec: 1\nname: x\njudge:\n  model: judge-large@2026-05-01\n';
    assert.equal(titled(lenses(text), 'open calibration preview'), 0);
  });

  it('engine sources count as named data', () => {
    const duck = example.replace('data: data/calibration.csv', 'data: {engine: duckdb, path: labels/*.parquet}').replace('results: data/routing.csv', 'results: {engine: clickhouse, url: "http://ch:8123", table: routing_log}');
    const ls = lenses(duck);
    assert.equal(titled(ls, 'open calibration preview'), 1);
    assert.equal(titled(ls, 'open routing preview'), 1);
  });
});
