import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// error_description texts and log lines of hosted identity providers (Okta, Auth0, Duende IdentityServer),
// quoted from their official error lists and sources, found by the message alone. Every line below is
// made up in the shape real logs and responses take.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe("Okta's OAuth 2.0 error descriptions", () => {
  it('a response type the app is not configured for, on the callback URL', () => {
    expect(
      confident(
        'GET https://dev-4417.okta.com/oauth2/default/v1/authorize -> 302 https://shop.example.com/login/callback#error_description=The+response+type+is+not+supported+by+the+authorization+server.+Configured+response+types%3A+%5Bcode%5D&state=9f1c',
      ),
    ).toEqual(['okta:unsupported_response_type']);
  });

  it('no access policy rule matches the request', () => {
    // The SDK's wrapper is listed beside the error it carries (okta-auth-js.test.ts); a lookup answers Okta's first.
    const line =
      'okta-auth-js: AuthApiError from https://acme.okta.com/oauth2/aus1x2y3/v1/token: Policy evaluation failed for this request, please check the policy configurations.';
    expect(confident(line)).toEqual(['okta-auth-js:AuthApiError', 'okta:access_denied']);
    expect(resolver.lookup(line)[0]).toMatchObject({ provider: 'okta', code: 'access_denied' });
  });

  it('client authentication failures at /token: a browser request without PKCE, a client_assertion audience', () => {
    expect(
      confident(
        'POST https://acme.oktapreview.com/oauth2/v1/token 401 {"error_description":"Browser requests to the token endpoint must use Proof Key for Code Exchange."}',
      ),
    ).toEqual(['okta:invalid_client']);
    expect(
      confident(
        '2026-12-06T10:02:11Z ERROR token-client: okta token request failed: The audience claim for client_assertion must be the endpoint invoked for the request.',
      ),
    ).toEqual(['okta:invalid_client']);
  });

  it('PKCE and scope descriptions', () => {
    expect(confident('Okta sign-in failed: PKCE code challenge method is not supported. Valid values: [S256]')).toEqual(
      ['okta:invalid_request'],
    );
    expect(
      confident('[okta] /v1/token 400: The following scopes are not allowed for this request: [okta.users.manage].'),
    ).toEqual(['okta:invalid_scope']);
  });
});

describe('Duende IdentityServer log texts', () => {
  it("IdentityServer4's scope validator, whose short line counts only under its logger's name", () => {
    // https://github.com/DuendeArchive/IdentityServer4/issues/1551
    const log = [
      'IdentityServer4.Validation.ScopeValidator:Error: Invalid scope: core_logic_facade',
      'IdentityServer4.Endpoints.AuthorizeEndpoint:Error: Request validation failed',
    ].join('\n');
    expect(confident(log)).toEqual(['duende:invalid_scope']);
    expect(confident('ValueError: Invalid scope: reports:write')).toEqual([]);
  });

  it('a code_verifier that does not match the challenge', () => {
    const log = [
      'fail: Duende.IdentityServer.Validation.TokenRequestValidator[0]',
      '      Transformed code verifier does not match code challenge',
      '      {"ClientId": "web", "GrantType": "authorization_code"}',
    ].join('\n');
    expect(confident(log)).toEqual(['duende:invalid_grant']);
  });

  it('an access token asked of the authorize endpoint by a client without AllowAccessTokensViaBrowser', () => {
    expect(
      confident(
        '[10:14:02 ERR] Duende.IdentityServer.Validation.AuthorizeRequestValidator: Client requested access token - but client is not configured to receive access tokens via browser',
      ),
    ).toEqual(['duende:invalid_request']);
  });

  it('a DPoP proof missing for a client that requires it', () => {
    expect(
      confident(
        'token request rejected by IdentityServer (https://id.example.com/connect/token): Client requires DPoP and a DPoP header value was not provided.',
      ),
    ).toEqual(['duende:invalid_dpop_proof']);
  });
});

describe("Auth0's responses and auth0-spa-js checks", () => {
  it('suspicious IP throttling', () => {
    expect(
      confident(
        'POST https://acme.eu.auth0.com/oauth/token 429 {"error_description":"We have detected suspicious login behavior and further attempts will be blocked. Please contact the administrator."}',
      ),
    ).toEqual(['auth0:too_many_attempts']);
  });

  it('an issuer mismatch when the SDK uses the custom domain and the token the tenant domain', () => {
    expect(
      confident(
        'Uncaught (in promise) Error: Issuer (iss) claim mismatch in the ID token; expected "https://login.example.com/", found "https://acme.us.auth0.com/"',
      ),
    ).toEqual(['auth0:id-token-claim-invalid']);
  });

  it('a page served over plain http', () => {
    expect(
      confident(
        'Error: auth0-spa-js must run on a secure origin. See https://github.com/auth0/auth0-spa-js/blob/main/FAQ.md#why-do-i-get-auth0-spa-js-must-run-on-a-secure-origin for more information.',
      ),
    ).toEqual(['auth0:insecure-origin']);
  });
});

describe('what stays unclaimed', () => {
  it("Okta's texts that other servers print, and IdentityServer's short descriptions, name no provider alone", () => {
    expect(
      confident('{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}'),
    ).not.toContain('okta:invalid_grant');
    expect(confident('{"error":"invalid_request","error_description":"Invalid nonce"}')).not.toContain(
      'duende:invalid_request',
    );
  });
});

describe('a long sentence only one provider documents', () => {
  it("an Okta policy text of 80 characters or more, which no other server documents, is Okta's with no Okta in the log", () => {
    // A sentence that long and only Okta's (message-readings.ts): the gateway relays Okta's answer.
    expect(
      confident(
        'gateway: upstream said: Policy evaluation failed for this request, please check the policy configurations.',
      ),
    ).toContain('okta:access_denied');
  });
});
