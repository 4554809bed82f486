import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled for JWT and OIDC client libraries: angular-auth-oidc-client (a catalog of its own), oidc-client-ts /
// oidc-client-js and the MITREid Connect client (oauth-clients), thephpleague/oauth2-server's invalid_credentials of
// 5.0 to 8.3.1, and php-jwt's JWK set parsing. Every sample is written for this test (fake ids, hosts and values),
// in the shape the library prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe("angular-auth-oidc-client's token validation warnings", () => {
  it('the nonce warning, as the logger prints it, and a question about it', () => {
    // written for this test
    const line =
      '[WARN] 0-orders-spa - authCallback incorrect nonce, did you call the checkAuth() method multiple times?';
    expect(sure(line)).toEqual(['angular-auth-oidc-client:IncorrectNonce strong']);
    expect(firstLookup('angular-auth-oidc-client incorrect nonce')).toBe(
      'angular-auth-oidc-client:IncorrectNonce exact',
    );
  });

  it('the state, issuer, audience, azp, iat and expiry warnings', () => {
    expect(sure('[WARN] 0-orders-spa - authCallback incorrect state')).toEqual([
      'angular-auth-oidc-client:StatesDoNotMatch strong',
    ]);
    expect(
      sure('[WARN] 0-orders-spa - authCallback incorrect iss does not match authWellKnownEndpoints issuer'),
    ).toEqual(['angular-auth-oidc-client:IssDoesNotMatchIssuer strong']);
    expect(sure('[WARN] 0-orders-spa - authCallback incorrect aud')).toEqual([
      'angular-auth-oidc-client:IncorrectAud strong',
    ]);
    expect(sure('[WARN] 0-orders-spa - authCallback missing azp')).toEqual([
      'angular-auth-oidc-client:IncorrectAzp strong',
    ]);
    expect(
      sure(
        '[WARN] 0-orders-spa - authCallback Validation, iat rejected id_token was issued too far away from the current time',
      ),
    ).toEqual(['angular-auth-oidc-client:MaxOffsetExpired strong']);
    expect(sure('[WARN] 0-orders-spa - authCallback id token expired')).toEqual([
      'angular-auth-oidc-client:TokenExpired strong',
    ]);
    expect(firstLookup('angular-auth-oidc-client iat rejected id_token issued too far away')).toBe(
      'angular-auth-oidc-client:MaxOffsetExpired weak',
    );
  });

  it('the signature, required-claims and refresh warnings', () => {
    expect(sure('[WARN] 0-orders-spa - authCallback Signature validation failed id_token')).toEqual([
      'angular-auth-oidc-client:SignatureFailed strong',
    ]);
    expect(
      sure('[WARN] 0-orders-spa - authCallback Validation, one of the REQUIRED properties missing from id_token'),
    ).toEqual(['angular-auth-oidc-client:RequiredPropertyMissing strong']);
    expect(sure('[WARN] 0-orders-spa - authCallback pre, post id_token claims do not match in refresh')).toEqual([
      'angular-auth-oidc-client:IncorrectIdTokenClaimsAfterRefresh strong',
    ]);
  });

  it("v11's older wording and the discovery document's issuer check", () => {
    expect(sure('[WARN] 0-orders-spa - authorizedCallback incorrect nonce')).toEqual([
      'angular-auth-oidc-client:IncorrectNonce strong',
    ]);
    // written for this test
    const wellKnown =
      'ERROR Error: Issuer mismatch. Well known issuer https://login.example.test/realms/shop does not match configured well known url https://idp.example.test/realms/shop/.well-known/openid-configuration';
    expect(sure(wellKnown)).toEqual(['angular-auth-oidc-client:well-known-issuer-mismatch strong']);
  });
});

