import type { Hit } from './hits.js';
import { holdsEvery, isTokenChar, lowerCode, runToEnd, tokensOf } from './line-words.js';
import { type IndexedTemplate, lastBit, type ResolverIndex, tokenSlot } from './resolver-index.js';
import { CUT_WORDS } from './templates.js';

/**
 * Documented messages as people paste them when a line does not hold them whole: broken over two lines at
 * a terminal's width, or cut short where the line ends (also past a value inside them); and codes broken by
 * the width. A scan (hits.ts) tries messages only for those a line's words made candidates of and that did
 * not match on the line; each adds its hit to `hits` and `found` (the messages found so far) as a whole
 * match would.
 */

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
export function collectCutShort(
  index: ResolverIndex,
  line: string,
  lineNumber: number,
  candidates: IndexedTemplate[],
  hits: Hit[],
  found: Map<IndexedTemplate, Hit>,
): void {
  /** The line's end read as words, and where each starts: built for the first candidate that needs it. */
  let tokens: { words: string[]; at: number[] } | undefined;
  let last: string | undefined;
  for (const template of candidates) {
    const { leading, words } = template;
    const first = leading[0];
    // A message too short to be found cut, and without a value to be cut past, before any look-up.
    if (first === undefined && !template.mayCutPastValue) continue;
    if (found.has(template)) continue;
    // Most lines end with a word no message has (an id, a number, a time): one look-up says so for all.
    last ??= lastWord(line) ?? '';
    const end = last;
    if (end === '' || !wordEnds(index).starts.has(end)) return;
    if (first === undefined || leading.length < CUT_WORDS) {
      collectCutPastValue(index, template, line, lineNumber, end, hits, found);
      continue;
    }
    // The line's last word must be one of the message's words from the CUT_WORDS-th on, or the start of
    // one: a cheap test that most candidates fail before the line's words are read.
    if (!leading.some((word, at) => at >= CUT_WORDS - 1 && word.startsWith(end))) continue;
    if (!tokens) {
      // Only the line's end can hold a cut message: a very long line is read from its last characters.
      const from = Math.max(0, line.length - CUT_TAIL);
      tokens = tokensOf(line.slice(from).toLowerCase(), from);
    }
    for (let start = tokens.words.length - CUT_WORDS; start >= 0; start -= 1) {
      if (tokens.words[start] !== first) continue;
      const run = runToEnd(tokens.words, start, leading);
      if (!run) continue;
      const { count, whole } = run;
      const cut = count < leading.length || words.length > leading.length;
      // Most of the message, or a first part of it that ends where a clause of it ends ("token response did
      // not contain an id_token" of "..., either the scope ... wasn't requested").
      const enough = count >= CUT_SHARE * words.length || (whole && template.clauses.includes(count));
      if (count < CUT_WORDS || !enough || !cut) continue;
      // Cut where another error's message starts the same way, the text cannot tell which it was.
      if (startsOfOthers(index, template, leading.slice(0, count))) break;
      // Words of a message found whole on the line are that message's ("Client assertion is not within its
      // valid time range" is Entra's 700024, not a cut 500133 "Assertion is not within ... range. Ensure ...").
      const at = tokens.at[start] as number;
      if (insideWholeMessage(hits, lineNumber, line, at)) break;
      const hit: Hit = { kind: 'template', template, line: lineNumber, text: line, at, whole: false };
      found.set(template, hit);
      hits.push(hit);
      break;
    }
  }
}

/**
 * A message with a value inside cut short past the value ("The resource principal named {name} was not
 * found in the tenant" of Entra's "... in the tenant named {tenant}."), as collectCutShort reads one cut
 * before it: at least CUT_WORDS of its literal words and most of them (or a whole clause) up to the line's end.
 */
function collectCutPastValue(
  index: ResolverIndex,
  template: IndexedTemplate,
  line: string,
  lineNumber: number,
  end: string,
  hits: Hit[],
  found: Map<IndexedTemplate, Hit>,
): void {
  const { words, cutsPastValue } = template;
  for (let at = words.length - 1; at >= CUT_WORDS - 1; at -= 1) {
    const word = words[at] as string;
    if (!word.startsWith(end)) continue;
    // The line ends with this word whole, or with its start ("ten" of "tenant"): the words before it whole.
    const whole = word === end;
    const count = whole ? at + 1 : at;
    const clause = cutsPastValue.get(count);
    if (clause === undefined || count < CUT_WORDS || count >= words.length) continue;
    if (count < CUT_SHARE * words.length && !(whole && clause)) continue;
    if (startsOfOthers(index, template, words.slice(0, count), 'words')) return;
    const tail = line.length > CUT_TAIL ? line.slice(line.length - CUT_TAIL) : line;
    const match = template.cutPastValue(count, whole ? undefined : end).exec(tail);
    if (!match) continue;
    const start = line.length - tail.length + match.index;
    if (insideWholeMessage(hits, lineNumber, line, start)) return;
    const hit: Hit = { kind: 'template', template, line: lineNumber, text: line, at: start, whole: false };
    found.set(template, hit);
    hits.push(hit);
    return;
  }
}

