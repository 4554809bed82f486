/**
 * Inline formatting people put inside an error they quote: Slack's `*bold*`, `_italic_` and `~strike~`,
 * Markdown's `**bold**` and `__bold__`, and `code` marks around a few words ("the request does *not match*
 * the reply URLs", MinIO's "is **not allowed**"). The marks split a documented message in two, so the text is
 * read without them. Only a pair that wraps text on one line counts: its opening mark starts a word, its
 * closing mark ends one, so `snake_case`, `a * b`, globs (`*.js`), `****` masks and ``` fences stay.
 */

/**
 * Opening mark (after a line start, space or punctuation, not another mark or a word character), the text
 * (starts and ends with a non-space, at most 300 characters, no line break), the same closing mark (before a
 * line end, space or punctuation). Underscores also need a space in between: `_id_` and Python's `__init__`
 * are names, not italics. Triple backticks are fences, not marks. The mark is matched before the look back
 * at what precedes it, so that the expression is tried only where a mark stands.
 */
const INLINE_MARKS = marksOf('\\*\\*|\\*|~|`(?!``)');
/** The same without the code marks. */
const EMPHASIS_MARKS = marksOf('\\*\\*|\\*|~');

/** The expression for pairs of `marks` (an alternation, longest first) and of underscores. */
function marksOf(marks: string): RegExp {
  const pair = `(${marks})(?<=(?:^|[^\\w*~\`])(?:${marks}))(?=[^\\s*_~\`])([^\\n]{0,300}?[^\\s*_~\`])\\1(?![\\w*~\`])`;
  const underscores = '(__?)(?<=(?:^|[^\\w*~`])__?)(?=[^\\s_])([^\\n_]{0,300}?\\s[^\\n_]{0,300}?[^\\s_])\\3(?!\\w)';
  return new RegExp(`${pair}|${underscores}`, 'g');
}

/** The text with inline emphasis and code marks taken out; line breaks stay where they were. */
export function withoutInlineMarks(text: string): string {
  return without(INLINE_MARKS, text);
}

/**
 * The text with emphasis taken out but code marks kept: in a typed question they quote the error ("throws
 * `Error: External interaction required`"), which the lookup reads as the message asked about.
 */
export function withoutEmphasisMarks(text: string): string {
  return without(EMPHASIS_MARKS, text);
}

function without(marks: RegExp, text: string): string {
  // Most lines and questions hold no pair: they are returned as they are, without a copy.
  marks.lastIndex = 0;
  let found = marks.exec(text);
  if (!found) return text;
  const pieces: string[] = [];
  let kept = 0;
  while (found) {
    pieces.push(text.slice(kept, found.index), found[2] ?? found[4] ?? '');
    kept = found.index + found[0].length;
    found = marks.exec(text);
  }
  pieces.push(text.slice(kept));
  return pieces.join('');
}
