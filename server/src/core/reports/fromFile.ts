// The I/O edge of the reports: read a spec's data file with core/data and feed the pure accumulators.
// Everything above this file is pure computation over batches.
import { CALIBRATION_SCHEMA, ROUTING_SCHEMA, readTable, type TableSchema, type ColumnMapping, type DataFileError, type ReadOptions, type TableReadSuccess } from '../data/index';
import type { Defined } from '../types';
import { CalibrationCollector, calibrationReport } from './calibrationReport';
import type { CalibrationReport, CalibrationReportOptions } from './calibrationTypes';
import { RoutingAccumulator } from './routingReport';
import type { RoutingReport, RoutingReportOptions } from './routingTypes';

export interface ReportFromFile<R> {
  ok: true;
  /** What was read: rows, bad rows with examples, columns used. */
  file: TableReadSuccess;
  report: Defined<R>;
}

export async function routingReportFromFile(
  path: string,
  read: ReadOptions & { columns?: ColumnMapping },
  options: RoutingReportOptions = {},
): Promise<ReportFromFile<RoutingReport> | DataFileError> {
  const acc = new RoutingAccumulator(options);
  const file = await readTable(path, ROUTING_SCHEMA, read.columns, (b) => acc.add(b), read);
  if (!file.ok) return file;
  // a day with more distinct confidences than the counts keep: read the rows again for its exact p10
  const pass = acc.secondPass();
  if (pass) {
    const again = await readTable(path, ROUTING_SCHEMA, read.columns, (b) => pass.add(b), read);
    if (again.ok) acc.refine(pass);
  }
  return { ok: true, file, report: acc.finish() };
}

export async function calibrationReportFromFile(
  path: string,
  read: ReadOptions & { columns?: ColumnMapping },
  options: CalibrationReportOptions = {},
): Promise<ReportFromFile<CalibrationReport> | DataFileError> {
  const data = new CalibrationCollector(options.labelSet);
  const file = await readTable(path, calibrationSchema(options.labelSet), read.columns, (b) => data.add(b), read);
  if (!file.ok) return file;
  return { ok: true, file, report: calibrationReport(data, options) };
}

/** With a textual label set (`[fail, pass]`) the label columns are read as text, then coded by the collector. */
export function calibrationSchema(labelSet: readonly (string | number)[] | undefined): TableSchema {
  if (!labelSet || !labelSet.some((l) => typeof l === 'string')) return CALIBRATION_SCHEMA;
  const text = new Set(['judge_score', 'human_label', 'human_label_2']);
  return { ...CALIBRATION_SCHEMA, columns: CALIBRATION_SCHEMA.columns.map((c) => (text.has(c.key) ? { ...c, kind: 'category' as const } : c)) };
}
