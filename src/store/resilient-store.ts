import type { Logger } from '@slack/bolt';
import { MemoryStore } from './memory-store.js';
import type {
  ChannelSettings,
  ClaimRequest,
  DigestRow,
  DigestSubscription,
  FeedbackReport,
  Occurrence,
  OutboxItem,
  OutboxPost,
  Store,
  Vote,
} from './store.js';

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
 *
 * Once a call fails, the store treats the database as away and stops calling it (a circuit breaker):
 * under a partition every query would otherwise wait for its timeout, one after another, and stall the
 * answers. A probe on a backoff timer finds out when it is back.
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

  /** Whether calls go to the database (false while it is away, until the probe finds it back). */
  get available(): boolean {
    return !this.failing;
  }

  private down(what: string, error: unknown): void {
    if (!this.failing) {
      this.options.logger.error(
        `Database unreachable (${(error as Error).message}) while ${what}. Replies continue; occurrences are kept in memory and written when it is back. Check DATABASE_URL and the database server.`,
      );
    }
    this.failing = true;
    this.scheduleRetry();
  }

  private up(): void {
    if (this.failing) this.options.logger.info('Database reachable again');
    this.failing = false;
    this.retryDelay = this.options.retryMs ?? 5_000;
  }

  async claimKey(key: string, now: Date): Promise<boolean> {
    if (this.failing) return this.fallback.claimKey(key, now);
    try {
      return await this.inner.claimKey(key, now);
    } catch (error) {
      this.down('claiming a message', error);
      return this.fallback.claimKey(key, now);
    }
  }

  /** While the database is away, answers wait in this process's memory outbox (lost only with the process). */
  async claimAndEnqueue(
    request: ClaimRequest,
    now: Date,
    build: (fresh: boolean[]) => OutboxPost | undefined,
  ): Promise<boolean> {
    if (this.failing) return this.fallback.claimAndEnqueue(request, now, build);
    try {
      return await this.inner.claimAndEnqueue(request, now, build);
    } catch (error) {
      this.down('claiming a message', error);
      return this.fallback.claimAndEnqueue(request, now, build);
    }
  }

  async leaseDuePosts(options: {
    owner: string;
    now: Date;
    leaseMs: number;
    limit: number;
    exclude?: string[];
  }): Promise<OutboxItem[]> {
    const local = await this.fallback.leaseDuePosts(options);
    if (this.failing || local.length >= options.limit) return local;
    try {
      const exclude = [...(options.exclude ?? []), ...local.map((item) => item.post.channel)];
      return [
        ...local,
        ...(await this.inner.leaseDuePosts({ ...options, exclude, limit: options.limit - local.length })),
      ];
    } catch (error) {
      this.down('reading the outbox', error);
      return local;
    }
  }

  completePost(id: string): Promise<void> {
    return this.route(id, 'completing a post', (store) => store.completePost(id));
  }

  deferPost(id: string, nextAt: Date, attempts: number): Promise<void> {
    return this.route(id, 'deferring a post', (store) => store.deferPost(id, nextAt, attempts));
  }

  async outboxBacklog(): Promise<{ waiting: number; oldestAt: number | null }> {
    const local = await this.fallback.outboxBacklog();
    if (this.failing) return local;
    try {
      const stored = await this.inner.outboxBacklog();
      const oldest = [local.oldestAt, stored.oldestAt].filter((at): at is number => at !== null);
      return { waiting: local.waiting + stored.waiting, oldestAt: oldest.length > 0 ? Math.min(...oldest) : null };
    } catch (error) {
      this.down('reading the outbox', error);
      return local;
    }
  }

  /**
   * Memory outbox ids start with `m`. A stored post the database cannot update now is left leased; once its
   * lease ends it is posted again (at least once, never lost).
   */
  private async route(id: string, what: string, act: (store: Store) => Promise<void>): Promise<void> {
    if (id.startsWith('m')) return act(this.fallback);
    try {
      await act(this.inner);
    } catch (error) {
      this.down(what, error);
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
    if (!this.failing) await this.flush();
  }

  /** Writes the buffered occurrences; on failure the probe tries again later. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await this.inner.recordOccurrences(batch);
      this.up();
    } catch (error) {
      this.buffer = [...batch, ...this.buffer];
      this.down('recording occurrences', error);
    }
  }

  /** Is the database back? Then write what waited. */
  private async probe(): Promise<void> {
    try {
      await this.inner.ping();
    } catch {
      this.scheduleRetry();
      return;
    }
    this.up();
    await this.flush();
  }

  private scheduleRetry(): void {
    if (this.retryScheduled) return;
    this.retryScheduled = true;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(delay * 2, this.options.maxRetryMs ?? 5 * 60_000);
    const setTimer = this.options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    setTimer(() => {
      this.retryScheduled = false;
      void this.probe();
    }, delay).unref?.();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  /** A vote is worth less than an answer: while the database is away it is dropped (and logged once). */
  async recordVote(vote: Vote): Promise<void> {
    if (this.failing) return;
    try {
      await this.inner.recordVote(vote);
    } catch (error) {
      this.down('recording a vote', error);
    }
  }

  feedbackReport(limit: number): Promise<FeedbackReport> {
    return this.inner.feedbackReport(limit);
  }

  async getChannelSettings(teamId: string, channelId: string): Promise<ChannelSettings> {
    const key = `${teamId}:${channelId}`;
    const known = () => this.settings.get(key) ?? { teamId, channelId, autoReply: true, digest: null };
    if (this.failing) return known();
    try {
      const settings = await this.inner.getChannelSettings(teamId, channelId);
      this.settings.set(key, settings);
      return settings;
    } catch (error) {
      this.down('reading channel settings', error);
      return known();
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
