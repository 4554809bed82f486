import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the catalogs of the JWT verifiers (java-jwt, Nimbus JOSE+JWT, jose4j, Okta's verifiers, passport-jwt,
// PyJWT, golang-jwt) and of Django OAuth Toolkit with drf-social-oauth2's convert-token grant: older major versions'
// class names and wordings, messages the catalogs lacked, and symptoms of the errors most hit. Every sample is written
// for this test (fake ids, hosts, paths and keys), in the shape the library's source prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe("java-jwt 2.x's exceptions and the symptoms of its most hit errors", () => {
  it("2.x's JWTExpiredException is the expired token, not jsonwebtoken's", () => {
    // written for this test
    const trace = [
      'com.auth0.jwt.JWTExpiredException: jwt expired',
      '\tat com.auth0.jwt.JWTVerifier.verifyExpiration(JWTVerifier.java:183)',
      '\tat com.auth0.jwt.JWTVerifier.verify(JWTVerifier.java:137)',
      '\tat com.example.api.TokenFilter.doFilter(TokenFilter.java:41)',
    ].join('\n');
    expect(sure(trace)).toEqual(['java-jwt:TokenExpiredException strong']);
    expect(firstLookup('JWTExpiredException')).toBe('java-jwt:TokenExpiredException strong');
  });

  it("2.x's audience check and segment count", () => {
    // written for this test
    const audience = [
      'com.auth0.jwt.JWTAudienceException: jwt audience invalid',
      '\tat com.auth0.jwt.JWTVerifier.verifyAudience(JWTVerifier.java:221)',
    ].join('\n');
    expect(sure(audience)).toEqual(['java-jwt:InvalidClaimException strong']);
    // written for this test
    const segments = [
      'java.lang.IllegalStateException: Wrong number of segments: 1',
      '\tat com.auth0.jwt.JWTVerifier.verify(JWTVerifier.java:105)',
    ].join('\n');
    expect(sure(segments)).toEqual(['java-jwt:JWTDecodeException strong']);
  });

  it('described without the message', () => {
    expect(firstLookup('java-jwt verify fails for tokens signed by another service, the HMAC secret differs')).toBe(
      'java-jwt:SignatureVerificationException weak',
    );
    expect(
      firstLookup('auth0 java-jwt verifier built with HMAC256 rejects the RS256 tokens of our identity provider'),
    ).toBe('java-jwt:AlgorithmMismatchException weak');
  });
});

describe("Nimbus JOSE+JWT's DefaultJOSEProcessor wording and unsigned tokens", () => {
  it('"JWS object rejected: Invalid signature" near the library\'s name', () => {
    // written for this test
    const log =
      '2026-11-03 09:12:44.120 WARN 1 --- [nio-8080-exec-3] c.e.api.JwsCheck : nimbus-jose-jwt rejected the request signature: JWS object rejected: Invalid signature';
    expect(sure(log)).toEqual(['nimbus-jose-jwt:BadJWSException strong']);
  });

  it('an alg none token is its own reading of BadJOSEException', () => {
    // written for this test
    const trace = [
      'com.nimbusds.jose.proc.BadJOSEException: Unsecured (plain) JWTs are rejected, extend class to handle',
      '\tat com.nimbusds.jwt.proc.DefaultJWTProcessor.process(DefaultJWTProcessor.java:329)',
    ].join('\n');
    expect(sure(trace)).toEqual(['nimbus-jose-jwt:BadJOSEException/unsecured strong']);
  });

  it('the expired token described by its clocks', () => {
    expect(firstLookup('nimbus tokens rejected as expired right after they were issued, clocks differ')).toBe(
      'nimbus-jose-jwt:BadJWTException/expired weak',
    );
  });
});

describe("jose4j's [n] details of the wiki's example consumer", () => {
  it('[14] no sub claim', () => {
    // written for this test
    const trace =
      'org.jose4j.jwt.consumer.InvalidJwtException: JWT (claims->{"iss":"https://idp.example.test","aud":"orders-api","exp":1798761600}) rejected due to invalid claims or other invalid content. Additional details: [[14] No Subject (sub) claim is present.]';
    expect(sure(trace)).toEqual(['jose4j:ErrorCodes.SUBJECT_MISSING strong']);
  });

  it('[5] exp beyond setMaxFutureValidityInMinutes', () => {
    // written for this test
    const trace =
      'org.jose4j.jwt.consumer.InvalidJwtException: JWT (claims->{"iss":"https://idp.example.test","sub":"u-1","exp":1830297600}) rejected due to invalid claims or other invalid content. Additional details: [[5] The Expiration Time (exp=NumericDate{1830297600 -> Jan 1, 2028, 12:00:00 AM UTC}) claim value cannot be more than 300 minutes in the future relative to the evaluation time NumericDate{1798761600 -> Jan 1, 2027, 12:00:00 AM UTC} (even when providing 30 seconds of leeway to account for clock skew).]';
    expect(sure(trace)).toEqual(['jose4j:ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE strong']);
  });

  it('[3] no iat claim', () => {
    // written for this test
    const trace =
      'org.jose4j.jwt.consumer.InvalidJwtException: JWT (claims->{"sub":"u-1"}) rejected due to invalid claims or other invalid content. Additional details: [[3] No Issued At (iat) claim present.]';
    expect(sure(trace)).toEqual(['jose4j:ErrorCodes.ISSUED_AT_MISSING strong']);
  });

  it('described without the message', () => {
    expect(
      firstLookup('jose4j tokens signed by the other environment fail the signature check after keys were rotated'),
    ).toBe('jose4j:ErrorCodes.SIGNATURE_INVALID weak');
    expect(firstLookup('jose4j quarkus rejects freshly issued tokens because the clocks differ')).toBe(
      'jose4j:ErrorCodes.EXPIRED weak',
    );
  });
});

