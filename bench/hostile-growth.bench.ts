// Hostile inputs at two sizes 10× apart (issue 15, "time and memory follow the input, linearly"): a
// spec with many unknown keys, a Parquet file whose footer claims 10× more rows, a JSON Lines file
// that is one line with no line feed, and a CSV header of many names with the required ones missing.
// The parent writes each input to a temporary folder; each measurement runs in its own child
// process, so its peak RSS (process.resourceUsage().maxRSS) is its own and excludes generating the
// input. Prints time, peak memory and the ratio of the larger size over the smaller: linear work
// grows about ×10, bounded work about ×1, quadratic work ×100. Nothing is asserted.
// Run: node --import tsx bench/hostile-growth.bench.ts   (or `npm run bench hostile`)
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeSpec, defaultSettings } from '../server/src/core';
import { CALIBRATION_SCHEMA, readTable } from '../server/src/core/data';
import { forgedParquet } from '../test/support/hostile/forgedParquet';

type Kind = 'keys' | 'parquet' | 'jsonl' | 'columns';
interface Measured {
  ms: number;
  rssMb: number;
  what: string;
}

const cases: { kind: Kind; label: string; unit: string; sizes: [number, number] }[] = [
  { kind: 'keys', label: 'unknown keys under golden_set', unit: 'keys', sizes: [4_000, 40_000] },
  { kind: 'parquet', label: 'Parquet footer claiming rows', unit: 'rows claimed', sizes: [100_000_000, 1_000_000_000] },
  { kind: 'jsonl', label: 'JSON Lines, one line, no line feed', unit: 'bytes', sizes: [20_000_000, 200_000_000] },
  { kind: 'columns', label: 'CSV header, required columns missing', unit: 'header names', sizes: [100_000, 1_000_000] },
];

/** Writes the input of one case; returns the file name inside `dir`. */
async function writeInput(dir: string, kind: Kind, size: number): Promise<string> {
  switch (kind) {
    case 'keys': {
      const lines = ['evalspec: 1', 'name: many-keys', 'golden_set:', '  size: 200'];
      for (let i = 0; i < size; i++) lines.push(`  key_${i}: ${i}`);
      writeFileSync(join(dir, 'keys.evalspec.yaml'), `${lines.join('\n')}\n`);
      return 'keys.evalspec.yaml';
    }
    case 'parquet':
      writeFileSync(join(dir, 'forged.parquet'), await forgedParquet(BigInt(size), ['judge_score', 'human_label']));
      return 'forged.parquet';
    case 'jsonl': {
      const fd = openSync(join(dir, 'one.jsonl'), 'w');
      const block = Buffer.from('{"judge_score": 4, "human_label": 4} '.repeat(28_000));
      let written = 0;
      while (written < size) written += writeSync(fd, block, 0, Math.min(block.length, size - written));
      closeSync(fd);
      return 'one.jsonl';
    }
    case 'columns':
      writeFileSync(join(dir, 'wide.csv'), `${Array.from({ length: size }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(size - 1)}1\n`);
      return 'wide.csv';
  }
}

/** In the child: one measurement of one input. */
async function child(kind: Kind, dir: string, file: string): Promise<void> {
  let run: () => Promise<string>;
  if (kind === 'keys') {
    const text = readFileSync(join(dir, file), 'utf8');
    const settings = { ...defaultSettings, maxDocumentLength: 100_000_000 };
    run = async () => {
      const a = analyzeSpec(text, { settings });
      return `${a.diagnostics.length} diagnostics, longest message ${Math.max(...a.diagnostics.map((d) => d.message.length))} chars`;
    };
  } else {
    run = async () => {
      const r = await readTable(file, CALIBRATION_SCHEMA, undefined, () => {}, { workspaceRoot: dir, maxBytes: 10 ** 10 });
      return r.ok ? `read, ${r.rows} rows, ${r.badRows.count} bad` : `refused (${r.code}), message ${r.message.length} chars`;
    };
  }
  const t0 = performance.now();
  const what = await run();
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, what } satisfies Measured));
}

function measure(kind: Kind, dir: string, file: string): Measured {
  const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', kind, dir, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status === 0) return JSON.parse(r.stdout) as Measured;
  return { ms: Number.NaN, rssMb: Number.NaN, what: `failed: ${(r.stderr.split('\n').find((l) => l.trim()) ?? String(r.signal)).slice(0, 200)}` };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3] as Kind, process.argv[4]!, process.argv[5]!);
  console.log(`hostile inputs at two sizes 10× apart, one child process per measurement; load average ${loadavg()[0]!.toFixed(1)} (the machine may be shared: read the ratios)`);
  const rows: string[] = [];
  for (const c of cases) {
    const got: Measured[] = [];
    for (const size of c.sizes) {
      const dir = mkdtempSync(join(tmpdir(), 'evalspec-growth-'));
      try {
        const file = await writeInput(dir, c.kind, size);
        const m = measure(c.kind, dir, file);
        got.push(m);
        rows.push(`| ${c.label} | ${size.toLocaleString('en-US')} ${c.unit} | ${m.ms.toFixed(0)} | ${m.rssMb.toFixed(0)} | ${m.what} |`);
        console.log(rows.at(-1));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    rows.push(`| ${c.label} | **×10 input** | **×${(got[1]!.ms / got[0]!.ms).toFixed(1)}** | **×${(got[1]!.rssMb / got[0]!.rssMb).toFixed(2)}** | |`);
    console.log(rows.at(-1));
  }
  console.log(`\n| input | size | time (ms) | peak RSS (MB) | result |\n|---|---|---:|---:|---|\n${rows.join('\n')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
