// Routing alerts respect sampling noise, and tiers are identified by role or price, never list order.
//   - A stationary log with binomial noise and ~70 requests an hour must not fire the flagship-share
//     alert (the guard: ≥ 30 requests a window and a one-sided exact binomial p ≤ 0.05/8,640 against the
//     baseline share); the same log with a real bleed from day 30 fires, with the guard's numbers.
//   - A spec listing the flagship first alerts on the flagship; `check` and `report` name the same tiers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSpec, defaultSettings } from '../../../server/src/core';
import { routingReport, type RoutingReport } from '../../../server/src/core/reports';
import { binomialUpperTail } from '../../../server/src/core/stats/binomialUpperTail';
import { costShareBelow, costShareNull, costSharePValue } from '../../../server/src/core/reports/costShareGuard';
import { seededRandom } from '../../../server/src/core/stats/seededRandom';
import { routingOptions } from '../../../server/src/data/coreReports';
import { routingBatch, type RequestRow } from './helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 1);
const COST = { cheap: 0.000192, mid: 0.001024, flagship: 0.00768 } as const;

/** 35 days, Poisson-ish ~70 requests an hour (uniform times), each tier drawn independently. */
function noisyLog(seed: number, flagshipShare: (day: number) => number): RequestRow[] {
  const rng = seededRandom(seed);
  const rows: RequestRow[] = [];
  const perDay = 70 * 24;
  for (let d = 0; d < 35; d++) {
    const pf = flagshipShare(d);
    for (let i = 0; i < perDay; i++) {
      const u = rng.nextFloat();
      const tier = u < pf ? 'flagship' : u < pf + 0.22 ? 'mid' : 'cheap';
      rows.push({ time: T0 + d * DAY + Math.floor(rng.nextFloat() * DAY), tier, confidence: 0.72, cost: COST[tier], quality: 1 });
    }
  }
  return rows.sort((a, b) => a.time - b.time);
}

function report(rows: RequestRow[], options = {}): RoutingReport {
  const r = routingReport([routingBatch(rows)], options);
  assert.ok(r.defined, r.defined ? '' : r.reason);
  return r.value;
}
const share = (r: RoutingReport) => r.alerts.find((a) => a.kind === 'flagship-share')!;

describe('flagship-share alert: sampling-noise guard', () => {
  it('the exact one-sided binomial tail', () => {
    // P(X ≥ 2 | 3, 0.5) = 4/8; P(X ≥ 0) = 1; P(X ≥ 4 | 3, p) = 0; and a tail summed term by term.
    assert.ok(Math.abs(binomialUpperTail(2, 3, 0.5) - 0.5) < 1e-15);
    assert.equal(binomialUpperTail(0, 3, 0.2), 1);
    assert.equal(binomialUpperTail(4, 3, 0.2), 0);
    let direct = 0;
    const n = 72;
    const p = 0.109;
    for (let k = 20; k <= n; k++) {
      let c = 1;
      for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
      direct += c * p ** k * (1 - p) ** (n - k);
    }
    assert.ok(Math.abs(binomialUpperTail(20, n, p) / direct - 1) < 1e-9, `${binomialUpperTail(20, n, p)} vs ${direct}`);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`a stationary log at ~70 requests an hour does not fire (seed ${seed}), while the bare threshold does`, () => {
      const rows = noisyLog(seed, () => 0.11);
      const guarded = share(report(rows));
      assert.equal(guarded.first, null, guarded.first?.message);
      assert.equal(guarded.firing, 0);
      // Without the guard, binomial noise alone crosses baseline + 5 pp in some 1-hour windows.
      const bare = share(report(rows, { shareAlertAlpha: 1e9, minWindowRequests: 0 }));
      assert.ok(bare.firing > 0, 'the test log must contain noise windows over the line, or it proves nothing');
      assert.equal(guarded.suppressed, bare.firing);
    });
  }

  it('a real bleed (11% → 28% from day 30) fires on day 30, with the guard numbers in the alert', () => {
    const r = share(report(noisyLog(7, (d) => (d >= 30 ? 0.28 : 0.11))));
    assert.ok(r.first, 'the incident must be detected');
    assert.match(r.first.at, /^2026-10-0[12]T/); // within a day of the bleed's start (day 30, 2026-10-01)
    const g = r.first.guard!;
    assert.ok(g.requests >= 30 && g.pValue <= g.alpha && g.minWindowRequests === 30);
    assert.equal(g.alpha, 0.05 / 8640);
    assert.equal(g.pValue, binomialUpperTail(g.flagship, g.requests, g.baselineShare));
    assert.match(r.first.message, /one-sided exact binomial p = .* against the baseline share, ≤ 5\.8e-6 = 0\.05 false alarms per 30 days over its 5-min steps; at least 30 requests a window/);
  });

  it('too few requests in a window never fire, however large the share', () => {
    const rows = noisyLog(9, () => 0.11).filter((x) => x.time < T0 + 30 * DAY);
    for (let i = 0; i < 10; i++) rows.push({ time: T0 + 30 * DAY + 3_600_000 + i, tier: 'flagship', confidence: 0.72, cost: COST.flagship, quality: 1 });
    const r = share(report(rows, { minWindowRequests: 30 }));
    assert.equal(r.first, null);
    assert.ok(share(report(rows, { minWindowRequests: 5 })).first); // 10 of 10 flagship: p ≈ 0.11^10
  });
});

