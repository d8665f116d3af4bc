// The machine-readable report of one spec: every diagnostic and every figure the server computes.
// `evalspec check --format json` prints a list of these; the server answers `evalspec/analysis`
// with one. docs/cli.md documents the shape; `reportVersion` changes when it does.
import type { SpecAnalysis, SpecDiagnostic } from '../core';
import type { DataFileStatus } from '../data/specData';
import type { SpecBaseline } from './baseline';

export const reportVersion = 1;

export interface SpecReport {
  reportVersion: number;
  file: string;
  name?: string;
  summary: { errors: number; warnings: number; information: number; hints: number };
  /** Lines and columns are 1-based here (as people and CI tools count); the LSP ranges are 0-based. */
  diagnostics: (Omit<SpecDiagnostic, 'range'> & { line: number; column: number; endLine: number; endColumn: number })[];
  figures: Record<string, unknown>;
  /**
   * The data files the spec names and whether their reports ran (`read`, `error` with the code, or
   * `skipped` under `--no-data`). Their diagnostics are in `diagnostics`, after the spec's own.
   */
  data?: DataFileStatus[];
  /** `evalspec check` only: what the spec was compared with (see `--baseline` in docs/cli.md). */
  baseline?: SpecBaseline;
}

/** `data`: the data-backed diagnostics and file statuses (specData.ts), when the data files were considered. */
export function analysisJson(file: string, a: SpecAnalysis, data?: { diagnostics: SpecDiagnostic[]; files: DataFileStatus[] }): SpecReport {
  const all = data ? [...a.diagnostics, ...data.diagnostics] : a.diagnostics;
  const count = (s: string) => all.filter((d) => d.severity === s).length;
  return {
    reportVersion,
    file,
    name: a.model?.name?.value,
    summary: { errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') },
    diagnostics: all.map(({ range, ...d }) => ({
      ...d,
      line: range.start.line + 1,
      column: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    })),
    figures: { ...a.figures.json, lines: a.figures.lines },
    ...(data ? { data: data.files } : {}),
  };
}
