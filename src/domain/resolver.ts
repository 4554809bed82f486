import { attribute, compareFindings } from './attribute.js';
import type { Catalog } from './catalog.js';
import { namedCode } from './code-readings.js';
import { lookAlikeCodes, nearbyCodes } from './code-typos.js';
import { commonShare, weighCommonErrors } from './common-errors.js';
import { createDescriptionReader, type DescriptionReader } from './described.js';
import type { Finding, LoadedEntry, Match, ScanResult } from './findings.js';
import { createFuzzyIndex, type FuzzyOptions } from './fuzzy.js';
import { collectHits, type Hit } from './hits.js';
import { withoutEmphasisMarks } from './markup.js';
import { longMessage } from './message-readings.js';
import { once } from './once.js';
import { withoutBlankLines } from './paragraphs.js';
import { createContextDetector, detectNames, NAME_DISTANCE, nameParts } from './provider-context.js';
import { alternativeOf, CONFIDENCE_RANK, readsStandardCode } from './readings.js';
import { buildIndex, normalizeTitle, type ResolverIndex } from './resolver-index.js';
import { selfHints } from './self-hints.js';
import { extractSupportIds } from './support-ids.js';
import { messagesHolding, NOT_WORDS, quotedError, readQuery, STANDARD } from './typed-query.js';
import { createWordSearch } from './word-search.js';

export interface LookupOptions {
  /** Only this provider's entries. */
  provider?: string;
  /** Most matches to return (default 5). */
  limit?: number;
  /**
   * Where the query was asked, such as a Slack channel's name (`okta-integration`, `netsuite-dev`): a
   * provider it names chooses among a code's meanings as one named in the query would, unless the query
   * names one itself.
   */
  place?: string;
}

export interface Resolver {
  catalog: Catalog;
  /** Best matches for a code or phrase a person typed, best first. */
  lookup(query: string, options?: LookupOptions): Match[];
  /** Every distinct error in a text of any size (a pasted log, a file). */
  scan(text: string): ScanResult;
  /** Builds now what the first lookups would otherwise build (the index of messages, the word search). */
  warm(): void;
}

/**
 * Two codes of one provider found as surely on one line are a chain, read from the outer error to its cause
 * (Entra's "AADSTS70002: Error validating credentials. AADSTS50012: Invalid client secret is provided."):
 * the cause, written later, is what to fix. Negative when `a` is the later one. Two codes set side by side
 * as alternatives ("auth/argument-error instead of auth/user-token-expired", "invalid_client, not
 * invalid_grant", "AADSTS50011 or AADSTS700016?") are no chain: they keep the order written, the first
 * being the one asked about.
 */
function causeFirst(a: Finding, b: Finding): number {
  if (a.provider !== b.provider || a.line !== b.line || a.confidence === 'weak' || a.method !== 'code') return 0;
  if (b.method !== 'code' || a.code === b.code) return 0;
  const at = (finding: Finding) => finding.excerpt.indexOf(finding.code);
  const [first, second] = [at(a), at(b)];
  if (first < 0 || second < 0) return 0;
  const outer = first < second ? a : b;
  const between = outer.excerpt.slice(Math.min(first, second) + outer.code.length, Math.max(first, second));
  return ALTERNATIVES.test(between) ? first - second : second - first;
}

