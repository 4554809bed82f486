import type { LoadedEntry, Match } from './findings.js';
import type { Hit, Repeats } from './hits.js';
import { distinctive, GENERIC_DISTANCE } from './readings.js';
import type { IndexedTemplate } from './resolver-index.js';

/**
 * When two things found on a line are one error. A provider's own code (AADSTS70008) is the error; the
 * standard OAuth code wrapped around it (`"error":"invalid_grant"`) and a documented message further
 * along the line are parts of it, not errors of their own. attribute.ts asks these before listing a finding.
 */

/**
 * Line → providers with a code on it that names one error of theirs by itself: a catalogued code in their own
 * shape (AADSTS70008, E0000011, AADB2C90080), or another code of theirs that no other text uses
 * (DocuSign's no_valid_keys_or_signatures, the error_description of its invalid_grant; ZITADEL's
 * Errors.AuthRequest.NotFound).
 */
export function specificCodeLines(hits: Hit[], repeats?: Repeats): Map<number, Set<string>> {
  const lines = new Map<number, Set<string>>();
  // On every line the code is on: a scan keeps a hit for its first line only, while the standard code it
  // wraps is kept on each line (a log repeating one response has the envelope on every line).
  const add = (hit: Hit, provider: string) => {
    for (const line of [hit.line, ...(repeats?.get(hit) ?? [])]) {
      const providers = lines.get(line) ?? new Set();
      providers.add(provider);
      lines.set(line, providers);
    }
  };
  for (const hit of hits) {
    // A code of several tokens (ZITADEL's Errors.AuthRequest.NotFound, Okta's idx.session.expired) is found as
    // a pattern, and is as much the provider's own as one of a single token; unless it is a wrapper (Grafana's
    // [auth.oauth.token.exchange] before golang.org/x/oauth2's `oauth2: "invalid_grant"`), as for single tokens.
    if (
      hit.kind === 'template' &&
      hit.template.method === 'code' &&
      !hit.template.entry.requires_context &&
      !hit.template.entry.wraps
    )
      add(hit, hit.template.entry.provider);
    if (hit.kind !== 'code') continue;
    for (const provider of hit.shapes) {
      if (hit.entries.some((entry) => entry.provider === provider && !entry.requires_context)) add(hit, provider);
    }
    if (hit.shapes.length > 0 || !distinctive(hit.token)) continue;
    if (hit.entries.some((entry) => entry.provider === 'oauth2' || entry.requires_context || entry.wraps)) continue;
    for (const entry of hit.entries) add(hit, entry.provider);
  }
  return lines;
}

/** Line → the (lower-cased) codes on it that pass `keep`. */
export function codeLines(hits: Hit[], keep: (hit: Hit & { kind: 'code' }) => boolean): Map<number, Set<string>> {
  const lines = new Map<number, Set<string>>();
  for (const hit of hits) {
    if (hit.kind !== 'code' || !keep(hit)) continue;
    const codes = lines.get(hit.line) ?? new Set();
    codes.add(hit.token.toLowerCase());
    lines.set(hit.line, codes);
  }
  return lines;
}

/**
 * Whether a documented message is only the description of another error's code on its line:
 * `AADSTS50126: Error validating credentials due to invalid username or password` holds the message of two
 * B2C errors but is one Entra error; `Okta authentication failed ... (Code: E0000079)` is E0000079, not
 * E0000004. (Right after its code, belongsToCodeBefore in hits.ts settles it; this covers the rest of the
 * line.) Standard codes do not count: after invalid_grant, Keycloak's "Invalid user credentials" is the
 * more specific finding.
 */
export function describesOtherCode(
  template: IndexedTemplate,
  codes: Set<string> | undefined,
  codeEntries: (code: string) => LoadedEntry[] | undefined,
  /** Whether a provider is hinted within `distance` lines of the message's line. */
  near: (provider: string, distance: number) => boolean = () => false,
): boolean {
  if (!codes) return false;
  if ([template.entry, ...template.sameMessage].some((entry) => codes.has(entry.code.toLowerCase()))) return false;
  // The message's provider written on its line, beside a class that is an error only near its provider and has
  // none near: the language's class the message was thrown in ("InvalidArgumentException: The JWT string must
  // have two dots in .../vendor/lcobucci/jwt/src/Parser.php" is lcobucci/jwt's error in PHP's class, which
  // php-jwt also throws). Without the message's provider near, the class still says whose error it is.
  const unbound = (entries: LoadedEntry[] | undefined) =>
    entries?.every((entry) => entry.requires_context && !near(entry.provider, GENERIC_DISTANCE)) ?? false;
  if (near(template.entry.provider, 0) && [...codes].every((code) => unbound(codeEntries(code)))) return false;
  return [...codes].some((code) => !genericOwnCode(codeEntries(code), template.entry.provider));
}

/**
 * Whether a code is a generic exception class of `provider`: one it documents in several contexts, each needing
 * context (php-jwt's UnexpectedValueException, thrown with many messages). Beside a message of that provider
 * it is what the message says, not an error the message describes or heads: the message is the finding.
 */
export function genericOwnCode(entries: LoadedEntry[] | undefined, provider: string): boolean {
  const own = entries?.filter((entry) => entry.provider === provider) ?? [];
  return own.length > 1 && own.every((entry) => entry.requires_context);
}

/**
 * A line that holds nothing but the error field: a pretty-printed token response (`"error": "invalid_grant",`),
 * or MSAL's exception dump (`ErrorCode: interaction_required`, msal-node's `errorCode: 'invalid_grant',`).
 */
const ERROR_FIELD_LINE = /^["']?error(?:_?code)?["']?\s*[:=]\s*["']?\w+["']?,?$/i;

/**
 * Whether a standard OAuth code is only the envelope of a provider's own code: Entra answers
 * `{"error":"invalid_grant","error_description":"AADSTS70008: ..."}`, one error, which AADSTS70008
 * explains and whose invalid_grant entry says no more than "read the AADSTS code". On one line the two
 * are one response. Across lines only in a pretty-printed body (the error field alone on its line, the
 * code on the next or the one before) and only if the standard code was not attributed to another
 * provider: in a log, the line after an Okta E0000011 may well be an error of its own.
 */
export function wrapsSpecificCode(
  match: Match,
  hit: Hit & { kind: 'code' },
  specific: Map<number, Set<string>>,
): boolean {
  if (!hit.entries.some((entry) => entry.provider === 'oauth2')) return false;
  if (specific.has(hit.line)) return true;
  if (!ERROR_FIELD_LINE.test(hit.text.trim())) return false;
  return [hit.line - 1, hit.line + 1].some((line) => {
    const providers = specific.get(line);
    return providers !== undefined && (match.provider === 'oauth2' || providers.has(match.provider));
  });
}
