// Prints the reading evaluation's figures (test/helpers/reading-eval.ts); `--misses` lists what went wrong.
// `EVAL_DIR=/path/` reads another set of the same format (a held-out set the project does not hold).
import { pathToFileURL } from 'node:url';
import { loadCatalogs } from '../src/domain/catalog.js';
import { createResolver } from '../src/domain/resolver.js';
import { measureReading, percent, readEvalSet } from '../test/helpers/reading-eval.js';

const dir = process.env.EVAL_DIR ? pathToFileURL(`${process.env.EVAL_DIR.replace(/\/?$/, '/')}`) : undefined;
const resolver = createResolver(await loadCatalogs());
const figures = measureReading(resolver, {
  questions: readEvalSet('questions', dir),
  pastes: readEvalSet('pastes', dir),
  unrelated: readEvalSet('unrelated', dir),
});
const { questions: q, pastes: p, unrelated: u } = figures;
console.log(
  `questions and descriptions: ${q.total}; right first ${q.top1} (${percent(q.top1, q.total)}%), sure and right first ${q.top1Sure} (${percent(q.top1Sure, q.total)}%), in the top 3 ${q.top3} (${percent(q.top3, q.total)}%)`,
);
console.log(
  `  of them naming their provider (id, name, host or hint word): ${q.named.total}; right first ${q.named.top1} (${percent(q.named.top1, q.named.total)}%); the others: ${q.total - q.named.total}; right first ${q.top1 - q.named.top1} (${percent(q.top1 - q.named.top1, q.total - q.named.total)}%)`,
);
console.log(
  `pasted errors: ${p.labels} in ${p.items} pastes; found sure ${p.found} (${percent(p.found, p.labels)}%); pastes with every error found ${p.itemsAllFound}`,
);
console.log(`unrelated logs: ${u.total}; without a sure finding ${u.clean} (${percent(u.clean, u.total)}%)`);
if (process.argv.includes('--misses')) {
  console.log('\nquestions missed:');
  for (const line of q.misses) console.log(`  ${line}`);
  console.log('\npasted errors missed:');
  for (const line of p.misses) console.log(`  ${line}`);
  console.log('\nfalse alarms:');
  for (const line of u.alarms) console.log(`  ${line}`);
}
