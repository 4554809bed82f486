import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationProvider, type SqlDialect } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { dropSchema, freshSchema, POSTGRES_URL } from './postgres.js';
import { occurrence } from './store-contract.js';

const NOW = new Date('2026-11-24T09:00:00Z');
const DAY = 24 * 3600_000;

/** A database as 0002 left it: one occurrence recorded then (no entry key), one subscription made then. */
async function shippedAt0002(db: Kysely<unknown>, dialect: SqlDialect, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateTo('0002_outbox');
  if (error) throw error;
  await sql`insert into occurrences (team_id, channel_id, message_ts, thread_ts, provider, code, confidence, method, source, is_private, seen_at)
    values ('T1', 'C1', '1.1', '1.1', 'salesforce', 'invalid_grant', 'exact', 'code', 'message', 0, ${NOW.getTime() - 3600_000})`.execute(
    db,
  );
  // `digest on` then always stored "silent on quiet days".
  await sql`insert into channel_settings (team_id, channel_id, auto_reply, digest_time, digest_time_zone, digest_post_when_quiet, updated_at)
    values ('T1', 'C1', 1, '09:00', 'Europe/Berlin', 0, 0), ('T1', 'C2', 0, null, null, 0, 0)`.execute(db);
  await db.destroy();
}

function upgradeCase(name: string, prepare: () => Promise<{ url: string; schema?: string }>) {
  it(`${name}: 0003 keeps old rows (entry key null) and still records each message and error once`, async () => {
    const { url, schema } = await prepare();
    const store = await openStore(url, schema ? { schema } : {});
    try {
      const old = occurrence({
        messageTs: '1.1',
        threadTs: '1.1',
        provider: 'salesforce',
        code: 'invalid_grant',
        entryKey: null,
      });
      // A shared answer queued before the upgrade records the same message again, without an entry key.
      await store.recordOccurrences([old, old]);
      await store.recordOccurrences([
        { ...old, messageTs: '2.2', entryKey: 'salesforce:invalid_grant@refresh-token' },
        { ...old, messageTs: '2.2', entryKey: 'salesforce:invalid_grant@ip-restricted' },
      ]);
      const rows = await store.digestRows('T1', 'C1', new Date(NOW.getTime() - DAY), NOW);
      expect(rows.map((row) => [row.entryKey, row.count]).sort()).toEqual([
        [null, 1],
        ['salesforce:invalid_grant@ip-restricted', 1],
        ['salesforce:invalid_grant@refresh-token', 1],
      ]);
    } finally {
      await store.close();
    }
  });

  it(`${name}: 0004 gives subscriptions made before quiet-off existed the documented quiet-day line`, async () => {
    const { url, schema } = await prepare();
    const store = await openStore(url, schema ? { schema } : {});
    try {
      expect((await store.getChannelSettings('T1', 'C1')).digest).toEqual({
        time: '09:00',
        timeZone: 'Europe/Berlin',
        postWhenQuiet: true,
      });
      expect(await store.getChannelSettings('T1', 'C2')).toMatchObject({ autoReply: false, digest: null });
      // Chosen after the upgrade, silence stays.
      await store.setDigest('T1', 'C1', { time: '09:00', timeZone: 'UTC', postWhenQuiet: false });
      expect((await store.getChannelSettings('T1', 'C1')).digest?.postWhenQuiet).toBe(false);
    } finally {
      await store.close();
    }
  });
}

const dir = mkdtempSync(join(tmpdir(), 'oauth-error-bot-migrate-'));
const schemas: string[] = [];
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  for (const schema of schemas) await dropSchema(schema);
});

let n = 0;
describe('migrations 0003 and 0004 on a database in use', () => {
  upgradeCase('SQLite', async () => {
    const file = join(dir, `upgrade-${++n}.sqlite`);
    const { default: SQLite } = await import('better-sqlite3');
    await shippedAt0002(new Kysely({ dialect: new SqliteDialect({ database: new SQLite(file) }) }), 'sqlite');
    return { url: file };
  });

  upgradeCase('PostgreSQL', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const pg = await import('pg');
    const pool = new pg.default.Pool({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    await db.schema.createSchema(schema).execute();
    await shippedAt0002(db, 'postgres', schema);
    return { url: POSTGRES_URL, schema };
  });
});
