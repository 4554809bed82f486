// `npm run bench`: every benchmark, one after another, each printing its figures beside its baseline.
console.log('== Core: catalogs, lookup, scan ==');
await import('./core.js');
console.log('\n== Store: recording and digest over 1 million occurrences ==');
await import('./store.js');
