import { codeOrAliasMatch } from './code-readings.js';
import type { Finding, Match } from './findings.js';
import { excerptOf, type Hit, sameTextOnLine, type TemplateHit, templateHitsByLine } from './hits.js';
import { MessageLines } from './message-lines.js';
import {
  aliasLines,
  headsOwnProvidersCode,
  type LineClues,
  longMessage,
  messageLines,
  SHORT_MESSAGE_HANDICAP,
  standardOfCopies,
  templateMatch,
  yieldsToOtherCopy,
} from './message-readings.js';
import {
  type AttributionOptions,
  CONFIDENCE_RANK,
  distinctive,
  ERROR_CODE_BEFORE,
  entryMatch,
  GENERIC_DISTANCE,
  ownCodeNear,
  unknownCodeMatch,
} from './readings.js';
import type { IndexedTemplate, ResolverIndex } from './resolver-index.js';
import { codeLines, describesOtherCode, specificCodeLines, wrapsSpecificCode } from './same-error.js';
import { STANDARD } from './typed-query.js';

/*
 * From the hits of a text (hits.ts) to its findings: each hit read as its kind is (code-readings.ts for codes
 * and aliases, message-readings.ts for documented messages), hits that are parts of another error dropped
 * (same-error.ts), and one finding kept per distinct error, with where and how often it occurs.
 */

/** Turns raw hits into one match per distinct error, best first. */
export function attribute(index: ResolverIndex, found: Hit[], options: AttributionOptions): Finding[] {
  const hits = settleEnclosed(found, options.hinted);
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
  const specific = specificCodeLines(hits, options.repeats);
  const codesOnLine = codeLines(hits, () => true);
  const aliasesOnLine = aliasLines(hits);
  const messagesOnLine = messageLines(hits);
  const clues: LineClues = {
    codes: codesOnLine,
    aliases: aliasesOnLine,
    messages: messagesOnLine,
    copiesOf: (hit) => sameTextOnLine(hit, templateHits()),
    onLine: (line) => templateHits().get(line) ?? [],
  };
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
      // A wrapper's message (Grafana's "login.OAuthLogin(NewTransportWithCode)") carries the code beside it rather
      // than describing it: both are listed, the carried error first.
      const describes =
        hit.template.method !== 'code' &&
        !hit.template.entry.wraps &&
        (describesOtherCode(
          hit.template,
          namingCodes.get(hit.line),
          (code) => index.codes.get(code),
          (provider, distance) => options.hinted.near(provider, hit.line, distance, true),
        ) ||
          headsOwnProvidersCode(index, hit.template, hit.line, namingCodes));
      if (!options.typed && describes) continue;
      if (yieldsToOtherCopy(hit, templateHits, options.hinted)) continue;
      // The spec's own sentence beside its code describes that code: the code's reading (the standard's, or the
      // provider's the text's clues choose) is the error, not a second one ("invalid_client" with "Client
      // authentication failed" in a log of an Okta-integrated service is Okta's invalid_client, once).
      const { entry } = hit.template;
      const standard = entry.provider === 'oauth2' && !entry.requires_context;
      if (standard && ownCodeNear(codesOnLine, hit.line, entry.code.toLowerCase())) continue;
      match = templateMatch(index, hit, options, clues);
      const copied = standardOfCopies(index, hit, templateHits, options.hinted);
      if (copied && !copied.first) continue;
      if (copied) {
        // As sure as the copy would have been (its own code beside it, a long sentence), scored as templateMatch scores.
        const score = Math.min(0.95, 0.8 + hit.template.literalLength / 1000);
        match = entryMatch(index, copied.standard, match.confidence, match.method, score, copied.copies);
      }
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
  if (!options.lookup) dropOwnCarriers(byKey, linesOf);
  return [...byKey.values()].sort(compareFindings);
}

/**
 * A message found inside another provider's longer one on its line (hits.ts: `inside`) is that provider's error
 * only where the clues say so: its provider hinted within a generic code's reach and nearer than the longer
 * message's provider ("api.zoom.us" above "Connection failed: Invalid access token" is Zoom's "Invalid access
 * token", not Salesforce's "Failed: Invalid Access Token"). Then the longer one is dropped; otherwise the shorter.
 */
function settleEnclosed(hits: Hit[], hinted: AttributionOptions['hinted']): Hit[] {
  const wins = (hit: TemplateHit, outer: IndexedTemplate) => {
    // The spec's sentence inside a provider's longer one is that provider's copy of it, wherever the standard is.
    if (hit.template.entry.provider === STANDARD) return false;
    const own = hinted.distance(hit.template.entry.provider, hit.line);
    return own <= GENERIC_DISTANCE && own < hinted.distance(outer.entry.provider, hit.line);
  };
  // Line -> the longer messages that yield there.
  let yielded: Map<number, Set<IndexedTemplate>> | undefined;
  let enclosed = false;
  for (const hit of hits) {
    if (hit.kind !== 'template' || !hit.inside) continue;
    enclosed = true;
    if (!wins(hit, hit.inside)) continue;
    yielded ??= new Map();
    const onLine = yielded.get(hit.line) ?? new Set();
    yielded.set(hit.line, onLine.add(hit.inside));
  }
  if (!enclosed) return hits;
  return hits.filter((hit) => {
    if (hit.kind !== 'template') return true;
    if (hit.inside) return wins(hit, hit.inside);
    return yielded?.get(hit.line)?.has(hit.template) !== true;
  });
}

/**
 * A library's wrapper (openid-client's OPError, google-auth's RefreshError, OmniAuth's CallbackError) is listed
 * beside the error it carries to say which library on the path reported another system's error. Where each of
 * its lines holds an error of its own catalog, found surely (RefreshError around Google's invalid_grant,
 * CallbackError around OmniAuth's csrf_detected), it says nothing that error does not: a scan lists that error
 * alone. A lookup keeps it, ranked after what it carries (resolver.ts).
 */
function dropOwnCarriers(byKey: Map<string, Finding>, linesOf: Map<string, Set<number>>): void {
  const carried = new Map<string, Set<number>>();
  for (const [key, finding] of byKey) {
    if (finding.entry?.wraps || finding.confidence === 'weak') continue;
    const lines = carried.get(finding.provider) ?? new Set<number>();
    for (const line of linesOf.get(key) ?? []) lines.add(line);
    carried.set(finding.provider, lines);
  }
  for (const [key, finding] of byKey) {
    if (!finding.entry?.wraps) continue;
    const own = carried.get(finding.provider);
    if (own && [...(linesOf.get(key) ?? [])].every((line) => own.has(line))) byKey.delete(key);
  }
}

function better(a: Match, b: Match): boolean {
  const rank = CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence];
  return rank > 0 || (rank === 0 && a.score > b.score);
}

export function compareFindings(a: Finding, b: Finding): number {
  return CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] || b.score - a.score || a.line - b.line;
}
