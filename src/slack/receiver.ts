import type { ServerResponse } from 'node:http';
import {
  type CustomRoute,
  HTTPReceiver,
  type Logger,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Config } from '../config.js';
import { describeSlackError } from './api-errors.js';

/** Slack gives up after 3 s; whatever we have not answered by then is answered before Slack retries. */
const UNHANDLED_REQUEST_MS = 2000;

export interface ReceiverOptions {
  config: Config;
  logger: Logger;
  clientOptions: webApi.WebClientOptions;
  socket?: { clientPingTimeout?: number; serverPingTimeout?: number } | undefined;
  /** Whether the bot can answer (besides, in Socket Mode, being connected): /healthz says 503 when not. */
  answering?: () => boolean;
}

function healthRoute(ready: () => boolean): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res: ServerResponse) => {
      const ok = ready();
      res.writeHead(ok ? 200 : 503, { 'Content-Type': 'text/plain' });
      res.end(ok ? 'ok' : 'not ready: not connected to Slack or not answering');
    },
  };
}

/** HTTP receiver (POST /slack/events) or, with an app-level token, Socket Mode; both serve GET /healthz. */
export function buildReceiver(options: ReceiverOptions): Receiver {
  const { config, logger, clientOptions } = options;
  const answering = options.answering ?? (() => true);
  if (config.mode === 'socket') {
    let connected = false;
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      ...options.socket,
      // The app-level token's calls (apps.connections.open) go to the same API base as the bot's.
      installerOptions: { clientOptions: { ...clientOptions }, port: config.port },
      customRoutes: [healthRoute(() => connected && answering())],
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
    customRoutes: [healthRoute(answering)],
    unhandledRequestTimeoutMillis: UNHANDLED_REQUEST_MS,
    // A payload no listener acknowledges (an unknown type such as app_rate_limited) is still answered 200:
    // a non-2xx would make Slack retry it 3 times and count toward disabling the app (docs/slack-contract.md §3.1).
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
