// Go to definition on the data files a spec names (calibration data, router results, evidence):
// resolved relative to the spec's folder by the same checks as the data readers (inside the
// workspace after symlinks, a regular file), offered only when those pass and the workspace is trusted.
import type { Location } from 'vscode-languageserver';
import type { SpecAnalysis } from '../core';
import { entryAt } from '../core/parse/locate';

export const dataPathKeys = new Set(['data', 'results', 'evidence']);

/** The data path written under the cursor, if the cursor is on one. */
export function dataPathAt(analysis: SpecAnalysis, line: number, character: number): string | undefined {
  const offset = analysis.parsed.lines.offsetAt({ line, character });
  const at = entryAt(analysis.parsed.root, offset);
  if (!at || at.onKey || !dataPathKeys.has(at.entry.key)) return undefined;
  const v = at.entry.value;
  if (v.kind !== 'scalar' || typeof v.value !== 'string' || v.value === '') return undefined;
  return v.value;
}

/** `resolve` returns the file's URI when the path passes the workspace checks, else undefined. */
export async function definition(analysis: SpecAnalysis, line: number, character: number, resolve: (relative: string) => Promise<string | undefined>): Promise<Location[]> {
  const rel = dataPathAt(analysis, line, character);
  const target = rel === undefined ? undefined : await resolve(rel);
  if (!target) return [];
  return [{ uri: target, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
}
