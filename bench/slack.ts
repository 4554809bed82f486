/**
 * Ack latency and throughput of the bot's HTTP endpoint (slash commands and message events) under load,
 * beside a bare Bolt app that only acks, in the same run. `npm run bench:slack`
 * Env: BENCH_RATE (requests/s, default 500), BENCH_SECONDS (per scenario, default 5), BENCH_CONCURRENCY
 * (closed-loop throughput runs, default 64), BENCH_ROUNDS (default 3), BENCH_WARMUP_SECONDS (unmeasured, per
 * scenario and app, default 2). Target: p99 within 1.3x the bare app's, no failed request. Each scenario runs
 * ROUNDS times, bare and bot in turn; the summary compares the median p99s, since one 5-second run on a small
 * shared machine swings by several times either way.
 * The apps (bench/slack-apps.ts) and the fake Slack (bench/slack-fake.ts) run in worker threads.
 * `answers` counts the messages the fake Slack received for a scenario (chat.postMessage calls and
 * response_url answers), once they stopped coming: a command answers with two posts, a pasted error
 * with one; fewer means the bot shed work under overload (or, for events, explained a code once per thread).
 * BENCH_CALIBRATE=1 puts a second bare app in the bot's place: the ratios it prints are the harness's and the
 * machine's own scatter, the noise floor against which the bot's ratios can be read.
 */
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { command, fixture, sign } from '../test/helpers/slack-request.js';
import { median, percentile } from './stats.js';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

type Kind = 'command' | 'event';
interface Result {
  app: string;
  kind: Kind;
  load: string;
  sent: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
  rate: number;
}

// Read once: reading the fixture files for every request cost the load generator more CPU than sending it.
const COMMAND = command('invalid_grant --provider oauth2', 'set-per-request');
const MESSAGE = fixture('message');
let seq = 0;
function request(kind: Kind, responseUrl: string): { body: string; headers: Record<string, string> } {
  seq += 1;
  const channel = `C${seq % 97}`;
  if (kind === 'command') {
    const body = new URLSearchParams({ ...COMMAND, response_url: responseUrl, channel_id: channel }).toString();
    return { body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sign(body) } };
  }
  const ts = `17${String(seq).padStart(8, '0')}.000100`;
  const body = JSON.stringify({
    ...MESSAGE,
    event_id: `Ev${seq}`,
    event: { ...MESSAGE.event, channel, ts, event_ts: ts },
  });
  return { body, headers: { 'Content-Type': 'application/json', ...sign(body) } };
}

// node:http with keep-alive: fetch costs the load generator several times more CPU per request, and a
// generator short of CPU adds its own delays to every latency it measures.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function timed(url: string, kind: Kind, responseUrl: string): Promise<number | undefined> {
  const { body, headers } = request(kind, responseUrl);
  const started = performance.now();
  try {
    const status = await post(url, body, headers);
    return status === 200 ? performance.now() - started : undefined;
  } catch {
    return undefined;
  }
}

function summarise(app: string, kind: Kind, load: string, latencies: (number | undefined)[], seconds: number): Result {
  const ok = latencies.filter((ms): ms is number => ms !== undefined).sort((a, b) => a - b);
  return {
    app,
    kind,
    load,
    sent: latencies.length,
    failed: latencies.length - ok.length,
    p50: percentile(ok, 50),
    p99: percentile(ok, 99),
    max: ok.at(-1) ?? Number.NaN,
    rate: ok.length / seconds,
  };
}

/** Open loop: RATE requests per second whatever the answers, as Slack sends them. */
async function openLoop(app: string, url: string, kind: Kind, responseUrl: string, seconds = SECONDS): Promise<Result> {
  const pending: Promise<number | undefined>[] = [];
  const started = performance.now();
  const total = RATE * seconds;
  while (pending.length < total) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE) + 1;
    while (pending.length < Math.min(due, total)) pending.push(timed(url, kind, responseUrl));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const latencies = await Promise.all(pending);
  return summarise(app, kind, `${RATE}/s open`, latencies, (performance.now() - started) / 1000);
}

/** Closed loop: CONCURRENCY clients back to back, for the most requests per second. */
async function closedLoop(
  app: string,
  url: string,
  kind: Kind,
  responseUrl: string,
  seconds = SECONDS,
): Promise<Result> {
  const latencies: (number | undefined)[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) latencies.push(await timed(url, kind, responseUrl));
    }),
  );
  return summarise(app, kind, `${CONCURRENCY} conc.`, latencies, (performance.now() - started) / 1000);
}

