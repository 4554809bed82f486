import type Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import type { LoadedEntry } from './findings.js';
import { lazyModule } from './lazy-module.js';
import { once } from './once.js';
import { createTrigramBlocker } from './trigram-blocker.js';

/**
 * The fallback for what a person typed: a typo of a code (`invlid_grant`) or a phrase
 * ("redirect uri does not match"). Trigram blocking picks a few dozen candidates; fuse.js scores them.
 */
export interface FuzzyIndex {
  search(query: string, filter?: (entry: LoadedEntry) => boolean): { entry: LoadedEntry; score: number }[];
}

const fuse = lazyModule<typeof Fuse>('fuse.js');

const DIGIT_RUN = /\d{2,}/g;
/** Fuse.js cost grows with candidates and field length; phrases are scored on fewer, longer fields. */
const CODE_CANDIDATES = 6;
const PHRASE_CANDIDATES = 8;
/** Code candidates with less than this share of the best candidate's trigram similarity are not scored. */
const CODE_KEEP = 0.6;
/** Below this share of the query's weighted trigrams a phrase has too little in common to suggest. */
const PHRASE_MIN_SIMILARITY = 0.35;

const CODE_OPTIONS: IFuseOptions<LoadedEntry> = {
  keys: [
    { name: 'code', weight: 3 },
    { name: 'aliases', weight: 2 },
  ],
  includeScore: true,
  threshold: 0.3,
  ignoreLocation: true,
  minMatchCharLength: 3,
};

const PHRASE_OPTIONS: IFuseOptions<LoadedEntry> = {
  keys: ['title', 'messages', 'aliases'],
  includeScore: true,
  useTokenSearch: true,
  tokenMatch: 'any',
  threshold: 0.4,
  ignoreLocation: true,
};

export interface FuzzyOptions {
  /**
   * Build each trigram index on its first search instead of now. The bot builds at start, so no answer
   * waits for it; a CLI run answers one query, and an exact code needs neither index (most of its start).
   */
  lazy?: boolean;
}

/** The fields fuse.js reads of an entry, as one key: entries with the same key get the same score. */
const fieldsOf = (entry: LoadedEntry, phrase: boolean) =>
  JSON.stringify(phrase ? [entry.title, entry.messages, entry.aliases] : [entry.code, entry.aliases]);

/**
 * fuse.js's results for the candidates, each distinct set of searched fields scored once: one code is often in
 * many catalogs with the same aliases (invalid_grant in thirty), or in one catalog under several contexts (AppAuth's
 * GeneralErrors.ID_TOKEN_VALIDATION_ERROR in five), and a long code's typo costs fuse.js tens of microseconds a
 * field. Ordered as fuse.js orders them (score, then place in the list), so the answer is the one scoring each entry
 * would give.
 */
function scoreOnce(
  candidates: LoadedEntry[],
  phrase: boolean,
  search: (texts: LoadedEntry[]) => { item: LoadedEntry; score?: number }[],
): { item: LoadedEntry; score?: number | undefined }[] {
  // Entries of one set of fields share their code (and their title): without such a pair, nothing to group.
  const firstField = (entry: LoadedEntry) => (phrase ? entry.title : entry.code);
  if (new Set(candidates.map(firstField)).size === candidates.length) return search(candidates);
  const groups = new Map<string, number[]>();
  candidates.forEach((entry, at) => {
    const key = fieldsOf(entry, phrase);
    const group = groups.get(key);
    if (group) group.push(at);
    else groups.set(key, [at]);
  });
  if (groups.size === candidates.length) return search(candidates);
  const firsts = [...groups.values()].map((group) => candidates[group[0] as number] as LoadedEntry);
  const scored = search(firsts).flatMap(({ item, score }) =>
    (groups.get(fieldsOf(item, phrase)) ?? []).map((at) => ({ at, score })),
  );
  scored.sort((a, b) => (a.score ?? 1) - (b.score ?? 1) || a.at - b.at);
  return scored.map(({ at, score }) => ({ item: candidates[at] as LoadedEntry, score }));
}

export function createFuzzyIndex(entries: LoadedEntry[], options: FuzzyOptions = {}): FuzzyIndex {
  const lazy = options.lazy ?? false;
  const codes = once(
    () => createTrigramBlocker(entries.map((entry) => [entry.code, ...entry.aliases].join(' '))),
    lazy,
  );
  const phrases = once(
    () => createTrigramBlocker(entries.map((entry) => [entry.title, ...entry.messages, ...entry.aliases].join(' '))),
    lazy,
  );
  const contextBound = (id: number) => ((entries[id] as LoadedEntry).requires_context ? 1 : 0);
  return {
    search(query, filter = () => true) {
      const trimmed = query.trim();
      const phrase = /\s/.test(trimmed);
      const max = phrase ? PHRASE_CANDIDATES : CODE_CANDIDATES;
      const ranked = (phrase ? phrases : codes)()
        .candidates(trimmed, max * 4)
        .filter(
          ({ id, similarity }) =>
            filter(entries[id] as LoadedEntry) && (!phrase || similarity >= PHRASE_MIN_SIMILARITY),
        )
        // Ties are common (unauthorized_client in eight catalogs): the standard meaning, which needs no
        // context, must not be the one the candidate limit cuts off.
        .sort((a, b) => b.similarity - a.similarity || contextBound(a.id) - contextBound(b.id))
        .slice(0, max);
      // A code's near misses share most of its trigrams; candidates with far fewer than the best cannot
      // come first, and scoring them is most of a lookup's cost for a long name (Apple's
      // ASAuthorizationError... codes, each with five long aliases, take fuse.js milliseconds).
      const best = ranked[0]?.similarity ?? 0;
      if (!phrase)
        ranked.splice(0, ranked.length, ...ranked.filter(({ similarity }) => similarity >= best * CODE_KEEP));
      const similarity = new Map(ranked.map(({ id, similarity }) => [entries[id] as LoadedEntry, similarity]));
      const digitRuns = trimmed.match(DIGIT_RUN) ?? [];
      const candidates = [...similarity.keys()];
      return (
        scoreOnce(candidates, phrase, (texts) =>
          new (fuse())(texts, phrase ? PHRASE_OPTIONS : CODE_OPTIONS).search(trimmed),
        )
          // Never fuzz digits: AADSTS50055, 50057 and 50058 are unrelated errors.
          .filter(({ item }) => {
            const numbers = new Set([item.code, ...item.aliases].flatMap((name) => name.match(DIGIT_RUN) ?? []));
            return digitRuns.every((run) => numbers.has(run));
          })
          .map(({ item, score }) => {
            // Codes: fuse.js's edit-distance score. Phrases: fuse.js decides whether it matches at all,
            // and the weighted word overlap ranks, since bitap scores long texts poorly.
            const fuzzy = phrase ? (similarity.get(item) ?? 0) : 1 - (score ?? 1);
            return { entry: item, score: fuzzy * (item.requires_context ? 0.95 : 1) };
          })
          .sort((a, b) => b.score - a.score)
      );
    },
  };
}
