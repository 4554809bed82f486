import type { LoadedEntry } from './findings.js';
import { runToEnd } from './line-words.js';

/**
 * Which reading of a shared code (invalid_request in Okta, Google, Keycloak...) the description beside it
 * is, when the description is not a documented message word for word: an older or newer wording ("must be
 * an absolute URI that is whitelisted in the client app settings"), or one cut short by a log's line limit
 * ("Client is unauthorized to re"). Exact messages are templates (hits.ts); this weighs words.
 *
 * The evidence is how much of an entry's message the lines around the code hold, each word weighted by how
 * distinctive it is among all documented messages (inverse document frequency: "the", "is", "invalid" say
 * little; "whitelisted", "settings", "retrieve" much), or, for a message cut short, how long a start of it
 * a line ends with. It only chooses among the code's own readings, so it can name
 * the wrong reading but never turns an unrelated line into an error.
 */

/** Share of a message's weight the text must hold to be that message reworded. */
export const REWORDED_SHARE = 0.6;
/** By how much the best reading's share must lead another provider's: two alike say nothing. */
export const LEAD = 0.15;
/** A start of a message cut short must hold this many words. */
const CUT_WORDS = 4;
/** A message must say something besides its code: this many words the line holds, this much weight in all. */
const MIN_WORDS = 3;
const MIN_WEIGHT = 6;
/**
 * A message read in order must have this many words (its code aside), found with at most one other word between
 * two of them (a misspelt one), and at most two of its words lost.
 */
const IN_ORDER_WORDS = 6;
const IN_ORDER_GAP = 1;
const IN_ORDER_LOST = 2;
/** ...and the words found must carry this share of its weight. */
const IN_ORDER_SHARE = 0.8;

const WORDS = /[a-z0-9_]+/g;
const PLACEHOLDER = /\{[^{}]*\}|<<--[^>]*-->>/g;

function wordsOf(text: string): string[] {
  return text.replace(PLACEHOLDER, ' ').toLowerCase().match(WORDS) ?? [];
}

interface WeighedMessage {
  entry: LoadedEntry;
  words: string[];
  /** Its distinct words with their weights, and their sum: measured once, not per read. */
  distinct: { word: string; weight: number }[];
  /** The same weights by word, for reading the message in order. */
  weightOf: Map<string, number>;
  total: number;
}

/** A line of the text around a code, read once per read(): its distinct words and their summed weight. */
interface ReadLine {
  words: string[];
  held: Set<string>;
  total: number;
}

export interface DescriptionReader {
  /** The entry among `entries` whose message the text describes, with its share; undefined when none leads. */
  read(entries: LoadedEntry[], lines: string[]): { entry: LoadedEntry; share: number } | undefined;
}

