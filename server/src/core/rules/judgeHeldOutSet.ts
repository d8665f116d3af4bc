// Rule: an LLM judge that is calibrated but keeps no held-out validation set from about six months
// earlier, or keeps one that is too recent. The seed: a prompt update that fixes calibration on the
// newest traffic can over-fit it and degrade older slices, so every updated judge is also checked on
// a set from six months ago.
import { insertEntries } from './edits';
import { daysBetween } from './refreshPolicy';
import type { Rule } from './rule';

/** "About six months": younger than this many days is too recent to show an over-fit to new traffic. */
export const HELD_OUT_MIN_AGE_DAYS = 150;
/** The age the fix proposes: six months. */
const HELD_OUT_AGE_DAYS = 182;

export interface JudgeHeldOutSetData {
  kind: 'missing' | 'recent';
  /** Age in days of a declared set (negative: dated in the future). */
  ageDays?: number;
  /** The date the fix proposes for a new set: six months before today. */
  proposedSampledOn: string;
  examples: number;
}

function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export const judgeHeldOutSet: Rule = {
  code: 'judge-held-out-set',
  section: 'judge',
  defaultSeverity: 'warning',
  summary: 'A calibrated LLM judge keeps no held-out validation set from about six months earlier, or its held-out set is too recent.',
  check({ model, today }) {
    const j = model.judge;
    const cal = j?.calibration;
    if (!j || !cal || j.kind?.value === 'embedding') return [];
    const proposedSampledOn = daysBefore(today, HELD_OUT_AGE_DAYS);
    const examples = cal.examples?.value ?? 50;
    const h = cal.heldOut;
    if (!h) {
      if (cal.node.kind === 'map' && cal.node.entries.some((e) => e.key === 'held_out')) return []; // invalid: the schema reports it
      const data: JudgeHeldOutSetData = { kind: 'missing', proposedSampledOn, examples };
      return [{ range: cal.keyRange, message: 'No held-out validation set: a judge prompt tuned to fix calibration on the newest traffic can over-fit it and get worse on older slices, and nothing here would show it. Keep human-labelled examples from about six months ago (calibration.held_out) and check every updated judge on them.', data }];
    }
    const age = h.sampledOn && daysBetween(h.sampledOn.value, today);
    if (!h.sampledOn || age === undefined || age >= HELD_OUT_MIN_AGE_DAYS) return [];
    const data: JudgeHeldOutSetData = { kind: 'recent', ageDays: age, proposedSampledOn, examples };
    const when = age < 0 ? `is dated ${-age} days in the future` : `is only ${age} days old`;
    return [{ range: h.sampledOn.range, message: `The held-out set sampled on ${h.sampledOn.value} ${when}: it shares the recent traffic a prompt update is tuned on, so it cannot show a regression on older slices. Keep one from about six months (${HELD_OUT_MIN_AGE_DAYS}+ days) earlier.`, data }];
  },
  fix(d, { model, parsed }) {
    const data = d.data as JudgeHeldOutSetData | undefined;
    const cal = model.judge?.calibration;
    if (!data || data.kind !== 'missing' || !cal) return [];
    const edit = insertEntries(parsed, cal.node, [{ key: 'held_out', value: [{ key: 'sampled_on', value: data.proposedSampledOn, comment: 'about six months ago' }, { key: 'examples', value: String(data.examples) }] }]);
    return edit ? [{ title: `Keep a held-out set from six months ago (${data.proposedSampledOn})`, edits: [edit] }] : [];
  },
};
