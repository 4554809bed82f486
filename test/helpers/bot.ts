import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { type AppDeps, buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { BUILTIN_CATALOGS_DIR, loadCatalogs } from '../../src/domain/catalog.js';
import { createResolver, type Resolver } from '../../src/domain/resolver.js';
import type { Explainer } from '../../src/listeners/deps.js';
import { createLogger } from '../../src/logger.js';
import type { OutboxPoster } from '../../src/slack/outbox-poster.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { DigestCommands, DigestSubscription, Store } from '../../src/store/store.js';
import { FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET } from './slack-request.js';

let resolver: Promise<Resolver> | undefined;

/** The real resolver over the real catalogs/, loaded once per test file. */
export function realResolver(): Promise<Resolver> {
  resolver ??= loadCatalogs([BUILTIN_CATALOGS_DIR]).then(createResolver);
  return resolver;
}

/** Records what the command asked of the digest feature (implemented elsewhere). */
export class FakeDigest implements DigestCommands {
  readonly calls: Array<{ method: string; channelId: string; subscription?: DigestSubscription }> = [];
  async subscribe(_teamId: string, channelId: string, subscription: DigestSubscription) {
    this.calls.push({ method: 'subscribe', channelId, subscription });
  }
  async unsubscribe(_teamId: string, channelId: string) {
    this.calls.push({ method: 'unsubscribe', channelId });
  }
  async postNow(_teamId: string, channelId: string) {
    this.calls.push({ method: 'postNow', channelId });
  }
  async preview(_teamId: string, channelId: string) {
    this.calls.push({ method: 'preview', channelId });
    return {
      text: 'Digest preview: 2 failures',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'preview' } }],
    };
  }
}

export interface TestBot {
  url: string;
  slack: FakeSlack;
  store: Store;
  digest: FakeDigest;
  logs: string[];
  app: App;
  outbox: OutboxPoster;
  /** Resolves when no event or command is being processed. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestBotOptions {
  resolver?: Explainer;
  store?: Store;
  postIntervalMs?: number;
  slack?: FakeSlack;
  followUps?: { concurrency?: number; maxWaiting?: number };
}

export function testConfig(slackApiUrl: string): Config {
  return {
    mode: 'http',
    botToken: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    slackApiUrl,
    port: 0,
    databaseUrl: undefined,
    catalogDirs: [],
    logLevel: 'info',
    retentionDays: 90,
  };
}

/** The real app on an ephemeral port (HTTP mode) against a fresh fake Slack. */
export async function startBot(options: TestBotOptions = {}): Promise<TestBot> {
  const slack = options.slack ?? (await new FakeSlack().start());
  const logs: string[] = [];
  const store = options.store ?? new MemoryStore();
  const digest = new FakeDigest();
  const deps: AppDeps = {
    config: testConfig(slack.url),
    resolver: options.resolver ?? (await realResolver()),
    store,
    digest,
    logger: createLogger('info', (line) => logs.push(line)),
    tuning: {
      retryConfig: { retries: 0 },
      postIntervalMs: options.postIntervalMs ?? 0,
      ...(options.followUps ? { followUps: options.followUps } : {}),
    },
  };
  const { app, outbox } = buildApp(deps);
  outbox.start();
  let inFlight = 0;
  // Added after the listeners, yet global middleware wraps them: `next()` resolves when they are done.
  app.use(async ({ next }) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
  await app.init();
  const server = (await app.start(0)) as Server;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    slack,
    store,
    digest,
    logs,
    app,
    outbox,
    idle: async () => {
      await slack.waitFor(() => inFlight === 0, 15_000);
      await outbox.idle();
    },
    stop: async () => {
      server.closeAllConnections();
      await app.stop();
      await outbox.stop();
      await slack.close();
    },
  };
}