export function createDescriptionReader(entries: Iterable<LoadedEntry>): DescriptionReader {
  const documents: { entry: LoadedEntry; words: string[] }[] = [];
  const frequency = new Map<string, number>();
  for (const entry of entries) {
    for (const message of entry.messages) {
      const words = wordsOf(message);
      if (words.length === 0) continue;
      documents.push({ entry, words });
      for (const word of new Set(words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  const weight = (word: string) => Math.log((documents.length + 1) / ((frequency.get(word) ?? 0) + 1));
  const sum = (words: Iterable<string>) => {
    let total = 0;
    for (const word of words) total += weight(word);
    return total;
  };
  const byEntry = new Map<LoadedEntry, WeighedMessage[]>();
  for (const { entry, words } of documents) {
    const distinct = [...new Set(words)].map((word) => ({ word, weight: weight(word) }));
    const total = distinct.reduce((all, { weight }) => all + weight, 0);
    const list = byEntry.get(entry) ?? [];
    const weightOf = new Map(distinct.map(({ word, weight }) => [word, weight]));
    list.push({ entry, words, distinct, weightOf, total });
    byEntry.set(entry, list);
  }

  /**
   * How well one line says `message` in other words: the weighted share of the message's words the line
   * holds (recall) and of the line's words the message holds (precision), as their harmonic mean, so that
   * neither a short message whose few words a long line happens to hold, nor a long one sharing only its
   * common words, wins; or, for a message cut short, how long a start of it ends the line.
   */
  function share(message: WeighedMessage, lines: ReadLine[], skip: string): number {
    let best = 0;
    const skipped = message.distinct.find(({ word }) => word === skip)?.weight ?? 0;
    const total = message.total - skipped;
    if (total < MIN_WEIGHT) return 0;
    let most = 0;
    for (const line of lines) {
      let common = 0;
      let count = 0;
      for (const { word, weight: value } of message.distinct) {
        if (word === skip || !line.held.has(word)) continue;
        common += value;
        count += 1;
      }
      most = Math.max(most, count);
      if (count < MIN_WORDS) continue;
      const recall = common / total;
      const precision = common / line.total;
      best = Math.max(best, (2 * recall * precision) / (recall + precision));
    }
    // A start cut short is CUT_WORDS words of the message (its code, not counted above, may be one, and the last
    // may be cut), a message read in order more: one that shares at most a word with every line is neither, and
    // not worth reading word by word (a code such as invalid_grant has hundreds of documented messages).
    if (most < CUT_WORDS - 2) return best;
    return Math.max(best, cutShort(message, lines), inOrder(message, lines, skip, total));
  }

  /**
   * The message's words in their order, close together, in a line that says much else (a question around a
   * quoted description: "the SDK is returning, "invalid_grant...the provided authorization grant code is invalid
   * or was issue to another client". Here is ..."): its weighted recall, a word or two lost or misspelt aside.
   * Precision does not count here: the words around a quote are the writer's, not the message's.
   */
  function inOrder(message: WeighedMessage, lines: ReadLine[], skip: string, total: number): number {
    if (message.words.length < IN_ORDER_WORDS) return 0;
    const words = message.words.includes(skip) ? message.words.filter((word) => word !== skip) : message.words;
    if (words.length < IN_ORDER_WORDS) return 0;
    const { weightOf } = message;
    let best = 0;
    for (const { words: line } of lines) {
      for (let start = 0; start < line.length; start += 1) {
        // The run starts at its message's first or second word (a first word lost or misspelt).
        const first = words[0] === line[start] ? 0 : words[1] === line[start] ? 1 : -1;
        if (first < 0) continue;
        let at = start;
        let matched = 0;
        let count = 0;
        let lost = first;
        for (let next = first; next < words.length && lost <= IN_ORDER_LOST; next += 1) {
          const word = words[next] as string;
          const found = line.indexOf(word, at);
          if (found < 0 || found > at + IN_ORDER_GAP) {
            lost += 1;
            continue;
          }
          matched += weightOf.get(word) ?? 0;
          count += 1;
          at = found + 1;
        }
        if (count >= IN_ORDER_WORDS && lost <= IN_ORDER_LOST) best = Math.max(best, matched / total);
      }
    }
    return best >= IN_ORDER_SHARE ? best : 0;
  }

  /** The message's first words as the last words of a line, the last perhaps itself cut ("to re" for "to retrieve"). */
  function cutShort(message: WeighedMessage, lines: ReadLine[]): number {
    let best = 0;
    for (const { words } of lines) {
      // The start must run to the line's end (or stop one cut word short of it): only the line's last
      // words can begin it.
      const last = words[words.length - 1];
      if (last === undefined || !message.words.some((word) => word.startsWith(last))) continue;
      for (let start = Math.max(0, words.length - message.words.length - 1); start < words.length; start += 1) {
        if (words[start] !== message.words[0]) continue;
        const count = runToEnd(words, start, message.words)?.count ?? 0;
        if (count < CUT_WORDS || count >= message.words.length) continue;
        // Its first words in order up to where the line stops are what the reading said, however common
        // each word: the longer the start, the surer.
        best = Math.max(best, REWORDED_SHARE + (1 - REWORDED_SHARE) * Math.min(1, count / (2 * CUT_WORDS)));
      }
    }
    return best;
  }

  return {
    read(entries, texts) {
      const skip = entries[0]?.code.toLowerCase() ?? '';
      const lines = texts.map((text): ReadLine => {
        const words = wordsOf(text);
        const held = new Set(words);
        held.delete(skip);
        return { words, held, total: sum(held) };
      });
      const scored = entries
        .map((entry) => ({
          entry,
          share: Math.max(0, ...(byEntry.get(entry) ?? []).map((message) => share(message, lines, skip))),
        }))
        .sort((a, b) => b.share - a.share);
      const best = scored[0];
      if (!best || best.share < REWORDED_SHARE) return undefined;
      const rival = scored.find((other) => other.entry.provider !== best.entry.provider);
      if (rival && rival.share > best.share - LEAD) return undefined;
      return best;
    },
  };
}
