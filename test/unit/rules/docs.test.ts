// Every code a user can see has an entry in docs/rules.md with an anchor heading, its severity and a
// failing and passing example, so `docs/rules.md#<code>` from a diagnostic always lands somewhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../../server/src/core/rules/registry';
import { repoRoot } from '../../support/reference';

const doc = readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8');
const sections = new Map<string, string>();
for (const part of doc.split(/^## /m).slice(1)) {
  const [head, ...rest] = part.split('\n');
  sections.set(head!.trim(), rest.join('\n'));
}

function sourceCodes(dir: string): string[] {
  if (dir.endsWith('.ts')) return [...readFileSync(dir, 'utf8').matchAll(/code: '([a-z][a-z0-9-]+)'/g)].map((m) => m[1]!);
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceCodes(p));
    else if (name.endsWith('.ts')) out.push(...[...readFileSync(p, 'utf8').matchAll(/code: '([a-z][a-z0-9-]+)'/g)].map((m) => m[1]!));
  }
  return out;
}

describe('docs/rules.md', () => {
  it('has an entry for every registered rule, with severity, examples and the summary facts', () => {
    for (const r of allRules) {
      const s = sections.get(r.code);
      assert.ok(s, `docs/rules.md lacks "## ${r.code}"`);
      assert.match(s, new RegExp(`Default severity: \\*\\*${r.defaultSeverity}\\*\\*`), `${r.code}: severity`);
      assert.match(s, /Fails[^\n]*:\s*\n+```yaml/, `${r.code}: failing example`);
      assert.match(s, /Passes[^\n]*:\s*\n+```yaml/, `${r.code}: passing example`);
    }
  });
  it('has an entry for every code the core emits', () => {
    // Diagnostics come from the parser, the schema validator, the figures, the rules, the facade and
    // the server's last-resort handler; data-report errors (server/src/data) are panel messages.
    const core = join(repoRoot, 'server', 'src', 'core');
    const codes = new Set([...['parse', 'schema', 'figures', 'rules'].flatMap((d) => sourceCodes(join(core, d))), ...sourceCodes(join(core, 'index.ts')), 'internal-error']);
    for (const c of ['yaml-syntax', 'duplicate-key', 'unknown-key', 'wrong-type', 'missing-value', 'out-of-range', 'invalid-value', 'missing-key', 'not-finite', 'too-few-items', 'too-many-items', 'invalid-key', 'alias-cycle', 'document-too-large', 'document-too-complex', 'binary-content', 'not-utf8', 'invalid-utf8', 'empty-spec', 'figure-unavailable', 'rule-failed']) codes.add(c);
    const missing = [...codes].filter((c) => !sections.has(c));
    assert.deepEqual(missing, [], `codes without an entry in docs/rules.md: ${missing.join(', ')}`);
  });
});
