import { describe, expect, it } from 'vitest';
import { useShippedResolver } from '../helpers/shipped-resolver.js';

// Where a question is asked is a clue: a Slack channel named for a provider (#xero-integration) asks for
// that provider's meaning of a code many providers share. The query's own words come first.
const resolver = useShippedResolver();
const firstAt = (query: string, place?: string) => {
  const [top] = resolver.lookup(query, place ? { place } : {});
  return top ? `${top.provider}:${top.code}` : 'nothing';
};

describe("a lookup's place", () => {
  it("a channel named for a provider chooses its meaning of a shared code, by any part of the channel's name", () => {
    expect(firstAt('invalid_grant')).toBe('oauth2:invalid_grant');
    expect(firstAt('invalid_grant', 'xero-integration')).toBe('xero:invalid_grant');
    expect(firstAt('invalid_grant', 'team_azure_ad')).toBe('entra:invalid_grant');
    expect(firstAt('invalid_grant', 'OktaRollout')).toBe('okta:invalid_grant');
  });

  it('a provider named in the query outweighs the place', () => {
    expect(firstAt('invalid_grant okta', 'xero-dev')).toBe('okta:invalid_grant');
  });

  it('changes nothing for a code of one provider, nor for a channel named for no provider or for Slack itself', () => {
    expect(firstAt('AADSTS50011', 'okta-dev')).toBe('entra:AADSTS50011');
    expect(firstAt('invalid_grant', 'general')).toBe('oauth2:invalid_grant');
    expect(firstAt('invalid_grant', 'slack-admins')).toBe('oauth2:invalid_grant');
  });
});