describe("Okta's Java verifier: its own messages inside JJWT's and Nimbus's classes", () => {
  it("the audience check's IncorrectClaimException is Okta's reading, not JJWT's", () => {
    // written for this test
    const trace = [
      'com.okta.jwt.JwtVerificationException: Failed to parse token',
      '\tat com.okta.jwt.impl.jjwt.TokenVerifierSupport.decode(TokenVerifierSupport.java:87)',
      '\tat com.okta.jwt.impl.jjwt.JjwtAccessTokenVerifier.decode(JjwtAccessTokenVerifier.java:51)',
      'Caused by: io.jsonwebtoken.IncorrectClaimException: Claim `aud` was invalid, it did not contain the expected value of: api://default',
    ].join('\n');
    expect(sure(trace)).toEqual([
      'okta-jwt-verifier:JwtVerificationException strong',
      'okta-jwt-verifier:IncorrectClaimException/okta-audience strong',
    ]);
  });

  it('the RS256 check and the key download', () => {
    // written for this test
    const alg = [
      'com.okta.jwt.JwtVerificationException: Failed to parse token',
      '\tat com.okta.jwt.impl.jjwt.TokenVerifierSupport.decode(TokenVerifierSupport.java:87)',
      "Caused by: io.jsonwebtoken.UnsupportedJwtException: JWT Header 'alg' of [HS256] is not supported, only RSA256 signatures are supported",
    ].join('\n');
    expect(sure(alg)).toEqual([
      'okta-jwt-verifier:JwtVerificationException strong',
      'okta-jwt-verifier:UnsupportedJwtException/okta-rs256-only strong',
    ]);
    // written for this test
    const keys = [
      'com.okta.jwt.JwtVerificationException: Failed to parse token',
      '\tat com.okta.jwt.impl.jjwt.TokenVerifierSupport.decode(TokenVerifierSupport.java:87)',
      'Caused by: io.jsonwebtoken.JwtException: Failed to fetch keys from URL: https://login.example.test/oauth2/default/v1/keys',
      'Caused by: java.net.UnknownHostException: login.example.test',
    ].join('\n');
    expect(sure(keys)).toEqual([
      'okta-jwt-verifier:JwtVerificationException strong',
      'okta-jwt-verifier:jwks-fetch-failed strong',
    ]);
  });

  it("0.1 to 0.3's claim check on Nimbus is not Nimbus's expired token", () => {
    // written for this test
    const trace = [
      'com.okta.jwt.JoseException: Failed to validate JWT string',
      '\tat com.okta.jwt.impl.NimbusJwtVerifier.decode(NimbusJwtVerifier.java:82)',
      "Caused by: com.nimbusds.jwt.proc.BadJWTException: Failed to validate jwt string, invalid audience claim 'aud', expected 'api://default', but found '[api://orders]'",
    ].join('\n');
    // 0.1 to 0.3 threw com.okta.jwt.JoseException (its entry), with Nimbus's class carrying Okta's claim check.
    expect(sure(trace)).toEqual([
      'okta-jwt-verifier:JoseException strong',
      'okta-jwt-verifier:BadJWTException/okta-claims strong',
    ]);
  });

  it("@okta/jwt-verifier's errors described without the message", () => {
    expect(firstLookup('@okta/jwt-verifier access tokens from the org authorization server cannot be verified')).toBe(
      'okta-jwt-verifier:JwtParseError/key-resolver weak',
    );
    expect(firstLookup('@okta/jwt-verifier verifyAccessToken rejects the access token an hour after sign in')).toBe(
      'okta-jwt-verifier:JwtParseError/expired weak',
    );
  });
});

describe("passport-jwt's bare 401 Unauthorized", () => {
  it('described without a message', () => {
    expect(
      firstLookup(
        'passport-jwt protected route always returns 401 Unauthorized with no message even with a valid token',
      ),
    ).toBe('passport-jwt:passport-jwt-unauthorized weak');
    expect(firstLookup('passport-jwt verify callback is never called and the response is just Unauthorized')).toBe(
      'passport-jwt:passport-jwt-unauthorized weak',
    );
  });
});

