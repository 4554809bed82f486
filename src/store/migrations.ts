import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

/**
 * Migrations in code, written with Kysely's schema builder so one definition serves SQLite and
 * PostgreSQL. Applied in name order at start; never edit one that has shipped, add the next.
 */
export type SqlDialect = 'sqlite' | 'postgres';

const migrations = (dialect: SqlDialect): Record<string, Migration> => ({
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('occurrences')
        .ifNotExists()
        // SQLite's INTEGER PRIMARY KEY is its rowid; PostgreSQL needs an identity column (and room for it).
        .addColumn('id', dialect === 'sqlite' ? 'integer' : 'bigint', (col) =>
          dialect === 'sqlite' ? col.primaryKey() : col.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('team_id', 'text', (col) => col.notNull())
        .addColumn('channel_id', 'text', (col) => col.notNull())
        .addColumn('message_ts', 'text', (col) => col.notNull())
        .addColumn('thread_ts', 'text', (col) => col.notNull())
        .addColumn('provider', 'text', (col) => col.notNull())
        .addColumn('code', 'text', (col) => col.notNull())
        .addColumn('confidence', 'text', (col) => col.notNull())
        .addColumn('method', 'text', (col) => col.notNull())
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('is_private', 'integer', (col) => col.notNull())
        .addColumn('seen_at', 'bigint', (col) => col.notNull())
        .execute();
      // One row per error and message: a retried recording changes nothing.
      await db.schema
        .createIndex('occurrences_unique')
        .ifNotExists()
        .unique()
        .on('occurrences')
        .columns(['team_id', 'channel_id', 'message_ts', 'provider', 'code'])
        .execute();
      // The digest reads one channel's window, and asks whether a code was seen there before it.
      await db.schema
        .createIndex('occurrences_channel_time')
        .ifNotExists()
        .on('occurrences')
        .columns(['team_id', 'channel_id', 'seen_at'])
        .execute();
      await db.schema
        .createIndex('occurrences_channel_code_time')
        .ifNotExists()
        .on('occurrences')
        .columns(['team_id', 'channel_id', 'provider', 'code', 'seen_at'])
        .execute();
      await db.schema.createIndex('occurrences_time').ifNotExists().on('occurrences').column('seen_at').execute();

      await db.schema
        .createTable('claimed_keys')
        .ifNotExists()
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('claimed_at', 'bigint', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('claimed_keys_time').ifNotExists().on('claimed_keys').column('claimed_at').execute();

      await db.schema
        .createTable('channel_settings')
        .ifNotExists()
        .addColumn('team_id', 'text', (col) => col.notNull())
        .addColumn('channel_id', 'text', (col) => col.notNull())
        .addColumn('auto_reply', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('digest_time', 'text')
        .addColumn('digest_time_zone', 'text')
        .addColumn('digest_post_when_quiet', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('updated_at', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('channel_settings_pk', ['team_id', 'channel_id'])
        .execute();

      await db.schema
        .createTable('digest_runs')
        .ifNotExists()
        .addColumn('team_id', 'text', (col) => col.notNull())
        .addColumn('channel_id', 'text', (col) => col.notNull())
        .addColumn('local_date', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('claimed_at', 'bigint', (col) => col.notNull())
        .addColumn('done_at', 'bigint')
        .addPrimaryKeyConstraint('digest_runs_pk', ['team_id', 'channel_id', 'local_date'])
        .execute();
    },
  },
  '0002_outbox': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('outbox')
        .ifNotExists()
        .addColumn('id', dialect === 'sqlite' ? 'integer' : 'bigint', (col) =>
          dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('channel', 'text', (col) => col.notNull())
        .addColumn('payload', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('next_at', 'bigint', (col) => col.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'bigint')
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .execute();
      // Each channel's oldest post is the one that may go next.
      await db.schema.createIndex('outbox_channel_id').ifNotExists().on('outbox').columns(['channel', 'id']).execute();
    },
  },
  '0003_occurrence_entry': {
    async up(db: Kysely<unknown>) {
      // Which catalog entry an occurrence was (`provider:code@context`): one code can be several errors.
      // Null for rows written before this migration and for codes no catalog has.
      await db.schema.alterTable('occurrences').addColumn('entry_key', 'text').execute();
      // One row per message and entry now, since one message can hold two entries of one code. NULLs are
      // distinct in a unique index (both databases), hence the coalesce: a retried recording of an unknown
      // code or an old row still changes nothing.
      await sql`create unique index if not exists occurrences_unique_entry on occurrences (team_id, channel_id, message_ts, provider, code, coalesce(entry_key, ''))`.execute(
        db,
      );
      await db.schema.dropIndex('occurrences_unique').ifExists().execute();
    },
  },
  '0004_quiet_day_line': {
    async up(db: Kysely<unknown>) {
      // `digest on` stored "stay silent on quiet days" for every channel, which no one could choose (there
      // was no option) and the docs promised otherwise. Now that `quiet-off` exists, subscriptions made
      // before it get the documented default; a channel that wants silence says `quiet-off`.
      await sql`update channel_settings set digest_post_when_quiet = 1 where digest_time is not null`.execute(db);
    },
  },
  '0005_feedback': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('feedback')
        .ifNotExists()
        .addColumn('voter', 'text', (col) => col.notNull())
        .addColumn('answer_ref', 'text', (col) => col.notNull())
        .addColumn('entry_key', 'text', (col) => col.notNull())
        .addColumn('team_id', 'text', (col) => col.notNull())
        .addColumn('channel_id', 'text', (col) => col.notNull())
        .addColumn('vote', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'bigint', (col) => col.notNull())
        // One vote per person, answer and entry: a second click changes it.
        .addPrimaryKeyConstraint('feedback_pk', ['voter', 'answer_ref', 'entry_key'])
        .execute();
      await db.schema.createIndex('feedback_entry').ifNotExists().on('feedback').column('entry_key').execute();
    },
  },
});

export function migrationProvider(dialect: SqlDialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
