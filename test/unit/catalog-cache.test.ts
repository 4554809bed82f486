import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCatalogs } from '../../src/domain/catalog.js';
import { createCatalogCache, userCacheDir } from '../../src/domain/catalog-cache.js';

const MINI = new URL('../fixtures/catalogs/mini/', import.meta.url);
const BROKEN = new URL('../fixtures/catalogs/broken/missing-field/', import.meta.url);

let work: string;
let catalogs: string;
let cacheDir: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'catalog-cache-'));
  catalogs = join(work, 'catalogs');
  cacheDir = join(work, 'cache');
  cpSync(MINI, catalogs, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const okta = () => join(catalogs, 'okta.yaml');
const titleOf = async (code: string) => {
  const { catalog } = await readCatalogs([catalogs], { cache: createCatalogCache(cacheDir) });
  return catalog.entries.find((entry) => entry.code === code)?.title;
};
/** Rewrites every cached file, to tell a cache hit from a fresh parse. */
const tamperCache = (from: string, to: string) => {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll(from, to));
  }
};

describe('catalog cache', () => {
  it('gives the same catalog as the YAML, and is read on the next start', async () => {
    const fresh = await readCatalogs([catalogs]);
    const first = await readCatalogs([catalogs], { cache: createCatalogCache(cacheDir) });
    expect(first.catalog.entries).toEqual(fresh.catalog.entries);
    expect(readdirSync(cacheDir)).toHaveLength(readdirSync(catalogs).length);
    const second = await readCatalogs([catalogs], { cache: createCatalogCache(cacheDir) });
    expect(second.catalog.entries).toEqual(fresh.catalog.entries);
    tamperCache('Invalid token provided', 'From the cache');
    expect(await titleOf('E0000011')).toBe('From the cache');
  });

  it('misses when the file changes, and keeps one cache file per catalog file', async () => {
    await titleOf('E0000011');
    tamperCache('Invalid token provided', 'From the cache');
    writeFileSync(okta(), readFileSync(okta(), 'utf8').replace('Invalid token provided', 'Edited title'));
    expect(await titleOf('E0000011')).toBe('Edited title');
    expect(readdirSync(cacheDir)).toHaveLength(readdirSync(catalogs).length);
  });

  it('falls back to the YAML when a cache file is corrupt', async () => {
    await titleOf('E0000011');
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), '{"provider": ');
    expect(await titleOf('E0000011')).toBe('Invalid token provided');
  });

  it('never caches a file with problems, which are reported on every read', async () => {
    for (let run = 0; run < 2; run += 1) {
      const { problems } = await readCatalogs([BROKEN.pathname], { cache: createCatalogCache(cacheDir) });
      expect(problems.length).toBeGreaterThan(0);
    }
    expect(() => readdirSync(cacheDir)).toThrow();
  });

  it('still loads when the cache cannot be written', async () => {
    writeFileSync(join(work, 'not-a-folder'), '');
    const { catalog, problems } = await readCatalogs([catalogs], {
      cache: createCatalogCache(join(work, 'not-a-folder', 'cache')),
    });
    expect(problems).toEqual([]);
    expect(catalog.entries.length).toBeGreaterThan(0);
  });

  it('uses the next folder when the first cannot be written (a read-only global install), and reads it back', async () => {
    writeFileSync(join(work, 'not-a-folder'), '');
    const folders = [join(work, 'not-a-folder', 'cache'), cacheDir];
    await readCatalogs([catalogs], { cache: createCatalogCache(folders) });
    expect(readdirSync(cacheDir)).toHaveLength(readdirSync(catalogs).length);
    tamperCache('Invalid token provided', 'From the fallback');
    const { catalog } = await readCatalogs([catalogs], { cache: createCatalogCache(folders) });
    expect(catalog.entries.find((entry) => entry.code === 'E0000011')?.title).toBe('From the fallback');
  });

  it("puts the fallback in the user's cache folder", () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/x/cache' }, () => '/home/u')).toBe(
      join('/x/cache', 'oauth-error-bot', 'catalogs'),
    );
    if (process.platform !== 'win32')
      expect(userCacheDir({}, () => '/home/u')).toBe(join('/home/u', '.cache', 'oauth-error-bot', 'catalogs'));
  });
});
