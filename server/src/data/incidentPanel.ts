// The core's IncidentMoney (core/reports/incidentMoney.ts) as the panel model's plain figures
// (types and sentences in incidentText.ts, which the webview also imports).
import type { IncidentMoney, IncidentMoneyFigure, LedgerIncidentMoney, ScaleFactor } from '../core/reports';
import type { Defined } from '../core/types';
import type { IncidentFigurePanel, IncidentLedgerRowPanel, IncidentMoneyPanel, MoneyValue } from './incidentText';

function mv(usd: string): MoneyValue {
  return { value: Number(usd), usd };
}

function fig(f: Defined<IncidentMoneyFigure>): IncidentFigurePanel | null {
  if (!f.defined) return null;
  return { share: f.value.share === undefined ? null : Number(f.value.share), overrunPerDay: mv(f.value.overrunPerDay.usd), windows: f.value.windows.map((w) => ({ window: w.window, cost: mv(w.cost.usd) })) };
}

const count = (n: number | null): string => (n === null ? '—' : Math.round(n).toLocaleString('en-US'));

/** "×50,000 = 1 ÷ router.sample_rate 0.00002" or "×49,871 = traffic.qps's 86,400,000 requests a day ÷ 1,732.4 logged a day". */
export function scaleStatement(s: ScaleFactor): string {
  const f = s.factorValue >= 100 ? Math.round(s.factorValue).toLocaleString('en-US') : Number(s.factorValue.toPrecision(6)).toLocaleString('en-US');
  if (s.source === 'sample_rate') {
    const check = s.loggedVsDeclared === null ? '' : `; the log holds ${count(s.loggedPerDay)} requests a day, ${(s.loggedVsDeclared * 100).toFixed(1)}% of qps × sample_rate`;
    return `×${f} = 1 ÷ router.sample_rate ${s.sampleRate}${check}`;
  }
  return `×${f} = traffic.qps's ${count(s.declaredPerDay)} requests a day ÷ ${s.loggedPerDay === null ? '—' : s.loggedPerDay.toLocaleString('en-US', { maximumFractionDigits: 1 })} logged a day`;
}

function row(r: LedgerIncidentMoney): IncidentLedgerRowPanel {
  const reasons = [r.declared, r.observed, r.router].flatMap((f) => (f.defined ? [] : [f.reason]));
  return { ledgerId: r.ledgerId, basis: r.basis, declared: fig(r.declared), observed: fig(r.observed), router: fig(r.router), reasons, disagreement: r.disagreement.defined ? r.disagreement.value : null };
}

export function incidentMoneyPanel(m: Defined<IncidentMoney>): IncidentMoneyPanel | null {
  if (!m.defined) return null;
  const s = m.value.scale;
  return {
    scale: s.defined ? { factor: s.value.factorValue, exact: s.value.factor, source: s.value.source, statement: scaleStatement(s.value) } : null,
    scaleReason: s.defined ? null : s.reason,
    costSoFarScaled: m.value.extraSpendScaled.defined ? mv(m.value.extraSpendScaled.value.usd) : null,
    tolerance: m.value.tolerance,
    rows: m.value.rows.map(row),
  };
}

