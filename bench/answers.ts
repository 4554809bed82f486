// Floods of pasted errors: answers per second and answers lost, for the bot as it runs (outbox in SQLite,
// each channel paced at one post a second) beside the in-memory queues it had before the outbox (bounded
// follow-up queue, at most 20 posts waiting per channel), measured in the same run against the same fake
// Slack Web API (20 ms per call).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { FollowUps } from '../src/listeners/follow-ups.js';
import { createLogger } from '../src/logger.js';
import { openStore } from '../src/store/open-store.js';
import { realResolver, startBot } from '../test/helpers/bot.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { envelope, fixture, signedJson } from '../test/helpers/slack-request.js';
import { PostQueue } from './before-post-queue.js';
import { table } from './stats.js';

const PACE_MS = 1000;
const LATENCY_MS = 20;
const TEXT = 'token call failed: {"error":"invalid_client","error_description":"Client authentication failed"}';

interface Flood {
  name: string;
  pastes: number;
  channels: number;
}
const FLOODS: Flood[] = [
  { name: '300 pastes at once in 30 channels', pastes: 300, channels: 30 },
  { name: '50 pastes at once in one channel', pastes: 50, channels: 1 },
];

interface Result {
  answered: number;
  seconds: number;
}

async function slowSlack(): Promise<FakeSlack> {
  const slack = await new FakeSlack().start();
  slack.on('chat.postMessage', (params) => ({
    delayMs: LATENCY_MS,
    body: { ok: true, channel: params.channel, ts: `${Date.now() / 1000}` },
  }));
  return slack;
}

const channelOf = (flood: Flood, i: number) => `CB${flood.channels}X${i % flood.channels}`;
const tsOf = (i: number) => `17200${String(i).padStart(5, '0')}.000100`;

/** Waits until `count()` stops growing for `quietMs` (or reaches `expected`), within `limitMs`. */
async function settle(count: () => number, expected: number, quietMs: number, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline && count() < expected) {
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since > quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function withOutbox(flood: Flood): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-answers-'));
  const slack = await slowSlack();
  const store = await openStore(join(dir, 'bot.sqlite'));
  const bot = await startBot({ slack, store, postIntervalMs: PACE_MS });
  try {
    const start = Date.now();
    await Promise.all(
      Array.from({ length: flood.pastes }, (_, i) =>
        signedJson(
          bot.url,
          envelope({
            ...fixture('message').event,
            channel: channelOf(flood, i),
            ts: tsOf(i),
            event_ts: tsOf(i),
            text: TEXT,
          }),
        ),
      ),
    );
    const posts = () => slack.callsOf('chat.postMessage').length;
    await settle(posts, flood.pastes, 5 * PACE_MS, 180_000);
    const last = Math.max(...slack.callsOf('chat.postMessage').map((call) => call.at as number));
    return { answered: posts(), seconds: (last - start) / 1000 };
  } finally {
    await bot.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The path before the outbox: scan, then post through bounded in-memory queues that shed when full. */
async function inMemoryQueues(flood: Flood): Promise<Result> {
  const slack = await slowSlack();
  const resolver = await realResolver();
  const logger = createLogger('error', () => undefined);
  const followUps = new FollowUps({ logger, concurrency: 64, maxWaiting: 200 });
  const poster = new PostQueue({
    client: new webApi.WebClient('xoxb-bench-token', {
      slackApiUrl: slack.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      maxRequestConcurrency: 8,
    }),
    logger,
    minIntervalMs: PACE_MS,
    maxPending: 20,
  });
  try {
    const start = Date.now();
    await Promise.all(
      Array.from({ length: flood.pastes }, (_, i) =>
        followUps
          .run(async () => {
            const { findings } = resolver.scan(TEXT);
            if (findings.length === 0) return;
            await poster.post({ channel: channelOf(flood, i), thread_ts: tsOf(i), text: findings[0]?.code ?? '' });
          })
          .catch(() => undefined),
      ),
    );
    const posts = () => slack.callsOf('chat.postMessage').length;
    const last = Math.max(start, ...slack.callsOf('chat.postMessage').map((call) => call.at as number));
    return { answered: posts(), seconds: (last - start) / 1000 };
  } finally {
    await slack.close();
  }
}

const rows: string[][] = [
  ['flood', 'answered (outbox)', 'lost', 'answers/s', 'answered (before)', 'lost', 'answers/s'],
];
for (const flood of FLOODS) {
  const ours = await withOutbox(flood);
  const before = await inMemoryQueues(flood);
  const rate = (result: Result) => (result.seconds > 0 ? (result.answered / result.seconds).toFixed(1) : '-');
  rows.push([
    flood.name,
    String(ours.answered),
    String(flood.pastes - ours.answered),
    rate(ours),
    String(before.answered),
    String(flood.pastes - before.answered),
    rate(before),
  ]);
}
console.log(
  `(fake Slack answers each call in ${LATENCY_MS} ms; one post per channel per ${PACE_MS} ms, as Slack asks; "before": bounded in-memory queues that shed)`,
);
console.log(table(rows));
