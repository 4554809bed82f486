// Regenerates catalogs/catalog.schema.json from the zod schema (npm run schema).
import { writeFile } from 'node:fs/promises';
import { catalogJsonSchema } from '../src/domain/catalog-json-schema.js';

const target = new URL('../catalogs/catalog.schema.json', import.meta.url);
await writeFile(target, catalogJsonSchema());
console.log(`wrote ${target.pathname}`);
