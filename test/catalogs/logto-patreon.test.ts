import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Logto's own error codes (oidc.*, auth.*) and the Patreon API's refusals as they show up in public issue threads:
// each sample is text people pasted there (the thread above it), then ordinary lines with the same words that must
// not be read as these errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const logto = (text: string) => confidentAmong(resolver, text, ['logto']);
const patreon = (text: string) => confidentAmong(resolver, text, ['patreon']);

describe('Logto error bodies', () => {
  it('auth.unauthorized from the Management API', () => {
    // https://github.com/logto-io/logto/issues/3267
    expect(
      logto(
        '{"message":"Unauthorized. Please check credentials and its scope.","code":"auth.unauthorized","data":{"code":"ERR_JWT_CLAIM_VALIDATION_FAILED","name":"JWTClaimValidationFailed","claim":"aud","reason":"check_failed"}}',
      ),
    ).toEqual(['logto:auth.unauthorized']);
    // https://github.com/logto-io/logto/issues/7412
    expect(
      confident(
        'When I go to dashboard inside the Admin Console or try to touch anything it gives 401 "Unauthorized. Please check credentials and its scope."',
      ),
    ).toEqual(['logto:auth.unauthorized']);
  });

  it('oidc.invalid_redirect_uri with the Logto 1.x message', () => {
    // https://github.com/logto-io/logto/issues/3747
    expect(
      logto(
        `{"message":"Invalid return link, the redirect_uri has not been registered by this application.","code":"oidc.invalid_redirect_uri","data":{"error_description":"redirect_uri did not match any of the client's registered redirect_uris"}}`,
      ),
    ).toEqual(['logto:oidc.invalid_redirect_uri']);
  });

  it('oidc.invalid_request, oidc.invalid_client and oidc.invalid_grant codes', () => {
    // https://github.com/logto-io/logto/issues/8034
    expect(confident('> "code": "oidc.invalid_request",')).toEqual(['logto:oidc.invalid_request']);
    // https://github.com/owncloud/ocis/issues/10843
    expect(confident('OIDC Auth with logto oidc.invalid_client')).toEqual(['logto:oidc.invalid_client']);
    // https://github.com/logto-io/logto/pull/4592
    expect(
      logto(
        [
          'In PR #4573 we aligned the error response format of all OIDC thrown errors. Including errors like `invalid_grant` and `invalid_target`. Aligned with our  LogtoRequestError data structure.',
          "- before response body: {error: 'invalid_grant', error_description: 'The resource indicator is missing or unknown'}.",
          "- after response body: {code: 'oidc.invalid_grant', message: 'Invalid resource indicator'， error: 'invalid_grant', error_description: 'The resource indicator is missing or unknown' }",
        ].join('\n'),
      ),
    ).toEqual(['logto:oidc.invalid_grant']);
  });

  it('the codes alone, as people search for them', () => {
    expect(best('auth.unauthorized')).toBe('logto:auth.unauthorized');
    expect(best('oidc.invalid_redirect_uri')).toBe('logto:oidc.invalid_redirect_uri');
    expect(best('oidc.invalid_client')).toBe('logto:oidc.invalid_client');
  });
});

describe('Patreon API', () => {
  it('the 401 error object', () => {
    // https://github.com/Patreon/patreon-python/issues/29
    expect(
      confident(
        `{'errors': [{'code': 1, 'code_name': 'Unauthorized', 'detail': "The server could not verify that you are authorized to access the URL requested.  You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.", 'id': 'ca7835a3-90f2-4d1e-aa99-188a9efc5285', 'status': '401', 'title': 'Unauthorized'}]}`,
      ),
    ).toEqual(['patreon:patreon-unauthorized']);
  });

  it('OAuthClientViewForbidden, pretty-printed and as a sentence', () => {
    // https://github.com/Patreon/patreon-js/issues/30
    expect(
      confident(
        [
          '{',
          '  "code":null,',
          '  "code_name":"OAuthClientViewForbidden",',
          '  "detail":"You do not have permission to view OAuth Client with id <my_id>",',
          '  "id":"<my_id>",',
          '  "status":"403",',
          '  "title":"You do not have permission to view this OAuth Client."',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['patreon:OAuthClientViewForbidden']);
    // https://github.com/Patreon/patreon-php/issues/48
    expect(
      patreon(
        "I've copied/paste your code in my script and it's working up until I try to get the current user, when I use the method fetch_user, I get the error : You do not have permission to view this OAuth.",
      ),
    ).toEqual(['patreon:OAuthClientViewForbidden']);
  });

  it('the token endpoint: invalid_grant and invalid_request', () => {
    // https://github.com/mxpv/patreon-go/issues/6
    expect(
      patreon(
        [
          'panic: Get "https://api.patreon.com/oauth2/api/current_user": oauth2: cannot fetch token: 401 Unauthorized',
          'Response: {"error": "invalid_grant"}',
        ].join('\n'),
      ),
    ).toEqual(['patreon:invalid_grant']);
    // https://github.com/SocialiteProviders/Providers/issues/890
    expect(
      patreon(
        ' Client error: `POST https://api.patreon.com/oauth2/token` resulted in a `400 Bad Request` response: {"error": "invalid_request", "error_description": "Missing code parameter."}',
      ),
    ).toEqual(['patreon:invalid_request']);
  });
});

describe('ordinary lines with the same words', () => {
  it('are not read as these Logto or Patreon errors', () => {
    for (const line of [
      'GET /api/users HTTP/1.1 401 Unauthorized',
      'Unauthorized: please check your credentials and scope settings',
      'session not found, please sign in again',
      'The redirect_uri has not been registered yet, see the setup guide.',
      '{"error": "invalid_grant"}',
      'Missing code parameter in the form, ignoring',
      'You do not have permission to view this page.',
      'The server could not verify that you are authorized to access the URL requested.',
      'patreon page updated: new post for patrons',
      '{"code_name": "focal", "version": "20.04"}',
    ]) {
      expect([...logto(line), ...patreon(line)], line).toEqual([]);
    }
  });
});
