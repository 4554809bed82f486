import { Worker } from 'node:worker_threads';
import type { Logger } from '@slack/bolt';
import { StartupError } from '../errors.js';
import type { AnswerWorkerData, ForwardedRequest, FromAnswerThread, ToAnswerThread } from './protocol.js';

/**
 * The answer thread, seen from the front. Slack waits 3 s for an ack and every answer (resolve, render,
 * post through the Web API client) costs far more CPU than an ack; in one event loop, answers delay the
 * acks of the requests behind them. So the front only acks and forwards, and a worker thread answers:
 * there catalogs, store, digest and all listeners live (answer-worker.ts).
 * Forwarded requests not yet answered are bounded: beyond `maxOutstanding` new commands and clicks are shed
 * (a command is told so in its ack), so a stuck or flooded answer thread cannot grow the front's memory.
 * Pasted messages are never shed for their number: once acked, Slack will not send them again, and their
 * answer is cheap to find and then waits in the store's outbox. They are bounded by the text they hold
 * (`maxPastedBytes`); only beyond that, a flood no channel could read, are they shed and logged.
 */
export interface AnswerThreadOptions {
  data: AnswerWorkerData;
  logger: Logger;
  /** Forwarded commands and clicks not yet answered beyond which new ones are shed (default 400). */
  maxOutstanding?: number;
  /** Text of pasted messages not yet read beyond which new ones are shed (default 64 MB). */
  maxPastedBytes?: number;
  /** The thread stopped without being asked to: the bot can no longer answer. */
  onUnexpectedExit?: (code: number) => void;
}

/** Shedding is logged once per this many shed requests, not once each. */
const LOG_EVERY = 100;
const STOP_TIMEOUT_MS = 10_000;

/**
 * The worker always runs compiled JavaScript (dist/answers/answer-worker.js): a worker thread does not
 * inherit a TypeScript loader, and loading one in the thread would compile the answer code at every start.
 * Run from the TypeScript sources (the tests, the benchmarks), this module points at the build of those
 * same sources; vitest's global set-up builds before any test starts (test/setup/build.ts).
 */
export function answerWorkerUrl(here: string = import.meta.url): URL {
  return here.endsWith('.ts')
    ? new URL('../../dist/answers/answer-worker.js', here)
    : new URL('./answer-worker.js', here);
}

function spawn(data: AnswerWorkerData): Worker {
  return new Worker(answerWorkerUrl(), { workerData: data });
}

export class AnswerThread {
  private outstanding = 0;
  private pastedBytes = 0;
  private shed = 0;
  private stopping = false;
  private exited = false;

  private constructor(
    private readonly worker: Worker,
    private readonly options: AnswerThreadOptions,
    /** Provider ids of the loaded catalogs (the front parses `--provider` with them). */
    readonly providers: ReadonlySet<string>,
    readonly entries: number,
  ) {
    worker.on('message', (message: FromAnswerThread) => {
      if (message.type !== 'done') return;
      if (message.pastedBytes !== undefined) this.pastedBytes -= message.pastedBytes;
      else this.outstanding -= 1;
    });
    worker.on('error', (error) => options.logger.error(`The answer thread failed: ${error.message}`));
    worker.on('exit', (code) => {
      this.exited = true;
      if (this.stopping) return;
      options.logger.error(`The answer thread stopped (exit code ${code}); the bot cannot answer`);
      options.onUnexpectedExit?.(code);
    });
  }

  /** Starts the thread and waits until it is ready; rejects with what stopped it otherwise. */
  static async start(options: AnswerThreadOptions): Promise<AnswerThread> {
    const worker = spawn(options.data);
    let listeners: { message: (m: FromAnswerThread) => void; error: (e: Error) => void; exit: (c: number) => void };
    const first = await new Promise<FromAnswerThread>((resolve, reject) => {
      listeners = {
        message: resolve,
        error: reject,
        exit: (code) => reject(new Error(`The answer thread exited (code ${code}) before it was ready`)),
      };
      for (const [event, listener] of Object.entries(listeners)) worker.once(event, listener);
    }).finally(() => {
      // Only these: removing every listener would also stop the worker's message port from delivering.
      for (const [event, listener] of Object.entries(listeners)) worker.off(event, listener);
    });
    if (first.type !== 'ready') {
      await worker.terminate();
      if (first.type === 'failed') throw first.known ? new StartupError(first.message) : new Error(first.message);
      throw new Error(`The answer thread said ${first.type} before it was ready`);
    }
    return new AnswerThread(worker, options, new Set(first.providers), first.entries);
  }

  /** Whether a new request would be shed now: a command can then say so in its ack. */
  get saturated(): boolean {
    return this.exited || this.outstanding >= (this.options.maxOutstanding ?? 400);
  }

  /** Whether the thread is running (/healthz). */
  get alive(): boolean {
    return !this.exited;
  }

  /** Hands an acked request over (`pastedBytes` for a pasted message), or sheds it when saturated. */
  forward(request: ForwardedRequest, pastedBytes?: number): void {
    const full =
      pastedBytes === undefined
        ? this.saturated
        : this.exited || this.pastedBytes + pastedBytes > (this.options.maxPastedBytes ?? 64 * 1024 * 1024);
    if (full) {
      if (this.shed % LOG_EVERY === 0)
        this.options.logger.warn(
          `Overloaded: ${this.outstanding} requests and ${Math.round(this.pastedBytes / 1024)} KB of pasted text waiting for an answer; new ones are acknowledged but not answered (${this.shed + 1} so far)`,
        );
      this.shed += 1;
      return;
    }
    if (pastedBytes === undefined) {
      this.outstanding += 1;
      this.post({ type: 'request', request });
    } else {
      this.pastedBytes += pastedBytes;
      this.post({ type: 'request', request, pastedBytes });
    }
  }

  /**
   * Lets the thread finish its answers in progress (up to 5 s), stop its digest job and close the store,
   * then ends it: open keep-alive sockets of the Web API client would otherwise keep it running.
   */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    const stopped = new Promise<void>((resolve) => {
      const onMessage = (message: FromAnswerThread) => {
        if (message.type !== 'stopped') return;
        this.worker.off('message', onMessage);
        resolve();
      };
      this.worker.on('message', onMessage);
    });
    this.post({ type: 'stop' });
    const timer = setTimeout(() => void this.worker.terminate(), STOP_TIMEOUT_MS);
    await Promise.race([stopped, exited]);
    await this.worker.terminate();
    await exited;
    clearTimeout(timer);
  }

  private post(message: ToAnswerThread): void {
    this.worker.postMessage(message);
  }
}
