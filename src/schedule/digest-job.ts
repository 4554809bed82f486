import type { Logger } from '@slack/bolt';
import { Cron } from 'croner';
import type { Store } from '../store/store.js';
import type { DigestService } from './digest-service.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DigestJobOptions {
  service: Pick<DigestService, 'runDue'>;
  store: Pick<Store, 'purge'>;
  logger: Logger;
  clock: () => Date;
  /** Occurrences and claimed keys older than this many days are deleted (default 90). */
  retentionDays: number;
}

/**
 * Every minute: post the digests that are due. Every night: purge what is past retention. Each channel's
 * own time and zone are checked in DigestService.runDue, so one UTC tick serves every zone.
 */
export function startDigestJob(options: DigestJobOptions): { stop(): void } {
  const { service, store, logger, clock, retentionDays } = options;
  const tick = new Cron('* * * * *', { protect: true, timezone: 'UTC' }, async () => {
    try {
      await service.runDue();
    } catch (error) {
      logger.error(`Digest check failed: ${(error as Error).message}`);
    }
  });
  const purge = new Cron('17 3 * * *', { protect: true, timezone: 'UTC' }, async () => {
    try {
      const removed = await store.purge(new Date(clock().getTime() - retentionDays * DAY_MS));
      logger.info(
        `Retention: removed ${removed.occurrences} occurrences and ${removed.keys} keys older than ${retentionDays} days`,
      );
    } catch (error) {
      logger.error(`Retention purge failed: ${(error as Error).message}`);
    }
  });
  return {
    stop() {
      tick.stop();
      purge.stop();
    },
  };
}
