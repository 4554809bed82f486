import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, Logger } from '@slack/bolt';
import { AnswerThread } from './answers/answer-thread.js';
import { createBoltApp, slackClientOptions, type Tuning } from './app.js';
import type { Config } from './config.js';
import { registerFrontListeners } from './listeners/front.js';
import { buildReceiver } from './slack/receiver.js';

export interface RunningBot {
  /** The front: Slack's requests arrive and are acked here. */
  app: App;
  answers: AnswerThread;
  /** The HTTP port (the one Slack posts to in HTTP mode, /healthz only in Socket Mode). */
  port: number | undefined;
  stop(): Promise<void>;
}

export interface StartBotOptions {
  logger: Logger;
  tuning?: Tuning;
  /** Forwarded requests not yet answered beyond which new ones are shed (default in answer-thread.ts). */
  maxOutstanding?: number;
  /** The answer thread died: the bot can no longer answer (main.ts exits so a supervisor restarts it). */
  onAnswerThreadExit?: (code: number) => void;
}

/**
 * The running bot as two threads: the answer thread (catalogs, store, digest, every listener) starts first
 * and reports start-up problems; then the front connects to Slack, acks and forwards (see answer-thread.ts).
 */
export async function startBot(config: Config, options: StartBotOptions): Promise<RunningBot> {
  const { logger, tuning } = options;
  const answers = await AnswerThread.start({
    data: { config, ...(tuning ? { tuning } : {}) },
    logger,
    ...(options.maxOutstanding !== undefined ? { maxOutstanding: options.maxOutstanding } : {}),
    ...(options.onAnswerThreadExit ? { onUnexpectedExit: options.onAnswerThreadExit } : {}),
  });
  try {
    const clientOptions = slackClientOptions(config, tuning);
    const app = createBoltApp({
      config,
      logger,
      clientOptions,
      receiver: buildReceiver({
        config,
        logger,
        clientOptions,
        socket: tuning?.socket,
        answering: () => answers.alive,
      }),
    });
    registerFrontListeners(app, { answers, providers: answers.providers });
    await app.init();
    const started = config.mode === 'http' ? await app.start(config.port) : await app.start();
    const address = (started as Server | undefined)?.address?.() as AddressInfo | null | undefined;
    return {
      app,
      answers,
      port: address?.port ?? config.port,
      async stop() {
        await app.stop().catch(() => undefined);
        await answers.stop();
      },
    };
  } catch (error) {
    await answers.stop();
    throw error;
  }
}
