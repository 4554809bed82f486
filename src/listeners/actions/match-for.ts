import type { LoadedEntry, Match } from '../../domain/findings.js';
import type { Explainer } from '../deps.js';

/** The entry a button names, as the resolver explains it (with its provider's notices), or from the entry alone. */
export async function matchFor(resolver: Explainer, entry: LoadedEntry): Promise<Match> {
  const found = await resolver.lookup(entry.code, { provider: entry.provider, limit: 10 });
  const provider = resolver.catalog.providers.get(entry.provider);
  return (
    found.find((match) => match.entry?.key === entry.key) ?? {
      provider: entry.provider,
      code: entry.code,
      title: entry.title,
      confidence: 'exact',
      method: 'code',
      score: 1,
      entry,
      links: entry.links,
      notices: provider?.notices ?? [],
      alternatives: [],
    }
  );
}

/** The entry a button's value names (its key), if the catalogs still hold it. */
export function entryOf(resolver: Explainer, key: string | undefined): LoadedEntry | undefined {
  return key ? resolver.catalog.entries.find((candidate) => candidate.key === key) : undefined;
}
