// Rule: the ledger has its three priced rows but not the three failure modes. The seed prices router
// drift (a traffic shift), a silent quality regression (judge co-drift) and golden-set rot (a coverage
// gap); three rows of one kind are one failure mode priced three times. Fires only when enough rows
// are priced (ledger-too-few-rows covers the rest); the fix appends the seed's row for each missing
// kind, to be edited.
import { appendSeqItem } from './edits';
import { isPriced, ledgerFigureRows } from './ledgerRows';
import { ledgerRowTemplate, LEDGER_KINDS, seedLedgerIds, type LedgerKind } from './ledgerTooFewRows';
import type { Rule } from './rule';

const words: Record<LedgerKind, string> = { traffic_shift: 'router drift (traffic_shift)', quality_regression: 'a silent quality regression (quality_regression)', coverage_gap: 'golden-set rot (coverage_gap)' };

export const ledgerFailureModeMissing: Rule = {
  code: 'ledger-failure-mode-missing',
  section: 'ledger',
  defaultSeverity: 'warning',
  summary: 'The ledger prices enough rows but not all three failure modes (traffic_shift, quality_regression, coverage_gap).',
  check(ctx) {
    const l = ctx.model.ledger;
    if (!l) return [];
    const priced = ledgerFigureRows(ctx.figures.json).filter(isPriced);
    if (priced.length < ctx.settings.thresholds.minLedgerRows) return [];
    const kinds = new Set(priced.map((r) => r.kind));
    const missing = LEDGER_KINDS.filter((k) => !kinds.has(k));
    if (missing.length === 0) return [];
    const counts = [...kinds].map((k) => `${priced.filter((r) => r.kind === k).length} ${k}`).join(', ');
    return [{ range: l.keyRange, message: `The ledger prices ${priced.length} rows (${counts}) but not ${missing.map((k) => words[k]).join(' or ')}: rows of one kind price one failure mode several times. Price each of the three before sign-off.`, data: { missing } }];
  },
  fix(d, ctx) {
    const l = ctx.model.ledger;
    const missing = (d.data as { missing?: LedgerKind[] } | undefined)?.missing;
    if (!l || !missing?.length || l.node.kind !== 'seq') return [];
    const ids = new Set(l.rows.map((r) => r.id?.value).filter((x): x is string => !!x));
    // Several rows go in one edit at the same place, so they land in order.
    let text = '';
    let range;
    const added: string[] = [];
    for (const kind of missing) {
      let id = seedLedgerIds[kind];
      for (let n = 2; ids.has(id); n++) id = `${seedLedgerIds[kind]}-${n}`;
      ids.add(id);
      added.push(id);
      const e = appendSeqItem(ctx.parsed, l.node, ledgerRowTemplate(kind, id, ctx));
      if (!e) return [];
      range = e.range;
      text += e.newText;
    }
    return range ? [{ title: `Add the ${added.join(', ')} row${added.length === 1 ? '' : 's'} (the recommended values, to edit)`, edits: [{ range, newText: text }], isPreferred: true }] : [];
  },
};
