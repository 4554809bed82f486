import type { Tuning } from '../app.js';
import type { Config } from '../config.js';

/**
 * What the front (the thread that acks) and the answer thread say to each other. Plain data only:
 * messages cross threads by structured clone.
 */

/** A request the front acknowledged: Slack's parsed payload and its retry headers. */
export interface ForwardedRequest {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
}

export interface AnswerWorkerData {
  config: Config;
  tuning?: Tuning;
}

/** `pastedBytes`: the request is a pasted message of that much text (bounded by size, not count). */
export type ToAnswerThread = { type: 'request'; request: ForwardedRequest; pastedBytes?: number } | { type: 'stop' };

export type FromAnswerThread =
  /** Catalogs loaded, store open, token checked: the front may start taking requests. */
  | { type: 'ready'; providers: string[]; entries: number }
  /** Start-up failed; `known` when the operator can fix it from the message alone (settings, catalog, store). */
  | { type: 'failed'; message: string; known: boolean }
  /** One forwarded request is fully answered (or shed); `pastedBytes` as it was forwarded. */
  | { type: 'done'; pastedBytes?: number }
  | { type: 'stopped' };
