import { randomUUID } from 'node:crypto';
import type { Logger, webApi } from '@slack/bolt';
import type { OutboxItem, Store } from '../store/store.js';
import { CANNOT_POST, describeSlackError, platformError, retryAfterSeconds } from './api-errors.js';

/**
 * Drains the store's outbox into Slack. Answers are written to the outbox in the same step as the claim on
 * the message they answer (Store.claimAndEnqueue), so once Slack's event is claimed its answer is posted
 * even across restarts, floods and rate limits:
 * - each channel posts in order, one message per `minIntervalMs` (Slack's guideline: about one a second);
 * - 429 + Retry-After is honoured however long it is (the post waits in the store, not in memory);
 * - other transient failures are retried with backoff, up to `maxAttempts`; errors that no retry can mend
 *   (the channel is gone, archived, the bot was removed) end the post, logged without its text;
 * - several instances on one database post each item once: an item is leased before it is posted.
 * What waits is logged when it grows (never with text), and `backlog()` tells tests and operators.
 */
export interface OutboxPosterOptions {
  store: Store;
  /** Built with `rejectRateLimitedCalls: true`, so that 429s come back here. */
  client: webApi.WebClient;
  logger: Logger;
  minIntervalMs?: number;
  /** How often the outbox is read when nothing woke the poster (other instances' posts, retries). */
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Channels served per round. */
  batch?: number;
  now?: () => number;
}

/** Log the backlog again when it has grown by this much since the last line. */
const BACKLOG_LOG_STEP = 50;

export class OutboxPoster {
  private readonly owner = randomUUID();
  private readonly nextAt = new Map<string, number>();
  private readonly minIntervalMs: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly batch: number;
  private readonly now: () => number;
  private draining: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private started = false;
  private loggedBacklog = 0;

  constructor(private readonly options: OutboxPosterOptions) {
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.batch = options.batch ?? 50;
    this.now = options.now ?? Date.now;
  }

  /** Starts draining: what an earlier run left in the outbox goes first. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.notify();
  }

  /** Something was added: drain now (starts the poster if needed). */
  notify(): void {
    if (this.stopped) return;
    this.started = true;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.notify();
      } else this.schedule();
    });
  }

  /** Stops polling and waits for the posts in flight; what is left stays in the outbox for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  /** Posts waiting in the outbox. */
  backlog(): Promise<{ waiting: number; oldestAt: number | null }> {
    return this.options.store.outboxBacklog();
  }

  /** One round now: posts what is due and waits for it (tests drive the poster with their own clock). */
  async drainNow(): Promise<void> {
    this.notify();
    while (this.draining) await this.draining;
  }

  /** Resolves when nothing is being posted and nothing is waiting (tests). */
  async idle(): Promise<void> {
    for (;;) {
      await this.draining;
      const { waiting } = await this.backlog();
      if (waiting === 0 && !this.draining) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const now = this.now();
    const paced = [...this.nextAt.values()].filter((at) => at > now);
    const wait = Math.min(this.pollMs, ...paced.map((at) => at - now));
    this.timer = setTimeout(() => this.notify(), Math.max(wait, 1));
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const now = this.now();
        for (const [channel, at] of this.nextAt) if (at <= now) this.nextAt.delete(channel);
        const items = await this.options.store.leaseDuePosts({
          owner: this.owner,
          now: new Date(now),
          leaseMs: this.leaseMs,
          limit: this.batch,
          exclude: [...this.nextAt.keys()],
        });
        if (items.length === 0 || this.stopped) {
          for (const item of items) await this.options.store.deferPost(item.id, new Date(now), item.attempts);
          break;
        }
        await Promise.all(items.map((item) => this.deliver(item)));
      }
      await this.logBacklog();
    } catch (error) {
      this.options.logger.error(`Reading the outbox failed: ${describeSlackError(error)}`);
    }
  }

  /**
   * One attempt. With chat:write.public the bot posts in any public channel; an app installed with
   * channels:join instead is answered not_in_channel there, and joins once and posts again (a private
   * channel then says method_not_supported_for_channel_type, which no retry mends).
   */
  private async send(post: OutboxItem['post']): Promise<webApi.ChatPostMessageResponse> {
    const { client } = this.options;
    const message = {
      channel: post.channel,
      text: post.text,
      blocks: post.blocks as never,
      ...(post.threadTs ? { thread_ts: post.threadTs } : {}),
      unfurl_links: false,
      unfurl_media: false,
    };
    try {
      return await client.chat.postMessage(message);
    } catch (error) {
      if (platformError(error) !== 'not_in_channel') throw error;
      await client.conversations.join({ channel: post.channel });
      return client.chat.postMessage(message);
    }
  }

  private async deliver(item: OutboxItem): Promise<void> {
    const { store, logger } = this.options;
    const { post } = item;
    this.nextAt.set(post.channel, this.now() + this.minIntervalMs);
    try {
      const response = await this.send(post);
      // Spaced from when Slack answered, so two posts never reach it closer than the interval.
      this.nextAt.set(post.channel, this.now() + this.minIntervalMs);
      await store.completePost(item.id);
      if (post.record?.length && response.ts) {
        const ts = response.ts;
        const seenAt = new Date(this.now());
        await store
          .recordOccurrences(post.record.map((row) => ({ ...row, messageTs: ts, threadTs: ts, seenAt })))
          .catch((error: unknown) => logger.error(`Could not record a shared answer: ${describeSlackError(error)}`));
      }
    } catch (error) {
      await this.failed(item, error);
    }
  }

  private async failed(item: OutboxItem, error: unknown): Promise<void> {
    const { store, logger } = this.options;
    const { channel } = item.post;
    const attempts = item.attempts + 1;
    const retryAfter = retryAfterSeconds(error);
    if (retryAfter !== undefined) {
      // Slack names the wait; the whole channel waits, and the post keeps its place in line.
      const at = this.now() + Math.max(retryAfter * 1000, this.minIntervalMs);
      this.nextAt.set(channel, at);
      logger.warn(`Slack rate-limited chat.postMessage in ${channel}; posting again in ${retryAfter}s`);
      await store.deferPost(item.id, new Date(at), attempts);
      return;
    }
    const code = platformError(error);
    if ((code && CANNOT_POST.has(code)) || attempts >= this.maxAttempts) {
      logger.error(
        `Gave up a message in ${channel} after ${attempts} attempt(s): ${describeSlackError(error)}${code && CANNOT_POST.has(code) ? '' : ' (retries exhausted)'}`,
      );
      await store.completePost(item.id);
      return;
    }
    const backoff = Math.min(2 ** attempts * 1000, 10 * 60_000);
    logger.warn(
      `Posting a message in ${channel} failed (${describeSlackError(error)}); retrying in ${backoff / 1000}s`,
    );
    await store.deferPost(item.id, new Date(this.now() + backoff), attempts);
  }

  private async logBacklog(): Promise<void> {
    const { waiting, oldestAt } = await this.backlog();
    if (waiting >= this.loggedBacklog + BACKLOG_LOG_STEP) {
      const age = oldestAt === null ? 0 : Math.round((this.now() - oldestAt) / 1000);
      this.options.logger.warn(`${waiting} messages waiting to be posted (oldest ${age}s); none is dropped`);
      this.loggedBacklog = waiting;
    } else if (waiting < this.loggedBacklog / 2) {
      this.loggedBacklog = waiting < BACKLOG_LOG_STEP ? 0 : waiting;
    }
  }
}
