// Validates a parsed spec against the JSON Schema subset, reporting each problem at the exact source
// range with a stable code: unknown keys (with a did-you-mean), wrong types, values out of range,
// invalid values and missing required parts. It also records which schema applied to every node, so
// hovers and completion describe exactly what the validator checked.
import type { MapEntry, MapNode, ScalarNode, SpecNode } from '../parse/specTree';
import type { LineIndex } from '../parse/positions';
import type { Range, SpecDiagnostic } from '../types';
import { deref, schemaTypes, type JsonSchema, type SchemaType } from './jsonSchema';
import { closestMatch } from './suggest';

export type SchemaPath = (string | number)[];

export interface SchemaValidation {
  diagnostics: SpecDiagnostic[];
  /** The concrete (dereferenced, branch-selected) schema that applied to each node. */
  schemaOf: WeakMap<SpecNode, JsonSchema>;
  /** Nodes whose own value failed validation: figures never compute from them. */
  invalid: WeakSet<SpecNode>;
}

/** Typed payloads of the schema diagnostics, read by quick-fixes. */
export interface UnknownKeyData {
  key: string;
  path: SchemaPath;
  suggestion?: string;
  allowed: string[];
}
export interface MissingKeyData {
  path: SchemaPath;
  missing: string;
}
export interface InvalidValueData {
  path: SchemaPath;
  suggestion?: string;
}

export function formatPath(path: SchemaPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s || 'the spec';
}

const typeWords: Record<SchemaType, string> = {
  object: 'a mapping of keys',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
};

function describeNode(n: SpecNode): string {
  if (n.kind === 'map') return 'a mapping';
  if (n.kind === 'seq') return 'a list';
  if (n.value === null) return n.raw === '' ? 'nothing' : `null (${n.raw})`;
  if (typeof n.value === 'string') return n.quoted && isNumericText(n.value) ? `the quoted text "${n.value}"` : `the text "${clip(n.value)}"`;
  if (typeof n.value === 'boolean') return String(n.value);
  return n.raw || String(n.value);
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

/**
 * The hint for a percentage where a fraction belongs ("33.3%" → 0.333): the point moved two places in
 * the digits, not a division in doubles (33.3 / 100 prints 0.33299999999999996, and 400 nines print
 * Infinity); both numbers clipped like every value a message quotes.
 */
export function percentHint(text: string): string {
  const t = text.trim();
  const [int = '', frac = ''] = t.slice(0, -1).trim().split('.');
  const digits = int.padStart(3, '0') + frac;
  const point = digits.length - frac.length - 2;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point).replace(/0+$/, '');
  return ` Write rates as fractions: ${clip(fraction ? `${whole}.${fraction}` : whole)} rather than ${clip(t)}.`;
}
const isNumericText = (s: string) => /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s.trim());

function matchesType(n: SpecNode, t: SchemaType): boolean {
  switch (t) {
    case 'object':
      return n.kind === 'map';
    case 'array':
      return n.kind === 'seq';
    case 'string':
      return n.kind === 'scalar' && typeof n.value === 'string';
    case 'number':
      return n.kind === 'scalar' && typeof n.value === 'number';
    case 'integer':
      return n.kind === 'scalar' && typeof n.value === 'number' && (Number.isInteger(n.value) || !Number.isFinite(n.value));
    case 'boolean':
      return n.kind === 'scalar' && typeof n.value === 'boolean';
    case 'null':
      return n.kind === 'scalar' && n.value === null;
  }
}

/**
 * What an incremental analysis keeps between versions: the schema and invalid marks (keyed by node,
 * so an unchanged section's nodes keep theirs) and each top-level section's diagnostics.
 */
export interface ValidationReuse {
  schemaOf: WeakMap<SpecNode, JsonSchema>;
  invalid: WeakSet<SpecNode>;
  /** A top-level section's diagnostics: kept when its node and line are unchanged, else validated. */
  section(entry: MapEntry, line: number, validate: () => SpecDiagnostic[]): SpecDiagnostic[];
}

