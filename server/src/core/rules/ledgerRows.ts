// What the ledger rules read from the computed ledger figures (figures.json['ledger']): which rows
// are priced and each row's detection-window sensitivities. Rules never recompute the money.

export interface LedgerFigureRow {
  id: string;
  kind?: string;
  overrunPerDay?: string;
  churnCostPerDay?: string;
  qualityOverstatedBy?: string;
  undefinedBecause?: string;
  sensitivity?: { from: string; to: string; ratio: string }[];
  /** Longest window against shortest: the row's detection-window sensitivity. */
  sensitivityOverall?: { from: string; to: string; ratio: string };
}

export function ledgerFigureRows(json: Record<string, unknown>): LedgerFigureRow[] {
  const rows = json['ledger'];
  return Array.isArray(rows) ? (rows as LedgerFigureRow[]) : [];
}

/** The row's price, as decimal text: overrun, churn cost or quality overstatement. */
function price(row: LedgerFigureRow): string | undefined {
  return row.overrunPerDay ?? row.churnCostPerDay ?? row.qualityOverstatedBy;
}

/**
 * A row is priced when its figure came out and is not zero: a row that prices to $0 (share 0, a
 * multiplier of 1, no churn) shows no failure mode, and its window ratios are ratios of zeros.
 */
export function isPriced(row: LedgerFigureRow): boolean {
  const p = price(row);
  return p !== undefined && Number(p) !== 0;
}

/** The row's figure came out but is zero. */
export function pricesToZero(row: LedgerFigureRow): boolean {
  const p = price(row);
  return p !== undefined && Number(p) === 0;
}
