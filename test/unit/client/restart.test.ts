// The client's restart policy and response watchdog, without an editor: backoff, giving up, telling
// the user once per series, the counter reset after a healthy period, and a stall reported once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy, defaultRestartPolicy } from '../../../client/src/restartPolicy';
import { ResponseWatchdog, type WatchdogTimers } from '../../../client/src/responseWatchdog';

describe('RestartPolicy', () => {
  it('restarts with doubling delays, tells the user only the first time, and gives up after maxRestarts', () => {
    let now = 0;
    const p = new RestartPolicy(defaultRestartPolicy, () => now);
    const decisions = [];
    for (let i = 0; i < defaultRestartPolicy.maxRestarts + 1; i++) {
      p.started();
      now += 1000; // each run lasts a second: a crash loop
      decisions.push(p.stopped());
    }
    assert.deepEqual(
      decisions.map((d) => [d.action, d.action === 'restart' ? d.delayMs : null, d.notify]),
      [
        ['restart', 250, true],
        ['restart', 500, false],
        ['restart', 1000, false],
        ['restart', 2000, false],
        ['restart', 4000, false],
        ['give-up', null, true],
      ],
    );
    assert.match(decisions.at(-1)!.message, /stopped 6 times in a row/);
  });

  it('caps the delay', () => {
    const p = new RestartPolicy({ maxRestarts: 20, baseDelayMs: 250, maxDelayMs: 8000, healthyMs: 1e9 }, () => 0);
    const delays = Array.from({ length: 8 }, () => p.stopped()).map((d) => (d.action === 'restart' ? d.delayMs : -1));
    assert.deepEqual(delays, [250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('resets the counter (and tells again) after a healthy period, not before', () => {
    let now = 0;
    const p = new RestartPolicy(defaultRestartPolicy, () => now);
    p.started();
    now += 10;
    assert.equal(p.stopped().notify, true);
    p.started();
    now += defaultRestartPolicy.healthyMs - 1;
    const second = p.stopped();
    assert.equal(second.action === 'restart' && second.attempt, 2, 'one ms short of healthy: same series');
    p.started();
    now += defaultRestartPolicy.healthyMs;
    const fresh = p.stopped();
    assert.deepEqual([fresh.action, fresh.action === 'restart' && fresh.attempt, fresh.notify], ['restart', 1, true]);
  });

  it('starts a new series when the user restarts by hand', () => {
    const p = new RestartPolicy({ ...defaultRestartPolicy, maxRestarts: 1 }, () => 0);
    p.stopped();
    assert.equal(p.stopped().action, 'give-up');
    p.reset();
    assert.deepEqual([p.stopped().action], ['restart']);
  });
});

/** Timers the test fires by hand. */
function manualTimers(): WatchdogTimers & { fire(): void; pending(): number } {
  const live = new Map<number, () => void>();
  let next = 0;
  return {
    set: (fn) => (live.set(++next, fn), next),
    clear: (h) => void live.delete(h as number),
    fire: () => {
      for (const [h, fn] of [...live]) {
        live.delete(h);
        fn();
      }
    },
    pending: () => live.size,
  };
}

describe('ResponseWatchdog', () => {
  it('reports a request unanswered past the bound once, and again after an answer re-arms it', async () => {
    const timers = manualTimers();
    const stalls: string[] = [];
    const w = new ResponseWatchdog(20_000, (r, ms) => stalls.push(`${r} ${ms}`), timers);
    let answer!: (v: number) => void;
    const a = w.track('a hover request', new Promise<number>((r) => (answer = r)));
    w.track('a completion request', new Promise(() => undefined));
    timers.fire();
    assert.deepEqual(stalls, ['a hover request 20000'], 'two stuck requests, one report');
    answer(7);
    assert.equal(await a, 7);
    w.track('a code lens request', new Promise(() => undefined));
    timers.fire();
    assert.deepEqual(stalls, ['a hover request 20000', 'a code lens request 20000']);
  });

  it('clears the timer of an answered request and passes errors and plain values through', async () => {
    const timers = manualTimers();
    const stalls: string[] = [];
    const w = new ResponseWatchdog(1000, (r) => stalls.push(r), timers);
    await w.track('x', Promise.resolve(1));
    await assert.rejects(Promise.resolve(w.track('y', Promise.reject(new Error('boom')))), /boom/);
    assert.equal(w.track('z', 5), 5);
    assert.equal(timers.pending(), 0);
    timers.fire();
    assert.deepEqual(stalls, []);
  });
});
