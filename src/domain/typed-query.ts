import type { LoadedEntry } from './findings.js';
import { EDGE_PUNCTUATION, misspeltName, ownWordOf } from './named-words.js';
import { providersNamedIn } from './provider-context.js';
import { normalizeTitle, type ResolverIndex } from './resolver-index.js';

/** How a query typed into /oauth-error or `lookup` is read, before it is resolved (resolver.ts). */

/** The provider that holds the specifications' own meanings (RFC 6749, 6750, OpenID Connect Core). */
export const STANDARD = 'oauth2';

/** Typed queries longer than this (in words) are pasted text and read as a scan reads a log. */
const TYPED_WORDS = 3;
export const NOT_WORDS = /\bhttps?:\/\/\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * What a typed query asks. Provider names in a short query (`invalid_grant google`) choose the meaning
 * and are not part of the code; a code typed as words (`access denied`) is that code. A long query is
 * a pasted message or log: typed is false, so an ordinary word in it (`unauthorized`, `configuration`)
 * or a bare number is not taken for a code without its provider's spelling and context.
 */
export function readQuery(
  index: ResolverIndex,
  query: string,
  /** Providers the place of the query names (resolver.ts's LookupOptions.place), used when the query names none. */
  around: Set<string> = new Set(),
): { text: string; typed: boolean; named: Set<string> } {
  const words = query.trim().split(/\s+/).filter(Boolean);
  let named = new Set<string>();
  // A name ends a sentence or a list as often as not (`App: Slack.`, `okta,`), or is quoted.
  const naming = words.map(
    (word) => index.names.get(word.toLowerCase()) ?? index.names.get(word.toLowerCase().replace(EDGE_PUNCTUATION, '')),
  );
  const pairs = words.map((word, at) =>
    at + 1 < words.length ? pairName(index, word, words[at + 1] as string) : undefined,
  );
  const rest = words.filter((word, at) => {
    // Both words of a name typed apart (`passport jwt`, `azure devops`): the provider of the joined name.
    const pair = pairs[at] ?? pairs[at - 1];
    if (pair) {
      for (const provider of pair) if (provider !== STANDARD) named.add(provider);
      return false;
    }
    const providers = naming[at];
    // A name that begins another provider's own words names that provider ("jsonwebtoken crate" is the Rust
    // crate, not the npm package): the longer clue is the one, as the longer message is.
    const phrase = providers && at + 1 < words.length ? ownWordOf(index, `${word} ${words[at + 1]}`) : undefined;
    const longer = phrase?.filter((provider) => !providers?.includes(provider)) ?? [];
    for (const provider of longer) named.add(provider);
    // The protocol's own words (`OAuth2 RefreshError`, `openid`) are no clue to whose error it is: they are
    // read past like any provider name, but ask for no provider's reading, not even the standard's.
    if (longer.length === 0 && !qualifiesNext(index, word, providers, naming[at + 1])) {
      for (const provider of providers ?? []) if (provider !== STANDARD) named.add(provider);
    }
    // A name inside an identifier (`Login-AzureRmAccount`, `AppleIDButton`, `fastapi_keycloak`) points at its
    // provider as in a scan; the word stays part of the query. Unless the identifier is a provider's own word
    // (`DefaultAzureCredential` is Azure Identity's class, not Entra's): then it names that provider.
    const own = providers
      ? undefined
      : (ownWordOf(index, word) ?? misspeltName(index, word, (lower) => messageWords(index).has(lower)));
    const inside = own ?? (providers ? [] : namesInside(index, word));
    for (const provider of inside) if (provider !== STANDARD) named.add(provider);
    return !providers;
  });
  // A name or protocol word can be part of a documented message typed whole (Discord's "Invalid OAuth2
  // redirect_uri"): then it is read as typed, not as a shorter message of another provider.
  if (rest.length < words.length && rest.length <= TYPED_WORDS && holdsNamedMessage(index, query))
    return { text: query, typed: true, named };
  // A question that opens with a name and a colon (`zoom: invalid access token`) is about that provider. The
  // word stays in the text: a log line opens so too (Go's `google: could not find default credentials`), and
  // only there, not after a colon further on, which is a log's prefix as often as a name.
  for (const provider of leadingName(index, words[0])) named.add(provider);
  for (const provider of kinNamedFor(index, rest, named)) named.add(provider);
  if (named.size === 0) named = new Set(around);
  // An exception class named for a code (`InvalidClientError`) asks about that code, as the code typed would.
  const classCodes = [...new Set(rest.flatMap((word) => classNamedCode(index, word, named) ?? []))];
  // In a question, the error quoted as words is that code: "Getting 'Invalid client' error from Apple Signin".
  if (rest.length > TYPED_WORDS) {
    const text = withQuotedCodes(index, query, named);
    const spelled = withSpelledCodes(index, text, rest, named);
    return { text: classCodes.length > 0 ? `${spelled} ${classCodes.join(' ')}` : spelled, typed: false, named };
  }
  if (rest.length === 0) return { text: query, typed: true, named };
  if (rest.length === 1 && classCodes[0]) return { text: classCodes[0], typed: true, named };
  // A short question around a code written as words ("Invalid grant error") asks about that code; not one that
  // is a documented message as typed (Envoy's "RBAC: access denied").
  // One word spells no code of several (and asking whether it is a message would build every message's text).
  const spelled =
    rest.length < 2
      ? undefined
      : (spelledCode(index, rest, named)?.code ??
        (isMessage(index, query) ? undefined : spelledRuns(index, rest, named)[0]));
  const text = spelled ?? rest.join(' ');
  return { text, typed: true, named };
}

