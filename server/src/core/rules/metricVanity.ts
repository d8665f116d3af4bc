// Rule: an offline metric whose measured correlation with its online metric stays weak over the
// launches measured. The seed: every offline metric should predict an online outcome; measure the
// correlation over the first N launches, and deprecate the metrics that do not correlate (vanity
// metrics). "Weak" is r < 0.3; the message gives the Fisher-z 95% interval at the launches measured,
// since a handful of launches cannot rule much out.
import { correlationCi } from '../stats';
import type { Rule } from './rule';

export const WEAK_CORRELATION = 0.3;
/** Fewer launches than this and the Fisher-z interval (n − 3) is not defined or says nothing. */
export const MIN_LAUNCHES = 5;

export interface MetricVanityData {
  metric: string;
  correlation: number;
  launches: number;
  ci95?: [number, number];
}

export const metricVanity: Rule = {
  code: 'metric-vanity',
  section: 'metrics',
  defaultSeverity: 'warning',
  summary: 'An offline metric whose measured correlation with its online metric stays below 0.3 (a vanity metric).',
  check({ model }) {
    const out = [];
    for (const m of model.metrics?.items ?? []) {
      const b = m.predicts?.measured;
      const r = b?.correlation;
      const n = b?.launches;
      if (!b || !r || !n || n.value < MIN_LAUNCHES || !(r.value < WEAK_CORRELATION)) continue;
      const ci = correlationCi('pearson', r.value, n.value, 0.95);
      const ci95: [number, number] | undefined = ci.defined ? [ci.value.lower, ci.value.upper] : undefined;
      const name = m.id?.value ?? 'this metric';
      const online = m.predicts?.onlineMetric?.value ?? 'its online metric';
      const data: MetricVanityData = { metric: name, correlation: r.value, launches: n.value, ci95 };
      const interval = ci95 ? ` (95% interval [${ci95[0].toFixed(2)}, ${ci95[1].toFixed(2)}])` : '';
      out.push({ range: r.range, message: `${name} correlates r = ${r.raw} with ${online} over ${n.value} launches${interval}: below ${WEAK_CORRELATION}, it does not predict the online outcome, so it is a vanity metric. Deprecate it or replace it with one that moves with ${online}.`, data });
    }
    return out;
  },
};
