// Rule: the golden set says nothing about re-sampling before a major eval, or re-samples from a window
// wider than a week. The seed's fix for an eval that is greener than production (a golden set drawn
// where the old model was already strong): re-sample from the most recent 7 days of traffic before
// each major eval.
import { insertEntries, replaceNode } from './edits';
import type { Rule } from './rule';

export const RESAMPLE_DAYS = 7;

export interface GoldenSetResampleWindowData {
  kind: 'missing' | 'wide';
  days?: number;
}

export const goldenSetResampleWindow: Rule = {
  code: 'golden-set-resample-window',
  section: 'golden_set',
  defaultSeverity: 'information',
  summary: 'The golden set is not re-sampled from the last 7 days of traffic before each major eval.',
  check({ model }) {
    const g = model.goldenSet;
    if (!g) return [];
    const r = g.resampleDays;
    if (!r) {
      // Present but invalid: the schema reports it.
      if (g.node.kind === 'map' && g.node.entries.some((e) => e.key === 'resample_days')) return [];
      const data: GoldenSetResampleWindowData = { kind: 'missing' };
      return [{ range: g.keyRange, message: `No re-sample window: before each major eval, re-sample the golden set from the last ${RESAMPLE_DAYS} days of production traffic (resample_days: ${RESAMPLE_DAYS}), or it drifts towards cases the old model already handles and reports wins users never feel.`, data }];
    }
    if (r.value <= RESAMPLE_DAYS) return [];
    const data: GoldenSetResampleWindowData = { kind: 'wide', days: r.value };
    return [{ range: r.range, message: `Re-sampling from the last ${r.value} days mixes in traffic up to ${r.value - RESAMPLE_DAYS} days older than the recommended ${RESAMPLE_DAYS}-day window: the set lags the traffic the new model will meet.`, data }];
  },
  fix(d, { model, parsed }) {
    const data = d.data as GoldenSetResampleWindowData | undefined;
    const g = model.goldenSet;
    if (!data || !g) return [];
    if (data.kind === 'wide' && g.resampleDays) return [{ title: `Re-sample from the last ${RESAMPLE_DAYS} days`, edits: [replaceNode(parsed, g.resampleDays.node, String(RESAMPLE_DAYS))], isPreferred: true }];
    const edit = insertEntries(parsed, g.node, [{ key: 'resample_days', value: String(RESAMPLE_DAYS), comment: 're-sample from the last week before each major eval' }]);
    return edit ? [{ title: `Re-sample from the last ${RESAMPLE_DAYS} days before each major eval`, edits: [edit], isPreferred: true }] : [];
  },
};
