import { fileURLToPath } from 'node:url';
import { loadCatalogs } from '../../src/domain/catalog.js';
import { createResolver, type Resolver } from '../../src/domain/resolver.js';

export const MINI_CATALOGS = fileURLToPath(new URL('../fixtures/catalogs/mini/', import.meta.url));

/** A resolver over the small fixture catalogs, for tests of the matching rules themselves. */
export async function miniResolver(): Promise<Resolver> {
  return createResolver(await loadCatalogs([MINI_CATALOGS]));
}
