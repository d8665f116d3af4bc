// The design review against fixtures: the support-chat spec before and after a change (golden set
// 200 → 6,148, 1,000 → 1,250 QPS, a new judge model), reviewed with the "before" as the baseline.
// The Markdown is compared with test/fixtures/review/expected.md whole; the JSON figure by figure.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../../server/src/core';
import { reviewMarkdown } from '../../../server/src/review/reviewMarkdown';
import { reviewSpec } from '../../../server/src/review/reviewSpec';
import { repoRoot } from '../../support/reference';

const dir = join(repoRoot, 'test', 'fixtures', 'review');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

async function review(text: string, previousText?: string | null) {
  return reviewSpec({
    shown: 'specs/support-chat.evalspec.yaml',
    specPath: join(dir, 'after.evalspec.yaml'),
    text,
    settings: defaultSettings,
    ...(previousText !== undefined ? { baseline: { revision: 'origin/main', commit: '0123456789abcdef0123456789abcdef01234567', ...(previousText === null ? {} : { previousText }) } } : {}),
  });
}

describe('evalspec review', () => {
  it('lists what changed figure by figure against the baseline', async () => {
    const doc = await review(read('after.evalspec.yaml'), read('before.evalspec.yaml'));
    assert.equal(doc.baseline?.status, 'compared');
    const byFigure = new Map(doc.baseline!.changes.map((c) => [c.figure, c]));
    assert.deepEqual(byFigure.get('golden set'), { figure: 'golden set', before: '200', after: '6,148', delta: '+5,948' });
    // 250 QPS more × 86,400 s × 256 tokens × $3/1M = $16,588.80 a day more.
    assert.deepEqual(byFigure.get('baseline $/day'), { figure: 'baseline $/day', before: '$66,355.20', after: '$82,944.00', delta: '+$16,588.80' });
    assert.deepEqual(byFigure.get('judge model'), { figure: 'judge model', before: 'judge-large@2026-01-01', after: 'judge-large@2026-11-01', delta: null });
    assert.deepEqual(byFigure.get('ledger router-drift cost at 5m'), { figure: 'ledger router-drift cost at 5m', before: '$414.72', after: '$518.40', delta: '+$103.68' });
    // Unchanged figures are not listed.
    assert.equal(byFigure.get('reference judge'), undefined);
    assert.equal(byFigure.get('golden set needed'), undefined);
  });

  it('puts the verdict first and matches the expected Markdown', async () => {
    const md = reviewMarkdown(await review(read('after.evalspec.yaml'), read('before.evalspec.yaml')));
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, ['Verdict', 'Changes', 'Golden set', 'Incident ledger', 'Judge calibration', 'Routing']);
    assert.equal(md, read('expected.md'));
  });

  it('says the spec is new when it did not exist at the baseline, and nothing changed when it is the same', async () => {
    const fresh = reviewMarkdown(await review(read('after.evalspec.yaml'), null));
    assert.match(fresh, /The spec is new since origin\/main \(0123456789ab\)\./);
    const same = reviewMarkdown(await review(read('after.evalspec.yaml'), read('after.evalspec.yaml')));
    assert.match(same, /No figure changed since origin\/main/);
  });

  it('the verdict: changes required with errors, ready without', async () => {
    const before = await review(read('before.evalspec.yaml'));
    assert.equal(before.verdict.status, 'changes-required');
    assert.ok(before.verdict.findings.some((f) => f.code === 'golden-set-too-small'));
    const after = await review(read('after.evalspec.yaml'));
    assert.equal(after.verdict.findings.some((f) => f.code === 'golden-set-too-small'), false);
  });

  it('a judge upgrade without its calibration report is a BLOCKED gate, judge version; with it, not', async () => {
    const bare = read('after.evalspec.yaml').replace(/^ {4}report: .*\n/m, '');
    assert.notEqual(bare, read('after.evalspec.yaml'));
    const doc = await review(bare, read('before.evalspec.yaml'));
    assert.equal(doc.verdict.status, 'blocked');
    assert.deepEqual(doc.verdict.blockedGates.map((g) => g.gate), ['judge version']);
    assert.match(doc.verdict.blockedGates[0]!.reason, /^the judge was upgraded from judge-large@2026-01-01 to judge-large@2026-11-01/);
    assert.ok(doc.verdict.findings.some((f) => f.code === 'judge-upgrade-without-evidence' && f.severity === 'error'));
    assert.match(reviewMarkdown(doc), /- BLOCKED gate, judge version: the judge was upgraded/);
    // A report of the old version: the judge is newer than the latest calibration report.
    const stale = read('after.evalspec.yaml').replace('report: {judge: judge-large@2026-11-01', 'report: {judge: judge-large@2026-01-01');
    const old = await review(stale, read('before.evalspec.yaml'));
    assert.deepEqual(old.verdict.blockedGates.map((g) => g.gate), ['judge version']);
    assert.match(old.verdict.blockedGates[0]!.reason, /judge judge-large@2026-11-01 is newer than judge-large@2026-01-01/);
    // Turned down to a warning, it blocks nothing (the same as for the CLI's exit code).
    const warned = await reviewSpec({ shown: 'x.evalspec.yaml', specPath: join(dir, 'after.evalspec.yaml'), text: stale, settings: { ...defaultSettings, severity: { ...defaultSettings.severity, 'judge-newer-than-calibration': 'warning' } } });
    assert.deepEqual(warned.verdict.blockedGates, []);
    assert.equal((await review(read('after.evalspec.yaml'), read('before.evalspec.yaml'))).verdict.blockedGates.length, 0);
  });

  it('escapes every piece of spec text: a hostile name, judge model and ledger id stay text', async () => {
    const hostile = read('after.evalspec.yaml')
      .replace(/^name: support-chat$/m, 'name: "x](https://evil.example) <img src=x onerror=alert(1)> | `code` *b*"')
      .replace(/^  model: judge-large@2026-11-01$/m, '  model: "[click](javascript:alert(1))"')
      .replace(/- id: router-drift/, '- id: "a|b<script>"');
    const md = reviewMarkdown(await review(hostile, read('before.evalspec.yaml')));
    assert.doesNotMatch(md, /(?<!\\)<img|(?<!\\)<script|(?<!\\)\]\(https:\/\/evil|(?<!\\)\]\(javascript:/);
    assert.match(md, /^# Design review: x\\\]\\\(https\\:\/\/evil\.example\\\) \\<img src=x onerror=alert\\\(1\\\)\\> \\\| \\`code\\` \\\*b\\\*$/m);
    assert.match(md, /a\\\|b\\<script\\>/);
    assert.match(md, /\| judge model \| judge-large\\@2026-01-01 \| \\\[click\\\]\\\(javascript:alert\\\(1\\\)\\\) \| changed \|/);
    // Every table row has as many cells as its header: no `|` from the spec opened a cell.
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    let header = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) header = 0;
      else if (header === 0) header = cells(line);
      else assert.equal(cells(line), header, line);
    }
  });
});