/**
 * The providers two typed words name together, as their id (a package's name) joins them with a hyphen: `passport
 * jwt` is passport-jwt, `python jose` python-jose, `azure devops` azure-devops, `google cloud` google-cloud. Each word
 * alone may name another provider (passport the client libraries, jose the Node.js library, azure Entra): the joined
 * name is the more precise clue, as a longer message is the more precise match. Not names written as one word
 * (`next auth` as NextAuth): a client library named so wraps other libraries' errors (openid-client's "access_token
 * not present in TokenSet"), which a question about it quotes.
 */
function pairName(index: ResolverIndex, first: string, second: string): string[] | undefined {
  const a = first.toLowerCase().replace(EDGE_PUNCTUATION, '');
  const b = second.toLowerCase().replace(EDGE_PUNCTUATION, '');
  if (!/^[a-z0-9]+$/.test(a) || !/^[a-z0-9]+$/.test(b)) return undefined;
  return index.names.get(`${a}-${b}`);
}

/**
 * A code typed beside a provider's name that only a kin of that provider has (one whose id extends the name's:
 * jsonwebtoken-rs of jsonwebtoken, okta-auth-js of okta, google-cloud of google) asks for that kin: people name
 * a library by its package's bare name (`jsonwebtoken declares InvalidSignature` of the Rust crate), and the
 * named provider cannot mean a code it does not have. A code the named provider has stays its own.
 */