/** What stands between two codes offered as alternatives: a word that sets them apart, or a comma or slash. */
const ALTERNATIVES = /^[\s,/`'"]*(?:(?:instead of|rather than|or|not|but not|nor|vs\.?|versus|and)[\s`'"]*)?$/i;

/**
 * A library's wrapper of another system's error (openid-client's "OPError: invalid_grant (Session not
 * active)") comes after the error found inside it, on its line or the line after it (golang.org/x/oauth2's
 * "cannot fetch token: 400 Bad Request" over its "Response: {...}" body), however surely the wrapper's own
 * name was found: the inner error is what to fix. Positive when `a` is the wrapper.
 */
function wrappedFirst(a: Finding, b: Finding): number {
  if (Boolean(a.entry?.wraps) === Boolean(b.entry?.wraps)) return 0;
  const [wrapper, inner] = a.entry?.wraps ? [a, b] : [b, a];
  const below = inner.line - wrapper.line;
  if (below < 0 || below > CARRIED_LINES || inner.confidence === 'weak') return 0;
  return wrapper === a ? 1 : -1;
}

/**
 * A provider's documented message found surely (Azure Identity's "ManagedIdentityCredential authentication
 * unavailable. The requested identity has not been assigned to this resource.") says which error it is; a
 * standard code in its detail that no clue gives a provider ("Unexpected response {'error': 'invalid_request'"),
 * however exactly spelled, says only the protocol's generic meaning of it. The message comes first. Positive
 * when `a` is the standard code.
 */
function specificFirst(a: Finding, b: Finding): number {
  if (a.provider === STANDARD) return b.provider !== STANDARD && a.method === 'code' && specific(b) ? 1 : 0;
  if (b.provider === STANDARD) return b.method === 'code' && specific(a) ? -1 : 0;
  return 0;
}

/** A provider's own documented message, found surely, that carries no other error (specificFirst). */
function specific(finding: Finding): boolean {
  return finding.method === 'template' && finding.confidence !== 'weak' && !finding.entry?.wraps;
}

/** How far below its wrapper a carried error may stand: on its line, or on the next (a response body). */
const CARRIED_LINES = 1;

function stripInternals(finding: Finding): Match {
  const { line: _line, excerpt: _excerpt, occurrences: _occurrences, firstLine: _firstLine, ...match } = finding;
  return match;
}

/**
 * A token that is one catalog's code and another's alias read as the alias too. Typed on its own it asks for every
 * reading (40001: WeChat's and DingTalk's code, Discord's JSON error code). In a log it is read as the code, its
 * context choosing between codes, unless `keep` passes the alias's entry: where the alias's provider is hinted on
 * its line, "oauthlib.oauth2.rfc6749.errors.TokenExpiredError" is oauthlib's TokenExpiredError, not jsonwebtoken's.
 */
function addAliasReadings(
  index: ResolverIndex,
  hits: Hit[],
  keep: (entry: LoadedEntry, hit: Hit) => boolean = () => true,
): void {
  for (const hit of [...hits]) {
    if (hit.kind !== 'code') continue;
    const entries = index.aliases.get(hit.token.toLowerCase())?.filter((entry) => keep(entry, hit));
    if (!entries || entries.length === 0) continue;
    const { token, line, text, at, before } = hit;
    hits.push({ kind: 'alias', token, entries, line, text, at, before });
  }
}

/** A lookup's fallback matches, as findings in the typed query (one line, seen once). */
function inQuery(match: Match, query: string): Finding {
  return { ...match, line: 1, excerpt: query, occurrences: 1, firstLine: 1 };
}

export function createResolver(catalog: Catalog, options: FuzzyOptions = {}): Resolver {
  const index = buildIndex(catalog);
  const context = createContextDetector(catalog.providers.values());
  const fuzzy = createFuzzyIndex(catalog.entries, options);
  // Built on first need, or by warm(): the bot warms it right after it starts answering, so neither its start
  // nor its first described-error lookup waits for it; a one-query CLI run of a code never builds it.
  const wordSearch = once(() => createWordSearch(catalog.entries, index.names.keys()), true);
  const byKey = new Map(catalog.entries.map((entry) => [entry.key, entry]));
  // Built on the first standard code whose description must be weighed; most texts have none.
  const describe = once(() => createDescriptionReader(catalog.entries), true);
  const reader: DescriptionReader = { read: (entries, lines) => describe().read(entries, lines) };

  /** `typed` and `lookup` as in AttributionOptions; `preferred`: providers the person asked for. */
  function find(given: string, how: { typed: boolean; lookup: boolean; preferred?: Iterable<string> }) {
    const { typed, lookup, preferred = [] } = how;
    const { text, lineOf } = withoutBlankLines(given);
    // Lower-cased once for the two passes that read the text in lower case (a log's lines and its hints).
    const lower = text.toLowerCase();
    const { hits, repeats } = collectHits(index, text, lower);
    if (typed) addAliasReadings(index, hits);
    const hinted = context.detect(text, lower);
    // Asking for a provider's meaning is the strongest context there is.
    for (const provider of preferred) hinted.prefer(provider);
    selfHints(index, hits, hinted);
    if (!typed) addAliasReadings(index, hits, (entry, hit) => hinted.distance(entry.provider, hit.line) === 0);
    // Provider names are read only near standard codes, the one thing they help decide, and only where no
    // host or word of a provider that reads the code is as near: such a hint outweighs any name (a log of
    // Okta calls is read as fast). A client library's hint says nothing about whose code it is: OmniAuth's
    // "(gitlab) Authentication failure! invalid_credentials: ..., invalid_grant: ..." is GitLab's invalid_grant.
    const hintedProviders = [...hinted.lines.keys()].filter((provider) => provider !== STANDARD);
    const hintedNear = (line: number, readings: LoadedEntry[]) =>
      hintedProviders.some(
        (provider) =>
          hinted.distance(provider, line) <= NAME_DISTANCE &&
          readings.some((entry) => entry.provider === provider && entry.requires_context),
      );
    // Also near a long message of a provider's reading of a standard code (Apple's "The code has expired or
    // has been revoked." with Apple named in the lines around it): other long messages need no clue.
    const nameLines: number[] = [];
    for (const hit of hits) {
      let readings: LoadedEntry[] | undefined;
      if (hit.kind === 'code' && namedCode(hit.entries, hit.token)) readings = hit.entries;
      else if (hit.kind === 'template' && longMessage(hit.template) && readsStandardCode(index, hit.template.entry))
        readings = index.codes.get(hit.template.entry.code.toLowerCase()) ?? [];
      if (readings && !hintedNear(hit.line, readings)) nameLines.push(hit.line);
    }
    detectNames(text, nameLines, index.names, hinted);
    if (nameLines.length > 0)
      for (const [library, servers] of index.servers)
        for (const server of servers) hinted.nameWhereHinted(library, server);
    // Where each line starts, found on the first need (most texts have no standard code to describe):
    // cheaper than splitting a large log into a string per line.
    let starts: number[] | undefined;
    const lineAt = (line: number) => {
      if (!starts) {
        starts = [0];
        for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      }
      const start = starts[line - 1];
      if (start === undefined) return undefined;
      const end = starts[line];
      return text.slice(start, end === undefined ? text.length : end - 1);
    };
    const findings = attribute(index, hits, { typed, lookup, hinted, repeats, lineAt, describe: reader });
    if (lineOf) {
      for (const finding of findings) {
        finding.line = lineOf(finding.line);
        finding.firstLine = lineOf(finding.firstLine);
      }
    }
    return { findings, hinted };
  }

  return {
    catalog,
    warm() {
      void index.templatesByWord;
      wordSearch();
    },
    scan(text) {
      return { findings: find(text, { typed: false, lookup: false }).findings, support: extractSupportIds(text) };
    },
    lookup(asTyped, options = {}) {
      // Read without the emphasis people type around words (markup.ts); an excerpt shows it so. Code marks
      // stay: they quote the message asked about, as quotes do, and a line's candidates are read without them.
      const query = withoutEmphasisMarks(asTyped);
      const limit = options.limit ?? 5;
      const inProvider = (provider: string) => !options.provider || provider === options.provider;
      const around = options.place ? namesInPlace(index, options.place) : undefined;
      const { text, typed, named } = readQuery(index, query, around);
      const preferred = [...named, ...(options.provider ? [options.provider] : [])];
      const { findings: found, hinted } = find(text, { typed, lookup: true, preferred });
      // Entries that share a found code (invalid_grant in Okta, Auth0, ...) are listed after it, so the user can pick;
      // those whose texts the question's other words describe first ("invalid_grant after about a week": Google's
      // seven-day refresh tokens), the rest in the catalogs' order.
      // Only where nothing in the question points at a provider: a named or hinted one's reading comes first anyway.
      const pointsNowhere = named.size === 0 && [...hinted.counts.keys()].every((id) => id === STANDARD);
      const described = pointsNowhere
        ? describedAmong(found, text, (words, keys) =>
            wordSearch().search(words, { filter: (entry) => keys.has(entry.key) }),
          )
        : new Map<string, number>();
      const others: Finding[] = found.flatMap((finding) =>
        finding.alternatives.map((alternative) => {
          const entry = byKey.get(alternative.key);
          // Another context of the same code is as exact as the first. Another provider's meaning of a
          // standard code is only a possibility when the query does not point at that provider. A code
          // with no standard meaning (redirect_uri_mismatch, Google's and GitHub's) typed bare is each
          // provider's alike, unless the query points at another one.
          const standard = index.codes.get(finding.code.toLowerCase())?.some((other) => !other.requires_context);
          const elsewhere = standard || (hinted.has(finding.provider) && !hinted.has(alternative.provider));
          const asked = entry?.provider === options.provider || (entry !== undefined && named.has(entry.provider));
          const bound = entry?.requires_context && !asked && elsewhere;
          const confidence = bound ? ('weak' as const) : finding.confidence;
          const words = described.get(alternative.key) ?? 0;
          return {
            ...finding,
            ...alternativeFields(entry, index),
            confidence,
            score: finding.score - 0.05 + DESCRIBED_ALTERNATIVE * words,
          };
        }),
      );
      // A provider named beside a short term asks for its meaning: another provider's message, title or
      // alias that the words happen to match (`consent required azure`: Auth0's "Consent required") is only a
      // guess. In a longer text a name is a clue like any other, and a documented message still names its error.
      const asked = (match: Finding) =>
        !typed ||
        named.size === 0 ||
        match.method === 'code' ||
        named.has(match.provider) ||
        match.provider === options.provider;
      const exact: Finding[] = [];
      const push = (match: Finding) => exact.push(asked(match) ? match : { ...match, confidence: 'weak' });
      for (const match of [...found, ...others]) if (inProvider(match.provider)) push(match);
      const seen = new Set(exact.map((match) => match.entry?.key));
      // Each fallback below runs while nothing found so far is better than a guess (true when nothing is found).
      const unsure = () => exact.every((match) => match.confidence === 'weak');
      // An official short title typed as is ("Bad verification code", Okta's "Invalid token provided") names
      // its error as surely as an alias does, and needs no fuzzy search; also when a word or short message
      // inside it was only a weak guess ("Client authentication failed (Cognito)").
      if (unsure()) {
        // The query as typed first: a provider's name can be part of a title ("Okta telephony disabled exception").
        const typedTitle = index.titles.get(normalizeTitle(query));
        const titles = typedTitle ?? index.titles.get(normalizeTitle(text)) ?? [];
        const titled = titles.filter((entry) => inProvider(entry.provider));
        for (const entry of titled) {
          seen.add(entry.key);
          const match = inQuery(titleMatch(entry, index, titled), query);
          // A title typed whole is what was asked, though a word of it names a provider
          // ("Required actions not resolved" is Keycloak's, not GitHub Actions').
          if (typedTitle) exact.push(match);
          else push(match);
        }
      }
      // Words, not one token: a single token inside a message is a code or a name, which the steps above read,
      // and a typo of one is inside none (looking costs a pass over every message, most of a typo's lookup).
      if (unsure() && /\s/.test(text.trim())) {
        // Part of a documented message, as pasted from a truncated log line or a browser page, names the
        // error nearly as well as the whole: "OAuth2 Authorization code was already redeemed". Also when
        // an ordinary word in it was a weak guess at a code ("configuration" in Entra's MFA sentence).
        // Ordinary words from the middle of a sentence are left to the word search, which weighs them as words.
        const held = messagesHolding(index, text).filter(
          (found) => inProvider(found.entry.provider) && !found.ordinary,
        );
        const inside = held.map((found) => found.entry);
        for (const { entry, coverage } of held.slice(0, limit)) {
          seen.add(entry.key);
          push(inQuery(partialMessageMatch(entry, index, inside, coverage), query));
        }
      }
      if (exact.length === 0) {
        // A code-shaped query nothing accepts is likely a typo of a code: offer its neighbours, as weak.
        // A code spelled with letters that look like its digits (`AADSTS5001l`) is that code, ahead of its neighbours.
        const lookingAlike = lookAlikeCodes(index.codes.keys(), text);
        for (const code of [...lookingAlike, ...nearbyCodes(index.codes.keys(), text)]) {
          for (const entry of (index.codes.get(code) ?? []).filter((entry) => inProvider(entry.provider))) {
            if (seen.has(entry.key)) continue;
            seen.add(entry.key);
            const score = lookingAlike.includes(code) ? LOOK_ALIKE_SCORE : 0.5;
            push(inQuery(fuzzyMatch(entry, index, score), query));
          }
        }
      }
      if (unsure()) {
        // A URL or id pasted with a message only adds characters no entry has.
        const plain = text.replace(NOT_WORDS, ' ').trim() || text;
        // Words (several, or one ordinary word) are searched as words; a code-shaped token for its typos.
        if (/\s/.test(plain.trim()) || !CODE_LIKE.test(plain.trim())) {
          // A described error: the entries whose words it shares, the distinctive ones most; none below a floor.
          // A provider's host or word in the text (test.salesforce.com, loginPopup) points at it as its name would.
          const pointed = new Set([...named, ...[...hinted.counts.keys()].filter((id) => id !== STANDARD)]);
          const search = (words: string) =>
            wordSearch().search(words, { named: pointed, filter: (entry) => inProvider(entry.provider) });
          // The error a long question quotes says which error it is better than the story around it: its
          // entries come first, those of the whole question after them.
          const quoted = typed ? '' : quotedError(query);
          const fromQuote = quoted ? search(quoted) : [];
          const whole = search(`${plain} ${query === text ? '' : query}`);
          const ahead = whole[0]?.score ?? 0;
          const quotedFirst = fromQuote.map((hit) => ({ ...hit, score: ahead + hit.score }));
          const inQuote = new Set(fromQuote.map((hit) => hit.entry));
          const described = weighCommonErrors(
            index,
            [...quotedFirst, ...whole.filter((hit) => !inQuote.has(hit.entry))],
            [...named].filter(inProvider),
          );
          const best = described[0]?.score ?? 0;
          // Only the best few are ever shown: a long question can share a word with hundreds of entries. The
          // named providers' best few among them too, however far down: they are ranked first (namedFirst), and a
          // question that names Zoom asks about Zoom's redirect error, not the 25 other providers' ones nearer.
          const namedOnes = described
            .slice(DESCRIBED_KEPT)
            .filter(({ entry }) => named.has(entry.provider))
            .slice(0, NAMED_DESCRIBED_KEPT);
          for (const { entry, score } of [...described.slice(0, DESCRIBED_KEPT), ...namedOnes]) {
            if (seen.has(entry.key)) continue;
            seen.add(entry.key);
            push(inQuery(fuzzyMatch(entry, index, WORD_SCORE_BASE + WORD_SCORE_SPAN * (score / best)), query));
          }
        } else {
          // A provider named in the query has its near misses searched first and ranked first (`invalid_gant okta`).
          const namedNearMisses =
            named.size > 0
              ? fuzzy.search(plain, (entry) => named.has(entry.provider) && inProvider(entry.provider))
              : [];
          for (const { entry, score } of [
            ...namedNearMisses,
            ...fuzzy.search(plain, (entry) => inProvider(entry.provider)),
          ]) {
            if (seen.has(entry.key)) continue;
            seen.add(entry.key);
            push(inQuery(fuzzyMatch(entry, index, score), query));
          }
        }
      }
      // Among matches equally sure, those of a provider the query names come first, however near another
      // provider's text is (`user cancelled b2c sign up`: B2C's AADB2C90091, not Apple's cancellation); then those
      // of a provider a word of its own points at (Firebase's verifyIdToken), before another's short message.
      const pointedAt = (provider: string) => named.has(provider) || (provider !== STANDARD && hinted.has(provider));
      // How often the hint scan found a provider's own words in the question (a provider only preferred, by its
      // name, has no line of its own there).
      const ownWordsIn = (provider: string) => (hinted.lines.has(provider) ? (hinted.counts.get(provider) ?? 0) : 0);
      const namedFirst = (a: Finding, b: Finding) =>
        wrappedFirst(a, b) ||
        specificFirst(a, b) ||
        CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] ||
        Number(named.has(b.provider)) - Number(named.has(a.provider)) ||
        Number(pointedAt(b.provider)) - Number(pointedAt(a.provider)) ||
        // Of two providers' readings of one code typed (NetSuite's OAuth 2.0 and TBA InvalidSignature), the one more
        // words of its own point at; words weighed as evidence (a described error's) already have their score.
        (a.method === 'code' && b.method === 'code' && a.provider !== b.provider
          ? ownWordsIn(b.provider) - ownWordsIn(a.provider)
          : 0) ||
        causeFirst(a, b) ||
        compareFindings(a, b);
      // Asked for one provider, every meaning it gives the code is listed; otherwise one answer per code.
      const ranked = exact.sort(namedFirst);
      return (options.provider ? ranked : oneAnswerPerCode(ranked)).slice(0, limit).map(stripInternals);
    },
  };
}

