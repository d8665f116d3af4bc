import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTING_SCHEMA, nodeFileSystem, parseTimeText, readTable, resolveDataFile, type DataFileSystem } from '../../../server/src/core/data';
import { TINY_SCHEMA, readIn, workspace } from './helpers';

describe('data file paths', () => {
  it('a missing file is a not-found error naming the path as written', async () => {
    const dir = workspace();
    const r = await resolveDataFile('data/none.csv', { workspaceRoot: dir });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, 'not-found');
    assert.match(!r.ok ? r.message : '', /^data\/none\.csv does not exist/);
  });

  it('a relative path that climbs out of the workspace is refused', async () => {
    const outside = workspace({ 'secret.csv': 'x\n1\n' });
    const dir = workspace();
    const rel = join('..', outside.split('/').pop()!, 'secret.csv');
    const r = await resolveDataFile(rel, { workspaceRoot: dir });
    assert.equal(!r.ok && r.code, 'outside-workspace');
  });

  it('a symlink inside the workspace that points outside it is refused after resolving', async () => {
    const outside = workspace({ 'secret.csv': 'x\n1\n' });
    const dir = workspace();
    symlinkSync(join(outside, 'secret.csv'), join(dir, 'link.csv'));
    const r = await resolveDataFile('link.csv', { workspaceRoot: dir });
    assert.equal(!r.ok && r.code, 'outside-workspace');
    assert.match(!r.ok ? r.message : '', /through a symlink/);
  });

  it('a symlink that stays inside the workspace is fine', async () => {
    const dir = workspace({ 'real.csv': 'x\n1\n' });
    symlinkSync(join(dir, 'real.csv'), join(dir, 'alias.csv'));
    const r = await resolveDataFile('alias.csv', { workspaceRoot: dir });
    assert.equal(r.ok, true);
  });

  it('a folder, an over-cap file and an unknown extension are typed errors', async () => {
    const dir = workspace({ 'big.csv': 'x\n' + '1\n'.repeat(100), 'notes.txt': 'hi' });
    mkdirSync(join(dir, 'folder.csv'));
    const folder = await resolveDataFile('folder.csv', { workspaceRoot: dir });
    assert.equal(!folder.ok && folder.code, 'not-a-file');
    const big = await resolveDataFile('big.csv', { workspaceRoot: dir, maxBytes: 50 });
    assert.equal(!big.ok && big.code, 'too-large');
    assert.match(!big.ok ? big.message : '', /over the 50 B limit/);
    const txt = await resolveDataFile('notes.txt', { workspaceRoot: dir });
    assert.equal(!txt.ok && txt.code, 'unsupported-format');
  });

  // Permission errors come from a file system that answers as it does for a non-root user, so these
  // run as root (CI) too; the mapping from the error to the diagnostic is what is under test.
  const denied = (syscall: string, path: string): NodeJS.ErrnoException =>
    Object.assign(new Error(`EACCES: permission denied, ${syscall} '${path}'`), { code: 'EACCES', errno: -13, syscall, path });

  it('an unreadable file is an unreadable error', async () => {
    const dir = workspace({ 'locked.csv': 'x\n1\n' });
    const fileSystem: DataFileSystem = {
      ...nodeFileSystem,
      access: async (p) => {
        throw denied('access', p);
      },
    };
    const r = await resolveDataFile('locked.csv', { workspaceRoot: dir, fileSystem });
    assert.equal(!r.ok && r.code, 'unreadable');
    assert.match(!r.ok ? r.message : '', /^locked\.csv exists but is not readable by this user; check its permissions\.$/);
    assert.equal(!r.ok && r.resolvedPath, realpathSync(join(dir, 'locked.csv')));
  });

  it('a folder on the path that cannot be searched is an unreadable error, not a missing file', async () => {
    const dir = workspace();
    const root = realpathSync(dir);
    const fileSystem: DataFileSystem = {
      ...nodeFileSystem,
      realpath: async (p) => {
        if (p === dir || p === root) return root;
        throw denied('realpath', p);
      },
    };
    const r = await resolveDataFile('private/data.csv', { workspaceRoot: dir, fileSystem });
    assert.equal(!r.ok && r.code, 'unreadable');
    assert.match(!r.ok ? r.message : '', /permission denied on a folder of its path/);
  });

  it('a file that passes the checks but cannot be opened is an unreadable error from readTable', async () => {
    const dir = workspace({ 'locked.csv': 'x\n1\n' });
    const fileSystem: DataFileSystem = {
      ...nodeFileSystem,
      open: async (p) => {
        throw denied('open', p);
      },
    };
    const r = await readTable('locked.csv', TINY_SCHEMA, undefined, () => undefined, { workspaceRoot: dir, fileSystem });
    assert.equal(!r.ok && r.code, 'unreadable');
    assert.match(!r.ok ? r.message : '', /^locked\.csv could not be read: EACCES: permission denied, open/);
  });

  it('relative paths resolve against the spec folder (baseDir)', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'specs', 'data'), { recursive: true });
    writeFileSync(join(dir, 'specs', 'data', 'r.csv'), 'x\n1\n');
    const r = await resolveDataFile('data/r.csv', { workspaceRoot: dir, baseDir: join(dir, 'specs') });
    assert.equal(r.ok, true);
  });
});

