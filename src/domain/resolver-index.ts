import type { Catalog } from './catalog.js';
import type { LoadedEntry, LoadedProvider } from './findings.js';
import { rewordable } from './reworded-messages.js';
import { type CompiledTemplate, CUT_WORDS, compileTemplate } from './templates.js';

/** A documented message (or a multi-word alias) compiled for matching, and whose entry it is. */
export interface IndexedTemplate extends CompiledTemplate {
  entry: LoadedEntry;
  /** `code`: the entry's own code when it is not one token (Okta's `idx.session.expired`). */
  method: 'code' | 'alias' | 'template';
  /** One word with dots or dashes in it (Okta's `api.authn.error.PASSCODE_INVALID`): a name, not a sentence. */
  identifier: boolean;
  /**
   * Other contexts of the same code that document the very same message (GitHub's
   * redirect_uri_mismatch at the authorize and the token endpoint): the text cannot tell them apart,
   * so they are offered as alternatives of `entry` rather than matched twice.
   */
  sameMessage: LoadedEntry[];
  /** Indexed under a second word too (a rare word of its start, for a message cut short): see indexTemplates. */
  twice?: boolean;
  /**
   * A message made only of short or common log words ("key is invalid") is indexed under one of them, which
   * many lines hold (`key=` of every cache line): it is a line's candidate only when the line also holds
   * this other word of it. See indexTemplates.
   */
  alsoWord?: string;
  /** Another entry's template has the same text (Okta documents the spec's sentence for access_denied). */
  copied: boolean;
  /** Long enough, and without a value inside, to be read in another wording (reworded-messages.ts). */
  rewordable: boolean;
  /** Its words longest first, for reading it in another wording: set there on first need. */
  byLength: string[] | undefined;
}

/** All the catalogs make of one lower-cased token, found by a scan with a single look-up per token. */
export interface TokenMeaning {
  /** Entries with this code. */
  codes?: LoadedEntry[];
  /** Some of them need context (invalid_grant): the code is read once per line it is on (see hits.ts). */
  contextual?: boolean;
  /** Providers whose code shape the code has (AADSTS50011: entra). */
  shapes?: string[];
  /** Entries with this one-word alias. */
  aliases?: LoadedEntry[];
  /** Templates indexed under this word (see templatesByWord). */
  templates?: IndexedTemplate[];
}

/** Lookup tables built once per catalog, so scanning is a single pass of map look-ups. */
export interface ResolverIndex {
  providers: Map<string, LoadedProvider>;
  /** Lower-cased code → entries (several when providers share a code or one has several contexts). */
  codes: Map<string, LoadedEntry[]>;
  /** Lower-cased one-word alias → entries. */
  aliases: Map<string, LoadedEntry[]>;
  /** Official short title (see normalizeTitle) → entries: typed as is, a title names its error. */
  titles: Map<string, LoadedEntry[]>;
  /** codes, aliases and templatesByWord in one map, with what a scan asks of each code measured once. */
  tokens: Map<string, TokenMeaning>;
  /**
   * 1 at tokenSlot(...) of every key of `tokens`: a token whose slot is 0 is none of them, which a scan
   * learns without cutting the token out of its line or hashing it (most words of a log are no key).
   */
  tokenFilter: Uint32Array;
  /**
   * Rare word of a template → the templates to try on a line holding that word. Built on first read, which
   * also adds the words to `tokens` and `tokenFilter`: read it before looking a text's words up there.
   */
  readonly templatesByWord: Map<string, IndexedTemplate[]>;
  /** Documented messages of one word (placeholders aside), lower-cased: a one-token text may be one of them. */
  oneWordMessages: Set<string>;
  /** Provider code shapes (AADSTS\d+) for codes the catalog does not have. */
  patterns: { provider: LoadedProvider; regex: RegExp }[];
  /**
   * 1 for each character a token matching one of `patterns` may start with (see leadingLetter): a log's
   * numbers and timestamps start with digits, which no shape does, and need not be tested at all.
   */
  shapeStarts: Uint8Array;
  /** A word people type for a provider (`google`, `azure`) → the providers it names. */
  names: Map<string, string[]>;
  /** A client library's id → the providers it signs in to (its catalog's `servers`). */
  servers: Map<string, string[]>;
  /**
   * Every documented message, normalized as titles are (see normalizeTitle), for partial matches; `bare`: the
   * same without its placeholders, for a message pasted with a value left out.
   */
  messages: { entry: LoadedEntry; text: string; bare?: string }[];
}

