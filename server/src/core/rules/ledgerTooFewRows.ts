// Rule: fewer than three priced ledger rows. The seed: reliability is a dollar number, and every
// design review prices three failure modes before sign-off — router drift (a traffic shift to the
// flagship), a silent quality regression through judge co-drift, and golden-set rot. A row that
// cannot be priced (no baseline traffic, no sessions per day) does not count.
import { specAnchor } from './common';
import { appendSeqItem, appendTopLevel, blockSeqItem, type YamlEntry } from './edits';
import { isPriced, ledgerFigureRows, pricesToZero } from './ledgerRows';
import type { Rule, RuleContext } from './rule';

export interface LedgerTooFewRowsData {
  priced: number;
  rows: number;
  min: number;
  /** Ids of rows that are there but unpriced, with the reason when the figures give one. */
  unpriced: { id: string; reason?: string }[];
}

export type LedgerKind = 'traffic_shift' | 'quality_regression' | 'coverage_gap';
type Kind = LedgerKind;
export const LEDGER_KINDS: readonly LedgerKind[] = ['traffic_shift', 'quality_regression', 'coverage_gap'];

/** The seed's three rows, adapted: values are the seed's worked example, to be edited. */
export function ledgerRowTemplate(kind: Kind, id: string, ctx: RuleContext): YamlEntry[] {
  switch (kind) {
    case 'traffic_shift':
      return [
        { key: 'id', value: id },
        { key: 'kind', value: 'traffic_shift' },
        { key: 'description', value: '"Router drift: 20% of traffic moves to a flagship that costs 10x."', comment: 'edit: your router-drift scenario' },
        { key: 'share', value: '0.20' },
        { key: 'cost_multiplier', value: '10' },
        { key: 'detection', value: ['5m', '4h', '24h'] },
      ];
    case 'quality_regression': {
      const t = ctx.model.traffic;
      const known = t?.sessionsPerDay || (t?.qps && t.requestsPerSession);
      return [
        { key: 'id', value: id },
        { key: 'kind', value: 'quality_regression' },
        { key: 'description', value: '"Judge and production model upgraded together hide a regression on one cohort."', comment: 'edit: your co-drift scenario' },
        { key: 'cohort_share', value: '0.15' },
        { key: 'abandonment_increase', value: '0.12' },
        { key: 'value_per_session', value: '0.10', comment: 'placeholder: your lifetime value per session' },
        ...(known ? [] : [{ key: 'sessions_per_day', value: '86400', comment: 'placeholder: your sessions per day' }]),
        { key: 'detection', value: ['7d', '30d'] },
      ];
    }
    case 'coverage_gap':
      return [
        { key: 'id', value: id },
        { key: 'kind', value: 'coverage_gap' },
        { key: 'description', value: '"A new capability is 20% of traffic and absent from the golden set."', comment: 'edit: your golden-set rot scenario' },
        { key: 'uncovered_share', value: '0.20' },
        { key: 'pass_rate_gap', value: '0.15' },
      ];
  }
}

export const seedLedgerIds: Record<Kind, string> = { traffic_shift: 'router-drift', quality_regression: 'judge-co-drift', coverage_gap: 'golden-set-rot' };

export const ledgerTooFewRows: Rule = {
  code: 'ledger-too-few-rows',
  section: 'ledger',
  defaultSeverity: 'warning',
  summary: 'The incident-cost ledger has fewer than three priced rows.',
  check(ctx) {
    const min = ctx.settings.thresholds.minLedgerRows;
    const rows = ledgerFigureRows(ctx.figures.json);
    const l = ctx.model.ledger;
    if (!l && ctx.model.root.kind === 'map' && ctx.model.root.entries.some((e) => e.key === 'ledger')) return [];
    const priced = rows.filter(isPriced).length;
    if (priced >= min) return [];
    const unpriced = rows.filter((r) => !isPriced(r)).map((r) => ({ id: r.id, reason: r.undefinedBecause ?? (pricesToZero(r) ? 'it prices to $0, so it shows no failure' : undefined) }));
    const data: LedgerTooFewRowsData = { priced, rows: l?.rows.length ?? 0, min, unpriced };
    const why = unpriced.filter((u) => u.reason).map((u) => `${u.id}: ${u.reason}`);
    const message = l
      ? `The ledger prices ${priced} of the ${min} failure modes a review should price (${min - priced} short${unpriced.length ? `; ${unpriced.length} row${unpriced.length === 1 ? '' : 's'} cannot be priced yet` : ''})${why.length ? ` — ${why.join('; ')}` : ''}. Price router drift, a silent quality regression and golden-set rot in dollars before sign-off.`
      : `The spec has no incident-cost ledger (0 of ${min} priced rows): price router drift, a silent quality regression and golden-set rot in dollars, so the review sees what a bad day costs.`;
    return [{ range: l?.keyRange ?? specAnchor(ctx), message, data }];
  },
  fix(d, ctx) {
    const data = d.data as LedgerTooFewRowsData | undefined;
    if (!data) return [];
    const rows = ctx.model.ledger?.rows ?? [];
    const ids = new Set(rows.map((r) => r.id?.value).filter((x): x is string => !!x));
    const pricedKinds = new Set(ledgerFigureRows(ctx.figures.json).filter(isPriced).map((r) => r.kind));
    const order: Kind[] = ['traffic_shift', 'quality_regression', 'coverage_gap'];
    const need = data.min - data.priced;
    const kinds = [...order.filter((k) => !pricedKinds.has(k)), ...order.filter((k) => pricedKinds.has(k))];
    const chosen: { kind: Kind; id: string }[] = [];
    for (let i = 0; chosen.length < need && i < need + order.length; i++) {
      const kind = kinds[i % kinds.length]!;
      let id = seedLedgerIds[kind];
      for (let n = 2; ids.has(id); n++) id = `${seedLedgerIds[kind]}-${n}`;
      ids.add(id);
      chosen.push({ kind, id });
    }
    const items = chosen.map((c) => ledgerRowTemplate(c.kind, c.id, ctx));
    const title = `Add ${chosen.length} ledger row${chosen.length === 1 ? '' : 's'} from the recommended templates (${chosen.map((c) => c.id).join(', ')})`;
    const l = ctx.model.ledger;
    if (l && l.node.kind === 'seq' && l.node.items.length > 0) {
      const edits = [];
      // Several rows go in one edit at the same place, so they land in order.
      let text = '';
      let range;
      for (const it of items) {
        const e = appendSeqItem(ctx.parsed, l.node, it);
        if (!e) return [];
        range = e.range;
        text += e.newText;
      }
      if (range) edits.push({ range, newText: text });
      return [{ title, edits, isPreferred: true }];
    }
    if (!l) {
      const yaml = `ledger:\n${items.flatMap((it) => blockSeqItem(it).map((line) => `  ${line}`)).join('\n')}\n`;
      return [{ title, edits: [appendTopLevel(ctx.parsed, yaml)], isPreferred: true }];
    }
    return [];
  },
};
