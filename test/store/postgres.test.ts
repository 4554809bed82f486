import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { dropSchema, freshSchema, POSTGRES_URL } from './postgres.js';
import { describeStoreContract } from './store-contract.js';

const schemas: string[] = [];
describeStoreContract('PostgreSQL', () => {
  const schema = freshSchema();
  schemas.push(schema);
  return openStore(POSTGRES_URL, { schema });
});
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});
