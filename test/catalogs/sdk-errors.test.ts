import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Errors raised by Auth0's SDKs (@auth0/nextjs-auth0, express-openid-connect, auth0-spa-js, the native
// credentials managers), by PHP OAuth client libraries (thephpleague/oauth2-client, Hybridauth,
// overtrue/socialite) and by the QuickBooks Online PHP SDK, as people pasted them in public issue threads (the
// thread above each sample; tokens redacted, long traces cut), then ordinary lines with similar words that must
// not be read as these libraries' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);

describe('@auth0/nextjs-auth0', () => {
  it("the callback handler's error wraps the error Auth0 sent, which a lookup answers first", () => {
    // https://github.com/akash-network/console/issues/2690
    const trace = [
      'CallbackHandlerError: Callback handler failed. CAUSE: access_denied (The user has denied your application access.) (code: ERR_CALLBACK_HANDLER_FAILURE)',
      '    at /app/apps/deploy-web/.next/server/chunks/7951.js:1:40109',
      '    at async callback (/app/apps/deploy-web/.next/server/pages/api/auth/[...auth0].js:1:4726)',
    ].join('\n');
    const found = confident(trace);
    expect(found).toContain('auth0:ERR_CALLBACK_HANDLER_FAILURE');
    expect(found.some((key) => key.endsWith(':access_denied'))).toBe(true);
    expect(best(trace.split('\n')[0] as string)).toMatch(/:access_denied$/);
    // https://github.com/auth0/nextjs-auth0/issues/1753
    const social =
      '[CallbackHandlerError]: Callback handler failed. CAUSE: invalid_request (Failed to fetch user data:)';
    expect(confident(social)).toContain('auth0:ERR_CALLBACK_HANDLER_FAILURE');
    expect(best(social)).toMatch(/:invalid_request$/);
  });

  it("the callback's missing state cookie, inside the handler's error", () => {
    // https://github.com/auth0/nextjs-auth0/issues/1753 (the cause the SDK's source gives for a lost state cookie)
    expect(
      confident(
        'Callback handler failed. CAUSE: Missing state cookie from login request (check login URL, callback URL and cookie config).',
      ),
    ).toEqual(['auth0:MissingStateCookieError']);
  });

  it("getAccessToken's errors, by their sentences and codes", () => {
    // https://github.com/auth0/nextjs-auth0/issues/90
    const v1 = [
      'AccessTokenError: The user does not have a valid session.',
      '    at SessionTokenCache.<anonymous> (',
      "  name: 'AccessTokenError',",
      "  code: 'invalid_session'",
      '}',
    ].join('\n');
    expect(confident(v1)).toEqual(['auth0:ERR_MISSING_SESSION']);
    // https://github.com/auth0/nextjs-auth0/issues/2080 (the title)
    expect(confident('ERR_MISSING_SESSION - AccessTokenError: The user does not have a valid session')).toEqual([
      'auth0:ERR_MISSING_SESSION',
    ]);
    // https://github.com/auth0/nextjs-auth0/issues/207 (the title)
    expect(confident('AccessTokenError: The user does not have a valid access token.')).toEqual([
      'auth0:ERR_MISSING_ACCESS_TOKEN',
    ]);
    expect(best('ERR_EXPIRED_ACCESS_TOKEN')).toBe('auth0:ERR_EXPIRED_ACCESS_TOKEN');
    expect(best('ERR_FAILED_REFRESH_GRANT')).toBe('auth0:ERR_FAILED_REFRESH_GRANT');
    expect(best('CallbackHandlerError')).toBe('auth0:ERR_CALLBACK_HANDLER_FAILURE');
  });
});

