import type { DescriptionReader } from './described.js';
import type { Confidence, Finding, LoadedEntry, LoadedProvider, Match, Method } from './findings.js';
import { excerptOf, type Hit, type Repeats, sameTextOnLine, type TemplateHit, templateHitsByLine } from './hits.js';
import { MessageLines } from './message-lines.js';
import { NAME_DISTANCE, type ProviderContext } from './provider-context.js';
import type { ResolverIndex } from './resolver-index.js';
import { codeLines, describesOtherCode, specificCodeLines, wrapsSpecificCode } from './same-error.js';

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
function distinctive(token: string): boolean {
  return /\d|_/.test(token) || (token.length >= 20 && (token.match(NAME_PARTS)?.length ?? 0) >= 3);
}

/** A code of one word of letters, no inner capital: `unauthorized`, `Configuration`, not `AccessDenied` or `invalid_grant`. */
function ordinaryWord(token: string): boolean {
  return /^[A-Za-z][a-z]+$/.test(token);
}

/**
 * How close (in lines) a provider's hint must be for a generic code (`invalid_grant`) or a short, generic
 * message to be that provider's: in a long log, an Okta line 200 lines up says nothing about this one.
 */
const GENERIC_DISTANCE = 5;
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

/** A provider's name on the code's line weighs this much, less per line away; a hint weighs 100 less per line. */
const NAME_WEIGHT = 40;
const NAME_DECAY = 4;

/**
 * Whether a provider's name near a code says whose it is: a standard code (the name picks among its
 * readings), or a name of joined words that only providers' readings carry, each needing context (Slack's
 * and Dropbox's missing_scope, Slack's invalid_auth). Not a number or a plain word such as AccessDenied:
 * other systems write those too (S3's AccessDenied in a log that says "aws" on every line).
 */
export function namedCode(entries: LoadedEntry[], token: string): boolean {
  return (
    isStandard(entries) || (entries.every((entry) => entry.requires_context) && !/\d/.test(token) && distinctive(token))
  );
}

/** The provider named nearest such a code (namedCode), when one is nearer than every other (ties say nothing). */
function namedProvider(
  entries: LoadedEntry[],
  hinted: ProviderContext,
  line: number,
  token: string,
): string | undefined {
  if (hinted.names.size === 0 || !namedCode(entries, token)) return undefined;
  let best: string | undefined;
  let bestDistance = NAME_DISTANCE + 1;
  let tied = false;
  for (const provider of new Set(entries.filter((entry) => entry.requires_context).map((entry) => entry.provider))) {
    const distance = hinted.nameDistance(provider, line);
    if (distance < bestDistance) {
      best = provider;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) tied = true;
  }
  if (tied || best === undefined) return undefined;
  // A host or word of another provider as near says whose the code is ("Failed to generate Google Cloud
  // federated token: invalid_request" is Google Cloud's, though "Google" names Google's sign-in too).
  // The standard's own words (error_description) say the text is OAuth, not whose.
  const standard = new Set(entries.filter((entry) => !entry.requires_context).map((entry) => entry.provider));
  for (const provider of hinted.lines.keys()) {
    if (provider !== best && !standard.has(provider) && hinted.distance(provider, line) <= bestDistance)
      return undefined;
  }
  return best;
}

/** Half a line: how much less a short message weighs than a long one when they compete with hints. */
const SHORT_MESSAGE_HANDICAP = 0.5;

/** A message long enough to name its error: a short one ("Authentication failed") is what many systems say. */
export function longMessage(template: { literalLength: number; words: string[] }): boolean {
  return template.literalLength >= SHORT_MESSAGE && template.words.length >= SHORT_MESSAGE_WORDS;
}

