import type { DigestInputRow } from '../domain/digest.js';
import type { Confidence, Method } from '../domain/findings.js';

/** One explained error: ids only, never message text or tokens. */
export interface Occurrence {
  teamId: string;
  channelId: string;
  /** ts of the message the error was seen in. */
  messageTs: string;
  /** ts of the thread the bot answered in (the parent's ts). */
  threadTs: string;
  provider: string;
  code: string;
  confidence: Confidence;
  method: Method;
  /** 'message' (auto-reply) or 'command' (slash command). */
  source: 'message' | 'command';
  /** Whether the channel is private (its failures never appear in another channel's digest). */
  isPrivate: boolean;
  seenAt: Date;
}

export interface DigestSubscription {
  /** Local time HH:MM. */
  time: string;
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** Post a one-line note on days without failures (otherwise stay silent). */
  postWhenQuiet: boolean;
}

export interface ChannelSettings {
  teamId: string;
  channelId: string;
  autoReply: boolean;
  digest: DigestSubscription | null;
}

/**
 * The store port. Adapters: SQLite (default) and PostgreSQL. An in-memory one serves tests.
 */
export interface Store {
  /**
   * Claims a key (e.g. `msg:T1:C1:1700000000.000100`) once. Returns true for the first caller only,
   * across retries, restarts and instances sharing the database.
   */
  claimKey(key: string, now: Date): Promise<boolean>;
  recordOccurrences(rows: Occurrence[]): Promise<void>;
  getChannelSettings(teamId: string, channelId: string): Promise<ChannelSettings>;
  setAutoReply(teamId: string, channelId: string, on: boolean): Promise<void>;
  setDigest(teamId: string, channelId: string, digest: DigestSubscription | null): Promise<void>;
  /** Channels subscribed to the daily digest. */
  listDigestSubscriptions(): Promise<ChannelSettings[]>;
  /**
   * One row per distinct error seen in the channel in [from, to), with what the digest compares.
   * `teamId` null: the channel in any workspace (the CLI knows only the channel id).
   */
  digestRows(teamId: string | null, channelId: string, from: Date, to: Date): Promise<DigestRow[]>;
  /**
   * Claims the digest of one channel and local day before posting it, so exactly one instance posts.
   * A claim older than `staleAfterMs` that never completed (a crashed instance) can be claimed again.
   */
  claimDigestRun(
    teamId: string,
    channelId: string,
    localDate: string,
    now: Date,
    staleAfterMs: number,
  ): Promise<boolean>;
  completeDigestRun(teamId: string, channelId: string, localDate: string, now: Date): Promise<void>;
  /** Gives a claim back after a failed post, so the next attempt (here or elsewhere) can post. */
  releaseDigestRun(teamId: string, channelId: string, localDate: string): Promise<void>;
  /** Deletes occurrences and claimed keys older than `before` (the retention period). */
  purge(before: Date): Promise<{ occurrences: number; keys: number }>;
  /** Resolves when the database answers (a trivial query); rejects when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** One error of a channel's digest window; the digest model (domain/digest.ts) is built from these. */
export type DigestRow = DigestInputRow;

/**
 * What the slash command needs from the digest feature (`/oauth-error digest on|off|now|preview`).
 * Implemented in src/schedule/ over the Store, the Slack client and a clock.
 */
export interface DigestCommands {
  subscribe(teamId: string, channelId: string, subscription: DigestSubscription): Promise<void>;
  unsubscribe(teamId: string, channelId: string): Promise<void>;
  /** Posts the digest of the past 24 hours in the channel now. */
  postNow(teamId: string, channelId: string): Promise<void>;
  /** Renders the digest without posting it (shown only to the caller). */
  preview(teamId: string, channelId: string): Promise<{ text: string; blocks: unknown[] }>;
}
