import type { Logger } from '@slack/bolt';
import { buildApp, type Tuning } from '../app.js';
import type { Config } from '../config.js';
import { BUILTIN_CATALOGS_DIR, type Catalog, loadCatalogs } from '../domain/catalog.js';
import { createCatalogCache } from '../domain/catalog-cache.js';
import { createResolver } from '../domain/resolver.js';
import { startDigestJob } from '../schedule/digest-job.js';
import { DigestService } from '../schedule/digest-service.js';
import { describeSlackError } from '../slack/api-errors.js';
import { openStore } from '../store/open-store.js';
import { ResilientStore } from '../store/resilient-store.js';
import { ForwardedReceiver } from './forwarded-receiver.js';
import type { ForwardedRequest } from './protocol.js';

/** The answering side of the bot: catalogs, store, digest and every listener, fed requests the front acked. */
export interface Answering {
  catalog: Catalog;
  process(request: ForwardedRequest): Promise<void>;
  stop(): Promise<void>;
}

export async function startAnswering(config: Config, options: { logger: Logger; tuning?: Tuning }): Promise<Answering> {
  const { logger } = options;
  const catalog = await loadCatalogs([BUILTIN_CATALOGS_DIR, ...config.catalogDirs], { cache: createCatalogCache() });
  const store = new ResilientStore(await openStore(config.databaseUrl, { logger }), { logger });
  const clock = () => new Date();
  const receiver = new ForwardedReceiver({ logger });
  let digest: DigestService | undefined;
  const resolver = createResolver(catalog);
  const { app, outbox } = buildApp({
    config,
    resolver,
    store,
    logger,
    clock,
    receiver,
    digest: (slack) => {
      digest = new DigestService({ store, catalog, client: slack.client, outbox: slack.outbox, logger, clock });
      return digest;
    },
    ...(options.tuning ? { tuning: options.tuning } : {}),
  });
  try {
    await app.init();
  } catch (error) {
    await store.close();
    throw new Error(`auth.test with SLACK_BOT_TOKEN failed: ${describeSlackError(error)}`, { cause: error });
  }
  const job = digest && startDigestJob({ service: digest, store, logger, clock, retentionDays: config.retentionDays });
  // Replies an earlier run acked but had not posted yet (a crash, a restart) go out first.
  outbox.start();
  // The word search for described errors (a few hundred ms to build) is built once the bot answers, not before.
  setImmediate(() => resolver.warm());
  return {
    catalog,
    process: (request) => receiver.process(request),
    async stop() {
      job?.stop();
      await app.stop().catch(() => undefined);
      // What is still in the outbox waits in the database for the next start (SQLite, PostgreSQL).
      await outbox.stop();
      await store.close();
    },
  };
}
