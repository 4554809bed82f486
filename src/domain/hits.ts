import type { LoadedEntry, LoadedProvider } from './findings.js';
import { type IndexedTemplate, type ResolverIndex, tokenSlot } from './resolver-index.js';
import { maskSecrets } from './secrets.js';
import { CUT_WORDS } from './templates.js';

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
    }
  | { kind: 'unknown'; token: string; provider: LoadedProvider; line: number; text: string; at: number };

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
export function collectHits(index: ResolverIndex, text: string): { hits: Hit[]; repeats: Repeats } {
  const hits: Hit[] = [];
  const seen: Seen = { tokens: new Map(), templates: new Map(), contextual: new Map(), repeats: new Map() };
  let lineNumber = 0;
  let start = 0;
  // The line before, and the messages its words made candidates of (no object per line: a log has many).
  let previousLine: string | undefined;
  let previousMissed: IndexedTemplate[] = NONE;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    lineNumber += 1;
    const missed = collectLine(index, line, lineNumber, hits, seen);
    if (missed.length > 0) collectCutShort(index, line, lineNumber, missed, hits, seen);
    if (
      previousLine !== undefined &&
      previousLine.length >= WRAPPED_WIDTH &&
      (previousMissed.length > 0 || missed.length > 0)
    ) {
      collectWrapped(index, previousLine, line, lineNumber - 1, previousMissed, missed, hits, seen);
    }
    previousLine = line;
    previousMissed = missed;
    if (end === -1) break;
    start = end + 1;
  }
  return { hits, repeats: seen.repeats };
}

/** How much of a line's end is read for a message cut short (a message's start is far shorter). */
const CUT_TAIL = 4000;

/** A message cut short must keep this share of all its words (and CUT_WORDS at least), or end a clause of it. */
const CUT_SHARE = 0.6;

/**
 * A long message cut short where its line ends, by a log's line limit or by the person who pasted it
 * ("Error validating access token: Session has expired" of Meta's "... Session has expired on {time}."):
 * the line ends with the message's first words, in order, the last perhaps itself cut. Tried only for
 * messages whose rare word the line holds but which did not match whole (collectLine's candidates).
 */
function collectCutShort(
  index: ResolverIndex,
  line: string,
  lineNumber: number,
  candidates: IndexedTemplate[],
  hits: Hit[],
  seen: Seen,
): void {
  let tokens: { word: string; at: number }[] | undefined;
  let last: string | undefined;
  for (const template of candidates) {
    const { leading, words } = template;
    const first = leading[0];
    if (seen.templates.has(template) || leading.length < CUT_WORDS || first === undefined) continue;
    // The line's last word must be one of the message's words from the CUT_WORDS-th on, or the start of
    // one: a cheap test that most lines fail before their words are read.
    // Most lines end with a word no message has (an id, a number, a time): one look-up says so for all.
    last ??= lastWord(line) ?? '';
    const end = last;
    if (end === '' || !wordEnds(index).starts.has(end)) return;
    if (!leading.some((word, at) => at >= CUT_WORDS - 1 && word.startsWith(end))) continue;
    // Only the line's end can hold a cut message: a very long line is read from its last characters.
    const from = Math.max(0, line.length - CUT_TAIL);
    tokens ??= [
      ...line
        .slice(from)
        .toLowerCase()
        .matchAll(/[a-z0-9_]+/g),
    ].map((found) => ({
      word: found[0],
      at: from + found.index,
    }));
    for (let start = tokens.length - CUT_WORDS; start >= 0; start -= 1) {
      if (tokens[start]?.word !== first) continue;
      let count = 0;
      while (start + count < tokens.length && tokens[start + count]?.word === leading[count]) count += 1;
      const rest = tokens.length - start - count;
      const next = leading[count];
      const partial = rest === 1 && next !== undefined && next.startsWith(tokens[start + count]?.word as string);
      const cut = count < leading.length || words.length > leading.length;
      // Most of the message, or a first part of it that ends where a clause of it ends ("token response did
      // not contain an id_token" of "..., either the scope ... wasn't requested").
      const enough = count >= CUT_SHARE * words.length || (rest === 0 && template.clauses.includes(count));
      if (count < CUT_WORDS || !enough || !cut || (rest !== 0 && !partial)) continue;
      // Cut where another error's message starts the same way, the text cannot tell which it was.
      if (startsOfOthers(index, template, leading.slice(0, count))) break;
      // Words of a message found whole on the line are that message's ("Client assertion is not within its
      // valid time range" is Entra's 700024, not a cut 500133 "Assertion is not within ... range. Ensure ...").
      if (insideWholeMessage(hits, lineNumber, line, tokens[start]?.at as number)) break;
      const at = tokens[start]?.at as number;
      const hit: Hit = { kind: 'template', template, line: lineNumber, text: line, at, whole: false };
      seen.templates.set(template, hit);
      hits.push(hit);
      break;
    }
  }
}