export function validateAgainstSchema(root: SpecNode, rootSchema: JsonSchema, lines: LineIndex, rootAnchor: Range, reuse?: ValidationReuse): SchemaValidation {
  const diagnostics: SpecDiagnostic[] = [];
  const schemaOf = reuse?.schemaOf ?? new WeakMap<SpecNode, JsonSchema>();
  const invalid = reuse?.invalid ?? new WeakSet<SpecNode>();
  // While a oneOf/anyOf branch is only being tried, nothing is marked invalid: the branch chosen
  // afterwards is visited again for real.
  let trialDepth = 0;
  const markInvalid = (n: SpecNode) => {
    if (trialDepth === 0) invalid.add(n);
  };
  const rangeOf = (n: SpecNode): Range => lines.range(n.start, n.end > n.start ? n.end : n.start);

  const visit = (node: SpecNode, rawSchema: JsonSchema, path: SchemaPath, anchor: Range, out: SpecDiagnostic[]): void => {
    const before = out.length;
    visitNode(node, rawSchema, path, anchor, out);
    if (node.kind === 'scalar' && out.length > before) markInvalid(node);
  };

  const visitNode = (node: SpecNode, rawSchema: JsonSchema, path: SchemaPath, anchor: Range, out: SpecDiagnostic[]): void => {
    const schema = deref(rawSchema, rootSchema);
    const branches = schema.oneOf ?? schema.anyOf;
    if (branches) {
      visitBranches(node, schema, branches, path, anchor, out);
      return;
    }
    schemaOf.set(node, schema);
    const types = schemaTypes(schema);
    const where = () => formatPath(path); // built only for a message: most nodes are valid

    if (types.length > 0 && !types.some((t) => matchesType(node, t))) {
      const expected = types.map((t) => typeWords[t]).join(' or ');
      let hint = '';
      if (node.kind === 'scalar' && typeof node.value === 'string' && node.quoted && isNumericText(node.value) && types.some((t) => t === 'number' || t === 'integer')) {
        hint = ' Remove the quotes to make it a number.';
      } else if (node.kind === 'scalar' && typeof node.value === 'number' && types.includes('integer') && Number.isFinite(node.value)) {
        hint = ' Counts are whole numbers.';
      } else if (node.kind === 'scalar' && typeof node.value === 'string' && /^\d+(\.\d+)?\s*%$/.test(node.value.trim()) && types.includes('number')) {
        hint = percentHint(node.value);
      }
      markInvalid(node);
      const code = node.kind === 'scalar' && node.value === null && node.raw === '' ? 'missing-value' : 'wrong-type';
      out.push({
        code,
        severity: 'error',
        message: code === 'missing-value' ? `${where()} has no value; it should be ${expected}.` : `${where()} should be ${expected}, but it is ${describeNode(node)}.${hint}`,
        range: code === 'missing-value' ? anchor : rangeOf(node),
        data: { path, expected: types },
      });
      return;
    }

    if (node.kind === 'scalar') {
      visitScalar(node, schema, path, out);
    } else if (node.kind === 'map') {
      visitMap(node, schema, path, anchor, out);
    } else {
      const n = node.items.length;
      if (schema.minItems !== undefined && n < schema.minItems) {
        markInvalid(node);
        out.push({ code: 'too-few-items', severity: 'error', message: `${where()} lists ${n} item${n === 1 ? '' : 's'}; it needs at least ${schema.minItems}.`, range: rangeOf(node), data: { path, minItems: schema.minItems } });
      }
      if (schema.maxItems !== undefined && n > schema.maxItems) {
        markInvalid(node);
        out.push({ code: 'too-many-items', severity: 'error', message: `${where()} lists ${n} items; it takes at most ${schema.maxItems}.`, range: rangeOf(node), data: { path, maxItems: schema.maxItems } });
      }
      if (schema.items) {
        node.items.forEach((item, i) => visit(item, schema.items!, [...path, i], rangeOf(item), out));
      }
    }
  };

  const visitScalar = (node: ScalarNode, schema: JsonSchema, path: SchemaPath, out: SpecDiagnostic[]): void => {
    const where = () => formatPath(path); // built only for a message: most nodes are valid
    const v = node.value;
    if (schema.const !== undefined && v !== schema.const) {
      out.push({ code: 'invalid-value', severity: 'error', message: `${where()} must be ${JSON.stringify(schema.const)}, but it is ${describeNode(node)}.`, range: rangeOf(node), data: { path, suggestion: schema.const } });
      return;
    }
    if (schema.enum && !schema.enum.some((e) => e === v)) {
      const options = schema.enum.map((e) => String(e));
      const suggestion = typeof v === 'string' ? closestMatch(v, options) : undefined;
      out.push({
        code: 'invalid-value',
        severity: 'error',
        message: `${where()} must be one of ${options.join(', ')}, but it is ${describeNode(node)}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
        range: rangeOf(node),
        data: { path, suggestion } satisfies InvalidValueData,
      });
      return;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        out.push({ code: 'not-finite', severity: 'error', message: `${where()} is ${node.raw}, which is not a finite number; EvalSpec cannot compute with it.`, range: rangeOf(node), data: { path } });
        return;
      }
      const magnitude = decimalMagnitude(node.raw, v);
      if (magnitude !== undefined && (magnitude < MIN_MAGNITUDE || magnitude > MAX_MAGNITUDE)) {
        out.push({
          code: 'implausible-number',
          severity: 'error',
          message: `${where()} is ${clip(node.raw)}, about 10^${magnitude}: EvalSpec computes with numbers between 10^${MIN_MAGNITUDE} and 10^${MAX_MAGNITUDE} in size, and no quantity in a spec is smaller or larger. Check the exponent.`,
          range: rangeOf(node),
          data: { path, magnitude, min: MIN_MAGNITUDE, max: MAX_MAGNITUDE },
        });
        return;
      }
      const bad =
        (schema.minimum !== undefined && v < schema.minimum) ||
        (schema.exclusiveMinimum !== undefined && v <= schema.exclusiveMinimum) ||
        (schema.maximum !== undefined && v > schema.maximum) ||
        (schema.exclusiveMaximum !== undefined && v >= schema.exclusiveMaximum);
      if (bad) {
        const bounds: string[] = [];
        if (schema.minimum !== undefined) bounds.push(`at least ${schema.minimum}`);
        if (schema.exclusiveMinimum !== undefined) bounds.push(`above ${schema.exclusiveMinimum}`);
        if (schema.maximum !== undefined) bounds.push(`at most ${schema.maximum}`);
        if (schema.exclusiveMaximum !== undefined) bounds.push(`below ${schema.exclusiveMaximum}`);
        const unit = schema['x-unit'];
        const isFraction = unit === 'fraction' || (schema.maximum === 1 || schema.exclusiveMaximum === 1);
        const hint = isFraction && Number.isInteger(v) && v > 1 && v <= 100 ? ` Rates are fractions: write ${v / 100} for ${v}%.` : '';
        out.push({ code: 'out-of-range', severity: 'error', message: `${where()} must be ${bounds.join(' and ')}, but it is ${node.raw}.${hint}`, range: rangeOf(node), data: { path, value: v } });
      }
    }
    if (typeof v === 'string') {
      if (schema.minLength !== undefined && v.length < schema.minLength) {
        out.push({ code: 'invalid-value', severity: 'error', message: v.length === 0 ? `${where()} is empty; it needs text.` : `${where()} is too short (${v.length} characters; at least ${schema.minLength}).`, range: rangeOf(node), data: { path } });
      } else if (schema.pattern !== undefined && !compiledPattern(schema.pattern).test(v)) {
        const what = schema.patternErrorMessage ?? `it must match the pattern ${schema.pattern}`;
        out.push({ code: 'invalid-value', severity: 'error', message: `${where()} is "${clip(v)}": ${what}`, range: rangeOf(node), data: { path } });
      }
    }
  };

  // Did-you-mean costs an edit distance per known key: offered for the first few unknown keys of a
  // document only, so a file of 10^5 unknown keys costs time linear in its size.
  let suggestionsLeft = MAX_SUGGESTIONS;
  const suggestFor = (key: string, candidates: () => string[]): string | undefined => {
    if (suggestionsLeft <= 0 || key.length > MAX_SUGGESTED_KEY_LENGTH) return undefined;
    suggestionsLeft--;
    return closestMatch(key, candidates());
  };

  const visitMap = (node: MapNode, schema: JsonSchema, path: SchemaPath, anchor: Range, out: SpecDiagnostic[]): void => {
    const props = schema.properties ?? {};
    const allowed = Object.keys(props);
    const present = new Set(node.entries.map((e) => e.key));
    for (const e of node.entries) {
      const keyRange = lines.range(e.keyStart, e.keyEnd);
      // Own properties only: a key named `constructor` or `__proto__` is a key like any other.
      const propSchema = Object.hasOwn(props, e.key) ? props[e.key] : undefined;
      if (propSchema && reuse && path.length === 0) {
        out.push(...reuse.section(e, keyRange.start.line, () => {
          const own: SpecDiagnostic[] = [];
          visit(e.value, propSchema, [e.key], keyRange, own);
          return own;
        }));
      } else if (propSchema) {
        visit(e.value, propSchema, [...path, e.key], keyRange, out);
      } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        visit(e.value, schema.additionalProperties, [...path, e.key], keyRange, out);
      } else if (schema.additionalProperties === false) {
        const suggestion = suggestFor(e.key, () => allowed.filter((k) => !present.has(k)));
        const inWhat = path.length ? ` in ${formatPath(path)}` : ' at the top level';
        out.push({
          code: 'unknown-key',
          severity: 'error',
          message: suggestion ? `Unknown key "${clip(e.key)}"${inWhat}. Did you mean "${suggestion}"?` : `Unknown key "${clip(e.key)}"${inWhat}. Known keys: ${allowed.join(', ')}.`,
          range: keyRange,
          data: { key: e.key, path, suggestion, allowed } satisfies UnknownKeyData,
        });
      }
    }
    for (const req of schema.required ?? []) {
      if (!present.has(req)) {
        const sub = Object.hasOwn(props, req) ? deref(props[req]!, rootSchema) : undefined;
        const what = sub?.title ? ` (${sub.title})` : sub?.description ? ` (${firstSentence(sub.description)})` : '';
        out.push({
          code: 'missing-key',
          severity: 'error',
          message: `${path.length ? formatPath(path) : 'The spec'} is missing "${req}"${what}.`,
          range: anchor,
          data: { path, missing: req } satisfies MissingKeyData,
        });
      }
    }
  };

  const visitBranches = (node: SpecNode, schema: JsonSchema, branches: JsonSchema[], path: SchemaPath, anchor: Range, out: SpecDiagnostic[]): void => {
    const concrete = branches.map((b) => deref(b, rootSchema));
    let candidates = concrete.filter((b) => {
      const ts = schemaTypes(b);
      return ts.length === 0 || ts.some((t) => matchesType(node, t));
    });
    if (candidates.length === 0) {
      // No branch takes this shape: report against the first, which names the expected types.
      const expected = [...new Set(concrete.flatMap(schemaTypes))];
      visit(node, { ...concrete[0], type: expected.length ? expected : undefined, oneOf: undefined, anyOf: undefined }, path, anchor, out);
      return;
    }
    if (node.kind === 'map') {
      const disc = discriminator(candidates);
      if (disc) {
        const entry = node.entries.find((e) => e.key === disc);
        const kinds = candidates.map((b) => deref(b.properties![disc]!, rootSchema).const);
        if (!entry) {
          out.push({ code: 'missing-key', severity: 'error', message: `${formatPath(path)} is missing "${disc}" (one of ${kinds.join(', ')}).`, range: anchor, data: { path, missing: disc } satisfies MissingKeyData });
          schemaOf.set(node, schema);
          return;
        }
        const v = entry.value.kind === 'scalar' ? entry.value.value : undefined;
        const match = candidates.find((b) => deref(b.properties![disc]!, rootSchema).const === v);
        if (!match) {
          const suggestion = typeof v === 'string' ? closestMatch(v, kinds.map(String)) : undefined;
          out.push({
            code: 'invalid-value',
            severity: 'error',
            message: `${formatPath([...path, disc])} must be one of ${kinds.join(', ')}, but it is ${describeNode(entry.value)}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
            range: rangeOf(entry.value),
            data: { path: [...path, disc], suggestion } satisfies InvalidValueData,
          });
          schemaOf.set(node, schema);
          return;
        }
        candidates = [match];
      }
    }
    if (candidates.length === 1) {
      visit(node, candidates[0]!, path, anchor, out);
      return;
    }
    let best: { branch: JsonSchema; errors: number } | undefined;
    for (const c of candidates) {
      const trial: SpecDiagnostic[] = [];
      trialDepth++;
      try {
        visit(node, c, path, anchor, trial);
      } finally {
        trialDepth--;
      }
      if (!best || trial.length < best.errors) best = { branch: c, errors: trial.length };
      if (trial.length === 0) break;
    }
    // Visit the winning (or least-wrong) branch for real: its diagnostics, invalid marks and schemas.
    if (best) visit(node, best.branch, path, anchor, out);
  };

  visit(root, rootSchema, [], rootAnchor, diagnostics);
  return { diagnostics, schemaOf, invalid };
}

