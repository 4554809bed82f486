import type { LoadedEntry } from '../../src/domain/findings.js';

/** A made-up catalog entry for unit tests: every field a catalog file's entry has, the given ones as given. */
export function madeUpEntry(provider: string, code: string, extra: Partial<LoadedEntry> = {}): LoadedEntry {
  return {
    provider,
    key: `${provider}:${code}`,
    code,
    title: `${code} made up`,
    aliases: [],
    messages: [],
    symptoms: [],
    actors: [],
    flows: [],
    cause: 'made up for a test',
    resolution: ['made up for a test'],
    links: [{ title: 'made up', url: 'https://example.com/' }],
    warnings: [],
    related: [],
    requires_context: false,
    wraps: false,
    ...extra,
  };
}