/** Whether a message found whole on this line (the hits at the end of `hits`) reaches past `at`. */
function insideWholeMessage(hits: Hit[], lineNumber: number, line: string, at: number): boolean {
  for (let i = hits.length - 1; i >= 0; i -= 1) {
    const hit = hits[i] as Hit;
    if (hit.line !== lineNumber) return false;
    if (hit.kind !== 'template' || hit.at > at) continue;
    const found = hit.template.regex.exec(line);
    if (found && found.index + found[0].length > at) return true;
  }
  return false;
}

/** Templates by their first CUT_WORDS words, built on first need. */
const BY_START = new WeakMap<ResolverIndex, Map<string, IndexedTemplate[]>>();

/** Whether a template of another entry also starts with `words`. */
function startsOfOthers(index: ResolverIndex, template: IndexedTemplate, words: string[]): boolean {
  let starts = BY_START.get(index);
  if (!starts) {
    starts = new Map();
    for (const templates of index.templatesByWord.values()) {
      for (const other of templates) {
        if (other.leading.length < CUT_WORDS) continue;
        const key = other.leading.slice(0, CUT_WORDS).join(' ');
        starts.set(key, [...(starts.get(key) ?? []), other]);
      }
    }
    BY_START.set(index, starts);
  }
  return (starts.get(words.slice(0, CUT_WORDS).join(' ')) ?? []).some(
    (other) => other.entry !== template.entry && words.every((word, at) => other.leading[at] === word),
  );
}

/**
 * A terminal or a log viewer breaks a long line at its width, often inside a word ("Expected OAut" / "h 2
 * access token"). A line at least this long may be one half of a message; shorter ones end where the
 * writer ended them.
 */
const WRAPPED_WIDTH = 60;

/**
 * Messages a line's words made candidates of but that did not match on one line (collectLine), tried
 * again across the break between `first` and the line after it, joined as if the break were not there or
 * were a space. A match must cross the break: on one side alone it was a match already, or not one.
 */
function collectWrapped(
  index: ResolverIndex,
  first: string,
  second: string,
  lineNumber: number,
  firstCandidates: IndexedTemplate[],
  secondCandidates: IndexedTemplate[],
  hits: Hit[],
  seen: Seen,
): void {
  const last = lastWord(first);
  const next = firstWord(second);
  if (!last || !next) return;
  // Most lines end and begin with words no message has (ids, numbers, times): two set look-ups say so.
  const ends = wordEnds(index);
  if (!ends.starts.has(last) || !ends.ends.has(next)) return;
  // A message that crosses the break holds the first line's last word (or begins with it, cut) and the
  // second line's first (or ends with it); then every other word is on one of the lines. Most candidates
  // of a log's lines fail the first test, which is cheap, and nothing is joined or lower-cased for them.
  const crossing = (template: IndexedTemplate) =>
    !seen.templates.has(template) &&
    template.words.some((word) => word.startsWith(last)) &&
    template.words.some((word) => word.endsWith(next));
  const unseen = [...firstCandidates.filter(crossing), ...secondCandidates.filter(crossing)];
  if (unseen.length === 0) return;
  const firstLower = first.toLowerCase();
  const secondLower = second.trimStart().toLowerCase();
  // Every word on one of the two lines, but for at most one word the break cut in two.
  const fits = (template: IndexedTemplate) => {
    let cut = false;
    for (const word of template.words) {
      if (firstLower.includes(word) || secondLower.includes(word)) continue;
      if (cut || !cutBetween(firstLower, secondLower, word)) return false;
      cut = true;
    }
    return true;
  };
  if (!unseen.some(fits)) return;
  for (const joined of [first + second.trimStart(), `${first} ${second.trimStart()}`]) {
    const lower = joined.toLowerCase();
    for (const template of unseen) {
      if (seen.templates.has(template) || !holdsEvery(lower, template.words)) continue;
      const found = template.regex.exec(joined);
      if (!found || found.index >= first.length || found.index + found[0].length <= first.length) continue;
      const hit: Hit = { kind: 'template', template, line: lineNumber, text: joined, at: found.index, whole: false };
      seen.templates.set(template, hit);
      hits.push(hit);
    }
  }
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

/** A character of a token: tokens are runs of ASCII letters, digits and underscores. */
function isTokenChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95;
}

