// The calibration report through the engines (the same engine choice as routing: DuckDB over CSV,
// JSON Lines, Parquet and a hive-partitioned glob; a ClickHouse table) equals the built-in reader's
// on the example set: counts exactly, floats within 1e-12 (assertSameReport over the whole report,
// bootstrap intervals included: the rows arrive in the file's order). Also through the data layer
// from a spec (judge.calibration.data: {engine: …}), and a missing column as a precise diagnostic.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeSpec, defaultSettings } from '../../../server/src/core';
import { calibrationReportFromFile, type CalibrationReport, type CalibrationReportOptions } from '../../../server/src/core/reports';
import { dataDiagnostics } from '../../../server/src/data/dataDiagnostics';
import { dataTargets, targetRange } from '../../../server/src/data/dataJob';
import { DataReportService } from '../../../server/src/data/dataReports';
import { runCalibrationEngine, type EngineRun, type EngineSource } from '../../../server/src/engines';
import { clickhouseAvailable, startClickHouse, type ClickHouseServer } from '../../support/clickhouse';
import { assertSameReport } from '../reports/compareReports';

const examples = join(__dirname, '..', '..', '..', 'examples');
const options: CalibrationReportOptions = { labelSet: [1, 2, 3, 4, 5], minSpearman: 0.6, minKappa: 0.6 };
const ROWS = 1800;

async function builtin(dir: string, file: string): Promise<CalibrationReport> {
  const r = await calibrationReportFromFile(file, { workspaceRoot: dir, baseDir: dir }, options);
  assert.ok(r.ok && r.report.defined, r.ok ? '' : r.message);
  assert.equal(r.file.rows, ROWS);
  return r.report.value;
}

function run(dir: string, extra: Partial<EngineRun> = {}): EngineRun {
  return { specDir: dir, workspaceRoot: dir, options: {}, timeoutMs: 60_000, ...extra };
}

async function viaEngine(src: EngineSource, r: EngineRun): Promise<CalibrationReport> {
  const out = await runCalibrationEngine(src, r, options);
  assert.ok(out.ok, out.ok ? '' : `${out.code}: ${out.message}`);
  assert.equal(out.table.rows, ROWS);
  assert.equal(out.table.badRows.count, 0);
  return out.report.value;
}

