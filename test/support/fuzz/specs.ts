// Mutated specs for the fuzz suite: a seed text (the examples, the bad-input corpus, schema keys)
// with a few mutations of structure, numbers, strings, indentation and unicode. The pools never
// contain the words the checks look for (NaN, Infinity, undefined, null), so a check that finds one
// found the server's words, not the input's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '../reference';

/** The seed texts: every example spec and every file of the bad-input corpus. */
export function seedSpecs(): string[] {
  const dirs = [join(repoRoot, 'examples'), join(repoRoot, 'test', 'fixtures', 'bad')];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => /\.evalspec\.ya?ml$/.test(f)).sort().map((f) => readFileSync(join(d, f), 'utf8')));
}

/** Numbers a spec may hold: ordinary, boundary, huge, tiny, YAML specials, odd notations. */
export const plainNumbers = ['0', '-0', '1', '-1', '0.5', '0.8', '0.999999', '1.0000001', '2', '50', '100', '1000', '1e6', '1e-3', '0.1', '1e21', '9007199254740993', '.5', '5.', '+3', '1_000', '0x10', '0o17', '.inf', '-.inf', '.nan', '0.95', '99', '-273.15', '12345678901234567890', '3.14159265358979323846'];
/** Extreme exponents (numbers no real quantity has): these hang the unbounded searches issue 8 names. */
export const extremeNumbers = ['1e308', '1.7976931348623157e308', '1e309', '-1e309', '5e-324', '1e-320', '1e-160', '1e-9', '1e-12', '1e-9999999', '1e9999999', `0.${'0'.repeat(400)}1`, '9'.repeat(400)];

/** Strings with Markdown, HTML, ANSI and control characters, bidi and astral unicode. */
export const hostileStrings = [
  '[click](command:workbench.action.terminal.new)',
  '<img src=x onerror=alert(1)>',
  '![t](https://attacker.invalid/t.png)',
  '\u001b[31mred\u001b[0m',
  '\u001b]8;;https://x.invalid\u0007link\u001b]8;;\u0007',
  '**bold** _it_ `code` ~~s~~ # h',
  '\u0000\u0001\u0007\u0008\u007f',
  '\u202eevil\u202c',
  '🙂👩‍👩‍👧‍👦𝔘',
  'e\u0301\u0301\u0301',
  '\ufeff',
  '\u2028\u2029',
  '\t',
  '\r',
  '\\',
  '"\'',
  '{{x}} ${x} %s',
  'ﬀ İ ß',
  ': - ? | > & * ! % @ `',
  'x'.repeat(300),
];

/** Keys the schema knows, so that mutations land in analysed places and not only in unknown keys. */
const schemaLines = [
  'golden_set:\n  size: 200\n  confidence: 0.95\n  target_half_width: 0.02\n  interval: wilson',
  'golden_set:\n  cohorts:\n    - {name: a, share: 0.5}\n    - {name: b, share: 0.5}',
  'metrics:\n  - {id: m, primary: true, kind: binary, expected_pass_rate: 0.8}',
  'traffic:\n  requests_per_day: 100000\n  tokens_per_request: 1200',
  'judge:\n  calibration:\n    data: data/calibration.csv\n    min_spearman: 0.8',
  'router:\n  results: data/routing.csv',
  'evalspec: 1',
  'name: fuzz',
];

export type Mutation =
  | { kind: 'number'; which: number; value: string }
  | { kind: 'string'; at: number; value: string }
  | { kind: 'deleteLine' | 'duplicateLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'indent'; line: number; by: string }
  | { kind: 'dedent'; line: number; by: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insertLine'; line: number; value: string }
  | { kind: 'char'; at: number; value: string };

export function mutationArb(withExtremeNumbers: boolean): fc.Arbitrary<Mutation> {
  const numbers = withExtremeNumbers ? [...plainNumbers, ...extremeNumbers] : plainNumbers;
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('number' as const), which: fc.nat(), value: fc.constantFrom(...numbers) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('string' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ unit: 'grapheme', maxLength: 8 })) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.constantFrom(' ', '  ', '\t', '    ', '\u00a0') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('dedent' as const), line: fc.nat(), by: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('insertLine' as const), line: fc.nat(), value: fc.constantFrom(...schemaLines) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('char' as const), at: fc.nat(), value: fc.constantFrom(':', '-', '[', ']', '{', '}', '&a', '*a', '!!str', '#', '"', "'", '|', '>', '\n', '\r\n', '\t', '?', ',') }) },
  );
}

const numberToken = /(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])/g;

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => (lines.length === 0 ? 0 : n % lines.length);
  switch (m.kind) {
    case 'number': {
      const hits = [...text.matchAll(numberToken)];
      if (hits.length === 0) return text;
      const h = hits[m.which % hits.length]!;
      return text.slice(0, h.index) + m.value + text.slice(h.index + h[0].length);
    }
    case 'string':
    case 'char': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.value + text.slice(at);
    }
    case 'deleteLine':
      lines.splice(line(m.line), 1);
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(line(m.line), 0, lines[line(m.line)] ?? '');
      return lines.join('\n');
    case 'swapLines': {
      const a = line(m.a);
      const b = line(m.b);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'indent':
      lines[line(m.line)] = m.by + (lines[line(m.line)] ?? '');
      return lines.join('\n');
    case 'dedent':
      lines[line(m.line)] = (lines[line(m.line)] ?? '').replace(new RegExp(`^ {1,${m.by}}`), '');
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insertLine':
      lines.splice(line(m.line), 0, m.value);
      return lines.join('\n');
  }
}

export function mutatedSpecArb(seeds: string[], withExtremeNumbers: boolean): fc.Arbitrary<{ seed: number; mutations: Mutation[]; text: string }> {
  return fc.record({ seed: fc.nat({ max: seeds.length - 1 }), mutations: fc.array(mutationArb(withExtremeNumbers), { minLength: 1, maxLength: 6 }) }).map(({ seed, mutations }) => ({
    seed,
    mutations,
    text: mutations.reduce(applyMutation, seeds[seed]!),
  }));
}
