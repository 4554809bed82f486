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

/** Claimed keys are forgotten after this long: Slack stops retrying an event after minutes, not days. */
const CLAIM_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The whole Store in process memory: for tests, and as a fallback when no database is configured.
 * Claims hold within this process only (one instance); nothing survives a restart.
 */
export class MemoryStore implements Store {
  private readonly claims = new Map<string, number>();
  private readonly settings = new Map<string, ChannelSettings>();
  private readonly rows: Occurrence[] = [];
  /** Keys of `rows`, so recording stays constant-time however many rows there are. */
  private readonly rowKeys = new Set<string>();
  private readonly runs = new Map<string, { claimedAt: number; done: boolean }>();
  private claimsSincePrune = 0;
  private readonly outbox: (OutboxItem & { nextAt: number; leaseUntil: number })[] = [];
  private outboxSeq = 0;
  private readonly votes = new Map<string, Vote>();

  /** Recorded occurrences, oldest first (copies). */
  get occurrences(): Occurrence[] {
    return this.rows.map((row) => ({ ...row }));
  }

  async claimKey(key: string, now: Date): Promise<boolean> {
    return this.claimNow(key, now);
  }

  private claimNow(key: string, now: Date): boolean {
    this.prune(now.getTime());
    const claimedAt = this.claims.get(key);
    if (claimedAt !== undefined && now.getTime() - claimedAt < CLAIM_TTL_MS) return false;
    this.claims.set(key, now.getTime());
    return true;
  }

  async recordOccurrences(rows: Occurrence[]): Promise<void> {
    // One row per error and message, as in the SQL store: a retried recording changes nothing.
    for (const row of rows) {
      const key = occurrenceKey(row);
      if (this.rowKeys.has(key)) continue;
      this.rowKeys.add(key);
      this.rows.push({ ...row });
    }
  }

  async getChannelSettings(teamId: string, channelId: string): Promise<ChannelSettings> {
    const found = this.settings.get(settingsKey(teamId, channelId));
    return found ? { ...found } : { teamId, channelId, autoReply: true, digest: null };
  }

  async setAutoReply(teamId: string, channelId: string, on: boolean): Promise<void> {
    const current = await this.getChannelSettings(teamId, channelId);
    this.settings.set(settingsKey(teamId, channelId), { ...current, autoReply: on });
  }

  async setDigest(teamId: string, channelId: string, digest: DigestSubscription | null): Promise<void> {
    const current = await this.getChannelSettings(teamId, channelId);
    this.settings.set(settingsKey(teamId, channelId), { ...current, digest: digest && { ...digest } });
  }

  async listDigestSubscriptions(): Promise<ChannelSettings[]> {
    return [...this.settings.values()].filter((settings) => settings.digest).map((settings) => ({ ...settings }));
  }

  async digestRows(teamId: string | null, channelId: string, from: Date, to: Date): Promise<DigestRow[]> {
    const day = to.getTime() - from.getTime();
    const inChannel = this.rows.filter(
      (row) => (teamId === null || row.teamId === teamId) && row.channelId === channelId,
    );
    const rows = new Map<string, DigestRow>();
    for (const row of inChannel) {
      const time = row.seenAt.getTime();
      if (time < from.getTime() || time >= to.getTime()) continue;
      const key = errorKey(row);
      const current = rows.get(key);
      if (current) {
        current.count += 1;
        if (row.threadTs > current.threadTs) current.threadTs = row.threadTs;
      } else {
        rows.set(key, {
          provider: row.provider,
          code: row.code,
          entryKey: row.entryKey ?? null,
          count: 1,
          previousCount: 0,
          isNew: true,
          threadTs: row.threadTs,
        });
      }
    }
    const byCode = new Map<string, DigestRow[]>();
    for (const current of rows.values()) {
      const code = `${current.provider}:${current.code}`;
      byCode.set(code, [...(byCode.get(code) ?? []), current]);
    }
    for (const row of inChannel) {
      const time = row.seenAt.getTime();
      if (time >= from.getTime()) continue;
      if (time >= from.getTime() - day) {
        const same = rows.get(errorKey(row));
        if (same) same.previousCount += 1;
      }
      // As in the SQL store: a row without an entry key may have been any entry of its code.
      for (const current of byCode.get(`${row.provider}:${row.code}`) ?? []) {
        if (current.entryKey === null || !row.entryKey || current.entryKey === row.entryKey) current.isNew = false;
      }
    }
    return [...rows.values()];
  }

  async claimDigestRun(teamId: string, channelId: string, localDate: string, now: Date, staleAfterMs: number) {
    const key = `${teamId}:${channelId}:${localDate}`;
    const run = this.runs.get(key);
    if (run && (run.done || now.getTime() - run.claimedAt < staleAfterMs)) return false;
    this.runs.set(key, { claimedAt: now.getTime(), done: false });
    return true;
  }

  async completeDigestRun(teamId: string, channelId: string, localDate: string): Promise<void> {
    const run = this.runs.get(`${teamId}:${channelId}:${localDate}`);
    if (run) run.done = true;
  }

