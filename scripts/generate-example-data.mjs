#!/usr/bin/env node
// Writes the example data files that examples/support-chat.evalspec.yaml points at. Seeded and
// deterministic: a rerun writes byte-identical files (no clock, no Math.random).
//
//   examples/data/calibration.csv   judge score 1–5, two human annotators, judge confidence, cohort
//                                   (free/pro/enterprise), month (2026-04 … 2026-09). Calibration rot:
//                                   the judge's noise grows month by month, so Spearman ρ against the
//                                   humans falls from about 0.85 to about 0.62 (seed text, Deep Dive A),
//                                   while its confidence stays as high as on day one (overconfidence).
//                                   One batch (2026-07 / enterprise) has a careless second annotator,
//                                   so its κ is under 0.80 and the report excludes it.
//   examples/data/routing.csv       35 days of requests (2026-09-01 … 2026-10-05), a uniform random
//                                   sample of the spec's 1,000 QPS at router.sample_rate 0.00002 (one
//                                   request in 50,000: 72 an hour on average): time, tier, router
//                                   confidence, cost, quality of the served answer; for a 5% shadow
//                                   sample also quality_cheap/quality_flagship.
//                                   On day 30 (2026-09-30) at 14:00 UTC a long-context feature ships:
//                                   a quarter of the traffic is new and the router is unsure of it,
//                                   flagship share goes from 8% to 28% (seed Deep Dive B: silent
//                                   flagship bleed; the ledger's router-drift row prices exactly this
//                                   20% shift), p10 confidence drops from ~0.74 to under 0.55.
//   examples/data/routing.jsonl     the first week of the same rows as JSON Lines (kept small).
//   examples/data/routing.parquet   the same rows as Parquet (needs the hyparquet-writer devDependency).
//
// Sampling noise is the real one: each hour's count is Poisson(72) (Bernoulli sampling of 3.6M
// requests), and each request's tier is an independent draw from the hour's mix, so an hour's
// flagship count has binomial spread (sd ≈ 2.3 of 5.8 before the bleed). The alerts' sampling-noise
// guards (docs/statistics.md) keep such a log quiet before the bleed and detect the bleed on day 30.
// Every request has 256 output tokens (the seed's average) priced per tier as in the spec
// ($0.75 / $4 / $30 per 1M tokens), so costs are exact decimals.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'examples', 'data');
mkdirSync(out, { recursive: true });

/** mulberry32: a small seeded generator, enough for example data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function normal(r) {
  const u = 1 - r();
  const v = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
/** Poisson(λ) by multiplying uniforms (Knuth); fine for λ = 72 (e^−72 ≈ 5e−32 is a normal double). */
function poisson(r, lambda) {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = r();
  while (p > limit) {
    k++;
    p *= r();
  }
  return k;
}
const likert = (x) => (x < -1.2 ? 1 : x < -0.4 ? 2 : x < 0.4 ? 3 : x < 1.2 ? 4 : 5);

// ---------------------------------------------------------------- calibration set
{
  const r = rng(20260401);
  const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
  const cohorts = [
    ['free', 0.6],
    ['pro', 0.3],
    ['enterprise', 0.1],
  ];
  const perMonth = 300;
  // judge noise per month: ρ ≈ 0.85 in April down to ≈ 0.62 in September
  const judgeNoise = [0.45, 0.52, 0.6, 0.74, 0.82, 0.95];
  const lines = ['judge_score,human_label,human_label_2,judge_confidence,cohort,month'];
  months.forEach((month, m) => {
    for (const [cohort, share] of cohorts) {
      const n = Math.round(perMonth * share);
      for (let i = 0; i < n; i++) {
        const z = normal(r) * 0.9;
        const h1 = likert(z + normal(r) * 0.05);
        const careless = month === '2026-07' && cohort === 'enterprise';
        const h2 = likert(z + normal(r) * (careless ? 0.9 : 0.05));
        const judge = likert(z + normal(r) * judgeNoise[m]);
        // the judge is as sure of itself in September as in April
        const confidence = Math.min(0.99, 0.55 + 0.44 * Math.sqrt(r()));
        lines.push(`${judge},${h1},${h2},${confidence.toFixed(2)},${cohort},${month}`);
      }
    }
  });
  writeFileSync(join(out, 'calibration.csv'), lines.join('\n') + '\n');
}

