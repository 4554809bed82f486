import type { LoadedEntry, Match } from './findings.js';
import type { Hit } from './hits.js';
import type { MessageLines } from './message-lines.js';
import { NAME_DISTANCE, type ProviderContext } from './provider-context.js';
import {
  type AttributionOptions,
  calledErrorCode,
  distinctive,
  entryMatch,
  GENERIC_DISTANCE,
  isStandard,
  OWN_CODE_DISTANCE,
  ordinaryWord,
  writtenAsProvider,
} from './readings.js';
import type { ResolverIndex } from './resolver-index.js';

/**
 * How a code or alias found in a text is read (attribute.ts): which provider's meaning of it the text's
 * clues choose (hints, names, a documented message near it, the description beside it), and how sure it is.
 */

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
  // A host or word of another provider that reads the code, as near, says whose the code is ("Failed to
  // generate Google Cloud federated token: invalid_request" is Google Cloud's, though "Google" names Google's
  // sign-in too). The standard's own words (error_description) say the text is OAuth, not whose; a client
  // library's (OmniAuth's, beside "(gitlab)") say which library asked, not which server answered.
  const readers = new Set(entries.filter((entry) => entry.requires_context).map((entry) => entry.provider));
  for (const provider of hinted.lines.keys()) {
    if (provider !== best && readers.has(provider) && hinted.distance(provider, line) <= bestDistance) return undefined;
  }
  return best;
}

