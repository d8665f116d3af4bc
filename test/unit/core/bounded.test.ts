// Text a user reads is bounded whatever the input (issue 15): one helper lists names ("the first
// few and N more"), one caps a message's length, and every list a message or hover holds goes
// through them. The spec cases failed before: 3,000 primary metrics gave 2,998 messages of ~40 KB
// each (the whole id list in each), 3,000 cohorts a 30 KB shares message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSpec } from '../../../server/src/core';
import { boundedMessage, clipName, listNames, listQuoted, MAX_LISTED_NAMES, MAX_MESSAGE_CHARS, MAX_NAME_CHARS } from '../../../server/src/core/text/bounded';
import { dataDiagnostics } from '../../../server/src/data/dataDiagnostics';
import { toLspDiagnostic } from '../../../server/src/lsp/convert';

const names = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } };

describe('listNames and boundedMessage', () => {
  it('lists every name up to the limit, then the first ones and a count', () => {
    assert.equal(listNames([]), '');
    assert.equal(listNames(['a']), 'a');
    assert.equal(listNames(names(MAX_LISTED_NAMES)), names(MAX_LISTED_NAMES).join(', '));
    assert.equal(listNames(names(MAX_LISTED_NAMES + 1)), `${names(MAX_LISTED_NAMES).join(', ')} and 1 more`);
    assert.equal(listNames(names(1_000_000)), 'c0, c1, c2, c3, c4, c5, c6, c7 and 999,992 more');
    assert.equal(listNames(['a', 'b', 'c'], { max: 2, separator: ' + ' }), 'a + b and 1 more');
    assert.equal(listNames(['a', 'b'], { lastSeparator: ' and ' }), 'a and b');
    assert.equal(listNames(['a', 'b'], { total: 40 }), 'a, b and 38 more');
    assert.equal(listQuoted(['x"y', 'z']), '"x\\"y", "z"');
  });

  it('clips names from a user or a file, never items that hold figures', () => {
    const long = 'n'.repeat(500);
    assert.equal(clipName(long).length, MAX_NAME_CHARS);
    assert.equal(listQuoted([long]), JSON.stringify(`${'n'.repeat(MAX_NAME_CHARS - 1)}…`));
    assert.equal(listNames([long], { clip: true }), `${'n'.repeat(MAX_NAME_CHARS - 1)}…`);
    const figure = `0.${'3'.repeat(200)} × $1.5`;
    assert.equal(listNames([figure, 'b'], { separator: ' + ' }), `${figure} + b`);
  });

  it('caps a message, says how much was left out, and never splits a surrogate pair', () => {
    assert.equal(boundedMessage('short'), 'short');
    const m = boundedMessage('x'.repeat(10_000));
    assert.ok(m.length <= MAX_MESSAGE_CHARS, `${m.length}`);
    assert.match(m, /^x+… \((\d{1,3}(,\d{3})*) more characters\)$/);
    const cut = Number(/\(([\d,]+) more/.exec(m)![1]!.replace(/,/g, ''));
    assert.equal(m.indexOf('…') + cut, 10_000);
    for (let pad = 0; pad < 3; pad++) {
      const s = boundedMessage(`${'a'.repeat(pad)}${'😀'.repeat(2000)}`);
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(s), `lone high surrogate at pad ${pad}`);
    }
  });
});

describe('every message is bounded', () => {
  it('3,000 primary metrics: each message names 8 ids and the count, within the cap', () => {
    const metrics = Array.from({ length: 3000 }, (_, i) => `  - {id: m${i}, primary: true, kind: binary, expected_pass_rate: 0.8}`).join('\n');
    const a = analyzeSpec(`evalspec: 1\nname: many\nmetrics:\n${metrics}\n`);
    const many = a.diagnostics.filter((d) => d.code === 'too-many-primary-metrics');
    assert.equal(many.length, 2998);
    assert.match(many[0]!.message, /^3000 primary metrics \(m0, m1, m2, m3, m4, m5, m6, m7 and 2,992 more\), 2998 more than the 2 a spec should gate on: m2 is past the limit/);
    for (const d of a.diagnostics) assert.ok(d.message.length <= MAX_MESSAGE_CHARS, `[${d.code}] ${d.message.length} characters`);
  });

  it('3,000 cohorts whose shares do not sum to 1: the shares listed are the first 8 and a count', () => {
    const cohorts = Array.from({ length: 3000 }, (_, i) => `    - {name: c${i}, share: 0.001}`).join('\n');
    const a = analyzeSpec(`evalspec: 1\nname: wide\ngolden_set:\n  size: 200\n  cohorts:\n${cohorts}\n`);
    const d = a.diagnostics.find((x) => x.code === 'cohort-shares-not-one');
    assert.ok(d, a.diagnostics.map((x) => x.code).join(', '));
    assert.match(d.message, /0\.001 \+ 0\.001 \+ 0\.001 \+ 0\.001 \+ 0\.001 \+ 0\.001 \+ 0\.001 \+ 0\.001 and 2,992 more\./);
    for (const x of a.diagnostics) assert.ok(x.message.length <= MAX_MESSAGE_CHARS, `[${x.code}] ${x.message.length} characters`);
  });

  it('a data file error of any length, and anything sent to the client, is capped', () => {
    const huge = `wide.csv: the header has no column "judge_score"; it has ${'"c", '.repeat(200_000)}`;
    const [d] = dataDiagnostics({ error: { code: 'data-file-invalid', message: huge } }, range, {}, 'calibration');
    assert.ok(d!.message.length <= MAX_MESSAGE_CHARS, `${d!.message.length}`);
    assert.match(d!.message, /^wide\.csv: the header has no column "judge_score"; it has "c", /);
    assert.ok(String(toLspDiagnostic({ code: 'x', severity: 'error', message: 'y'.repeat(50_000), range }).message).length <= MAX_MESSAGE_CHARS);
  });
});
