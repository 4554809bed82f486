import type MiniSearch from 'minisearch';
import type { LoadedEntry } from './findings.js';
import { lazyModule } from './lazy-module.js';

const miniSearch = lazyModule<typeof MiniSearch>('minisearch');

/**
 * Word-level retrieval for errors people describe rather than paste ("admin approval needed", "refresh
 * token expires every 7 days"): BM25 by MiniSearch (npm minisearch) over each entry's code spelled as
 * words, title, aliases and documented messages, with our own reading of words (stop words, stems,
 * camel/snake-case names), an evidence floor by how distinctive the matched words are (inverse document
 * frequency), and a scaling by how much of the query and of the best matching text of the entry matched.
 * Only words count, never letters: typos of codes are code-typos.ts's and fuzzy.ts's.
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
  /**
   * How distinctive the query's words the entry holds are, together (their inverse document frequencies summed),
   * leaving out providers' names: how much the words say about which error it is, not whose.
   */
  evidence: number;
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

const SUFFIXES = ['ations', 'ation', 'ions', 'ion', 'ing', 'ies', 'ed', 'es', 's', 'e', 'y'];

/** A crude stem: expired, expires, expiration, expiry and expire are one word; so are redirect and redirection. */
export function stem(word: string): string {
  let base = word;
  for (const suffix of SUFFIXES) {
    if (base.length - suffix.length >= 4 && base.endsWith(suffix)) {
      base = base.slice(0, -suffix.length);
      break;
    }
  }
  // A doubled last letter is single in the word's other forms: cancelled / cancel, submitted / submit, and
  // access / acces (as "accessed" and "access" must stem alike).
  if (base.length > 3 && base[base.length - 1] === base[base.length - 2]) base = base.slice(0, -1);
  return base.slice(0, 7);
}

/** The words a provider name stands for in the index: itself if one word, else only its joined forms. */
function nameWords(name: string): string[] {
  const read = words(name);
  if (!/[^A-Za-z0-9]/.test(name.trim())) return read;
  const joined = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return read.filter((word) => word.startsWith('=') || word === stem(joined) || word === joined);
}

/** Words of a text, camel-case and snake-case names split (InvalidRedirectUri: invalid redirect uri). */
export function words(text: string, how: { split: boolean; whole: boolean } = BOTH): string[] {
  // A name with underscores or dashes is also a word of its own (redirect_mismatch, auth/unauthorized-domain).
  const found = text.toLowerCase().match(/[a-z0-9]+(?:[_/-][a-z0-9]+)+/g) ?? [];
  const names = found.map((name) => `=${name}`);
  const out: string[] = [];
  // A compound written with a hyphen is written joined as often (user-agent and useragent, web-view and
  // webview, sign-in and signin): it is also the joined word.
  for (const name of found) if (/^[a-z]+-[a-z]+$/.test(name)) out.push(stem(name.replace('-', '')));
  const add = (typed: string) => {
    if (STOP.has(typed) || (typed.length < 2 && !/\d/.test(typed))) return;
    const word = SAME_WORD.get(typed) ?? typed;
    out.push(stem(word));
    // An abbreviation people type for what messages spell out ("MFA required": "you must use multi-factor
    // authentication"): its words too.
    for (const spelled of ABBREVIATIONS.get(word) ?? []) out.push(stem(spelled));
    // A mismatch is what messages say as "does not match".
    if (word.startsWith('mismatch')) out.push(stem(word.slice(3)));
  };
  for (const [word] of text.matchAll(/[A-Za-z0-9]+/g)) {
    const parts = word
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(' ');
    // Three parts or more make an identifier (acquireTokenSilent), not a product name (QuickBooks): kept
    // whole, it is a word of its own, not cut by the stem to its first part (Entra's title
    // InvalidClientSecretExpiredKeysProvided to "invalid", as if it said only that).
    if (how.whole && parts.length >= IDENTIFIER_PARTS) out.push(word.toLowerCase());
    else if (how.whole || parts.length === 1) add(word.toLowerCase());
    if (how.split && parts.length > 1) for (const part of parts) add(part.toLowerCase());
  }
  return [...new Set([...out, ...names])];
}

