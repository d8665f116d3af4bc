// Every figure of a spec, computed once per document version. A section whose inputs the core
// rejects (a RangeError naming the bad input) is left out and reported as a diagnostic, so a
// figure is never silently wrong and never takes the analysis down.
import type { EvalSpecModel } from '../model/spec';
import type { SpecDiagnostic } from '../types';
import { routerFigures, trafficFigures } from './costFigures';
import { ledgerFigures } from './ledgerFigures';
import { allocationFigures } from './allocationFigures';
import { cadenceFigures } from './cadenceFigures';
import { costMetricsFigures, tenantFigures } from './economicsFigures';
import { computeGoldenSet, goldenSetFigures, type GoldenSetFigures } from './goldenSetFigures';
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

/** How long the figures of one analysis may take; sections not started in time are reported. */
export interface FigureBudget {
  /** Milliseconds from the start of computeFigures after which no further section starts. */
  ms: number;
  /** Clock in milliseconds (tests pass a fake one); default performance.now. */
  now?: () => number;
}

/** The editor's budget (the language server passes it): a keystroke's figures stop after 2 s. */
export const editorFigureBudget: FigureBudget = { ms: 2_000 };
/** Without a budget (the CLI, the tests, the reports) every figure is computed: results never depend on the machine's speed. */
const unlimited: FigureBudget = { ms: Number.POSITIVE_INFINITY };

type Section = [name: string, anchor: SpecDiagnostic['range'] | undefined, compute: (m: EvalSpecModel, sink: FigureSink) => unknown];

/** Cadence figures need the golden set's; a golden set the core rejects is reported by its own section. */
function cadenceSection(m: EvalSpecModel, sink: FigureSink): void {
  let g: GoldenSetFigures | undefined;
  try {
    g = computeGoldenSet(m);
  } catch (e) {
    if (e instanceof RangeError) return;
    throw e;
  }
  cadenceFigures(m, g, sink);
}

export function computeFigures(m: EvalSpecModel, run: FigureRunner = runDirectly, budget: FigureBudget = unlimited): ComputedFigures {
  const sink = new FigureSink();
  const problems: SpecDiagnostic[] = [];
  let goldenSet: GoldenSetFigures | undefined;
  const sections: Section[] = [
    ['traffic', m.traffic?.keyRange, trafficFigures],
    ['golden-set', m.goldenSet?.keyRange, goldenSetFigures],
    ['cadence', m.cadence?.keyRange, cadenceSection],
    ['label-budget', m.goldenSet?.labelBudget?.keyRange, allocationFigures],
    ['router', m.router?.keyRange, routerFigures],
    ['ledger', m.ledger?.keyRange, ledgerFigures],
    ['cost-metrics', m.traffic?.keyRange ?? m.router?.keyRange, costMetricsFigures],
    ['shared-cluster', m.tenants?.keyRange, tenantFigures],
    ['judging', m.judge?.keyRange ?? m.goldenSet?.keyRange ?? m.cadence?.keyRange, judgingFigures],
  ];
  const now = budget.now ?? (() => performance.now());
  const start = now();
  const skipped: Section[] = [];
  for (const section of sections) {
    // Every search is bounded (stats/sampleSizeBound.ts); the budget is the backstop for a spec whose
    // many bounded sections still add up: what did not start in time is named, never frozen on.
    if (now() - start > budget.ms) skipped.push(section);
    else {
      const value = guardSection(section, m, sink, run, problems);
      if (section[0] === 'golden-set') goldenSet = value as GoldenSetFigures | undefined;
    }
  }
  const named = skipped.filter((s) => s[1] !== undefined);
  if (named.length > 0) {
    const names = named.map((s) => s[0]);
    problems.push({
      code: 'figures-skipped',
      severity: 'information',
      message: `EvalSpec stopped computing figures after ${budget.ms} ms; not computed this time: the ${names.join(', ')} figures. They are computed again on the next edit; the CLI computes them all.`,
      range: named[0]![1]!,
      data: { sections: names, budgetMs: budget.ms },
    });
  }
  return { ...sink.done(), goldenSet, problems };
}

function guardSection([section, anchor, compute]: Section, m: EvalSpecModel, sink: FigureSink, run: FigureRunner, problems: SpecDiagnostic[]): unknown {
  try {
    return run(section, m, sink, compute);
  } catch (e) {
    if (!(e instanceof RangeError) || !anchor) throw e;
    problems.push({ code: 'figure-unavailable', severity: 'warning', message: `EvalSpec cannot compute the ${section} figures from these values: ${e.message}`, range: anchor, data: { section } });
    return undefined;
  }
}
