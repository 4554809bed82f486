import type { LoadedEntry } from './findings.js';

/**
 * Word-level retrieval for errors people describe rather than paste ("admin approval needed", "refresh
 * token expires every 7 days"): BM25 over each entry's title, documented messages, aliases and its code
 * spelled as words, weighted by how distinctive each word is (inverse document frequency) and by how
 * much of the query and of the best matching text of the entry matched. Only words count, never letters:
 * typos of codes are code-typos.ts's and fuzzy.ts's.
 */
export interface WordSearch {
  /**
   * Entries best first. `named`: providers the query names (`... okta`), whose entries are preferred.
   * Nothing when the query has too little evidence: a word or two of ordinary English.
   */
  search(query: string, options?: { named?: Set<string>; filter?: (entry: LoadedEntry) => boolean }): WordHit[];
}

export interface WordHit {
  entry: LoadedEntry;
  /** BM25 relevance scaled by the share of the query's distinctive words found and of the entry's best text covered. */
  score: number;
}

/** Words every question has and no error is named by. */
const STOP = new Set(
  (
    'a an the to of in on at for by from with and or but is are was were be been being it its this that these those ' +
    'i im me my we our you your he she they them their what why how when where which who whom does do did doing done ' +
    'can could would should will shall may might must have has had having get gets got getting go goes going ' +
    'if then than so as into out up down about after before again still also just only even very too any all some ' +
    'error errors issue issues problem problems question bug help please working work works try trying tried use using ' +
    'used there here thing something anything everything im ive dont doesnt cant isnt wont'
  ).split(' '),
);

const SUFFIXES = ['ations', 'ation', 'ions', 'ion', 'ing', 'ies', 'ed', 'es', 's', 'e'];

/** A crude stem: expired, expires, expiration and expire are one word; so are redirect and redirection. */
export function stem(word: string): string {
  let base = word;
  for (const suffix of SUFFIXES) {
    if (base.length - suffix.length >= 4 && base.endsWith(suffix)) {
      base = base.slice(0, -suffix.length);
      break;
    }
  }
  return base.slice(0, 7);
}

/** Words of a text, camel-case and snake-case names split (InvalidRedirectUri: invalid redirect uri). */
export function words(text: string, how: { split: boolean; whole: boolean } = BOTH): string[] {
  // A name with underscores or dashes is also a word of its own (redirect_mismatch, auth/unauthorized-domain).
  const names = (text.toLowerCase().match(/[a-z0-9]+(?:[_/-][a-z0-9]+)+/g) ?? []).map((name) => `=${name}`);
  const out: string[] = [];
  const add = (word: string) => {
    if (STOP.has(word) || (word.length < 2 && !/\d/.test(word))) return;
    out.push(stem(word));
    // A mismatch is what messages say as "does not match".
    if (word.startsWith('mismatch')) out.push(stem(word.slice(3)));
  };
  for (const [word] of text.matchAll(/[A-Za-z0-9]+/g)) {
    const parts = word
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(' ');
    if (how.whole || parts.length === 1) add(word.toLowerCase());
    if (how.split && parts.length > 1) for (const part of parts) add(part.toLowerCase());
  }
  return [...new Set([...out, ...names])];
}

const BOTH = { split: true, whole: true };
/** Codes and aliases are names made of words (InvalidRedirectUri); titles and messages write product names whole (QuickBooks, NetSuite). */
const SPLIT = { split: true, whole: false };
const WHOLE = { split: false, whole: true };

const K1 = 1.2;
const B = 0.5;
/** How much a title, alias or code counts against one message: they are short and chosen to name the error. */
const NAME_FIELD_WEIGHT = 2;
/** A provider the query names multiplies its entries' scores by this. */
const NAMED_BOOST = 1.6;
/** Least summed distinctiveness of the matched words: one rare word, or two or three ordinary ones. */
const MIN_EVIDENCE = 4;
/** Least share of the entry's best text (by distinctiveness) the query must say. */
const MIN_FIELD_COVER = 0.15;
/** Least share of the query's known words (by distinctiveness) an entry must match. */
const MIN_QUERY_COVER = 0.2;

