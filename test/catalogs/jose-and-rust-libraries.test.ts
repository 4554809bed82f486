import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// The PHP JWT Framework (web-token/jwt-framework, spomky-labs/jose), the Rust crates jsonwebtoken and
// openidconnect / oauth2, and jose4j (Java), read from what people pasted in public issue threads (the thread above
// each sample; tokens and keys left out). Their names and short sentences are other libraries' words too
// (InvalidSignature, "Signature verification failed", "The token expired."), so the paths, types and message shapes
// beside them say whose they are.
const resolver = useShippedResolver();

const OURS = /^(spomky-jose|jsonwebtoken-rs|openidconnect-rs|jose4j):/;
const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const sure = (text: string) => confidentOf(resolver, text);
const ours = (text: string) => sure(text).filter((key) => OURS.test(key));
const best = (query: string) => bestOf(resolver, query);

describe('jose4j', () => {
  it("InvalidJwtException's [1] detail is the expired token, as Quarkus logs it", () => {
    // https://github.com/quarkusio/quarkus/issues/31140
    const trace = [
      'Caused by: org.jose4j.jwt.consumer.InvalidJwtException: JWT (claims->{"exp":1676357992,"iat":1676357932,"iss":"http://localhost:18080/realms/master","typ":"Bearer","azp":"admin-cli","scope":"email profile"}) rejected due to invalid claims or other invalid content. Additional details: [[1] The JWT is no longer valid - the evaluation time NumericDate{1676359301 -> Feb 14, 2023, 3:21:41 PM CST} is on or after the Expiration Time (exp=NumericDate{1676357992 -> Feb 14, 2023, 2:59:52 PM CST}) claim value.]',
      '        at org.jose4j.jwt.consumer.JwtConsumer.validate(JwtConsumer.java:459)',
      '        at org.jose4j.jwt.consumer.JwtConsumer.processContext(JwtConsumer.java:304)',
    ].join('\n');
    expect(ours(trace)).toEqual(['jose4j:ErrorCodes.EXPIRED']);
  });

  it('the same message wrapped by a log viewer, with its leeway', () => {
    // https://github.com/apache/texera/issues/5026
    const wrapped = [
      'ERROR [2026-05-11 19:33:08,224] org.apache.texera.auth.JwtParser$: Failed',
      'to parse JWT: JWT',
      '(claims->{"sub":"texera","userId":1,"googleId":null,"email":"texera","role":"ADMIN","googleAvatar":null,"exp":1777324924})',
      'rejected due to invalid claims or other invalid content. Additional',
      'details: [[1] The JWT is no longer valid - the evaluation time',
      'NumericDate{1778527988 -> May 11, 2026, 12:33:08 PM PDT} is on or after the',
      'Expiration Time (exp=NumericDate{1777324924 -> Apr 27, 2026, 2:22:04 PM',
      'PDT}) claim value (even when providing 30 seconds of leeway to account for',
      'clock skew).]',
    ].join('\n');
    expect(ours(wrapped)).toContain('jose4j:ErrorCodes.EXPIRED');
    expect(ours(wrapped).every((key) => key.startsWith('jose4j:'))).toBe(true);
  });

  it('signature, audience and issuer details, as the source prints them', () => {
    expect(
      ours(
        'org.jose4j.jwt.consumer.InvalidJwtSignatureException: JWT rejected due to invalid signature. Additional details: [[9] Invalid JWS Signature: JsonWebSignature{"alg":"RS256","kid":"k1"}->eyJhbGciOiJSUzI1NiJ9.e30.c2ln]',
      ),
    ).toEqual(['jose4j:ErrorCodes.SIGNATURE_INVALID']);
    expect(
      ours(
        'org.jose4j.jwt.consumer.InvalidJwtException: JWT (claims->{"aud":"account"}) rejected due to invalid claims or other invalid content. Additional details: [[8] Audience (aud) claim [account] doesn\'t contain an acceptable identifier. Expected my-api as an aud value.]',
      ),
    ).toEqual(['jose4j:ErrorCodes.AUDIENCE_INVALID']);
    expect(
      ours(
        'org.jose4j.jwt.consumer.InvalidJwtException: JWT (claims->{"iss":"https://kc/realms/a"}) rejected due to invalid claims or other invalid content. Additional details: [[12] Issuer (iss) claim value (https://kc/realms/a) doesn\'t match expected value of https://kc/realms/b]',
      ),
    ).toEqual(['jose4j:ErrorCodes.ISSUER_INVALID']);
  });

  it('its constant names are no findings outside jose4j', () => {
    expect(ours('webhook rejected: SIGNATURE_INVALID')).toEqual([]);
    expect(ours('status=ISSUER_INVALID retry=false')).toEqual([]);
    expect(ours('Error code 1 occurred, EXPIRED')).toEqual([]);
  });
});

