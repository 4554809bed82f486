import { describe, expect, it } from 'vitest';
import { withoutBlankLines } from '../../src/domain/paragraphs.js';

describe('withoutBlankLines', () => {
  it('leaves a text without blank lines as it is', () => {
    expect(withoutBlankLines('a\nb\nc')).toEqual({ text: 'a\nb\nc' });
  });

  it('takes out blank lines (spaces only too) and numbers what is left by the lines as given', () => {
    const { text, lineOf } = withoutBlankLines('a\n\n  \nb\r\n\r\nc');
    expect(text).toBe('a\nb\r\nc');
    expect([1, 2, 3].map((line) => lineOf?.(line))).toEqual([1, 4, 6]);
  });

  it('keeps the first and last lines, blank or not', () => {
    const { text, lineOf } = withoutBlankLines('\nx\n\n');
    expect(text).toBe('\nx\n');
    expect([1, 2, 3].map((line) => lineOf?.(line))).toEqual([1, 2, 4]);
  });

  it("takes out a quoted block's blank lines, which keep only the frame drawn down its left", () => {
    const { text, lineOf } = withoutBlankLines(
      'error=\n  | Error making API request.\n  | \n  | Code: 403\n> \n>\nend',
    );
    expect(text).toBe('error=\n  | Error making API request.\n  | Code: 403\nend');
    expect([1, 2, 3, 4].map((line) => lineOf?.(line))).toEqual([1, 2, 4, 7]);
    // A line with words after its frame is no blank line.
    expect(withoutBlankLines('a\n| b\nc')).toEqual({ text: 'a\n| b\nc' });
  });
});
