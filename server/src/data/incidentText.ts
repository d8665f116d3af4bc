// The incident's money as text: one place that turns the panel model's incident figures into table
// rows and sentences, so the panel, `evalspec report`, `evalspec check` and the Problems panel say
// the same thing. No imports: the webview bundles it.

export interface MoneyValue {
  /** Dollars as a double (drawing), and the core's exact decimal text. */
  value: number;
  usd: string;
}

export interface IncidentFigurePanel {
  /** The share of traffic shifted, as a fraction, when the figure prices a shift. */
  share: number | null;
  overrunPerDay: MoneyValue;
  windows: { window: string; cost: MoneyValue }[];
}

export interface IncidentLedgerRowPanel {
  ledgerId: string;
  basis: string;
  declared: IncidentFigurePanel | null;
  observed: IncidentFigurePanel | null;
  router: IncidentFigurePanel | null;
  /** Why a figure is missing, in the order declared, observed, router. */
  reasons: string[];
  disagreement: { ratio: number; tolerance: number; exceeds: boolean } | null;
}

export interface IncidentMoneyPanel {
  scale: { factor: number; exact: string; source: 'sample_rate' | 'qps'; statement: string } | null;
  scaleReason: string | null;
  costSoFarScaled: MoneyValue | null;
  tolerance: number;
  rows: IncidentLedgerRowPanel[];
}

const usd0 = (v: MoneyValue): string => `$${v.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The table rows of the incident's money: one line per figure of each ledger row (label, basis, per day, each window). */
export function incidentMoneyRows(m: IncidentMoneyPanel): { header: string[]; rows: string[][] } {
  const windows = [...new Set(m.rows.flatMap((r) => [r.declared, r.observed, r.router].flatMap((f) => f?.windows.map((w) => w.window) ?? [])))];
  const rows: string[][] = [];
  for (const r of m.rows) {
    const line = (label: string, basis: string, f: IncidentFigurePanel | null): void => {
      if (!f) return;
      rows.push([label, basis, usd0(f.overrunPerDay), ...windows.map((w) => {
        const x = f.windows.find((y) => y.window === w);
        return x ? usd0(x.cost) : '—';
      })]);
    };
    const pct = (x: number | null): string => (x === null ? '' : ` ${(x * 100).toFixed(1)}% to flagship`);
    line(`ledger ${r.ledgerId} as written${pct(r.declared?.share ?? null)}`, r.basis, r.declared);
    line(`this log on the ledger's basis${pct(r.observed?.share ?? null)}`, r.basis, r.observed);
    line('this log at the router\'s prices', `router tier prices (log spend ${m.scale ? m.scale.statement.split(' = ')[0] : ''})`, r.router);
  }
  return { header: ['figure', 'price basis', 'per day', ...windows.map((w) => `detected after ${w}`)], rows };
}

/** One sentence per ledger row whose two price bases disagree by more than the tolerance. */
export function basisDisagreements(m: IncidentMoneyPanel): { ledgerId: string; ratio: number; tolerance: number; message: string }[] {
  return m.rows.flatMap((r) => {
    if (!r.disagreement?.exceeds || !r.router || !r.observed) return [];
    const d = r.disagreement;
    return [{
      ledgerId: r.ledgerId,
      ratio: d.ratio,
      tolerance: d.tolerance,
      message: `The router incident priced at the router's tier prices (${usd0(r.router.overrunPerDay)}/day: the log's spend scaled ${m.scale?.statement ?? ''}) and on ledger row ${r.ledgerId}'s basis (${r.basis}: ${usd0(r.observed.overrunPerDay)}/day) differ by ${(d.ratio * 100).toFixed(1)}%, more than ${(d.tolerance * 100).toFixed(0)}%: the ledger's traffic price or cost_multiplier does not match what the tiers cost.`,
    }];
  });
}

/** The scaled cost so far, for the alert message: "$685,627.50 at the declared traffic (×50,000 …)", or the log's own dollars and why. */
export function costSoFarSentence(m: IncidentMoneyPanel | null, logCost: number | null): string {
  if (m?.costSoFarScaled && m.scale) {
    const first = m.rows.find((r) => r.observed);
    const ledger = first?.observed ? `; on ledger row ${first.ledgerId}'s basis it runs ${usd0(first.observed.overrunPerDay)} a day` : '';
    return ` At the declared traffic (scaled ${m.scale.statement}) the incident has cost ${usd0(m.costSoFarScaled)} over baseline so far${ledger}.`;
  }
  if (logCost === null) return '';
  return ` The incident has cost $${logCost.toFixed(2)} over baseline so far in the log itself${m?.scaleReason ? ` (not scaled: ${m.scaleReason})` : ''}.`;
}