describe("PyJWT's claim type checks and older wordings", () => {
  it("a non-numeric exp is DecodeError's claim-type reading, not a malformed token", () => {
    // written for this test
    const trace = [
      'Traceback (most recent call last):',
      '  File "/srv/app/auth.py", line 22, in current_user',
      '    claims = jwt.decode(token, key, algorithms=["RS256"], audience="orders-api")',
      '  File "/srv/venv/lib/python3.11/site-packages/jwt/api_jwt.py", line 316, in decode',
      'jwt.exceptions.DecodeError: Expiration Time claim (exp) must be an integer.',
    ].join('\n');
    expect(sure(trace)).toEqual(['pyjwt:DecodeError/claim-type strong']);
  });

  it("0.4 to 1.0's missing audience, typed", () => {
    expect(firstLookup('No audience claim in token')).toBe('pyjwt:InvalidAudienceError strong');
  });

  it('described without the message', () => {
    expect(firstLookup('pyjwt decode fails for tokens issued by the other service, the shared secret differs')).toBe(
      'pyjwt:InvalidSignatureError weak',
    );
  });
});

describe("golang-jwt v3 / v4's signature errors and v5's newer claims", () => {
  it("v4's bad RSA signature is the standard library's sentence", () => {
    // written for this test
    const log = '2026/11/03 09:12:44 auth middleware (github.com/golang-jwt/jwt/v4): crypto/rsa: verification error';
    expect(sure(log)).toEqual(['golang-jwt:ErrTokenSignatureInvalid strong']);
  });

  it("v5's subject check and empty key set", () => {
    // written for this test
    expect(sure('auth: github.com/golang-jwt/jwt/v5: token has invalid claims: token has invalid subject')).toEqual([
      'golang-jwt:ErrTokenInvalidSubject strong',
    ]);
    // written for this test
    expect(
      sure('auth: jwt.ParseWithClaims failed: token is unverifiable: keyfunc returned empty verification key set'),
    ).toEqual(['golang-jwt:ErrTokenUnverifiable strong']);
  });
});

describe("Django OAuth Toolkit's password grant and drf-social-oauth2's convert-token", () => {
  it("oauthlib's password grant sentence at /o/token/", () => {
    // written for this test
    const curl = [
      'curl -X POST -d "grant_type=password&username=alice&password=wrong" -u "cid123:secret" https://auth.example.test/o/token/',
      '{"error": "invalid_grant", "error_description": "Invalid credentials given."}',
    ].join('\n');
    expect(sure(curl)).toEqual(['django-oauth-toolkit:invalid_grant/credentials strong']);
  });

  it("convert-token's backend errors", () => {
    // written for this test
    const backend = [
      'curl -X POST -d "grant_type=convert_token&client_id=cid123&backend=google&token=ya29.fake" https://api.example.test/auth/convert-token',
      '{"error": "invalid_request", "error_description": "Invalid backend parameter."}',
    ].join('\n');
    expect(sure(backend)).toEqual(['django-oauth-toolkit:invalid_request/convert-token strong']);
    // written for this test
    const provider = [
      'POST https://api.example.test/auth/convert-token 400',
      '{"error": "invalid_request", "error_description": "Backend responded with HTTP401: {\\"error\\": {\\"code\\": 401, \\"message\\": \\"Request had invalid authentication credentials.\\"}}."}',
    ].join('\n');
    expect(sure(provider)).toEqual(['django-oauth-toolkit:invalid_request/convert-token strong']);
  });

  it("convert-token's inactive user and python-social-auth's refusal", () => {
    // written for this test
    const inactive = [
      'POST https://api.example.test/auth/convert-token 400',
      '{"error": "invalid_grant", "error_description": "User inactive or deleted."}',
    ].join('\n');
    expect(sure(inactive)).toEqual(['django-oauth-toolkit:invalid_grant/credentials strong']);
    // written for this test
    const denied = [
      'POST https://api.example.test/auth/convert-token 400',
      '{"error": "access_denied", "error_description": "Your credentials aren\'t allowed"}',
    ].join('\n');
    expect(sure(denied)).toEqual(['django-oauth-toolkit:access_denied/convert-token strong']);
  });

  it('described without a code', () => {
    expect(
      firstLookup('django-oauth-toolkit password grant at /o/token/ fails for a user who can log in to the admin'),
    ).toBe('django-oauth-toolkit:invalid_grant/credentials weak');
    expect(firstLookup('django-oauth-toolkit code exchange at /o/token/ fails when it takes more than a minute')).toBe(
      'django-oauth-toolkit:invalid_grant/code-or-refresh-token weak',
    );
  });
});
