/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Calls `visit` with each match of a global `pattern` in `text`, in order. Used instead of `matchAll` on hot
 * paths: `matchAll` copies its regular expression on every call (and allocates an iterator), which for the
 * secret rules and the hint alternation costs more than reading a short query with them.
 */
export function eachMatch(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    // An empty match would be found again at the same place forever.
    if (match[0] === '') pattern.lastIndex += 1;
    visit(match);
  }
  pattern.lastIndex = 0;
}