describe('PHP JWT Framework (web-token/jwt-framework, spomky-labs/jose)', () => {
  it("JWELoader's hidden failure, with the vendor path in the trace", () => {
    // https://github.com/web-token/jwt-framework/issues/331
    const fatal =
      "Fatal error: Uncaught RuntimeException: Unable to load and decrypt the token. in D:\\xamp\\htdocs\\projecttwo\\vendor\\web-token\\jwt-framework\\src\\Component\\Encryption\\JWELoader.php:107 Stack trace: #0 D:\\xamp\\htdocs\\projecttwo\\vendor\\web-token\\jwt-framework\\src\\Component\\Encryption\\JWELoader.php(82): Jose\\Component\\Encryption\\JWELoader->loadAndDecryptWithKeySet('eyJhbGciOiJBMjU...', Object(Jose\\Component\\Core\\JWKSet), NULL) #1 {main}";
    expect(ours(fatal)).toEqual(['spomky-jose:spomky-jose-unable-to-load-and-decrypt']);
  });

  it("spomky-labs/jose's Verifier, as a Drupal site reports it", () => {
    // https://github.com/Spomky-Labs/jose/issues/322
    expect(
      ours(
        'invalidArgumentException: Unable to verify the JWS. in Jose\\Verifier->verifySignatures() (line 146 of .../spomky-labs/jose/src/Verifier.php).',
      ),
    ).toEqual(['spomky-jose:spomky-jose-unable-to-verify-jws']);
  });

  it('the claim checker readings by their sentences, beside the namespace', () => {
    expect(
      confident(
        'PHP Fatal error:  Uncaught Jose\\Component\\Checker\\InvalidClaimException: The token expired. in /var/www/vendor/web-token/jwt-checker/ExpirationTimeChecker.php:51',
      ),
    ).toEqual(['spomky-jose:InvalidClaimException@expired']);
    expect(confident('Jose\\Component\\Checker\\InvalidClaimException: Bad audience.')).toEqual([
      'spomky-jose:InvalidClaimException@audience',
    ]);
    expect(
      ours(
        'Uncaught Exception: Unable to load and verify the token. in /app/vendor/web-token/jwt-framework/src/Library/Signature/JWSLoader.php:85',
      ),
    ).toEqual(['spomky-jose:spomky-jose-unable-to-load-and-verify']);
  });

  it('its short sentences alone are no sure finding, and java-jwt keeps its InvalidClaimException', () => {
    expect(ours('The token expired.')).toEqual([]);
    expect(ours('Bad audience.')).toEqual([]);
    expect(ours('Unknown issuer.')).toEqual([]);
    expect(
      sure("com.auth0.jwt.exceptions.InvalidClaimException: The Claim 'iss' value doesn't match the required issuer."),
    ).toEqual(['java-jwt:InvalidClaimException']);
  });
});

