import { beforeAll } from 'vitest';
import { loadCatalogs } from '../../src/domain/catalog.js';
import type { Finding, Match } from '../../src/domain/findings.js';
import { createResolver, type Resolver } from '../../src/domain/resolver.js';

/** A resolver over the catalogs the bot ships, for tests of what real pastes and queries resolve to. */
export async function shippedResolver(): Promise<Resolver> {
  return createResolver(await loadCatalogs());
}

/**
 * The shipped resolver for the tests of one file: loaded once, before its tests run (the catalogs take a
 * moment to load), and used through the object returned, which forwards to it.
 */
export function useShippedResolver(): Resolver {
  let loaded: Resolver | undefined;
  beforeAll(async () => {
    loaded = await shippedResolver();
  });
  const current = () => {
    if (!loaded) throw new Error('the shipped resolver is loaded in beforeAll: use it inside a test');
    return loaded;
  };
  return {
    get catalog() {
      return current().catalog;
    },
    lookup: (query, options) => current().lookup(query, options),
    scan: (text) => current().scan(text),
    warm: () => current().warm(),
  };
}

/** What a scan of `text` would show users (exact and strong findings), named by `name`. */
export function confidentOf(
  resolver: Resolver,
  text: string,
  name: (finding: Finding) => string = (finding) => `${finding.provider}:${finding.code}`,
): string[] {
  return resolver
    .scan(text)
    .findings.filter((finding) => finding.confidence !== 'weak')
    .map(name);
}

/** `provider:code`, with the entry's context when it has one (`google:invalid_grant/pkce`). */
export function withContext(match: Match): string {
  return `${match.provider}:${match.code}${match.entry?.context ? `/${match.entry.context.id}` : ''}`;
}

/** Which reading (the context id of the entry) of its code each sure finding of `text` is. */
export function readingsOf(resolver: Resolver, text: string): string[] {
  return confidentOf(resolver, text, (finding) => finding.entry?.context?.id ?? '');
}

/** The sure findings of `text` (`provider:code`) that belong to one of `providers`. */
export function confidentAmong(resolver: Resolver, text: string, providers: string[]): string[] {
  return confidentOf(resolver, text).filter((finding) => providers.includes(finding.split(':')[0] as string));
}

/** `provider:code` of a lookup's first match, or undefined when it finds nothing. */
export function bestOf(resolver: Resolver, query: string): string | undefined {
  const [top] = resolver.lookup(query);
  return top ? `${top.provider}:${top.code}` : undefined;
}

/** The sure findings of `text`: `provider:code/context` (withContext) and the confidence. */
export function sureWithContext(resolver: Resolver, text: string): string[] {
  return confidentOf(resolver, text, (finding) => `${withContext(finding)} ${finding.confidence}`);
}

/** `provider:code/context` (withContext) and the confidence of a lookup's first match. */
export function firstWithConfidence(resolver: Resolver, query: string): string | undefined {
  const [top] = resolver.lookup(query);
  return top ? `${withContext(top)} ${top.confidence}` : undefined;
}
