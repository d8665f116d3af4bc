// server/src/cli/ruleCatalog.ts is generated from docs/rules.md; this fails when they drift apart
// (run `node scripts/generate-rule-catalog.mjs`), and checks the parse on a known section.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleCatalog } from '../../../server/src/cli/ruleCatalog';
import { repoRoot } from '../../support/reference';

describe('rule catalog', () => {
  it('is docs/rules.md, regenerated', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'generate-rule-catalog.mjs'), '--stdout'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(repoRoot, 'server', 'src', 'cli', 'ruleCatalog.ts'), 'utf8'), r.stdout, 'docs/rules.md changed: run `node scripts/generate-rule-catalog.mjs` (npm run build does it) and commit server/src/cli/ruleCatalog.ts');
  });
  it('has every code of docs/rules.md with its summary, why and default severity', () => {
    const md = readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8');
    assert.deepEqual(ruleCatalog.map((r) => r.code), [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim()));
    const r = ruleCatalog.find((x) => x.code === 'too-many-primary-metrics')!;
    assert.equal(r.shortDescription, 'More than two metrics are marked primary: true.');
    assert.match(r.fullDescription, /^More than two metrics are marked primary: true. The first question of an eval spec is what are we measuring/);
    assert.equal(r.defaultSeverity, 'warning');
    assert.equal(ruleCatalog.find((x) => x.code === 'golden-set-too-small')!.defaultSeverity, 'error');
  });
});