function pickEntry(
  entries: LoadedEntry[],
  hinted: ProviderContext,
  line: number,
  templates: MessageLines,
  token = '',
): LoadedEntry {
  // A documented message next to the code names its entry (Salesforce's invalid_grant with "expired
  // access/refresh token"); the same message far down a log says nothing about this line.
  const distanceOf = (entry: LoadedEntry) => templates.distance(entry, line);
  const hintDistance = (entry: LoadedEntry) =>
    entry.requires_context && hinted.near(entry.provider, line, GENERIC_DISTANCE)
      ? hinted.distance(entry.provider, line)
      : Number.POSITIVE_INFINITY;
  // Between messages as near, a hinted provider's (Okta documents the spec's own sentence for access_denied).
  const byTemplate = entries
    .filter((entry) => distanceOf(entry) <= GENERIC_DISTANCE)
    .sort((a, b) => distanceOf(a) - distanceOf(b) || Math.min(hintDistance(a), 99) - Math.min(hintDistance(b), 99))[0];
  // ...unless another provider's hint is closer still (an AADSTS code on the code's own line).
  if (byTemplate) {
    const others = entries.filter((entry) => entry.provider !== byTemplate.provider);
    if (distanceOf(byTemplate) <= Math.min(...others.map(hintDistance))) return byTemplate;
  }
  // Two providers equally close (an Entra and an Okta code on one line): the standard meaning, not a guess.
  const claimants = new Set(
    entries
      .filter((entry) => entry.requires_context && hinted.near(entry.provider, line, 0, true))
      .map((entry) => entry.provider),
  );
  const standard = entries.find((entry) => !entry.requires_context);
  if (claimants.size > 1 && standard) return standard;
  const named = namedProvider(entries, hinted, line, token);
  const nameScore = (entry: LoadedEntry) =>
    entry.requires_context && entry.provider === named
      ? NAME_WEIGHT - NAME_DECAY * hinted.nameDistance(entry.provider, line)
      : 0;
  const score = (entry: LoadedEntry) =>
    // A provider's name near a standard code (`Xero ... invalid_grant`) is weaker than any hint.
    nameScore(entry) +
    // Only entries that need context gain from it, the nearest hint most: in a paste with an Entra
    // response on line 2 and a Keycloak line further down, the invalid_grant on line 2 is Entra's.
    (Number.isFinite(hintDistance(entry)) ? 100 - Math.min(hintDistance(entry), 50) : 0) +
    (entry.requires_context ? 0 : 10) +
    (entry.provider === 'oauth2' ? 5 : 0) +
    // Between meanings otherwise alike, the one whose provider spells the code as written (HubSpot's
    // BAD_REFRESH_TOKEN, GitHub's bad_refresh_token).
    (entry.code === token ? 2 : 0) +
    (hinted.has(entry.provider) ? 1 : 0) +
    // Last, between providers equally near (NetSuite's two catalogs share hosts): the one the text names more often.
    Math.min(hinted.counts.get(entry.provider) ?? 0, 99) / 100;
  // A documented message of the provider near the code, even one too ordinary to be a finding of its own
  // (NetSuite SOAP's "Invalid login attempt" above an InvalidSignature), says which of two catalogs it is.
  // It only breaks near ties, so it is looked up only for the entries it could lift to the top (a standard
  // code has dozens of readings, and a scan asks for each of its occurrences).
  const scores = entries.map(score);
  const top = Math.max(...scores);
  let best = entries[0] as LoadedEntry;
  let bestScore = Number.NEGATIVE_INFINITY;
  entries.forEach((entry, i) => {
    let value = scores[i] as number;
    if (value + OWN_MESSAGE_WEIGHT >= top && templates.providerWithin(entry.provider, line, GENERIC_DISTANCE)) {
      value += OWN_MESSAGE_WEIGHT;
    }
    if (value > bestScore) {
      best = entry;
      bestScore = value;
    }
  });
  return best;
}

/** What a documented message of the provider near a code adds to that provider's reading of it (see pickEntry). */
const OWN_MESSAGE_WEIGHT = 0.5;

/** Another entry the same text could mean, for the user to pick. */
export function alternativeOf(entry: LoadedEntry): Match['alternatives'][number] {
  return { provider: entry.provider, key: entry.key, ...(entry.context ? { context: entry.context.label } : {}) };
}

