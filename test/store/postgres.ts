import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** PostgreSQL for tests: DATABASE_URL_TEST, else the local server CI provides (design.md). */
export const POSTGRES_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own per test, so parallel runs never see each other's rows. */
export function freshSchema(): string {
  return `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
