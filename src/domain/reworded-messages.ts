import type { Hit } from './hits.js';
import { tokensOf } from './line-words.js';
import type { IndexedTemplate } from './resolver-index.js';
import type { CompiledTemplate } from './templates.js';

/**
 * A long documented message in an older or newer wording that changes a word's form and nothing else: Entra's
 * consent page "{app} needs permission to access resources in your organization that only an admin can grant"
 * pasted as "needs permissions ..." or "... that only an administrator can grant". The template's expression
 * (templates.ts) wants every word as documented; this reads the message's words in order, each the same word
 * or another form of it (sameWordAnotherForm), the line perhaps ending where a clause of the message ends. Only
 * long messages, every word of them in order and none lost: a short one read this loosely would be any sentence
 * of a log.
 */

/** Least number of words of a message read this way. */
const REWORDED_WORDS = 8;
/** At most this many of its words in another form. */
const MAX_REWORDED = 2;
/** A message cut where its line ends must keep this share of its words, ending a clause of it. */
const CUT_SHARE = 0.6;
/**
 * Endings that make another form of one word, longest first: permission and permissions, expired and expires,
 * authorized and authorization. A word is compared by what is left (at least BASE_LETTERS letters).
 */
const ENDINGS = ['ations', 'ation', 'ions', 'ion', 'ing', 'ies', 'ied', 'ed', 'es', 's', 'e', 'y'];
const BASE_LETTERS = 4;
/** Words that messages write in full or shortened, one form of the other ("only an admin can grant"). */
const SHORT_FORMS = new Map([
  ['admin', 'administrator'],
  ['admins', 'administrators'],
  ['app', 'application'],
  ['apps', 'applications'],
]);

/** The word without its ending, British -ise spelt -ize (authorised, authorized). */
function base(word: string): string {
  const american = word.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1');
  for (const ending of ENDINGS) {
    if (american.length - ending.length >= BASE_LETTERS && american.endsWith(ending))
      return american.slice(0, -ending.length);
  }
  return american;
}

/**
 * Whether a message is read this way: long enough, and without a value inside (where a value ends is its
 * expression's to say).
 */
export function rewordable(template: Pick<CompiledTemplate, 'leading' | 'words'>): boolean {
  return template.leading.length >= REWORDED_WORDS && template.leading.length === template.words.length;
}

/**
 * Whether `a` and `b` (lower-cased) are one word in two forms: the same word but for its ending or its British
 * spelling, or a word and its short form. Only words of letters: numbers, names and ids stay exact, and so do
 * two names that merely begin alike (`invalidcheck`, `invalidcallbackurl` in two addresses).
 */
export function sameWordAnotherForm(a: string, b: string): boolean {
  if (a === b) return true;
  // Most words of a line differ in their first letter: said before anything is read.
  if (a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  if (SHORT_FORMS.get(a) === b || SHORT_FORMS.get(b) === a) return true;
  if (!LETTERS.test(a) || !LETTERS.test(b)) return false;
  const first = base(a);
  return first.length >= BASE_LETTERS && first === base(b);
}

const LETTERS = /^[a-z]+$/;

/**
 * A message's words, longest first: the rarer ones, which a line that is not the message most likely lacks, are
 * looked for first (holdsMost stops at the third missing). Kept on the template from its first line that needs it.
 */
function longestFirst(template: IndexedTemplate): string[] {
  template.byLength ??= [...new Set(template.words)].sort((a, b) => b.length - a.length);
  return template.byLength;
}

/**
 * Whether the (lower-cased) line holds all of the words but MAX_REWORDED, as substrings. Another form of a word
 * begins as it does (its first BASE_LETTERS letters), but for a short form: the first of the two longest words
 * tells most lines apart before any whole word is looked for.
 */
function holdsMost(lower: string, words: string[]): boolean {
  const [longest = '', next = ''] = words;
  if (!lower.includes(longest.slice(0, BASE_LETTERS)) && !lower.includes(next.slice(0, BASE_LETTERS))) return false;
  let missing = 0;
  for (const word of words) {
    if (!lower.includes(word)) {
      missing += 1;
      if (missing > MAX_REWORDED) return false;
    }
  }
  return true;
}

/** How the message's words stand from `start`: how many in order, how many of them in another form. */
function readFrom(line: string[], start: number, message: string[]): { count: number; reworded: number } {
  let count = 0;
  let reworded = 0;
  while (count < message.length && start + count < line.length) {
    const word = line[start + count] as string;
    const want = message[count] as string;
    if (word !== want) {
      if (reworded === MAX_REWORDED || !sameWordAnotherForm(word, want)) break;
      reworded += 1;
    }
    count += 1;
  }
  return { count, reworded };
}

/** Candidates of the line (messages whose rare word it holds) that no reading found, read as reworded. */
export function collectReworded(
  line: string,
  lineNumber: number,
  candidates: IndexedTemplate[],
  hits: Hit[],
  found: Map<IndexedTemplate, Hit>,
  /** The line lower-cased, when the caller has it. */
  lowerLine?: string,
): void {
  // A line that holds a documented message as written is that message's: a reworded one beside it is not looked for.
  const last = hits.at(-1);
  if (last?.kind === 'template' && last.line === lineNumber) return;
  let tokens: { words: string[]; at: number[] } | undefined;
  let lower = lowerLine;
  // An entry's message read once: its first sentence is a template of its own (Entra's consent page).
  let read: Set<IndexedTemplate['entry']> | undefined;
  for (const template of candidates) {
    // Most candidates are short or have a value inside, which the index noted once.
    if (!template.rewordable || found.has(template) || read?.has(template.entry)) continue;
    const { leading } = template;
    // All but MAX_REWORDED of its words are in the line as written (another form holds the shorter one, mostly):
    // a test by substrings that most candidates of a log's lines fail before the line is cut into words.
    lower ??= line.toLowerCase();
    if (!holdsMost(lower, longestFirst(template))) continue;
    tokens ??= tokensOf(lower);
    const { words } = tokens;
    const first = leading[0] as string;
    for (let start = 0; start + REWORDED_WORDS <= words.length; start += 1) {
      if (!sameWordAnotherForm(words[start] as string, first)) continue;
      const { count, reworded } = readFrom(words, start, leading);
      // Every word the same is the expression's to find (or punctuation it does not allow): not a rewording.
      if (reworded === 0) continue;
      const whole = count === leading.length;
      const cut =
        !whole &&
        start + count === words.length &&
        count >= CUT_SHARE * leading.length &&
        template.clauses.includes(count);
      if (!whole && !cut) continue;
      const hit: Hit = {
        kind: 'template',
        template,
        line: lineNumber,
        text: line,
        // Where the word starts in the lower-cased line: the same place but where lower case changed a length.
        at: tokens.at[start] as number,
        whole: false,
      };
      found.set(template, hit);
      hits.push(hit);
      read ??= new Set();
      read.add(template.entry);
      break;
    }
  }
}