/** Powers of ten a spec number may have: rates of 1e-9, prices of 1e-6, token counts of 1e12 all fit. */
export const MIN_MAGNITUDE = -30;
export const MAX_MAGNITUDE = 30;

/**
 * The power of ten of a number as written (⌊log10 |x|⌋), read from its text when the double
 * underflowed to 0 ("1e-9999999" is 10^-9999999, not zero). Undefined for a true zero.
 */
export function decimalMagnitude(raw: string, value: number): number | undefined {
  if (value !== 0 && Number.isFinite(value)) return Math.floor(Math.log10(Math.abs(value)));
  const m = /^[-+]?(\d*)(?:\.(\d*))?[eE]([-+]?\d{1,20})$/.exec(raw.trim());
  if (!m) return undefined;
  const int = m[1] ?? '';
  const frac = m[2] ?? '';
  const digits = int + frac;
  const first = digits.search(/[1-9]/);
  if (first < 0) return undefined;
  return Number(m[3]) + int.length - 1 - first;
}

/** Unknown keys per document that get a did-you-mean (each costs an edit distance per known key). */
export const MAX_SUGGESTIONS = 200;
/** Keys longer than this get no did-you-mean: no schema key is that long. */
const MAX_SUGGESTED_KEY_LENGTH = 64;

/** Patterns compiled once: identifiers, dates and durations recur on every row of a large spec. */
const patterns = new Map<string, RegExp>();
function compiledPattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source, 'u')));
  return re;
}

function discriminator(branches: JsonSchema[]): string | undefined {
  const first = branches[0]?.properties;
  if (!first) return undefined;
  for (const key of Object.keys(first)) {
    if (branches.every((b) => b.properties?.[key]?.const !== undefined)) return key;
  }
  return undefined;
}

export function firstSentence(s: string): string {
  const m = /^(.*?[.!?])(\s|$)/s.exec(s.trim());
  const out = (m ? m[1]! : s.trim()).replace(/\.$/, '');
  return out.length > 120 ? `${out.slice(0, 117)}…` : out;
}
