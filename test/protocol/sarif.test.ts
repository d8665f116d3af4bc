// `evalspec check --format sarif` against the SARIF 2.1.0 JSON schema (vendored in
// test/fixtures/sarif), over every example and bad fixture, and what code scanning needs beyond the
// schema: absolute helpUri, descriptions and default level per rule (from docs/rules.md), partial
// fingerprints that stay put when a finding moves down the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { repoRoot } from '../support/reference';

const cli = join(repoRoot, 'dist', 'cli', 'evalspec.js');
const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
// unicodeRegExp: false because the published schema's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`)
// is not a valid /u regular expression; formats (uri, date-time) are not checked by ajv without
// ajv-formats, so the absolute helpUri and informationUri are asserted below.
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sarif(args: string[], cwd = repoRoot): any {
  const r = spawnSync(process.execPath, [cli, 'check', ...args, '--format', 'sarif'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout);
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema for every example and bad fixture', () => {
    const log = sarif(['examples', 'test/fixtures/bad']) as any;
    const valid: boolean = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.ok(log.runs[0].results.length > 10);
    // The validator is live: a log with a bad level fails.
    const broken = structuredClone(log) as any;
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
  });

  it('every rule has an absolute helpUri into docs/rules.md, descriptions and a default level', () => {
    const log = sarif(['examples', 'test/fixtures/bad']);
    const rules = log.runs[0].tool.driver.rules as any[];
    assert.match(log.runs[0].tool.driver.informationUri, /^https:\/\/github\.com\/evalspec\/evalspec$/);
    const rulesMd = readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8');
    for (const r of rules) {
      assert.equal(r.helpUri, `https://github.com/evalspec/evalspec/blob/main/docs/rules.md#${r.id}`);
      assert.ok(rulesMd.includes(`\n## ${r.id}\n`), `docs/rules.md has a section for ${r.id}`);
      assert.ok(r.shortDescription.text.length > 10 && r.shortDescription.text !== r.id, r.id);
      assert.ok(r.fullDescription.text.length >= r.shortDescription.text.length, r.id);
      assert.match(r.defaultConfiguration.level, /^(error|warning|note)$/);
    }
    const tooSmall = rules.find((r) => r.id === 'golden-set-too-small');
    assert.equal(tooSmall.defaultConfiguration.level, 'error');
    for (const res of log.runs[0].results) {
      assert.equal(rules[res.ruleIndex].id, res.ruleId);
      assert.match(res.partialFingerprints['evalspecFinding/v1'], /^[0-9a-f]{64}$/);
    }
  });

  it('partial fingerprints survive lines inserted above a finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalspec-sarif-'));
    const text = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');
    const spec = join(dir, 'chat.evalspec.yaml');
    writeFileSync(spec, text);
    const before = sarif(['chat.evalspec.yaml', '--no-data'], dir).runs[0].results.find((r: any) => r.ruleId === 'golden-set-too-small');
    writeFileSync(spec, `# a comment\n# another\n${text}`);
    const after = sarif(['chat.evalspec.yaml', '--no-data'], dir).runs[0].results.find((r: any) => r.ruleId === 'golden-set-too-small');
    assert.equal(after.locations[0].physicalLocation.region.startLine, before.locations[0].physicalLocation.region.startLine + 2);
    assert.deepEqual(after.partialFingerprints, before.partialFingerprints);
  });
});