function kinNamedFor(index: ResolverIndex, words: string[], named: Set<string>): string[] {
  if (named.size === 0) return [];
  const kin: string[] = [];
  for (const word of words) {
    const entries = index.codes.get(word.replace(CODE_MARKS, '').toLowerCase());
    if (!entries) continue;
    for (const provider of named) {
      if (entries.some((entry) => entry.provider === provider)) continue;
      for (const entry of entries) if (entry.provider.startsWith(`${provider}-`)) kin.push(entry.provider);
    }
  }
  return kin;
}
/** Quotes, backticks and punctuation around a code as typed (`InvalidSignature`., "invalid_grant"). */
const CODE_MARKS = /^[("'`\u201c\u2018[]+|[)"'`\u201d\u2019\].,;:!?]+$/g;

/**
 * The code an exception class is named for, by the convention of oauthlib, node-oauth2-server and Stripe's
 * libraries (InvalidGrantError is invalid_grant): of a provider named that has it, else the standard's. Not a
 * class that a catalog has as a code or alias of its own (PyJWT's InvalidSignatureError, jsonwebtoken's
 * TokenExpiredError), which the code readings answer, nor one whose words spell no code. A qualified name
 * (`oauthlib.oauth2.rfc6749.errors.InvalidGrantError:`) by its last part.
 */
function classNamedCode(index: ResolverIndex, word: string, named: Set<string>): string | undefined {
  // Most words of a question are none: tell them before cutting the word up.
  if (!CLASS_SUFFIX.test(word)) return undefined;
  const name = word.replace(EDGE_PUNCTUATION, '').replace(/:+$/, '').split('.').at(-1) ?? '';
  const found = CLASS_NAMED_FOR_CODE.exec(name);
  if (!found) return undefined;
  const lower = name.toLowerCase();
  if (index.codes.has(lower) || index.aliases.has(lower)) return undefined;
  const words = codeWords(found[1] as string).split(' ');
  return (spelledCode(index, words, named) ?? spelledCode(index, words, new Set([STANDARD])))?.code;
}

const CLASS_SUFFIX = /(?:Error|Exception)[^A-Za-z0-9]*$/;
/** A class of two or more capitalised words ending in Error or Exception: the words before the suffix. */
const CLASS_NAMED_FOR_CODE = /^((?:[A-Z][a-z0-9]+){2,})(?:Error|Exception)$/;

/**
 * The code these words spell (`invalid grant`: invalid_grant; `nonce used`: NetSuite's NonceUsed), of the providers
 * named if any: not when the query names a provider that has no such code (`redirect uri mismatch azure` asks
 * for Entra's redirect URI error, not Google's redirect_uri_mismatch). A single word is a word.
 */
function spelledCode(index: ResolverIndex, words: string[], named: Set<string>): LoadedEntry | undefined {
  const owners = words.length > 1 ? (spelledCodes(index).get(words.join(' ').toLowerCase()) ?? []) : [];
  const asked = named.size === 0 ? owners : owners.filter((entry) => named.has(entry.provider));
  // The standard spelling first (`invalid grant` is invalid_grant, whatever else spells those words).
  const snake = words.join('_').toLowerCase();
  return asked.find((entry) => entry.code.toLowerCase() === snake) ?? asked[0];
}

/**
 * The parts of a longer question it quotes as the error (in backticks or quotes, four words or more: "I get this
 * error in the console: `Error: The authorization code is invalid or has expired.`"), joined; empty when none.
 */
export function quotedError(query: string): string {
  const parts: string[] = [];
  for (const found of query.matchAll(QUOTED_ERROR)) {
    const inside = (found[3] as string).trim();
    // Code quoted in a question (`client.getLoginFlow({ id })`) is how it was called, not what failed.
    if (inside.split(/\s+/).length >= QUOTED_ERROR_WORDS && !CODE_PUNCTUATION.test(inside)) parts.push(inside);
  }
  return parts.join(' ');
}

const QUOTED_ERROR = quotedParts('\\s([:', '12,300');
const QUOTED_ERROR_WORDS = 4;
const CODE_PUNCTUATION = /[{}()=;<>]/;

/** A part of a question in single, double or curly quotes or backticks, after a space or at the start. */
const QUOTED_PART = quotedParts('\\s([', '3,60');

/**
 * Parts of a text in quotes or backticks, after the start or one of the characters `before` (a class's inside), of
 * `length` characters (a quantifier's inside): groups 1, 2 and 3 are what stands before, the opening quote and the part.
 */
function quotedParts(before: string, length: string): RegExp {
  return new RegExp(
    `(^|[${before}])(['"\`\u2018\u201c])([^'"\`\u2019\u201d\\n]{${length}})['"\`\u2019\u201d](?=[\\s).,:;!?\\]]|$)`,
    'g',
  );
}

/**
 * The question with each quoted part that spells a code (two words or more) written as that code; not a part
 * that is a documented message as it stands (jsonwebtoken's "invalid signature" is its message, not Keycloak's
 * invalid_signature).
 */
function withQuotedCodes(index: ResolverIndex, query: string, named: Set<string>): string {
  return query.replace(QUOTED_PART, (whole, before: string, quote: string, inside: string) => {
    // A sentence's full stop may stand inside the quotes ("auth invalid credential."), as people type them.
    const words = inside
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(EDGE_PUNCTUATION, ''));
    const code = spelledCode(index, words.filter(Boolean), named)?.code;
    if (!code) return whole;
    return isMessage(index, inside) ? whole : `${before}${quote}${code}${quote}`;
  });
}

/** Longest run of words read as one spelled code (`authorization request denied`). */
const SPELLED_RUN = 4;

/**
 * A question that names a provider, with that provider's code written as words in it ("i get invalid client
 * when requesting LWA access token"): the code is added to the text, so that it is read as the code of the
 * provider asked about, beside the words. Only codes of the providers named, of two words or more, and not
 * where the words are a documented message of their own; without a name, words are only words.
 */
function withSpelledCodes(index: ResolverIndex, text: string, words: string[], named: Set<string>): string {
  // A question that writes a code of the provider as a code says which error it is about; the words around
  // it are its description (Keycloak's "unauthorized_client, Invalid client or Invalid client credentials").
  // Without a name, words are only words: a long question saying "access denied" or "invalid client secret" is
  // about more than the code (a short one is read in readQuery).
  if (named.size === 0) return text;
  const isCode = (word: string) =>
    (index.codes.get(word.toLowerCase()) ?? []).some((entry) => named.has(entry.provider));
  if (text.split(/[^A-Za-z0-9_.-]+/).some(isCode)) return text;
  const codes = spelledRuns(index, words, named);
  return codes.length === 0 ? text : `${text} ${codes.join(' ')}`;
}

/**
 * The codes runs of the words spell: of the providers named, or, when none is, the standard's own codes (a question
 * that says "invalid grant" asks about invalid_grant whoever's it is; another provider's code in words is words).
 */
function spelledRuns(index: ResolverIndex, words: string[], named: Set<string>): string[] {
  const asked = named.size === 0 ? new Set([STANDARD]) : named;
  // A run may end at a colon too: "errors about an INVALID TOKEN:" introduces what the log says.
  const plain = words.map((word) => word.replace(EDGE_PUNCTUATION, '').replace(/:+$/, ''));
  const codes = new Set<string>();
  for (let start = 0; start < plain.length; start += 1) {
    for (let length = Math.min(SPELLED_RUN, plain.length - start); length >= 2; length -= 1) {
      const run = plain.slice(start, start + length);
      // A run across a sentence's punctuation is no name ("invalid. Client ...").
      if (run.slice(0, -1).some((word, at) => word !== words[start + at])) continue;
      if (!run.every((word) => /^[A-Za-z0-9]+$/.test(word))) continue;
      const entry = spelledCode(index, run, asked);
      if (!entry || !asked.has(entry.provider)) continue;
      // Words that are a documented message are that message, not a shorter code inside it ("invalid login
      // attempt" is NetSuite's message, not its INVALID_LOGIN; Okta's "Invalid token provided", not its
      // invalid_token); with a provider named, a message of that provider: another's "Invalid token" does not hide
      // Spring Security's invalid_token in "invalid token using spring".
      if (!startsMessage(index, plain.slice(start), length, named)) codes.add(entry.code);
      start += length - 1;
      break;
    }
  }
  return [...codes];
}

/** Each documented message's text (normalized) → the providers that document it. */
const MESSAGE_TEXTS = new WeakMap<ResolverIndex, Map<string, Set<string>>>();

/**
 * Whether words are a documented message as they stand (jsonwebtoken's "invalid signature"); given providers,
 * a message of one of them.
 */
function isMessage(index: ResolverIndex, text: string, of: Set<string> = new Set()): boolean {
  let texts = MESSAGE_TEXTS.get(index);
  if (!texts) {
    texts = new Map();
    for (const message of index.messages) {
      const providers = texts.get(message.text) ?? new Set<string>();
      texts.set(message.text, providers.add(message.entry.provider));
    }
    MESSAGE_TEXTS.set(index, texts);
  }
  const providers = texts.get(normalizeTitle(text));
  if (!providers) return false;
  return of.size === 0 || [...of].some((provider) => providers.has(provider));
}

/** The longest documented message read as words, for startsMessage. */
const MESSAGE_WORDS = 12;

/** Whether the words from the first on, `length` of them or a few more, are a documented message (see isMessage). */
function startsMessage(index: ResolverIndex, words: string[], length: number, of: Set<string>): boolean {
  for (let end = length; end <= Math.min(words.length, MESSAGE_WORDS); end += 1) {
    if (isMessage(index, words.slice(0, end).join(' '), of)) return true;
  }
  return false;
}

/** Providers a question's first word names when it is a name and a colon (`zoom:`); not the standard's words. */
function leadingName(index: ResolverIndex, first: string | undefined): string[] {
  if (!first?.endsWith(':') || index.names.has(first.toLowerCase())) return [];
  const providers = index.names.get(first.slice(0, -1).toLowerCase().replace(EDGE_PUNCTUATION, '')) ?? [];
  return providers.includes(STANDARD) ? [] : providers;
}

/** Providers named by the parts of an identifier: its pieces between punctuation, and their camel-case parts. */
function namesInside(index: ResolverIndex, word: string): string[] {
  const pieces = word.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (pieces.length < 2 && !/[a-z][A-Z]/.test(word)) return [];
  return pieces.flatMap((piece) => providersNamedIn(piece, index.names)).filter((provider) => provider !== STANDARD);
}

/**
 * Whether a name only qualifies the name right after it: a vendor before its product (`Amazon Cognito`,
 * `Microsoft Graph`, `Azure B2C`) names the product, not the vendor's other catalog (Login with Amazon,
 * Entra). Only a vendor the product's own name carries: "gitea forge" (a Gitea instance, as Woodpecker CI calls
 * it) names Gitea, whatever else "forge" names. Not across punctuation: `okta, auth0` names both.
 */
function qualifiesNext(
  index: ResolverIndex,
  word: string,
  providers: string[] | undefined,
  next: string[] | undefined,
): boolean {
  if (!providers || !next || /[^A-Za-z0-9]$/.test(word)) return false;
  const vendor = word.toLowerCase();
  return next.some(
    (provider) =>
      provider !== STANDARD &&
      !providers.includes(provider) &&
      (
        index.providers
          .get(provider)
          ?.name.toLowerCase()
          .split(/[^a-z0-9]+/) ?? []
      ).includes(vendor),
  );
}

/**
 * Codes by their words, however the provider joins them: `access denied` is access_denied, `nonce used`
 * NetSuite's NonceUsed, `authorization request denied` Graph's Authorization_RequestDenied. Built on first need.
 */
const SPELLED = new WeakMap<ResolverIndex, Map<string, LoadedEntry[]>>();

function spelledCodes(index: ResolverIndex): Map<string, LoadedEntry[]> {
  let spelled = SPELLED.get(index);
  if (!spelled) {
    spelled = new Map();
    for (const entries of index.codes.values()) {
      for (const entry of entries) {
        const key = codeWords(entry.code);
        const list = spelled.get(key) ?? [];
        list.push(entry);
        spelled.set(key, list);
      }
    }
    SPELLED.set(index, spelled);
  }
  return spelled;
}

/** A code's words, lower-cased and joined by spaces: camel case, underscores, dashes and dots split it. */
function codeWords(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}

/** Typed text this long (in characters, spaces collapsed) is specific enough to be found inside a message. */
const PARTIAL_MESSAGE = 24;
/** ...or this long, when the writer marked it cut at its end (an ellipsis) and a message begins with it. */
const MARKED_START = 16;
const CUT_MARK_AT_END = /(?:\.{3,}|\u2026)\s*$/;

/** An entry whose documented message holds typed text, and the share of that message's characters the text covers. */
export interface HeldMessage {
  entry: LoadedEntry;
  coverage: number;
  /**
   * Whether the text is ordinary words from the middle of a clause: it begins no clause of the message, and other
   * errors' messages hold all of its whole words too, in another order or with words between ("redirect uri does
   * not match" is inside one message as typed, and in many so). Then that message is a likely reading, not a sure
   * one. A text that begins a clause of it ("This domain is not authorized") was copied from it.
   */
  ordinary: boolean;
}

/** Other errors whose messages hold every whole word of a typed text that make it ordinary (see HeldMessage). */
const ORDINARY_HOLDERS = 3;

/**
 * Entries with a documented message that holds the text as typed (case and runs of spaces aside), most of the
 * message covered first; or, when none holds it all, that holds a part of it the writer put in quotes (`"You must use
 * multi-factor authentication to access" but there is no MFA step`): the quoted words are the error's own.
 */
export function messagesHolding(index: ResolverIndex, text: string): HeldMessage[] {
  const whole = holding(index, text);
  if (whole.length > 0) return whole;
  // Values in single quotes may be a message's own words ('client_assertion' or 'client_secret', read above),
  // or what stands for its placeholders ('live.com', 'Contoso').
  const valued = QUOTED_VALUE_IN.test(text) ? holding(index, text, GAP_OR_VALUE) : [];
  if (valued.length > 0) return valued;
  const quoted = [...text.matchAll(QUOTED)].flatMap((found) => holding(index, found[1] ?? found[2] ?? ''));
  return quoted.filter((held, i, all) => all.findIndex((other) => other.entry === held.entry) === i);
}

/**
 * Whether a documented message that has a provider's name or a protocol word among its words holds the query:
 * only those can lose a word to readQuery's reading of names. Found among them alone (built on first need),
 * not among every message, which would cost most of a short lookup.
 */
function holdsNamedMessage(index: ResolverIndex, query: string): boolean {
  let named = NAMED_MESSAGES.get(index);
  if (!named) {
    named = index.messages.filter((message) => message.text.split(WORD_BREAK).some((word) => index.names.has(word)));
    NAMED_MESSAGES.set(index, named);
  }
  const wanted = normalizeTitle(query);
  return wanted.length >= PARTIAL_MESSAGE && named.some((message) => message.text.includes(wanted));
}

const NAMED_MESSAGES = new WeakMap<ResolverIndex, ResolverIndex['messages']>();

/** A part of a question in straight or curly double quotes. */
const QUOTED = /"([^"]+)"|\u201c([^\u201d]+)\u201d/g;

