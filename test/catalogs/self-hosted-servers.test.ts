import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Authorization servers people run themselves: bshaffer/oauth2-server-php, thephpleague/oauth2-server (Laravel
// Passport) and Cloud Foundry UAA, read from what people pasted in public issue threads (the thread above each
// sample; tokens shortened). Their codes are the standard ones, so their own sentences say whose the error is.
const resolver = useShippedResolver();

const OURS = /^(oauth2-server-php|league-oauth2-server|cloudfoundry-uaa):/;
const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const ours = (text: string) => confident(text).filter((key) => OURS.test(key));

describe('bshaffer/oauth2-server-php', () => {
  it('client credentials not found, as JSON and as api-tools-oauth2 problem+json', () => {
    // https://github.com/bshaffer/oauth2-server-php/issues/903
    expect(
      confident(
        '{"error":"invalid_client","error_description":"Client credentials were not found in the headers or body"}',
      ),
    ).toEqual(['oauth2-server-php:invalid_client@credentials-missing']);
    // https://github.com/bshaffer/oauth2-server-php/issues/925
    const basic = [
      'I receieve the following error: ',
      '```',
      '{"error":"invalid_client","error_description":"Client credentials were not found in the headers or body"}',
      '```',
    ].join('\n');
    expect(confident(basic)).toEqual(['oauth2-server-php:invalid_client@credentials-missing']);
    // https://github.com/bshaffer/oauth2-server-php/issues/531 (zf-oauth2 answering with problem+json)
    const problem = [
      '{',
      '    "detail": "Client credentials were not found in the headers or body", ',
      '    "status": 400, ',
      '    "title": "invalid_client", ',
      '    "type": "http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html"',
      '}',
    ].join('\n');
    expect(confident(problem)).toEqual(['oauth2-server-php:invalid_client@credentials-missing']);
  });

  it('an authorization code the storage does not know, as var_dump prints it', () => {
    // https://github.com/bshaffer/oauth2-server-php/issues/705
    const dump = [
      "yesterday, i'm got error \" 'error' => string 'invalid_grant'",
      "  'error_description' => string 'Authorization code doesn't exist or is invalid for the client' \".",
    ].join('\n');
    expect(confident(dump)).toEqual(['oauth2-server-php:invalid_grant@authorization-code']);
  });

  it('its resource controller sentences', () => {
    expect(confident('{"error":"invalid_token","error_description":"The access token provided has expired"}')).toEqual([
      'oauth2-server-php:invalid_token@expired',
    ]);
    expect(bestOf(resolver, 'The redirect URI provided is missing or does not match')).toBe(
      'oauth2-server-php:redirect_uri_mismatch',
    );
  });
});

describe('thephpleague/oauth2-server (Laravel Passport)', () => {
  it('client authentication failed in the Passport log', () => {
    // https://github.com/laravel/passport/issues/617 (user details left out)
    expect(
      ours(
        '[2018-01-22 15:31:24] production.ERROR: Client authentication failed {"exception":"[object] (League\\\\OAuth2\\\\Server\\\\Exception\\\\OAuthServerException(code: 4): Client authentication failed at /var/app/current/vendor/league/oauth2-server/src/Exception/OAuthServerException.php:94)',
      ),
    ).toEqual(['league-oauth2-server:invalid_client']);
    // https://github.com/laravel/passport/issues/221
    const log = [
      '[2017-04-10 13:58:48] production.ERROR: League\\OAuth2\\Server\\Exception\\OAuthServerException: Client authentication failed in /vendor/league/oauth2-server/src/Exception/OAuthServerException.php:94',
      'Stack trace:',
      '#0 /vendor/league/oauth2-server/src/Grant/AuthCodeGrant.php(235): League\\OAuth2\\Server\\Exception\\OAuthServerException::invalidClient()',
    ].join('\n');
    expect(ours(log)).toEqual(['league-oauth2-server:invalid_client']);
  });

  it("a refresh token it cannot decrypt: v6's invalid_request with its hint", () => {
    // https://github.com/thephpleague/oauth2-server/issues/759
    expect(
      confident(
        '{"error":"invalid_request","message":"The refresh token is invalid.","hint":"Cannot decrypt the refresh token"}',
      ),
    ).toEqual(['league-oauth2-server:invalid_request@refresh-token']);
  });

  it('a used authorization code, named by its hint', () => {
    // https://github.com/laravel/passport/issues/209
    expect(
      ours('always return `invalid_request` along with hint message "Authorization code has been revoked".'),
    ).toEqual(['league-oauth2-server:invalid_request@authorization-code']);
  });

  it("a rejected Bearer token, logged with the RFC's access_denied sentence alone, near the library's names", () => {
    // https://github.com/laravel/passport/issues/1342
    expect(
      ours(
        'The resource owner or authorization server denied the request\n{"exception":"[object] (League\\\\OAuth2\\\\Server\\\\Exception\\\\OAuthServerException(code: 9): \nThe resource owner or authorization server denied the request. at /var/www/clients/client0/web1/web/vendor/league/oauth2-server/src/Exception/OAuthServerException.php:243)',
      ),
    ).toEqual(['league-oauth2-server:access_denied@bearer-token']);
    // https://github.com/thephpleague/oauth2-server/issues/698
    expect(
      ours(
        '[2017-01-25 14:40:12] local.ERROR: League\\OAuth2\\Server\\Exception\\OAuthServerException: The resource owner or authorization server denied the request. in /home/vagrant/Code/localhost/vendor/league/oauth2-server/src/Exception/OAuthServerException.php:165',
      ),
    ).toEqual(['league-oauth2-server:access_denied@bearer-token']);
    // Without them it is the standard's.
    expect(confident('error_description: The resource owner or authorization server denied the request.')).toEqual([
      'oauth2:access_denied@authorization-endpoint',
    ]);
  });

  it("the RFC's own invalid_grant sentence stays the standard's", () => {
    // https://github.com/DirectoryTree/LdapRecord-Laravel/issues/294
    const trace =
      '[previous exception] [object] (League\\\\OAuth2\\\\Server\\\\Exception\\\\OAuthServerException(code: 10): The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client. at C:\\\\laragon\\\\www\\\\passport\\\\vendor\\\\league\\\\oauth2-server\\\\src\\\\Exception\\\\OAuthServerException.php:263)';
    expect(confident(trace)).toEqual(['oauth2:invalid_grant@token-endpoint']);
  });
});

describe('Cloud Foundry UAA', () => {
  it('an expired refresh token in the UAA log', () => {
    // https://github.com/ECSTeam/cloudfoundry-top-plugin/issues/20
    expect(
      confident(
        `**Result:** You will see lots of errors being printed to UAA's logs with the message "Handling error: InvalidTokenException, Invalid refresh token expired at..."`,
      ),
    ).toEqual(['cloudfoundry-uaa:invalid_token@expired']);
  });

  it('a token without the resource id of the endpoint called', () => {
    // https://github.com/cloudfoundry/cf-uaac/issues/9
    const answer = [
      'error response:',
      '{',
      '  "error": "access_denied",',
      '  "error_description": "Invalid token does not contain resource id (clients)"',
      '}',
    ].join('\n');
    expect(confident(answer)).toEqual(['cloudfoundry-uaa:access_denied']);
  });

  it('a revoked or unknown token', () => {
    expect(
      confident(
        '{"error":"invalid_token","error_description":"The token expired, was revoked, or the token ID is incorrect."}',
      ),
    ).toEqual(['cloudfoundry-uaa:invalid_token@revoked']);
  });

  it("Spring Security OAuth's own sentences stay Spring's", () => {
    // https://github.com/cloudfoundry-community/logsearch-for-cloudfoundry/issues/162 (token shortened)
    const log =
      'vcap.uaa [job=uaa_z2 index=0] [2016-07-05 15:00:01.718] uaa - 13987 [http-bio-8080-exec-17] .... INFO --- TokenEndpoint: Handling error: InvalidTokenException, Invalid refresh token (expired): eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJiMTRh';
    expect(confident(log)).toEqual(['spring-security:invalid_token@legacy-expired']);
  });
});

describe('unrelated lines with similar words', () => {
  it('are no sure finding of these catalogs', () => {
    expect(ours('Token has expired')).toEqual([]);
    expect(ours('Invalid refresh token')).toEqual([]);
    expect(ours('Expired code')).toEqual([]);
    expect(ours('ERROR: the uaa.yml deployment manifest has an invalid indentation at line 12')).toEqual([]);
    expect(ours('[auth] Client authentication failed for user bob: certificate expired')).toEqual([]);
  });
});