interface Doc {
  entry: LoadedEntry;
  tf: Map<string, number>;
  length: number;
  /** Each text of the entry as a set of words, to measure how much of the best one the query covers. */
  fields: Set<string>[];
}

export function createWordSearch(entries: LoadedEntry[]): WordSearch {
  const docs: Doc[] = entries.map((entry) => {
    const tf = new Map<string, number>();
    const fields: Set<string>[] = [];
    const add = (text: string, weight: number, how: typeof BOTH) => {
      const list = words(text, how);
      if (list.length > 0) fields.push(new Set(list));
      for (const word of list) tf.set(word, (tf.get(word) ?? 0) + weight);
    };
    add(entry.code, NAME_FIELD_WEIGHT, SPLIT);
    add(entry.title, NAME_FIELD_WEIGHT, WHOLE);
    for (const alias of entry.aliases) add(alias, NAME_FIELD_WEIGHT, SPLIT);
    for (const message of entry.messages) add(message, 1, WHOLE);
    let length = 0;
    for (const count of tf.values()) length += count;
    return { entry, tf, length, fields };
  });
  const df = new Map<string, number>();
  for (const doc of docs) for (const word of doc.tf.keys()) df.set(word, (df.get(word) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  docs.forEach((doc, id) => {
    for (const word of doc.tf.keys()) {
      const list = postings.get(word);
      if (list) list.push(id);
      else postings.set(word, [id]);
    }
  });
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length);
  const idfs = new Map<string, number>();
  for (const [word, n] of df) idfs.set(word, Math.log(1 + (docs.length - n + 0.5) / (n + 0.5)));
  const idf = (word: string) => idfs.get(word) ?? 0;
  // Each text's total distinctiveness, measured once.
  const fieldTotals = docs.map((doc) =>
    doc.fields.map((field) => [...field].reduce((sum, word) => sum + idf(word), 0)),
  );
  return {
    search(query, options = {}) {
      const { named = new Set<string>(), filter = () => true } = options;
      // Words no entry has (typos, product names, a person's own words) say nothing either way.
      const terms = words(query).filter((word) => df.has(word));
      if (terms.length === 0) return [];
      const weights = new Map(terms.map((word) => [word, idf(word)]));
      const total = terms.reduce((sum, word) => sum + (weights.get(word) ?? 0), 0);
      const matched = new Map<number, string[]>();
      for (const word of terms) {
        for (const id of postings.get(word) ?? []) {
          const list = matched.get(id);
          if (list) list.push(word);
          else matched.set(id, [word]);
        }
      }
      const hits: WordHit[] = [];
      for (const [id, found] of matched) {
        const doc = docs[id] as Doc;
        if (!filter(doc.entry)) continue;
        const evidence = found.reduce((sum, word) => sum + (weights.get(word) ?? 0), 0);
        const cover = evidence / total;
        if (evidence < MIN_EVIDENCE || cover < MIN_QUERY_COVER) continue;
        let bm25 = 0;
        for (const word of found) {
          const tf = doc.tf.get(word) ?? 0;
          bm25 += ((weights.get(word) ?? 0) * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * doc.length) / averageLength));
        }
        // The text of the entry the query says most of: all of a short title beats a word of a long message.
        let fieldCover = 0;
        const totals = fieldTotals[id] as number[];
        doc.fields.forEach((field, at) => {
          let have = 0;
          for (const word of found) if (field.has(word)) have += weights.get(word) ?? 0;
          const all = totals[at] ?? 0;
          if (all > 0) fieldCover = Math.max(fieldCover, have / all);
        });
        if (fieldCover < MIN_FIELD_COVER) continue;
        const relevance = (bm25 / (total * (K1 + 1))) * cover * (0.5 + 0.5 * fieldCover);
        hits.push({ entry: doc.entry, score: relevance * (named.has(doc.entry.provider) ? NAMED_BOOST : 1) });
      }
      return hits.sort(
        (a, b) => b.score - a.score || Number(a.entry.requires_context) - Number(b.entry.requires_context),
      );
    },
  };
}
