import { describe, expect, it } from 'vitest';
import { nearbyCodes, oneEditApart } from '../../src/domain/code-typos.js';

describe('code typos', () => {
  it('one edit: a digit left out, added, mistyped, or two swapped', () => {
    expect(oneEditApart('aadsts5011', 'aadsts50011')).toBe(true);
    expect(oneEditApart('aadsts500111', 'aadsts50011')).toBe(true);
    expect(oneEditApart('aadsts50012', 'aadsts50011')).toBe(true);
    expect(oneEditApart('aadsts50101', 'aadsts50011')).toBe(true);
    expect(oneEditApart('aadsts50011', 'aadsts50011')).toBe(false);
    expect(oneEditApart('aadsts5001', 'aadsts50110')).toBe(false);
  });

  it('suggests codes with the same letters only, and only for code-shaped queries', () => {
    const codes = ['aadsts50011', 'e0000011', 'aadb2c90118', 'invalid_grant'];
    expect(nearbyCodes(codes, 'AADSTS5011')).toEqual(['aadsts50011']);
    expect(nearbyCodes(codes, 'E000011')).toEqual(['e0000011']);
    expect(nearbyCodes(codes, 'redirect uri')).toEqual([]);
    expect(nearbyCodes(codes, 'AADB2C9118')).toEqual(['aadb2c90118']);
  });
});
