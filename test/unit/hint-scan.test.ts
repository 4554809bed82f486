import { describe, expect, it } from 'vitest';
import { HintScanner } from '../../src/domain/hint-scan.js';
import { escapeRegExp } from '../../src/domain/regex.js';

const found = (hints: string[], text: string) => {
  const out: [string, number][] = [];
  new HintScanner(hints).scan(text, (hint, at) => out.push([hint, at]));
  return out;
};

/** What the scanner replaces: one alternation of every hint, longest first, whole words where a hint has word ends. */
function reference(hints: string[], text: string): [string, number][] {
  const sorted = [...new Set(hints)].sort((a, b) => b.length - a.length);
  const pattern = sorted
    .map((hint) => {
      const before = /^[a-z0-9_]/.test(hint) ? '(?<![a-z0-9_])' : '';
      // A hint ending with an underscore is a prefix (GF_AUTH_): only a letter or digit at its end needs a boundary.
      const after = /[a-z0-9]$/.test(hint) ? '(?![a-z0-9_])' : '';
      return `${before}${escapeRegExp(hint)}${after}`;
    })
    .join('|');
  return [...text.matchAll(new RegExp(pattern, 'g'))].map((match) => [match[0], match.index]);
}

describe('HintScanner', () => {
  it('finds hints as whole words only', () => {
    expect(found(['tba', 'okta'], 'netsuite tba: ok; atbay and oktaish are not')).toEqual([['tba', 9]]);
  });

  it('reads a hint that ends with an underscore as a prefix of longer names', () => {
    expect(
      found(['gf_auth_', 'decodingkey::from_'], 'gf_auth_generic_oauth_enabled=true; decodingkey::from_jwk(&jwk)'),
    ).toEqual([
      ['gf_auth_', 0],
      ['decodingkey::from_', 36],
    ]);
  });

  it('finds a hint that starts before its first word (a host with its leading dot, a scoped package)', () => {
    expect(found(['.okta.com', '@azure/msal-node'], 'get https://dev-1.okta.com/x via @azure/msal-node')).toEqual([
      ['.okta.com', 17],
      ['@azure/msal-node', 33],
    ]);
  });

  it('finds what the alternation finds when many hints share their first word (listed by what follows it)', () => {
    const hosts = Array.from({ length: 20 }, (_, i) => `api.host${i}.com`);
    const hints = [...hosts, 'api', '.api.host3.com', 'api.h'];
    const text = 'GET https://api.host3.com/v1 api api.host12.com api.h api.hostless.com x.api.host3.com api.host19.co';
    expect(found(hints, text)).toEqual(reference(hints, text));
    expect(found(hints, text).map(([hint]) => hint)).toContain('api.host12.com');
  });

  it('prefers the longest hint at a place and goes on after it', () => {
    const hints = ['login.microsoftonline.com', 'microsoftonline.com', 'login'];
    expect(found(hints, 'login.microsoftonline.com then microsoftonline.com, login')).toEqual([
      ['login.microsoftonline.com', 0],
      ['microsoftonline.com', 31],
      ['login', 52],
    ]);
  });

  it('finds hints whose first word is longer than 31 characters', () => {
    const hint = 'defaultwebresponseexceptiontranslator';
    expect(found([hint], `at o.s.s.o.p.error.${hint}.translate`)).toEqual([[hint, 19]]);
  });

  it('finds a hint with no word in it at all, trying every place as the alternation did', () => {
    expect(found(['=>>', 'okta'], 'a =>> b okta =>>')).toEqual([
      ['=>>', 2],
      ['okta', 8],
      ['=>>', 13],
    ]);
  });

  it('finds what one alternation of the hints finds, in texts made of their pieces', () => {
    const hints = [
      'okta',
      '.okta.com',
      'okta.com',
      'api.github.com',
      'github app',
      '@auth0/',
      'auth0',
      '[auth][error]',
      'x_y',
    ];
    const pieces = [
      'okta',
      '.',
      'com',
      ' ',
      'api',
      'github',
      '@',
      'auth0',
      '/',
      '[auth]',
      '[error]',
      'x_y',
      'x',
      '_',
      'app',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round += 1) {
      const text = Array.from({ length: 12 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(found(hints, text), text).toEqual(reference(hints, text));
    }
  });
});
