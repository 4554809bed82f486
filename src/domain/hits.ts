import {
  collectCutShort,
  collectJsonBlock,
  collectWrapped,
  collectWrappedCode,
  continuesSentence,
  JSON_BLOCK_LINES,
  type JsonBlock,
  jsonBodyLine,
  WRAPPED_WIDTH,
} from './broken-messages.js';
import type { LoadedEntry, LoadedProvider } from './findings.js';
import { afterPercentSign, holdsEvery, isTokenChar } from './line-words.js';
import { withoutEmphasisMarks, withoutInlineMarks } from './markup.js';
import { type IndexedTemplate, lastBit, type ResolverIndex, tokenSlot } from './resolver-index.js';
import { collectReworded } from './reworded-messages.js';
import { maskSecrets } from './secrets.js';

/** Something in the text that names an error: a code, an alias, a documented message, or an unknown code. */
export type Hit =
  | {
      kind: 'code';
      token: string;
      entries: LoadedEntry[];
      line: number;
      /** The line it stands on, and where: the excerpt shown is cut (and masked) from these only for findings. */
      text: string;
      at: number;
      /** Providers whose code shape the token has (AADSTS50011: entra), found once here for every rule that asks. */
      shapes: string[];
      /** Up to 40 characters before the token on its line (is it a field's value: `"type":"fp"`?). */
      before: string;
    }
  | { kind: 'alias'; token: string; entries: LoadedEntry[]; line: number; text: string; at: number; before: string }
  | {
      kind: 'template';
      template: IndexedTemplate;
      line: number;
      text: string;
      at: number;
      /** The message is all there is on its line (a message typed as is, not one inside a longer text). */
      whole: boolean;
      /**
       * Another provider's longer message that holds this one on its line (Salesforce's "Failed: Invalid Access
       * Token" around Zoom's "Invalid access token"): the clues around the line settle which of the two it is
       * (attribute.ts), where the longer one wins by default.
       */
      inside?: IndexedTemplate;
    }
  | { kind: 'unknown'; token: string; provider: LoadedProvider; line: number; text: string; at: number };

export type TemplateHit = Hit & { kind: 'template' };

/**
 * Other hits of the same message text on the same line: several providers document some sentences word for
 * word (the spec's own, copied by Okta). `byLine` from templateHitsByLine.
 */
export function sameTextOnLine(hit: TemplateHit, byLine: Map<number, TemplateHit[]>): TemplateHit[] {
  return (byLine.get(hit.line) ?? []).filter((other) => other !== hit && other.template.key === hit.template.key);
}

export function templateHitsByLine(hits: Hit[]): Map<number, TemplateHit[]> {
  const byLine = new Map<number, TemplateHit[]>();
  for (const hit of hits) {
    if (hit.kind !== 'template') continue;
    const list = byLine.get(hit.line);
    if (list) list.push(hit);
    else byLine.set(hit.line, [hit]);
  }
  return byLine;
}

/** Later lines that hold the same token or message again with no hit of their own (see Seen), in order. */
export type Repeats = Map<Hit, number[]>;