// ---------------------------------------------------------------- routing log
{
  const r = rng(20260901);
  const start = Date.UTC(2026, 8, 1); // 2026-09-01
  const days = 35;
  const perHour = 72; // expected requests an hour: 1,000 QPS × 3,600 s × 0.00002
  const bleedStart = Date.UTC(2026, 8, 30, 14); // day 30, 14:00 UTC
  const nanoPerToken = { cheap: 750, mid: 4000, flagship: 30000 }; // $0.75, $4, $30 per 1M tokens
  const tokens = 256;
  const rows = [];
  for (let h = 0; h < days * 24; h++) {
    const times = [];
    for (let i = poisson(r, perHour); i > 0; i--) times.push(start + h * 3_600_000 + Math.floor(r() * 3_600) * 1000);
    times.sort((a, b) => a - b);
    for (const t of times) {
      const bleed = t >= bleedStart;
      const u = r();
      const longContext = bleed && r() < 0.25;
      // healthy router confidence: p10 ≈ 0.74; the new long-context traffic sits at 0.30–0.60
      const confidence = longContext ? 0.3 + 0.3 * r() : 0.62 + 0.38 * Math.sqrt(r());
      const [cheapUpTo, midUpTo] = bleed ? [0.54, 0.72] : [0.7, 0.92];
      const tier = u < cheapUpTo ? 'cheap' : u < midUpTo ? 'mid' : 'flagship';
      const passCheap = (longContext ? 0.2 : 0.45) + 0.5 * confidence;
      const passFor = { cheap: passCheap, mid: 0.88, flagship: 0.93 };
      const quality = r() < passFor[tier] ? 1 : 0;
      const shadow = r() < 0.05;
      const qc = shadow ? (tier === 'cheap' ? quality : r() < passCheap ? 1 : 0) : '';
      const qf = shadow ? (tier === 'flagship' ? quality : r() < 0.93 ? 1 : 0) : '';
      const nano = tokens * nanoPerToken[tier];
      rows.push({
        time: new Date(t).toISOString().replace('.000Z', 'Z'),
        tier,
        confidence: confidence.toFixed(3),
        cost: (nano / 1e9).toFixed(9).replace(/0+$/, ''),
        quality,
        quality_cheap: qc,
        quality_flagship: qf,
      });
    }
  }
  const header = ['time', 'tier', 'confidence', 'cost', 'quality', 'quality_cheap', 'quality_flagship'];
  writeFileSync(join(out, 'routing.csv'), header.join(',') + '\n' + rows.map((row) => header.map((h) => row[h]).join(',')).join('\n') + '\n');
  // JSON Lines: the first week only (12,190 rows), to keep the committed copy small; optional
  // columns are left out of a line when empty, as JSON Lines writers do.
  const firstWeek = rows.filter((row) => row.time < '2026-09-08');
  writeFileSync(
    join(out, 'routing.jsonl'),
    firstWeek
      .map((row) =>
        JSON.stringify({
          time: row.time,
          tier: row.tier,
          confidence: Number(row.confidence),
          cost: Number(row.cost),
          quality: row.quality,
          ...(row.quality_cheap === '' ? {} : { quality_cheap: row.quality_cheap, quality_flagship: row.quality_flagship }),
        }),
      )
      .join('\n') + '\n',
  );
  try {
    const { parquetWriteFile } = await import('hyparquet-writer');
    parquetWriteFile({
      filename: join(out, 'routing.parquet'),
      columnData: [
        { name: 'time', data: rows.map((x) => x.time), type: 'STRING' },
        { name: 'tier', data: rows.map((x) => x.tier), type: 'STRING' },
        { name: 'confidence', data: rows.map((x) => Number(x.confidence)), type: 'DOUBLE' },
        { name: 'cost', data: rows.map((x) => Number(x.cost)), type: 'DOUBLE' },
        { name: 'quality', data: rows.map((x) => x.quality), type: 'DOUBLE' },
        { name: 'quality_cheap', data: rows.map((x) => (x.quality_cheap === '' ? null : x.quality_cheap)), type: 'DOUBLE' },
        { name: 'quality_flagship', data: rows.map((x) => (x.quality_flagship === '' ? null : x.quality_flagship)), type: 'DOUBLE' },
      ],
    });
  } catch (e) {
    console.warn(`routing.parquet not written (${e.message}); install the devDependencies first`);
  }
}
console.log(`wrote ${out}`);
