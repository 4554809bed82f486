import { readdirSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { loadCatalogs } from '../src/domain/catalog.js';
import { catalogFileSchema } from '../src/domain/catalog-schema.js';
import { createResolver } from '../src/domain/resolver.js';

const texts = readdirSync('catalogs')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(`catalogs/${f}`, 'utf8'));
let t = performance.now();
const docs = texts.map((x) => load(x, { schema: CORE_SCHEMA }));
const a = performance.now() - t;
const json = JSON.stringify(docs);
t = performance.now();
const back = JSON.parse(json);
const j = performance.now() - t;
t = performance.now();
for (const d of back) catalogFileSchema.safeParse(d);
const z = performance.now() - t;
t = performance.now();
const c = await loadCatalogs();
const l = performance.now() - t;
t = performance.now();
createResolver(c);
const r = performance.now() - t;
console.log(
  `cold js-yaml ${a.toFixed(0)} json ${j.toFixed(0)} zod ${z.toFixed(0)} | then loadCatalogs ${l.toFixed(0)} resolver(cold) ${r.toFixed(0)}`,
);