/**
 * How much each word an abbreviation of the text is spelled out into counts: together they count as the one word
 * typed ("SSO" is single, sign and signon at a third each), so an entry that spells it out does not gain three
 * words' evidence over one that says what the rest of the question says. A word the text also writes counts whole.
 */
function spelledOutShares(text: string): Map<string, number> {
  const shares = new Map<string, number>();
  const written = new Set<string>();
  for (const [token] of text.toLowerCase().matchAll(/[a-z0-9]+/g)) {
    const spelled = ABBREVIATIONS.get(token);
    if (!spelled) {
      written.add(stem(token));
      continue;
    }
    for (const word of spelled) shares.set(stem(word), 1 / spelled.length);
  }
  for (const word of written) shares.delete(word);
  return shares;
}

/** Numbers written as words in a quantity ("four hours", "seven days"), as digits. */
const NUMBER_WORDS = new Map<string, string>([
  ...'one two three four five six seven eight nine ten eleven twelve'
    .split(' ')
    .map((word, at): [string, string] => [word, `${at + 1}`]),
  ['fourteen', '14'],
  ['fifteen', '15'],
  ['twenty', '20'],
  ['thirty', '30'],
  ['sixty', '60'],
  ['ninety', '90'],
]);

/**
 * A number with a unit of time or a count after it ("expires every 7 days", "after 2 attempts") is a quantity,
 * not the numeric code (VK's 7) an entry's names hold. The unit stays a word ("a short-lived token (60 minutes)"),
 * and the quantity is a word of its own, however written (`7 days`, `7d`, `seven days`): a lifetime is
 * what tells one provider's expiry from another's (Google's seven-day refresh token of an app in Testing, an
 * Entra single-page app's 24 hours, Xero's 60 days).
 */
const QUANTITY = new RegExp(
  `\\b(\\d+|${[...NUMBER_WORDS.keys()].join('|')})(?:st|nd|rd|th)?[\\s-]*` +
    '(ms|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?|times?|attempts?|tries)\\b',
  'gi',
);

/** A quantity's unit as one word: `hrs`, `hours` and `h` are hours. */
function unitOf(unit: string): string {
  const lower = unit.toLowerCase();
  if (lower === 'ms') return 'ms';
  if (lower.startsWith('s')) return 'second';
  if (lower.startsWith('mi')) return 'minute';
  if (lower.startsWith('h')) return 'hour';
  if (lower.startsWith('d')) return 'day';
  if (lower.startsWith('w')) return 'week';
  if (lower.startsWith('mo')) return 'month';
  if (lower.startsWith('y')) return 'year';
  if (lower.startsWith('ti')) return 'time';
  return 'attempt';
}

/** The text with each quantity as its unit and a word of number and unit (`7 days`: `days 7day`). */
function withQuantities(text: string): string {
  return text.replace(
    QUANTITY,
    (_all, count: string, unit: string) => ` ${unit} ${NUMBER_WORDS.get(count.toLowerCase()) ?? count}${unitOf(unit)} `,
  );
}

/**
 * A placeholder copied with a documented message ("Jwt expired at {time}", "Invalid scopes: {scope}") names a
 * value, not the error: its name is no word of the query.
 */
const PLACEHOLDER = /\{[^{}\s]*\}/g;

/** Abbreviations of the field and the words of what they stand for, as messages write it (multi-factor: both). */
const ABBREVIATIONS = new Map<string, string[]>([
  ['mfa', ['multifactor', 'multi', 'factor', 'authentication']],
  ['2fa', ['two', 'factor', 'authentication']],
  ['sso', ['single', 'sign', 'signon']],
  ['idp', ['identity', 'provider']],
]);

/**
 * Spellings people use for one thing: a redirect URL is the redirect URI the messages name (Keycloak's "Invalid
 * redirect uri" asked as "redirect URL invalid"), and plurals the stem leaves alone at four letters.
 */
const SAME_WORD = new Map<string, string>([
  ['url', 'uri'],
  ['urls', 'uri'],
  ['uris', 'uri'],
]);

const BOTH = { split: true, whole: true };
/** Camel-case parts from which a word is an identifier (InvalidClientSecret), not a product name (QuickBooks). */
const IDENTIFIER_PARTS = 3;
/** Codes and aliases are names made of words (InvalidRedirectUri); titles and messages write product names whole (QuickBooks, NetSuite). */
const SPLIT = { split: true, whole: false };
const WHOLE = { split: false, whole: true };