/** A field whose value is an error code or event type: `"type": "fp"`, `error=invalid_grant`, `code: f`. */
const FIELD_BEFORE = /\b(?:type|code|error|event|error_?code)["']?\s*[:=]\s*["']?$/i;
/** Short lower-case codes (Auth0's log event types `f`, `fp`, `fcpro`) are also flags, words and variable names. */
const BARE_WORD = /^[a-z]{1,7}$/;

/** What stands before a query parameter's name in a URL. */
const QUERY_PARAMETER_BEFORE = /[?&]$/;

/** A bare number only names an error where the text says it is one: `"error_codes":[50011]`, "Error code: 50011". */
const ERROR_CODE_BEFORE = /(?:error[\s_-]*codes?|aadsts)["'\s:=[]*(?:\d+\s*,\s*)*$/i;

function entryMatch(
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

function codeOrAliasMatch(
  index: ResolverIndex,
  hit: Hit & { kind: 'code' | 'alias' },
  options: AttributionOptions,
  templates: MessageLines,
): Match | undefined {
  // A query parameter's name (`?authError=Q2xp...` on Google's own error page) is no error, whatever it spells.
  if (QUERY_PARAMETER_BEFORE.test(hit.before) && hit.text.charAt(hit.at + hit.token.length) === '=') return undefined;
  const described = describedReading(hit, options, templates);
  const entry = described ?? pickEntry(hit.entries, options.hinted, hit.line, templates, hit.token);
  const near =
    described !== undefined ||
    options.hinted.near(entry.provider, hit.line, GENERIC_DISTANCE) ||
    (entry.requires_context && namedProvider(hit.entries, options.hinted, hit.line, hit.token) === entry.provider);
  const hinted = options.hinted.has(entry.provider);
  if (hit.kind === 'code') {
    // A numeric code (Salesforce's 1701) in a log is just a number unless the provider is right there.
    if (/^\d+$/.test(hit.token) && !options.typed && !near) return undefined;
    if (!options.typed) {
      // Pasted text writes a code as its provider does. A name in other letter case (Keycloak's event type
      // LOGIN_ERROR, Salesforce's login_error) far from that provider is some other system's word.
      const exactCase = hit.entries.some((candidate) => candidate.code === hit.token);
      if (!exactCase && !/\d/.test(hit.token) && !near) return undefined;
      // A short bare word counts only as a field's value, and only near its provider: `rm -f` and `fd 3`
      // beside an Auth0 URL are not Auth0 log events, `"type": "fp"` is.
      if (entry.requires_context && BARE_WORD.test(hit.token) && !(near && FIELD_BEFORE.test(hit.before)))
        return undefined;
    }
    // An ordinary word in pasted text is a code only as the provider writes it: "401 Unauthorized" is
    // HTTP's reason phrase, not Auth0's `unauthorized`, even in a log full of Auth0 hosts.
    if (!options.typed && !distinctive(hit.token) && !hit.entries.some((candidate) => candidate.code === hit.token))
      return entryMatch(index, entry, 'weak', 'code', 0.9, hit.entries);
    // In pasted text a generic code with the provider's context is `strong`; typed with --provider it is the code itself.
    if (entry.requires_context && near && !options.typed)
      return entryMatch(index, entry, 'strong', 'code', 0.9, hit.entries);
    // A code that is an ordinary English word (Auth0's `unauthorized`, Auth.js's `Configuration`) is what
    // HTTP, libraries and people write too: typed in another letter case than its provider writes it
    // (`Unauthorized`, `configuration`), without the provider named, it is not that code.
    if (
      options.typed &&
      ordinaryWord(entry.code) &&
      !options.hinted.has(entry.provider) &&
      !hit.entries.some((candidate) => candidate.code === hit.token)
    )
      return undefined;
    // A name typed on purpose that only context-bound entries carry (NetSuite's FeatureDisabled) is that error,
    // unless the query points at another provider (Apple's `...AuthorizationError error 1000` is not the
    // client libraries' AuthorizationError).
    const elsewhere = !hinted && options.hinted.counts.size > 0;
    const onlyBound = options.typed && !elsewhere && hit.entries.every((candidate) => candidate.requires_context);
    const trusted = onlyBound || (entry.requires_context ? near : options.typed || hinted || distinctive(hit.token));
    const score = hit.token === entry.code ? 1 : 0.95;
    return entryMatch(index, entry, trusted ? 'exact' : 'weak', 'code', score, hit.entries);
  }
  if (/^\d+$/.test(hit.token) && !options.typed) {
    // Bare numbers are everywhere in logs (ports, ids, amounts): only as an error code of a hinted provider.
    if (!hinted || !ERROR_CODE_BEFORE.test(hit.before)) return undefined;
    return entryMatch(index, entry, 'strong', 'alias', 0.9, hit.entries);
  }
  const trusted = options.typed || hinted || distinctive(hit.token);
  return entryMatch(index, entry, trusted ? 'strong' : 'weak', 'alias', 0.9, hit.entries);
}

/**
 * The reading of a standard code that the description around it gives in other words than the documented
 * ones, or cut short (described.ts), when no documented message of a reading is near and no reading's
 * provider has a hint on the code's own line. The description is read on the code's line and the lines
 * next to it, where a response's error_description stands (OWN_CODE_DISTANCE).
 */
function describedReading(
  hit: Hit & { kind: 'code' | 'alias' },
  options: AttributionOptions,
  templates: MessageLines,
): LoadedEntry | undefined {
  const { describe, lineAt, hinted } = options;
  if (!describe || !lineAt || hit.kind !== 'code' || !isStandard(hit.entries)) return undefined;
  const nearTemplate = (entry: LoadedEntry) => templates.distance(entry, hit.line) <= GENERIC_DISTANCE;
  if (hit.entries.some(nearTemplate)) return undefined;
  if (hit.entries.some((entry) => entry.requires_context && hinted.near(entry.provider, hit.line, 0, true)))
    return undefined;
  const lines: string[] = [];
  for (let at = hit.line - OWN_CODE_DISTANCE; at <= hit.line + OWN_CODE_DISTANCE; at += 1) {
    const text = at >= 1 ? lineAt(at) : undefined;
    if (text !== undefined) lines.push(text);
  }
  const read = describe.read(hit.entries, lines);
  return read?.entry.requires_context ? read.entry : undefined;
}

/** A code that is not one token (Okta's `idx.session.expired`), found as a pattern: as exact as any code. */
function dottedCodeMatch(index: ResolverIndex, entry: LoadedEntry, line: number, options: AttributionOptions): Match {
  const trusted =
    !entry.requires_context || options.typed || options.hinted.near(entry.provider, line, GENERIC_DISTANCE);
  return entryMatch(index, entry, trusted ? 'exact' : 'weak', 'code', 1, []);
}

/** How many lines apart a message and its own code may be and still be one error response. */
const OWN_CODE_DISTANCE = 2;

function ownCodeNear(codesOnLine: Map<number, Set<string>>, line: number, code: string): boolean {
  for (let at = line - OWN_CODE_DISTANCE; at <= line + OWN_CODE_DISTANCE; at += 1) {
    if (codesOnLine.get(at)?.has(code)) return true;
  }
  return false;
}

/** Whether another provider that reads the entry's code has a hint on the line. */
function otherReadingOnLine(index: ResolverIndex, entry: LoadedEntry, line: number, hinted: ProviderContext): boolean {
  return (index.codes.get(entry.code.toLowerCase()) ?? []).some(
    (other) =>
      other.provider !== entry.provider && other.requires_context && hinted.distance(other.provider, line) === 0,
  );
}

/** Line → keys of the entries one of whose one-word aliases (Meta's 190, 463) is on it. */
function aliasLines(hits: Hit[]): Map<number, Set<string>> {
  const lines = new Map<number, Set<string>>();
  for (const hit of hits) {
    if (hit.kind !== 'alias') continue;
    const keys = lines.get(hit.line) ?? new Set();
    for (const entry of hit.entries) keys.add(entry.key);
    lines.set(hit.line, keys);
  }
  return lines;
}

/** A documented message, dotted code or multi-word alias found in the text, as sure as its length and context make it. */
function templateMatch(
  index: ResolverIndex,
  hit: Hit & { kind: 'template' },
  options: AttributionOptions,
  codesOnLine: Map<number, Set<string>>,
  aliasesOnLine: Map<number, Set<string>>,
): Match {
  const { entry, literalLength, method, identifier, sameMessage } = hit.template;
  if (method === 'code') return dottedCodeMatch(index, entry, hit.line, options);
  const long = longMessage(hit.template);
  const trusted =
    // Typed into a lookup, a message is meant when it is the whole query or a long one; a short one
    // inside a longer query ("fatal: Authentication failed for ...") is as ordinary as in a log.
    (options.lookup && (long || hit.whole)) ||
    // A long message names its error, unless the entry is a provider's reading of a standard code: Okta's
    // invalid_grant says "The authorization code is invalid or has expired." as other servers do. A code of
    // the provider's own that needs context as a bare word (Meta's OAuthException) does not need it beside
    // a long message of its own ("Error validating access token: Session has expired on ...").
    (long && !readsStandardCode(index, entry)) ||
    // A dotted name is as distinctive as a code, whatever its length.
    identifier ||
    (long
      ? options.hinted.near(entry.provider, hit.line, GENERIC_DISTANCE) ||
        // The provider's name in the lines of its long message: weaker than a host, so only this near.
        options.hinted.nameDistance(entry.provider, hit.line) <= NAMED_MESSAGE_DISTANCE
      : options.hinted.near(entry.provider, hit.line, shortMessageReach(hit.template), true)) ||
    // Its own code beside it vouches for a short message: Salesforce's invalid_grant with "authentication failure",
    // on one line or, in a pretty-printed body, on the lines next to it ("error": ... above "error_description": ...).
    (ownCodeNear(codesOnLine, hit.line, entry.code.toLowerCase()) &&
      // ...unless the code is another provider's there: its host or word on the line outweighs a short
      // message (see SHORT_MESSAGE_HANDICAP), and the message is then only words inside that provider's text.
      (long || !otherReadingOnLine(index, entry, hit.line, options.hinted))) ||
    // So does the number or other name its provider also gives the error (Meta's 190 before "Error validating
    // access token: ..."), which alone is too ordinary to be a finding.
    ownCodeNear(aliasesOnLine, hit.line, entry.key);
  const score = Math.min(0.95, 0.8 + literalLength / 1000);
  return entryMatch(index, entry, trusted ? 'strong' : 'weak', method, score, sameMessage);
}

/**
 * Whether a short message stands within its reach of another code of its own provider: then it is that
 * error's heading or description, not an error of its own (Google's "Access blocked: Authorization Error"
 * above "Error 403: restricted_client" on one error page).
 */
function headsOwnProvidersCode(
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
      if (index.codes.get(code)?.some((entry) => entry.provider === template.entry.provider)) return true;
    }
  }
  return false;
}

/** Turns raw hits into one match per distinct error, best first. */
export function attribute(index: ResolverIndex, hits: Hit[], options: AttributionOptions): Finding[] {
  const templates = new MessageLines(SHORT_MESSAGE_HANDICAP);
  for (const hit of hits) {
    if (hit.kind !== 'template') continue;
    // Every line the message is on, not only its first: a code on line 6 is described by the same message
    // there (jsonwebtoken's "jwt malformed" beside `JsonWebTokenError`), not by its first copy five lines up.
    const lines = [hit.line, ...(options.repeats?.get(hit) ?? [])];
    templates.add(hit.template.entry, lines, !longMessage(hit.template));
  }
  // Built on first need: only a message that another entry also documents asks for it.
  let byLine: Map<number, TemplateHit[]> | undefined;
  const templateHits = () => {
    byLine ??= templateHitsByLine(hits);
    return byLine;
  };
  const specific = specificCodeLines(hits);
  const codesOnLine = codeLines(hits, () => true);
  const aliasesOnLine = aliasLines(hits);
  // Codes that name one error by themselves (AADSTS50126, E0000079, INVALID_LOGIN): not the standard OAuth
  // codes every provider wraps its own errors in, and not ordinary words.
  // A bare number is such a code only where it is one: beside its provider or after "error code" (the 120 of
  // a timestamp's milliseconds is not Intuit's 120, and does not make the line's message its description).
  // Nor is a name in another letter case than its provider writes it, far from that provider (as in
  // codeOrAliasMatch): Keycloak's INVALID_CREDENTIALS before its own message is not OmniAuth's invalid_credentials.
  const namingCodes = codeLines(
    hits,
    (hit) =>
      distinctive(hit.token) &&
      !hit.entries.some((entry) => entry.provider === 'oauth2') &&
      // A wrapper's message is the wrapped error's (passport-oauth2's "TokenError: <GitHub's description>").
      !hit.entries.every((entry) => entry.wraps) &&
      (hit.entries.some((entry) => entry.code === hit.token) ||
        /\d/.test(hit.token) ||
        hit.entries.some((entry) => options.hinted.near(entry.provider, hit.line, GENERIC_DISTANCE))) &&
      (!/^\d+$/.test(hit.token) ||
        ERROR_CODE_BEFORE.test(hit.before) ||
        hit.entries.some((entry) => options.hinted.near(entry.provider, hit.line, GENERIC_DISTANCE))),
  );
  const byKey = new Map<string, Finding>();
  // Per error, the lines it was found on: how often it occurs, and where first.
  const linesOf = new Map<string, Set<number>>();
  for (const hit of hits) {
    let match: Match | undefined;
    if (hit.kind === 'template') {
      // A message beside another error's own code describes that error (a dotted code is a code, not a message).
      const describes =
        hit.template.method !== 'code' &&
        (describesOtherCode(hit.template, namingCodes.get(hit.line)) ||
          headsOwnProvidersCode(index, hit.template, hit.line, namingCodes));
      if (!options.typed && describes) continue;
      if (yieldsToOtherCopy(hit, templateHits, options.hinted)) continue;
      match = templateMatch(index, hit, options, codesOnLine, aliasesOnLine);
    } else if (hit.kind === 'unknown') {
      match = unknownCodeMatch(hit.provider, hit.token);
    } else {
      match = codeOrAliasMatch(index, hit, options, templates);
      // Typed lookups rank rather than list, and may ask for the standard meaning (--provider oauth2).
      const listing = !options.typed && options.hinted.explicit.size === 0;
      if (match && listing && hit.kind === 'code' && wrapsSpecificCode(match, hit, specific)) continue;
    }
    if (!match) continue;
    const key = match.entry?.key ?? `${match.provider}:${match.code}`;
    const previous = byKey.get(key);
    const lines = linesOf.get(key) ?? new Set<number>();
    linesOf.set(key, lines.add(hit.line));
    for (const line of options.repeats?.get(hit) ?? []) lines.add(line);
    // The excerpt is cut (and masked) only for the occurrence a finding keeps, not for every hit.
    const finding = (): Finding => ({
      ...match,
      line: hit.line,
      excerpt: excerptOf(hit),
      occurrences: 0,
      firstLine: hit.line,
    });
    if (!previous) {
      byKey.set(key, finding());
    } else if (better(match, previous)) {
      // Line and excerpt of the occurrence that earned the better confidence, which is what the user can check.
      byKey.set(key, {
        ...finding(),
        alternatives: previous.alternatives.length ? previous.alternatives : match.alternatives,
      });
    }
  }
  for (const [key, finding] of byKey) {
    const lines = linesOf.get(key) as Set<number>;
    finding.occurrences = lines.size;
    // A loop, not Math.min(...lines): a large log can name one error on more lines than a call takes arguments.
    for (const line of lines) if (line < finding.firstLine) finding.firstLine = line;
  }
  return [...byKey.values()].sort(compareFindings);
}

/**
 * The spec's sentence that a provider also documents as its own message (Okta's access_denied says "The
 * resource owner or authorization server denied the request."): the provider's where that provider is
 * hinted, the standard's elsewhere; never both, as two errors.
 */
function yieldsToOtherCopy(
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

function better(a: Match, b: Match): boolean {
  const rank = CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence];
  return rank > 0 || (rank === 0 && a.score > b.score);
}

export function compareFindings(a: Finding, b: Finding): number {
  return CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] || b.score - a.score || a.line - b.line;
}