function holding(index: ResolverIndex, text: string, gap = GAP): HeldMessage[] {
  // A writer who cut out the middle of a message marks the gap ("Application with identifier...was not found"),
  // and a URL or id stands where the message has a placeholder ("Not a valid origin for the client: https://..."):
  // the parts on either side must each be in the message, in that order. A part of a few characters says nothing.
  const parts = text
    .split(gap)
    .map(normalizeTitle)
    .filter((part) => part.length >= ELIDED_PART);
  const length = parts.join(' ').length;
  // A start the writer marked as cut ("Not a valid origin..."): shorter, but only where a message begins so.
  const markedStart = length >= MARKED_START && parts.length === 1 && CUT_MARK_AT_END.test(text);
  if (length < PARTIAL_MESSAGE && !markedStart) return [];
  const begins = length < PARTIAL_MESSAGE;
  // A message pasted with a placeholder's value left out (quotes and all) is held by the message without it.
  const candidates = candidateMessages(index, parts);
  const held = candidates
    .flatMap((message) => {
      const text = holdsInOrder(message.text, parts)
        ? message.text
        : message.bare && holdsInOrder(message.bare, parts)
          ? message.bare
          : undefined;
      if (text === undefined || (begins && !text.startsWith(parts[0] as string))) return [];
      return [{ entry: message.entry, text, clause: startsClause(text, parts[0] as string) }];
    })
    .sort((a, b) => a.text.length - b.text.length)
    .map((message) => ({
      entry: message.entry,
      coverage: Math.min(1, length / message.text.length),
      clause: message.clause,
    }))
    .filter((held, i, all) => all.findIndex((other) => other.entry === held.entry) === i);
  if (held.length === 0) return [];
  // Text copied from a clause's start is what it is however ordinary its words: no need to count other holders.
  if (held.every((found) => found.clause))
    return held.map(({ entry, coverage }) => ({ entry, coverage, ordinary: false }));
  // The parts' inner words: whole words of any message that holds them (see candidateMessages).
  const inner = parts.flatMap((part) => part.split(WORD_BREAK).slice(1, -1)).filter(Boolean);
  // The parts' first and last words, which a message holds cut: the end of one of its words, the start of one.
  const ends = parts.map((part) => part.split(WORD_BREAK).filter(Boolean));
  const holders = new Set(held.map((found) => found.entry));
  const others = new Set<LoadedEntry>();
  for (const message of candidates) {
    if (holders.has(message.entry) || others.has(message.entry)) continue;
    const list = message.text.split(WORD_BREAK);
    const words = new Set(list);
    if (!inner.every((word) => words.has(word))) continue;
    // Another message is as likely only if it could hold the whole text: "authorization code was already
    // redeemed" is not held by Slack's "... code was already exchanged", whose words are those inside it.
    const holdsEnds = ends.every((part) => {
      const first = part[0];
      const last = part.at(-1);
      return (
        (first === undefined || list.some((word) => word.endsWith(first))) &&
        (last === undefined || list.some((word) => word.startsWith(last)))
      );
    });
    if (holdsEnds) others.add(message.entry);
  }
  const ordinary = inner.length > 0 && others.size >= ORDINARY_HOLDERS;
  return held.map(({ entry, coverage, clause }) => ({ entry, coverage, ordinary: ordinary && !clause }));
}