/** How titles are compared: case, runs of spaces and a final full stop do not matter. */
export function normalizeTitle(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else {
    map.set(key, [value]);
  }
}

const SINGLE_TOKEN = /^[A-Za-z0-9_]+$/;

/** A sentence end: a full stop, question or exclamation mark before a space and a capital letter. */
const SENTENCE_END = /[.!?]\s+(?=[A-Z])/;

/**
 * The first sentence of a message of several, when it can stand for the message: one that names a value
 * ("Tenant {tenant} not found."). Sentences without one are what other systems say too: "The request is not
 * properly formatted.", "We are sorry, this resource is not available." (tests in entra-messages.test.ts).
 * Nor one whose own words, the value aside, are fewer than three: UAA's "{scope} is invalid." would be the
 * two words "is invalid", which any sentence may hold ("The authorization code is invalid or has expired").
 */
function firstSentence(message: string): string | undefined {
  const end = SENTENCE_END.exec(message);
  if (!end) return undefined;
  const sentence = message.slice(0, end.index + 1);
  const ownWords = sentence.replace(PLACEHOLDERS, ' ').match(/[A-Za-z0-9_]+/g)?.length ?? 0;
  return ownWords >= FIRST_SENTENCE_WORDS && HAS_PLACEHOLDER.test(sentence) ? sentence : undefined;
}

/** Whether a text has a placeholder (not global, so `test` keeps no state between calls). */
const HAS_PLACEHOLDER = /\{[^{}]*\}|<<--/;

/** Least count of a first sentence's own words (its values aside) for it to stand for its message. */
const FIRST_SENTENCE_WORDS = 3;

/**
 * The last clause of a message after a colon, when it says the error by itself: "audience claim does not match any
 * expected audience" of Vault's "invalid audience (aud) claim: audience claim does not match any expected audience".
 * People paste and quote that clause alone, the part before the colon being the wrapper's context. Only a clause of
 * TAIL_WORDS words at least, with no value in it, after words (not after a name).
 */
function lastClause(message: string): string | undefined {
  const at = message.lastIndexOf(': ');
  // Not after a name (`UserSignIn: ...`, `AuthSdkError: ...`): the name is what makes such a sentence the entry's.
  if (at < 0 || !/\s/.test(message.slice(0, at).trim())) return undefined;
  const tail = message.slice(at + 2).trim();
  if (HAS_PLACEHOLDER.test(tail)) return undefined;
  return (tail.match(/[A-Za-z0-9_]+/g)?.length ?? 0) >= TAIL_WORDS ? tail : undefined;
}

const TAIL_WORDS = 6;