const EXCERPT_MAX = 160;
const EXCERPT_MARGIN = 200;
/** What may follow a message that is still all there is on its line: a full stop, quotes, spaces. */
const ONLY_PUNCTUATION = /^[\s.!'"]*$/;

/**
 * The part of a line shown with a finding, credentials masked: excerpts reach Slack threads, the CLI and
 * JSON output, and a pasted client secret must never be repeated. Masking runs on a margin around the
 * excerpt so that a secret cut by the excerpt's edge is still recognised whole.
 */
/** The excerpt a finding shows of its hit's line (computed for findings only: a scan has far more hits). */
export function excerptOf(hit: Hit): string {
  return excerptAt(hit.text, hit.at);
}

function excerptAt(line: string, at: number): string {
  const trimmed = line.trim();
  if (trimmed.length <= EXCERPT_MAX) return maskSecrets(trimmed);
  const from = Math.max(0, at - EXCERPT_MAX - EXCERPT_MARGIN);
  const before = maskSecrets(line.slice(from, at));
  const after = maskSecrets(line.slice(at, at + EXCERPT_MAX + EXCERPT_MARGIN));
  const window = before + after;
  const start = Math.max(0, Math.min(before.length - EXCERPT_MAX / 2, window.length - EXCERPT_MAX));
  const clipped = window.slice(start, start + EXCERPT_MAX).trim();
  return `${from + start > 0 ? '…' : ''}${clipped}${at + EXCERPT_MAX < line.length ? '…' : ''}`;
}

/**
 * One pass over the text: every token is looked up in the code and alias maps, and lines holding a
 * template's rare word are tested against that template. Cost grows with the text, not the catalog.
 * Besides the hits: the later lines each hit's token or message appears on again (how often an error occurs).
 */
export function collectHits(
  index: ResolverIndex,
  text: string,
  /** The text lower-cased, when the caller has it: each line's lower case is then a slice of it, not a copy. */
  lowerText?: string,
): { hits: Hit[]; repeats: Repeats } {
  // Where lower-casing changed the length (rare Unicode), lines are lower-cased one by one, as collectLine reads them.
  const lowered = lowerText !== undefined && lowerText.length === text.length ? lowerText : undefined;
  // A text of one token (`AADSTS50011`, a typed code) holds no documented message unless one is that word:
  // it is read without compiling the catalogs' messages, which a one-code CLI lookup then never does.
  const token = ONE_TOKEN.exec(text)?.[1];
  if (token === undefined || index.oneWordMessages.has(token.toLowerCase())) void index.templatesByWord;
  const hits: Hit[] = [];
  const seen: Seen = { tokens: new Map(), templates: new Map(), contextual: new Map(), repeats: new Map() };
  let lineNumber = 0;
  let start = 0;
  // The line before, and the messages its words made candidates of (no object per line: a log has many).
  let previousLine: string | undefined;
  let previousMissed: IndexedTemplate[] = NONE;
  // The line before the line before, when it ran on into the line before, with its candidates: a message
  // wrapped by hand may span three lines.
  let twoBack: string | undefined;
  let twoBackMissed: IndexedTemplate[] = NONE;
  // The pretty-printed JSON body the lines are in, if any (broken-messages.ts's collectJsonBlock).
  let block: JsonBlock | undefined;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    lineNumber += 1;
    const lower = lowered?.slice(start, end === -1 ? text.length : end);
    const missed = collectLine(index, line, lineNumber, hits, seen, lower);
    if (missed.length > 0) {
      const plain = collectUnmarked(index, line, lineNumber, missed, hits, seen);
      collectCutShort(index, plain, lineNumber, missed, hits, seen.templates);
      collectReworded(plain, lineNumber, missed, hits, seen.templates, plain === line ? lower : undefined);
    }
    const continued = previousLine !== undefined && continuesSentence(previousLine, line);
    const wrapped = continued || (previousLine !== undefined && previousLine.length >= WRAPPED_WIDTH);
    if (wrapped) {
      const before = previousLine as string;
      if (previousMissed.length > 0 || missed.length > 0)
        collectWrapped(index, before, line, lineNumber - 1, previousMissed, missed, hits, seen.templates);
      // The three lines are joined only when one of them made a message a candidate (most lines make none).
      if (twoBack !== undefined && (twoBackMissed.length > 0 || previousMissed.length > 0 || missed.length > 0)) {
        const first = `${twoBack} ${before.trimStart()}`;
        const candidates = [...twoBackMissed, ...previousMissed];
        collectWrapped(index, first, line, lineNumber - 2, candidates, missed, hits, seen.templates);
      }
    }
    // A code is broken only at a terminal's width: a text wrapped by hand breaks between words.
    if (previousLine !== undefined && previousLine.length >= WRAPPED_WIDTH)
      collectWrappedCode(index, previousLine, line, lineNumber - 1, hits, seen.tokens);
    // Only a sentence goes on over a third line: a log's lines, long as they are, begin with a time or a level.
    twoBack = continued ? previousLine : undefined;
    twoBackMissed = continued ? previousMissed : NONE;
    previousLine = line;
    previousMissed = missed;
    const inBody = jsonBodyLine(line);
    // A body ends at a line that is none of it, or is read in pieces when longer than JSON_BLOCK_LINES.
    if (block && (!inBody || block.lines.length >= JSON_BLOCK_LINES)) {
      collectJsonBlock(block, hits, seen.templates);
      block = undefined;
    }
    if (inBody) {
      block ??= { start: lineNumber, lines: [], candidates: [] };
      block.lines.push(line);
      for (const template of missed) block.candidates.push(template);
    }
    if (end === -1) break;
    start = end + 1;
  }
  if (block) collectJsonBlock(block, hits, seen.templates);
  return { hits, repeats: seen.repeats };
}

