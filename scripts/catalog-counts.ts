// Prints the README's coverage table from the catalogs (npm run counts).
import { loadCatalogs } from '../src/domain/catalog.js';

const catalog = await loadCatalogs();
console.log('| provider | name | codes | entries |');
console.log('|---|---|---|---|');
for (const [id, provider] of [...catalog.providers].sort(([a], [b]) => a.localeCompare(b))) {
  const entries = catalog.entries.filter((entry) => entry.provider === id);
  console.log(`| \`${id}\` | ${provider.name} | ${new Set(entries.map((e) => e.code)).size} | ${entries.length} |`);
}
