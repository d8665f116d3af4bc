// Three days of a routing log whose confidences make every refinement level of the day p10 work
// (server/src/core/reports/sql/refineSql.ts), as a CSV for the built-in reader and DuckDB and as one
// ClickHouse SELECT computing the very same doubles in the server (no text parsing in between):
//   day 0: raw model scores, every one different — (i + 1) / 7919: refined once;
//   day 1: a cluster narrower than any bucket — 2⁻¹⁰ + k·2⁻⁶²: refined down to the values themselves;
//   day 2: scores on the 0.0001 grid (several per first-level bucket): refined once.
// One row every 20 s from 2026-09-01T00:00:00Z; tiers, costs, quality and a 5% shadow sample repeat.

export const REFINE_DAY_ROWS = 4_320;
export const REFINE_ROWS = 3 * REFINE_DAY_ROWS;
const T0_SECONDS = 1_788_220_800; // 2026-09-01T00:00:00Z
const TIERS = ['cheap', 'mid', 'flagship'] as const;
const COSTS = ['0.000192', '0.001024', '0.00768'] as const;

export function refineConfidence(i: number): number {
  if (i < REFINE_DAY_ROWS) return (i + 1) / 7919;
  if (i < 2 * REFINE_DAY_ROWS) return 2 ** -10 + (i - REFINE_DAY_ROWS) * 2 ** -62;
  return ((i * 7) % 10_000) / 10_000;
}

/** The log as CSV; confidences as their shortest round-trip text. */
export function refineCsv(): string {
  const lines = ['time,tier,confidence,cost,quality,quality_cheap,quality_flagship'];
  for (let i = 0; i < REFINE_ROWS; i++) {
    const shadow = i % 20 === 0;
    const time = new Date((T0_SECONDS + i * 20) * 1000).toISOString();
    lines.push([time, TIERS[i % 3], String(refineConfidence(i)), COSTS[i % 3], i % 5 < 4 ? 1 : 0, shadow ? (i % 7 < 5 ? 1 : 0) : '', shadow ? 1 : ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The same rows computed by ClickHouse (18.16): a typed table's SELECT. */
export function refineClickHouseSelect(): string {
  const d = REFINE_DAY_ROWS;
  return [
    `SELECT toDateTime(${T0_SECONDS} + number * 20) AS time, ['cheap', 'mid', 'flagship'][number % 3 + 1] AS tier,`,
    `       multiIf(number < ${d}, (number + 1) / 7919, number < ${2 * d}, 0.0009765625 + toFloat64(toInt64(number) - ${d}) * pow(2, -62), ((number * 7) % 10000) / 10000) AS confidence,`,
    `       [0.000192, 0.001024, 0.00768][number % 3 + 1] AS cost, toFloat64(number % 5 < 4) AS quality,`,
    `       if(number % 20 = 0, toFloat64(number % 7 < 5), NULL) AS quality_cheap,`,
    `       if(number % 20 = 0, toFloat64(1), NULL) AS quality_flagship`,
    `FROM numbers(${3 * d})`,
  ].join('\n');
}
