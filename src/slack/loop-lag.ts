import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * How late the event loop runs now: the 99th percentile of its delay per short window. When it lags,
 * every ack waits too, so new answers are shed until it recovers (see FollowUps). Node's own
 * histogram does the measuring; the windows make it follow the present load, not the past hour's.
 * `sustainedMs` is the lower of the last two windows: one heavy paste delays the loop once and must
 * not shed the requests after it; a flood keeps both windows high.
 */
export class LoopLag {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private readonly timer: NodeJS.Timeout;
  private recentMs = 0;
  private previousMs = 0;

  constructor(windowMs = 250) {
    this.histogram.enable();
    this.timer = setInterval(() => {
      this.previousMs = this.recentMs;
      this.recentMs = this.histogram.percentile(99) / 1e6;
      this.histogram.reset();
    }, windowMs);
    // A measurement must never keep the process alive.
    this.timer.unref();
  }

  /** p99 delay of the last window, in milliseconds. */
  get p99Ms(): number {
    return this.recentMs;
  }

  /** The lower p99 of the last two windows, in milliseconds. */
  get sustainedMs(): number {
    return Math.min(this.recentMs, this.previousMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}

let shared: LoopLag | undefined;

/** The one monitor of this thread's event loop, however many apps the thread runs (tests run many). */
export function threadLoopLag(): LoopLag {
  shared ??= new LoopLag();
  return shared;
}
