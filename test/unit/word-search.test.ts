import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/domain/catalog.js';
import type { LoadedEntry } from '../../src/domain/findings.js';
import { buildIndex } from '../../src/domain/resolver-index.js';
import { createWordSearch, stem, type WordSearch, words } from '../../src/domain/word-search.js';
import { madeUpEntry } from '../helpers/made-up-entry.js';

/** A made-up entry; only the fields the word search reads matter. */
const entry = (provider: string, code: string, title: string, extra: Partial<LoadedEntry> = {}): LoadedEntry =>
  madeUpEntry(provider, code, { title, ...extra });

/** Entries none of the tests' words are in, so the words the tests use are as distinctive as in a real catalog. */
const filler = Array.from({ length: 30 }, (_, i) => entry('filler', `F${i}`, `Filler number ${i} about widgets`));

describe('reading words', () => {
  it('splits camel-case and snake-case names and keeps a name with underscores whole as well', () => {
    expect(words('InvalidRedirectUri', { split: true, whole: false })).toEqual(['invalid', 'redirec', 'uri']);
    expect(words('redirect_uri_mismatch')).toEqual(
      expect.arrayContaining(['redirec', 'uri', 'mismatc', 'match', '=redirect_uri_mismatch']),
    );
  });

  it('keeps an identifier of three parts or more whole where names are whole, uncut by the stem', () => {
    // Cut to seven letters, Entra's title InvalidClientSecretExpiredKeysProvided read as the one word "invalid".
    expect(words('InvalidClientSecretExpiredKeysProvided', { split: false, whole: true })).toEqual([
      'invalidclientsecretexpiredkeysprovided',
    ]);
    expect(words('QuickBooks Online', { split: false, whole: true })).toEqual(['quickbo', 'onlin']);
    expect(words('acquireTokenSilent')).toEqual(['acquiretokensilent', 'acquir', 'token', 'silent']);
  });

  it('reads a compound written with a hyphen as the joined word too (user-agent, useragent)', () => {
    expect(words('embedded user-agent')).toContain(stem('useragent'));
    expect(words('sign-in failed')).toContain(stem('signin'));
  });

  it('drops the words every question has and stems the rest', () => {
    expect(words('why does my token expire')).toEqual(['token', 'expir']);
    expect(stem('expired')).toBe(stem('expires'));
    // A noun in -y is the word its -ies plural and its verb are: "Access Token expiry" is about an expired token.
    expect(stem('expiry')).toBe(stem('expired'));
    expect(stem('policy')).toBe(stem('policies'));
    expect(stem('key')).toBe('key');
    // A doubled last consonant is single in the word's other forms, in British and American spelling alike:
    // "cancel button" asks about B2C's "The user has cancelled entering self-asserted information".
    expect(stem('cancelled')).toBe(stem('cancel'));
    expect(stem('canceled')).toBe(stem('cancel'));
    expect(stem('submitted')).toBe(stem('submit'));
    expect(stem('accessed')).toBe(stem('access'));
    expect(stem('classes')).toBe(stem('class'));
  });

  it('reads an abbreviation of the field as the words messages spell it with', () => {
    // Entra's AADSTS50076: "... you must use multi-factor authentication to access ..."
    const spelled = words('multi-factor authentication').filter((word) => !word.startsWith('='));
    expect(words('MFA required')).toEqual(expect.arrayContaining(spelled));
    expect(words('SSO failed')).toEqual(expect.arrayContaining([stem('single'), stem('sign')]));
  });
});

describe('word search over made-up entries', () => {
  it('ranks an entry whose title says the words above one whose message says them', () => {
    const search = createWordSearch([
      ...filler,
      entry('acme', 'E2001', 'Widgets', { messages: ['Consent required for the tenant'] }),
      // Longer than the other: without the title's words counting more, length alone would rank it second.
      entry('acme', 'E2002', 'Consent required for the tenant', {
        messages: ['An administrator grants the application its permissions first'],
      }),
    ]);
    expect(search.search('consent required tenant').map((hit) => hit.entry.code)).toEqual(['E2002', 'E2001']);
  });

  it('puts an entry that needs context after an equal one that does not', () => {
    const search = createWordSearch([
      ...filler,
      entry('acme', 'E1001', 'Quota exceeded for tenant', { requires_context: true }),
      entry('beta', 'E1002', 'Quota exceeded for tenant'),
    ]);
    const hits = search.search('quota exceeded tenant');
    expect(hits.map((hit) => hit.entry.key)).toEqual(['beta:E1002', 'acme:E1001']);
    expect(hits[0]?.score).toBe(hits[1]?.score);
  });

  it('offers nothing when only words no entry has are asked', () => {
    const search = createWordSearch([...filler, entry('acme', 'x', 'Quota exceeded for tenant')]);
    expect(search.search('zebra giraffe')).toEqual([]);
  });
});

