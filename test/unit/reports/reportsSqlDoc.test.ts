// docs/reports-sql.md is generated from the SQL generator: this fails when the page and the generator
// disagree (run `npm run docs:sql` after changing the SQL).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { reportsSqlDoc } from '../../../scripts/reports-sql-doc';

it('docs/reports-sql.md is the generated SQL reference', () => {
  const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'reports-sql.md'), 'utf8');
  assert.ok(page === reportsSqlDoc(), 'docs/reports-sql.md differs from the generator: run `npm run docs:sql`');
  assert.match(page, /UNION ALL/);
});
