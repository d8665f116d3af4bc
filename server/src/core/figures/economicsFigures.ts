// The three cost metrics side by side (unit cost, cost of a bad day, cost per user retained at 90
// days) and shared-cluster attribution (eval vs production cost per tenant, KV-cache quota check).
import Decimal from 'decimal.js';
import {
  boundedDecimalString,
  formatSharePercent,
  formatUsd,
  kvCacheQuotaProtectsProduction,
  tenantEvalCost,
  threeCostMetrics,
  type PricedLedgerRow,
} from '../costs';
import type { EvalSpecModel } from '../model/spec';
import { baselineOf } from './costFigures';
import { exactInput } from './format';
import type { FigureSink } from './types';

// JSON decimals: exact to the last digit, except a quotient that does not terminate (12 significant digits).
const ex = boundedDecimalString;

export function costMetricsFigures(m: EvalSpecModel, out: FigureSink): void {
  const router = out.json['router'] as { blendedPricePer1M?: string; blendedDailyCost?: string } | undefined;
  const baseline = baselineOf(m);
  const unit = router?.blendedPricePer1M ?? (m.traffic?.pricePer1mOutputTokens ? String(exactInput(m.traffic.pricePer1mOutputTokens)) : undefined);
  const daily = router?.blendedDailyCost ?? (baseline ? ex(baseline) : undefined);
  if (unit === undefined || daily === undefined) return;
  const ledger = (out.json['ledger'] as { id: string; overrunPerDay?: string; churnCostPerDay?: string }[] | undefined) ?? [];
  const rows: PricedLedgerRow[] = ledger.flatMap((r) => {
    const c = r.overrunPerDay ?? r.churnCostPerDay;
    return c === undefined ? [] : [{ id: r.id, costPerDay: c }];
  });
  const users = m.retention?.usersRetained90d;
  const t = threeCostMetrics({ unitCostPer1M: unit, dailyCost: daily, ledger: rows, retainedUsers90d: users ? exactInput(users) : undefined });
  out.json['costMetrics'] = {
    unitCostPer1M: ex(t.unitCostPer1M),
    costOfBadDay: t.costOfBadDay.defined ? { rowId: t.costOfBadDay.value.rowId, cost: ex(t.costOfBadDay.value.cost) } : { undefinedBecause: t.costOfBadDay.reason },
    costPerRetainedUser: t.costPerRetainedUser.defined ? ex(t.costPerRetainedUser.value) : { undefinedBecause: t.costPerRetainedUser.reason },
  };
  out.lines.push(
    `cost metrics: unit ${formatUsd(t.unitCostPer1M)}/1M; bad day ${t.costOfBadDay.defined ? `${formatUsd(t.costOfBadDay.value.cost)} (${t.costOfBadDay.value.rowId})` : `not computed (${t.costOfBadDay.reason})`}; per retained user ${t.costPerRetainedUser.defined ? formatUsd(t.costPerRetainedUser.value) : `not computed (${t.costPerRetainedUser.reason})`}`,
  );
}

export function tenantFigures(m: EvalSpecModel, out: FigureSink): void {
  const t = m.tenants;
  if (!t?.clusterCostPerHour || t.items.length === 0) return;
  if (t.items.some((x) => !x.name || !x.evalGpuSeconds || !x.productionGpuSeconds)) return;
  const sumEval = t.items.reduce((a, x) => a.plus(exactInput(x.evalGpuSeconds!)), new Decimal(0));
  const sumProd = t.items.reduce((a, x) => a.plus(exactInput(x.productionGpuSeconds!)), new Decimal(0));
  const total = t.clusterGpuSeconds ? new Decimal(exactInput(t.clusterGpuSeconds)) : sumEval.plus(sumProd);
  if (total.isZero()) return;
  const price = exactInput(t.clusterCostPerHour);
  const tenants = t.items.map((x) => {
    const ev = tenantEvalCost({ tenantEvalGpuSeconds: exactInput(x.evalGpuSeconds!), totalClusterGpuSeconds: total, clusterCostPerHour: price });
    const pr = tenantEvalCost({ tenantEvalGpuSeconds: exactInput(x.productionGpuSeconds!), totalClusterGpuSeconds: total, clusterCostPerHour: price });
    return { name: x.name!.value, evalPerHour: ex(ev.perHour), evalPerDay: ex(ev.perDay), productionPerHour: ex(pr.perHour), productionPerDay: ex(pr.perDay) };
  });
  const json: Record<string, unknown> = { clusterGpuSeconds: ex(total), tenants };
  for (const x of tenants) out.lines.push(`tenant ${x.name}: eval ${formatUsd(x.evalPerHour)}/h, production ${formatUsd(x.productionPerHour)}/h`);
  out.json['tenants'] = json;
  for (const [i, x] of tenants.entries()) {
    out.note({
      id: `tenants.${x.name}`,
      anchor: t.items[i]!.keyRange,
      hint: `eval ${formatUsd(x.evalPerHour)}/h · production ${formatUsd(x.productionPerHour)}/h`,
      title: `Cost attribution: ${x.name}`,
      formula: 'tenant cost per hour = tenant GPU-seconds ÷ cluster GPU-seconds × cluster cost per hour',
      substituted: `${t.items[i]!.evalGpuSeconds!.raw} (eval) and ${t.items[i]!.productionGpuSeconds!.raw} (production) ÷ ${ex(total)} × $${t.clusterCostPerHour.raw}`,
      result: `eval ${formatUsd(x.evalPerHour)}/h (${formatUsd(x.evalPerDay)}/day), production ${formatUsd(x.productionPerHour)}/h`,
      caveats: ['Attribute at the request level with tenant and workload tags; cluster-level totals hide who spent what.'],
    });
  }
  const kv = t.kvCacheQuota;
  if (kv?.production && kv.eval) {
    const need = sumProd.div(total);
    const q = kvCacheQuotaProtectsProduction({ productionQuota: exactInput(kv.production), evalQuota: exactInput(kv.eval), productionPeakNeed: need });
    json['kvCacheQuota'] = { productionNeed: ex(need), protectsProduction: q.protectsProduction, reason: q.reason };
    out.lines.push(`KV-cache quota ${kv.production.raw}/${kv.eval.raw}: ${q.protectsProduction ? 'protects' : 'does not protect'} production (${q.reason})`);
    out.note({
      id: 'tenants.kvCacheQuota',
      anchor: kv.keyRange,
      hint: q.protectsProduction ? `protects production (needs ${formatSharePercent(need)})` : 'does not protect production',
      title: 'KV-cache quota',
      formula: 'production quota ≥ production share of GPU-seconds, and quotas sum to at most 1',
      substituted: `production ${kv.production.raw}, eval ${kv.eval.raw}; production uses ${formatSharePercent(need)} of GPU-seconds`,
      result: q.reason,
      caveats: ['CPU priority alone does not stop a long eval job from holding KV-cache memory production needs.'],
    });
  }
}