/**
 * Only the first occurrence of a token or template matters, findings being distinct errors; except for
 * codes whose meaning depends on the lines around them (invalid_grant is Entra's in one response and
 * Okta's ten lines down), which are kept once per line, up to CONTEXTUAL_LINES lines per code so that a
 * log repeating one code a million times costs no more than one repeating it a few hundred times.
 */
interface Seen {
  /** Every token seen, with the last hit it made (null: a word that names no error). */
  tokens: Map<string, Hit | null>;
  /** Every template found, with its hit. */
  templates: Map<IndexedTemplate, Hit>;
  /** Occurrences skipped above are counted against the hit they repeat. */
  repeats: Repeats;
  /** Context-bound code → how many lines it was kept for, and the last. */
  contextual: Map<string, { line: number; count: number }>;
}

const CONTEXTUAL_LINES = 500;

/** Whether this occurrence of an already seen token is worth a hit of its own. */
function againOnThisLine(seen: Seen, key: string, lineNumber: number): boolean {
  const kept = seen.contextual.get(key);
  if (!kept || kept.line === lineNumber || kept.count >= CONTEXTUAL_LINES) return false;
  kept.line = lineNumber;
  kept.count += 1;
  return true;
}

/** Notes another line of `hit`'s token or message; a line counts once. */
function repeat(seen: Seen, hit: Hit, lineNumber: number): void {
  const lines = seen.repeats.get(hit);
  if (!lines) seen.repeats.set(hit, [lineNumber]);
  else if (lines.at(-1) !== lineNumber) lines.push(lineNumber);
}

