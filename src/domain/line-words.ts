/** How a scan reads a line's words, shared by hits.ts and broken-messages.ts. */

/** 1 for the ASCII characters of a token: letters, digits and the underscore. */
const TOKEN_CHARS = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  TOKEN_CHARS[code] =
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95 ? 1 : 0;
}

/**
 * A character of a token: tokens are runs of ASCII letters, digits and underscores. A table rather than
 * four comparisons: every character of a scanned text is asked, twice (its lines' codes, the providers'
 * hints), and with the table one pass over the benchmark's 1 MB log took 2.6 ms instead of 4.2 ms.
 */
export function isTokenChar(code: number): boolean {
  return code < 128 && TOKEN_CHARS[code] === 1;
}

/**
 * Whether a token starting at `at` follows a percent sign with two hex digits (`%20must`, `%3AAADSTS50011`
 * in an error_description on a callback URL): those three characters are an encoded space or colon, and the
 * token starts after them.
 */
export function afterPercentSign(text: string, at: number): boolean {
  return at > 0 && text.charCodeAt(at - 1) === PERCENT && isHex(text.charCodeAt(at)) && isHex(text.charCodeAt(at + 1));
}

const PERCENT = 37;

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** An ASCII letter's lower case (the index's keys are lower-cased); other characters as they are. */
export function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * Whether the (lower-cased) text holds every word: a substring test is enough to decide whether a message's
 * expression is worth running (the expression decides), and costs nothing to set up.
 */
export function holdsEvery(text: string, words: string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}

/**
 * How many of `message`'s first words stand in order from `start` in `words` and run to its end, the
 * last perhaps itself cut ("to re" for "to retrieve"): a message cut short where its line ends. `whole`:
 * the last word is not cut. Undefined when the run stops before the end of `words`.
 */
export function runToEnd(
  words: string[],
  start: number,
  message: string[],
): { count: number; whole: boolean } | undefined {
  let count = 0;
  while (start + count < words.length && words[start + count] === message[count]) count += 1;
  const rest = words.length - start - count;
  if (rest === 0) return { count, whole: true };
  const next = message[count];
  const partial = rest === 1 && next !== undefined && next.startsWith(words[start + count] as string);
  return partial ? { count, whole: false } : undefined;
}

/**
 * A (lower-cased) text's tokens as a scan cuts them, and where each starts (plus `offset`, where the text sits in its
 * line). Cut by hand, as collectLine cuts a line: no match object per word.
 */
export function tokensOf(lower: string, offset = 0): { words: string[]; at: number[] } {
  const words: string[] = [];
  const at: number[] = [];
  for (let index = 0; index < lower.length; ) {
    if (!isTokenChar(lower.charCodeAt(index))) {
      index += 1;
      continue;
    }
    const start = index;
    while (index < lower.length && isTokenChar(lower.charCodeAt(index))) index += 1;
    words.push(lower.slice(start, index));
    at.push(offset + start);
  }
  return { words, at };
}
