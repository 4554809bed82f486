import type { DescriptionReader } from './described.js';
import type { Confidence, LoadedEntry, LoadedProvider, Match, Method } from './findings.js';
import type { Repeats } from './hits.js';
import type { ProviderContext } from './provider-context.js';
import type { ResolverIndex } from './resolver-index.js';

/**
 * What every reading of a hit shares (attribute.ts turns hits into findings; code-readings.ts reads codes
 * and aliases, message-readings.ts documented messages): the options of a reading, how sure a match is,
 * which tokens are distinctive, and how an entry becomes a match.
 */

/**
 * `typed`: the text is a short query a person typed into /oauth-error or `lookup`, so a bare name or
 * number is meant as an error code. In pasted logs, and in long queries that are pastes, the same token
 * needs the provider's context to be trusted. `lookup`: any query, short or long; a documented message
 * in it is what the person asks about, however short the message.
 */
export interface AttributionOptions {
  typed: boolean;
  lookup: boolean;
  /** Providers the text points at. */
  hinted: ProviderContext;
  /** Later lines of each hit's token or message (collectHits): they count as occurrences of its error. */
  repeats?: Repeats;
  /** The text's line at a 1-based number, and what reads a reworded or cut description (described.ts). */
  lineAt?: (line: number) => string | undefined;
  describe?: DescriptionReader;
}

export const CONFIDENCE_RANK: Record<Confidence, number> = { exact: 3, strong: 2, weak: 1 };

/** Capitalised parts of a name: Authentication|Failed, Missing|Token|Passport|Required|Fields. */
const NAME_PARTS = /[A-Z][a-z]+|[A-Z]+(?![a-z])/g;

/**
 * Codes with digits or underscores (AADSTS50011, invalid_grant) are unlikely to be ordinary words; so are
 * long names of three parts or more (MissingTokenPassportRequiredFields). A two-part name is not, however
 * long: IMAP servers and Azure Storage answer `AuthenticationFailed` too, which Entra names AADSTS50012.
 */
export function distinctive(token: string): boolean {
  return /\d|_/.test(token) || (token.length >= 20 && (token.match(NAME_PARTS)?.length ?? 0) >= 3);
}

/**
 * Whether a token is a code as its provider writes it. Also with only its first letter capitalized when the
 * code is lower-case words joined by underscores: that is how a sentence or a quote starts ("Consent_required
 * error", "Invalid_request Error in our own server"), not another system's name for something else (those
 * differ all through: Keycloak's LOGIN_ERROR, an ordinary word's `Unauthorized`).
 */
export function writtenAsProvider(token: string, code: string): boolean {
  if (token === code) return true;
  return SNAKE_WORDS.test(code) && token.charAt(0) === code.charAt(0).toUpperCase() && token.slice(1) === code.slice(1);
}

/** Lower-case words joined by underscores: invalid_request, consent_required. */
const SNAKE_WORDS = /^[a-z]+(?:_[a-z]+)+$/;

/** A code of one word of letters, no inner capital: `unauthorized`, `Configuration`, not `AccessDenied` or `invalid_grant`. */
export function ordinaryWord(token: string): boolean {
  return /^[A-Za-z][a-z]+$/.test(token);
}

/**
 * How close (in lines) a provider's hint must be for a generic code (`invalid_grant`) or a short, generic
 * message to be that provider's: in a long log, an Okta line 200 lines up says nothing about this one.
 */
export const GENERIC_DISTANCE = 5;

/**
 * A standard code: the standards give it a meaning of their own (oauth2, needing no context), and
 * providers their readings of it (invalid_grant in Okta, Xero, Zoom...). Only among those readings does a
 * provider's name in the text choose.
 */
export function isStandard(entries: LoadedEntry[]): boolean {
  let standard = STANDARD.get(entries);
  if (standard === undefined) {
    standard =
      entries.some((entry) => entry.provider === 'oauth2' && !entry.requires_context) &&
      entries.some((entry) => entry.requires_context);
    STANDARD.set(entries, standard);
  }
  return standard;
}

/** Whether an entry is a provider's reading of a standard code (Okta's invalid_grant), which needs a clue. */
export function readsStandardCode(index: ResolverIndex, entry: LoadedEntry): boolean {
  return entry.requires_context && isStandard(index.codes.get(entry.code.toLowerCase()) ?? []);
}

/** The index's entry lists are shared by every hit of their code: each is measured once. */
const STANDARD = new WeakMap<LoadedEntry[], boolean>();

/** Another entry the same text could mean, for the user to pick. */
export function alternativeOf(entry: LoadedEntry): Match['alternatives'][number] {
  return { provider: entry.provider, key: entry.key, ...(entry.context ? { context: entry.context.label } : {}) };
}

/** A bare number only names an error where the text says it is one: `"error_codes":[50011]`, "Error code: 50011". */
export const ERROR_CODE_BEFORE = /(?:error[\s_-]*codes?|aadsts)["'\s:=[]*(?:\d+\s*,\s*)*$/i;

/**
 * A number a question titles as an error: "Facebook Error: Error 102: Session has expired", "Twitter error #32".
 * Only in a lookup, and not after a log's level (`ERROR 16000 ...`, where the number is a count or a time).
 */
const ERROR_TITLED_BEFORE = /(?:^|[^A-Za-z])[Ee]rror\s*#?\s*$/;

/** Whether the text before a number calls it an error code: always so in a log, also as a title in a lookup. */
export function calledErrorCode(before: string, lookup: boolean | undefined): boolean {
  return ERROR_CODE_BEFORE.test(before) || (lookup === true && ERROR_TITLED_BEFORE.test(before));
}

export function entryMatch(
  index: ResolverIndex,
  entry: LoadedEntry,
  confidence: Confidence,
  method: Method,
  score: number,
  others: LoadedEntry[],
): Match {
  const provider = index.providers.get(entry.provider) as LoadedProvider;
  return {
    provider: entry.provider,
    code: entry.code,
    title: entry.title,
    confidence,
    method,
    score: confidence === 'weak' ? Math.min(score, 0.79) * 0.8 : score,
    entry,
    links: entry.links,
    notices: provider.notices,
    alternatives: others.filter((other) => other !== entry).map(alternativeOf),
  };
}

export function unknownCodeMatch(provider: LoadedProvider, rawToken: string): Match {
  // Provider code shapes are upper-case (AADSTS, AADB2C, E0); show the code as the provider spells it.
  const token = rawToken.toUpperCase();
  const number = token.replace(/^\D+/, '');
  const fill = (text: string) => text.replaceAll('{code}', token).replaceAll('{number}', number);
  const links = provider.unknown_code_link
    ? [{ title: fill(provider.unknown_code_link.title), url: fill(provider.unknown_code_link.url) }]
    : provider.homepage
      ? [{ title: `${provider.name} documentation`, url: provider.homepage }]
      : [];
  return {
    provider: provider.id,
    code: token,
    title: `${token} is not in our ${provider.name} catalog`,
    confidence: 'exact',
    method: 'code',
    score: 0.9,
    entry: undefined,
    links,
    notices: provider.notices,
    alternatives: [],
  };
}

/** How many lines apart a message and its own code may be and still be one error response. */
export const OWN_CODE_DISTANCE = 2;

export function ownCodeNear(codesOnLine: Map<number, Set<string>>, line: number, code: string): boolean {
  for (let at = line - OWN_CODE_DISTANCE; at <= line + OWN_CODE_DISTANCE; at += 1) {
    if (codesOnLine.get(at)?.has(code)) return true;
  }
  return false;
}
