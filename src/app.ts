import { App, type Logger, type Receiver, webApi } from '@slack/bolt';
import type { Config } from './config.js';
import type { Explainer } from './listeners/deps.js';
import { FollowUps } from './listeners/follow-ups.js';
import { registerListeners } from './listeners/index.js';
import { createLogger } from './logger.js';
import { describeSlackError } from './slack/api-errors.js';
import { OutboxPoster } from './slack/outbox-poster.js';
import { buildReceiver } from './slack/receiver.js';
import { createFileReader } from './slack/shared-files.js';
import type { DigestCommands, Store } from './store/store.js';

export interface AppDeps {
  config: Config;
  resolver: Explainer;
  store: Store;
  /** The digest commands, or a factory for them when they need the app's client and the outbox poster. */
  digest: DigestCommands | ((slack: { client: webApi.WebClient; outbox: OutboxPoster }) => DigestCommands);
  logger?: Logger;
  clock?: () => Date;
  /** Knobs for tests and the benchmark; production uses the defaults. */
  tuning?: Tuning;
  /** Where requests come from; by default Slack's (HTTP or Socket Mode, from config). */
  receiver?: Receiver;
}

/** Knobs for tests and the benchmark (plain data: it also crosses to the answer thread). */
export interface Tuning {
  /** Web API retries (default: 2 retries within seconds; never the client's 30-minute default). */
  retryConfig?: webApi.RetryOptions;
  /** Spacing of posts in one channel (default 1000 ms, Slack's guideline). */
  postIntervalMs?: number;
  socket?: { clientPingTimeout?: number; serverPingTimeout?: number };
  /** Answers running at once and waiting before new ones are shed (defaults 64 and 200). */
  followUps?: { concurrency?: number; maxWaiting?: number };
  /** The outbox poster's polling, leases and attempts. */
  outbox?: { pollMs?: number; leaseMs?: number; maxAttempts?: number };
}

export interface BotApp {
  app: App;
  /** Posts thread replies, shared answers and digests from the store's outbox; start() it with the app, stop() before the store closes. */
  outbox: OutboxPoster;
}

const DEFAULT_RETRY: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3000 };
/** Web API client settings shared by every client of the bot. */
export function slackClientOptions(config: Config, tuning: Tuning | undefined): webApi.WebClientOptions {
  return {
    retryConfig: tuning?.retryConfig ?? DEFAULT_RETRY,
    timeout: 10_000,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
  };
}

/**
 * A Bolt app as every part of the bot needs it (the answering app, the front), with no listeners yet.
 * Listener failures are logged here, once, with what to check: listeners do not catch-and-log.
 */
export function createBoltApp(options: {
  config: Config;
  logger: Logger;
  clientOptions: webApi.WebClientOptions;
  receiver: Receiver;
}): App {
  const { logger } = options;
  const app = new App({
    token: options.config.botToken,
    receiver: options.receiver,
    logger,
    clientOptions: { ...options.clientOptions },
    // auth.test runs in app.init(), so a bad token fails start-up instead of the first event, and the
    // context carries the bot's user id (its own messages are never answered).
    deferInitialization: true,
    convoStore: false,
  });
  app.error(async (error) => {
    const original = (error as { original?: unknown }).original ?? error;
    logger.error(`Listener failed: ${describeSlackError(original)}`);
  });
  return app;
}

/** The Bolt app with every listener bound. Never starts anything: main.ts (or a test) calls init and start. */
export function buildApp(deps: AppDeps): BotApp {
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const clientOptions = slackClientOptions(deps.config, deps.tuning);
  const receiver =
    deps.receiver ?? buildReceiver({ config: deps.config, logger, clientOptions, socket: deps.tuning?.socket });
  const app = createBoltApp({ config: deps.config, logger, clientOptions, receiver });
  const postClient = new webApi.WebClient(deps.config.botToken, {
    ...clientOptions,
    logger,
    rejectRateLimitedCalls: true,
    // Few calls in flight at once: bounds the sockets and the bursts of CPU that answering takes (the
    // acks run in another thread in the bot, but in this one where tests build the app alone).
    maxRequestConcurrency: 8,
  });
  const pacing = deps.tuning?.postIntervalMs !== undefined ? { minIntervalMs: deps.tuning.postIntervalMs } : {};
  const outbox = new OutboxPoster({ store: deps.store, client: postClient, logger, ...pacing, ...deps.tuning?.outbox });
  const { catalog } = deps.resolver;
  registerListeners(app, {
    resolver: deps.resolver,
    store: deps.store,
    digest: typeof deps.digest === 'function' ? deps.digest({ client: app.client, outbox }) : deps.digest,
    outbox,
    files: createFileReader({ token: deps.config.botToken, slackApiUrl: deps.config.slackApiUrl, logger }),
    followUps: new FollowUps({ logger, ...deps.tuning?.followUps }),
    logger,
    clock: deps.clock ?? (() => new Date()),
    render: { providerName: (id) => catalog.providers.get(id)?.name ?? id },
  });
  return { app, outbox };
}