/**
 * Providers a place's name names by its parts (`okta-integration`, `team_azure_ad`, `NetSuiteDev`). Not
 * Slack: in a Slack workspace a channel named for Slack (#slack-admins) says nothing about an error.
 */
function namesInPlace(index: ResolverIndex, place: string): Set<string> {
  const found = new Set<string>();
  const parts = place.split(/[^A-Za-z0-9]+/).flatMap(nameParts);
  for (const part of parts) {
    for (const provider of index.names.get(part.toLowerCase()) ?? []) if (provider !== 'slack') found.add(provider);
  }
  return found;
}

/**
 * One answer per provider and code: a code with several meanings in one catalog (NetSuite's
 * InvalidSignature for integrations and as OpenID provider, Salesforce's four invalid_grant) is listed
 * once, in the meaning the text's clues ranked first, the others as its alternatives, so they do not
 * fill the top of the list and push other errors out.
 */
function oneAnswerPerCode(matches: Finding[]): Finding[] {
  const first = new Map<string, Finding>();
  const kept: Finding[] = [];
  for (const match of matches) {
    const key = `${match.provider}:${match.code.toLowerCase()}`;
    const lead = first.get(key);
    if (!lead) {
      first.set(key, match);
      kept.push(match);
      continue;
    }
    if (match.entry && !lead.alternatives.some((other) => other.key === match.entry?.key)) {
      lead.alternatives = [...lead.alternatives, alternativeOf(match.entry)];
    }
  }
  return kept;
}

