/** How a scan reads a line's words, shared by hits.ts and broken-messages.ts. */

/** A character of a token: tokens are runs of ASCII letters, digits and underscores. */
export function isTokenChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95;
}

/**
 * Whether the (lower-cased) text holds every word: a substring test is enough to decide whether a message's
 * expression is worth running (the expression decides), and costs nothing to set up.
 */
export function holdsEvery(text: string, words: string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}
