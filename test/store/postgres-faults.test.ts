import { randomUUID } from 'node:crypto';
import { createServer, type Server, Socket } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { ResilientStore } from '../../src/store/resilient-store.js';
import { dropSchema, freshSchema, POSTGRES_URL } from './postgres.js';

/**
 * The database misbehaving under a running bot: the server closing connections (a restart,
 * idle_session_timeout, pg_terminate_backend) and a partition (the connection stays open, nothing answers).
 * Neither may end the process, and the bot must keep answering.
 */

const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}

async function terminate(applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    const result = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/** A TCP relay to PostgreSQL that can stop relaying while keeping both connections open. */
async function relay(target: URL): Promise<{ url: string; freeze(): void; thaw(): void; close(): Promise<void> }> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const held: (() => void)[] = [];
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    const pipe = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => (frozen ? held.push(() => to.write(chunk)) : to.write(chunk)));
    upstream.connect(Number(target.port || 5432), target.hostname, () => {
      pipe(client, upstream);
      pipe(upstream, client);
    });
    for (const socket of [client, upstream]) socket.on('error', () => undefined);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const write of held.splice(0)) write();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('PostgreSQL faults', () => {
  it('a connection closed by the server is replaced; the process keeps running', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const name = `faults_${randomUUID().slice(0, 8)}`;
    const warnings: string[] = [];
    const store = await openStore(withApplicationName(POSTGRES_URL, name), {
      schema,
      logger: { warn: (line) => warnings.push(line) },
    });
    try {
      expect(await store.claimKey('k1', new Date())).toBe(true);
      // The pool's idle connection is closed under it, as a server restart or idle_session_timeout would.
      expect(await terminate(name)).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(warnings.join('\n')).toMatch(/closed an idle connection/);
      expect(await store.claimKey('k2', new Date())).toBe(true);
      expect(await store.claimKey('k1', new Date())).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('a partition (no answer) fails fast into the fallback, and the store recovers after it', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const proxy = await relay(new URL(POSTGRES_URL));
    const inner = await openStore(proxy.url, { schema, queryTimeoutMs: 400 });
    const store = new ResilientStore(inner, { logger: quiet, retryMs: 100, maxRetryMs: 200 });
    try {
      expect(await store.claimKey('before', new Date())).toBe(true);
      proxy.freeze();
      const started = Date.now();
      // The first call waits for the query timeout, then answers from memory.
      expect(await store.claimKey('during-1', new Date())).toBe(true);
      expect(Date.now() - started).toBeLessThan(3000);
      // Later calls do not wait on the dead connection again: the store knows the database is away.
      const next = Date.now();
      expect(await store.claimKey('during-2', new Date())).toBe(true);
      expect((await store.getChannelSettings('T1', 'C1')).autoReply).toBe(true);
      expect(Date.now() - next).toBeLessThan(150);
      proxy.thaw();
      // Back: claims reach the database again (the probe found it).
      await expect.poll(() => store.available, { timeout: 5000, interval: 50 }).toBe(true);
      expect(await store.claimKey('after', new Date())).toBe(true);
      expect(await inner.claimKey('after', new Date())).toBe(false);
    } finally {
      await store.close().catch(() => undefined);
      await proxy.close();
    }
  });
});
