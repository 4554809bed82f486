import type { LoadedEntry, Match } from './findings.js';
import { type Hit, sameTextOnLine, type TemplateHit } from './hits.js';
import type { ProviderContext } from './provider-context.js';
import {
  type AttributionOptions,
  entryMatch,
  GENERIC_DISTANCE,
  OWN_CODE_DISTANCE,
  ordinaryWord,
  ownCodeNear,
  readsStandardCode,
} from './readings.js';
import type { ResolverIndex } from './resolver-index.js';
import { genericOwnCode } from './same-error.js';

/**
 * How a documented message found in a text is read (attribute.ts): how sure its length and the clues
 * around it make it, and when it is not an error of its own (the heading or description of another code,
 * or a copy of a sentence that another provider's copy beside it claims).
 */

/**
 * How far (in lines of text) a short message's provider clue may be for the message to be that provider's:
 * the more words the message has, the less ordinary it is, and the farther its clue may stand. "Authentication
 * failure" needs Salesforce on the next line; Vault's `claim "aud" is invalid` is read under its CLI's "Error
 * making API request" heading three lines up. A message that names a protocol parameter or field (`Invalid
 * parameter: redirect_uri`, `Missing client_id`) is less ordinary than plain words of its length: an error
 * page's heading above it counts. Never farther than a generic code's clue.
 */
const SHORT_NAMED_FIELD_DISTANCE = 2;

function shortMessageReach(template: { words: string[] }): number {
  const byWords = Math.min(GENERIC_DISTANCE, Math.max(0, template.words.length - 1));
  return template.words.some((word) => word.includes('_')) ? Math.max(SHORT_NAMED_FIELD_DISTANCE, byWords) : byWords;
}

/** How near a provider's name (not a host or word of its own) must be to a long message of that provider. */
const NAMED_MESSAGE_DISTANCE = 2;
/** Shorter documented messages ("Authentication failed") are too ordinary to trust without context. */
const SHORT_MESSAGE = 25;
/** Nor are messages of a few words, however long the words: "Invalid username or password.", "Assertion failed signature validation." */
const SHORT_MESSAGE_WORDS = 6;

/**
 * How much less a short message weighs than a long one when they compete with hints, in lines: a host or word
 * of another provider on the line next to it outweighs it ("POST https://api.box.com/oauth2/token" above
 * {"error":"invalid_grant","error_description":"Invalid refresh token"}, which Keycloak also answers).
 */
export const SHORT_MESSAGE_HANDICAP = 1.5;

/** A message long enough to name its error: a short one ("Authentication failed") is what many systems say. */
export function longMessage(template: { literalLength: number; words: string[] }): boolean {
  return template.literalLength >= SHORT_MESSAGE && template.words.length >= SHORT_MESSAGE_WORDS;
}

/** A code that is not one token (Okta's `idx.session.expired`), found as a pattern: as exact as any code. */
function dottedCodeMatch(index: ResolverIndex, entry: LoadedEntry, line: number, options: AttributionOptions): Match {
  const trusted =
    !entry.requires_context || options.typed || options.hinted.near(entry.provider, line, GENERIC_DISTANCE);
  return entryMatch(index, entry, trusted ? 'exact' : 'weak', 'code', 1, []);
}

/**
 * Whether another provider that reads the entry's code has a hint nearer the line than a short message weighs
 * (SHORT_MESSAGE_HANDICAP), and nearer than any hint of the entry's own provider.
 */
function otherReadingNear(index: ResolverIndex, entry: LoadedEntry, line: number, hinted: ProviderContext): boolean {
  const own = hinted.distance(entry.provider, line);
  // Its name on the very line counts too, where nothing of the message's own provider is: "LinkedIn::OAuthError:
  // invalid_request: missing required parameters, ..." is LinkedIn's answer, not oidc-provider's short sentence.
  const nearer = (provider: string) => {
    const distance = hinted.distance(provider, line);
    return (
      (distance < SHORT_MESSAGE_HANDICAP && distance < own) || (own > 0 && hinted.nameDistance(provider, line) === 0)
    );
  };
  const readers = index.codes.get(entry.code.toLowerCase()) ?? [];
  if (readers.some((other) => other.provider !== entry.provider && other.requires_context && nearer(other.provider)))
    return true;
  // A standard code is every hosted service's to return, also one with no reading of its own in the catalogs:
  // Zoom's token endpoint answering unsupported_grant_type is Zoom's standard answer, not Spring's short sentence.
  // Its host, not a word: a library's class or frame (openid-client's OPError) carries another server's answer.
  if (!readers.some((other) => other.provider === 'oauth2')) return false;
  const ownOrStandard = (provider: string) => provider === entry.provider || provider === 'oauth2';
  return hinted.hostWithin(line, Math.min(SHORT_MESSAGE_HANDICAP, own), ownOrStandard);
}