const costShare = (r: RoutingReport) => r.alerts.find((a) => a.kind === 'cost-share')!;

describe('cost-share alert: sampling-noise guard', () => {
  it('the null p-value: exact where the rest of the window is one fixed-cost tier, and monotone', () => {
    // Two tiers, other cost 1, flagship cost 9: S ≥ 0.5 ⇔ 9k ≥ n − k ⇔ k ≥ n/10; n = 40 → k ≥ 4.
    const h = costShareNull([90, 10], [90, 90], 1)!;
    assert.deepEqual(h, { flagshipShare: 0.1, flagshipCost: 9, otherMean: 1, otherVariance: 0 });
    assert.ok(Math.abs(costSharePValue(0.5, 40, h) - binomialUpperTail(4, 40, 0.1)) < 1e-15);
    let last = 1;
    for (const s of [0.3, 0.5, 0.7, 0.8, 0.9, 0.95]) {
      const p = costSharePValue(s, 72, costShareNull([700, 220, 80], [700 * 192, 220 * 1024, 80 * 7680], 2)!);
      assert.ok(p <= last, `p-value must fall as the observed share rises (${s}: ${p} after ${last})`);
      last = p;
    }
  });

  it('the early-stopping decision equals the full p-value against alpha, also for alphas at and around the p-value', () => {
    const nulls = [costShareNull([700, 220, 80], [700 * 192, 220 * 1024, 80 * 7680], 2)!, costShareNull([900, 100], [900, 900], 1)!, costShareNull([500, 300, 200], [500 * 3, 300 * 5, 200 * 40], 2)!];
    let checked = 0;
    let passing = 0;
    for (const h of nulls) {
      for (const n of [1, 12, 30, 72, 400, 3000]) {
        for (let s = 0.01; s < 1.0001; s += 0.037) {
          const p = costSharePValue(s, n, h);
          for (const alpha of [0.05 / 8640, 1e-12, 0.01, 0.5, p, p * (1 + 1e-12), p * (1 - 1e-12), p * 1.001, p / 1.001]) {
            assert.equal(costShareBelow(s, n, h, alpha), p <= alpha, `s ${s}, n ${n}, alpha ${alpha}, p ${p}`);
            checked++;
            if (p <= alpha) passing++;
          }
        }
      }
    }
    assert.ok(checked > 1000 && passing > 100 && checked - passing > 100, `${checked} cases, ${passing} passing`);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`a stationary log at ~70 requests an hour does not fire the cost-share alert (seed ${seed}), while the bare rule does`, () => {
      const rows = noisyLog(seed, () => 0.11);
      const guarded = costShare(report(rows));
      assert.equal(guarded.first, null, guarded.first?.message);
      const bare = costShare(report(rows, { shareAlertAlpha: 1e9, minWindowRequests: 0 }));
      assert.ok(bare.firing > 0, 'the test log must contain noise windows over the line, or it proves nothing');
      assert.equal(guarded.suppressed, bare.firing);
    });
  }

  it('a real bleed (11% → 28% from day 30) fires the cost-share alert on day 30, with its guard numbers', () => {
    const r = costShare(report(noisyLog(7, (d) => (d >= 30 ? 0.28 : 0.11))));
    assert.ok(r.first, 'the incident must be detected');
    assert.match(r.first.at, /^2026-10-0[12]T/);
    const g = r.first.guard!;
    assert.ok(g.requests >= 30 && g.pValue <= g.alpha && g.alpha === 0.05 / 8640);
    assert.match(r.first.message, /P\(cost share ≥ observed\) = .* ≤ 5\.8e-6; at least 30 requests a window/);
  });

  it('a flagship price rise with an unchanged mix still fires (the guard is on spend, not only on counts)', () => {
    const rows = noisyLog(11, () => 0.11).map((x) => (x.tier === 'flagship' && x.time >= T0 + 30 * DAY ? { ...x, cost: x.cost * 4 } : x));
    const r = costShare(report(rows));
    assert.ok(r.first, 'a 4× flagship price from day 30 must fire');
    assert.match(r.first.at, /^2026-10-0[12]T/);
    assert.equal(share(report(rows)).first, null, 'the request shares did not move');
  });
});

