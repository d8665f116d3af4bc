// The fuzz suite: thousands of mutated specs through ONE long-lived built server over stdio. Each
// session opens a spec, changes it (full and incremental edits, next and stale versions), sends
// every request the server supports at random and out-of-range positions, closes and reopens it,
// and checks every answer: no crash, every request and diagnostics publish within a bound, every
// range inside the document, no NaN/Infinity/undefined/null in text a user reads.
//
// Bounded for CI: EVALSPEC_FUZZ_RUNS sessions (default 400) or EVALSPEC_FUZZ_SECONDS (default 75),
// whichever ends first. The seed is printed; EVALSPEC_FUZZ_SEED=<seed> replays a run, and e.g.
// EVALSPEC_FUZZ_RUNS=20000 EVALSPEC_FUZZ_SECONDS=3600 runs longer. A failing session's spec is
// written to a temporary file named in the failure.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { it } from 'node:test';
import fc from 'fast-check';
import { repoRoot } from '../support/reference';
import { startServer, type TestServer } from '../support/lspClient';
import { leakedWords } from '../support/fuzz/checks';
import { mutatedSpecArb, seedSpecs } from '../support/fuzz/specs';
import { Hang, roundsArb, runSession, type SessionOptions, type Tally } from '../support/fuzz/session';

const env = process.env;
const seed = Number(env['EVALSPEC_FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const runs = Number(env['EVALSPEC_FUZZ_RUNS'] ?? 400);
const seconds = Number(env['EVALSPEC_FUZZ_SECONDS'] ?? 75);
const boundMs = Number(env['EVALSPEC_FUZZ_REQUEST_MS'] ?? 10_000);
// Both on: versions reused with a different text (the analysis cache is keyed by the text too) and
// numbers no real quantity has (1e-320, 1e-9999999, 400 nines: every search is bounded).
const options: SessionOptions = {
  reusedVersions: true,
  extremeNumbers: true,
};

it(`fuzz: mutated specs through one long-lived server (seed ${seed})`, { timeout: (seconds + 120) * 1000 }, async () => {
  console.log(`fuzz seed ${seed}: replay with EVALSPEC_FUZZ_SEED=${seed} node scripts/run-tests.mjs test/protocol/fuzz.test.ts`);
  const seeds = seedSpecs();
  for (const s of seeds) assert.doesNotMatch(s, leakedWords, 'a seed spec holds a word the checks look for');
  const sessions = fc.sample(fc.record({ spec: mutatedSpecArb(seeds, options.extremeNumbers), rounds: roundsArb(options), examplesDir: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }), { seed, numRuns: runs });
  const tally: Tally = { specs: 0, requests: 0, crashes: 0, hangs: 0, problems: [] };
  const failures: string[] = [];
  const out = mkdtempSync(join(tmpdir(), 'evalspec-fuzz-'));
  let server: TestServer = await startServer();
  let crashed = false;
  const watch = (s: TestServer) => s.process.once('exit', () => (crashed = s === server));
  watch(server);
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  for (const [i, s] of sessions.entries()) {
    if (performance.now() > deadline) break;
    // Most specs sit where their data paths name nothing; some beside examples/data, so data reports run too.
    const dir = s.examplesDir ? join(repoRoot, 'examples') : join(repoRoot, 'test', 'fixtures', 'fuzz');
    const uri = pathToFileURL(join(dir, `fuzz-${i}.evalspec.yaml`)).href;
    let problems: string[] = [];
    try {
      problems = await runSession(server, { uri, text: s.spec.text, rounds: s.rounds }, boundMs, tally);
    } catch (e) {
      if (crashed) {
        tally.crashes++;
        problems = [`the server exited: ${server.stderr().slice(-2000)}`];
      } else if (e instanceof Hang) {
        tally.hangs++;
        problems = [e.message];
      } else throw e;
      server.process.kill('SIGKILL');
      server.connection.dispose();
      crashed = false;
      server = await startServer();
      watch(server);
    }
    done++;
    if (problems.length > 0) {
      const file = join(out, `session-${i}.evalspec.yaml`);
      writeFileSync(file, s.spec.text);
      writeFileSync(`${file}.json`, JSON.stringify({ seed, index: i, mutations: s.spec.mutations, rounds: s.rounds, problems }, null, 1));
      failures.push(`session ${i} (spec in ${file}): ${problems.slice(0, 3).join(' | ')}`);
      tally.problems.push(...problems);
    }
  }
  await server.stop();
  console.log(`fuzz totals: ${done} sessions, ${tally.specs} specs analysed (opens and changes), ${tally.requests} requests, ${tally.crashes} crashes, ${tally.hangs} hangs, ${tally.problems.length} problems; seed ${seed}`);
  assert.ok(done > 0, `no session ran within ${seconds} s`);
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} failing sessions (seed ${seed})`);
});