  async releaseDigestRun(teamId: string, channelId: string, localDate: string): Promise<void> {
    const key = `${teamId}:${channelId}:${localDate}`;
    if (!this.runs.get(key)?.done) this.runs.delete(key);
  }

  async purge(before: Date): Promise<{ occurrences: number; keys: number }> {
    const kept = this.rows.filter((row) => row.seenAt.getTime() >= before.getTime());
    const occurrences = this.rows.length - kept.length;
    this.rows.splice(0, this.rows.length, ...kept);
    this.rowKeys.clear();
    for (const row of kept) this.rowKeys.add(occurrenceKey(row));
    let keys = 0;
    for (const [key, claimedAt] of this.claims) {
      if (claimedAt < before.getTime()) {
        this.claims.delete(key);
        keys += 1;
      }
    }
    return { occurrences, keys };
  }

  async claimAndEnqueue(
    request: ClaimRequest,
    now: Date,
    build: (fresh: boolean[]) => OutboxPost | undefined,
  ): Promise<boolean> {
    // No await between the claims and the push: nothing else runs in between, as in a transaction.
    if (!this.claimNow(request.key, now)) return false;
    const fresh = (request.also ?? []).map((key) => this.claimNow(key, now));
    const post = build(fresh);
    if (post) {
      this.outboxSeq += 1;
      const at = now.getTime();
      this.outbox.push({ id: `m${this.outboxSeq}`, post, attempts: 0, createdAt: at, nextAt: at, leaseUntil: 0 });
    }
    return true;
  }

  async leaseDuePosts(options: {
    owner: string;
    now: Date;
    leaseMs: number;
    limit: number;
    exclude?: string[];
  }): Promise<OutboxItem[]> {
    const now = options.now.getTime();
    const busy = new Set(options.exclude ?? []);
    for (const item of this.outbox) if (item.leaseUntil >= now) busy.add(item.post.channel);
    const leased: OutboxItem[] = [];
    for (const item of this.outbox) {
      if (leased.length >= options.limit) break;
      if (busy.has(item.post.channel)) continue;
      // The channel's oldest post decides: a later one never overtakes it, due or not.
      busy.add(item.post.channel);
      if (item.nextAt > now) continue;
      item.leaseUntil = now + options.leaseMs;
      leased.push({ id: item.id, post: item.post, attempts: item.attempts, createdAt: item.createdAt });
    }
    return leased;
  }

  async completePost(id: string): Promise<void> {
    const at = this.outbox.findIndex((item) => item.id === id);
    if (at >= 0) this.outbox.splice(at, 1);
  }

  async deferPost(id: string, nextAt: Date, attempts: number): Promise<void> {
    const item = this.outbox.find((candidate) => candidate.id === id);
    if (!item) return;
    item.nextAt = nextAt.getTime();
    item.attempts = attempts;
    item.leaseUntil = 0;
  }

  async outboxBacklog(): Promise<{ waiting: number; oldestAt: number | null }> {
    return { waiting: this.outbox.length, oldestAt: this.outbox[0]?.createdAt ?? null };
  }

  async recordVote(vote: Vote): Promise<void> {
    this.votes.set(`${vote.voter}|${vote.answerRef}|${vote.entryKey}`, { ...vote });
  }

  async feedbackReport(limit: number): Promise<FeedbackReport> {
    const perEntry = new Map<string, { entryKey: string; helpful: number; wrong: number }>();
    for (const vote of this.votes.values()) {
      const row = perEntry.get(vote.entryKey) ?? { entryKey: vote.entryKey, helpful: 0, wrong: 0 };
      row[vote.vote] += 1;
      perEntry.set(vote.entryKey, row);
    }
    const seen = new Map<string, { provider: string; code: string; count: number }>();
    for (const row of this.rows) {
      const key = `${row.provider}:${row.code}`;
      const current = seen.get(key) ?? { provider: row.provider, code: row.code, count: 0 };
      current.count += 1;
      seen.set(key, current);
    }
    return {
      votes: [...perEntry.values()]
        .sort((a, b) => b.wrong - a.wrong || a.entryKey.localeCompare(b.entryKey))
        .slice(0, limit),
      seen: [...seen.values()].sort((a, b) => b.count - a.count),
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private prune(now: number): void {
    // Amortised: a full sweep every 1000 claims keeps memory bounded without a timer.
    this.claimsSincePrune += 1;
    if (this.claimsSincePrune < 1000) return;
    this.claimsSincePrune = 0;
    for (const [key, claimedAt] of this.claims) {
      if (now - claimedAt >= CLAIM_TTL_MS) this.claims.delete(key);
    }
  }
}

const settingsKey = (teamId: string, channelId: string) => `${teamId}:${channelId}`;

/** One error of the digest: an entry, or a code without one. */
function errorKey(row: Occurrence): string {
  return `${row.provider}:${row.code}:${row.entryKey ?? ''}`;
}

function occurrenceKey(row: Occurrence): string {
  return `${row.teamId}:${row.channelId}:${row.messageTs}:${errorKey(row)}`;
}
