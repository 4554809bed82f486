import 'dotenv/config';
import { startBot } from './bot.js';
import { parseConfig } from './config.js';
import { CatalogError, ConfigError, StartupError, StoreError } from './errors.js';
import { createLogger } from './logger.js';

/** Composition root: settings, then the bot's two threads (bot.ts), then signals. */

async function main(): Promise<void> {
  const config = parseConfig();
  const logger = createLogger(config.logLevel);
  const bot = await startBot(config, {
    logger,
    // Without its answer thread the bot acks and never answers: better to stop and be restarted.
    onAnswerThreadExit: () => process.exit(1),
  });
  if (config.mode === 'http') {
    logger.info(`oauth-error-bot listening on :${bot.port} (POST /slack/events, GET /healthz)`);
  } else {
    logger.info(`oauth-error-bot connected to Slack in Socket Mode (GET /healthz on :${bot.port})`);
  }
  logger.info(`${bot.answers.entries} catalog entries from ${bot.answers.providers.size} providers`);
  const stop = async (signal: string) => {
    logger.info(`${signal}: stopping`);
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Known start-up problems get their own message and no stack: they are the operator's to fix.
  if (
    error instanceof ConfigError ||
    error instanceof CatalogError ||
    error instanceof StoreError ||
    error instanceof StartupError
  ) {
    console.error(`oauth-error-bot cannot start.\n${error.message}`);
  } else {
    console.error(`oauth-error-bot cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
