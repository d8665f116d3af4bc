// Data files that lie or never end (issue 15): a Parquet footer claiming more rows than the file can
// hold, a JSON Lines file with no line feed, one deeply nested JSON Lines row.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metadataLie } from '../../../server/src/core/data/parquetReader';
import { forgedParquet } from '../../support/hostile/forgedParquet';
import { readIn, workspace } from './helpers';

describe('hostile data files', () => {
  for (const claim of [10n ** 8n, 10n ** 12n]) {
    it(`a Parquet footer claiming ${claim} rows in a small file is refused at once`, { timeout: 60_000 }, async () => {
      const dir = workspace({ 'forged.parquet': await forgedParquet(claim) });
      const { result, rows } = await readIn(dir, 'forged.parquet');
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.code, 'malformed');
      assert.match(result.message, new RegExp(`claims ${Number(claim).toLocaleString('en-US')} rows, more than a file of [\\d,]+ bytes can hold`));
      assert.equal(rows.x.length, 0);
    });
  }

  it('metadataLie: row groups that do not add up, negative counts, chunks larger than the file', () => {
    assert.equal(metadataLie({ num_rows: 10n, row_groups: [{ num_rows: 4n }, { num_rows: 6n }] }, 1000), undefined);
    assert.match(metadataLie({ num_rows: 10n, row_groups: [{ num_rows: 4n }] }, 1000) ?? '', /claims 10 rows but its row groups hold 4/);
    assert.match(metadataLie({ num_rows: -1n, row_groups: [] }, 1000) ?? '', /claims -1 rows/);
    assert.match(metadataLie({ num_rows: 1n, row_groups: [{ num_rows: 1n, columns: [{ meta_data: { total_compressed_size: 5000n } }] }] }, 1000) ?? '', /chunks claim 5,000 bytes/);
  });

  it('a JSON Lines line longer than the limit is one bad row, and the lines after it are read', { timeout: 60_000 }, async () => {
    const long = `{"x": 1, "label": "${'a'.repeat(5000)}"}`;
    const dir = workspace({ 'l.jsonl': `{"x": 1}\n${long}\n{"x": 2}\n` });
    const { result, rows } = await readIn(dir, 'l.jsonl', undefined, { maxLineBytes: 1000, readChunkBytes: 64 });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(rows.x, [1, 2]);
    assert.equal(result.badRows.count, 1);
    assert.deepEqual([result.badRows.examples[0]!.line, result.badRows.examples[0]!.message], [2, 'is longer than 1,000 bytes (the JSON Lines line limit); it is skipped']);
  });

  it('a JSON Lines file that is one line with no line feed, past the limit, is one bad row', { timeout: 60_000 }, async () => {
    const dir = workspace({ 'one.jsonl': `{"x": 1}\n{"x": "${'9'.repeat(200_000)}` });
    const { result } = await readIn(dir, 'one.jsonl', undefined, { maxLineBytes: 10_000, readChunkBytes: 1024 });
    assert.equal(result.ok && result.badRows.count, 1);
    assert.equal(result.ok && result.rows, 1);
  });

  it('one deeply nested JSON Lines row is one bad row, not a failed file', { timeout: 60_000 }, async () => {
    const deep = `{"x": 1, "label": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const deepObj = `{"x": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    const dir = workspace({ 'd.jsonl': `{"x": 1, "label": "a"}\n${deep}\n${deepObj}\n{"x": 2}\n` });
    const { result, rows } = await readIn(dir, 'd.jsonl');
    assert.equal(result.ok, true, result.ok ? '' : result.message);
    if (!result.ok) return;
    assert.deepEqual(rows.x, [1, 2]);
    assert.equal(result.badRows.count, 2);
    assert.deepEqual(result.badRows.examples.map((e) => e.message), ['must be text, got a list', '"an object" is not a number']);
  });
});