/** Whether a message found whole on this line (the hits at the end of `hits`) reaches past `at`. */
function insideWholeMessage(hits: Hit[], lineNumber: number, line: string, at: number): boolean {
  for (let i = hits.length - 1; i >= 0; i -= 1) {
    const hit = hits[i] as Hit;
    if (hit.line !== lineNumber) return false;
    if (hit.kind !== 'template' || hit.at > at) continue;
    const whole = hit.template.regex.exec(line);
    if (whole && whole.index + whole[0].length > at) return true;
  }
  return false;
}

/** Templates by their first CUT_WORDS words (of their first literal, or of all their literals), built on first need. */
const BY_START = {
  leading: new WeakMap<ResolverIndex, Map<string, IndexedTemplate[]>>(),
  words: new WeakMap<ResolverIndex, Map<string, IndexedTemplate[]>>(),
};

/**
 * Whether a template of another entry also starts with `words`: the words of its first literal (`leading`),
 * or its literal words with its values left out (`words`), as the cut one was read.
 */
function startsOfOthers(
  index: ResolverIndex,
  template: IndexedTemplate,
  words: string[],
  read: 'leading' | 'words' = 'leading',
): boolean {
  let starts = BY_START[read].get(index);
  if (!starts) {
    starts = new Map();
    for (const templates of index.templatesByWord.values()) {
      for (const other of templates) {
        if (other[read].length < CUT_WORDS) continue;
        const key = other[read].slice(0, CUT_WORDS).join(' ');
        starts.set(key, [...(starts.get(key) ?? []), other]);
      }
    }
    BY_START[read].set(index, starts);
  }
  return (starts.get(words.slice(0, CUT_WORDS).join(' ')) ?? []).some(
    // The same message documented under another code (Entra's 16000 and 50020) is no other start: found whole,
    // both are found, and so cut.
    (other) =>
      other.entry !== template.entry &&
      other.key !== template.key &&
      words.every((word, at) => other[read][at] === word),
  );
}

/**
 * A terminal or a log viewer breaks a long line at its width, often inside a word ("Expected OAut" / "h 2
 * access token"). A line at least this long may be one half of a message; shorter ones end where the
 * writer ended them.
 */
export const WRAPPED_WIDTH = 60;

/**
 * Whether a line stops inside a sentence that the next line goes on with: it ends on a word or a comma, without a
 * full stop, and the next begins with a word, indented no deeper (a text wrapped by hand, by a mail client or an
 * editor, short of a terminal's width: Firebase's "This domain (...) is not" / "authorized to run this operation.
 * ..."; or a terminal's break inside a word). A message found must cross the break, so joining costs only time.
 */
export function continuesSentence(line: string, next: string): boolean {
  if (line.length < RUN_ON_WIDTH) return false;
  const nextIndent = indent(next);
  // Most lines of a log begin with a time or a bracket: said before the line's end is read.
  if (!isLetter(next.charCodeAt(nextIndent))) return false;
  // A line indented deeper than this one is the next part of a structure, not the rest of a sentence: a stack
  // trace's frames under its error ("TokenExpiredError: jwt expired" / "    at Object.module.exports ...").
  if (nextIndent > indent(line)) return false;
  let end = line.length - 1;
  while (end > 0 && (line.charCodeAt(end) === 32 || line.charCodeAt(end) === 9 || line.charCodeAt(end) === 13))
    end -= 1;
  const last = line.charCodeAt(end);
  return isLetter(last) || last === 44;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** How many spaces or tabs a line begins with. */
function indent(line: string): number {
  let at = 0;
  while (at < line.length && (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9)) at += 1;
  return at;
}

/** Least length of a line that goes on into the next (see continuesSentence): shorter ones are headings or cells. */
const RUN_ON_WIDTH = 30;

/**
 * Messages a line's words made candidates of but that did not match on one line (collectLine), tried
 * again across the break between `first` and the line after it, joined as if the break were not there or
 * were a space. A match must cross the break: on one side alone it was a match already, or not one.
 */
export function collectWrapped(
  index: ResolverIndex,
  first: string,
  second: string,
  lineNumber: number,
  firstCandidates: IndexedTemplate[],
  secondCandidates: IndexedTemplate[],
  hits: Hit[],
  found: Map<IndexedTemplate, Hit>,
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
    !found.has(template) &&
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
      if (found.has(template) || !holdsEvery(lower, template.words)) continue;
      const match = template.regex.exec(joined);
      if (!match || match.index >= first.length || match.index + match[0].length <= first.length) continue;
      const hit: Hit = { kind: 'template', template, line: lineNumber, text: joined, at: match.index, whole: false };
      found.set(template, hit);
      hits.push(hit);
    }
  }
}