/** Collects the line's hits; returns the messages its words made candidates of (see collectWrapped). */
function collectLine(
  index: ResolverIndex,
  line: string,
  lineNumber: number,
  hits: Hit[],
  seen: Seen,
): IndexedTemplate[] {
  // Lower-case the line once rather than each token; where lower-casing changes the length (rare
  // Unicode), tokens are read from the original line and lower-cased one by one.
  const lower = line.toLowerCase();
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
    const from = at;
    let digit = false;
    for (; at < source.length; at += 1) {
      const code = source.charCodeAt(at);
      if (!isTokenChar(code)) break;
      if (code >= 48 && code <= 57) digit = true;
    }
    // Most tokens of a log (words, numbers, ids) are nothing the catalogs know: the filter says so for
    // most of them from their first characters and length; the others take one look-up. The filter holds
    // lower-case keys, so a line whose lower-casing changed its length (tokens read from the original, in
    // any case) is looked up token by token.
    const known =
      !aligned ||
      index.tokenFilter[
        tokenSlot(source.charCodeAt(from), at - from > 1 ? source.charCodeAt(from + 1) : 0, at - from)
      ] === 1;
    if (!known && !digit) continue;
    // Not a code nor an alias: with a digit, only a provider's code shape (AADSTS99999) could make it one.
    if (!known && index.shapeStarts[source.charCodeAt(from)] !== 1) continue;
    const raw = source.slice(from, at);
    const key = aligned ? raw : raw.toLowerCase();
    const meaning = known ? index.tokens.get(key) : undefined;
    if (meaning?.templates && !templateWords?.includes(key)) {
      templateWords ??= [];
      templateWords.push(key);
      candidates ??= [];
      for (const template of meaning.templates) {
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
    const token = aligned ? line.slice(from, at) : raw;
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
  for (const { template, start, end } of matched) {
    // The longest documented message that fits is the one: Auth0's "Unknown or invalid refresh token"
    // holds Keycloak's "Invalid refresh token", which is then not a second error.
    const within = around.some(
      (other) => other.start <= start && other.end >= end && other.end - other.start > end - start,
    );
    if (within) continue;
    const whole = line.slice(0, start).trim() === '' && ONLY_PUNCTUATION.test(line.slice(end));
    const hit: Hit = { kind: 'template', template, line: lineNumber, text: line, at: start, whole };
    seen.templates.set(template, hit);
    hits.push(hit);
  }
  // Those that matched are in seen.templates now, which collectWrapped skips.
  return candidates;
}

const NONE: IndexedTemplate[] = [];

/** Every start and every end of every word of the catalogs' messages (`oaut` and `h` of `oauth`), built on first need. */
const WORD_ENDS = new WeakMap<ResolverIndex, { starts: Set<string>; ends: Set<string> }>();

function wordEnds(index: ResolverIndex): { starts: Set<string>; ends: Set<string> } {
  let found = WORD_ENDS.get(index);
  if (!found) {
    found = { starts: new Set(), ends: new Set() };
    for (const templates of index.templatesByWord.values()) {
      for (const template of templates) {
        for (const word of template.words) {
          for (let at = 1; at <= word.length; at += 1) {
            found.starts.add(word.slice(0, at));
            found.ends.add(word.slice(word.length - at));
          }
        }
      }
    }
    WORD_ENDS.set(index, found);
  }
  return found;
}

/** The line's last token, lower-cased (read from the end: a log line can be long). */
function lastWord(line: string): string | undefined {
  let end = line.length;
  while (end > 0 && !isTokenChar(line.charCodeAt(end - 1))) end -= 1;
  let start = end;
  while (start > 0 && isTokenChar(line.charCodeAt(start - 1))) start -= 1;
  return start < end ? line.slice(start, end).toLowerCase() : undefined;
}

/** The line's first token, lower-cased. */
function firstWord(line: string): string | undefined {
  let start = 0;
  while (start < line.length && !isTokenChar(line.charCodeAt(start))) start += 1;
  let end = start;
  while (end < line.length && isTokenChar(line.charCodeAt(end))) end += 1;
  return start < end ? line.slice(start, end).toLowerCase() : undefined;
}

/** Whether `first` ends with the start of `word` and `second` starts with its rest ("...oaut" / "h 2 ..."). */
function cutBetween(first: string, second: string, word: string): boolean {
  for (let at = 1; at < word.length; at += 1) {
    if (first.endsWith(word.slice(0, at)) && second.startsWith(word.slice(at))) return true;
  }
  return false;
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

function holdsEvery(text: string, words: string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
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
  return entries.every((entry) => entry !== template.entry && !entry.requires_context);
}