describe('calibration through duckdb', () => {
  let dir = '';
  let csvReport: CalibrationReport;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evalspec-cal-duck-'));
    copyFileSync(join(examples, 'data', 'calibration.csv'), join(dir, 'calibration.csv'));
    csvReport = await builtin(dir, 'calibration.csv');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const csv = `read_csv('${join(dir, 'calibration.csv')}', header = true)`;
    // typed Parquet (DuckDB's own types: numbers as BIGINT/DOUBLE), one file and by month
    await db.run(`COPY (SELECT * FROM ${csv}) TO '${join(dir, 'calibration.parquet')}' (FORMAT parquet)`);
    await db.run(`COPY (SELECT * FROM ${csv}) TO '${join(dir, 'bymonth')}' (FORMAT parquet, PARTITION_BY (month), WRITE_PARTITION_COLUMNS true)`);
    db.closeSync();
    const [header, ...lines] = readFileSync(join(dir, 'calibration.csv'), 'utf8').trim().split('\n');
    const keys = header!.split(',');
    const text = new Set(['cohort', 'month']);
    writeFileSync(join(dir, 'calibration.jsonl'), `${lines.map((l) => JSON.stringify(Object.fromEntries(l.split(',').map((c, i) => [keys[i], text.has(keys[i]!) ? c : c === '' ? null : Number(c)])))).join('\n')}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a CSV file gives the built-in report', async () => {
    assertSameReport(await viaEngine({ engine: 'duckdb', path: 'calibration.csv' }, run(dir)), csvReport);
  });

  it('a typed Parquet file gives the built-in report of the CSV', async () => {
    assertSameReport(await viaEngine({ engine: 'duckdb', path: 'calibration.parquet' }, run(dir)), csvReport);
  });

  it('a JSON Lines file gives the built-in report of the CSV, as the built-in JSON Lines reader does', async () => {
    // The built-in reader once took the never-seen optional `batch` key for a column of empty cells
    // (one batch "(no batch)" instead of month × cohort: enterprise n 180 against the CSV's 150).
    assertSameReport(await builtin(dir, 'calibration.jsonl'), csvReport);
    assertSameReport(await viaEngine({ engine: 'duckdb', path: 'calibration.jsonl' }, run(dir)), csvReport);
  });

  it('JSON Lines values reach the checks as the built-in reader reads them (number-like text, JSON numbers, a late key)', async () => {
    // cohorts "007" and "1e3" and an ISO time as text (read_json would infer BIGINT, DOUBLE, TIMESTAMP),
    // a cohort written as the JSON number 3.0, labels as 4.0 and "4", and human_label_2 missing from
    // the first line (a key first seen later is still a column)
    const [header, ...lines] = readFileSync(join(dir, 'calibration.csv'), 'utf8').trim().split('\n');
    const keys = header!.split(',');
    const cohorts: Record<string, unknown> = { free: '007', pro: '1e3', enterprise: 3.0 };
    const out = lines.map((l, i) => {
      const o: Record<string, unknown> = {};
      l.split(',').forEach((c, k) => {
        const key = keys[k]!;
        if (key === 'cohort') o[key] = i % 7 === 0 ? '2026-04-01T00:00:00Z' : cohorts[c];
        else if (key === 'month') o[key] = c;
        else if (c === '' || (i === 0 && key === 'human_label_2')) return;
        else o[key] = key === 'judge_score' && i % 2 === 0 ? String(Number(c)) : Number(c);
      });
      return JSON.stringify(o).replace(/"cohort":3([,}])/, '"cohort":3.0$1').replace(/"human_label":(\d)([,}])/, '"human_label":$1.0$2');
    });
    assert.ok(!out[0]!.includes('human_label_2') && out.some((l) => l.includes('"cohort":3.0')) && out.some((l) => l.includes('"human_label":4.0')));
    writeFileSync(join(dir, 'odd.jsonl'), `${out.join('\n')}\n`);
    const r = await builtin(dir, 'odd.jsonl');
    assert.deepEqual(r.byCohort.map((c) => c.group).sort(), ['007', '1e3', '2026-04-01T00:00:00Z', '3']);
    assertSameReport(await viaEngine({ engine: 'duckdb', path: 'odd.jsonl' }, run(dir)), r);
  });

  it('a hive-partitioned glob (by month) gives the built-in report of the CSV', async () => {
    assertSameReport(await viaEngine({ engine: 'duckdb', path: 'bymonth/month=*/*.parquet' }, run(dir)), csvReport);
  });

  it('a missing column is engine-missing-column on path', async () => {
    const out = await runCalibrationEngine({ engine: 'duckdb', path: 'calibration.csv' }, run(dir, { columns: { human_label: 'annotator' } }), options);
    assert.ok(!out.ok);
    assert.equal(out.code, 'engine-missing-column');
    assert.equal(out.field, 'path');
    assert.match(out.message, /annotator/);
  });

  it('through the data layer: judge.calibration.data {engine: duckdb} gives the panel of the CSV', async () => {
    const spec = readFileSync(join(examples, 'support-chat.evalspec.yaml'), 'utf8');
    assert.match(spec, /    data: data\/calibration\.csv\n/);
    const service = new DataReportService();
    const job = (text: string) => {
      const model = analyzeSpec(text).model!;
      const t = dataTargets(model).find((x) => x.kind === 'calibration')!;
      return { t, job: { kind: 'calibration' as const, specPath: join(dir, 'x.evalspec.yaml'), dataPath: t.path, model, settings: defaultSettings, workspaceRoots: [dir] } };
    };
    const viaCsv = await service.report(job(spec.replace('    data: data/calibration.csv\n', '    data: calibration.csv\n')).job);
    const viaDuck = await service.report(job(spec.replace('    data: data/calibration.csv\n', '    data:\n      engine: duckdb\n      path: calibration.parquet\n')).job);
    assert.ok('report' in viaCsv && 'report' in viaDuck, JSON.stringify(viaDuck).slice(0, 300));
    assert.equal(viaDuck.report.source.format, 'duckdb');
    assertSameReport({ ...viaDuck.report, source: null }, { ...viaCsv.report, source: null });
    const missingText = spec.replace('    data: data/calibration.csv\n', '    data:\n      engine: duckdb\n      path: nothing/*.parquet\n');
    const missing = job(missingText);
    const r = await service.report(missing.job);
    const d = dataDiagnostics(r, targetRange(missing.t, r), {}, 'calibration');
    assert.equal(d.length, 1);
    assert.equal(d[0]!.code, 'data-file-missing');
    assert.equal(d[0]!.range.start.line, missingText.split('\n').findIndex((l) => l.trim() === 'path: nothing/*.parquet'), 'on the path: line');
  });
});

const skip = !clickhouseAvailable() && process.env.CI !== 'true' ? 'clickhouse-server is not installed (.ci/run installs it)' : false;

describe('calibration through clickhouse', { skip }, () => {
  let ch: ClickHouseServer;
  let csvReport: CalibrationReport;
  const src = (table: string): EngineSource => ({ engine: 'clickhouse', url: ch.url, table });
  before(async () => {
    ch = await startClickHouse();
    csvReport = await builtin(examples, 'data/calibration.csv');
    // TinyLog keeps the insertion order (the bootstrap draws by row index): the file's order.
    await ch.query('CREATE TABLE cal (judge_score Float64, human_label Int64, human_label_2 Nullable(Int64), judge_confidence Nullable(Float64), cohort String, month String) ENGINE = TinyLog');
    const body = readFileSync(join(examples, 'data', 'calibration.csv'), 'utf8').split('\n').slice(1).join('\n').replace(/,(?=,|$)/gm, ',\\N');
    await ch.query('INSERT INTO cal FORMAT CSV', body);
  });
  after(() => ch?.stop());

  it('a typed table gives the built-in report of the CSV', async () => {
    assertSameReport(await viaEngine(src('cal'), run(examples, { credentials: { password: ch.password } })), csvReport);
  });

  it('a missing column is engine-missing-column on table; a missing table engine-missing-table', async () => {
    const cols = await runCalibrationEngine(src('cal'), run(examples, { credentials: { password: ch.password }, columns: { human_label: 'annotator' } }), options);
    assert.ok(!cols.ok && cols.code === 'engine-missing-column' && cols.field === 'table', JSON.stringify(cols));
    const table = await runCalibrationEngine(src('nope'), run(examples, { credentials: { password: ch.password } }), options);
    assert.ok(!table.ok && table.code === 'engine-missing-table' && table.field === 'table', JSON.stringify(table));
  });
});
