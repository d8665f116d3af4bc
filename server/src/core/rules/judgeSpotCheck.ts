// Rule: an LLM judge without a rolling spot-check, or with one that cannot show drift on today's
// traffic. The seed tracks Spearman ρ between the judge and a human-labelled spot-check sample of
// 50–100 items drawn from the current week's production traffic, not the original calibration set,
// monthly at minimum and weekly during active training runs. A calibration set drawn once goes stale
// as traffic shifts (ρ fell from 0.85 to 0.62 in six months in the seed) while nobody re-runs it.
import { insertEntries, replaceNode, type YamlEntry } from './edits';
import { isPolicy, policyOrder } from './refreshPolicy';
import type { SpotCheckModel } from '../model/practiceReaders';
import type { Rule, RuleContext, RuleFinding } from './rule';

export const SPOT_CHECK_MIN_EXAMPLES = 50;
export const SPOT_CHECK_EXAMPLES = 100;
export const SPOT_CHECK_WINDOW_DAYS = 7;

export type JudgeSpotCheckData =
  | { kind: 'missing' }
  | { kind: 'keys'; missing: ('window_days' | 'every' | 'during_training')[] }
  | { kind: 'value'; key: 'examples' | 'window_days' | 'every' | 'during_training'; recommended: string }
  | { kind: 'same-data' };

function rarer(policy: string, than: string): boolean {
  return isPolicy(policy) && policyOrder.indexOf(policy) > policyOrder.indexOf(than as (typeof policyOrder)[number]);
}

const seedEntries = (): YamlEntry[] => [
  { key: 'examples', value: String(SPOT_CHECK_EXAMPLES), comment: '50–100 items' },
  { key: 'window_days', value: String(SPOT_CHECK_WINDOW_DAYS), comment: "drawn from the current week's traffic" },
  { key: 'every', value: 'monthly' },
  { key: 'during_training', value: 'weekly' },
];

function valueFindings(s: SpotCheckModel, calibrationData: string | undefined): RuleFinding[] {
  const out: RuleFinding[] = [];
  const e = s.examples;
  if (e && e.value < SPOT_CHECK_MIN_EXAMPLES) {
    out.push({ range: e.range, message: `A spot-check of ${e.raw} items is too few to read ρ from: a spot-check labels 50–100 items from the current week's traffic each time.`, data: { kind: 'value', key: 'examples', recommended: String(SPOT_CHECK_MIN_EXAMPLES) } satisfies JudgeSpotCheckData });
  }
  const w = s.windowDays;
  if (w && w.value > SPOT_CHECK_WINDOW_DAYS) {
    out.push({ range: w.range, message: `Items drawn from the last ${w.raw} days are not the current week's traffic: a drift that began this week is diluted by ${w.value - SPOT_CHECK_WINDOW_DAYS} older days. Draw from the last ${SPOT_CHECK_WINDOW_DAYS}.`, data: { kind: 'value', key: 'window_days', recommended: String(SPOT_CHECK_WINDOW_DAYS) } satisfies JudgeSpotCheckData });
  }
  if (s.every && rarer(s.every.value, 'monthly')) {
    out.push({ range: s.every.range, message: `A ${s.every.value} spot-check lets judge drift run for months before anyone sees ρ fall: spot-check monthly at minimum.`, data: { kind: 'value', key: 'every', recommended: 'monthly' } satisfies JudgeSpotCheckData });
  }
  if (s.duringTraining && rarer(s.duringTraining.value, 'weekly')) {
    out.push({ range: s.duringTraining.range, message: `A ${s.duringTraining.value} spot-check during active training misses the checkpoints that change the model's style week by week: spot-check weekly during training runs.`, data: { kind: 'value', key: 'during_training', recommended: 'weekly' } satisfies JudgeSpotCheckData });
  }
  if (s.data && calibrationData !== undefined && s.data.value.trim().replace(/^\.\//, '') === calibrationData.trim().replace(/^\.\//, '')) {
    out.push({ range: s.data.range, message: `The spot-check reads the calibration set itself (${s.data.value}): a judge tuned on those items agrees with them whatever this week's traffic looks like. Label fresh items from the current week's traffic into a file of their own.`, data: { kind: 'same-data' } satisfies JudgeSpotCheckData });
  }
  return out;
}

export const judgeSpotCheck: Rule = {
  code: 'judge-spot-check',
  section: 'judge',
  defaultSeverity: 'warning',
  summary: "A calibrated LLM judge has no rolling spot-check of 50–100 items from the current week's traffic (monthly; weekly during training), or its spot-check is too small, too old, too rare or the calibration set itself.",
  check({ model }) {
    const j = model.judge;
    const cal = j?.calibration;
    if (!j || !cal || j.kind?.value === 'embedding') return [];
    const s = cal.spotCheck;
    if (!s) {
      if (cal.node.kind === 'map' && cal.node.entries.some((e) => e.key === 'spot_check')) return []; // invalid: the schema reports it
      return [{ range: cal.keyRange, message: "No rolling spot-check: the calibration set was drawn once, and as traffic shifts the judge's agreement with humans can fall (0.85 to 0.62 in six months in one reported case) without anyone re-running ρ. Label 50–100 items from the current week's traffic monthly, weekly during active training (calibration.spot_check).", data: { kind: 'missing' } satisfies JudgeSpotCheckData }];
    }
    const out = valueFindings(s, cal.data?.value);
    const missing = (['window_days', 'every', 'during_training'] as const).filter((k) => !(s.node.kind === 'map' && s.node.entries.some((e) => e.key === k)));
    if (missing.length > 0) {
      const words = { window_days: "where the items come from (the current week's traffic: window_days: 7)", every: 'how often it runs (monthly at minimum)', during_training: 'how often during active training runs (weekly)' };
      out.push({ range: s.keyRange, message: `The spot-check does not say ${missing.map((k) => words[k]).join(', nor ')}.`, data: { kind: 'keys', missing: [...missing] } satisfies JudgeSpotCheckData });
    }
    return out;
  },
  fix(d, ctx: RuleContext) {
    const cal = ctx.model.judge?.calibration;
    const data = d.data as JudgeSpotCheckData | undefined;
    if (!cal || !data) return [];
    if (data.kind === 'missing') {
      const edit = insertEntries(ctx.parsed, cal.node, [{ key: 'spot_check', value: seedEntries() }]);
      return edit ? [{ title: "Add a monthly spot-check of 100 items from the current week's traffic", edits: [edit], isPreferred: true }] : [];
    }
    const s = cal.spotCheck;
    if (!s) return [];
    if (data.kind === 'keys') {
      const edit = insertEntries(ctx.parsed, s.node, seedEntries().filter((e) => (data.missing as string[]).includes(e.key)));
      return edit ? [{ title: `Add ${data.missing.join(', ')} (the recommended values)`, edits: [edit], isPreferred: true }] : [];
    }
    if (data.kind === 'value') {
      const l = data.key === 'examples' ? s.examples : data.key === 'window_days' ? s.windowDays : data.key === 'every' ? s.every : s.duringTraining;
      return l ? [{ title: `Set ${data.key} to ${data.recommended}`, edits: [replaceNode(ctx.parsed, l.node, data.recommended)], isPreferred: true }] : [];
    }
    return [];
  },
};
