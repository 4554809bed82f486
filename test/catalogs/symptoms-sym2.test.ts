import { describe, expect, it } from 'vitest';
import { bestOf, useShippedResolver, withContext } from '../helpers/shipped-resolver.js';

// Questions written for these tests, each naming its provider and no code, answered by the symptoms of the
// provider's most hit errors (how people describe them in issue threads, in our own words).
const resolver = useShippedResolver();
const first = (query: string) => bestOf(resolver, query);
const firstReading = (query: string) => {
  const [top] = resolver.lookup(query);
  return top ? withContext(top) : undefined;
};

describe('symptoms of the errors integrators hit most (Meta to Zoom)', () => {
  it("Meta's token of a user who removed the app (190, subcode 458)", () => {
    expect(firstReading('user uninstalled my facebook app and now graph api calls fail')).toBe(
      'meta:OAuthException/subcode-458',
    );
  });

  it("OAuth2 Proxy's failed code redemption is a 500 page at the callback", () => {
    expect(first('oauth2-proxy shows 500 internal error on /oauth2/callback after login')).toBe(
      'oauth2-proxy:oauth2-proxy-redeem-failed',
    );
  });

  it("PayPal's client credentials sent to the other environment", () => {
    expect(first('paypal sandbox credentials sent to api.paypal.com')).toBe('paypal:invalid_client');
  });

  it("Salesforce's JWT bearer flow needs the user pre-authorized on the connected app", () => {
    expect(first('salesforce jwt flow works only after adding the permission set to the connected app')).toBe(
      'salesforce:invalid_grant',
    );
  });

  it("Shopify's OAuth cookie is gone at the callback", () => {
    expect(first('shopify reinstall after uninstall fails until I clear cookies')).toBe('shopify:CookieNotFound');
  });

  it("Spotify's authorize page refuses a callback not saved in the dashboard", () => {
    expect(
      first('Spotify authorize page rejects my callback address, is it the port or trailing slash in the dashboard'),
    ).toBe('spotify:INVALID_CLIENT');
  });

  it("Stripe's API keys and Connect codes", () => {
    expect(first('stripe connect callback fires twice and the second code exchange fails')).toBe(
      'stripe:invalid_grant',
    );
    expect(first('stripe connect code from test mode exchanged with my live key fails')).toBe('stripe:invalid_grant');
    expect(first('I rolled my stripe secret key and production still uses the old one')).toBe('stripe:invalid-api-key');
  });

  it("supabase-js on the server without the request's cookies", () => {
    expect(first('supabase getUser returns no user on the server even though I am logged in in the browser')).toBe(
      'supabase:AuthSessionMissingError',
    );
  });

  it("X's OAuth 1.0a signature and missing credentials", () => {
    expect(first('twitter returns 401 after I regenerated my access token in the developer portal')).toBe(
      'twitter:could-not-authenticate',
    );
    expect(first('twitter library never sends the access token because the option name is wrong')).toBe(
      'twitter:bad-authentication-data',
    );
  });

  it("Zoho's accounts server of another data centre", () => {
    expect(first('zoho oauth uses accounts.zoho.com but my org is in india')).toBe('zoho:invalid_client');
  });

  it("Zoom's server-to-server app given the old JWT app's key", () => {
    expect(first('zoom server-to-server app cannot get a token with my old JWT api key and secret')).toBe(
      'zoom:invalid_client',
    );
  });
});
