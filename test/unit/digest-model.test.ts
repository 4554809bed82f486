import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestNames } from '../../src/domain/digest.js';
import { digestRow } from '../helpers/digest-row.js';

const window = { from: new Date('2026-11-23T09:00:00Z'), to: new Date('2026-11-24T09:00:00Z'), timeZone: 'UTC' };

/** A catalog of three Salesforce invalid_grant meanings, one Entra code, and providers' names. */
const titles = new Map(
  Object.entries({
    'salesforce:invalid_grant@refresh-token': 'Expired access/refresh token',
    'salesforce:invalid_grant@ip-restricted': 'IP restricted or invalid login hours',
    'salesforce:invalid_grant@jwt-bearer': "User hasn't approved this consumer",
    'entra:AADSTS50011': 'Redirect URI mismatch',
  }),
);
const providers = new Map([
  ['salesforce', 'Salesforce'],
  ['entra', 'Microsoft Entra ID'],
]);
const names: DigestNames = {
  entryTitle: (key) => titles.get(key),
  entriesOf: (provider, code) => [...titles.keys()].filter((key) => key.split('@')[0] === `${provider}:${code}`),
  providerName: (provider) => providers.get(provider),
};

const row = digestRow;

describe('digest model', () => {
  it('titles each line by its entry: one code, several errors', () => {
    const model = buildDigest(
      'C1',
      window,
      [row({ count: 3 }), row({ entryKey: 'salesforce:invalid_grant@ip-restricted', count: 2 })],
      names,
    );
    expect(model.items.map((item) => [item.key, item.title, item.count])).toEqual([
      ['salesforce:invalid_grant@refresh-token', 'Expired access/refresh token', 3],
      ['salesforce:invalid_grant@ip-restricted', 'IP restricted or invalid login hours', 2],
    ]);
    expect(model.items[0]?.providerName).toBe('Salesforce');
  });

  it('an old row (no entry key) takes the title of a code with one entry, and merges with its keyed rows', () => {
    const model = buildDigest(
      'C1',
      window,
      [
        row({ provider: 'entra', code: 'AADSTS50011', entryKey: 'entra:AADSTS50011', count: 2, threadTs: '2.2' }),
        row({ provider: 'entra', code: 'AADSTS50011', entryKey: null, count: 1, previousCount: 4, threadTs: '3.3' }),
      ],
      names,
    );
    expect(model.items).toHaveLength(1);
    expect(model.items[0]).toMatchObject({
      key: 'entra:AADSTS50011',
      title: 'Redirect URI mismatch',
      count: 3,
      previousCount: 4,
      change: -1,
      threadTs: '3.3',
    });
  });

  it('an old row of a code with several entries gets no title rather than one of them', () => {
    const model = buildDigest('C1', window, [row({ entryKey: null, count: 5 })], names);
    expect(model.items.map((item) => [item.key, item.title])).toEqual([['salesforce:invalid_grant', undefined]]);
    expect(model.unknown).toEqual([]);
  });

  it('codes no catalog has are listed apart, and counted in the totals and per provider', () => {
    const model = buildDigest(
      'C1',
      window,
      [
        row({ count: 2 }),
        row({ provider: 'entra', code: 'AADSTS99999', entryKey: null, count: 3, isNew: true }),
        row({ provider: 'entra', code: 'AADSTS99998', entryKey: null, count: 1 }),
      ],
      names,
    );
    expect(model.items.map((item) => item.code)).toEqual(['invalid_grant']);
    expect(model.unknown).toEqual([
      { provider: 'entra', providerName: 'Microsoft Entra ID', code: 'AADSTS99999', count: 3 },
      { provider: 'entra', providerName: 'Microsoft Entra ID', code: 'AADSTS99998', count: 1 },
    ]);
    expect([model.total, model.distinct, model.newItems.length]).toEqual([6, 3, 0]);
    expect(model.perProvider).toEqual([
      { provider: 'entra', name: 'Microsoft Entra ID', count: 4, distinct: 2 },
      { provider: 'salesforce', name: 'Salesforce', count: 2, distinct: 1 },
    ]);
  });

  it('keeps the window and its zone', () => {
    const model = buildDigest('C1', { ...window, timeZone: 'Europe/Berlin' }, [], names);
    expect([model.timeZone, model.total, model.items, model.unknown]).toEqual(['Europe/Berlin', 0, [], []]);
  });
});