describe('a number in a question', () => {
  const vk = entry('vk', 'api_error_permission', 'Permission to perform this action is denied (VK API error 7)', {
    aliases: ['7'],
  });
  const search = createWordSearch([vk, ...filler]);

  it('with a unit after it is a quantity, not a numeric code: "expires every 7 days" is not VK error 7', () => {
    expect(search.search('token expires every 7 days')).toEqual([]);
    expect(search.search('denied after 7 attempts')).toEqual([]);
  });

  it('leaves the unit a word of the question: "waited 90 minutes" is about minutes', () => {
    const waited = entry('made-up', 'waited_too_long', 'Waited too many minutes');
    expect(createWordSearch([waited, ...filler]).search('waited 90 minutes')[0]?.entry.key).toBe(
      'made-up:waited_too_long',
    );
  });

  it('as a quantity is a word of its own however its unit is written: a lifetime tells one expiry from another', () => {
    // Two made-up providers whose refresh tokens last seven days and 60 days, told apart by nothing else.
    const week = entry('made-up-a', 'refresh_expired', 'Refresh token expired', {
      symptoms: ['refresh token stops working after 7 days'],
    });
    const months = entry('made-up-b', 'refresh_expired', 'Refresh token expired', {
      symptoms: ['refresh token stops working after 60 days'],
    });
    const search = createWordSearch([months, week, ...filler]);
    expect(search.search('my refresh token expires after 7 days')[0]?.entry.key).toBe('made-up-a:refresh_expired');
    expect(search.search('refresh token expiring every 7d')[0]?.entry.key).toBe('made-up-a:refresh_expired');
    expect(search.search('refresh token dead after 60 days')[0]?.entry.key).toBe('made-up-b:refresh_expired');
    // A number written as a word is the same quantity.
    expect(search.search('refresh token dead after sixty days')[0]?.entry.key).toBe('made-up-b:refresh_expired');
    expect(search.search('my refresh token expires after seven days')[0]?.entry.key).toBe('made-up-a:refresh_expired');
  });

  it('copied with its placeholder ("{time}"), names a value, not the error: the placeholder is no word', () => {
    const clock = entry('made-up', 'clock_time_window', 'Clock time window exceeded');
    const search = createWordSearch([clock, ...filler]);
    expect(search.search('session window {time}').map((hit) => hit.entry.key)).toEqual([]);
    expect(search.search('session window time')[0]?.entry.key).toBe('made-up:clock_time_window');
  });

  it('without one is still the code the entry is named by', () => {
    expect(search.search('error 7 permission denied')[0]?.entry.key).toBe('vk:api_error_permission');
  });
});

describe('word search over the shipped catalogs', () => {
  let search: WordSearch;
  beforeAll(async () => {
    search = createWordSearch((await loadCatalogs()).entries);
  });

  it('offers nothing for a word or two of ordinary English', () => {
    for (const query of ['the quick brown fox', 'token', 'invalid token', 'please help']) {
      expect(search.search(query), query).toEqual([]);
    }
  });

  it('finds a described error by its distinctive words, best first', () => {
    const hits = search.search('client secret expired');
    expect(hits[0]?.entry.key).toBe('entra:AADSTS7000222');
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score > 0)).toBe(true);
  });

  it('keeps only the entries the filter lets through', () => {
    const all = search.search('redirect uri does not match');
    const okta = search.search('redirect uri does not match', { filter: (hit) => hit.provider === 'okta' });
    expect(all.some((hit) => hit.entry.provider !== 'okta')).toBe(true);
    expect(okta.length).toBeGreaterThan(0);
    expect(okta.every((hit) => hit.entry.provider === 'okta')).toBe(true);
  });

  it('prefers the entries of a provider the query names', () => {
    const key = 'azure-b2c:AADB2C90091';
    const plain = search.search('user cancelled sign up');
    const named = search.search('user cancelled sign up', { named: new Set(['azure-b2c']) });
    const rank = (hits: typeof plain) => hits.findIndex((hit) => hit.entry.key === key);
    const score = (hits: typeof plain) => hits.find((hit) => hit.entry.key === key)?.score ?? 0;
    expect(rank(plain)).toBeGreaterThan(0);
    expect(rank(named)).toBeLessThan(rank(plain));
    expect(score(named) / score(plain)).toBeCloseTo(1.6);
  });
});

