import type { Logger } from '@slack/bolt';
import PQueue from 'p-queue';

/**
 * The work a listener does after its ack (resolve, render, post), bounded. An answer costs far more than
 * an ack; unbounded, a burst of commands would queue thousands of answers, each later than the last, and
 * hold their payloads in memory (and, where answers share the acks' thread, as in tests, delay the acks).
 * So at most `concurrency` answers run at once, and beyond `maxWaiting` waiting ones new work is shed:
 * the caller says so (a command tells its user to try again; a pasted message goes unanswered). An answer
 * may hold its slot while its channel's posts are paced (1 per second); the poster refuses more than 20
 * waiting posts per channel, so one busy channel cannot hold every slot.
 */
export interface FollowUpOptions {
  logger: Logger;
  concurrency?: number;
  maxWaiting?: number;
}

/** The bot is overloaded; the work was not started. */
export class FollowUpShedError extends Error {
  readonly code = 'FOLLOW_UP_SHED';
  constructor() {
    super('Too much work waiting after acks; this request was not answered');
    this.name = 'FollowUpShedError';
  }
}

/** Waiting answers beyond which shedding is logged again (not once per request, which would flood logs). */
const LOG_EVERY = 100;

export class FollowUps {
  private readonly queue: PQueue;
  private readonly maxWaiting: number;
  private shed = 0;

  constructor(private readonly options: FollowUpOptions) {
    this.queue = new PQueue({ concurrency: options.concurrency ?? 64 });
    this.maxWaiting = options.maxWaiting ?? 200;
  }

  /**
   * Runs `task` when a slot is free; rejects with FollowUpShedError when too much is waiting already, unless
   * `mustRun` (a pasted message: acked, never sent again, and bounded by size where it is forwarded).
   */
  run(task: () => Promise<void>, options: { mustRun?: boolean } = {}): Promise<void> {
    if (this.saturated && !options.mustRun) {
      if (this.shed % LOG_EVERY === 0)
        this.options.logger.warn(
          `Overloaded: ${this.queue.size} answers waiting; new requests are acknowledged but not answered (${this.shed + 1} so far)`,
        );
      this.shed += 1;
      return Promise.reject(new FollowUpShedError());
    }
    return this.queue.add(task);
  }

  /** Whether new work would be shed now: a command can then say so in its ack, which costs no extra call. */
  get saturated(): boolean {
    return this.queue.size >= this.maxWaiting;
  }

  /** Answers running or waiting (tests read it). */
  get pending(): number {
    return this.queue.size + this.queue.pending;
  }
}
