import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Database } from './schema.js';
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

/** Rows per INSERT: well under SQLite's 32,766 bound parameters at 12 columns a row. */
const INSERT_CHUNK = 500;

const toSettings = (row: Selectable<Database['channel_settings']>): ChannelSettings => ({
  teamId: row.team_id,
  channelId: row.channel_id,
  autoReply: Number(row.auto_reply) === 1,
  digest:
    row.digest_time && row.digest_time_zone
      ? {
          time: row.digest_time,
          timeZone: row.digest_time_zone,
          postWhenQuiet: Number(row.digest_post_when_quiet) === 1,
        }
      : null,
});

/** Insert-if-absent is atomic in both databases: of racing instances exactly one inserts. */
async function claimIn(db: Kysely<Database>, key: string, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('claimed_keys')
    .values({ key, claimed_at: now.getTime() })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The Store over SQL, one implementation for SQLite and PostgreSQL through Kysely. */
export class SqlStore implements Store {
  constructor(private readonly db: Kysely<Database>) {}

  claimKey(key: string, now: Date): Promise<boolean> {
    return claimIn(this.db, key, now);
  }

  async claimAndEnqueue(
    request: ClaimRequest,
    now: Date,
    build: (fresh: boolean[]) => OutboxPost | undefined,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await claimIn(trx, request.key, now))) return false;
      const fresh: boolean[] = [];
      for (const key of request.also ?? []) fresh.push(await claimIn(trx, key, now));
      const post = build(fresh);
      if (post) {
        await trx
          .insertInto('outbox')
          .values({
            channel: post.channel,
            payload: JSON.stringify(post),
            next_at: now.getTime(),
            lease_owner: null,
            lease_until: null,
            created_at: now.getTime(),
          })
          .execute();
      }
      return true;
    });
  }

  async leaseDuePosts(options: {
    owner: string;
    now: Date;
    leaseMs: number;
    limit: number;
    exclude?: string[];
  }): Promise<OutboxItem[]> {
    const now = options.now.getTime();
    const exclude = options.exclude ?? [];
    // Each channel's oldest post, if it is due and nobody holds it: later posts never overtake it.
    const due = await this.db
      .selectFrom('outbox')
      .select('id')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select((inner) => inner.fn.min('id').as('id'))
          .groupBy('channel'),
      )
      .where('next_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .$if(exclude.length > 0, (query) => query.where('channel', 'not in', exclude))
      .orderBy('id')
      .limit(options.limit)
      .execute();
    if (due.length === 0) return [];
    // Compare-and-set: of instances racing for a post, the one whose update still finds it free wins it.
    const leased = await this.db
      .updateTable('outbox')
      .set({ lease_owner: options.owner, lease_until: now + options.leaseMs })
      .where(
        'id',
        'in',
        due.map((row) => row.id),
      )
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returning(['id', 'payload', 'attempts', 'created_at'])
      .execute();
    return leased
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((row) => ({
        id: String(row.id),
        post: JSON.parse(row.payload) as OutboxPost,
        attempts: Number(row.attempts),
        createdAt: Number(row.created_at),
      }));
  }

  async completePost(id: string): Promise<void> {
    await this.db.deleteFrom('outbox').where('id', '=', Number(id)).execute();
  }

  async deferPost(id: string, nextAt: Date, attempts: number): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ next_at: nextAt.getTime(), attempts, lease_owner: null, lease_until: null })
      .where('id', '=', Number(id))
      .execute();
  }

  async outboxBacklog(): Promise<{ waiting: number; oldestAt: number | null }> {
    const row = await this.db
      .selectFrom('outbox')
      .select((eb) => [eb.fn.countAll().as('waiting'), eb.fn.min('created_at').as('oldest')])
      .executeTakeFirst();
    const oldest = row?.oldest;
    return {
      waiting: Number(row?.waiting ?? 0),
      oldestAt: oldest === null || oldest === undefined ? null : Number(oldest),
    };
  }

  async recordOccurrences(rows: Occurrence[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const values = rows.slice(i, i + INSERT_CHUNK).map((row) => ({
        team_id: row.teamId,
        channel_id: row.channelId,
        message_ts: row.messageTs,
        thread_ts: row.threadTs,
        provider: row.provider,
        code: row.code,
        // A shared answer queued in the outbox before entry keys existed has none.
        entry_key: row.entryKey ?? null,
        confidence: row.confidence,
        method: row.method,
        source: row.source,
        is_private: row.isPrivate ? 1 : 0,
        seen_at: row.seenAt.getTime(),
      }));
      await this.db
        .insertInto('occurrences')
        .values(values)
        // The unique index is on an expression (coalesce(entry_key, '')), which a conflict target cannot
        // name in both databases; the only other unique key is the generated id.
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  }

  async getChannelSettings(teamId: string, channelId: string): Promise<ChannelSettings> {
    const row = await this.db
      .selectFrom('channel_settings')
      .selectAll()
      .where('team_id', '=', teamId)
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return row ? toSettings(row) : { teamId, channelId, autoReply: true, digest: null };
  }

  async setAutoReply(teamId: string, channelId: string, on: boolean): Promise<void> {
    await this.upsertSettings(teamId, channelId, { auto_reply: on ? 1 : 0 });
  }

  async setDigest(teamId: string, channelId: string, digest: DigestSubscription | null): Promise<void> {
    await this.upsertSettings(teamId, channelId, {
      digest_time: digest?.time ?? null,
      digest_time_zone: digest?.timeZone ?? null,
      digest_post_when_quiet: digest && !digest.postWhenQuiet ? 0 : 1,
    });
  }

  private async upsertSettings(
    teamId: string,
    channelId: string,
    changes: Omit<Updateable<Database['channel_settings']>, 'team_id' | 'channel_id'>,
  ): Promise<void> {
    const updatedAt = Date.now();
    await this.db
      .insertInto('channel_settings')
      .values({ team_id: teamId, channel_id: channelId, updated_at: updatedAt, ...changes } as Insertable<
        Database['channel_settings']
      >)
      .onConflict((conflict) =>
        conflict.columns(['team_id', 'channel_id']).doUpdateSet({ ...changes, updated_at: updatedAt }),
      )
      .execute();
  }

  async listDigestSubscriptions(): Promise<ChannelSettings[]> {
    const rows = await this.db
      .selectFrom('channel_settings')
      .selectAll()
      .where('digest_time', 'is not', null)
      .where('digest_time_zone', 'is not', null)
      .execute();
    return rows.map(toSettings);
  }

  async digestRows(teamId: string | null, channelId: string, from: Date, to: Date): Promise<DigestRow[]> {
    const day = to.getTime() - from.getTime();
    const inChannel = this.db
      .selectFrom('occurrences as o')
      .$if(teamId !== null, (query) => query.where('o.team_id', '=', teamId as string))
      .where('o.channel_id', '=', channelId);
    const current = await inChannel
      .where('o.seen_at', '>=', from.getTime())
      .where('o.seen_at', '<', to.getTime())
      .groupBy(['o.provider', 'o.code', 'o.entry_key'])
      .select((eb) => [
        'o.provider',
        'o.code',
        'o.entry_key',
        eb.fn.countAll().as('count'),
        eb.fn.max('o.thread_ts').as('thread_ts'),
        // Uses the (team, channel, provider, code, seen_at) index: one probe per distinct error. A row
        // without an entry key (recorded before keys were) may have been any entry of its code, so it
        // counts as seen for each of them.
        eb
          .exists(
            eb
              .selectFrom('occurrences as before')
              .select(sql`1`.as('one'))
              .$if(teamId !== null, (query) => query.where('before.team_id', '=', teamId as string))
              .where('before.channel_id', '=', channelId)
              .whereRef('before.provider', '=', 'o.provider')
              .whereRef('before.code', '=', 'o.code')
              .where((inner) =>
                inner.or([
                  inner('o.entry_key', 'is', null),
                  inner('before.entry_key', 'is', null),
                  inner('before.entry_key', '=', inner.ref('o.entry_key')),
                ]),
              )
              .where('before.seen_at', '<', from.getTime()),
          )
          .as('seen_before'),
      ])
      .execute();
    const previous = await inChannel
      .where('o.seen_at', '>=', from.getTime() - day)
      .where('o.seen_at', '<', from.getTime())
      .groupBy(['o.provider', 'o.code', 'o.entry_key'])
      .select((eb) => ['o.provider', 'o.code', 'o.entry_key', eb.fn.countAll().as('count')])
      .execute();
    const key = (row: { provider: string; code: string; entry_key: string | null }) =>
      `${row.provider}:${row.code}:${row.entry_key ?? ''}`;
    const before = new Map(previous.map((row) => [key(row), Number(row.count)]));
    return current.map((row) => ({
      provider: row.provider,
      code: row.code,
      entryKey: row.entry_key,
      count: Number(row.count),
      previousCount: before.get(key(row)) ?? 0,
      // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
      isNew: !(row.seen_before === true || Number(row.seen_before) === 1),
      threadTs: String(row.thread_ts),
    }));
  }

  async claimDigestRun(
    teamId: string,
    channelId: string,
    localDate: string,
    now: Date,
    staleAfterMs: number,
  ): Promise<boolean> {
    const key = { team_id: teamId, channel_id: channelId, local_date: localDate };
    const inserted = await this.db
      .insertInto('digest_runs')
      .values({ ...key, status: 'claimed', claimed_at: now.getTime(), done_at: null })
      .onConflict((conflict) => conflict.columns(['team_id', 'channel_id', 'local_date']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
    // Take over a claim whose instance died mid-post; the WHERE makes it a compare-and-set.
    const taken = await this.db
      .updateTable('digest_runs')
      .set({ claimed_at: now.getTime() })
      .where('team_id', '=', teamId)
      .where('channel_id', '=', channelId)
      .where('local_date', '=', localDate)
      .where('status', '=', 'claimed')
      .where('claimed_at', '<', now.getTime() - staleAfterMs)
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1;
  }

  async completeDigestRun(teamId: string, channelId: string, localDate: string, now: Date): Promise<void> {
    await this.db
      .updateTable('digest_runs')
      .set({ status: 'done', done_at: now.getTime() })
      .where('team_id', '=', teamId)
      .where('channel_id', '=', channelId)
      .where('local_date', '=', localDate)
      .execute();
  }

  async releaseDigestRun(teamId: string, channelId: string, localDate: string): Promise<void> {
    await this.db
      .deleteFrom('digest_runs')
      .where('team_id', '=', teamId)
      .where('channel_id', '=', channelId)
      .where('local_date', '=', localDate)
      .where('status', '=', 'claimed')
      .execute();
  }

  async purge(before: Date): Promise<{ occurrences: number; keys: number }> {
    const occurrences = await this.db
      .deleteFrom('occurrences')
      .where('seen_at', '<', before.getTime())
      .executeTakeFirst();
    const keys = await this.db.deleteFrom('claimed_keys').where('claimed_at', '<', before.getTime()).executeTakeFirst();
    return { occurrences: Number(occurrences.numDeletedRows), keys: Number(keys.numDeletedRows) };
  }

  async recordVote(vote: Vote): Promise<void> {
    const row = {
      voter: vote.voter,
      answer_ref: vote.answerRef,
      entry_key: vote.entryKey,
      team_id: vote.teamId,
      channel_id: vote.channelId,
      vote: vote.vote,
      updated_at: vote.at.getTime(),
    };
    await this.db
      .insertInto('feedback')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['voter', 'answer_ref', 'entry_key'])
          .doUpdateSet({ vote: row.vote, updated_at: row.updated_at }),
      )
      .execute();
  }

  async feedbackReport(limit: number): Promise<FeedbackReport> {
    const votes = await this.db
      .selectFrom('feedback')
      .select((eb) => [
        'entry_key',
        eb.fn.sum<number>(eb.case().when('vote', '=', 'wrong').then(1).else(0).end()).as('wrong'),
        eb.fn.sum<number>(eb.case().when('vote', '=', 'helpful').then(1).else(0).end()).as('helpful'),
      ])
      .groupBy('entry_key')
      .orderBy('wrong', 'desc')
      .orderBy('entry_key')
      .limit(limit)
      .execute();
    const seen = await this.db
      .selectFrom('occurrences')
      .select((eb) => ['provider', 'code', eb.fn.countAll().as('count')])
      .groupBy(['provider', 'code'])
      .orderBy('count', 'desc')
      .execute();
    return {
      votes: votes.map((row) => ({ entryKey: row.entry_key, wrong: Number(row.wrong), helpful: Number(row.helpful) })),
      seen: seen.map((row) => ({ provider: row.provider, code: row.code, count: Number(row.count) })),
    };
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
