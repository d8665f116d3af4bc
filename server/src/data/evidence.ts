// `judge.calibration.evidence` names a report that justifies the escalation band. A path that does not
// lead to a file inside the workspace folder is cited evidence nobody can open: a diagnostic on it.
// Only existence is checked (the file is never read); callers skip this in untrusted workspaces and
// under `--no-data`, as for data files.
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { EvalSpecModel, SpecDiagnostic } from '../core';
import { workspaceRootFor } from './dataJob';

export const evidenceMissingCode = 'calibration-evidence-missing';

export function evidenceDiagnostics(model: EvalSpecModel | undefined, specPath: string, workspaceRoots: string[]): SpecDiagnostic[] {
  const ev = model?.judge?.calibration?.evidence;
  if (!ev || ev.value.trim() === '') return [];
  const root = workspaceRootFor(specPath, workspaceRoots);
  if (!root) return [];
  const abs = path.resolve(path.dirname(specPath), ev.value);
  let problem: string | undefined;
  try {
    const real = realpathSync(abs);
    const rel = path.relative(realpathSync(root), real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) problem = 'lies outside the workspace folder';
    else if (!statSync(real).isFile()) problem = 'is not a file';
  } catch {
    problem = 'does not exist';
  }
  if (!problem) return [];
  return [{
    code: evidenceMissingCode,
    severity: 'warning',
    message: `The escalation-band evidence ${ev.value} ${problem} (relative to the spec's folder): the band is justified by a report nobody can open. Add the report or correct the path.`,
    range: ev.range,
    data: { path: ev.value },
  }];
}
