// Lookup latency in a process of its own that holds one resolver, as the bot and the CLI do: the heap holds
// what theirs holds, not the garbage of the other benchmarks run before it in `npm run bench`.
// Prints JSON: the milliseconds of the first pass over the queries (each query's first lookup after the
// start, code not yet optimized), of the rounds after it, and each query's fastest of further rounds, each sorted. Argument: a JSON file of queries to
// time instead of the sample of the catalogs' own codes, titles and messages (bench/lookup-queries.ts).
import { readFileSync } from 'node:fs';
import { loadCatalogs } from '../src/domain/catalog.js';
import { createResolver } from '../src/domain/resolver.js';
import { lookupQueries } from './lookup-queries.js';
import { fastestEach, timeEach } from './stats.js';

const ROUNDS = 5;
/**
 * Passes over the queries before the timed rounds. After one, V8 is still optimizing the lookup's code on its
 * background threads, which on a 2-core machine preempt the lookups for whole scheduler slices (4 ms): timed
 * after one pass, p99 was 0.50 - 1.40 ms over four runs; after three, 0.27 - 0.46 ms. The first pass is
 * reported apart: it is what the first lookups after a start cost.
 */
const WARM_PASSES = 3;
const catalog = await loadCatalogs();
const resolver = createResolver(catalog);
resolver.warm();
// A file of queries (a JSON array) instead of the catalogs' own sample: the same queries for two commits' code.
const queries = process.argv[2]
  ? (JSON.parse(readFileSync(process.argv[2], 'utf8')) as string[])
  : lookupQueries(catalog.entries);
const first = timeEach(queries, 1, (query) => resolver.lookup(query), 0);
for (let pass = 1; pass < WARM_PASSES; pass += 1) timeEach(queries, 1, (query) => resolver.lookup(query), 0);
const steady = timeEach(queries, ROUNDS, (query) => resolver.lookup(query), 0);
const fastest = fastestEach(queries, ROUNDS, (query) => resolver.lookup(query));
console.log(JSON.stringify({ queries: queries.length, first, steady, fastest }));
