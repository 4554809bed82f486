import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver, withContext } from '../helpers/shipped-resolver.js';

// Descriptions of Google's token endpoint that the catalog lacked: invalid_grant's "Code was already redeemed.",
// "Account has been deleted" and the PKCE ones ("Missing code verifier.", "code_verifier or verifier is not
// needed"), read from the texts of public threads, and ordinary lines with the same words that stay nobody's.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const google = (text: string) => confidentAmong(resolver, text, ['google']);
/** Which meaning of a code the scan picked: `google:invalid_grant/pkce`. */
const withContextOf = (text: string) => confidentOf(resolver, text, withContext);

describe('Google: invalid_grant "Code was already redeemed."', () => {
  it('the pretty-printed body with no host beside it is the user-tokens reading', () => {
    // https://github.com/expo/expo/issues/1010
    const body = ['{', ' "error": "invalid_grant",', ' "error_description": "Code was already redeemed."', '}'].join(
      '\n',
    );
    expect(withContextOf(body)).toEqual(['google:invalid_grant/user-tokens']);
  });

  it("passport's TokenError carries Google's description", () => {
    // https://github.com/jaredhanson/passport-google-oauth/issues/105
    expect(withContextOf('TokenError: Code was already redeemed.')).toEqual(['google:invalid_grant/user-tokens']);
  });

  it("a PHP client's exception and Socialite's wrapper", () => {
    // https://github.com/gdgbhu/gmail-php-starter/issues/4
    expect(
      withContextOf(
        "Uncaught Google_Auth_Exception: Error fetching OAuth2 access token, message: 'invalid_grant: Code was already redeemed.'",
      ),
    ).toEqual(['google:invalid_grant/user-tokens']);
    // https://github.com/overtrue/socialite/issues/70
    const socialite =
      'Fatal error: Uncaught Overtrue\\Socialite\\AuthorizeFailedException: Authorize Failed: {"error":"invalid_grant","error_description":"Code was already redeemed."} in /home/sizeme/htdocs/vendor/overtrue/socialite/src/Providers/AbstractProvider.php:418';
    expect(google(socialite)).toEqual(['google:invalid_grant']);
  });

  it('looks up the description', () => {
    expect(best('Code was already redeemed.')).toBe('google:invalid_grant');
    // Entra's own words for its code stay Entra's.
    expect(
      confident(
        '{"error":"invalid_grant","error_description":"AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."}',
      ),
    ).toEqual(['entra:AADSTS54005']);
  });
});

describe('Google: invalid_grant "Account has been deleted"', () => {
  it('the refresh of a deleted account, as GAM reports it', () => {
    // https://github.com/GAM-team/GAM/pull/1171
    expect(withContextOf('invalid_grant: The account has been deleted')).toEqual(['google:invalid_grant/user-tokens']);
    expect(best('Account has been deleted')).toBe('google:invalid_grant');
  });
});

describe('Google: invalid_grant for PKCE', () => {
  it('a code_verifier Google did not expect (googleapis 150 for Node.js)', () => {
    // https://github.com/googleapis/google-api-nodejs-client/issues/3679
    expect(withContextOf('invalid_grant: code_verifier or verifier is not needed')).toEqual([
      'google:invalid_grant/pkce',
    ]);
    // https://github.com/googleapis/google-auth-library-nodejs/issues/2028
    expect(
      withContextOf('BUG: invalid_grant: code_verifier or verifier is not needed (injected automatically)'),
    ).toEqual(['google:invalid_grant/pkce']);
  });

  it('a code_verifier missing from the exchange, as PHP dumps the body', () => {
    // https://github.com/googleapis/google-api-php-client/issues/2669
    const dump =
      'array(2) { ["error"]=> string(13) "invalid_grant" ["error_description"]=> string(22) "Missing code verifier." }';
    expect(withContextOf(dump)).toEqual(['google:invalid_grant/pkce']);
    expect(best('Missing code verifier.')).toBe('google:invalid_grant');
    expect(best('code_verifier or verifier is not needed')).toBe('google:invalid_grant');
  });
});

describe('ordinary lines with the same words', () => {
  it('are no sure finding', () => {
    expect(confident('INFO user 42: Account has been deleted')).toEqual([]);
    expect(confident('Your account has been deleted by an administrator.')).toEqual([]);
    expect(confident('warn: code was already redeemed by another worker, skipping')).toEqual([]);
    expect(confident('PKCE: missing code verifier in session, restarting login')).toEqual([]);
  });

  it("other servers' invalid_grant stays theirs or the standard's", () => {
    expect(confident('{"error":"invalid_grant","error_description":"Invalid code verifier"}')).not.toContain(
      'google:invalid_grant',
    );
    expect(google('{"error":"invalid_grant","error_description":"Bad Request"}')).toEqual([]);
  });
});