/** Whether the text's first part begins the message or one of its clauses (after a stop, colon, comma or quote). */
function startsClause(message: string, first: string): boolean {
  const at = message.indexOf(first);
  return at <= 0 || /[.:;,!?'"()[\]]\s*$/.test(message.slice(Math.max(0, at - 3), at));
}

/** A value as a message quotes it: in single quotes (straight or curly), one token of up to 100 characters. */
const QUOTED_VALUE = "['\\u2018\\u2019][^'\\u2018\\u2019\\s]{1,100}['\\u2018\\u2019]";
/** Three or more dots or the ellipsis character, or a URL or id (NOT_WORDS), with the spaces around them. */
const GAP = new RegExp(`\\s*(?:\\.{3,}|\\u2026|${NOT_WORDS.source})\\s*`, 'i');
/** The same, or a value in single quotes without a space in it ('live.com', 'Contoso'): a placeholder's value. */
const QUOTED_VALUE_IN = new RegExp(QUOTED_VALUE);
const GAP_OR_VALUE = new RegExp(`\\s*(?:\\.{3,}|\\u2026|${NOT_WORDS.source}|${QUOTED_VALUE})\\s*`, 'i');
const ELIDED_PART = 4;

/** Each word of the documented messages (as normalizeTitle leaves them) → the messages that hold it. */
const WORDS_OF_MESSAGES = new WeakMap<ResolverIndex, Map<string, ResolverIndex['messages']>>();
const WORD_BREAK = /[^a-z0-9]+/;

function messageWords(index: ResolverIndex): Map<string, ResolverIndex['messages']> {
  let words = WORDS_OF_MESSAGES.get(index);
  if (!words) {
    words = new Map();
    for (const message of index.messages) {
      for (const word of new Set(message.text.split(WORD_BREAK))) {
        const list = words.get(word);
        if (list) list.push(message);
        else words.set(word, [message]);
      }
    }
    WORDS_OF_MESSAGES.set(index, words);
  }
  return words;
}

/**
 * The messages that can hold every part: those holding the rarest word found whole inside a part (a part's first
 * and last words may be cut, and its inner words are whole words of any message that holds it), or every message
 * when no part has an inner word. Most of a described lookup's cost was trying each of thousands of messages.
 */
function candidateMessages(index: ResolverIndex, parts: string[]): ResolverIndex['messages'] {
  const words = messageWords(index);
  let rarest: ResolverIndex['messages'] | undefined;
  for (const part of parts) {
    const inner = part.split(WORD_BREAK).slice(1, -1);
    for (const word of inner) {
      if (word === '') continue;
      const holders = words.get(word) ?? [];
      if (!rarest || holders.length < rarest.length) rarest = holders;
    }
  }
  return rarest ?? index.messages;
}

function holdsInOrder(text: string, parts: string[]): boolean {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
