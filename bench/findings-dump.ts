// Prints every finding of a scan of the evaluation's pastes and unrelated logs, of the benchmark's generated
// logs, and every lookup answer for the evaluation's questions and the lookup benchmark's queries, with confidence, method, score, line,
// excerpt and counts: a change meant to make reading faster must leave this output byte for byte the same
// (`node --import tsx bench/findings-dump.ts > before.txt`, change, run again, `diff`).
import { loadCatalogs } from '../src/domain/catalog.js';
import type { Finding, Match } from '../src/domain/findings.js';
import { createResolver } from '../src/domain/resolver.js';
import { readEvalSet } from '../test/helpers/reading-eval.js';
import { generateDenseLog, generateLog } from './generate-log.js';
import { lookupQueries } from './lookup-queries.js';

const catalog = await loadCatalogs();
const resolver = createResolver(catalog);

const alternatives = (match: Match) =>
  match.alternatives.map((other) => `${other.key}${other.context ? `(${other.context})` : ''}`).join(',');
const showMatch = (match: Match) =>
  `${match.provider}:${match.code} ${match.confidence} ${match.method} ${match.score.toFixed(6)} [${alternatives(match)}]`;
const showFinding = (finding: Finding) =>
  `${showMatch(finding)} line ${finding.line} first ${finding.firstLine} x${finding.occurrences} | ${finding.excerpt}`;

function scan(label: string, text: string): void {
  const { findings, support } = resolver.scan(text);
  console.log(`== scan ${label}: ${findings.length} findings ${JSON.stringify(support)}`);
  for (const finding of findings) console.log(`  ${showFinding(finding)}`);
}

for (const set of ['pastes', 'unrelated'] as const) {
  for (const item of readEvalSet(set)) scan(`${set}/${item.id}`, item.text);
}
scan('generated 1 MB log', generateLog(catalog.entries, 1024 * 1024));
scan('dense 1 MB log', generateDenseLog(1024 * 1024));
for (const item of readEvalSet('questions')) {
  console.log(`== lookup questions/${item.id}`);
  for (const match of resolver.lookup(item.text)) console.log(`  ${showMatch(match)}`);
}
for (const query of new Set(lookupQueries(catalog.entries))) {
  console.log(`== lookup bench ${JSON.stringify(query)}`);
  for (const match of resolver.lookup(query)) console.log(`  ${showMatch(match)}`);
}