describe('readTable on files', () => {
  it('CSV with CRLF and bad rows: counts, examples and accepted rows', async () => {
    const dir = workspace({ 't.csv': 'x,label,y\r\n1,a,0.5\r\nx,b,0.5\r\n3,c,0.25\r\n' });
    const { result, rows } = await readIn(dir, 't.csv');
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.rows, 2);
    assert.equal(result.rowsRead, 3);
    assert.deepEqual(result.badRows.examples, [{ row: 2, line: 3, column: 'x', message: '"x" is not a number' }]);
    assert.deepEqual(rows.x, [1, 3]);
  });

  it('an empty CSV file is an "empty" error', async () => {
    const dir = workspace({ 'e.csv': '' });
    const { result } = await readIn(dir, 'e.csv');
    assert.equal(!result.ok && result.code, 'empty');
  });

  it('JSON Lines: bad JSON, non-objects, wrong types and blank lines are reported with line numbers', async () => {
    const lines = ['{"x": 1, "label": "a", "y": 0.5}', '{"x": 2, "label": ', '', '[1,2]', '{"x": "3.5", "label": 7}', '{"x": true}', '{"x": 4, "y": null}'];
    const dir = workspace({ 't.jsonl': lines.join('\r\n') });
    const { result, rows } = await readIn(dir, 't.jsonl');
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(rows.x, [1, 3.5, 4]);
    assert.deepEqual(rows.label, ['a', '7', null]);
    assert.equal(result.blankLines, 1);
    assert.equal(result.badRows.count, 3);
    assert.deepEqual(result.badRows.examples.map((e) => [e.line, e.column]), [[2, null], [4, null], [6, 'x']]);
    assert.match(result.badRows.examples[0]!.message, /not valid JSON/);
  });

  it('JSON Lines: an optional key the first object leaves out is read from the lines that have it', async () => {
    // Writers leave empty keys out (the example's shadow-sample columns): the first line must not decide.
    const dir = workspace({ 'late.jsonl': '{"x": 1}\n{"x": 2, "y": 0.5, "label": "b"}\n{"x": 3}\n' });
    const { result, rows } = await readIn(dir, 'late.jsonl');
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(rows.y, [Number.NaN, 0.5, Number.NaN]); // empty numbers are NaN in a batch
    assert.deepEqual(rows.label, [null, 'b', null]);
    assert.deepEqual(result.columns, { x: 'x', label: 'label', y: 'y' });
    const none = await readIn(workspace({ 'none.jsonl': '{"x": 1}\n' }), 'none.jsonl');
    assert.deepEqual(none.result.ok && none.result.columns, { x: 'x', label: null, y: null });
  });

  it('JSON Lines: an optional key no line has is no column of the batches (as a CSV without that header)', async () => {
    // A calibration set's batches come from `batch` when the batches have it: a column of empty cells
    // there made one batch "(no batch)" instead of month × cohort (the CSV of the same rows).
    const seen: string[][] = [];
    const dir = workspace({ 'a.jsonl': '{"x": 1}\n{"x": 2}\n{"x": 3, "label": "b"}\n{"x": 4}\n' });
    const r = await readTable('a.jsonl', TINY_SCHEMA, undefined, (b) => seen.push([...Object.keys(b.categories), ...Object.keys(b.numbers)].sort()), { workspaceRoot: dir, batchRows: 2 });
    assert.ok(r.ok);
    assert.deepEqual(seen, [['x'], ['label', 'x']], 'label joins the batches at the line that has it; y never does');
  });

  it('JSON Lines whose first lines are bad still counts them', async () => {
    const dir = workspace({ 'b.jsonl': 'oops\n{"x": 1}\n' });
    const { result } = await readIn(dir, 'b.jsonl');
    assert.equal(result.ok && result.badRows.count, 1);
    assert.equal(result.ok && result.badRows.examples[0]!.line, 1);
  });

  it('Parquet round trip with nulls, through hyparquet', async () => {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'x', data: [1, 2, null, 4], type: 'DOUBLE' },
        { name: 'label', data: ['a', null, 'c', 'a'], type: 'STRING' },
        { name: 'y', data: [0.5, 2, 0.25, null], type: 'DOUBLE' },
      ],
    });
    const dir = workspace({ 't.parquet': new Uint8Array(buf) });
    const { result, rows } = await readIn(dir, 't.parquet');
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(rows.x, [1, 4]);
    assert.deepEqual(rows.label, ['a', 'a']);
    assert.deepEqual(result.badRows.examples.map((e) => [e.row, e.column]), [[2, 'y'], [3, 'x']]);
  });

  it('an exception in the consumer propagates; it is not reported as a file problem', async () => {
    const dir = workspace({ 't.csv': 'x\n1\n' });
    await assert.rejects(readTable('t.csv', { name: 't', columns: [{ key: 'x', kind: 'number', required: true, description: '' }] }, undefined, () => {
      throw new TypeError('consumer bug');
    }, { workspaceRoot: dir }), /consumer bug/);
  });

  it('a file that is not Parquet is a malformed error', async () => {
    const dir = workspace({ 'fake.parquet': 'x,y\n1,2\n' });
    const { result } = await readIn(dir, 'fake.parquet');
    assert.equal(!result.ok && result.code, 'malformed');
  });

  it('the example routing log reads the same from CSV and Parquet', async () => {
    const examples = join(__dirname, '..', '..', '..', 'examples');
    const sums: Record<string, number[]> = {};
    for (const f of ['data/routing.csv', 'data/routing.parquet']) {
      const s = [0, 0, 0, 0];
      const r = await readTable(f, ROUTING_SCHEMA, undefined, (b) => {
        for (let i = 0; i < b.length; i++) {
          s[0]! += b.numbers.time![i]! / 1e9;
          s[1]! += b.numbers.confidence![i]!;
          s[2]! += b.numbers.cost![i]!;
          s[3]! += b.categories.tier![i]!;
        }
      }, { workspaceRoot: examples });
      assert.equal(r.ok && r.rows, 60485, JSON.stringify(r));
      assert.equal(r.ok && r.badRows.count, 0);
      sums[f] = s;
    }
    assert.deepEqual(sums['data/routing.csv'], sums['data/routing.parquet']);
  });
});

describe('time cells', () => {
  it('ISO 8601 forms, offsets and Unix seconds', () => {
    assert.equal(parseTimeText('2026-03-01T14:05:00Z'), Date.UTC(2026, 2, 1, 14, 5));
    assert.equal(parseTimeText('2026-03-01 14:05'), Date.UTC(2026, 2, 1, 14, 5));
    assert.equal(parseTimeText('2026-03-01T14:05:00.250+02:00'), Date.UTC(2026, 2, 1, 12, 5, 0, 250));
    assert.equal(parseTimeText('2026-03-01'), Date.UTC(2026, 2, 1));
    assert.equal(parseTimeText('1767225600'), 1767225600000);
  });
  it('rejects impossible dates and junk', () => {
    for (const bad of ['2026-02-30T00:00Z', '2026-13-01', '2026-03-01T24:00', 'yesterday', '2026-03-01T10:00Zjunk']) {
      assert.ok(Number.isNaN(parseTimeText(bad)), bad);
    }
  });
});