describe('thephpleague/oauth2-client', () => {
  it("IdentityProviderException carries the server's code, answered first", () => {
    // https://github.com/jamesfairhurst/smart-playlists-for-spotify/issues/14
    const spotify =
      'production.ERROR: League\\OAuth2\\Client\\Provider\\Exception\\IdentityProviderException: invalid_grant in /home/forge/smartplaylistsforspotify.co.uk/vendor/league/oauth2-client/src/Provider/GenericProvider.php:216';
    expect(confident(spotify)).toContain('oauth-clients:IdentityProviderException');
    expect(best(spotify)).toMatch(/:invalid_grant$/);
    // https://github.com/TheNetworg/oauth2-azure/issues/123
    const azure =
      "Uncaught exception 'League\\OAuth2\\Client\\Provider\\Exception\\IdentityProviderException' with message 'invalid_grant' in /var/www/myAapp/vendor/thenetworg/oauth2-azure/src/Provider/Azure.php:315";
    expect(confident(azure)).toContain('oauth-clients:IdentityProviderException');
    expect(best('IdentityProviderException')).toBe('oauth-clients:IdentityProviderException');
  });
});

describe('Hybridauth and overtrue/socialite', () => {
  it("Hybridauth's state check, with and without its class name", () => {
    // https://github.com/hybridauth/hybridauth/issues/1301
    expect(
      confident(
        '[Hybridauth\\Exception\\InvalidAuthorizationStateException] The authorization state [state=xxxxxxxx] of this page is either invalid or has already been consumed.',
      ),
    ).toEqual(['oauth-clients:InvalidAuthorizationStateException']);
    // https://github.com/hybridauth/hybridauth/issues/893
    expect(
      confident(
        'Oops, we ran into an issue! The authorization state [state=HA-87J6MLDU2T0F514HVCBSPWGXIZOEY3NRKQA9] of this page is either invalid or has already been consumed.',
      ),
    ).toEqual(['oauth-clients:InvalidAuthorizationStateException']);
  });

  it("socialite's Authorize Failed, with the provider's answer inside", () => {
    // https://github.com/overtrue/socialite/issues/188
    expect(
      confident(
        'Fatal error [-1]: Authorize Failed: []\nTriggered in /app/vendor/overtrue/socialite/src/Providers/Base.php at line 286',
      ),
    ).toEqual(['oauth-clients:AuthorizeFailedException']);
    // https://github.com/overtrue/socialite/issues/201
    const github =
      'PHP Fatal error:  Uncaught Overtrue\\Socialite\\Exceptions\\AuthorizeFailedException: Authorize Failed: {"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.","error_uri":"https:\\/\\/docs.github.com\\/apps\\/managing-oauth-apps\\/troubleshooting-oauth-app-access-token-request-errors\\/#bad-verification-code"} in /var/www/alpha/vendor/overtrue/socialite/src/Providers/Base.php:296';
    expect(confident(github)).toEqual(['oauth-clients:AuthorizeFailedException', 'github:bad_verification_code']);
    expect(best(github)).toBe('github:bad_verification_code');
  });
});

describe('QuickBooks Online PHP SDK', () => {
  it("the refresh failure is Intuit's invalid_grant", () => {
    // https://github.com/intuit/QuickBooks-V3-PHP-SDK/issues/308
    const refresh =
      'Refresh OAuth 2 Access token with Refresh Token failed. Body: [{"error_description":"Incorrect or invalid refresh token","error":"invalid_grant"}]';
    expect(confident(refresh)).toEqual(['intuit:invalid_grant']);
    expect(best(refresh)).toBe('intuit:invalid_grant');
  });

  it('the settings check of its v3 releases', () => {
    // https://github.com/intuit/QuickBooks-V3-PHP-SDK/issues/79
    expect(
      confident(
        "Uncaught QuickBooksOnline\\API\\Exception\\SdkException: [0]: 'accessTokenKey' must be provided in OAuth2",
      ),
    ).toEqual(['intuit:quickbooks-php-oauth2-settings-missing']);
  });
});

describe('ordinary lines with similar words', () => {
  it('are no SDK errors', () => {
    for (const line of [
      'Request timeout after 30000ms',
      'The user cancelled the operation',
      'Invalid response received from server',
      'state parameter missing in request',
      'Exception: Authorization failed for user admin',
      'TimeoutError: Navigation timeout of 30000 ms exceeded',
      'Error: Timeout',
      'The state parameter is invalid.',
    ]) {
      expect(confident(line), line).toEqual([]);
    }
  });
});
