// Scan speed A/B (`npm run bench:scan-ab [-- <commit>]`): the resolver of a baseline commit (default
// babd805, the start of the session that grew the catalogs from 16 to 38 providers; SCAN_AB_BASE or the
// first argument to change it) and the current tree scan one and the same 1 MB log, in alternation.
//
// The baseline's tree is checked out with `git worktree add` into a temporary folder, sharing this
// checkout's node_modules (nothing is installed), and removed afterwards. Each side runs in a process of
// its own (its own compiled code and heap), loads its own catalogs, and scans on request; rounds
// alternate which side goes first. The log is generated once, by the current bench/generate-log.ts
// from the BASELINE's catalogs: every error in it is one both sides know (the catalogs only grew), and
// it stays the same whatever the current catalogs become, so the figure moves only with the code and
// with how much more the current catalogs make each line cost. (A log from the current catalogs would
// hold errors the baseline has never heard of, which it reads as noise: a cheaper log for it.)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./scan-ab-child.ts', import.meta.url));
const GENERATOR = fileURLToPath(new URL('./generate-log.ts', import.meta.url));
const DEFAULT_BASE = 'babd805';

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
const base = (isMain ? process.argv[2] : undefined) ?? process.env.SCAN_AB_BASE ?? DEFAULT_BASE;
const rounds = Number(process.env.SCAN_AB_ROUNDS ?? 7);
const perRound = Number(process.env.SCAN_AB_SCANS ?? 5);
const warmup = 2;

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Why the baseline cannot be checked out here, or undefined when it can. */
function missingHistory(): string | undefined {
  try {
    git('rev-parse', '--is-inside-work-tree');
  } catch {
    return `no git history here (${ROOT} is not a git checkout): the A/B comparison needs a clone with the baseline commit ${base}`;
  }
  try {
    git('cat-file', '-e', `${base}^{commit}`);
  } catch {
    const shallow = git('rev-parse', '--is-shallow-repository') === 'true';
    return `the baseline commit ${base} is not in this clone's history${shallow ? ' (a shallow clone: `git fetch --unshallow` brings the rest)' : ''}`;
  }
  return undefined;
}

interface Side {
  name: string;
  info: { bytes: number; providers: number; entries: number; findings: number };
  /** Milliseconds of each of `count` scans: elapsed, and CPU used by the process meanwhile. */
  scan(count: number): Promise<{ ms: number[]; cpu: number[] }>;
  stop(): void;
}

/** Starts a side's process and waits until it has loaded its catalogs (and written the log, if asked). */
function startSide(name: string, root: string, logFile: string, writeLog: boolean): Promise<Side> {
  const args = ['--import', 'tsx', CHILD, root, logFile, ...(writeLog ? ['--write-log', GENERATOR] : [])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const reply = await replies.next();
    if (reply.done) throw new Error(`the ${name} side stopped (exit code ${child.exitCode})`);
    return JSON.parse(reply.value);
  };
  return next().then((info) => ({
    name,
    info,
    async scan(count) {
      child.stdin.write(`${count}\n`);
      return (await next()) as { ms: number[]; cpu: number[] };
    },
    stop: () => child.stdin.end(),
  }));
}

const mbPerSecond = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);
const f = (n: number, digits = 2) => n.toFixed(digits);

async function compare(): Promise<void> {
  const why = missingHistory();
  if (why) {
    console.log(`Scan A/B skipped: ${why}.`);
    if (isMain) process.exitCode = 1;
    return;
  }
  const commit = git('rev-parse', '--short', `${base}^{commit}`);
  const current = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' + uncommitted changes' : ''}`;
  const dir = mkdtempSync(join(tmpdir(), 'oauth-error-bot-scan-ab-'));
  const tree = join(dir, 'baseline');
  const logFile = join(dir, 'log.txt');
  const sides: Side[] = [];
  try {
    git('worktree', 'add', '--detach', '--quiet', tree, commit);
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    const baseline = await startSide(`baseline ${commit}`, tree, logFile, true);
    sides.push(baseline);
    const now = await startSide(`current ${current}`, ROOT, logFile, false);
    sides.push(now);
    for (const side of sides) await side.scan(warmup);
    // Elapsed time is what a user waits; CPU time (every thread of the process, garbage collection
    // included) is what the scan costs, and moves far less when other work shares the machine.
    const measures = ['elapsed', 'cpu'] as const;
    const rates = new Map(sides.map((side) => [side, { elapsed: [] as number[], cpu: [] as number[] }]));
    const ratios = { elapsed: [] as number[], cpu: [] as number[] };
    const perRoundRows: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      // Which side goes first alternates, so neither always scans right after the other's garbage.
      const order = round % 2 === 0 ? [baseline, now] : [now, baseline];
      const medians = new Map<Side, { elapsed: number; cpu: number }>();
      for (const side of order) {
        const { ms, cpu } = await side.scan(perRound);
        const elapsed = ms.map((one) => mbPerSecond(baseline.info.bytes, one));
        const used = cpu.map((one) => mbPerSecond(baseline.info.bytes, one));
        rates.get(side)?.elapsed.push(...elapsed);
        rates.get(side)?.cpu.push(...used);
        medians.set(side, { elapsed: median(elapsed), cpu: median(used) });
      }
      const b = medians.get(baseline) as { elapsed: number; cpu: number };
      const c = medians.get(now) as { elapsed: number; cpu: number };
      for (const measure of measures) ratios[measure].push(c[measure] / b[measure]);
      perRoundRows.push(
        `  round ${round + 1}: baseline ${f(b.elapsed)}, current ${f(c.elapsed)} MB/s (${f(c.elapsed / b.elapsed, 3)}); by CPU time ${f(b.cpu)}, ${f(c.cpu)} (${f(c.cpu / b.cpu, 3)})`,
      );
    }
    console.log(
      `Log: ${f(baseline.info.bytes / 1024 / 1024)} MB generated from the baseline's catalogs; ${rounds} rounds of ${perRound} scans per side after ${warmup} unmeasured, alternating`,
    );
    for (const side of sides) {
      const { providers, entries, findings } = side.info;
      console.log(`  ${side.name}: ${providers} providers, ${entries} entries; ${findings} findings in the log`);
    }
    console.log(perRoundRows.join('\n'));
    // Elapsed figures follow what else the machine runs; the load says how busy it was.
    console.log(
      `Load average at the end: ${loadavg()
        .map((load) => f(load))
        .join(', ')}`,
    );
    for (const measure of measures) {
      const baseRate = median(rates.get(baseline)?.[measure] ?? []);
      const nowRate = median(rates.get(now)?.[measure] ?? []);
      const sorted = [...ratios[measure]].sort((x, y) => x - y);
      console.log(
        `Scan MB/s ${measure === 'cpu' ? 'by CPU time' : 'elapsed'} (median of every scan): baseline ${f(baseRate)}, current ${f(nowRate)}; current/baseline ${f(nowRate / baseRate, 3)} (per round ${f(sorted[0] as number, 3)} – ${f(sorted.at(-1) as number, 3)}; aim >= 1)`,
      );
    }
  } finally {
    for (const side of sides) side.stop();
    if (existsSync(tree)) git('worktree', 'remove', '--force', tree);
    rmSync(dir, { recursive: true, force: true });
  }
}

await compare();
