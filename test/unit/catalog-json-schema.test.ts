import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { catalogJsonSchema } from '../../src/domain/catalog-json-schema.js';

it('catalogs/catalog.schema.json is up to date with the zod schema (run npm run schema)', async () => {
  const committed = await readFile(new URL('../../catalogs/catalog.schema.json', import.meta.url), 'utf8');
  expect(committed).toBe(catalogJsonSchema());
});
