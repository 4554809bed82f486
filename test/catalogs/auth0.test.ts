import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Auth0 as its errors show up in token responses, SDK stack traces and tenant log streams.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('Auth0', () => {
  it('device flow polling answers are Auth0 when Auth0 says so, the standard otherwise', () => {
    const poll =
      'POST https://tenant-x.eu.auth0.com/oauth/token -> 403 {"error":"authorization_pending","error_description":"User has yet to authorize device code."}';
    expect(confident(poll)).toEqual(['auth0:authorization_pending']);
    // Auth0's own description on the line names Auth0 even where the host is a custom domain.
    const custom =
      'POST https://login.example.test/oauth/token -> 429 {"error":"slow_down","error_description":"You are polling faster than the specified interval of 5 seconds."}';
    expect(confident(custom)).toEqual(['auth0:slow_down']);
    expect(confident('POST /oauth/token -> 400 {"error":"authorization_pending"}')).toEqual([
      'oauth2:authorization_pending',
    ]);
  });

  it('an unknown audience on the callback URL, percent-encoded', () => {
    const callback =
      'GET /callback?error=access_denied&error_description=Service%20not%20found%3A%20https%3A%2F%2Fapi.example.test&state=q1w2e3';
    expect(confident(callback)).toEqual(['auth0:access_denied']);
  });

  it("an SDK's missing refresh token, with @auth0/nextjs-auth0 in the stack trace", () => {
    const trace = [
      'AccessTokenError: The access token has expired and a refresh token was not provided. The user needs to re-authenticate.',
      '    at AuthClient.getTokenSet (/srv/app/node_modules/@auth0/nextjs-auth0/dist/server/auth-client.js:901:24)',
    ].join('\n');
    expect(confident(trace)).toEqual(['auth0:missing_refresh_token']);
  });

  it("the SDKs' invalid state on a callback without a login in progress", () => {
    const spa = [
      'Error: Invalid state',
      '    at Auth0Client.handleRedirectCallback (auth0-spa-js.production.esm.js:1:41212)',
      '    at async Auth0Provider.tsx:211:27',
    ].join('\n');
    expect(confident(spa)).toEqual(['auth0:missing_transaction']);
    const next = [
      'Error: Invalid request, an initial state could not be found',
      '    at Object.<anonymous> (node_modules/@auth0/nextjs-auth0/dist/handlers/callback.js:18:19)',
    ].join('\n');
    expect(confident(next)).toEqual(['auth0:missing_transaction']);
    // Anyone's "Invalid state" is not Auth0's.
    expect(confident('reducer: Invalid state\n    at render (app.js:10:3)')).toEqual([]);
  });

  it("auth0.js's parseHash state check, and the standard invalid_token elsewhere", () => {
    expect(confident('parseHash error: {error: "invalid_token", errorDescription: "`state` does not match."}')).toEqual(
      ['auth0:invalid_token'],
    );
    expect(confident('{"error":"invalid_token","error_description":"The access token expired"}')).toEqual([
      'oauth2:invalid_token',
    ]);
  });

  it('tenant log events from a log stream', () => {
    const event =
      '{"log_id":"90020261120","type":"ferrt","description":"reused rotating token","client_name":"Shop SPA","hostname":"tenant-x.us.auth0.com"}';
    expect(confident(event)).toContain('auth0:ferrt');
    expect(resolver.lookup('limit_wc')[0]?.code).toBe('limit_wc');
  });

  it('short codes and messages in unrelated text are not Auth0', () => {
    expect(confident('ci: step feccft skipped, api_limit reached on the build runner')).toEqual([]);
    expect(confident('upstream error: Service not found: payments-db (namespace billing)')).toEqual([]);
    expect(confident('worker 7 ferrt retry queue drained; missing_refresh_token=0 timeout=30s')).toEqual([]);
  });
});

describe("Auth0's native SDKs", () => {
  it('the credentials managers of Auth0.Android and Auth0.swift', () => {
    const android = [
      'E/Session: com.auth0.android.authentication.storage.CredentialsManagerException: An error occurred while trying to use the Refresh Token to renew the Credentials.',
      '        at com.auth0.android.authentication.storage.SecureCredentialsManager.continueGetCredentials(SecureCredentialsManager.kt:514)',
    ].join('\n');
    expect(confident(android)).toEqual(['auth0:CredentialsManagerException.RENEW_FAILED']);
    expect(confident('[Session] credentials() failed: No credentials were found in the store.')).toEqual([
      'auth0:CredentialsManagerError.noCredentials',
    ]);
  });
});