function pickEntry(
  entries: LoadedEntry[],
  hinted: ProviderContext,
  line: number,
  templates: MessageLines,
  token = '',
): LoadedEntry {
  // The commonest case in a log: no provider that reads the code has a hint, a name or a message anywhere in
  // the text. The scoring below then comes down to its fixed terms; a standard code has dozens of readings.
  if (
    hinted.names.size === 0 &&
    !entries.some(
      (entry) => hinted.has(entry.provider) || hinted.explicit.has(entry.provider) || templates.has(entry.provider),
    )
  )
    return unclaimed(entries, token);
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
  // ...unless another provider's hint is closer still (an AADSTS code on the code's own line), or another
  // provider documents a message as near (its copy of the same sentence) and is as near a hint: then the
  // messages say nothing of whose.
  if (byTemplate) {
    const others = entries.filter((entry) => entry.provider !== byTemplate.provider);
    const tied = others.some(
      (entry) => distanceOf(entry) <= distanceOf(byTemplate) && hintDistance(entry) <= hintDistance(byTemplate),
    );
    // A short message (one with the handicap) also yields to another reader's name on the code's own line where
    // nothing of its own provider is written: "LinkedIn::OAuthError: invalid_request: missing required parameters".
    const namedHere =
      distanceOf(byTemplate) > 0 &&
      !hinted.has(byTemplate.provider) &&
      others.some((entry) => entry.requires_context && hinted.nameDistance(entry.provider, line) === 0);
    if (!tied && !namedHere && distanceOf(byTemplate) <= Math.min(...others.map(hintDistance))) {
      // A standard code from a hosted service with no reading of its own (Zoom's token endpoint answering
      // unsupported_grant_type beside Spring's short sentence for it): the standard meaning, the service's.
      const standard = entries.find((entry) => entry.provider === 'oauth2' && !entry.requires_context);
      // Its host says who answered, where a library's word or frame only says who carried the answer.
      const readsIt = (provider: string) =>
        provider === 'oauth2' || entries.some((entry) => entry.provider === provider);
      if (!standard || !hinted.hostWithin(line, distanceOf(byTemplate), readsIt)) return byTemplate;
      return standard;
    }
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
    fixedScore(entry, token) +
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

/**
 * The part of pickEntry's score the text does not decide: a reading that needs no context, the standard's own,
 * and, between meanings otherwise alike, the one whose provider spells the code as written (HubSpot's
 * BAD_REFRESH_TOKEN, GitHub's bad_refresh_token).
 */
function fixedScore(entry: LoadedEntry, token: string): number {
  return (entry.requires_context ? 0 : 10) + (entry.provider === 'oauth2' ? 5 : 0) + (entry.code === token ? 2 : 0);
}

/** pickEntry's choice where nothing in the text points at a provider: its score without the text's terms. */
function unclaimed(entries: LoadedEntry[], token: string): LoadedEntry {
  let best = entries[0] as LoadedEntry;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    const value = fixedScore(entry, token);
    if (value > bestScore) {
      best = entry;
      bestScore = value;
    }
  }
  return best;
}

/** What a documented message of the provider near a code adds to that provider's reading of it (see pickEntry). */
const OWN_MESSAGE_WEIGHT = 0.5;

/** A field whose value is an error code or event type: `"type": "fp"`, `error=invalid_grant`, `code: f`. */
const FIELD_BEFORE = /\b(?:type|code|error|event|error_?code)["']?\s*[:=]\s*["']?$/i;
/** Short lower-case codes (Auth0's log event types `f`, `fp`, `fcpro`) are also flags, words and variable names. */
const BARE_WORD = /^[a-z]{1,7}$/;

/** What stands before a query parameter's name in a URL. */
const QUERY_PARAMETER_BEFORE = /[?&]$/;

export function codeOrAliasMatch(
  index: ResolverIndex,
  hit: Hit & { kind: 'code' | 'alias' },
  options: AttributionOptions,
  templates: MessageLines,
): Match | undefined {
  // A query parameter's name (`?authError=Q2xp...` on Google's own error page) is no error, whatever it spells.
  if (QUERY_PARAMETER_BEFORE.test(hit.before) && hit.text.charAt(hit.at + hit.token.length) === '=') return undefined;
  const described = describedReading(hit, options, templates);
  const picked = described ?? pickEntry(hit.entries, options.hinted, hit.line, templates, hit.token);
  const entry = openedAfter(hit, picked) ?? picked;
  const near =
    described !== undefined ||
    options.hinted.near(entry.provider, hit.line, GENERIC_DISTANCE) ||
    (entry.requires_context && namedProvider(hit.entries, options.hinted, hit.line, hit.token) === entry.provider);
  const hinted = options.hinted.has(entry.provider);
  if (hit.kind === 'code') {
    // A numeric code (Salesforce's 1701) in a log is just a number unless the provider is right there.
    // Asked about, a number the question itself calls an error code ("Invalid client_id with error code 4700") is one.
    const calledCode = options.lookup === true && calledErrorCode(hit.before, true);
    if (/^\d+$/.test(hit.token) && !options.typed && !near && !calledCode) return undefined;
    if (!options.typed) {
      // Pasted text writes a code as its provider does. A name in other letter case (Keycloak's event type
      // LOGIN_ERROR, Salesforce's login_error) far from that provider is some other system's word.
      const exactCase = hit.entries.some((candidate) => writtenAsProvider(hit.token, candidate.code));
      if (!exactCase && !/\d/.test(hit.token) && !near) return undefined;
      // A short bare word counts only as a field's value, and only near its provider: `rm -f` and `fd 3`
      // beside an Auth0 URL are not Auth0 log events, `"type": "fp"` is.
      if (entry.requires_context && BARE_WORD.test(hit.token) && !(near && FIELD_BEFORE.test(hit.before)))
        return undefined;
    }
    // An ordinary word in pasted text is a code only as the provider writes it: "401 Unauthorized" is
    // HTTP's reason phrase, not Auth0's `unauthorized`, even in a log full of Auth0 hosts.
    if (
      !options.typed &&
      !distinctive(hit.token) &&
      !hit.entries.some((candidate) => writtenAsProvider(hit.token, candidate.code))
    )
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
    const trusted =
      onlyBound ||
      (entry.requires_context
        ? near
        : options.typed || hinted || (distinctive(hit.token) && !inOtherPackage(index, hit, entry)));
    const score = hit.token === entry.code ? 1 : 0.95;
    return entryMatch(index, entry, trusted ? 'exact' : 'weak', 'code', score, hit.entries);
  }
  if (/^\d+$/.test(hit.token) && !options.typed) {
    // Bare numbers are everywhere in logs (ports, ids, amounts): only as an error code of a hinted provider.
    if (!calledErrorCode(hit.before, options.lookup)) return undefined;
    if (!hinted) return options.lookup ? entryMatch(index, entry, 'weak', 'alias', 0.9, hit.entries) : undefined;
    return entryMatch(index, entry, 'strong', 'alias', 0.9, hit.entries);
  }
  const trusted = options.typed || hinted || distinctive(hit.token);
  return entryMatch(index, entry, trusted ? 'strong' : 'weak', 'alias', 0.9, hit.entries);
}

/** A qualified name's package path right before a token: `jakarta.ws.rs.` of `jakarta.ws.rs.NotAuthorizedException`. */
const PACKAGE_BEFORE = /(?:^|[^\w.$])((?:[a-z_][a-z0-9_]*\.){2,})$/;

/**
 * Whether the code is written as a class of a package that is not its provider's: Java's
 * `jakarta.ws.rs.NotAuthorizedException` in a Keycloak log is JAX-RS's, not Cognito's NotAuthorizedException
 * (`com.amazonaws.services.cognitoidp.model.NotAuthorizedException` is Cognito's: its path names AWS). A part of
 * the provider's id, names or own words in the path makes it the provider's.
 */
function inOtherPackage(index: ResolverIndex, hit: Hit & { kind: 'code' | 'alias' }, entry: LoadedEntry): boolean {
  const path = PACKAGE_BEFORE.exec(hit.before)?.[1];
  if (!path) return false;
  const own = ownParts(index, entry.provider);
  return !path.split('.').some((segment) => own.some((part) => segment.includes(part)));
}

/** A provider's id, names and own words cut into their parts of three letters or more, built once per provider. */
const OWN_PARTS = new WeakMap<ResolverIndex, Map<string, string[]>>();

function ownParts(index: ResolverIndex, id: string): string[] {
  let byProvider = OWN_PARTS.get(index);
  if (!byProvider) {
    byProvider = new Map();
    OWN_PARTS.set(index, byProvider);
  }
  let parts = byProvider.get(id);
  if (!parts) {
    const provider = index.providers.get(id);
    parts = [id, ...(provider?.hints.names ?? []), ...(provider?.hints.words ?? [])]
      .flatMap((word) => word.toLowerCase().split(/[^a-z0-9]+/))
      .filter((part) => part.length >= 3);
    byProvider.set(id, parts);
  }
  return parts;
}

/**
 * The reading of a code whose provider gives it several (openid-client's RPError for a state, an issuer, a
 * nonce check...) that the words right after it on its line open: "RPError: iss mismatch" is the issuer
 * check's "iss mismatch, expected {expected}, got: {got}" cut where its first clause ends, too short to be
 * found as a message cut short (broken-messages.ts) but said where that error's message stands. Only one
 * reading's message may open so, and with two words at least.
 */
function openedAfter(hit: Hit & { kind: 'code' | 'alias' }, picked: LoadedEntry): LoadedEntry | undefined {
  // Most codes have one reading per provider, which then has no context label: known at once (a scan asks on
  // every code).
  if (!picked.context) return undefined;
  const own = hit.entries.filter((entry) => entry.provider === picked.provider);
  if (own.length < 2) return undefined;
  const after = hit.text
    .slice(hit.at + hit.token.length, hit.at + hit.token.length + AFTER_CODE_READ)
    .replace(BETWEEN_CODE_AND_MESSAGE, '')
    .toLowerCase();
  if (after === '') return undefined;
  const opening = own.filter((entry) =>
    openingClauses(entry).some((clause) => after.startsWith(clause) && !/[a-z0-9_]/.test(after.charAt(clause.length))),
  );
  return opening.length === 1 ? opening[0] : undefined;
}

/** How much of a line after a code is read for the message it opens. */
const AFTER_CODE_READ = 200;
/** What stands between a code and its message: `RPError: `, `OAuthException - `, `[RPError] `. */
const BETWEEN_CODE_AND_MESSAGE = /^[\s\]:'"()-]+/;
/** A clause ends at these (as a message's first clause: "iss mismatch, expected ..."). */
const CLAUSE_END = /[,;:.{(]/;

const openings = new WeakMap<LoadedEntry, string[]>();
/** Each message's first clause, lower-cased, when it holds two words at least and no value. */
function openingClauses(entry: LoadedEntry): string[] {
  let clauses = openings.get(entry);
  if (!clauses) {
    clauses = entry.messages
      .map((message) => (message.split(CLAUSE_END)[0] ?? '').trim().toLowerCase())
      .filter((clause) => /\S\s+\S/.test(clause));
    openings.set(entry, clauses);
  }
  return clauses;
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
  // A code typed alone has no description around it (a one-code lookup, the commonest query).
  if (hit.text.length === hit.token.length && lineAt(hit.line - 1) === undefined && lineAt(hit.line + 1) === undefined)
    return undefined;
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
