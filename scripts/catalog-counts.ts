// Prints the README's coverage table from the catalogs (npm run counts); with --write, puts it in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCatalogs } from '../src/domain/catalog.js';

const HEADER = '| provider | name | codes | entries |';
const catalog = await loadCatalogs();
const rows = [HEADER, '|---|---|---|---|'];
for (const [id, provider] of [...catalog.providers].sort(([a], [b]) => a.localeCompare(b))) {
  const entries = catalog.entries.filter((entry) => entry.provider === id);
  rows.push(`| \`${id}\` | ${provider.name} | ${new Set(entries.map((e) => e.code)).size} | ${entries.length} |`);
}

if (process.argv.includes('--write')) {
  const readme = new URL('../README.md', import.meta.url);
  const lines = readFileSync(readme, 'utf8').split('\n');
  const start = lines.indexOf(HEADER);
  if (start === -1) throw new Error(`README.md has no table starting with "${HEADER}"`);
  let end = start;
  while (lines[end]?.startsWith('|')) end += 1;
  lines.splice(start, end - start, ...rows);
  writeFileSync(readme, lines.join('\n'));
  console.log(`README.md: ${catalog.providers.size} providers, ${catalog.entries.length} entries`);
} else {
  console.log(rows.join('\n'));
}