export function buildIndex(catalog: Catalog): ResolverIndex {
  const codes = new Map<string, LoadedEntry[]>();
  const aliases = new Map<string, LoadedEntry[]>();
  const oneWordMessages = new Set<string>();
  for (const entry of catalog.entries) {
    push(codes, entry.code.toLowerCase(), entry);
    for (const alias of entry.aliases) if (SINGLE_TOKEN.test(alias)) push(aliases, alias.toLowerCase(), entry);
    for (const message of entry.messages) {
      const literal = message.replace(PLACEHOLDERS, ' ').trim().replace(/\.$/, '');
      if (SINGLE_TOKEN.test(literal)) oneWordMessages.add(literal.toLowerCase());
    }
  }
  const patterns = [...catalog.providers.values()].flatMap((provider) =>
    provider.patterns.map((source) => ({ provider, regex: new RegExp(`^(?:${source})$`, 'i') })),
  );
  const names = new Map<string, string[]>();
  for (const provider of catalog.providers.values()) {
    for (const name of [provider.id, ...provider.hints.names]) push(names, name, provider.id);
  }
  const servers = new Map<string, string[]>();
  for (const provider of catalog.providers.values())
    if (provider.servers.length > 0) servers.set(provider.id, provider.servers);
  const tokens = tokenMeanings(codes, aliases, patterns);
  const tokenFilter = filterOf(tokens.keys());
  // Messages, titles and their tables are built on first need: a CLI lookup of one code needs none of them
  // (most of a start's work went to compiling every documented message), the bot builds them as it starts.
  let templatesByWord: Map<string, IndexedTemplate[]> | undefined;
  let titles: Map<string, LoadedEntry[]> | undefined;
  let messages: ResolverIndex['messages'] | undefined;
  return {
    providers: catalog.providers,
    codes,
    aliases,
    tokens,
    tokenFilter,
    patterns,
    shapeStarts: shapeStartsOf(catalog),
    names,
    servers,
    oneWordMessages,
    get templatesByWord() {
      if (!templatesByWord) {
        templatesByWord = indexTemplates(templatesOf(catalog), names);
        for (const [key, list] of templatesByWord) {
          const meaning = tokens.get(key) ?? {};
          meaning.templates = list;
          tokens.set(key, meaning);
        }
        markFilter(tokenFilter, templatesByWord.keys());
      }
      return templatesByWord;
    },
    get titles() {
      if (!titles) {
        titles = new Map();
        for (const entry of catalog.entries) push(titles, normalizeTitle(entry.title), entry);
      }
      return titles;
    },
    get messages() {
      messages ??= catalog.entries.flatMap((entry) =>
        entry.messages.map((message) => {
          const text = normalizeTitle(message);
          const bare = normalizeTitle(message.replace(QUOTED_PLACEHOLDER, ' '));
          return bare === text || bare === '' ? { entry, text } : { entry, text, bare };
        }),
      );
      return messages;
    },
  };
}

/** Placeholders of a message (as templates.ts reads them), for telling one-word messages apart cheaply. */
const PLACEHOLDERS = /\{[^{}]*\}|<<--[^>]*-->>/g;
/**
 * A placeholder with the quotes or brackets around it and a colon before it: what is gone from a message pasted
 * with its value left out ("The redirect URI specified in the request does not match ...", Entra's
 * "The redirect URI '{uri}' specified ..." without the URI), or redacted away.
 */