/**
 * Whether its own code stands near any of the lines a message is on: a traceback repeats the message where the
 * exception is raised (`raise DecodeError('Not enough segments')` at its end, the message alone at its top).
 */
function ownCodeNearAny(codesOnLine: Map<number, Set<string>>, lines: number[], code: string): boolean {
  return lines.some((line) => ownCodeNear(codesOnLine, line, code));
}

/** Line → keys of the entries one of whose one-word aliases (Meta's 190, 463) is on it. */
export function aliasLines(hits: Hit[]): Map<number, Set<string>> {
  const lines = new Map<number, Set<string>>();
  for (const hit of hits) {
    if (hit.kind !== 'alias') continue;
    const keys = lines.get(hit.line) ?? new Set();
    for (const entry of hit.entries) keys.add(entry.key);
    lines.set(hit.line, keys);
  }
  return lines;
}

/** Line → keys of the entries one of whose documented messages is on it (not a dotted code or multi-word alias). */
export function messageLines(hits: Hit[]): Map<number, Set<string>> {
  const lines = new Map<number, Set<string>>();
  for (const hit of hits) {
    if (hit.kind !== 'template' || hit.template.method !== 'template') continue;
    const keys = lines.get(hit.line) ?? new Set();
    lines.set(hit.line, keys.add(hit.template.entry.key));
  }
  return lines;
}

