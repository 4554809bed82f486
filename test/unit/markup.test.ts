import { describe, expect, it } from 'vitest';
import { withoutEmphasisMarks, withoutInlineMarks } from '../../src/domain/markup.js';

describe('withoutInlineMarks', () => {
  it("takes out Slack's and Markdown's emphasis and code marks around words", () => {
    expect(withoutInlineMarks('the request does *not match* the reply URLs')).toBe(
      'the request does not match the reply URLs',
    );
    expect(withoutInlineMarks('Action is **not allowed**.')).toBe('Action is not allowed.');
    expect(withoutInlineMarks('error: _The code has expired or has been revoked._')).toBe(
      'error: The code has expired or has been revoked.',
    );
    expect(withoutInlineMarks('__Access denied for user__ (~was working~)')).toBe(
      'Access denied for user (was working)',
    );
    expect(withoutInlineMarks('Missing parameter: `grant_type`')).toBe('Missing parameter: grant_type');
    expect(withoutInlineMarks('("*bold*")')).toBe('("bold")');
  });

  it('leaves names, arithmetic, globs, masks, fences and marks that span lines as they are', () => {
    for (const text of [
      'snake_case_name and _id_ here',
      'File "app.py", line 3, in __init__',
      'a * b * c',
      'copy *.js and *.ts',
      'client_secret=**** and ****',
      '```\ninvalid_grant\n```',
      '**bold across\nlines**',
      'x*y*z',
    ])
      expect(withoutInlineMarks(text)).toBe(text);
  });

  it('returns the very text it was given when it holds no pair of marks', () => {
    const log = 'INFO done\nSELECT * FROM orders\n';
    expect(withoutInlineMarks(log)).toBe(log);
  });
});

describe('withoutEmphasisMarks', () => {
  it('keeps the code marks that quote the error in a typed question', () => {
    expect(withoutEmphasisMarks('why does it throw `Error: External interaction required` *again*?')).toBe(
      'why does it throw `Error: External interaction required` again?',
    );
  });
});
