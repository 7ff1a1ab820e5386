// How long the statistics take at the sizes the harness feeds them, per path per run:
//   npx tsx harness/stats/bench-stats.ts
// Prints the median of a few timed runs after one warm-up. A benchmark, not a test: it prints
// figures and checks nothing.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { bootstrapCi, bootstrapDiffCi, bootstrapPairedDiffCi } from './bootstrap.js';
import { cliffsDelta, hodgesLehmannShift } from './effect-size.js';
import { mannWhitneyU } from './mann-whitney.js';
import { normalQuantile } from './normal.js';
import { permutationTest } from './permutation.js';
import { mean, p95 } from './statistics.js';

/** Log-normal latencies in ms (median ~800 ms, long right tail), seeded. */
function latencies(n: number, seed: number): number[] {
  const rng = xoroshiro128plus(seed);
  return Array.from({ length: n }, () => {
    let u = uniformFloat64(rng);
    while (u === 0) u = uniformFloat64(rng);
    return Math.exp(Math.log(800) + 0.6 * normalQuantile(u));
  });
}

/** Median wall time and median CPU time (user + system) of a few runs after one warm-up. */
function time(run: () => unknown, repeats = 5): { wallMs: number; cpuMs: number } {
  run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return { wallMs: median(walls), cpuMs: median(cpus) };
}

const small = latencies(1_000, 1);
const a = latencies(10_000, 2);
const b = latencies(10_000, 3);
const pairs = a.map((x, i) => [x, b[i] as number] as const);

const rows: Array<[string, { wallMs: number; cpuMs: number }]> = [
  ['bootstrapCi p95, 2,000 resamples, n = 1,000', time(() => bootstrapCi(small, p95, { seed: 1 }))],
  ['bootstrapCi p95, 2,000 resamples, n = 10,000', time(() => bootstrapCi(a, p95, { seed: 1 }))],
  ['bootstrapCi mean, 2,000 resamples, n = 10,000', time(() => bootstrapCi(a, mean, { seed: 1 }))],
  [
    'bootstrapDiffCi p95, 2,000 resamples, 10,000 + 10,000',
    time(() => bootstrapDiffCi(a, b, p95, { seed: 1 }), 3),
  ],
  [
    'bootstrapPairedDiffCi p95, 2,000 resamples, 10,000 pairs',
    time(() => bootstrapPairedDiffCi(pairs, p95, { seed: 1 }), 3),
  ],
  ['mannWhitneyU, 10,000 vs 10,000', time(() => mannWhitneyU(a, b))],
  ['cliffsDelta, 10,000 vs 10,000', time(() => cliffsDelta(a, b))],
  ['hodgesLehmannShift, 10,000 vs 10,000 (1e8 differences)', time(() => hodgesLehmannShift(a, b))],
  [
    'permutationTest mean diff, 5,000 permutations, 1,000 vs 1,000',
    time(
      () => permutationTest(small, latencies(1_000, 4), (x, y) => mean(y) - mean(x), { seed: 1 }),
      3,
    ),
  ],
];

// CPU time next to wall time: on a shared machine the wall figure includes waiting for a core.
const width = Math.max(...rows.map(([name]) => name.length));
process.stdout.write(
  `${'operation'.padEnd(width)}  ${'wall ms'.padStart(8)}  ${'cpu ms'.padStart(8)}\n`,
);
for (const [name, { wallMs, cpuMs }] of rows) {
  process.stdout.write(
    `${name.padEnd(width)}  ${wallMs.toFixed(1).padStart(8)}  ${cpuMs.toFixed(1).padStart(8)}\n`,
  );
}
const ratio = (rows[1]?.[1].cpuMs ?? 0) / (rows[0]?.[1].cpuMs ?? 1);
process.stdout.write(
  `bootstrap p95 CPU cost, 10,000 against 1,000 samples: ${ratio.toFixed(1)}×\n`,
);