/** Collects the line's hits; returns the messages its words made candidates of (broken-messages.ts tries them further). */
function collectLine(
  index: ResolverIndex,
  line: string,
  lineNumber: number,
  hits: Hit[],
  seen: Seen,
  lowerLine?: string,
): IndexedTemplate[] {
  // Lower-case the line once rather than each token; where lower-casing changes the length (rare
  // Unicode), tokens are read from the original line and lower-cased one by one.
  const lower = lowerLine ?? line.toLowerCase();
  const aligned = lower.length === line.length;
  const source = aligned ? lower : line;
  let candidates: IndexedTemplate[] | undefined;
  /** Templates already found on an earlier line: not findings again, but a longer one still contains a shorter. */
  let seenCandidates: IndexedTemplate[] | undefined;
  /** Words whose templates are in the two lists above (a template is indexed under one word only). */
  let templateWords: string[] | undefined;
  // Tokens are cut by hand rather than with a regular expression: no match object per token, and whether a
  // token holds a digit (the only tokens that may have a provider's code shape) comes for free.
  let at = 0;
  while (at < source.length) {
    if (!isTokenChar(source.charCodeAt(at))) {
      at += 1;
      continue;
    }
    // A percent-encoded character before a word (`%20must` in an error_description on a callback URL) is
    // a space or a quote, not the word's start: the word begins after it.
    if (afterPercentSign(source, at)) {
      at += 2;
      continue;
    }
    let from = at;
    let digit = false;
    for (; at < source.length; at += 1) {
      const code = source.charCodeAt(at);
      if (!isTokenChar(code)) break;
      if (code >= 48 && code <= 57) digit = true;
    }
    // Markdown's emphasis (`_invalid_grant_`, `__AADSTS50011__`, `_INVALID_CLIENT: ..._` in Slack) is not
    // part of the code: no code or alias starts or ends with an underscore (a catalog test holds them to it).
    // Only a token with an underscore at an end can carry emphasis: the others skip the check.
    let to = at;
    if (source.charCodeAt(from) === UNDERSCORE || source.charCodeAt(to - 1) === UNDERSCORE) {
      const [first, last] = withoutEmphasis(source, from, at);
      if (first === last) continue;
      from = first;
      to = last;
    }
    // Most tokens of a log (words, numbers, ids) are nothing the catalogs know: the filter says so for
    // most of them from their first two characters, length and last character; the others take one look-up.
    // The filter holds lower-case keys, so a line whose lower-casing changed its length (tokens read from the
    // original, in any case) is looked up token by token.
    const known =
      !aligned ||
      ((index.tokenFilter[
        tokenSlot(source.charCodeAt(from), to - from > 1 ? source.charCodeAt(from + 1) : 0, to - from)
      ] as number) &
        lastBit(source.charCodeAt(to - 1))) !==
        0;
    if (!known && !digit) continue;
    // Not a code nor an alias: with a digit, only a provider's code shape (AADSTS99999) could make it one.
    if (!known && index.shapeStarts[source.charCodeAt(from)] !== 1) continue;
    const raw = source.slice(from, to);
    const key = aligned ? raw : raw.toLowerCase();
    const meaning = known ? index.tokens.get(key) : undefined;
    if (meaning?.templates && !templateWords?.includes(key)) {
      templateWords ??= [];
      templateWords.push(key);
      candidates ??= [];
      for (const template of meaning.templates) {
        if (template.alsoWord !== undefined && !lower.includes(template.alsoWord)) continue;
        if (!seen.templates.has(template)) {
          // A template indexed under two words (see indexTemplates) is one candidate.
          if (!template.twice || !candidates.includes(template)) candidates.push(template);
        } else {
          seenCandidates ??= [];
          seenCandidates.push(template);
        }
      }
    }
    const codeEntries = meaning?.codes;
    const aliasEntries = codeEntries ? undefined : meaning?.aliases;
    // Neither a code nor an alias, and without a digit no provider's code shape: nothing to note, whether
    // seen before or not (a word that names no error has no hit to count a repeat against).
    if (!codeEntries && !aliasEntries && !digit) continue;
    const earlier = seen.tokens.get(key);
    if (earlier !== undefined && !(meaning?.contextual && againOnThisLine(seen, key, lineNumber))) {
      if (earlier && earlier.line !== lineNumber) repeat(seen, earlier, lineNumber);
      continue;
    }
    seen.tokens.set(key, null);
    if (meaning?.contextual && !seen.contextual.has(key)) seen.contextual.set(key, { line: lineNumber, count: 1 });
    const shape = codeEntries || aliasEntries ? undefined : index.patterns.find((pattern) => pattern.regex.test(key));
    if (!codeEntries && !aliasEntries && !shape) continue;
    const token = aligned ? line.slice(from, to) : raw;
    const before = line.slice(Math.max(0, from - 40), from);
    let hit: Hit | undefined;
    if (codeEntries) {
      const shapes = meaning?.shapes ?? [];
      hit = { kind: 'code', token, entries: codeEntries, line: lineNumber, text: line, at: from, shapes, before };
    } else if (aliasEntries) {
      hit = { kind: 'alias', token, entries: aliasEntries, line: lineNumber, text: line, at: from, before };
    } else if (shape) {
      hit = { kind: 'unknown', token, provider: shape.provider, line: lineNumber, text: line, at: from };
    }
    if (!hit) continue;
    hits.push(hit);
    seen.tokens.set(key, hit);
  }
  if (!candidates) return NONE;
  const matched = matchTemplates(index, line, lower, candidates);
  // Messages found before are tested again only when a new one matched (it may hold one of them), or when
  // they may repeat on this line: every word of theirs is on it.
  const again = seenCandidates ? matchTemplates(index, line, lower, seenCandidates) : [];
  const around = matched.length > 0 ? [...matched, ...again] : matched;
  for (const { template, start, end } of again) {
    const within = around.some(
      (other) => other.start <= start && other.end >= end && other.end - other.start > end - start,
    );
    const hit = seen.templates.get(template);
    if (!within && hit && hit.line !== lineNumber) repeat(seen, hit, lineNumber);
  }
  addMatched(line, lineNumber, matched, around, hits, seen);
  // Those that matched are in seen.templates now, which collectWrapped skips.
  return candidates;
}

