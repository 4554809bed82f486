import { oneEditApart } from './code-typos.js';
import type { ResolverIndex } from './resolver-index.js';

/*
 * Words of a typed question that name a provider other than by its name as written (typed-query.ts reads those): a
 * word of the provider's own (a class or package of its hints' `words`), or its name typed with one slip.
 */

/**
 * Punctuation around a word that may still name a provider. Not a colon: a word before one is a log's
 * prefix (Go's `oauth2: "invalid_grant"` names its package, not the standard's meaning).
 */
export const EDGE_PUNCTUATION = /^[("'\u201c\u2018[]+|[)"'\u201d\u2019\].,;!?]+$/g;

/** Names at least this long are read through one typo ("Docusing", "keycloack"); shorter ones are other words so. */
const MISSPELT_NAME = 7;

/**
 * The providers a word names with one keystroke wrong (a letter left out, doubled, swapped or mistyped): "Docusing
 * Error while requesting server" asks about DocuSign. Only long names, not a slip at the end (see otherEnding), and not
 * a word the catalogs' messages use.
 */
export function misspeltName(
  index: ResolverIndex,
  word: string,
  /** Whether a word is one the catalogs' messages use (then it is that word, not a name). */
  known: (word: string) => boolean,
): string[] | undefined {
  const lower = word.toLowerCase().replace(EDGE_PUNCTUATION, '');
  if (lower.length < MISSPELT_NAME || !/^[a-z0-9]+$/.test(lower)) return undefined;
  let found: string[] | undefined;
  const byLength = longNames(index);
  for (let length = lower.length - 1; length <= lower.length + 1; length += 1) {
    for (const [name, providers] of byLength.get(length) ?? []) {
      if (oneEditApart(lower, name) && !otherEnding(lower, name)) found = [...(found ?? []), ...providers];
    }
  }
  return !found || known(lower) ? undefined : found;
}

/** The names of MISSPELT_NAME letters or more by their length (a question's every long word is compared). */
const LONG_NAMES = new WeakMap<ResolverIndex, Map<number, [string, string[]][]>>();

function longNames(index: ResolverIndex): Map<number, [string, string[]][]> {
  let byLength = LONG_NAMES.get(index);
  if (!byLength) {
    byLength = new Map();
    for (const [name, providers] of index.names) {
      if (name.length < MISSPELT_NAME) continue;
      byLength.set(name.length, [...(byLength.get(name.length) ?? []), [name, providers]]);
    }
    LONG_NAMES.set(index, byLength);
  }
  return byLength;
}

/**
 * Whether two words differ as two words do rather than by a slip of the hand: only in how they end (a word and its
 * form: "authentic", "passports"), or by one letter for another that is not its neighbour on the keyboard
 * ("discard" is a word; "discprd" would be a slip).
 */
function otherEnding(word: string, name: string): boolean {
  if (word.startsWith(name) || name.startsWith(word) || word.slice(0, -1) === name.slice(0, -1)) return true;
  if (word.length !== name.length) return false;
  const at = [...word].findIndex((char, i) => char !== name[i]);
  const swapped = word[at + 1] === name[at] && word[at] === name[at + 1];
  return !swapped && !keyNeighbours(word[at] as string, name[at] as string);
}

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Whether two letters sit next to each other on a QWERTY keyboard (in a row, or above or below). */
function keyNeighbours(a: string, b: string): boolean {
  const place = (char: string) => {
    const row = KEY_ROWS.findIndex((keys) => keys.includes(char));
    return { row, column: row < 0 ? -9 : (KEY_ROWS[row] as string).indexOf(char) };
  };
  const p = place(a);
  const q = place(b);
  if (p.row < 0 || q.row < 0) return false;
  return Math.abs(p.row - q.row) <= 1 && Math.abs(p.column - q.column) <= 1;
}

/** Each provider's own words (its hints' `words`: class and package names), lower-cased → the providers. */
const OWN_WORDS = new WeakMap<ResolverIndex, Map<string, string[]>>();

/** The providers whose own word a typed word is (punctuation around it aside), if any. */
export function ownWordOf(index: ResolverIndex, word: string): string[] | undefined {
  let words = OWN_WORDS.get(index);
  if (!words) {
    words = new Map();
    for (const provider of index.providers.values()) {
      for (const own of provider.hints.words) {
        const key = own.toLowerCase();
        words.set(key, [...(words.get(key) ?? []), provider.id]);
      }
    }
    OWN_WORDS.set(index, words);
  }
  const lower = word.toLowerCase();
  return words.get(lower) ?? words.get(lower.replace(EDGE_PUNCTUATION, ''));
}