const QUOTED_PLACEHOLDER = /:?\s*['"`\u2018\u201c([<]?(?:\{[^{}]*\}|<<--[^>]*-->>)['"`\u2019\u201d)\]>]?/g;

/** Every documented message, multi-word alias and code with dots in it, compiled, in catalog order. */
function templatesOf(catalog: Catalog): IndexedTemplate[] {
  const templates: IndexedTemplate[] = [];
  const byMessage = new Map<string, IndexedTemplate>();
  const addTemplate = (entry: LoadedEntry, text: string, method: IndexedTemplate['method']) => {
    const compiled = compileTemplate(text);
    if (!compiled) return;
    const key = `${entry.provider}:${entry.code}:${compiled.key}`;
    const existing = byMessage.get(key);
    if (existing) {
      if (existing.entry !== entry && !existing.sameMessage.includes(entry)) existing.sameMessage.push(entry);
      return;
    }
    // Not spread: `regex` is a getter that builds the expression on first use.
    const template = Object.assign(compiled, {
      entry,
      method,
      identifier: !/\s/.test(text.trim()),
      sameMessage: [],
      copied: false,
      rewordable: rewordable(compiled),
      byLength: undefined,
    });
    byMessage.set(key, template);
    templates.push(template);
  };
  for (const entry of catalog.entries) {
    // The text is read token by token, so a code with dots in it is found as a pattern, like a message.
    if (!SINGLE_TOKEN.test(entry.code)) addTemplate(entry, entry.code, 'code');
    for (const alias of entry.aliases) if (!SINGLE_TOKEN.test(alias)) addTemplate(entry, alias, 'alias');
    for (const message of entry.messages) {
      addTemplate(entry, message, 'template');
      // People paste a message cut short, most often after its first sentence: "Tenant 'x' not found."
      const first = firstSentence(message);
      if (first) addTemplate(entry, first, 'template');
      const tail = lastClause(message);
      if (tail) addTemplate(entry, tail, 'template');
    }
  }
  const texts = new Map<string, IndexedTemplate[]>();
  for (const template of templates) push(texts, template.key, template);
  for (const same of texts.values()) if (same.length > 1) for (const template of same) template.copied = true;
  return templates;
}

function tokenMeanings(
  codes: Map<string, LoadedEntry[]>,
  aliases: Map<string, LoadedEntry[]>,
  patterns: ResolverIndex['patterns'],
): Map<string, TokenMeaning> {
  const tokens = new Map<string, TokenMeaning>();
  const meaning = (key: string) => {
    const found = tokens.get(key) ?? {};
    tokens.set(key, found);
    return found;
  };
  for (const [key, entries] of codes) {
    const token = meaning(key);
    token.codes = entries;
    token.contextual = entries.some((entry) => entry.requires_context);
    token.shapes = patterns.filter((pattern) => pattern.regex.test(key)).map((pattern) => pattern.provider.id);
  }
  for (const [key, entries] of aliases) meaning(key).aliases = entries;
  return tokens;
}

function shapeStartsOf(catalog: Catalog): Uint8Array {
  const starts = new Uint8Array(128);
  for (const provider of catalog.providers.values()) {
    for (const source of provider.patterns) {
      const letter = leadingLetter(source);
      if (letter === undefined) starts.fill(1);
      else for (const char of [letter.toLowerCase(), letter.toUpperCase()]) starts[char.charCodeAt(0)] = 1;
    }
  }
  return starts;
}

/**
 * The letter every match of a pattern starts with, when the pattern's source shows it plainly: a letter
 * first, not made optional (`A?`, `A*`, `A{0,2}`), and no `|` outside parentheses and brackets.
 * Undefined when it cannot tell (the pattern may then start with anything).
 */
export function leadingLetter(source: string): string | undefined {
  if (!/^[A-Za-z](?![?*{])/.test(source)) return undefined;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === '\\') i += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) return undefined;
  }
  return source[0];
}

/** A token's place in ResolverIndex.tokenFilter: its first two characters (0 for none) and its length. */
export function tokenSlot(first: number, second: number, length: number): number {
  return (((first & 127) << 7) | (second & 127)) * 32 + Math.min(length, 31);
}

/**
 * A token's bit in its slot of ResolverIndex.tokenFilter, from its last character (lower case). A log's
 * ordinary words share their first two letters and length with some key more often than not (`orders`,
 * `request`, `server`: six in ten words that passed on the slot alone were no key); the last letter turns
 * most of them away before the token is cut out and hashed.
 */
export function lastBit(last: number): number {
  return 1 << (last & 31);
}

function filterOf(keys: Iterable<string>): Uint32Array {
  const filter = new Uint32Array(128 * 128 * 32);
  markFilter(filter, keys);
  return filter;
}

function markFilter(filter: Uint32Array, keys: Iterable<string>): void {
  for (const key of keys) {
    const slot = tokenSlot(key.charCodeAt(0), key.length > 1 ? key.charCodeAt(1) : 0, key.length);
    filter[slot] = (filter[slot] as number) | lastBit(key.charCodeAt(key.length - 1));
  }
}

/**
 * Indexes each template under its rarest word (ties: the longest), so a line is only tested against
 * templates whose rarest word it contains.
 */