type Matched = ReturnType<typeof matchTemplates>;

function addMatched(
  line: string,
  lineNumber: number,
  matched: Matched,
  around: Matched,
  hits: Hit[],
  seen: Seen,
): void {
  for (const { template, start, end } of matched) {
    // The longest documented message that fits is the one: Auth0's "Unknown or invalid refresh token"
    // holds Keycloak's "Invalid refresh token", which is then not a second error. Of another provider, the
    // shorter one is kept beside it for the clues to weigh (`inside`), and not noted as seen: it is not an
    // error of its own unless they choose it.
    const outers = around.filter(
      (other) => other.start <= start && other.end >= end && other.end - other.start > end - start,
    );
    const outer = outers[0];
    if (
      outer &&
      (template.method === 'code' ||
        outers.some(
          (other) => other.template.method === 'code' || other.template.entry.provider === template.entry.provider,
        ))
    )
      continue;
    if (template.method === 'code' && linkedSection(line, start)) continue;
    const whole = line.slice(0, start).trim() === '' && ONLY_PUNCTUATION.test(line.slice(end));
    const hit: Hit = { kind: 'template', template, line: lineNumber, text: line, at: start, whole };
    if (outer) {
      hits.push({ ...hit, inside: outer.template });
      continue;
    }
    seen.templates.set(template, hit);
    if (template.method === 'code') dropTokensInside(hits, seen, lineNumber, start, end);
    hits.push(hit);
  }
}

/**
 * The line's candidate messages read again without the inline marks people put around some of their words
 * (markup.ts: "does *not match*", "is **not allowed**"). Returns the line as the later readings (a message cut
 * short, reworded) should read it: without its marks when it had any.
 */
function collectUnmarked(
  index: ResolverIndex,
  line: string,
  lineNumber: number,
  candidates: IndexedTemplate[],
  hits: Hit[],
  seen: Seen,
): string {
  const plain = withoutInlineMarks(line);
  if (plain === line) return line;
  // Without the emphasis alone first: a message's own backticks are part of it (node-oauth2-server's
  // "Missing parameter: `grant_type`" in bold), then without the code marks too ("does `not match`").
  const emphasised = withoutEmphasisMarks(line);
  for (const read of emphasised === line || emphasised === plain ? [plain] : [emphasised, plain]) {
    // All of them, those the line as written held too: the longest message that fits is still the one.
    const around = matchTemplates(index, read, read.toLowerCase(), candidates);
    const matched = around.filter(({ template }) => !seen.templates.has(template));
    addMatched(read, lineNumber, matched, around, hits, seen);
  }
  return plain;
}

const NONE: IndexedTemplate[] = [];

/**
 * Whether a code-shaped name at `start` is a page or section of a link: after a URL's `/` or `#` (or their
 * percent-encodings), in a run of text that holds `://`. An error_uri pointing at a troubleshooting page's
 * `#redirect-uri-mismatch` names a heading of GitHub's docs, not PingOne's error of that name.
 */
function linkedSection(line: string, start: number): boolean {
  const before = line.slice(Math.max(0, start - LINK_LOOKBACK), start);
  if (!LINK_SEPARATOR_BEFORE.test(before)) return false;
  const run = before.slice(before.search(/\S*$/));
  return run.includes('://') || /%3a%2f%2f/i.test(run);
}

