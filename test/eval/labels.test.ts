import { describe, expect, it } from 'vitest';
import { names } from '../helpers/reading-eval.js';
import { useShippedResolver } from '../helpers/shipped-resolver.js';

// How an evaluation label (written from a thread, apart from the catalogs) names a catalog entry.
const resolver = useShippedResolver();
const answer = (query: string) => {
  const match = resolver.lookup(query)[0];
  if (!match) throw new Error(`nothing for ${query}`);
  return match;
};

describe('an evaluation label', () => {
  it('names an entry by its code or an alias', () => {
    expect(names(answer('AADSTS50011'), { provider: 'entra', code: 'AADSTS50011' })).toBe(true);
    expect(names(answer('AADSTS50011'), { provider: 'entra', code: 'AADSTS50012' })).toBe(false);
    expect(names(answer('AADSTS50011'), { provider: 'okta', code: 'AADSTS50011' })).toBe(false);
  });

  it('names an entry by the whole first clause of one of its messages, or three words or more of one', () => {
    const state = answer('state mismatch, expected abc, got: def');
    expect(`${state.provider}:${state.code}`).toBe('openid-client:RPError');
    expect(names(state, { provider: 'openid-client', code: 'state mismatch' })).toBe(true);
    // Two words that are not a whole clause of its messages say too little.
    expect(names(state, { provider: 'openid-client', code: 'mismatch expected' })).toBe(false);
    expect(names(state, { provider: 'openid-client', code: 'checks.state argument is missing' })).toBe(true);
  });

  it('names an entry by one ordinary word its texts print, never by a code-shaped word', () => {
    const kubectl = answer('error: You must be logged in to the server (Unauthorized)');
    expect(`${kubectl.provider}:${kubectl.code}`).toBe('kubernetes:kubernetes-kubectl-not-logged-in');
    expect(names(kubectl, { provider: 'kubernetes', code: 'Unauthorized' })).toBe(true);
    // A word the entry's texts do not print, or another provider's label, names nothing.
    expect(names(kubectl, { provider: 'kubernetes', code: 'Forbidden' })).toBe(false);
    expect(names(kubectl, { provider: 'okta', code: 'Unauthorized' })).toBe(false);
    // A code-shaped label is a code: it must be the entry's code or alias.
    expect(names(kubectl, { provider: 'kubernetes', code: 'unauthorized_client' })).toBe(false);
  });
});