function indexTemplates(
  templates: IndexedTemplate[],
  /** Providers' names and ids: in the hosts and paths of most lines of an integration's logs (`/webhooks/stripe`). */
  names: Map<string, string[]>,
): Map<string, IndexedTemplate[]> {
  const frequency = new Map<string, number>();
  for (const template of templates) {
    for (const word of new Set(template.words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const byWord = new Map<string, IndexedTemplate[]>();
  for (const template of templates) {
    // Words of a few letters (`e` of "e.g.", `end`, `form`) are in most lines of a log, however rare among
    // messages: a template indexed by one would be tried on all those lines.
    // Nor a provider's name: Stripe's "No stripe-signature header value was provided." indexed by "stripe" was tried
    // on every line of a log that posts to /webhooks/stripe.
    const words = template.words.filter(
      (word) => word.length >= INDEX_WORD_LENGTH && !LOG_WORDS.has(word) && !names.has(word),
    );
    // Without such a word, a short one that is no log word ("user" of "failed to get user info") before any
    // log word: `info` is the level of most lines of a log.
    const unlogged = template.words.filter((word) => !LOG_WORDS.has(word));
    const choices = words.length > 0 ? words : unlogged.length > 0 ? unlogged : template.words;
    let best = choices[0] as string;
    for (const word of choices) {
      const rarer = (frequency.get(word) ?? 0) < (frequency.get(best) ?? 0);
      const tie = frequency.get(word) === frequency.get(best) && word.length > best.length;
      if (rarer || tie) best = word;
    }
    push(byWord, best, template);
    // No word of it is both long and uncommon in logs: whichever it is indexed by is on many lines, so the
    // line must hold a second of its words, of its first ones (a message cut short keeps those), to try it:
    // the longest, which is found inside the fewest other words.
    if (words.length === 0) {
      const start = template.leading.length > 0 ? template.leading.slice(0, CUT_WORDS) : template.words;
      const others = start.filter((word) => word !== best && word.length > 2);
      // Not a log word, when another will do: "error" of php-jwt's "HTTP Error: {code} for URI" is on most lines
      // that hold "http".
      const quieter = others.filter((word) => !LOG_WORDS.has(word));
      const second = quieter.length > 0 ? quieter : others;
      if (second.length > 0) template.alsoWord = second.reduce((a, b) => (b.length > a.length ? b : a));
    }
    // A message cut short may have lost its rarest word: it is also found by the rarest of the first words
    // it keeps (hits.ts, collectCutShort), when that word is rare enough not to make it a candidate everywhere.
    const clause = template.clauses.find((end) => end >= CUT_WORDS) ?? CUT_WORDS;
    const start = template.leading.slice(0, Math.min(clause, 2 * CUT_WORDS));
    if (template.leading.length < CUT_WORDS || start.includes(best)) continue;
    const long = start.filter((word) => word.length >= INDEX_WORD_LENGTH && !LOG_WORDS.has(word));
    const startUnlogged = start.filter((word) => !LOG_WORDS.has(word));
    const startChoices = long.length > 0 ? long : startUnlogged.length > 0 ? startUnlogged : start;
    let first = startChoices[0] as string;
    for (const word of startChoices) if ((frequency.get(word) ?? 0) < (frequency.get(first) ?? 0)) first = word;
    if ((frequency.get(first) ?? 0) <= RARE_START) {
      push(byWord, first, template);
      template.twice = true;
    }
  }
  return byWord;
}

/** Least length of a word a template is indexed by, when it has one. */
const INDEX_WORD_LENGTH = 5;
/**
 * Words on a good part of the lines of any service log (HTTP, database and connection noise): a message is
 * indexed by one of them only when it has no other word, or it is tried on every such line.
 */
const LOG_WORDS = new Set(
  (
    'error errors server request requests response internal failed failure invalid token status value query ' +
    'connect connection timeout cache select completed unique duplicate constraint client message exception ' +
    'https debug info warn warning started finished received violates get post put'
  ).split(' '),
);

/** The first words of a message cut short this many messages share at most, to index it by one of them. */
const RARE_START = 40;
