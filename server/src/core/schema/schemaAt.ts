// Which schema describes a place in the document: used by completion and hover so that both say
// exactly what the validator checks. Paths are key names and '[]' for "an item of this list".
import type { SpecNode } from '../parse/specTree';
import { dictionary, own } from '../own';
import { deref, type JsonSchema } from './jsonSchema';

export type LoosePath = (string | '[]')[];

/** The schema for `path`; where a `oneOf` is keyed by a discriminator, `pick` chooses the branch. */
export function schemaAtPath(root: JsonSchema, path: LoosePath, pick?: (branches: JsonSchema[], depth: number) => JsonSchema | undefined): JsonSchema | undefined {
  let s: JsonSchema | undefined = deref(root, root);
  for (let i = 0; i < path.length && s; i++) {
    s = resolveBranches(s, root, (b) => pick?.(b, i));
    const seg = path[i]!;
    if (seg === '[]') s = s.items ? deref(s.items, root) : undefined;
    else {
      const p: JsonSchema | boolean | undefined = own(s.properties, seg) ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      s = p && typeof p === 'object' ? deref(p, root) : undefined;
    }
  }
  return s && resolveBranches(s, root, (b) => pick?.(b, path.length));
}

/**
 * A schema with `oneOf`/`anyOf`: the picked branch, or a union view (all properties of all branches,
 * required only where every branch requires) so completion can still offer every possible key.
 */
export function resolveBranches(s: JsonSchema, root: JsonSchema, pick?: (branches: JsonSchema[]) => JsonSchema | undefined): JsonSchema {
  const branches = s.oneOf ?? s.anyOf;
  if (!branches) return s;
  const concrete = branches.map((b) => deref(b, root));
  const chosen = pick?.(concrete);
  if (chosen) return { ...chosen, description: chosen.description ?? s.description, markdownDescription: chosen.markdownDescription ?? s.markdownDescription };
  const properties = dictionary<JsonSchema>();
  for (const b of concrete) Object.assign(properties, b.properties ?? {});
  const required = concrete.length ? (concrete[0]!.required ?? []).filter((r) => concrete.every((b) => b.required?.includes(r))) : [];
  return { ...s, oneOf: undefined, anyOf: undefined, type: 'object', properties, required };
}

/** Picks the branch whose discriminator constant (e.g. `kind: traffic_shift`) the node carries. */
export function branchForNode(node: SpecNode | undefined, branches: JsonSchema[]): JsonSchema | undefined {
  if (!node || node.kind !== 'map') return undefined;
  for (const b of branches) {
    for (const [k, ps] of Object.entries(b.properties ?? {})) {
      if (ps.const === undefined) continue;
      const e = node.entries.find((x) => x.key === k);
      if (e && e.value.kind === 'scalar' && e.value.value === ps.const) return b;
    }
  }
  return undefined;
}
