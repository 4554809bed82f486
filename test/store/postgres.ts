import { inject } from 'vitest';
import { dropSchema as drop, freshSchema } from '../setup/embedded-postgres.js';

/** PostgreSQL for tests: DATABASE_URL_TEST, else the embedded server test/setup/postgres.ts starts. */
export const POSTGRES_URL = inject('postgresUrl');

export { freshSchema };

export function dropSchema(schema: string): Promise<void> {
  return drop(POSTGRES_URL, schema);
}