describe('jsonwebtoken (Rust crate)', () => {
  it("decode()'s Debug form names the variant", () => {
    // https://github.com/Keats/jsonwebtoken/issues/338
    const test = [
      '    use jsonwebtoken::{DecodingKey, Validation, Algorithm, decode};',
      '        ).unwrap(); // throws error: Err(Error(InvalidSignature))',
    ].join('\n');
    expect(ours(test)).toEqual(['jsonwebtoken-rs:InvalidSignature']);
    // https://github.com/yoshidan/google-cloud-rust/issues/248
    expect(ours('But I got `JwtError(Error(InvalidAudience))`.')).toEqual(['jsonwebtoken-rs:InvalidAudience']);
    expect(ours('called `Result::unwrap()` on an `Err` value: Error(ExpiredSignature)')).toEqual([
      'jsonwebtoken-rs:ErrorKind::ExpiredSignature',
    ]);
  });

  it('the Display form beside the crate path', () => {
    // https://github.com/Keats/jsonwebtoken/issues/422
    const display = [
      'I still get an error `Failed to validate the JWT token. Error: InvalidAudience`.',
      '    jsonwebtoken::decode::<Claims>(jwt_token, decoding_key, &token_validation)',
    ].join('\n');
    expect(ours(display)).toEqual(['jsonwebtoken-rs:InvalidAudience']);
    // https://github.com/Keats/jsonwebtoken/issues/183
    expect(
      ours('this token has been validated by jwt.io but decode function return error with ErrorKind::InvalidSignature'),
    ).toEqual(['jsonwebtoken-rs:InvalidSignature']);
  });

  it("bare variant names are no sure finding, and the jwt gem's class stays its own", () => {
    expect(ours('Failed to validate the JWT token. Error: InvalidAudience')).toEqual([]);
    expect(ours('ExpiredSignature')).toEqual([]);
    expect(sure('JWT::ExpiredSignature: Signature has expired')).toEqual(['ruby-jwt:JWT::ExpiredSignature']);
    expect(ours('<faultstring>InvalidSignature</faultstring> from NetSuite SuiteTalk')).toEqual([]);
  });
});

describe('openidconnect and oauth2 (Rust crates)', () => {
  it('discovery refuses an issuer that differs by a trailing slash', () => {
    // https://github.com/ramosbugs/openidconnect-rs/issues/77
    const debug =
      'TEST43 Err(Validation("unexpected issuer URI `https://git.lounge.rocks/` (expected `https://git.lounge.rocks/`)"))';
    expect(ours(debug)).toEqual(['openidconnect-rs:DiscoveryError::Validation']);
    // https://github.com/ramosbugs/openidconnect-rs/issues/123
    expect(ours('`Validation("unexpected issuer URI `[URL]\\` (expected \\`[URL]/.well-known\\`)")')).toEqual([
      'openidconnect-rs:DiscoveryError::Validation',
    ]);
  });

  it("the ID token's signature failure near the crate's types", () => {
    // https://github.com/ramosbugs/openidconnect-rs/issues/86
    const issue = [
      'impl From<openidconnect::ClaimsVerificationError> for AppError {',
      '    fn from(error: openidconnect::ClaimsVerificationError) -> Self {',
      '        info!("Claims error: {}", error);',
      '        AppError::InvalidIdTokenNonce',
      '    }',
      '}',
      '...i got closer, now I get "Claims error: Signature verification failed" in my log.',
    ].join('\n');
    // the crate's types are six lines up: a short sentence needs a clue nearer, so it is offered, not sure
    expect(ours(issue)).toEqual([]);
    const offered = resolver.scan(issue).findings.map((finding) => `${finding.provider}:${finding.code}`);
    expect(offered).toContain('openidconnect-rs:ClaimsVerificationError::SignatureVerification');
    expect(ours('error: openidconnect::ClaimsVerificationError: Claims error: Signature verification failed')).toEqual([
      'openidconnect-rs:ClaimsVerificationError::SignatureVerification',
    ]);
    expect(ours('Claims error: Signature verification failed')).toEqual([]);
  });

  it('the token response that does not parse, where the crate is named', () => {
    // https://github.com/ramosbugs/openidconnect-rs/issues/194
    const proxmox = [
      "I'm using Proxmox (which in turn uses openidconnect-rs) and while configuring OIDC with our provider JumpCloud, we get this error message in our logs:",
      'openid authentication failure; rhost=::ffff:192.168.***.*** msg=Failed to contact token endpoint: Failed to parse server response',
    ].join('\n');
    expect(ours(proxmox)).toEqual(['openidconnect-rs:RequestTokenError::Parse']);
    // https://github.com/rustdesk/rustdesk/issues/10943 (no crate named: no sure finding)
    expect(ours('Failed to contact token endpoint, Failed to parse server response')).toEqual([]);
  });

  it("the claims checks' sentences", () => {
    expect(
      ours('Expired: ID token expired at 2024-01-01 10:00:00 UTC (current time is 2024-01-01 11:00:00 UTC)'),
    ).toEqual(['openidconnect-rs:ClaimsVerificationError::Expired']);
    expect(ours('Invalid audiences: `https://graph.microsoft.com` is not a trusted audience')).toEqual([
      'openidconnect-rs:ClaimsVerificationError::InvalidAudience',
    ]);
    expect(ours('Invalid nonce: nonce mismatch')).toEqual([]);
  });

  it("a server error inside RequestTokenError is the server's", () => {
    // https://github.com/ramosbugs/oauth2-rs/issues/303 (a provider that sent its error with 200 OK)
    const issue = [
      '{"error": "invalid_grant", "error_description": "AADSTS700081: The refresh token has expired or is invalid due to sign-in frequency checks. The user must sign in again."}',
      'It returns RequestTokenError::Parse instead of a RequestTokenError::ServerResponse with invalid_grant',
    ].join('\n');
    expect(sure(issue)).toContain('entra:AADSTS700081');
    // the wrapper as the crate prints it, around the provider's code and description
    expect(
      sure(
        'RequestTokenError: Server returned error response: invalid_grant: AADSTS700082: The refresh token has expired due to inactivity.',
      ),
    ).toContain('entra:AADSTS700082');
  });
});

