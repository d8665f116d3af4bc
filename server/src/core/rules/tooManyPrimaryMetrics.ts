// Rule: more than two primary metrics. The seed's first question of an eval spec is "what are we
// measuring?" and its answer is one or two primary metrics, not ten: every primary metric gates
// launches and sizes the golden set, so each extra one dilutes the decision and multiplies the labels.
import { replaceNode } from './edits';
import type { Rule } from './rule';
import { clipName, listNames } from '../text/bounded';

export interface TooManyPrimaryMetricsData {
  /** Primary metrics in the spec. */
  count: number;
  max: number;
  /** The metric this diagnostic is on (one of those past the limit). */
  metric: string;
}

export const tooManyPrimaryMetrics: Rule = {
  code: 'too-many-primary-metrics',
  section: 'metrics',
  defaultSeverity: 'warning',
  summary: 'More primary metrics than the limit (two): each one gates launches and sizes the golden set.',
  check({ model, settings }) {
    const max = settings.thresholds.maxPrimaryMetrics;
    const primary = (model.metrics?.items ?? []).filter((m) => m.primary?.value === true);
    if (primary.length <= max) return [];
    const ids = primary.map((m, i) => m.id?.value ?? `metrics[${i}]`);
    return primary.slice(max).map((m, i) => {
      const id = ids[max + i]!;
      const data: TooManyPrimaryMetricsData = { count: primary.length, max, metric: id };
      return {
        range: m.primary!.range,
        message: `${primary.length} primary metrics (${listNames(ids, { clip: true })}), ${primary.length - max} more than the ${max} a spec should gate on: ${clipName(id)} is past the limit. Keep one or two primary metrics and make the rest secondary.`,
        data,
      };
    });
  },
  fix(d, { model, parsed }) {
    const data = d.data as TooManyPrimaryMetricsData | undefined;
    const m = model.metrics?.items.find((x) => x.id?.value === data?.metric && x.primary?.value === true);
    if (!m?.primary) return [];
    return [{ title: `Make ${data!.metric} a secondary metric (primary: false)`, edits: [replaceNode(parsed, m.primary.node, 'false')] }];
  },
};
