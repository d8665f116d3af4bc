// Every figure of a spec, computed once per document version. A section whose inputs the core
// rejects (a RangeError naming the bad input) is left out and reported as a diagnostic, so a
// figure is never silently wrong and never takes the analysis down.
import type { EvalSpecModel } from '../model/spec';
import type { SpecDiagnostic } from '../types';
import { ledgerFigures, routerFigures, trafficFigures } from './costFigures';
import { allocationFigures } from './allocationFigures';
import { costMetricsFigures, tenantFigures } from './economicsFigures';
import { goldenSetFigures, type GoldenSetFigures } from './goldenSetFigures';
import { judgingFigures } from './judging';
import { FigureSink, type SpecFigures } from './types';

export type { FigureNote, SpecFigures } from './types';
export type { GoldenSetFigures } from './goldenSetFigures';

export interface ComputedFigures extends SpecFigures {
  goldenSet?: GoldenSetFigures;
  problems: SpecDiagnostic[];
}

/**
 * Runs one section's figures into the sink. The plain runner calls it; an incremental analysis
 * replays the section's earlier output when nothing the section read has changed.
 */
export type FigureRunner = <R>(section: string, m: EvalSpecModel, sink: FigureSink, compute: (m: EvalSpecModel, sink: FigureSink) => R) => R;

const runDirectly: FigureRunner = (_section, m, sink, compute) => compute(m, sink);

export function computeFigures(m: EvalSpecModel, run: FigureRunner = runDirectly): ComputedFigures {
  const sink = new FigureSink();
  const problems: SpecDiagnostic[] = [];
  const guard = <R>(section: string, anchor: SpecDiagnostic['range'] | undefined, compute: (m: EvalSpecModel, sink: FigureSink) => R): R | undefined => {
    try {
      return run(section, m, sink, compute);
    } catch (e) {
      if (!(e instanceof RangeError) || !anchor) throw e;
      problems.push({ code: 'figure-unavailable', severity: 'warning', message: `EvalSpec cannot compute the ${section} figures from these values: ${e.message}`, range: anchor, data: { section } });
      return undefined;
    }
  };
  guard('traffic', m.traffic?.keyRange, trafficFigures);
  const goldenSet = guard('golden-set', m.goldenSet?.keyRange, goldenSetFigures);
  guard('label-budget', m.goldenSet?.labelBudget?.keyRange, allocationFigures);
  guard('router', m.router?.keyRange, routerFigures);
  guard('ledger', m.ledger?.keyRange, ledgerFigures);
  guard('cost-metrics', m.traffic?.keyRange ?? m.router?.keyRange, costMetricsFigures);
  guard('shared-cluster', m.tenants?.keyRange, tenantFigures);
  guard('judging', m.judge?.keyRange ?? m.goldenSet?.keyRange ?? m.cadence?.keyRange, judgingFigures);
  return { ...sink.done(), goldenSet, problems };
}