describe("a provider's name inside a title", () => {
  // Titles carry the provider's name for display ("... (Facebook PHP SDK)"); a question naming the
  // provider then matched the entries whose title says it, whatever the question asked about.
  it('is not evidence either: `Facebook redirect url` is the redirect error', async () => {
    const catalog = await loadCatalogs();
    const search = createWordSearch(catalog.entries, buildIndex(catalog).names.keys());
    // Other providers' redirect URI errors come near too (a redirect URL is their redirect URI); of Meta's own
    // entries, whose titles all say Facebook, the redirect one comes first.
    const hits = search.search('Facebook redirect url', { named: new Set(['meta']) });
    const first = hits.find((hit) => hit.entry.provider === 'meta')?.entry;
    expect(first?.messages).toContain('Given URL is not allowed by the Application configuration.');
  });
});

describe('a provider name of several parts', () => {
  // openid-client and node-oauth2-server are names; their parts are words errors are named by.
  const client = entry('acme', 'bad_client', 'Client credentials refused by the token server');
  const other = entry('acme', 'slow', 'Token server too slow to answer');

  it('is ignored whole, not by its parts: "client" and "server" stay evidence', () => {
    const search = createWordSearch([...filler, client, other], ['openid-client', 'node-oauth2-server', 'okta']);
    expect(search.search('client refused by server')[0]?.entry.code).toBe('bad_client');
    expect(search.search('openid-client')).toEqual([]);
  });

  it('of one word is ignored as it is', () => {
    const named = entry('acme', 'okta_down', 'Okta answered slowly');
    const search = createWordSearch([...filler, named], ['okta']);
    expect(search.search('okta')).toEqual([]);
  });
});

describe('a typo', () => {
  const blocked = entry('meta', 'URL Blocked', 'Redirect URL blocked by the app settings');
  const search = createWordSearch([...filler, blocked]);

  it('of a word some entry has is read as that word, one edit away ("Bloacked", "authorezation")', () => {
    expect(search.search('login url bloacked')[0]?.entry.code).toBe('URL Blocked');
  });

  it('is not guessed in a short word, two edits away, or without a known word beside it', () => {
    const top = (query: string) => search.search(query)[0]?.score ?? 0;
    expect(top('login url bloacked')).toBeGreaterThan(top('login url'));
    expect(search.search('login url blcd')).toEqual(search.search('login url'));
    expect(search.search('login url bllaocked')).toEqual(search.search('login url'));
    expect(search.search('bloacked bloacked bloacked')).toEqual([]);
  });
});

describe("a provider's name inside a code", () => {
  const sdk = entry('meta', 'FacebookSDKException', 'Login callback state check failed', { requires_context: true });
  const blocked = entry('meta', 'URL Blocked', 'Redirect URL blocked: not in the valid OAuth redirect URIs', {
    requires_context: true,
  });

  it('is not evidence: the words of the question decide, not the name the code happens to hold', () => {
    const search = createWordSearch([...filler, sdk, blocked], ['facebook', 'meta']);
    expect(search.search('facebook login redirect url blocked')[0]?.entry.code).toBe('URL Blocked');
    expect(search.search('facebook login')).toEqual([]);
  });

  it('is evidence when the provider names are not given', () => {
    const search = createWordSearch([...filler, sdk, blocked]);
    expect(search.search('facebook login')[0]?.entry.code).toBe('FacebookSDKException');
  });
});