/** A code spelled with look-alike letters is nearer than any code one keystroke away (0.5). */
const LOOK_ALIKE_SCORE = 0.75;

/** A token written as a code is (digits, underscores, dots, dashes, slashes, inner capitals), not an English word. */
const CODE_LIKE = /[\d_./-]|[a-z][A-Z]|^[A-Z]{2,}$/;

/** How many of a described error's best word matches are read, of which at most `limit` are answered. */
const DESCRIBED_KEPT = 25;
/**
 * The alternatives of the found codes (other providers' readings) that the query's words beside the code describe:
 * key → relevance, the best 1. Empty for a code typed alone, or with words too ordinary to say anything.
 */
function describedAmong(
  found: Finding[],
  text: string,
  search: (words: string, keys: Set<string>) => { entry: { key: string }; score: number }[],
): Map<string, number> {
  // A standard code's readings by the providers: a provider's own error found has its alternatives in its contexts.
  const standard = found.filter((finding) => finding.provider === STANDARD && finding.method === 'code');
  const keys = new Set(standard.flatMap((finding) => finding.alternatives.map((alternative) => alternative.key)));
  if (keys.size === 0) return new Map();
  const words = standard.reduce((rest, finding) => rest.split(finding.code).join(' '), text).trim();
  if (!/\s/.test(words)) return new Map();
  const hits = search(words, keys);
  const best = hits[0]?.score ?? 0;
  return new Map(best > 0 ? hits.map((hit) => [hit.entry.key, hit.score / best]) : []);
}
/** How much the words beside a code may lift one of its other readings: less than any step of confidence or name. */
const DESCRIBED_ALTERNATIVE = 0.04;

