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
  /**
   * The catalog entry it was (`provider:code` or `provider:code@context`): a code can be several errors,
   * each titled and explained apart. Null for a code of a provider's shape that no catalog has.
   */
  entryKey: string | null;
  confidence: Confidence;
  method: Method;
  /** 'message' (auto-reply) or 'command' (slash command). */
  source: 'message' | 'command';
  /** Whether the channel is private (its failures never appear in another channel's digest). */
  isPrivate: boolean;
  seenAt: Date;
}

/**
 * A message the bot must post (a thread reply, a shared answer), kept in the store until Slack has it: the
 * outbox. It holds the bot's own reply (catalog text, error codes, support ids), never the user's text.
 */
export interface OutboxPost {
  channel: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
  /** Occurrences to record once posted, with the posted message's ts (a shared answer's). */
  record?: Omit<Occurrence, 'messageTs' | 'threadTs' | 'seenAt'>[];
}

export interface OutboxItem {
  /** Store-assigned; opaque to callers. */
  id: string;
  post: OutboxPost;
  /** Failed attempts so far (429s included). */
  attempts: number;
  createdAt: number;
}

/** What `claimAndEnqueue` claims: a key that must be new, and keys whose freshness the post depends on. */
export interface ClaimRequest {
  key: string;
  /** Claimed too, each once; `build` learns which were new (e.g. errors not yet explained in a thread). */
  also?: string[];
}

/** One person's vote on one explanation: ids only (the voter as a one-way hash), never text or names. */
export interface Vote {
  teamId: string;
  channelId: string;
  /** The answer voted on: its message ts, so a vote counts once per answer. */
  answerRef: string;
  entryKey: string;
  /** A hash of team and user id: one vote per person and answer, changeable, never a name. */
  voter: string;
  vote: 'helpful' | 'wrong';
  at: Date;
}

/** What the catalog's keepers read (`oauth-error-bot feedback`). */
export interface FeedbackReport {
  /** Votes per entry, most often marked wrong first. */
  votes: { entryKey: string; helpful: number; wrong: number }[];
  /** How often each provider code was seen, most first (the CLI keeps those the catalogs lack). */
  seen: { provider: string; code: string; count: number }[];
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
  /**
   * In one step: claims `request.key` (false, and nothing else happens, if it was claimed before), claims
   * the `also` keys, and adds the post `build` returns (if any) to the outbox. A crash can therefore never
   * leave a claimed message without its answer waiting to be posted.
   */
  claimAndEnqueue(
    request: ClaimRequest,
    now: Date,
    build: (fresh: boolean[]) => OutboxPost | undefined,
  ): Promise<boolean>;
  /**
   * Leases the oldest due post of up to `limit` channels (one each, so each channel posts in order), skipping
   * channels in `exclude` and channels with a post leased by anyone. A lease ends at `now + leaseMs`; a post
   * whose instance died is leased again after that.
   */
  leaseDuePosts(options: {
    owner: string;
    now: Date;
    leaseMs: number;
    limit: number;
    exclude?: string[];
  }): Promise<OutboxItem[]>;
  /** The post reached Slack (or can never): it leaves the outbox. */
  completePost(id: string): Promise<void>;
  /** Try again at `nextAt`; `attempts` is the new count of failed attempts. */
  deferPost(id: string, nextAt: Date, attempts: number): Promise<void>;
  /** Posts waiting (due or not), and the oldest one's creation time. */
  outboxBacklog(): Promise<{ waiting: number; oldestAt: number | null }>;
  /** Records a vote, or changes that person's earlier vote on the same answer and entry. */
  recordVote(vote: Vote): Promise<void>;
  feedbackReport(limit: number): Promise<FeedbackReport>;
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
