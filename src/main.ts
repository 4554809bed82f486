import 'dotenv/config';
import { buildApp } from './app.js';
import { parseConfig } from './config.js';
import { BUILTIN_CATALOGS_DIR, loadCatalogs } from './domain/catalog.js';
import { createCatalogCache } from './domain/catalog-cache.js';
import { createResolver } from './domain/resolver.js';
import { CatalogError, ConfigError, StoreError } from './errors.js';
import { createLogger } from './logger.js';
import { startDigestJob } from './schedule/digest-job.js';
import { DigestService } from './schedule/digest-service.js';
import { describeSlackError } from './slack/api-errors.js';
import { openStore } from './store/open-store.js';
import { ResilientStore } from './store/resilient-store.js';

/** Composition root: the only module that knows every other one. */

async function main(): Promise<void> {
  const config = parseConfig();
  const logger = createLogger(config.logLevel);
  const catalog = await loadCatalogs([BUILTIN_CATALOGS_DIR, ...config.catalogDirs], { cache: createCatalogCache() });
  const store = new ResilientStore(await openStore(config.databaseUrl), { logger });
  const clock = () => new Date();
  let digest: DigestService | undefined;
  const { app } = buildApp({
    config,
    resolver: createResolver(catalog),
    store,
    logger,
    clock,
    digest: ({ client, poster }) => {
      digest = new DigestService({ store, catalog, client, poster, logger, clock });
      return digest;
    },
  });
  try {
    await app.init();
  } catch (error) {
    throw new Error(`auth.test with SLACK_BOT_TOKEN failed: ${describeSlackError(error)}`, { cause: error });
  }
  if (config.mode === 'http') {
    await app.start(config.port);
    logger.info(`oauth-error-bot listening on :${config.port} (POST /slack/events, GET /healthz)`);
  } else {
    await app.start();
    logger.info(`oauth-error-bot connected to Slack in Socket Mode (GET /healthz on :${config.port})`);
  }
  logger.info(`${catalog.entries.length} catalog entries from ${catalog.providers.size} providers`);
  const job = digest && startDigestJob({ service: digest, store, logger, clock, retentionDays: config.retentionDays });
  const stop = async (signal: string) => {
    logger.info(`${signal}: stopping`);
    job?.stop();
    await app.stop().catch(() => undefined);
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Known start-up problems get their own message and no stack: they are the operator's to fix.
  if (error instanceof ConfigError || error instanceof CatalogError || error instanceof StoreError) {
    console.error(`oauth-error-bot cannot start.\n${error.message}`);
  } else {
    console.error(`oauth-error-bot cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