/** Of the named providers' described matches beyond DESCRIBED_KEPT, how many are kept. */
const NAMED_DESCRIBED_KEPT = 3;

/** Scores of described-error matches: the best at the top of a guess's range, the rest by their share of it. */
/** Scores of part of a message: above any word search's (at most WORD_SCORE_BASE + WORD_SCORE_SPAN), below a title's. */
const PARTIAL_SCORE_BASE = 0.75;
const PARTIAL_COVERAGE_WEIGHT = 0.05;
const PARTIAL_COMMON_WEIGHT = 0.05;
/**
 * A message the text holds whole outranks one it holds only part of, however common that one's error: Keycloak's
 * "Client not allowed to exchange" (token exchange refused) is not its commoner "Client not allowed to exchange
 * code" (invalid_grant) cut short. Together with the terms above, still below a title's 0.9.
 */
const WHOLE_MESSAGE = 0.045;
const WORD_SCORE_BASE = 0.3;
const WORD_SCORE_SPAN = 0.3;

function alternativeFields(entry: Catalog['entries'][number] | undefined, index: ResolverIndex): Partial<Match> {
  if (!entry) return {};
  return {
    provider: entry.provider,
    code: entry.code,
    title: entry.title,
    entry,
    method: 'code',
    links: entry.links,
    notices: index.providers.get(entry.provider)?.notices ?? [],
    alternatives: [],
  };
}

