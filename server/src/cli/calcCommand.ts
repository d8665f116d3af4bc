// `evalspec calc <quantity> --key value … [--format text|json]`: the statistics of the core without
// a spec, for a design review in a terminal. Bad input gives one precise line on stderr and exit 2.
import { CalcInputError, kindText, parseValue, type KeySpec } from './calc/keys';
import { QUANTITIES, type Quantity } from './calc/quantities';

export function calcUsage(): string {
  const width = Math.max(...QUANTITIES.map((q) => q.name.length));
  return [
    'usage: evalspec calc <quantity> --key value … [--format text|json]',
    '       evalspec calc <quantity> --help   (the keys of one quantity)',
    '',
    'quantities:',
    ...QUANTITIES.map((q) => `  ${q.name.padEnd(width)}  ${q.summary}\n  ${' '.repeat(width)}  keys: ${q.keys.map(keyShort).join(' ')}`),
    '',
    'exit: 0 computed, 2 bad input',
  ].join('\n');
}

function keyShort(k: KeySpec): string {
  return k.default === undefined ? `--${k.name}` : `[--${k.name}]`;
}

function quantityHelp(q: Quantity): string {
  const width = Math.max(...q.keys.map((k) => k.name.length)) + 2;
  return [
    `evalspec calc ${q.name}: ${q.summary}`,
    ...q.keys.map((k) => `  --${k.name.padEnd(width)} ${k.help}; ${kindText(k.kind)}${k.default === undefined ? ' (required)' : ` (default ${k.default === null ? 'none' : k.default})`}`),
    '  --format  text (default) | json',
  ].join('\n');
}

/** Unwraps Defined results for JSON: defined → value, undefined → { undefined: reason }. */
function jsonable(x: unknown): unknown {
  if (x === null || typeof x !== 'object') return typeof x === 'number' && !Number.isFinite(x) ? String(x) : x;
  if (Array.isArray(x)) return x.map(jsonable);
  const o = x as Record<string, unknown>;
  const keys = Object.keys(o);
  if (typeof o['defined'] === 'boolean' && keys.every((k) => ['defined', 'value', 'reason'].includes(k))) {
    return o['defined'] ? jsonable(o['value']) : { undefined: o['reason'] };
  }
  return Object.fromEntries(keys.map((k) => [k, jsonable(o[k])]));
}

function textLines(x: unknown, prefix: string, out: string[]): void {
  if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    if ('undefined' in o && Object.keys(o).length === 1) out.push(`${prefix}: undefined (${String(o['undefined'])})`);
    else for (const [k, v] of Object.entries(o)) textLines(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  const v = typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(10)) : x;
  out.push(`${prefix}: ${Array.isArray(v) ? v.map((e) => (typeof e === 'number' ? Number(e.toPrecision(10)) : e)).join(', ') : String(v)}`);
}

interface Parsed {
  quantity: Quantity;
  values: Record<string, unknown>;
  format: 'text' | 'json';
}

function parse(argv: string[]): Parsed | string {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') return calcUsage();
  const quantity = QUANTITIES.find((q) => q.name === name);
  if (!quantity) throw new CalcInputError(`unknown quantity "${name}" (one of: ${QUANTITIES.map((q) => q.name).join(', ')})`);
  if (rest.includes('--help') || rest.includes('-h')) return quantityHelp(quantity);
  const raw = new Map<string, string>();
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) throw new CalcInputError(`${name}: expected --key value, got ${JSON.stringify(a)}`);
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const value = eq > 0 ? a.slice(eq + 1) : rest[++i];
    if (value === undefined) throw new CalcInputError(`${name}: --${key} needs a value`);
    if (key === 'format') {
      if (value !== 'text' && value !== 'json') throw new CalcInputError(`--format takes text or json, got ${JSON.stringify(value)}`);
      format = value;
      continue;
    }
    if (!quantity.keys.some((k) => k.name === key)) throw new CalcInputError(`${name}: unknown key --${key} (keys: ${quantity.keys.map((k) => `--${k.name}`).join(' ')})`);
    if (raw.has(key)) throw new CalcInputError(`${name}: --${key} given twice`);
    raw.set(key, value);
  }
  const values: Record<string, unknown> = {};
  for (const k of quantity.keys) {
    const v = raw.get(k.name);
    if (v === undefined) {
      if (k.default === undefined) throw new CalcInputError(`${name}: --${k.name} is required (${k.help}; ${kindText(k.kind)})`);
      values[k.name] = k.default;
    } else values[k.name] = parseValue(k, v);
  }
  return { quantity, values, format };
}

/** Runs `evalspec calc …`; returns the exit code. Output goes to the given writers. */
export function runCalcCommand(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  let parsed: Parsed | string;
  try {
    parsed = parse(argv);
  } catch (e) {
    if (e instanceof CalcInputError) {
      err(`evalspec calc: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (typeof parsed === 'string') {
    out(`${parsed}\n`);
    return 0;
  }
  const { quantity, values, format } = parsed;
  let computed: { headline: string; result: unknown };
  try {
    computed = quantity.run(values);
  } catch (e) {
    if (e instanceof RangeError) {
      err(`evalspec calc ${quantity.name}: ${e.message.replace(/^\w+: /, '')}\n`);
      return 2;
    }
    throw e;
  }
  const result = jsonable(computed.result);
  if (format === 'json') {
    out(`${JSON.stringify({ quantity: quantity.name, inputs: values, headline: computed.headline, result }, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    textLines(result, '', lines);
    out(`${computed.headline}\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  }
  return 0;
}
