/**
 * The two apps of bench/slack.ts, run in a worker thread so that the load generator and the fake Slack
 * (main thread) do not share an event loop with the apps being measured, as in production.
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { App, LogLevel } from '@slack/bolt';
import { startBot } from '../src/bot.js';
import { createLogger } from '../src/logger.js';
import { testConfig } from '../test/helpers/bot.js';
import { SIGNING_SECRET } from '../test/helpers/slack-request.js';

const { slackApiUrl } = workerData as { slackApiUrl: string };

async function listen(app: App): Promise<string> {
  const server = (await app.start(0)) as Server;
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
}

// The bot as `npm start` runs it (front and answer thread, SQLite store), except the settings below.
const bot = await startBot(
  {
    ...testConfig(slackApiUrl),
    logLevel: 'error',
    databaseUrl: join(mkdtempSync(join(tmpdir(), 'bench-')), 'bot.sqlite'),
  },
  {
    logger: createLogger('error', () => undefined),
    // Pacing is per channel (1/s in production); the benchmark measures the ack path, so it is off here.
    tuning: { retryConfig: { retries: 0 }, postIntervalMs: 0 },
  },
);
const botUrl = `http://127.0.0.1:${bot.port}/slack/events`;

// The baseline: Bolt with the same receiver defaults, acking and doing nothing else.
function bareApp(): App {
  const app = new App({
    token: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    botId: 'BBOT',
    botUserId: 'UBOT',
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl, retryConfig: { retries: 0 } },
  });
  app.command('/oauth-error', async ({ ack }) => ack());
  app.event('message', async () => undefined);
  return app;
}
const bare = bareApp();
// BENCH_CALIBRATE=1: a second bare app stands in the bot's place, so the ratios show what the harness and
// the machine alone make of two identical apps (the bot is started all the same, and stays idle).
const twin = process.env.BENCH_CALIBRATE === '1' ? bareApp() : undefined;

parentPort?.postMessage({ bare: await listen(bare), 'oauth-error-bot': twin ? await listen(twin) : botUrl });
parentPort?.on('message', async () => {
  await bot.stop();
  await bare.stop();
  await twin?.stop();
  parentPort?.close();
});
