// CLI start-up: one `oauth-error-bot lookup` as a user runs it (a new process on the built JavaScript),
// beside a bare Node.js start. The two alternate, so a busy moment of the machine hits both alike.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, percentile, table } from './stats.js';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 30);
const WARMUP = 3;
/** The aim of issue 16: a lookup costs at most this many bare starts. */
const AIM = 3;

const bin = fileURLToPath(new URL('../bin/oauth-error-bot.js', import.meta.url));
const commands = {
  bare: [process.execPath, '-e', '0'],
  lookup: [process.execPath, bin, 'lookup', 'AADSTS50011'],
} as const;

function timeOnce(argv: readonly string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

// The warm-up also fills the catalog cache, as the first run after an install does.
for (let i = 0; i < WARMUP; i += 1) for (const argv of Object.values(commands)) timeOnce(argv);
const times = { bare: [] as number[], lookup: [] as number[] };
for (let i = 0; i < RUNS; i += 1) {
  times.bare.push(timeOnce(commands.bare));
  times.lookup.push(timeOnce(commands.lookup));
}

const describe = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return [
    ms(median(values)),
    `${ms(percentile(sorted, 10))} – ${ms(percentile(sorted, 90))}`,
    `${ms(sorted[0] as number)} – ${ms(sorted.at(-1) as number)}`,
  ];
};
const ratio = median(times.lookup) / median(times.bare);
// The ratio of each alternating pair shows how much the figure moves with the machine's load.
const pairs = times.lookup.map((lookup, i) => lookup / (times.bare[i] as number)).sort((a, b) => a - b);
console.log(`${RUNS} runs of each, alternating (BENCH_CLI_RUNS to change), after ${WARMUP} unmeasured`);
console.log(
  table([
    ['command', 'median', 'p10 – p90', 'min – max'],
    ['node -e 0 (baseline)', ...describe(times.bare)],
    ['oauth-error-bot lookup AADSTS50011', ...describe(times.lookup)],
  ]),
);
console.log(
  `lookup / bare start: ${ratio.toFixed(2)}× (medians; aim ≤ ${AIM}×, ${ratio <= AIM ? 'met' : 'missed'}); ` +
    `per pair p10 – p90 ${(percentile(pairs, 10)).toFixed(2)}× – ${(percentile(pairs, 90)).toFixed(2)}×`,
);
