import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the Twitch, Zoom, LinkedIn and jwks-rsa catalogs (Twitch's Kraken 401 and token endpoint bodies,
// Zoom's authorize page, LinkedIn's expired-token, access-denied and older scope wordings, jwks-rsa-java's
// com.auth0.jwk exceptions): each sample is text people pasted in a public thread (the thread beside it; tokens
// redacted as posted), then ordinary lines with the same words that must not be read as these errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['twitch', 'zoom', 'linkedin', 'jwks-rsa']);

describe('Twitch', () => {
  it("the Kraken API's 401 for a token without the scope, as an old PHP client printed it", () => {
    // https://github.com/justintv/Twitch-API/issues/322
    expect(
      confident(
        '{"0":"{\\"error\\":\\"Unauthorized\\",\\"status\\":401,\\"message\\":\\"Token invalid or missing required scope\\"}"}',
      ),
    ).toEqual(['twitch:token-invalid-or-missing-scope']);
    // https://github.com/justintv/Twitch-API/issues/224
    expect(best('the message "Token invalid or missing required scope" seems to be a red herring')).toBe(
      'twitch:token-invalid-or-missing-scope',
    );
  });

  it("the token endpoint's Invalid authorization code, in a Feign exception", () => {
    // https://github.com/oengusio/oengusio/issues/125
    const feign =
      'org.springframework.web.util.NestedServletException: Request processing failed; nested exception is feign.FeignException$BadRequest: [400 Bad Request] during [POST] to [https://id.twitch.tv/oauth2/token] [TwitchOauthApi#getAccessToken(Map)]: [{"status":400,"message":"Invalid authorization code"}';
    expect(ours(feign)).toEqual(['twitch:invalid-authorization-code']);
  });

  it('missing client secret on a refresh is the credentials entry', () => {
    expect(ours('RefreshAccessToken: status=400 body={"status":400,"message":"missing client secret"}')).toEqual([
      'twitch:missing-client-credentials',
    ]);
  });

  it('lines with the same words are not Twitch errors', () => {
    // A GitHub token check's own sentence, plural
    expect(ours('FAIL: token invalid or missing required scopes (need: repo, workflow)')).toEqual([]);
    expect(ours('Zoom token endpoint: {"reason":"Invalid authorization code","error":"invalid_grant"}')).not.toContain(
      'twitch:invalid-authorization-code',
    );
    expect(ours('warning: missing client secret in config, using defaults')).toEqual([]);
  });
});

describe('Zoom', () => {
  it("the authorize page's Invalid redirect url with its 4,700 is the authorize reading of 4700", () => {
    // As Zoom's authorize page shows it (the web JSON and the line below it); constructed after its format.
    const page = [
      'GET https://zoom.us/oauth/authorize?response_type=code&client_id=<client_id>&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback',
      '{"status":false,"errorCode":4700,"errorMessage":"Invalid redirect url","result":null}',
    ].join('\n');
    expect(ours(page)).toEqual(['zoom:4700']);
    expect(readingsOf(resolver, page)).toEqual(['authorize-redirect']);
    expect(resolver.lookup('zoom invalid redirect url')[0]?.entry?.key).toBe('zoom:4700@authorize-redirect');
  });

  it('the words alone, far from Zoom, are nobody sure', () => {
    expect(ours('Invalid redirect url: the callback must be https')).toEqual([]);
    expect(ours('Imported 4,700 rows from the meetings export')).toEqual([]);
  });
});

describe('LinkedIn', () => {
  it('the expired token of the current API and of v1', () => {
    expect(
      ours(
        '{"status":401,"serviceErrorCode":65602,"code":"EXPIRED_ACCESS_TOKEN","message":"The token used in the request has expired"}',
      ),
    ).toEqual(['linkedin:EXPIRED_ACCESS_TOKEN']);
    // https://github.com/decioferreira/omniauth-linkedin-oauth2/issues/17
    expect(
      ours(
        'OAuth2::Error at /auth/linkedin/callback\n: { "errorCode": 0, "message": "The token used in the request is expired.", "requestId": "5LVAAP7YZ2", "status": 401, "timestamp": 1392084765723 }',
      ),
    ).toEqual(['linkedin:EXPIRED_ACCESS_TOKEN']);
  });

  it('Invalid access token with its serviceErrorCode', () => {
    // https://github.com/xcarpentier/react-native-linkedin/issues/80
    expect(ours('{"serviceErrorCode":65600,"message":"Invalid access token","status":401}')).toEqual([
      'linkedin:65600',
    ]);
  });

  it('the older scope wording, on the redirect and as a title', () => {
    // https://github.com/ozgur/python-linkedin/issues/107
    expect(
      ours(
        'http://localhost:8080/code?error=invalid_scope&error_description=Your+application+has+not+been+authorized+for+the+scope+%22rw_nus%22#!',
      ),
    ).toEqual(['linkedin:invalid_scope']);
    // https://github.com/tonyli508/LinkedinSwift/issues/14
    expect(best('Encounter error: Your application has not been authorized for the scope "r_basicprofile"')).toBe(
      'linkedin:invalid_scope',
    );
  });

  it('ACCESS_DENIED of the versioned API', () => {
    expect(
      ours(
        '{"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"Not enough permissions to access: partnerApiMe.GET.20230601"}',
      ),
    ).toEqual(['linkedin:ACCESS_DENIED']);
  });

  it('other APIs with the same words are not LinkedIn', () => {
    expect(ours('{"error":"ACCESS_DENIED","message":"User is not allowed"}')).toEqual([]);
    expect(ours('Invalid access token')).toEqual([]);
  });
});

describe('jwks-rsa-java', () => {
  it('No key found with the kid, in a server log', () => {
    // https://github.com/open-metadata/OpenMetadata/issues/9525
    const log = [
      'openmetadata_server         | com.auth0.jwk.SigningKeyNotFoundException: No key found in with kid Gb389a-9f76-gdjs-a92j-0242bk94356',
      'openmetadata_server         | \tat org.openmetadata.service.security.MultiUrlJwkProvider.get(MultiUrlJwkProvider.java:34)',
    ].join('\n');
    expect(ours(log)).toEqual(['jwks-rsa:SigningKeyNotFoundException']);
    expect(readingsOf(resolver, log)).toEqual(['no-match']);
  });

  it("the cached provider's wrapper, the network failure, the rate limit and a bad key", () => {
    expect(
      readingsOf(resolver, 'com.auth0.jwk.SigningKeyNotFoundException: Failed to get key with kid 1a2b3c'),
    ).toEqual(['cached']);
    expect(
      ours('com.auth0.jwk.NetworkException: Cannot obtain jwks from url https://tenant.example/.well-known/jwks.json'),
    ).toEqual(['jwks-rsa:NetworkException']);
    expect(
      ours('com.auth0.jwk.RateLimitReachedException: The Rate Limit has been reached! Please wait 4213 milliseconds.'),
    ).toEqual(['jwks-rsa:RateLimitReachedException']);
    expect(ours('Caused by: com.auth0.jwk.InvalidPublicKeyException: Invalid public key')).toEqual([
      'jwks-rsa:InvalidPublicKeyException',
    ]);
  });

  it('the same words elsewhere are not jwks-rsa-java', () => {
    expect(ours('ssh: Invalid public key in authorized_keys line 3')).toEqual([]);
    expect(ours('The Rate Limit has been reached on our gateway')).toEqual([]);
  });
});
