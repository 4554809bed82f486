import type { ReadFile } from '../../slack/shared-files.js';

/**
 * A message and the files shared with it, read as one text (so a host named in the message is context for
 * a code in the attached log), with each line traced back to where it came from for the reply.
 */
export interface CombinedText {
  text: string;
  /** "line 12" in the message, "server.log, line 3" in a file. */
  placeOf(line: number): string;
}

export function combineText(message: string, files: ReadFile[]): CombinedText {
  const parts = [{ name: undefined as string | undefined, text: message, first: 1 }];
  let next = lineCount(message) + 1;
  for (const file of files) {
    parts.push({ name: file.name, text: file.text, first: next });
    next += lineCount(file.text);
  }
  return {
    text: parts.map((part) => part.text).join('\n'),
    placeOf(line) {
      const part = [...parts].reverse().find((candidate) => candidate.first <= line) ?? parts[0];
      const local = line - (part?.first ?? 1) + 1;
      return part?.name ? `${part.name}, line ${local}` : `Line ${local}`;
    },
  };
}

function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}