/**
 * A code broken in two by a terminal's width (`error=i` / `nvalid_code`): the first line ends inside a
 * token, the next begins with its rest, and together they are a code with an underscore or a digit (a name
 * of plain letters could be any two words run together). Its hit stands on the first line.
 */
export function collectWrappedCode(
  index: ResolverIndex,
  first: string,
  second: string,
  lineNumber: number,
  hits: Hit[],
  /** Tokens a scan has read so far (hits.ts): a code found before is not found again. */
  seenTokens: Map<string, Hit | null>,
): void {
  if (!isTokenChar(first.charCodeAt(first.length - 1)) || !isTokenChar(second.charCodeAt(0))) return;
  let from = first.length - 1;
  while (from > 0 && isTokenChar(first.charCodeAt(from - 1))) from -= 1;
  let to = 1;
  while (to < second.length && isTokenChar(second.charCodeAt(to))) to += 1;
  // Most pairs of lines join into no key of the index, which its filter says without building the token.
  const head = lowerCode(first.charCodeAt(from));
  const next = lowerCode(from + 1 < first.length ? first.charCodeAt(from + 1) : second.charCodeAt(0));
  const last = lowerCode(second.charCodeAt(to - 1));
  if (((index.tokenFilter[tokenSlot(head, next, first.length - from + to)] as number) & lastBit(last)) === 0) return;
  const token = first.slice(from) + second.slice(0, to);
  const key = token.toLowerCase();
  if (!/[_\d]/.test(key) || seenTokens.has(key)) return;
  const entries = index.tokens.get(key)?.codes;
  if (!entries) return;
  const text = first + second.slice(0, to);
  const before = first.slice(Math.max(0, from - 40), from);
  const shapes = index.tokens.get(key)?.shapes ?? [];
  const hit: Hit = { kind: 'code', token, entries, line: lineNumber, text, at: from, shapes, before };
  hits.push(hit);
  seenTokens.set(key, hit);
}

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
 * A message written as JSON (Strava's `"resource":"Application","field":"redirect_uri","code":"invalid"`) in a
 * body printed one member a line, as curl with jq, Postman and most loggers print it: the body's lines are read
 * joined, for the messages whose words its lines made candidates of. A body line is a `"key": value` member or
 * brackets alone; a body longer than JSON_BLOCK_LINES is read in pieces of that many lines.
 */
export interface JsonBlock {
  start: number;
  lines: string[];
  candidates: IndexedTemplate[];
}

export const JSON_BLOCK_LINES = 40;

export function jsonBodyLine(line: string): boolean {
  let at = 0;
  while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at += 1;
  const first = line[at];
  if (first === '"') return line.includes('":', at + 1) || line.includes('" :', at + 1);
  return (first === '{' || first === '}' || first === '[' || first === ']') && BRACKETS_ONLY.test(line);
}

const BRACKETS_ONLY = /^[\s[\]{}(),]*$/;

export function collectJsonBlock(block: JsonBlock, hits: Hit[], found: Map<IndexedTemplate, Hit>): void {
  if (block.lines.length < 2) return;
  const unseen = [...new Set(block.candidates)].filter(
    (template) => !found.has(template) && template.key.includes('":'),
  );
  if (unseen.length === 0) return;
  const parts = block.lines.map((line) => line.trim());
  const joined = parts.join('');
  const lower = joined.toLowerCase();
  for (const template of unseen) {
    if (!holdsEvery(lower, template.words)) continue;
    const match = template.regex.exec(joined);
    if (!match) continue;
    // The line of the body the message begins on.
    let line = block.start;
    let end = 0;
    for (const part of parts) {
      end += part.length;
      if (match.index < end) break;
      line += 1;
    }
    const hit: Hit = { kind: 'template', template, line, text: joined, at: match.index, whole: false };
    found.set(template, hit);
    hits.push(hit);
  }
}
