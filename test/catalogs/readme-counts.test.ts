import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadCatalogs } from '../../src/domain/catalog.js';

// The README's coverage table is measured: it must say what the catalogs hold.
it('README gives the entry count of every provider', async () => {
  const catalog = await loadCatalogs();
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = new Map(
    [...readme.matchAll(/^\| `([a-z0-9-]+)` \| [^|]+ \| (\d+) \| (\d+) \|$/gm)].map((m) => [
      m[1],
      [Number(m[2]), Number(m[3])],
    ]),
  );
  for (const id of catalog.providers.keys()) {
    const entries = catalog.entries.filter((entry) => entry.provider === id);
    expect(table.get(id), `README row for ${id}`).toEqual([new Set(entries.map((e) => e.code)).size, entries.length]);
  }
});