describe('tiers by role or price, never list order', () => {
  const spec = (tiers: string) => `evalspec: 1
name: t
metrics:
  - {id: m, primary: true, kind: binary, expected_pass_rate: 0.8}
golden_set: {size: 100}
router:
  tiers:
${tiers}
  results: data/routing.csv
`;
  const flagshipFirst = spec(`    - {name: big, price_per_1m_output_tokens: 30, share: 0.08}
    - {name: small, price_per_1m_output_tokens: 0.75, share: 0.70}
    - {name: medium, price_per_1m_output_tokens: 4, share: 0.22}`);
  const job = (text: string) => {
    const a = analyzeSpec(text);
    return { a, o: routingOptions({ kind: 'routing', specPath: '/x/s.evalspec.yaml', dataPath: 'data/routing.csv', model: a.model!, settings: defaultSettings, workspaceRoots: ['/x'] }) };
  };

  it('a spec listing the flagship first watches the flagship; check and report agree', () => {
    const { a, o } = job(flagshipFirst);
    assert.equal(o.flagshipTier, 'big');
    assert.equal(o.cheapTier, 'small');
    const fig = a.figures.json['router'] as { cheapTier: { name: string }; flagshipTier: string };
    assert.equal(fig.flagshipTier, o.flagshipTier);
    assert.equal(fig.cheapTier.name, o.cheapTier);
    // The report on a log where "big" bleeds alerts on "big", not on the last-listed "medium".
    const rows = noisyLog(11, (d) => (d >= 30 ? 0.28 : 0.11)).map((x) => ({ ...x, tier: x.tier === 'flagship' ? 'big' : x.tier === 'cheap' ? 'small' : 'medium' }));
    const r = routingReport([routingBatch(rows, ['big', 'small', 'medium'])], o);
    assert.ok(r.defined);
    assert.equal(r.value.settings.flagshipTier, 'big');
    assert.ok(share(r.value).first);
  });

  it('an explicit role wins over price', () => {
    const { a, o } = job(spec(`    - {name: a, role: flagship, price_per_1m_output_tokens: 4, share: 0.3}
    - {name: b, role: cheap, price_per_1m_output_tokens: 30, share: 0.7}`));
    assert.equal(o.flagshipTier, 'a');
    assert.equal(o.cheapTier, 'b');
    assert.equal((a.figures.json['router'] as { flagshipTier: string }).flagshipTier, 'a');
  });
});
