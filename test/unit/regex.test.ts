import { describe, expect, it } from 'vitest';
import { eachMatch } from '../../src/domain/regex.js';

describe('eachMatch', () => {
  it('visits every match in order, with its index, and leaves the pattern ready for the next text', () => {
    const pattern = /[a-z]+(?<digits>\d+)/g;
    const seen: [string, number, string | undefined][] = [];
    eachMatch(pattern, 'ab12 -- cd3 x', (match) => seen.push([match[0], match.index, match.groups?.digits]));
    expect(seen).toEqual([
      ['ab12', 0, '12'],
      ['cd3', 8, '3'],
    ]);
    expect(pattern.lastIndex).toBe(0);
    const again: string[] = [];
    eachMatch(pattern, 'zz9', (match) => again.push(match[0]));
    expect(again).toEqual(['zz9']);
  });

  it('moves past an empty match instead of finding it forever', () => {
    const starts: number[] = [];
    eachMatch(/x*/g, 'axb', (match) => starts.push(match.index));
    expect(starts).toEqual([0, 1, 2, 3]);
  });
});
