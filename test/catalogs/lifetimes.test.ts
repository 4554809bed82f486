import { describe, expect, it } from 'vitest';
import { useShippedResolver, withContext } from '../helpers/shipped-resolver.js';

// Token and session lifetimes the providers' own documentation states, as people ask about them ("my refresh token
// expires after 90 days"): the documented quantity is a word of its own (src/domain/word-search.ts), so it names the
// provider's entry for the expiry. Each question below is written for this test.
const resolver = useShippedResolver();

const first = (query: string) => {
  const [top] = resolver.lookup(query);
  return top ? withContext(top) : undefined;
};

describe('documented lifetimes name the entry the expiry produces', () => {
  it.each([
    // Google: access tokens last 3600 seconds by default.
    ['google access token expires after 1 hour', 'google:ACCESS_TOKEN_EXPIRED'],
    // Azure AD B2C: refresh tokens last 14 days by default; a single-page app's always 24 hours.
    ['azure b2c refresh token expires after 14 days', 'azure-b2c:AADB2C90080'],
    ['b2c single page app refresh token expires after 24 hours', 'azure-b2c:AADB2C90080'],
    // Okta: the org authorization server's refresh tokens last 90 days.
    ['okta refresh token expires after 90 days', 'okta:invalid_grant'],
    // Cognito: refresh tokens last 30 days unless the app client says otherwise.
    ['refresh token is only valid for 30 days in cognito', 'cognito:NotAuthorizedException/user-pool'],
    // Salesforce: sessions time out after two hours by default.
    ['salesforce api stops working after 2 hours', 'salesforce:INVALID_SESSION_ID'],
    // Zoho: access tokens last an hour.
    ['zoho access token expires after 1 hour', 'zoho:INVALID_TOKEN'],
    // Box: a refresh token lasts 60 days or one use, an authorization code 30 seconds.
    ['box integration disconnected after 60 days unused', 'box:invalid_grant'],
    ['box oauth code is only valid for 30 seconds', 'box:invalid_grant'],
    // X: OAuth 2.0 access tokens last two hours.
    ['twitter access token expires after 2 hours', 'twitter:invalid-or-expired-token'],
    // Spotify: access tokens last an hour, refresh tokens six months from the user's authorization.
    ['spotify token stops working after 1 hour', 'spotify:access-token-expired'],
    ['spotify refresh token expires after 6 months', 'spotify:invalid_grant/refresh-token'],
    // Fitbit: access tokens last eight hours.
    ['fitbit token stops working after 8 hours', 'fitbit:expired_token'],
    // GitHub App user access tokens last eight hours.
    ['github app user access token expires after 8 hours', 'github:bad-credentials'],
    // Zoom: access tokens last an hour, authorization codes five minutes.
    ['zoom api 401 after 1 hour', 'zoom:124'],
    ['zoom authorization code expires after 5 minutes', 'zoom:4733'],
    // GitLab: OAuth access tokens last two hours.
    ['gitlab token stops working after 2 hours', 'gitlab:invalid_token/token-expired'],
    // eBay: Auth'n'Auth tokens last 18 months.
    ['ebay token expires after 18 months', 'ebay:932'],
    // NetSuite: OAuth 2.0 access tokens last 60 minutes.
    ['netsuite access token expires after 60 minutes', 'netsuite-oauth2:AccessTokenExpired'],
  ])('%s', (query, expected) => {
    expect(first(query)).toBe(expected);
  });
});