/** How far back a link's scheme is looked for (an address rarely runs longer). */
const LINK_LOOKBACK = 300;
const LINK_SEPARATOR_BEFORE = /(?:[/#]|%2f|%23)$/i;

const UNDERSCORE = 95;

/**
 * The token in [from, to) without the underscores of Markdown emphasis around it: leading ones where the
 * token starts a word (after a space, a quote or a bracket, or the line's start: not `self._token`), trailing
 * ones where it ends one. Returns the new bounds; equal when the token was only underscores.
 */
function withoutEmphasis(text: string, from: number, to: number): [number, number] {
  let first = from;
  let last = to;
  if (text.charCodeAt(first) === UNDERSCORE && (first === 0 || OPENS_EMPHASIS.test(text.charAt(first - 1)))) {
    while (first < last && text.charCodeAt(first) === UNDERSCORE) first += 1;
  }
  if (text.charCodeAt(last - 1) === UNDERSCORE && (last === text.length || CLOSES_EMPHASIS.test(text.charAt(last)))) {
    while (last > first && text.charCodeAt(last - 1) === UNDERSCORE) last -= 1;
  }
  return [first, last];
}

const OPENS_EMPHASIS = /[\s"'`([{<*~>]/;
const CLOSES_EMPHASIS = /[\s"'`)\]}>*~.,:;!?]/;

const ONE_TOKEN = /^\s*([A-Za-z0-9_]*)\s*$/;

/**
 * A code of several tokens found whole (Firebase's `auth/unauthorized-domain`) is one code: a word of it
 * (`unauthorized`, Auth0's) is no code of its own there, and may still be one where it stands alone later.
 */
function dropTokensInside(hits: Hit[], seen: Seen, lineNumber: number, start: number, end: number): void {
  for (let i = hits.length - 1; i >= 0; i -= 1) {
    const hit = hits[i] as Hit;
    if (hit.line !== lineNumber) return;
    if (hit.kind === 'template' || hit.at < start || hit.at >= end) continue;
    hits.splice(i, 1);
    const key = hit.token.toLowerCase();
    if (seen.tokens.get(key) === hit) seen.tokens.delete(key);
  }
}

/**
 * The templates whose expression matches the line, with where. Every word of a template must be on the
 * line before its regular expression is worth running. A substring test is enough for that filter (the
 * expression decides) and, unlike a set of the line's words, costs nothing to set up on lines where a
 * common word ("get", "internal") made a template a candidate.
 */
function matchTemplates(
  index: ResolverIndex,
  line: string,
  lower: string,
  templates: IndexedTemplate[],
): { template: IndexedTemplate; start: number; end: number }[] {
  const matched: { template: IndexedTemplate; start: number; end: number }[] = [];
  for (const template of templates) {
    if (!holdsEvery(lower, template.words)) continue;
    const found = template.regex.exec(line);
    if (!found || belongsToCodeBefore(index, line, found.index, template)) continue;
    matched.push({ template, start: found.index, end: found.index + found[0].length });
  }
  return matched;
}

/** The code right before a message, as in `AADSTS50020: User account ...`. */
const CODE_BEFORE = /([A-Za-z0-9_]+)[\s:\-\]'")]{0,3}$/;

/**
 * Whether the message found at `at` follows the code of another error, whose message it then is.
 * Entra documents the same message for AADSTS16000 and AADSTS50020; written right after `AADSTS50020:`
 * it is 50020's, not a second error (a message inside a longer one is settled in collectLine). Only
 * codes that name one error count (AADSTS50020, E0000028), not generic ones such as invalid_client,
 * after which a provider's message can be the more specific finding.
 */
function belongsToCodeBefore(index: ResolverIndex, line: string, at: number, template: IndexedTemplate): boolean {
  const before = CODE_BEFORE.exec(line.slice(Math.max(0, at - 64), at));
  const entries = before?.[1] ? index.codes.get(before[1].toLowerCase()) : undefined;
  if (!entries) return false;
  // A wrapper's message is the wrapped error's ("TokenError: <GitHub's description>"), not its own.
  return entries.every((entry) => entry !== template.entry && !entry.requires_context && !entry.wraps);
}
