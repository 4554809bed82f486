import type { Catalog } from './catalog.js';
import type { DigestNames } from './digest.js';

/** What the digest needs to know of the loaded catalogs, indexed once per digest. */
export function catalogDigestNames(catalog: Catalog): DigestNames {
  // The readable summary where an entry has one: its official title may be an internal name.
  const titles = new Map(catalog.entries.map((entry) => [entry.key, entry.summary ?? entry.title]));
  const byCode = new Map<string, string[]>();
  for (const entry of catalog.entries) {
    const code = `${entry.provider}:${entry.code}`;
    byCode.set(code, [...(byCode.get(code) ?? []), entry.key]);
  }
  return {
    entryTitle: (entryKey) => titles.get(entryKey),
    entriesOf: (provider, code) => byCode.get(`${provider}:${code}`) ?? [],
    providerName: (provider) => catalog.providers.get(provider)?.name,
  };
}