describe('oidc-client-ts and oidc-client-js errors', () => {
  it('the silent renew timeout, alone and in oidc-client-js words near the library', () => {
    expect(sure('Uncaught (in promise) Error: IFrame timed out without a response')).toEqual([
      'oauth-clients:oidc-client-silent-timeout strong',
    ]);
    // written for this test
    const js = ['UserManager.signinSilent: error from oidc-client.min.js', 'Error: Frame window timed out'].join('\n');
    expect(sure(js)).toEqual(['oauth-clients:oidc-client-silent-timeout strong']);
    expect(firstLookup('oidc-client-ts iframe timed out without a response')).toBe(
      'oauth-clients:oidc-client-silent-timeout strong',
    );
  });

  it('the popup closed or blocked, near the library', () => {
    // written for this test
    const log = ['signinPopup failed (oidc-client-ts 3.1.0)', 'Error: Popup closed by user'].join('\n');
    expect(sure(log)).toEqual(['oauth-clients:oidc-client-popup-closed strong']);
    expect(firstLookup('oidc-client-ts popup blocked by user')).toBe('oauth-clients:oidc-client-popup-closed strong');
  });

  it('crypto.subtle outside a secure context and a non-JSON metadata answer', () => {
    expect(sure('Error: Crypto.subtle is available only in secure contexts (HTTPS).')).toEqual([
      'oauth-clients:oidc-client-insecure-context strong',
    ]);
    // written for this test
    const html =
      'Error: Invalid response Content-Type: text/html; charset=utf-8, from URL: https://shop.example.test/auth/.well-known/openid-configuration';
    expect(sure(html)).toEqual(['oauth-clients:oidc-client-invalid-content-type strong']);
    expect(firstLookup('oidc-client-ts crypto.subtle available only in secure contexts')).toBe(
      'oauth-clients:oidc-client-insecure-context weak',
    );
  });

  it('the missing end_session_endpoint, near the library', () => {
    // written for this test
    const log = [
      '[UserManager] signoutRedirect: oidc-client-ts',
      'Error: Metadata does not contain property end_session_endpoint',
    ].join('\n');
    expect(sure(log)).toEqual(['oauth-clients:oidc-client-metadata-property strong']);
    expect(firstLookup('oidc-client-ts no end session endpoint')).toBe(
      'oauth-clients:oidc-client-metadata-property strong',
    );
  });

  it('the id token nonce check and the settings of the stored state', () => {
    expect(sure('Error: nonce in id_token does not match nonce in client storage')).toEqual([
      'oauth-clients:oidc-client-id-token-invalid strong',
    ]);
    expect(sure('Error: authority mismatch on settings vs. signin state')).toEqual([
      'oauth-clients:oidc-client-state-mismatch strong',
    ]);
    // written for this test
    const js = [
      'oidc-client-js: JoseUtil._validateJwt failed',
      'Error: Invalid issuer in token: https://sts.example.test/',
    ].join('\n');
    expect(sure(js)).toEqual(['oauth-clients:oidc-client-id-token-invalid strong']);
  });
});

describe("MITREid Connect client's id token checks", () => {
  it('the missing nonce, the replayed nonce and the state', () => {
    expect(
      sure(
        'org.springframework.security.authentication.AuthenticationServiceException: ID token did not contain a nonce claim.',
      ),
    ).toEqual(['oauth-clients:mitreid-nonce strong']);
    // written for this test
    const replay =
      'ERROR o.m.o.c.client.OIDCAuthenticationFilter - Possible replay attack detected! The comparison of the nonce in the returned ID Token to the session NONCE failed. Expected 5f2a9c got 77b0e1.';
    expect(sure(replay)).toEqual(['oauth-clients:mitreid-nonce strong']);
    expect(
      sure(
        'org.springframework.security.authentication.AuthenticationServiceException: State parameter mismatch on return. Expected 1a2b3c got 9z8y7x',
      ),
    ).toEqual(['oauth-clients:mitreid-state-mismatch strong']);
    expect(firstLookup('mitreid id token did not contain a nonce claim')).toBe('oauth-clients:mitreid-nonce strong');
  });

  it('the issuer of the id token', () => {
    expect(
      sure(
        'AuthenticationServiceException: Issuers do not match, expected https://idp.example.test/ got https://idp.example.test',
      ),
    ).toEqual(['oauth-clients:mitreid-id-token-claims strong']);
  });
});

describe("thephpleague/oauth2-server's invalid_credentials (5.0 to 8.3.1)", () => {
  it('the JSON of 5.x to 7.x and of 8.x, and the code asked about', () => {
    expect(sure('{"error":"invalid_credentials","message":"The user credentials were incorrect."}')).toEqual([
      'league-oauth2-server:invalid_credentials strong',
    ]);
    expect(
      sure(
        '{"error":"invalid_credentials","error_description":"The user credentials were incorrect.","message":"The user credentials were incorrect."}',
      ),
    ).toEqual(['league-oauth2-server:invalid_credentials strong']);
    expect(firstLookup('league oauth2-server invalid_credentials')).toBe(
      'league-oauth2-server:invalid_credentials exact',
    );
  });
});

describe("php-jwt's JWK set parsing", () => {
  it('a key set without alg and one that is not a key set', () => {
    // written for this test
    const noAlg =
      'PHP Fatal error:  Uncaught UnexpectedValueException: JWK must contain an "alg" parameter in /var/www/api/vendor/firebase/php-jwt/src/JWK.php:112';
    expect(sure(noAlg)).toEqual(['php-jwt:UnexpectedValueException/jwks strong']);
    // written for this test
    const noKeys =
      'PHP Fatal error:  Uncaught UnexpectedValueException: "keys" member must exist in the JWK Set in /var/www/api/vendor/firebase/php-jwt/src/JWK.php:60';
    expect(sure(noKeys)).toEqual(['php-jwt:UnexpectedValueException/jwks strong']);
    expect(firstLookup('php-jwt no supported algorithms found in JWK Set')).toBe(
      'php-jwt:UnexpectedValueException/jwks strong',
    );
  });

  it("v7's payload claim types", () => {
    // written for this test
    const exp =
      'PHP Fatal error:  Uncaught UnexpectedValueException: Payload exp must be a number in /var/www/api/vendor/firebase/php-jwt/src/JWT.php:139';
    expect(sure(exp)).toEqual(['php-jwt:UnexpectedValueException/malformed strong']);
    expect(sure('UnexpectedValueException: Payload iat must be a number')).toEqual([
      'php-jwt:UnexpectedValueException/malformed strong',
    ]);
    expect(firstLookup('php-jwt payload exp must be a number')).toBe(
      'php-jwt:UnexpectedValueException/malformed strong',
    );
  });
});