/** Workers do not inherit tsx's loader, so each loads its TypeScript module through tsx's API. */
async function startWorker<T>(file: string, workerData: unknown): Promise<{ worker: Worker; ready: T }> {
  const entry = new URL(file, import.meta.url).href;
  const worker = new Worker(
    `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true, workerData },
  );
  const ready = await new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { worker, ready };
}

/** Messages the fake Slack received (posts and response_url answers), once the bot's answers have drained. */
async function drained(worker: Worker): Promise<number> {
  const count = async () => {
    worker.postMessage('count');
    const { posts, responses } = await new Promise<{ posts: number; responses: number }>((resolve) =>
      worker.once('message', resolve),
    );
    return posts + responses;
  };
  let last = await count();
  for (let i = 0; i < 30; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await count();
    if (now === last) return now;
    last = now;
  }
  return last;
}

/**
 * Waits until this process (every thread: apps, answer thread, fake Slack, V8's compiler and GC helpers)
 * uses under a tenth of a core, or 20 s have passed (a machine busy with something else must not stall the
 * run). The posts stopping is not enough: after a bot round its answer thread's heap may still be being
 * collected, work that would otherwise fall on the next round, the bare app's, in the bot's favour.
 */
async function quiet(): Promise<void> {
  const sliceMs = 250;
  for (let waited = 0; waited < 20_000; waited += sliceMs) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, sliceMs));
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1000 < sliceMs * 0.1) return;
  }
}

async function stopWorker(worker: Worker): Promise<void> {
  worker.postMessage('stop');
  await new Promise((resolve) => worker.once('exit', resolve));
}

async function main(): Promise<void> {
  // Three threads, as in production three machines: load generator (here), fake Slack, the apps.
  const fake = await startWorker<{ slackApiUrl: string; responseUrl: string }>('./slack-fake.ts', undefined);
  const { responseUrl, slackApiUrl } = fake.ready;
  const apps = await startWorker<Record<string, string>>('./slack-apps.ts', { slackApiUrl });
  const urls = apps.ready;
  if (process.env.BENCH_CALIBRATE === '1')
    console.log('Calibration: the "oauth-error-bot" rows are a second bare app.');

  // Warm-up, unmeasured: every scenario once per app at full load, so that both apps' code is compiled as
  // in a bot that has been running a while. A few hundred requests one at a time left the bot, with far
  // more code on its paths than an app that only acks, compiling through the measured rounds (seconds of
  // optimising-compiler work on V8's helper threads, beside the acks; docs/bench-slack.md).
  for (const kind of ['command', 'event'] as const)
    for (const run of [openLoop, closedLoop])
      for (const [name, url] of Object.entries(urls)) {
        await run(name, url, kind, responseUrl, WARMUP_SECONDS);
        await drained(fake.worker);
      }

  const fmt = (ms: number) => ms.toFixed(2).padStart(8);
  const header = `${'kind'.padEnd(8)}${'load'.padEnd(12)}${'app'.padEnd(17)}${'round'.padStart(6)}${'sent'.padStart(7)}${'failed'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'max ms'.padStart(8)}${'req/s'.padStart(9)}${'p99/bare'.padStart(10)}${'answers'.padStart(9)}`;
  const rows: string[] = [];
  const summary: string[] = [];
  let failed = 0;
  for (const kind of ['command', 'event'] as const) {
    for (const run of [openLoop, closedLoop]) {
      // Rounds alternate the apps, so a slow spell of the machine falls on both rather than on one.
      const ratios: number[] = [];
      const p99s = new Map<string, number[]>();
      let load = '';
      for (let round = 1; round <= ROUNDS; round += 1) {
        const byApp = new Map<string, Result>();
        for (const [name, url] of Object.entries(urls)) {
          const before = await drained(fake.worker);
          await quiet();
          const result = await run(name, url, kind, responseUrl);
          const answers = (await drained(fake.worker)) - before;
          byApp.set(name, result);
          load = result.load;
          failed += result.failed;
          p99s.set(name, [...(p99s.get(name) ?? []), result.p99]);
          const bare = byApp.get('bare')?.p99 ?? Number.NaN;
          rows.push(
            `${kind.padEnd(8)}${result.load.padEnd(12)}${name.padEnd(17)}${String(round).padStart(6)}${String(result.sent).padStart(7)}${String(result.failed).padStart(8)}${fmt(result.p50)}${fmt(result.p99)}${fmt(result.max)}${result.rate.toFixed(0).padStart(9)}${(result.p99 / bare).toFixed(2).padStart(10)}${String(answers).padStart(9)}`,
          );
        }
        ratios.push((byApp.get('oauth-error-bot')?.p99 ?? Number.NaN) / (byApp.get('bare')?.p99 ?? Number.NaN));
      }
      const bareP99 = median(p99s.get('bare') ?? []);
      const botP99 = median(p99s.get('oauth-error-bot') ?? []);
      summary.push(
        `${kind.padEnd(8)}${load.padEnd(12)}${fmt(bareP99)}${fmt(botP99)}${(botP99 / bareP99).toFixed(2).padStart(10)}   ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')}`,
      );
    }
  }
  console.log(`\n${header}\n${rows.join('\n')}`);
  console.log(
    `\nMedian p99 over ${ROUNDS} rounds\n${'kind'.padEnd(8)}${'load'.padEnd(12)}${'bare'.padStart(8)}${'bot'.padStart(8)}${'bot/bare'.padStart(10)}   p99/bare per round`,
  );
  console.log(summary.join('\n'));
  await stopWorker(apps.worker);
  await stopWorker(fake.worker);
  if (failed > 0) {
    console.error(`\n${failed} request(s) failed`);
    process.exitCode = 1;
  }
}

await main();
