// Core benchmark: catalog load, lookup latency and scan throughput, each beside a naive fuse.js baseline.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadCatalogs } from '../src/domain/catalog.js';
import { createResolver } from '../src/domain/resolver.js';
import { generateDenseLog, generateLog } from './generate-log.js';
import { lookupQueries } from './lookup-queries.js';
import { createNaive } from './naive.js';
import { median, percentile, table, timeEach } from './stats.js';

const LOG_BYTES = 1024 * 1024;
/** The naive scan is slow; it runs for this long and its rate is taken from the lines it got through. */
const NAIVE_SCAN_BUDGET_MS = 15_000;

/** Load + index in a fresh process (nothing compiled yet, as when the bot or the CLI starts). */
function coldLoad(cacheDir?: string): number {
  const script = fileURLToPath(new URL('./load-once.ts', import.meta.url));
  const output = execFileSync(process.execPath, ['--import', 'tsx', script, ...(cacheDir ? [cacheDir] : [])], {
    encoding: 'utf8',
  });
  return (JSON.parse(output) as { ms: number }).ms;
}
const cacheDir = mkdtempSync(join(tmpdir(), 'oauth-error-bot-bench-'));
const coldYaml = median([coldLoad(), coldLoad(), coldLoad()]);
coldLoad(cacheDir); // fills the cache, as the first start after an install or a catalog edit does
const coldCached = median([coldLoad(cacheDir), coldLoad(cacheDir), coldLoad(cacheDir)]);
rmSync(cacheDir, { recursive: true, force: true });
// In one process, after a first load: the steady cost of parsing and checking the YAML again.
const warmTimes: number[] = [];
for (let i = 0; i < 6; i += 1) {
  const start = performance.now();
  createResolver(await loadCatalogs());
  warmTimes.push(performance.now() - start);
}
const warmYaml = median(warmTimes.slice(1));
const catalog = await loadCatalogs();
const resolver = createResolver(catalog);
const naiveStart = performance.now();
const naive = createNaive(catalog.entries);
const naiveBuild = performance.now() - naiveStart;

const entries = catalog.entries;
const queries = lookupQueries(entries);
/** Our lookups run in a process of their own (lookup-times.ts), as the bot's and the CLI's do. */
function lookupTimes(): { first: number[]; steady: number[]; fastest: number[] } {
  const script = fileURLToPath(new URL('./lookup-times.ts', import.meta.url));
  const output = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  return JSON.parse(output) as { first: number[]; steady: number[]; fastest: number[] };
}
const { first: oursFirst, steady: ours, fastest: oursFastest } = lookupTimes();
// The naive lookup takes tens of ms per query: a short warm-up is enough to compile it.
const base = timeEach(queries, 1, (query) => naive.lookup(query), 20);

const log = generateLog(entries, LOG_BYTES);
const lines = log.split('\n');
const scanTimes = timeEach([log], 3, (text) => resolver.scan(text));
const scanMs = percentile(scanTimes, 50);
let naiveBytes = 0;
let naiveLines = 0;
const naiveScanStart = performance.now();
for (const line of lines) {
  naive.scanLine(line);
  naiveBytes += line.length + 1;
  naiveLines += 1;
  if (performance.now() - naiveScanStart > NAIVE_SCAN_BUDGET_MS) break;
}
const naiveScanMs = performance.now() - naiveScanStart;
const mbPerSecond = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);
const oursRate = mbPerSecond(log.length, scanMs);
const naiveRate = mbPerSecond(naiveBytes, naiveScanMs);
const findings = resolver.scan(log).findings.length;
const dense = generateDenseLog(LOG_BYTES);
const denseRate = mbPerSecond(
  dense.length,
  percentile(
    timeEach([dense], 3, (text) => resolver.scan(text)),
    50,
  ),
);

const f = (n: number, digits = 3) => n.toFixed(digits);
console.log(
  `Catalogs: ${catalog.providers.size} providers, ${entries.length} entries; ${queries.length} lookup queries; log ${lines.length} lines, ${f(log.length / 1024 / 1024, 2)} MB`,
);
console.log(
  table([
    ['measure', 'oauth-error-bot', 'naive baseline', 'ratio', 'aim'],
    ['start: catalog load + index, ms (fresh process, cached)', f(coldCached, 1), '', '', '< 200'],
    ['start: catalog load + index, ms (fresh process, YAML)', f(coldYaml, 1), '', '', ''],
    ['reload: catalog load + index, ms (warm, YAML)', f(warmYaml, 1), `${f(naiveBuild, 1)} (index only)`, '', ''],
    [
      'lookup p50, ms',
      f(percentile(ours, 50)),
      f(percentile(base, 50)),
      f(percentile(base, 50) / percentile(ours, 50), 1),
      '',
    ],
    [
      'lookup p99, ms',
      f(percentile(ours, 99)),
      f(percentile(base, 99)),
      f(percentile(base, 99) / percentile(ours, 99), 1),
      '< 1',
    ],
    [
      "lookup p50 / p99, ms, each query's fastest of 5 rounds (the code without the machine's pauses)",
      `${f(percentile(oursFastest, 50))} / ${f(percentile(oursFastest, 99))}`,
      '',
      '',
      '',
    ],
    [
      'lookup p50 / p99, ms, first pass after start (each query once, code not yet optimized)',
      `${f(percentile(oursFirst, 50))} / ${f(percentile(oursFirst, 99))}`,
      '',
      '',
      '',
    ],
    ['scan throughput, MB/s', f(oursRate, 2), f(naiveRate, 4), f(oursRate / naiveRate, 0), '>= 20x'],
    [
      'scan, every line a shared code and a host, MB/s (baseline: ours, the log above)',
      f(denseRate, 2),
      f(oursRate, 2),
      f(denseRate / oursRate, 2),
      '',
    ],
  ]),
);
console.log(
  `(naive scan measured on its first ${naiveLines} lines in ${f(naiveScanMs / 1000, 1)} s; our scan found ${findings} distinct errors in the whole log)`,
);