/**
 * A title, alias or code counts as this many messages: they are short and chosen to name the error. Their
 * words are indexed this many times in the entry's one field (BM25F's weighted term frequency) rather than
 * as fields of their own with a boost: MiniSearch gives each field its own inverse document frequency, so
 * a word common in messages but rare in codes (`expired`) would count as distinctive in the code. As four
 * boosted fields (boosts 1 to 3, k 0.8 to 2, b 0.3 to 0.75) the eval's questions had at most 274 in the
 * top 3 (catalogs of commit 4bf46fb), against 276 for the hand-rolled index and for this one field.
 */
const NAME_WEIGHT = 2;
/**
 * BM25 parameters, chosen on the eval's questions (test/fixtures/eval/questions.jsonl) over two versions of
 * the catalogs: 247 right first and 276 in the top 3 on those of commit 4bf46fb, 253 and 280 on those of
 * 7fea53a (the hand-rolled index: 245 and 276, 251 and 280). On the later, over k 0.8 to 2.2, b 0.15 to
 * 0.6 and d 0 to 0.5 the figures moved within 248 to 254 and 276 to 281. b is low because an entry's many
 * messages say the same error in other words; they do not make each word matter less. d is 0 (plain BM25,
 * not MiniSearch's default BM25+): that a word matched at all is what the evidence floor weighs.
 */
const BM25 = { k: 1.6, b: 0.15, d: 0 };
/** A provider the query names multiplies its entries' scores by this. */
const NAMED_BOOST = 1.6;
/** Least summed distinctiveness of the matched words: one rare word, or two or three ordinary ones. */
const MIN_EVIDENCE = 4;
/** Least distinctiveness of the matched words among a named provider's own entries (distinctivenessAmong). */
const MIN_LOCAL_EVIDENCE = 2;
/** Least share of the entry's best text (by distinctiveness) the query must say. */
const MIN_FIELD_COVER = 0.15;
/** Least length of a word (as read: stemmed, at most 7 letters) that may be a typo of another (`corrected`). */
const TYPO_LENGTH = 5;
/**
 * Least share of the query's known words (by distinctiveness) an entry must match. Low, because a described
 * error comes with its story (what the app does, what was tried) in words as known as the error's own: at
 * 0.2 the held-out questions had 97 of 129 right first, at 0.1 99 (the project's set: 276 of 378 both).
 */
const MIN_QUERY_COVER = 0.1;

/** An entry as indexed: its words (space-separated, as MiniSearch takes them), and each text's words for the cover. */
interface Doc {
  id: number;
  words: string;
  texts: Set<string>[];
}

/** The words are read once, here: the index and the cover measures see the same words. */
function readEntry(entry: LoadedEntry, id: number, ignored: Set<string>): Doc {
  const texts: Set<string>[] = [];
  const read = (list: string[], how: typeof BOTH, skip = NONE) =>
    list.flatMap((text) => {
      const found = words(text, how).filter((word) => !skip.has(word));
      if (found.length > 0) texts.push(new Set(found));
      return found;
    });
  // A provider's name inside a code (FacebookSDKException) or a title ("... (Facebook PHP SDK)") is not what
  // the error is about: a question naming the provider would otherwise match those entries most.
  const names = [
    ...read([entry.code], SPLIT, ignored),
    ...read([entry.title], WHOLE, ignored),
    ...read(entry.aliases, SPLIT),
  ];
  const messages = read([...entry.messages, ...entry.symptoms].map(withQuantities), WHOLE);
  return { id, words: [...Array<string[]>(NAME_WEIGHT).fill(names).flat(), ...messages].join(' '), texts };
}

const NONE = new Set<string>();

