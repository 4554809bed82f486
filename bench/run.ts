// `npm run bench`: every benchmark, one after another, each printing its figures beside its baseline.
console.log('== CLI start: one lookup beside a bare Node.js start ==');
await import('./cli-start.js');
console.log('\n== Core: catalogs, lookup, scan ==');
await import('./core.js');
console.log('\n== Scan: the same log, the baseline commit beside the current code, alternating ==');
await import('./scan-ab.js');
console.log('\n== Store: recording and digest over 1 million occurrences ==');
await import('./store.js');
console.log('\n== Floods of pasted errors: answered and lost ==');
await import('./answers.js');
