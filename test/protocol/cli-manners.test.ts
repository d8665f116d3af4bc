// The CLI as a shell user meets it: --help on every command prints to stdout and exits 0; a usage
// error is one line and a hint on stderr (exit 2), not the whole usage; `| head` ends quietly.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { repoRoot } from '../support/reference';

const cli = join(repoRoot, 'dist', 'cli', 'evalspec.js');
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8' });

describe('CLI manners', () => {
  for (const args of [['--help'], ['-h'], ['check', '--help'], ['report', '--help'], ['review', '--help'], ['calc', '--help'], ['check', 'examples', '--help']]) {
    it(`evalspec ${args.join(' ')}: usage on stdout, exit 0`, () => {
      const r = run(args);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /usage: evalspec/);
      assert.equal(r.stderr, '');
    });
  }

  for (const [args, message] of [
    [['check', '--bogus'], 'evalspec: unknown option --bogus'],
    [['check'], 'evalspec: name at least one spec file or glob'],
    [['frobnicate'], 'evalspec: unknown command "frobnicate"'],
    [['report', 'nope', 'x.yaml'], 'evalspec report: unknown report "nope"'],
    [['review', 'examples', '--format', 'html'], 'evalspec review: --format takes markdown or json, not html'],
    [['review', 'no/such/*.evalspec.yaml'], 'evalspec review: no file matches no/such/*.evalspec.yaml'],
  ] as [string[], string][]) {
    it(`evalspec ${args.join(' ')}: one line and a hint, exit 2`, () => {
      const r = run(args);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, r.stderr);
      assert.equal(lines[0], message);
      assert.match(lines[1]!, /^hint: evalspec (check |report |review )?--help$/);
    });
  }

  // 60 specs: far more output than a pipe buffers (64 KiB), so the writer does meet the closed pipe.
  const many = mkdtempSync(join(tmpdir(), 'evalspec-pipe-'));
  const spec = readFileSync(join(repoRoot, 'examples', 'support-chat.evalspec.yaml'), 'utf8');
  for (let i = 0; i < 60; i++) writeFileSync(join(many, `s${i}.evalspec.yaml`), spec);
  after(() => rmSync(many, { recursive: true, force: true }));
  for (const args of [['check', many, '--format', 'json', '--no-data'], ['review', many, '--no-data']]) {
    it(`evalspec ${args[0]} <60 specs> | head -1: ends quietly when the reader closes the pipe`, async () => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      // Read the first chunk, then close our end, as `head -1` does.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
      assert.equal(err, '', 'no stack trace on a closed pipe');
      assert.ok(code === 0 || code === 1, `exit ${code}`);
    });
  }
});
