import type { ServerResponse } from 'node:http';
import {
  App,
  type CustomRoute,
  HTTPReceiver,
  type Logger,
  type Receiver,
  SocketModeReceiver,
  webApi,
} from '@slack/bolt';
import type { Config } from './config.js';
import type { Explainer } from './listeners/deps.js';
import { FollowUps } from './listeners/follow-ups.js';
import { registerListeners } from './listeners/index.js';
import { createLogger } from './logger.js';
import { describeSlackError } from './slack/api-errors.js';
import { threadLoopLag } from './slack/loop-lag.js';
import { PostQueue } from './slack/post-queue.js';
import type { DigestCommands, Store } from './store/store.js';

export interface AppDeps {
  config: Config;
  resolver: Explainer;
  store: Store;
  /** The digest commands, or a factory for them when they need the app's client and paced poster. */
  digest: DigestCommands | ((slack: { client: webApi.WebClient; poster: PostQueue }) => DigestCommands);
  logger?: Logger;
  clock?: () => Date;
  /** Knobs for tests and the benchmark; production uses the defaults. */
  tuning?: {
    /** Web API retries (default: 2 retries within seconds; never the client's 30-minute default). */
    retryConfig?: webApi.RetryOptions;
    /** Spacing of posts in one channel (default 1000 ms, Slack's guideline). */
    postIntervalMs?: number;
    socket?: { clientPingTimeout?: number; serverPingTimeout?: number };
    /** Answers running at once and waiting before new ones are shed (defaults 64 and 200). */
    followUps?: { concurrency?: number; maxWaiting?: number };
    /** Event-loop delay (p99 over two windows, ms) above which new answers are shed (default 50). */
    maxLoopLagMs?: number;
  };
}

export interface BotApp {
  app: App;
  /** Paced chat.postMessage (per channel, 429-aware); the digest should post through it too. */
  poster: PostQueue;
}

const DEFAULT_RETRY: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3000 };
/**
 * Above this event-loop delay, sustained, every ack is late by as much: new answers are shed until it recovers.
 * Far below Slack's 3 s, far above what a healthy bot shows (a few ms).
 */
const MAX_LOOP_LAG_MS = 50;
/** Slack gives up after 3 s; whatever we have not answered by then is answered before Slack retries. */
const UNHANDLED_REQUEST_MS = 2000;

function healthRoute(ready: () => boolean): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res: ServerResponse) => {
      const ok = ready();
      res.writeHead(ok ? 200 : 503, { 'Content-Type': 'text/plain' });
      res.end(ok ? 'ok' : 'not connected to Slack');
    },
  };
}

function buildReceiver(deps: AppDeps, logger: Logger, clientOptions: webApi.WebClientOptions): Receiver {
  const { config } = deps;
  if (config.mode === 'socket') {
    let connected = false;
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      ...deps.tuning?.socket,
      // The app-level token's calls (apps.connections.open) go to the same API base as the bot's.
      installerOptions: { clientOptions: { ...clientOptions }, port: config.port },
      customRoutes: [healthRoute(() => connected)],
    });
    receiver.client.on('connected', () => {
      connected = true;
    });
    for (const state of ['reconnecting', 'disconnected']) {
      receiver.client.on(state, () => {
        connected = false;
      });
    }
    return receiver;
  }
  return new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: '/slack/events',
    port: config.port,
    logger,
    customRoutes: [healthRoute(() => true)],
    unhandledRequestTimeoutMillis: UNHANDLED_REQUEST_MS,
    // A payload no listener acknowledges (an unknown type such as app_rate_limited) is still answered 200:
    // a non-2xx would make Slack retry it 3 times and count toward disabling the app (contract §3.2, case 29).
    unhandledRequestHandler: ({ logger: log, response }) => {
      log.warn(
        'A Slack request was not acknowledged in time (no listener for it); answered 200 so Slack does not retry',
      );
      response.writeHead(200, { 'X-Slack-No-Retry': '1' });
      response.end();
    },
    processEventErrorHandler: async ({ error, logger: log, response }) => {
      log.error(`Could not process a Slack request: ${describeSlackError(error)}`);
      if (!response.headersSent) {
        response.writeHead(500, { 'X-Slack-No-Retry': '1' });
        response.end();
      }
      return false;
    },
  });
}

/** The Bolt app with every listener bound. Never starts anything: main.ts (or a test) calls init and start. */
export function buildApp(deps: AppDeps): BotApp {
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: deps.tuning?.retryConfig ?? DEFAULT_RETRY,
    timeout: 10_000,
    ...(deps.config.slackApiUrl ? { slackApiUrl: deps.config.slackApiUrl } : {}),
  };
  const app = new App({
    token: deps.config.botToken,
    receiver: buildReceiver(deps, logger, clientOptions),
    logger,
    clientOptions: { ...clientOptions },
    // auth.test runs in app.init(), so a bad token fails start-up instead of the first event.
    deferInitialization: true,
    convoStore: false,
  });
  const poster = new PostQueue({
    client: new webApi.WebClient(deps.config.botToken, {
      ...clientOptions,
      logger,
      rejectRateLimitedCalls: true,
      // Few calls in flight at once: each costs CPU that acks of new requests would otherwise wait for.
      maxRequestConcurrency: 8,
    }),
    logger,
    ...(deps.tuning?.postIntervalMs !== undefined ? { minIntervalMs: deps.tuning.postIntervalMs } : {}),
  });
  const { catalog } = deps.resolver;
  const lag = threadLoopLag();
  const maxLagMs = deps.tuning?.maxLoopLagMs ?? MAX_LOOP_LAG_MS;
  registerListeners(app, {
    resolver: deps.resolver,
    store: deps.store,
    digest: typeof deps.digest === 'function' ? deps.digest({ client: app.client, poster }) : deps.digest,
    poster,
    followUps: new FollowUps({ logger, overloaded: () => lag.sustainedMs > maxLagMs, ...deps.tuning?.followUps }),
    logger,
    clock: deps.clock ?? (() => new Date()),
    render: { providerName: (id) => catalog.providers.get(id)?.name ?? id },
  });
  // Listeners do not catch-and-log: every failure ends here, once, with what to check.
  app.error(async (error) => {
    const original = (error as { original?: unknown }).original ?? error;
    logger.error(`Listener failed: ${describeSlackError(original)}`);
  });
  return { app, poster };
}