export function createWordSearch(entries: LoadedEntry[], providerNames: Iterable<string> = []): WordSearch {
  // A provider's name says whose, not which error: it is no evidence for an entry. A name of several parts
  // (openid-client, node-oauth2-server, "Azure AD") is ignored whole, not by its parts: "client", "server" and
  // "graph" are words that name errors.
  const ignored = new Set([...providerNames].flatMap(nameWords));
  const docs = entries.map((entry, id) => readEntry(entry, id, ignored));
  const index = new (miniSearch())<Doc>({
    fields: ['words'],
    // `words` has done the reading (stop words, stems, split names); MiniSearch takes its words as they are.
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { bm25: BM25 },
  });
  index.addAll(docs);
  // How distinctive each word is across entries (the inverse document frequency MiniSearch scores with,
  // which it does not expose), for the evidence floor and the covers.
  // The entries holding each word (their count is its document frequency) also tell, before the search, which
  // entries can pass the evidence floor at all.
  const holders = new Map<string, number[]>();
  for (const doc of docs) {
    for (const word of new Set(doc.texts.flatMap((text) => [...text]))) {
      const list = holders.get(word);
      if (list) list.push(doc.id);
      else holders.set(word, [doc.id]);
    }
  }
  const idfs = new Map<string, number>();
  for (const [word, { length: n }] of holders) idfs.set(word, Math.log(1 + (docs.length - n + 0.5) / (n + 0.5)));
  const distinctiveness = (list: Iterable<string>) => {
    let sum = 0;
    for (const word of list) sum += idfs.get(word) ?? 0;
    return sum;
  };
  /**
   * A word no entry has, long enough to be a typo of one that some entry has ("Bloacked", "authorezation"):
   * that word, when one word is one edit away (MiniSearch's fuzzy search over the index's own words).
   * Shorter words are too often other words one edit apart; and a word alone ("brown" for "brows") is no
   * evidence, so a query with no known word is not corrected at all.
   */
  const corrected = (word: string): string[] => {
    if (word.length < TYPO_LENGTH) return [];
    const near = index.autoSuggest(word, { fuzzy: 1, prefix: false });
    const best = near[0]?.terms;
    return best?.length === 1 && idfs.has(best[0] as string) ? [best[0] as string] : [];
  };
  /**
   * The entries that can pass the evidence floor and the query cover, for MiniSearch to score only those (a
   * boost of 0 skips an entry before its score is computed; 1 leaves the score as it was). An entry must hold
   * at least one of the query's rarer words when its commonest words together fall below the floor:
   * "Invalid scopes: {scope}" then scores the ~300 entries holding "scope", not the ~900 holding "invalid".
   * Undefined (score all) when every word alone could pass.
   */
  const passable = (terms: string[], total: number) => {
    const floor = Math.max(MIN_EVIDENCE, MIN_QUERY_COVER * total);
    const byDistinctiveness = [...new Set(terms)].sort((a, b) => (idfs.get(a) ?? 0) - (idfs.get(b) ?? 0));
    let common = 0;
    for (let sum = 0; common < byDistinctiveness.length; common += 1) {
      sum += idfs.get(byDistinctiveness[common] as string) ?? 0;
      if (sum >= floor) break;
    }
    if (common === 0) return undefined;
    const can = new Uint8Array(docs.length);
    for (const word of byDistinctiveness.slice(common)) for (const id of holders.get(word) ?? []) can[id] = 1;
    return (id: unknown) => can[id as number] as number;
  };
  // Each text's total distinctiveness, measured once.
  const textTotals = docs.map((doc) => doc.texts.map(distinctiveness));
  // How many entries each provider has, for a word's distinctiveness among them.
  const providerSizes = new Map<string, number>();
  for (const entry of entries) providerSizes.set(entry.provider, (providerSizes.get(entry.provider) ?? 0) + 1);
  /**
   * Among a named provider's entries, how distinctive each of the words is: a question that names Dropbox asks
   * which of Dropbox's errors it is, and "expires" says that of one or two of them, however many other
   * providers' messages say it too.
   */
  const distinctivenessAmong = (provider: string, terms: string[]) => {
    const size = providerSizes.get(provider) ?? 0;
    const within = new Map<string, number>();
    for (const word of new Set(terms)) {
      const held = heldBy(word).get(provider) ?? 0;
      if (held > 0 && !ignored.has(word)) within.set(word, Math.log(1 + (size - held + 0.5) / (held + 0.5)));
    }
    return within;
  };
  // Word -> how many entries of each provider hold it: counted on a word's first question, kept for the next.
  const byProvider = new Map<string, Map<string, number>>();
  const heldBy = (word: string) => {
    let counts = byProvider.get(word);
    if (!counts) {
      counts = new Map();
      for (const id of holders.get(word) ?? []) {
        const { provider } = entries[id] as LoadedEntry;
        counts.set(provider, (counts.get(provider) ?? 0) + 1);
      }
      byProvider.set(word, counts);
    }
    return counts;
  };
  return {
    search(query, options = {}) {
      const { named = new Set<string>(), filter = () => true } = options;
      // Words no entry has (typos, product names, a person's own words) say nothing either way.
      const read = words(withQuantities(query).replace(PLACEHOLDER, ' '));
      const known = read.filter((word) => idfs.has(word));
      // A typo is read only beside words that are known: alone, a guess at one word is no evidence.
      const terms = known.length === 0 ? known : read.flatMap((word) => (idfs.has(word) ? [word] : corrected(word)));
      if (terms.length === 0) return [];
      const shares = spelledOutShares(query);
      const share = (word: string) => shares.get(word) ?? 1;
      // Distinctiveness as this question weighs its words: an abbreviation's spelled-out words at their shares.
      const weighed = (list: Iterable<string>) => {
        let sum = 0;
        for (const word of list) sum += (idfs.get(word) ?? 0) * share(word);
        return sum;
      };
      const total = weighed(terms);
      const among = new Map([...named].map((provider) => [provider, distinctivenessAmong(provider, terms)]));
      const localEvidence = (entry: LoadedEntry, found: string[]) => {
        const within = among.get(entry.provider);
        if (!within) return 0;
        let sum = 0;
        for (const word of found) sum += within.get(word) ?? 0;
        return sum;
      };
      let localTotal = 0;
      for (const within of among.values()) {
        let sum = 0;
        for (const idf of within.values()) sum += idf;
        localTotal = Math.max(localTotal, sum);
      }
      // No entry can match more than every word: below the floor all together ("invalid token"), none passes,
      // which is known without the search (most of a lookup's time for such words, found in a third of entries).
      // Among a named provider's entries, the words may say more.
      if (total < MIN_EVIDENCE && localTotal < MIN_LOCAL_EVIDENCE) return [];
      const passing = passable(terms, total);
      const boostDocument =
        passing && named.size > 0
          ? (id: unknown) => (named.has((entries[id as number] as LoadedEntry).provider) ? 1 : passing(id))
          : passing;
      const boostTerm = shares.size > 0 ? (term: string) => share(term) : undefined;
      const results = index.search(terms.join(' '), {
        ...(boostDocument ? { boostDocument } : {}),
        ...(boostTerm ? { boostTerm } : {}),
      });
      const hits: WordHit[] = [];
      for (const result of results) {
        const id = result.id as number;
        const entry = entries[id] as LoadedEntry;
        if (!filter(entry)) continue;
        const found = result.queryTerms;
        const evidence = weighed(found);
        const cover = evidence / total;
        const local = localEvidence(entry, found);
        if ((evidence < MIN_EVIDENCE || cover < MIN_QUERY_COVER) && local < MIN_LOCAL_EVIDENCE) continue;
        // The text of the entry the query says most of: all of a short title beats a word of a long message.
        const totals = textTotals[id] as number[];
        let textCover = 0;
        (docs[id] as Doc).texts.forEach((text, at) => {
          const all = totals[at] ?? 0;
          if (all > 0) textCover = Math.max(textCover, weighed(found.filter((word) => text.has(word))) / all);
        });
        if (textCover < MIN_FIELD_COVER) continue;
        // MiniSearch multiplies a score by how many query words matched; `cover` weighs them by how
        // distinctive each is instead, so the count is taken out (a common word is not worth a rare one;
        // with the count kept the eval's questions had at most 274 in the top 3, against 276 without it).
        const relevance = (result.score / found.length) * cover * (0.5 + 0.5 * textCover);
        // A provider's name alone says whose, not which error (GitHub's "Contact support@github.com" for
        // "github login not working"): no match.
        const which = weighed(found.filter((word) => !ignored.has(word)));
        if (which === 0) continue;
        hits.push({ entry, score: relevance * (named.has(entry.provider) ? NAMED_BOOST : 1), evidence: which });
      }
      return hits.sort(
        (a, b) => b.score - a.score || Number(a.entry.requires_context) - Number(b.entry.requires_context),
      );
    },
  };
}
