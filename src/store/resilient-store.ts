import type { Logger } from '@slack/bolt';
import { MemoryStore } from './memory-store.js';
import type { ChannelSettings, DigestRow, DigestSubscription, Occurrence, Store } from './store.js';

export interface ResilientStoreOptions {
  logger: Pick<Logger, 'warn' | 'error' | 'info'>;
  /** Occurrences kept in memory while the database is down; beyond this the oldest are dropped (and counted). */
  maxBuffered?: number;
  /** First retry delay; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void };
}

/**
 * Keeps the bot answering when the database is unreachable: claims fall back to this process's memory
 * (so replies still go out once), channel settings to the last known value, and occurrences wait in a
 * bounded buffer and are written when the database is back. Nothing already stored is touched.
 */
export class ResilientStore implements Store {
  private readonly fallback = new MemoryStore();
  private readonly settings = new Map<string, ChannelSettings>();
  private buffer: Occurrence[] = [];
  private dropped = 0;
  private failing = false;
  private retryDelay: number;
  private retryScheduled = false;

  constructor(
    private readonly inner: Store,
    private readonly options: ResilientStoreOptions,
  ) {
    this.retryDelay = options.retryMs ?? 5_000;
  }

  /** Occurrences waiting for the database. */
  get pending(): number {
    return this.buffer.length;
  }

  private down(what: string, error: unknown): void {
    if (!this.failing) {
      this.options.logger.error(
        `Database unreachable (${(error as Error).message}) while ${what}. Replies continue; occurrences are kept in memory and written when it is back. Check DATABASE_URL and the database server.`,
      );
    }
    this.failing = true;
  }

  private up(): void {
    if (this.failing) this.options.logger.info('Database reachable again');
    this.failing = false;
  }

  async claimKey(key: string, now: Date): Promise<boolean> {
    try {
      const claimed = await this.inner.claimKey(key, now);
      this.up();
      return claimed;
    } catch (error) {
      this.down('claiming a message', error);
      return this.fallback.claimKey(key, now);
    }
  }

  async recordOccurrences(rows: Occurrence[]): Promise<void> {
    this.buffer.push(...rows);
    const max = this.options.maxBuffered ?? 10_000;
    if (this.buffer.length > max) {
      this.dropped += this.buffer.length - max;
      this.buffer = this.buffer.slice(-max);
      this.options.logger.warn(`${this.dropped} occurrences dropped so far: the database has been down too long`);
    }
    await this.flush();
  }

  /** Writes the buffered occurrences; on failure schedules another try with backoff. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await this.inner.recordOccurrences(batch);
      this.retryDelay = this.options.retryMs ?? 5_000;
      this.up();
    } catch (error) {
      this.buffer = [...batch, ...this.buffer];
      this.down('recording occurrences', error);
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.retryScheduled) return;
    this.retryScheduled = true;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(delay * 2, this.options.maxRetryMs ?? 5 * 60_000);
    const setTimer = this.options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    setTimer(() => {
      this.retryScheduled = false;
      void this.flush();
    }, delay).unref?.();
  }

  async getChannelSettings(teamId: string, channelId: string): Promise<ChannelSettings> {
    const key = `${teamId}:${channelId}`;
    try {
      const settings = await this.inner.getChannelSettings(teamId, channelId);
      this.settings.set(key, settings);
      return settings;
    } catch (error) {
      this.down('reading channel settings', error);
      return this.settings.get(key) ?? { teamId, channelId, autoReply: true, digest: null };
    }
  }

  setAutoReply(teamId: string, channelId: string, on: boolean): Promise<void> {
    return this.inner.setAutoReply(teamId, channelId, on);
  }
  setDigest(teamId: string, channelId: string, digest: DigestSubscription | null): Promise<void> {
    return this.inner.setDigest(teamId, channelId, digest);
  }
  listDigestSubscriptions(): Promise<ChannelSettings[]> {
    return this.inner.listDigestSubscriptions();
  }
  digestRows(teamId: string | null, channelId: string, from: Date, to: Date): Promise<DigestRow[]> {
    return this.inner.digestRows(teamId, channelId, from, to);
  }
  claimDigestRun(teamId: string, channelId: string, localDate: string, now: Date, staleAfterMs: number) {
    return this.inner.claimDigestRun(teamId, channelId, localDate, now, staleAfterMs);
  }
  completeDigestRun(teamId: string, channelId: string, localDate: string, now: Date): Promise<void> {
    return this.inner.completeDigestRun(teamId, channelId, localDate, now);
  }
  releaseDigestRun(teamId: string, channelId: string, localDate: string): Promise<void> {
    return this.inner.releaseDigestRun(teamId, channelId, localDate);
  }
  purge(before: Date) {
    return this.inner.purge(before);
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.buffer.length > 0) {
      this.options.logger.error(`${this.buffer.length} occurrences could not be written before shutdown`);
    }
    await this.inner.close();
  }
}
