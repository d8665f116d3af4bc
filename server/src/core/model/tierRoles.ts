// Which router tier is the cheap one and which the flagship: by name and role, never by list order.
// An explicit `role: cheap | flagship` wins; otherwise the cheapest tier by price is `cheap` and the
// most expensive is the flagship (the seed: "the most expensive tier is treated as the flagship").
// Ties on price keep the first-listed tier for cheap and the last-listed for flagship. The CLI's
// figures (`router.cheapTier`, `router.flagshipTier`) and the routing report use this one function,
// so `check` and `report` name the same tiers.
import type { TierModel } from './spec';

export interface TierRoles {
  cheap?: string;
  flagship?: string;
  /** How each was decided, for messages: "role", "price". */
  cheapBy?: 'role' | 'price';
  flagshipBy?: 'role' | 'price';
}

export function tierRoles(tiers: readonly TierModel[]): TierRoles {
  const named = tiers.filter((t) => t.name?.value);
  const out: TierRoles = {};
  const byRole = (role: string) => named.find((t) => t.role?.value === role)?.name?.value;
  const cheapRole = byRole('cheap');
  const flagRole = byRole('flagship');
  if (cheapRole) Object.assign(out, { cheap: cheapRole, cheapBy: 'role' });
  if (flagRole) Object.assign(out, { flagship: flagRole, flagshipBy: 'role' });
  const priced = named.filter((t) => t.pricePer1mOutputTokens !== undefined);
  if (!out.cheap && priced.length > 0) {
    let c = priced[0]!;
    for (const t of priced) if (t.pricePer1mOutputTokens!.value < c.pricePer1mOutputTokens!.value) c = t;
    Object.assign(out, { cheap: c.name!.value, cheapBy: 'price' });
  }
  if (!out.flagship && priced.length > 0) {
    let f = priced[0]!;
    for (const t of priced) if (t.pricePer1mOutputTokens!.value >= f.pricePer1mOutputTokens!.value) f = t;
    Object.assign(out, { flagship: f.name!.value, flagshipBy: 'price' });
  }
  return out;
}
