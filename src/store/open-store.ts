import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { StoreError } from '../errors.js';
import { migrationProvider, type SqlDialect } from './migrations.js';
import type { Database } from './schema.js';
import { SqlStore } from './sql-store.js';

/** Where the embedded database lives when DATABASE_URL is unset. */
export const DEFAULT_SQLITE_FILE = './data/oauth-error-bot.sqlite';

export function dialectOf(databaseUrl: string | undefined): SqlDialect {
  return databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl) ? 'postgres' : 'sqlite';
}

async function sqliteDb(file: string, readOnly: boolean): Promise<Kysely<Database>> {
  const { default: SQLite } = await import('better-sqlite3');
  if (readOnly) {
    // Opening a missing file would create an empty database, and a mistyped path would read as "no failures".
    if (file !== ':memory:' && !existsSync(file))
      throw new StoreError(`it does not exist (the bot creates it when it first starts; check DATABASE_URL)`);
    return new Kysely<Database>({
      dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true, fileMustExist: true }) }),
    });
  }
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const database = new SQLite(file);
  // WAL lets the digest read while replies write; busy_timeout waits out a writer instead of failing.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

/** Longest a statement may run, or wait for an answer, before the store gives up on it. */
export const POSTGRES_QUERY_TIMEOUT_MS = 10_000;

async function postgresDb(url: string, options: OpenStoreOptions): Promise<Kysely<Database>> {
  const pg = await import('pg');
  const timeout = options.queryTimeoutMs ?? POSTGRES_QUERY_TIMEOUT_MS;
  const serverSettings = [
    `-c statement_timeout=${timeout}`,
    ...(options.readOnly ? ['-c default_transaction_read_only=on'] : []),
    ...(options.schema ? [`-c search_path=${options.schema}`] : []),
  ];
  const pool = new pg.default.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    // A partition leaves a connection open with no answer: the client gives up on the query (and the
    // store falls back, see ResilientStore), and TCP keepalive lets the OS notice the dead peer.
    query_timeout: timeout,
    keepAlive: true,
    idleTimeoutMillis: 10_000,
    options: serverSettings.join(' '),
    // BIGINT (oid 20) comes back as a string by default; our epoch milliseconds fit a double.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.default.types.getTypeParser(oid, format)) as typeof pg.default.types.getTypeParser,
    },
  });
  // The server closing an idle connection (a restart, idle_session_timeout, pg_terminate_backend) is
  // reported on the pool; without a listener Node treats it as an uncaught error and the process exits.
  // The pool has already dropped that client, and the next query opens a new one.
  pool.on('error', (error) => {
    (options.logger ?? defaultLogger).warn(
      `PostgreSQL closed an idle connection (${error.message}); reconnecting on next use`,
    );
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const defaultLogger = { warn: (line: string) => console.error(line) };

export interface OpenStoreOptions {
  /** PostgreSQL schema to use (tests give each run its own); created when missing. */
  schema?: string;
  /** Where connection-level trouble is reported (PostgreSQL); stderr by default. */
  logger?: { warn(line: string): void };
  /** PostgreSQL: how long a statement may run and a query's answer be waited for (tests shorten it, bulk loads lengthen it). */
  queryTimeoutMs?: number;
  /**
   * Read only (`digest --preview`): never create the database, its schema or tables, never migrate it.
   * A SQLite file must exist; a database this version would have to migrate is refused.
   */
  readOnly?: boolean;
}

/**
 * Opens the store DATABASE_URL names (unset or a path: SQLite; postgres://: PostgreSQL) and applies
 * pending migrations. Throws StoreError saying what to check when the database cannot be used.
 */
export async function openStore(databaseUrl: string | undefined, options: OpenStoreOptions = {}): Promise<SqlStore> {
  return new SqlStore(await openDatabase(databaseUrl, options));
}

/** The migrated database behind a store (the benchmark fills it in bulk). */
export async function openDatabase(
  databaseUrl: string | undefined,
  options: OpenStoreOptions = {},
): Promise<Kysely<Database>> {
  const dialect = dialectOf(databaseUrl);
  const target = dialect === 'postgres' ? redact(databaseUrl as string) : (databaseUrl ?? DEFAULT_SQLITE_FILE);
  let db: Kysely<Database> | undefined;
  try {
    const readOnly = options.readOnly ?? false;
    db =
      dialect === 'postgres'
        ? await postgresDb(databaseUrl as string, options)
        : await sqliteDb(databaseUrl ?? DEFAULT_SQLITE_FILE, readOnly);
    const migrator = new Migrator({
      db,
      provider: migrationProvider(dialect),
      // Kysely looks its bookkeeping tables up across schemas; name ours so schemas never mix.
      ...(options.schema && dialect === 'postgres' ? { migrationTableSchema: options.schema } : {}),
    });
    if (readOnly) {
      const pending = (await migrator.getMigrations()).filter((migration) => !migration.executedAt);
      if (pending.length > 0)
        throw new StoreError(
          'the bot has not set this database up (or an older version did): start the bot once with it',
        );
      return db;
    }
    if (options.schema && dialect === 'postgres') await db.schema.createSchema(options.schema).ifNotExists().execute();
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    return db;
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(`Cannot open the ${dialect} database at ${target}: ${reason}`, { cause: error });
  }
}

/** Never print a password from DATABASE_URL. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
