// One catalog load and index build in a fresh process, as the bot or the CLI does at start.
// Prints the milliseconds as JSON. Argument: a cache folder to use, or none for no cache.
import { performance } from 'node:perf_hooks';
import { loadCatalogs } from '../src/domain/catalog.js';
import { createCatalogCache } from '../src/domain/catalog-cache.js';
import { createResolver } from '../src/domain/resolver.js';

const cacheDir = process.argv[2];
const start = performance.now();
createResolver(await loadCatalogs(undefined, cacheDir ? { cache: createCatalogCache(cacheDir) } : {}));
console.log(JSON.stringify({ ms: performance.now() - start }));