/** Whether another of the entry's messages stands on a line next to `line` (within a response's lines), not on it. */
/** A wrapper's name right before a message on its line: `TokenError: `, `RefreshError('`, `OPError: "`. */
const WRAPPER_BEFORE = /([A-Za-z][\w.$]*)\s*(?::\s*|\(\s*)["'`]?$/;

/** What ends the text right before a carried message: the wrapper's colon or parenthesis, a quote, a space. */
const AFTER_NAME = /[:(]\s*["'`]?$|[:(]["'`]?\s*$/;

/** Words a carried message needs to be read as the carried error's: "Bad Request" after a wrapper is HTTP's. */
const CARRIED_WORDS = 3;

function carriedByWrapper(index: ResolverIndex, hit: Hit & { kind: 'template' }, hinted: ProviderContext): boolean {
  if (hit.template.words.length < CARRIED_WORDS || !AFTER_NAME.test(hit.text.slice(Math.max(0, hit.at - 3), hit.at)))
    return false;
  const name = WRAPPER_BEFORE.exec(hit.text.slice(Math.max(0, hit.at - 80), hit.at))?.[1];
  if (!name) return false;
  const entries = index.codes.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
  if (entries === undefined || entries.length === 0 || !entries.every((entry) => entry.wraps)) return false;
  // A wrapper's name that needs its library's context is other libraries' class name too (supabase-js throws an
  // AuthApiError as okta-auth-js does): it vouches only where one of its libraries is hinted.
  return entries.some((entry) => !entry.requires_context || hinted.near(entry.provider, hit.line, GENERIC_DISTANCE));
}

function otherMessageNear(messagesOnLine: Map<number, Set<string>>, line: number, key: string): boolean {
  for (let at = line - OWN_CODE_DISTANCE; at <= line + OWN_CODE_DISTANCE; at += 1) {
    if (at !== line && messagesOnLine.get(at)?.has(key)) return true;
  }
  return false;
}

/** Whether a code of `provider`'s (not a standard code nor an ordinary word) stands within OWN_CODE_DISTANCE lines of `line`. */
function ownProviderCodeNear(
  index: ResolverIndex,
  codesOnLine: Map<number, Set<string>>,
  line: number,
  provider: string,
): boolean {
  for (let at = line - OWN_CODE_DISTANCE; at <= line + OWN_CODE_DISTANCE; at += 1) {
    for (const code of codesOnLine.get(at) ?? []) {
      const entries = index.codes.get(code) ?? [];
      // Not an ordinary word its provider uses as a code (Auth0's `unauthorized`): HTTP and people write those too.
      const own = entries.some((entry) => entry.provider === provider && !ordinaryWord(entry.code));
      if (own && !entries.some((entry) => entry.provider === 'oauth2')) return true;
    }
  }
  return false;
}

/** A documented message, dotted code or multi-word alias found in the text, as sure as its length and context make it. */
/** What stands on the text's lines besides a message, for templateMatch to weigh (attribute.ts builds it once per text). */
export interface LineClues {
  codes: Map<number, Set<string>>;
  aliases: Map<number, Set<string>>;
  messages: Map<number, Set<string>>;
  /** Other hits of the same message text on the hit's line (another provider's copy of the sentence). */
  copiesOf: (hit: TemplateHit) => TemplateHit[];
  /** Every message hit on a line. */
  onLine: (line: number) => TemplateHit[];
}

/**
 * Whether another provider's long message for the same code stands on the short message's line: the long one says
 * whose answer the line is, the short one is words inside it (oidc-provider's "missing required parameters" in
 * LinkedIn's "invalid_request -- missing required parameters, ... : Unable to retrieve access token : appId or
 * redirect uri does not match ...").
 */
function longerReadingOnLine(hit: TemplateHit, clues: LineClues): boolean {
  const { entry } = hit.template;
  const code = entry.code.toLowerCase();
  return clues
    .onLine(hit.line)
    .some(
      (other) =>
        other.template.entry.provider !== entry.provider &&
        other.template.entry.code.toLowerCase() === code &&
        longMessage(other.template),
    );
}

/**
 * Characters of literal text from which a provider's sentence for a standard code, documented by no other entry,
 * is its own without a clue: below it sit the sentences many servers word alike (the spec's, "The refresh token is
 * invalid or expired."). At 80 the held-out pastes gained two errors and lost none; with no floor, 13 of the
 * tests' sentences left unclaimed on purpose (Doorkeeper's in a Mastodon log, DRF's 403) were claimed.
 */
const OWN_SENTENCE_LENGTH = 80;

/**
 * The line a message stands for when it is an item of a list under a heading that ends with a colon (Vault's
 * "Code: 403. Errors:" over "* permission denied"): the heading's, which says what the items are errors of. The
 * message's own line otherwise.
 */
function listHeading(hit: Hit & { kind: 'template' }, lineAt: AttributionOptions['lineAt']): number {
  if (!lineAt || !LIST_ITEM.test(hit.text)) return hit.line;
  for (let line = hit.line - 1; line >= Math.max(1, hit.line - LIST_ITEMS_READ); line -= 1) {
    const text = lineAt(line);
    if (text === undefined) return hit.line;
    if (LIST_HEADING.test(text)) return line;
    if (!LIST_ITEM.test(text)) return hit.line;
  }
  return hit.line;
}

/** A list item: a bullet after the frame a tool may draw down the left (`| * permission denied`). */
const LIST_ITEM = /^[\s|>]*[*\-\u2022]\s+\S/;
/** A line that opens a list: it ends with a colon. */
const LIST_HEADING = /:\s*$/;
/** How many items up a list's heading is looked for. */
const LIST_ITEMS_READ = 10;

/**
 * Whether a short message was found in the middle of another sentence: its provider prints it with a capital
 * ("Not found: {resource}"), and here it is in lower case after a word ("Module not found: Error: Can't
 * resolve ..." of webpack). A clue to its provider on the line (a package path) then says nothing of it.
 * Read so in a scan only: people type a question in lower case ("why does netsuite say invalid login attempt").
 */
function insideSentence(hit: Hit & { kind: 'template' }): boolean {
  if (!hit.template.capitalized) return false;
  const first = hit.text.charCodeAt(hit.at);
  // A lower-case ASCII letter (a capital or anything else is the message's own start).
  if (first < 97 || first > 122) return false;
  return WORD_BEFORE.test(hit.text.slice(Math.max(0, hit.at - WORD_BEFORE_READ), hit.at));
}

/** A word of letters and the spaces after it, right before a message. */
const WORD_BEFORE = /[A-Za-z]\s+$/;
const WORD_BEFORE_READ = 20;

export function templateMatch(
  index: ResolverIndex,
  hit: Hit & { kind: 'template' },
  options: AttributionOptions,
  clues: LineClues,
): Match {
  const { codes: codesOnLine, aliases: aliasesOnLine, messages: messagesOnLine } = clues;
  const { entry, literalLength, method, identifier, sameMessage } = hit.template;
  if (method === 'code') return dottedCodeMatch(index, entry, hit.line, options);
  const long = longMessage(hit.template);
  // Another provider's copy of the sentence under the same code beside it: the code says the message is that
  // error, not whose copy it is ("Invalid scope: read" after invalid_scope is Duende's and Slack's alike).
  const code = entry.code.toLowerCase();
  const contested =
    hit.template.copied &&
    clues
      .copiesOf(hit)
      .some(
        (copy) => copy.template.entry.provider !== entry.provider && copy.template.entry.code.toLowerCase() === code,
      );
  const trusted =
    // Typed into a lookup, a message is meant when it is the whole query or a long one; a short one
    // inside a longer query ("fatal: Authentication failed for ...") is as ordinary as in a log.
    (options.lookup && (long || hit.whole)) ||
    // A long message names its error, unless the entry is a provider's reading of a standard code: Okta's
    // invalid_grant says "The authorization code is invalid or has expired." as other servers do. A sentence of
    // OWN_SENTENCE_LENGTH or more that no other entry documents is the provider's own even so (Stripe's "This
    // authorization code has already been used. All tokens issued with this code have been revoked."). A code of
    // the provider's own that needs context as a bare word (Meta's OAuthException) does not need it beside
    // a long message of its own ("Error validating access token: Session has expired on ...").
    (long && (!readsStandardCode(index, entry) || (!hit.template.copied && literalLength >= OWN_SENTENCE_LENGTH))) ||
    // A dotted name is as distinctive as a code, whatever its length.
    identifier ||
    (long
      ? options.hinted.near(entry.provider, hit.line, GENERIC_DISTANCE) ||
        // The provider's name in the lines of its long message: weaker than a host, so only this near.
        options.hinted.nameDistance(entry.provider, hit.line) <= NAMED_MESSAGE_DISTANCE
      : (options.lookup || !insideSentence(hit)) &&
        options.hinted.near(entry.provider, listHeading(hit, options.lineAt), shortMessageReach(hit.template), true)) ||
    // Its own code beside it vouches for a short message: Salesforce's invalid_grant with "authentication failure",
    // on one line or, in a pretty-printed body, on the lines next to it ("error": ... above "error_description": ...).
    (!contested &&
      ownCodeNearAny(codesOnLine, [hit.line, ...(options.repeats?.get(hit) ?? [])], code) &&
      // ...unless the code is another provider's there: its host or word on the line or the lines around it
      // outweighs a short message (see SHORT_MESSAGE_HANDICAP), which is then only words in that provider's text.
      (long || (!otherReadingNear(index, entry, hit.line, options.hinted) && !longerReadingOnLine(hit, clues)))) ||
    // So does the number or other name its provider also gives the error (Meta's 190 before "Error validating
    // access token: ..."), which alone is too ordinary to be a finding.
    ownCodeNear(aliasesOnLine, hit.line, entry.key) ||
    // Two of its own messages on lines next to each other vouch for each other, however ordinary each is: an
    // error page's heading above its sentence (Auth0's "Callback URL mismatch." over "The provided redirect_uri
    // is not in the list of allowed callback URLs."), which no other error prints together.
    (method === 'template' && otherMessageNear(messagesOnLine, hit.line, entry.key)) ||
    // A code of its provider that is no standard code, next to a message several libraries print, says whose it
    // is: "Type: UnexpectedValueException" above "Message: Signature verification failed" is php-jwt's.
    (hit.template.copied && ownProviderCodeNear(index, codesOnLine, hit.line, entry.provider)) ||
    // A library's wrapper names what follows it as the server's description ("TokenError: Invalid "code" in
    // request." from passport-oauth2 around Discord's invalid_grant): a message of one provider there is as
    // sure as beside its own code. Not one several providers print.
    (!hit.template.copied && carriedByWrapper(index, hit, options.hinted));
  const score = Math.min(0.95, 0.8 + literalLength / 1000);
  return entryMatch(index, entry, trusted ? 'strong' : 'weak', method, score, sameMessage);
}

/**
 * Whether a short message stands within its reach of another code of its own provider: then it is that
 * error's heading or description, not an error of its own (Google's "Access blocked: Authorization Error"
 * above "Error 403: restricted_client" on one error page).
 */
export function headsOwnProvidersCode(
  index: ResolverIndex,
  template: TemplateHit['template'],
  line: number,
  namingCodes: Map<number, Set<string>>,
): boolean {
  if (longMessage(template)) return false;
  const reach = shortMessageReach(template);
  const own = template.entry.code.toLowerCase();
  for (let at = line - reach; at <= line + reach; at += 1) {
    for (const code of namingCodes.get(at) ?? []) {
      if (code === own) continue;
      const entries = index.codes.get(code);
      const provider = template.entry.provider;
      if (entries?.some((entry) => entry.provider === provider) && !genericOwnCode(entries, provider)) return true;
    }
  }
  return false;
}

/**
 * Several providers' copies of one sentence under one standard code, where nothing near says whose copy it is
 * ("client authentication failed" is league/oauth2-server's, node-oidc-provider's, Amazon's, eBay's and PayPal's
 * invalid_client alike): the standard entry of that code, with the copies as its alternatives, as a standard code
 * itself is read where no provider that reads it is hinted (code-readings.ts). Undefined where a copy's provider
 * is hinted or named near (yieldsToOtherCopy keeps that one), or the copies are of different codes. `first`: whether
 * the hit is the first copy on its line, which stands for them all (the others are then dropped).
 */
export function standardOfCopies(
  index: ResolverIndex,
  hit: TemplateHit,
  byLine: () => Map<number, TemplateHit[]>,
  hinted: ProviderContext,
): { standard: LoadedEntry; copies: LoadedEntry[]; first: boolean } | undefined {
  if (!hit.template.copied || !readsStandardCode(index, hit.template.entry)) return undefined;
  const copies = sameTextOnLine(hit, byLine());
  const code = hit.template.entry.code.toLowerCase();
  const all = [hit, ...copies];
  if (
    copies.length === 0 ||
    all.some(
      (copy) =>
        copy.template.entry.code.toLowerCase() !== code ||
        !copy.template.entry.requires_context ||
        hinted.near(copy.template.entry.provider, copy.line, GENERIC_DISTANCE) ||
        hinted.nameDistance(copy.template.entry.provider, copy.line) <= NAMED_MESSAGE_DISTANCE,
    )
  )
    return undefined;
  const standard = index.codes.get(code)?.find((entry) => entry.provider === 'oauth2' && !entry.requires_context);
  if (!standard) return undefined;
  const first = (byLine().get(hit.line) ?? []).find((other) => other.template.key === hit.template.key) === hit;
  return { standard, copies: all.map((copy) => copy.template.entry), first };
}

/**
 * The spec's sentence that a provider also documents as its own message (Okta's access_denied says "The
 * resource owner or authorization server denied the request."): the provider's where that provider is
 * hinted, the standard's elsewhere; never both, as two errors.
 */
export function yieldsToOtherCopy(
  hit: TemplateHit,
  byLine: () => Map<number, TemplateHit[]>,
  hinted: ProviderContext,
): boolean {
  if (!hit.template.copied) return false;
  const copies = sameTextOnLine(hit, byLine());
  if (copies.length === 0) return false;
  const standard = (copy: TemplateHit) =>
    copy.template.entry.provider === 'oauth2' && !copy.template.entry.requires_context;
  // A provider's name vouches for its long message as a hint does (templateMatch): "GitLab login failed:" above
  // Doorkeeper's invalid_grant sentence is GitLab's, not the standard's as well.
  const hintedCopy = (copy: TemplateHit) =>
    copy.template.entry.requires_context &&
    (hinted.near(copy.template.entry.provider, copy.line, GENERIC_DISTANCE) ||
      (longMessage(copy.template) &&
        hinted.nameDistance(copy.template.entry.provider, copy.line) <= NAMED_MESSAGE_DISTANCE));
  if (standard(hit)) return copies.some(hintedCopy);
  // A provider's copy: kept where its provider is hinted, or where no standard copy and no hinted provider's
  // copy stands beside it (Auth0's and Zoom's "Invalid authorization code" under a zoom.us request).
  return !hintedCopy(hit) && copies.some((copy) => standard(copy) || hintedCopy(copy));
}
