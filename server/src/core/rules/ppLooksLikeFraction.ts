// Rule: a percentage-point key holding what looks like a fraction. Keys ending `_pp` take percentage
// points (`3` means 3 pp); `0.03` there means three hundredths of a point, a threshold nothing real
// ever stays under, so an alert fires on noise or a gate never passes.
import { exactDecimalString } from '../costs';
import { exact } from './common';
import { replaceNode } from './edits';
import type { Located } from '../model/read';
import type { Rule } from './rule';

export interface PpLooksLikeFractionData {
  key: string;
  raw: string;
  /** The value read as a fraction, in pp. */
  asPp: string;
}

/** Below this many pp a `_pp` value reads as a fraction written in the wrong unit. */
const FRACTION_LIKE = 0.1;

export const ppLooksLikeFraction: Rule = {
  code: 'pp-looks-like-fraction',
  section: 'router',
  defaultSeverity: 'warning',
  summary: 'A percentage-point key (…_pp) holds a value below 0.1, which reads like a fraction.',
  check({ model }) {
    const r = model.router;
    const cands: [string, Located<number> | undefined][] = [
      ['flagship_share_over_baseline_pp', r?.alerts?.flagshipShareOverBaselinePp],
      ['max_share_shift_pp', r?.canary?.maxShareShiftPp],
      ['max_quality_delta_pp', r?.canary?.maxQualityDeltaPp],
      ['quality_delta_pp', r?.alerts?.shadowJudge?.qualityDeltaPp],
    ];
    const out = [];
    for (const [key, l] of cands) {
      if (!l || l.value <= 0 || l.value >= FRACTION_LIKE) continue;
      const asPp = exactDecimalString(exact(l).times(100));
      const data: PpLooksLikeFractionData = { key, raw: l.raw, asPp };
      out.push({ range: l.range, message: `${key} is ${l.raw} pp, 100× smaller than ${asPp} pp: keys ending _pp take percentage points, so if you meant ${asPp} pp write ${asPp}.`, data });
    }
    return out;
  },
  fix(d, { parsed, model }) {
    const data = d.data as PpLooksLikeFractionData | undefined;
    const r = model.router;
    const l = data?.key === 'flagship_share_over_baseline_pp' ? r?.alerts?.flagshipShareOverBaselinePp : data?.key === 'max_share_shift_pp' ? r?.canary?.maxShareShiftPp : data?.key === 'quality_delta_pp' ? r?.alerts?.shadowJudge?.qualityDeltaPp : r?.canary?.maxQualityDeltaPp;
    if (!l || !data) return [];
    return [{ title: `Write ${data.asPp} pp (${data.key}: ${data.asPp})`, edits: [replaceNode(parsed, l.node, data.asPp)], isPreferred: true }];
  },
};