function matchOf(
  entry: Catalog['entries'][number],
  index: ResolverIndex,
  how: Pick<Match, 'confidence' | 'method' | 'score' | 'alternatives'>,
): Match {
  return {
    provider: entry.provider,
    code: entry.code,
    title: entry.title,
    entry,
    links: entry.links,
    notices: index.providers.get(entry.provider)?.notices ?? [],
    ...how,
  };
}

function fuzzyMatch(entry: Catalog['entries'][number], index: ResolverIndex, score: number): Match {
  return matchOf(entry, index, { confidence: 'weak', method: 'fuzzy', score: Math.min(score, 0.79), alternatives: [] });
}

/**
 * Part of a documented message: sure when only one message holds it. When several do, how much of each message the
 * text covers weighs with how often the error is hit (its provider's `common` list): "Application with
 * identifier...was not found" is in three messages, and Entra's AADSTS700016 is the one people meet.
 */
function partialMessageMatch(
  entry: Catalog['entries'][number],
  index: ResolverIndex,
  same: Catalog['entries'],
  coverage: number,
): Match {
  // Held by several messages, the text names none of them surely; unless they are one sentence that one provider
  // documents under several codes (Entra's 16000 and 50020), as a whole message found so is each of its codes.
  const oneSentence = same.every((other) => other.provider === entry.provider && sameSentence(other, entry));
  return matchOf(entry, index, {
    confidence: same.length === 1 || oneSentence ? 'strong' : 'weak',
    method: 'template',
    score:
      PARTIAL_SCORE_BASE +
      PARTIAL_COVERAGE_WEIGHT * coverage +
      PARTIAL_COMMON_WEIGHT * commonShare(index, entry) +
      (coverage >= 1 ? WHOLE_MESSAGE : 0),
    alternatives: same.filter((other) => other !== entry).map(alternativeOf),
  });
}

/** Whether two entries document a sentence alike (placeholders' names aside). */
function sameSentence(a: Catalog['entries'][number], b: Catalog['entries'][number]): boolean {
  const sentences = new Set(a.messages.map(sentenceKey));
  return b.messages.some((message) => sentences.has(sentenceKey(message)));
}
const sentenceKey = (message: string) => message.replace(/\{[^{}]*\}/g, '{}').toLowerCase();

function titleMatch(entry: Catalog['entries'][number], index: ResolverIndex, same: Catalog['entries']): Match {
  return matchOf(entry, index, {
    confidence: 'strong',
    method: 'alias',
    score: 0.9,
    alternatives: same.filter((other) => other !== entry).map(alternativeOf),
  });
}