describe('lookups', () => {
  it("a bare variant name another catalog has as an alias keeps that catalog's reading beside the crate's", () => {
    const expired = resolver.lookup('ExpiredSignature').map((match) => match.provider);
    expect(expired).toEqual(expect.arrayContaining(['ruby-jwt', 'jsonwebtoken-rs']));
    expect(resolver.lookup('MissingRequiredClaim').map((match) => match.provider)).toContain('entra');
  });

  it('codes and messages typed as queries', () => {
    expect(best('InvalidJwtException')).toBe('jose4j:InvalidJwtException');
    expect(best('ErrorCodes.EXPIRED')).toBe('jose4j:ErrorCodes.EXPIRED');
    expect(best('AUDIENCE_INVALID')).toBe('jose4j:ErrorCodes.AUDIENCE_INVALID');
    expect(best('Unable to load and verify the token.')).toBe('spomky-jose:spomky-jose-unable-to-load-and-verify');
    expect(best('The token expired.')).toBe('spomky-jose:InvalidClaimException');
    expect(best('MissingMandatoryClaimException')).toBe('spomky-jose:MissingMandatoryClaimException');
    expect(best('ErrorKind::ExpiredSignature')).toBe('jsonwebtoken-rs:ErrorKind::ExpiredSignature');
    expect(best('InvalidAudience')).toBe('jsonwebtoken-rs:InvalidAudience');
    expect(best('unexpected issuer URI')).toBe('openidconnect-rs:DiscoveryError::Validation');
    expect(best('RequestTokenError::Parse')).toBe('openidconnect-rs:RequestTokenError::Parse');
    expect(best('JWT::ExpiredSignature')).toBe('ruby-jwt:JWT::ExpiredSignature');
    expect(best('InvalidClaimException')).toBe('java-jwt:InvalidClaimException');
  });

  it('installing the packages is no error', () => {
    const install = [
      'composer require web-token/jwt-framework',
      '  - Installing web-token/jwt-library (3.4.6): Extracting archive',
      '   Compiling jsonwebtoken v9.3.1',
      '   Compiling openidconnect v4.0.1',
      '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/bitbucket/b_c/jose4j/0.9.6/jose4j-0.9.6.pom',
    ].join('\n');
    expect(sure(install)).toEqual([]);
  });
});
