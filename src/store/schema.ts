import type { Generated } from 'kysely';

/**
 * Tables, as Kysely sees them. Times are epoch milliseconds (bigint-safe numbers) so SQLite and
 * PostgreSQL store and compare them the same way. No message text and no tokens: ids only.
 */
export interface Database {
  occurrences: {
    id: Generated<number>;
    team_id: string;
    channel_id: string;
    message_ts: string;
    thread_ts: string;
    provider: string;
    code: string;
    /** The catalog entry (`provider:code@context`); null for unknown codes and rows before 0003. */
    entry_key: string | null;
    confidence: string;
    method: string;
    source: string;
    is_private: number;
    seen_at: number;
  };
  claimed_keys: {
    key: string;
    claimed_at: number;
  };
  channel_settings: {
    team_id: string;
    channel_id: string;
    auto_reply: Generated<number>;
    digest_time: string | null;
    digest_time_zone: string | null;
    digest_post_when_quiet: Generated<number>;
    updated_at: number;
  };
  digest_runs: {
    team_id: string;
    channel_id: string;
    /** The channel's local date the digest is for, YYYY-MM-DD. */
    local_date: string;
    /** 'claimed' while an instance posts it, 'done' once posted. */
    status: string;
    claimed_at: number;
    done_at: number | null;
  };
  /** Posts waiting for Slack (store.ts OutboxPost, as JSON): the bot's replies, never the user's text. */
  outbox: {
    id: Generated<number>;
    channel: string;
    payload: string;
    attempts: Generated<number>;
    next_at: number;
    lease_owner: string | null;
    lease_until: number | null;
    created_at: number;
  };
  /** Helpful / wrong votes on explanations: ids and a hashed voter only. */
  feedback: {
    voter: string;
    answer_ref: string;
    entry_key: string;
    team_id: string;
    channel_id: string;
    vote: string;
    updated_at: number;
  };
}
