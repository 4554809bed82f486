import { beforeAll, expect, it } from 'vitest';
import { type Catalog, loadCatalogs } from '../../src/domain/catalog.js';

// Every shipped answer says who can fix the error, and reads as words: where the official title is an
// internal name (one CamelCase token, or the code itself), a readable summary leads.
let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalogs();
});

it('every shipped entry names who can act on it', () => {
  expect(catalog.entries.filter((entry) => entry.actors.length === 0).map((entry) => entry.key)).toEqual([]);
});

it('an entry whose official title is an internal name has a readable summary', () => {
  const internal = (title: string, code: string) =>
    (/^[A-Za-z][A-Za-z0-9]*$/.test(title) && /[a-z][A-Z]/.test(title)) || title.toLowerCase() === code.toLowerCase();
  const missing = catalog.entries.filter((entry) => !entry.summary && internal(entry.title.trim(), entry.code));
  expect(missing.map((entry) => `${entry.key}: ${entry.title}`)).toEqual([]);
});

it('no code or alias starts or ends with an underscore, which a scan reads as Markdown emphasis', () => {
  const edged = catalog.entries.flatMap((entry) =>
    [entry.code, ...entry.aliases].filter((token) => /^_|_$/.test(token)).map((token) => `${entry.key}: ${token}`),
  );
  expect(edged).toEqual([]);
});
