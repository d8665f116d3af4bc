// The judge gate's verdict, failing closed (seed, Deep Dive A: "block judge-gated launches when
// ρ < 0.75"; "κ > 0.80 before including the batch"). The gate is open only when there is evidence
// and it clears the line:
//   - no evidence is BLOCKED, never "no verdict": every row left out (every annotation batch has
//     κ ≤ min_kappa or no second labels, or the file has no second annotator at all), no row of the
//     latest month left after the exclusions, or too few rows there for ρ;
//   - the basis is the latest month of the WHOLE file (months sort as text, YYYY-MM), not the latest
//     month that happens to survive the exclusions: a fresh month whose batches all fail κ must not
//     let an older month decide;
//   - with evidence, ρ < min_spearman is BLOCKED and ρ = min_spearman is not;
//   - labels older than the judge: when the judge's version names a release date and the latest month
//     of the file (YYYY-MM) is before the month of that date, no row can be a check of this version
//     (the seed: a ρ check against fresh human labels every time the judge version changes, before
//     any judge-gated launch), so the gate is BLOCKED for lack of evidence. Labels of the release
//     month itself are taken as the check (a month cannot say which side of the day they fall).
import type { Defined } from '../types';
import type { CalibrationReport, RhoFigure } from './calibrationTypes';

export interface VerdictInputs {
  minSpearman: number;
  overall: RhoFigure;
  byMonth: RhoFigure[];
  /** The latest month in the file over all rows (undefined without a month column). */
  latestMonth: string | undefined;
  rows: number;
  rowsUsed: number;
  /** Why no row is used, when rowsUsed is 0 (κ exclusions). */
  noRowsReason: string | undefined;
  /** The judge model and the release date of its version, when the version is a date. */
  judge?: { model: string; releasedOn: string };
}

export function calibrationVerdict(v: VerdictInputs): CalibrationReport['verdict'] {
  const rule = `judge-gated launches are blocked when Spearman ρ of the ${v.latestMonth !== undefined ? 'latest month' : 'whole set'} is below ${v.minSpearman}, and when there is no evidence to compute it`;
  const blockedFor = (basis: string, rho: Defined<number>, reason: string): CalibrationReport['verdict'] => ({
    blocked: true,
    evidence: 'missing',
    basis,
    rho,
    rule,
    reason,
    message: `Judge-gated launches BLOCKED: no evidence: ${reason}.`,
  });
  const none: Defined<number> = { defined: false, reason: 'no evidence' };
  const released = v.judge?.releasedOn.slice(0, 7);
  if (v.judge && released && v.latestMonth !== undefined && /^\d{4}-\d{2}$/.test(v.latestMonth) && v.latestMonth < released) {
    return blockedFor(`latest month ${v.latestMonth}`, none, `the latest month of human labels, ${v.latestMonth}, is before judge ${v.judge.model} was released (${v.judge.releasedOn}), so no Spearman check against fresh human labels covers this judge version`);
  }
  if (v.rowsUsed === 0) return blockedFor(v.latestMonth !== undefined ? `latest month ${v.latestMonth}` : 'overall', none, v.noRowsReason ?? `none of the ${v.rows} rows can be used`);
  let fig: RhoFigure = v.overall;
  let basis = 'overall';
  if (v.latestMonth !== undefined) {
    basis = `latest month ${v.latestMonth}`;
    const m = v.byMonth.find((x) => x.group === v.latestMonth);
    if (!m) return blockedFor(basis, none, `the latest month ${v.latestMonth} has no row left after excluding its annotation batches (κ ≤ min_kappa or no second labels)`);
    fig = m;
  }
  if (!fig.rho.defined) return blockedFor(basis, fig.rho, fig.rho.reason);
  const rho = fig.rho.value.toFixed(3);
  if (fig.belowThreshold) {
    return { blocked: true, evidence: 'sufficient', basis, rho: fig.rho, rule, message: `Judge-gated launches blocked: ρ = ${rho} (${basis}) is below ${v.minSpearman}.` };
  }
  return { blocked: false, evidence: 'sufficient', basis, rho: fig.rho, rule, message: `Judge-gated launches allowed: ρ = ${rho} (${basis}) is at or above ${v.minSpearman}.` };
}
