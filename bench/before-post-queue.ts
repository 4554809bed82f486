import type { Logger, webApi } from '@slack/bolt';
import { platformError, retryAfterSeconds } from '../src/slack/api-errors.js';

/**
 * The benchmark's baseline (bench/answers.ts): how the bot posted before the outbox, kept here to be
 * measured against it. chat.postMessage through one small queue per channel: Slack allows about one message per second per
 * channel (docs/slack-contract.md §4.4), answers 429 + Retry-After beyond that, and a failing call must never
 * loop. The client must be built with `rejectRateLimitedCalls: true` so that 429s come back here instead
 * of pausing every call of the client.
 */

export interface PostQueueOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** Spacing between two posts in one channel. */
  minIntervalMs?: number;
  /** Attempts per message when Slack answers 429. */
  maxAttempts?: number;
  /** A longer Retry-After than this is not waited for: the message is dropped (and logged by the caller). */
  maxRetryAfterMs?: number;
  /** Messages waiting per channel; more are refused rather than queued for minutes. */
  maxPending?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface PostOptions {
  /** On `not_in_channel`, join the (public) channel once and post again. Needs `channels:join`. */
  joinIfNotInChannel?: boolean;
}

/** The channel's queue was full; the message was not sent. */
export class PostDroppedError extends Error {
  readonly code = 'POST_DROPPED';
  constructor(readonly channel: string) {
    super(`Too many messages waiting for channel ${channel}; one was dropped`);
    this.name = 'PostDroppedError';
  }
}

interface Lane {
  tail: Promise<unknown>;
  pending: number;
  /** Earliest time (ms) the next post may start. */
  nextAt: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PostQueue {
  private readonly lanes = new Map<string, Lane>();
  private readonly minIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxPending: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: PostQueueOptions) {
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.maxPending = options.maxPending ?? 20;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
  }

  /** Posts in order per channel; resolves with Slack's answer or rejects with the last error. */
  post(args: webApi.ChatPostMessageArguments, options: PostOptions = {}): Promise<webApi.ChatPostMessageResponse> {
    const lane = this.lane(args.channel);
    if (lane.pending >= this.maxPending) return Promise.reject(new PostDroppedError(args.channel));
    lane.pending += 1;
    const run = lane.tail.then(() => this.send(lane, args, options));
    lane.tail = run.then(
      () => this.release(lane),
      () => this.release(lane),
    );
    return run;
  }

  private lane(channel: string): Lane {
    let lane = this.lanes.get(channel);
    if (!lane) {
      if (this.lanes.size >= 1000) this.prune();
      lane = { tail: Promise.resolve(), pending: 0, nextAt: 0 };
      this.lanes.set(channel, lane);
    }
    return lane;
  }

  private release(lane: Lane): void {
    lane.pending -= 1;
  }

  /** Idle lanes whose spacing has passed carry no information any more. */
  private prune(): void {
    const now = this.now();
    for (const [channel, lane] of this.lanes) {
      if (lane.pending === 0 && lane.nextAt <= now) this.lanes.delete(channel);
    }
  }

  private async send(
    lane: Lane,
    args: webApi.ChatPostMessageArguments,
    options: PostOptions,
  ): Promise<webApi.ChatPostMessageResponse> {
    let joined = false;
    for (let attempt = 1; ; attempt += 1) {
      const wait = lane.nextAt - this.now();
      if (wait > 0) await this.sleep(wait);
      try {
        const response = await this.options.client.chat.postMessage(args);
        lane.nextAt = this.now() + this.minIntervalMs;
        return response;
      } catch (error) {
        lane.nextAt = this.now() + this.minIntervalMs;
        const retryAfter = retryAfterSeconds(error);
        if (retryAfter !== undefined) {
          const waitMs = Math.max(retryAfter * 1000, this.minIntervalMs);
          lane.nextAt = this.now() + waitMs;
          if (attempt >= this.maxAttempts || waitMs > this.maxRetryAfterMs) throw error;
          this.options.logger.warn(
            `Slack rate-limited chat.postMessage in ${args.channel}; retrying in ${retryAfter}s`,
          );
          continue;
        }
        if (platformError(error) === 'not_in_channel' && options.joinIfNotInChannel && !joined) {
          joined = true;
          // Throws method_not_supported_for_channel_type for private channels: the caller logs it.
          await this.options.client.conversations.join({ channel: args.channel });
          continue;
        }
        throw error;
      }
    }
  }
}
