// How sizing figures name methods and half-widths in hints, hovers and messages.
import { formatNumber, formatPp } from '../format';
import type { IntervalMethod, SizedMetric } from './cells';

export const methodName: Record<IntervalMethod, string> = { wald: 'Wald', wilson: 'Wilson', exact: 'Clopper-Pearson' };

/** "±2 pp" for a proportion, "±0.08 points" for a mean on its scale (h a fraction of the scale). */
export function halfWidthText(cell: { metric: Pick<SizedMetric, 'kind' | 'scale'> }, h: number, digits = 1): string {
  if (cell.metric.kind === 'mean') {
    const s = cell.metric.scale ?? [0, 1];
    return `±${formatNumber(h * (s[1] - s[0]), 3)} points`;
  }
  return `±${formatPp(h, digits)}`;
}
