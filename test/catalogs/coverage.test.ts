import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, loadCatalogs } from '../../src/domain/catalog.js';

/**
 * Coverage is measured, not claimed: test/fixtures/reference/<provider>[-part].txt lists the codes of
 * the provider's official documentation (first line names the source). Every listed code must be in
 * the catalog.
 */
const REFERENCE_DIR = new URL('../fixtures/reference/', import.meta.url);

function referenceLists(): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const file of readdirSync(REFERENCE_DIR).filter((name) => name.endsWith('.txt'))) {
    const provider = file.replace(/\.txt$/, '').replace(/-part-[a-z]$/, '');
    const codes = readFileSync(new URL(file, REFERENCE_DIR), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    lists.set(provider, [...(lists.get(provider) ?? []), ...codes]);
  }
  return lists;
}

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalogs();
});

describe('catalog coverage against official code lists', () => {
  const lists = referenceLists();
  it('has a reference list for every provider with a catalog', () => {
    expect([...catalog.providers.keys()].filter((id) => !lists.has(id))).toEqual([]);
  });

  for (const [provider, codes] of lists) {
    it(`${provider}: every official code (${codes.length}) is in the catalog`, () => {
      const present = new Set(
        catalog.entries.filter((entry) => entry.provider === provider).map((entry) => entry.code),
      );
      const missing = codes.filter((code) => !present.has(code));
      expect(missing).toEqual([]);
    });
  }
});
