// Rule: a `predicts` block names an online metric but no expected effect. The seed's bridge contract
// states, for every offline metric, which online outcome it should move *and by how much*; without the
// size, the first launches cannot confirm or refute it and the metric cannot be deprecated when it
// fails to correlate.
import { insertEntries } from './edits';
import type { Rule } from './rule';

export const metricExpectedEffectMissing: Rule = {
  code: 'metric-expected-effect-missing',
  section: 'metrics',
  defaultSeverity: 'warning',
  summary: 'A metric\'s predicts block names an online metric but no expected_effect.',
  check({ model }) {
    const out = [];
    for (const [i, m] of (model.metrics?.items ?? []).entries()) {
      const pr = m.predicts;
      if (!pr?.onlineMetric || pr.expectedEffect) continue;
      const id = m.id?.value ?? `metrics[${i}]`;
      out.push({ range: pr.keyRange, message: `Metric ${id} predicts ${pr.onlineMetric.value} but not by how much: state the expected effect (for example: "+1pp offline -> +0.5pp online") so the first launches can confirm the bridge or flag ${id} as a vanity metric.`, data: { metric: id } });
    }
    return out;
  },
  fix(d, { model, parsed }) {
    const id = (d.data as { metric?: string } | undefined)?.metric;
    const m = model.metrics?.items.find((x, i) => (x.id?.value ?? `metrics[${i}]`) === id);
    const pr = m?.predicts;
    if (!pr?.onlineMetric) return [];
    const edit = insertEntries(parsed, pr.node, [{ key: 'expected_effect', value: `"+1pp offline -> +0.5pp ${pr.onlineMetric.value.replace(/["\\]/g, '')}"`, comment: 'edit: the effect you expect' }]);
    return edit ? [{ title: `Add expected_effect: "+1pp offline -> +0.5pp ${pr.onlineMetric.value}" (edit to your estimate)`, edits: [edit], isPreferred: true }] : [];
  },
};
