// Store benchmark: recording throughput and digest query time over 1 million occurrences, on SQLite and
// PostgreSQL, each beside a naive baseline measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import { openDatabase } from '../src/store/open-store.js';
import type { Database } from '../src/store/schema.js';
import { SqlStore } from '../src/store/sql-store.js';
import type { Occurrence } from '../src/store/store.js';
import { dropSchema, freshSchema, startTestPostgres } from '../test/setup/embedded-postgres.js';
import { percentile, table } from './stats.js';

const TOTAL = 1_000_000;
const RECORDED = 20_000;
const CHANNELS = 200;
const CODES = 60;
const DAY = 24 * 3600_000;
const NOW = Date.UTC(2026, 10, 24, 9);
const f = (n: number, digits = 1) => n.toFixed(digits);

function occurrence(i: number): Occurrence {
  // One channel in ten rows is busy (C0); the rest spread over 199 channels; 90 days of history.
  const channel = i % 10 === 0 ? 'C0' : `C${1 + (i % (CHANNELS - 1))}`;
  const code = `AADSTS${50000 + ((i * 7919) % CODES)}`;
  return {
    teamId: 'T1',
    channelId: channel,
    messageTs: `${1_700_000_000 + i}.000100`,
    threadTs: `${1_700_000_000 + i}.000100`,
    provider: 'entra',
    code,
    entryKey: `entra:${code}`,
    confidence: 'exact',
    method: 'code',
    source: 'message',
    isPrivate: false,
    seenAt: new Date(NOW - ((i * 104_729) % (90 * DAY))),
  };
}

const BULK_FILL_TIMEOUT_MS = 10 * 60_000;

/** Fills the rest of the million in the database itself (generate_series / a recursive CTE). */
async function bulkFill(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', from: number): Promise<void> {
  const n = TOTAL - from;
  // Parameters arrive untyped (PostgreSQL) or as REAL (better-sqlite3): make them integers in SQL.
  const big = (value: number) =>
    dialect === 'postgres' ? sql`cast(${value} as bigint)` : sql`cast(${value} as integer)`;
  const rows =
    dialect === 'postgres'
      ? sql`select g as i from generate_series(${big(from)}, ${big(TOTAL - 1)}) g`
      : sql`select value as i from (with recursive s(value) as (select ${big(from)} union all select value + 1 from s where value < ${big(TOTAL - 1)}) select value from s)`;
  const insert = sql`
    insert into occurrences (team_id, channel_id, message_ts, thread_ts, provider, code, entry_key, confidence, method, source, is_private, seen_at)
    select 'T1',
      case when i % 10 = 0 then 'C0' else 'C' || (1 + i % ${big(CHANNELS - 1)}) end,
      (1700000000 + i) || '.000100', (1700000000 + i) || '.000100', 'entra',
      'AADSTS' || (50000 + (i * 7919) % ${big(CODES)}), 'entra:AADSTS' || (50000 + (i * 7919) % ${big(CODES)}),
      'exact', 'code', 'message', 0,
      ${big(NOW)} - ((i * 104729) % ${big(90 * DAY)})
    from (${rows}) as numbers`;
  // The store limits every PostgreSQL statement to 10 s (open-store.ts); one insert of a million rows
  // takes longer, so this transaction lifts the limit for itself only.
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`set local statement_timeout = 0`.execute(trx);
    await insert.execute(trx);
  });
  if (n <= 0) throw new Error('nothing to fill');
}

async function run(label: string, dialect: 'sqlite' | 'postgres', url: string, schema?: string): Promise<string[][]> {
  // The client's own wait for an answer is also 10 s by default: the bulk fill below needs longer.
  const db = await openDatabase(url, { ...(schema ? { schema } : {}), queryTimeoutMs: BULK_FILL_TIMEOUT_MS });
  const store = new SqlStore(db);
  const batch = Array.from({ length: RECORDED }, (_, i) => occurrence(i));

  // Ours: recordOccurrences, as the bot calls it (one call per message; here 100 findings per call).
  let start = performance.now();
  for (let i = 0; i < RECORDED / 2; i += 100) await store.recordOccurrences(batch.slice(i, i + 100));
  const oursRate = RECORDED / 2 / ((performance.now() - start) / 1000);
  // Baseline: one INSERT per occurrence.
  start = performance.now();
  for (const row of batch.slice(RECORDED / 2)) await store.recordOccurrences([row]);
  const naiveRate = RECORDED / 2 / ((performance.now() - start) / 1000);

  start = performance.now();
  await bulkFill(db, dialect, RECORDED);
  const fillSeconds = (performance.now() - start) / 1000;
  if (dialect === 'postgres') await sql`analyze occurrences`.execute(db);
  else await sql`analyze`.execute(db);

  const to = new Date(NOW);
  const from = new Date(NOW - DAY);
  const ours: number[] = [];
  const naive: number[] = [];
  let rows = 0;
  for (let i = 0; i < 7; i += 1) {
    start = performance.now();
    rows = (await store.digestRows('T1', 'C0', from, to)).length;
    ours.push(performance.now() - start);
    // Baseline: read the channel's whole history and aggregate in the application.
    start = performance.now();
    const all = await db
      .selectFrom('occurrences')
      .select(['provider', 'code', 'seen_at', 'thread_ts'])
      .where('team_id', '=', 'T1')
      .where('channel_id', '=', 'C0')
      .execute();
    const counts = new Map<string, number>();
    for (const row of all) if (row.seen_at >= from.getTime()) counts.set(row.code, (counts.get(row.code) ?? 0) + 1);
    naive.push(performance.now() - start);
  }
  const total = await db
    .selectFrom('occurrences')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  await store.close();
  ours.sort((a, b) => a - b);
  naive.sort((a, b) => a - b);
  console.log(
    `${label}: ${Number(total.n)} occurrences (bulk fill ${f(fillSeconds)} s); digest of the busiest channel: ${rows} distinct errors`,
  );
  return [
    [`${label} recording, occurrences/s`, f(oursRate, 0), f(naiveRate, 0), f(oursRate / naiveRate), ''],
    [
      `${label} digest query p50, ms`,
      f(percentile(ours, 50)),
      f(percentile(naive, 50)),
      f(percentile(naive, 50) / percentile(ours, 50)),
      '< 100',
    ],
    [`${label} digest query max, ms`, f(ours.at(-1) ?? 0), f(naive.at(-1) ?? 0), '', ''],
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'oauth-error-bot-bench-'));
const results: string[][] = [['measure', 'oauth-error-bot', 'baseline', 'ratio', 'aim']];
try {
  results.push(...(await run('SQLite', 'sqlite', join(dir, 'bench.sqlite'))));
  const schema = freshSchema();
  const postgres = await startTestPostgres();
  try {
    results.push(...(await run('PostgreSQL', 'postgres', postgres.url, schema)));
  } finally {
    await dropSchema(postgres.url, schema);
    await postgres.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  '(recording baseline: one INSERT per occurrence; digest baseline: read the channel history and count in the app)',
);
console.log(table(results));
