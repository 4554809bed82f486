/**
 * A pasted message's blank lines part its paragraphs ("the request:", a URL, "but it returns:", the
 * error), not its stories: a provider's clue two paragraphs up is as near as two lines up. The text is read
 * without them, and what it finds is numbered by the lines of the text as given.
 */
export interface WithoutBlankLines {
  text: string;
  /** The line of the text as given that a line of `text` was (1-based); undefined when nothing was taken out. */
  lineOf?: (line: number) => number;
}

/**
 * A line of nothing but spaces, between two line breaks; or of nothing but the frame a tool draws down the left
 * of a block it quotes (`|` of Vault's CLI error inside a log's `error=`, `>` of a quoted reply): that block's
 * blank line.
 */
const BLANK_LINE = /\n[ \t\r]*[|>]?[ \t\r]*\n/;
const BLANK = /^[ \t\r]*[|>]?[ \t\r]*$/;

export function withoutBlankLines(text: string): WithoutBlankLines {
  if (!BLANK_LINE.test(text)) return { text };
  const kept: string[] = [];
  const lines: number[] = [];
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    line += 1;
    const piece = text.slice(start, stop);
    // The first and last lines stay even when blank, so that the text keeps its ends.
    if (!BLANK.test(piece) || end === -1 || start === 0) {
      kept.push(piece);
      lines.push(line);
    }
    if (end === -1) break;
    start = end + 1;
  }
  return { text: kept.join('\n'), lineOf: (at) => lines[at - 1] ?? at };
}
