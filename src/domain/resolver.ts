import { alternativeOf, attribute, compareFindings } from './attribute.js';
import type { Catalog } from './catalog.js';
import type { Finding, Match, ScanResult } from './findings.js';
import { createFuzzyIndex } from './fuzzy.js';
import { collectHits, type Hit } from './hits.js';
import { createContextDetector, type ProviderContext } from './provider-context.js';
import { buildIndex, normalizeTitle, type ResolverIndex } from './resolver-index.js';
import { extractSupportIds } from './support-ids.js';

export interface LookupOptions {
  /** Only this provider's entries. */
  provider?: string;
  /** Most matches to return (default 5). */
  limit?: number;
}

export interface Resolver {
  catalog: Catalog;
  /** Best matches for a code or phrase a person typed, best first. */
  lookup(query: string, options?: LookupOptions): Match[];
  /** Every distinct error in a text of any size (a pasted log, a file). */
  scan(text: string): ScanResult;
}

/** A code in a provider's own shape (AADSTS50011, E0000011) is context for that provider's generic codes. */
function selfHints(index: ResolverIndex, hits: Hit[], hinted: ProviderContext): void {
  for (const hit of hits) {
    if (hit.kind === 'unknown') hinted.add(hit.provider.id, hit.line);
    if (hit.kind !== 'code') continue;
    for (const pattern of index.patterns) {
      if (pattern.regex.test(hit.token)) hinted.add(pattern.provider.id, hit.line);
    }
  }
}

function stripInternals(finding: Finding): Match {
  const { line: _line, excerpt: _excerpt, ...match } = finding;
  return match;
}

export function createResolver(catalog: Catalog): Resolver {
  const index = buildIndex(catalog);
  const context = createContextDetector(catalog.providers.values());
  const fuzzy = createFuzzyIndex(catalog.entries);
  const byKey = new Map(catalog.entries.map((entry) => [entry.key, entry]));

  function find(text: string, typed: boolean, provider?: string): Finding[] {
    const hits = collectHits(index, text);
    const hinted = context.detect(text);
    // Asking for one provider's meaning is the strongest context there is.
    if (provider) hinted.prefer(provider);
    selfHints(index, hits, hinted);
    return attribute(index, hits, { typed, hinted });
  }

  return {
    catalog,
    scan(text) {
      return { findings: find(text, false), support: extractSupportIds(text) };
    },
    lookup(query, options = {}) {
      const limit = options.limit ?? 5;
      const inProvider = (provider: string) => !options.provider || provider === options.provider;
      const found = find(query, true, options.provider);
      // Entries that share a found code (invalid_grant in Okta, Auth0, ...) are listed after it, so the user can pick.
      const others: Finding[] = found.flatMap((finding) =>
        finding.alternatives.map((alternative) => {
          const entry = byKey.get(alternative.key);
          // Another context of the same code is as exact as the first; another provider's meaning of a
          // standard code is only a possibility when the text does not point at that provider.
          const bound = entry?.requires_context && entry.provider !== options.provider;
          const confidence = bound ? ('weak' as const) : finding.confidence;
          return { ...finding, ...alternativeFields(entry, index), confidence, score: finding.score - 0.05 };
        }),
      );
      const exact = [...found, ...others].filter((match) => inProvider(match.provider));
      const seen = new Set(exact.map((match) => match.entry?.key));
      // An official short title typed as is ("Bad verification code", Okta's "Invalid token provided") names
      // its error as surely as an alias does, and needs no fuzzy search.
      if (exact.length === 0) {
        const titled = (index.titles.get(normalizeTitle(query)) ?? []).filter((entry) => inProvider(entry.provider));
        for (const entry of titled) {
          seen.add(entry.key);
          exact.push({ ...titleMatch(entry, index, titled), line: 1, excerpt: query });
        }
      }
      if (exact.length === 0 || exact.every((match) => match.confidence === 'weak')) {
        for (const { entry, score } of fuzzy.search(query, (entry) => inProvider(entry.provider))) {
          if (seen.has(entry.key)) continue;
          seen.add(entry.key);
          exact.push({ ...fuzzyMatch(entry, index, score), line: 1, excerpt: query });
        }
      }
      return exact.sort(compareFindings).slice(0, limit).map(stripInternals);
    },
  };
}

function alternativeFields(entry: Catalog['entries'][number] | undefined, index: ResolverIndex): Partial<Match> {
  if (!entry) return {};
  return {
    provider: entry.provider,
    code: entry.code,
    title: entry.title,
    entry,
    method: 'code',
    links: entry.links,
    notices: index.providers.get(entry.provider)?.notices ?? [],
    alternatives: [],
  };
}

function matchOf(
  entry: Catalog['entries'][number],
  index: ResolverIndex,
  how: Pick<Match, 'confidence' | 'method' | 'score' | 'alternatives'>,
): Match {
  return {
    provider: entry.provider,
    code: entry.code,
    title: entry.title,
    entry,
    links: entry.links,
    notices: index.providers.get(entry.provider)?.notices ?? [],
    ...how,
  };
}

function fuzzyMatch(entry: Catalog['entries'][number], index: ResolverIndex, score: number): Match {
  return matchOf(entry, index, { confidence: 'weak', method: 'fuzzy', score: Math.min(score, 0.79), alternatives: [] });
}

function titleMatch(entry: Catalog['entries'][number], index: ResolverIndex, same: Catalog['entries']): Match {
  return matchOf(entry, index, {
    confidence: 'strong',
    method: 'alias',
    score: 0.9,
    alternatives: same.filter((other) => other !== entry).map(alternativeOf),
  });
}
