import type { LoadedEntry } from './findings.js';
import type { ResolverIndex } from './resolver-index.js';
import type { WordHit } from './word-search.js';

/**
 * A provider's usual errors (its catalog's `common` list, most hit first) weighed beside the words of a described
 * error that names the provider. Asked "github login not working", the words say nothing of which GitHub error it
 * is, and the errors GitHub integrations hit most are the likeliest: someone who knows GitHub would name them
 * first. How much the list weighs falls as the words say more about which of the provider's errors it is (their
 * distinctiveness, names left out: WordHit.evidence), and with an error's rank in the list: words that name one
 * of its errors ("github app suspended", "token expired due to inactivity" with Azure named) outweigh it.
 */
const PRIOR_SHARES = [0.9, 0.7, 0.5];

/** Distinctiveness of matched words (inverse document frequencies summed) at which a question is specific. */
const SPECIFIC_EVIDENCE = 8;

export function weighCommonErrors(index: ResolverIndex, hits: WordHit[], named: Iterable<string>): WordHit[] {
  const usual = new Map<LoadedEntry, number>();
  for (const provider of named) {
    const common = index.providers.get(provider)?.common ?? [];
    if (common.length === 0) continue;
    // What the words say about which of this provider's errors it is: its best-evidenced entry's evidence.
    let said = 0;
    for (const hit of hits) if (hit.entry.provider === provider) said = Math.max(said, hit.evidence);
    const vague = Math.max(0, 1 - said / SPECIFIC_EVIDENCE);
    if (vague === 0) continue;
    common.forEach((code, rank) => {
      const weight = (PRIOR_SHARES[rank] ?? 0) * vague;
      for (const entry of index.codes.get(code.toLowerCase()) ?? []) {
        if (entry.provider === provider && weight > (usual.get(entry) ?? 0)) usual.set(entry, weight);
      }
    });
  }
  if (usual.size === 0) return hits;
  // Without words that match anything, the usual errors are all there is to go on: their weights alone rank them.
  const best = hits[0]?.score ?? 1;
  const weighed = hits.map((hit) => ({ ...hit, score: hit.score + (usual.get(hit.entry) ?? 0) * best }));
  const found = new Set(hits.map((hit) => hit.entry));
  for (const [entry, weight] of usual)
    if (!found.has(entry)) weighed.push({ entry, score: weight * best, evidence: 0 });
  return weighed.sort((a, b) => b.score - a.score);
}

/**
 * An entry's share among its provider's usual errors (0 when not listed): the prior that breaks a tie of evidence,
 * as when a cut-short message is part of several documented ones.
 */
export function commonShare(index: ResolverIndex, entry: LoadedEntry): number {
  const rank = (index.providers.get(entry.provider)?.common ?? []).findIndex(
    (code) => code.toLowerCase() === entry.code.toLowerCase(),
  );
  return rank < 0 ? 0 : (PRIOR_SHARES[rank] ?? 0);
}
