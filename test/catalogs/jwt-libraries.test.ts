import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// The JWT libraries of Go, Java, PHP and Ruby (golang-jwt, JJWT, Auth0 java-jwt, Nimbus JOSE+JWT,
// firebase/php-jwt, the jwt gem), read from what people pasted in public issue threads (the thread beside
// each sample; tokens and keys left out). Their short messages ("Expired token", "Signature has expired")
// are also other libraries' sentences, so they only count next to the library's own names.
const resolver = useShippedResolver();

const LIBRARIES = /^(golang-jwt|jjwt|java-jwt|nimbus-jose-jwt|php-jwt|ruby-jwt):/;
const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const ours = (text: string) => confident(text).filter((key) => LIBRARIES.test(key));
const best = (query: string) => bestOf(resolver, query);
const bestKey = (query: string) => resolver.lookup(query)[0]?.entry?.key;

describe('golang-jwt/jwt and dgrijalva/jwt-go', () => {
  it('the malformed-token message, with or without the package nearby', () => {
    // https://github.com/codehakase/golang-gin/issues/2
    expect(ours('Error parsing token: token contains an invalid number of segments')).toEqual([
      'golang-jwt:ErrTokenMalformed',
    ]);
    // https://github.com/hashicorp-demoapp/product-api-go/pull/10
    expect(ours('Error: status: 401, body: token contains an invalid number of segments')).toEqual([
      'golang-jwt:ErrTokenMalformed',
    ]);
  });

  it("v5's wrapped expiry, and v3's 'by' form beside the package's parse call", () => {
    // https://github.com/golang-jwt/jwt/issues/376
    expect(ours('After that it has an error that "token has invalid claims: token is expired"')).toEqual([
      'golang-jwt:ErrTokenExpired',
    ]);
    expect(best('token has invalid claims: token is expired')).toBe('golang-jwt:ErrTokenExpired');
    // https://github.com/dgrijalva/jwt-go/issues/182
    const v3 = [
      "I'm getting an error `token is expired by 410671h37m47s` when I attempt to parse a recently generated token.",
      'token, err := jwt.ParseWithClaims(tokenString, &TokenClaims{}, func(token *jwt.Token) (interface{}, error) {',
    ].join('\n');
    expect(ours(v3)).toEqual(['golang-jwt:ErrTokenExpired']);
  });

  it('signature and key-type failures', () => {
    // https://github.com/dgrijalva/jwt-go/issues/435
    expect(
      ours(
        'Then I verify the signature and token validity in a successive call to an endpoint, but I get `signature is invalid` error text, **even if the error is not of the type** `jwt.ErrSignatureInvalid`.',
      ),
    ).toEqual(['golang-jwt:ErrTokenSignatureInvalid']);
    // https://taourl.com/read-3716123.html
    expect(
      ours(
        'When working with JWT (JSON Web Tokens) in Go, developers often encounter the error "token signature is invalid: key is of invalid type."',
      ),
    ).toEqual(['golang-jwt:ErrInvalidKeyType']);
  });

  it("go-oidc's own expiry message stays go-oidc's", () => {
    const kube =
      'E1130 09:12:44.118234       1 authentication.go:73] "Unable to authenticate the request" err="[invalid bearer token, oidc: verify token: oidc: token is expired (Token Expiry: 2026-11-30 08:59:12 +0000 UTC)]"';
    // kube-apiserver's envelope (kubernetes.yaml, a wraps) is answered beside it, after the reason it carries.
    expect(confident(kube)).toEqual(['go-oidc:oidc-token-expired', 'kubernetes:kubernetes-unable-to-authenticate']);
  });
});

describe('JJWT (io.jsonwebtoken)', () => {
  it('ExpiredJwtException in 0.7 and 0.11 stack traces', () => {
    // https://github.com/szerhusenBC/jwt-spring-security-demo/issues/69
    const old = [
      'io.jsonwebtoken.ExpiredJwtException: JWT expired at 2017-09-19T00:31:16Z. Current time: 2017-12-09T21:26:44Z, a difference of 7073728267 milliseconds.  Allowed clock skew: 0 milliseconds.',
      '\tat io.jsonwebtoken.impl.DefaultJwtParser.parse(DefaultJwtParser.java:385) ~[jjwt-0.7.0.jar:0.7.0]',
    ].join('\n');
    expect(confident(old)).toEqual(['jjwt:ExpiredJwtException']);
    // https://github.com/terrakube-io/terrakube/issues/730 (Spring Security's filter further down the trace)
    const newer = [
      'io.jsonwebtoken.ExpiredJwtException: JWT expired at 2023-11-29T21:28:46Z. Current time: 2024-02-17T01:18:15Z, a difference of 6839369434 milliseconds.  Allowed clock skew: 0 milliseconds.',
      '\tat io.jsonwebtoken.impl.DefaultJwtParser.parse(DefaultJwtParser.java:427) ~[jjwt-impl-0.11.5.jar:0.11.5]',
      '\tat org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationFilter.doFilterInternal(BearerTokenAuthenticationFilter.java:133)',
    ].join('\n');
    expect(confident(newer)).toEqual(['jjwt:ExpiredJwtException']);
  });

  it('the signature mismatch, in the old and the new package', () => {
    // https://github.com/jwtk/jjwt/issues/820
    expect(
      confident(
        'io.jsonwebtoken.security.SignatureException: JWT signature does not match locally computed signature. JWT validity cannot be asserted and should not be trusted.',
      ),
    ).toEqual(['jjwt:SignatureException']);
    // https://github.com/jwtk/jjwt/issues/276
    const old = [
      'io.jsonwebtoken.SignatureException: JWT signature does not match locally computed signature. JWT validity cannot be asserted and should not be trusted.',
      '\tat io.jsonwebtoken.impl.DefaultJwtParser.parse(DefaultJwtParser.java:354)',
    ].join('\n');
    expect(confident(old)).toEqual(['jjwt:SignatureException']);
    expect(best('JWT signature does not match locally computed signature')).toBe('jjwt:SignatureException');
  });

  it('WeakKeyException for signing, verification and Keys.hmacShaKeyFor', () => {
    // https://github.com/Graylog2/docker-compose/issues/60
    expect(
      confident(
        "datanode  | Caused by: io.jsonwebtoken.security.WeakKeyException: The signing key's size is 208 bits which is not secure enough for the HS256 algorithm.  The JWT JWA Specification (RFC 7518, Section 3.2) states that keys used with HS256 MUST have a size >= 256 bits",
      ),
    ).toEqual(['jjwt:WeakKeyException']);
    // https://github.com/opensearch-project/security/issues/230
    expect(
      ours(
        "[2020-06-07T15:05:12,536][ERROR][c.a.d.a.h.j.HTTPJwtAuthenticator] [f8ffc25c3c1d.ant.amazon.com] Cannot authenticate user with JWT because of io.jsonwebtoken.security.WeakKeyException: The verification key's size is 48 bits which is not secure enough for the HS256 algorithm.",
      ),
    ).toEqual(['jjwt:WeakKeyException']);
    // https://github.com/CatalogueOfLife/backend/issues/459
    expect(
      ours(
        'io.jsonwebtoken.security.WeakKeyException: The specified key byte array is 152 bits which is not secure enough for any JWT HMAC-SHA algorithm.',
      ),
    ).toEqual(['jjwt:WeakKeyException']);
  });

  it("the JDK's SignatureException is not JJWT's", () => {
    // https://github.com/eclipse-vertx/vertx-auth/issues/34
    const vertx = [
      'java.lang.RuntimeException: java.security.SignatureException: object not initialized for verification',
      ' at io.vertx.ext.auth.jwt.impl.CryptoSignature.verify(Crypto.java:85)',
    ].join('\n');
    expect(ours(vertx)).toEqual([]);
  });
});

describe("Auth0's java-jwt", () => {
  it('TokenExpiredException, SignatureGenerationException and the 3-parts message', () => {
    // https://github.com/avniproject/avni-client/issues/1088
    const expired = [
      'com.auth0.jwt.exceptions.TokenExpiredException: The Token has expired on Thu Aug 31 05:43:27 UTC 2023.',
      '\tat com.auth0.jwt.JWTVerifier.assertDateIsFuture(JWTVerifier.java:441)',
    ].join('\n');
    expect(confident(expired)).toEqual(['java-jwt:TokenExpiredException']);
    // https://github.com/auth0/java-jwt/issues/429
    expect(
      ours(
        "com.auth0.jwt.exceptions.SignatureGenerationException: The Token's Signature couldn't be generated when signing using the Algorithm: SHA512withRSA",
      ),
    ).toEqual(['java-jwt:SignatureGenerationException']);
    // https://github.com/auth0/JWTDecode.Android/issues/71 (Auth0's Android decoder, same sentence)
    expect(ours('com.auth0.android.jwt.DecodeException: The token was expected to have 3 parts, but got 1.')).toEqual([
      'java-jwt:JWTDecodeException',
    ]);
  });

  it("dropwizard-auth-jwt's TokenExpiredException is not java-jwt's", () => {
    // https://github.com/ToastShaman/dropwizard-auth-jwt/issues/18
    const dropwizard = [
      'WARN  [2015-12-05 04:16:09,509] com.github.toastshaman.dropwizard.auth.jwt.JWTAuthFilter: Error decoding credentials: The token has expired',
      '! com.github.toastshaman.dropwizard.auth.jwt.exceptions.TokenExpiredException: The token has expired',
    ].join('\n');
    expect(ours(dropwizard)).toEqual([]);
  });
});

describe('Nimbus JOSE+JWT', () => {
  it('its exceptions in stack traces and a pac4j log', () => {
    // https://github.com/Azure/azure-sdk-for-java/issues/15103
    const expired = [
      'com.nimbusds.jwt.proc.BadJWTException: Expired JWT',
      '\tat com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier.<clinit>(DefaultJWTClaimsVerifier.java:62) ~[nimbus-jose-jwt-7.9.jar:7.9]',
    ].join('\n');
    expect(ours(expired)).toEqual(['nimbus-jose-jwt:BadJWTException@expired']);
    // https://github.com/IxorTalk/ixortalk.aws.cognito.jwt.security.filter/issues/22
    expect(
      ours('with exception com.nimbusds.jose.proc.BadJWSException: Signed JWT rejected: Invalid signature'),
    ).toEqual(['nimbus-jose-jwt:BadJWSException']);
    // https://github.com/pac4j/pac4j/issues/1688
    expect(
      ours(
        '2020-09-09T00:37:07,852 DEBUG [qtp2101082331-173] org.pac4j.oidc.profile.creator.TokenValidator - deal alg_name PS384 failed with BadJOSEException com.nimbusds.jose.proc.BadJOSEException: Signed JWT rejected: Another algorithm expected, or no matching key(s) found',
      ),
    ).toEqual(['nimbus-jose-jwt:BadJOSEException@no-key']);
    // https://github.com/okta/okta-jwt-verifier-java/issues/21
    expect(
      ours(
        'Caused by: com.nimbusds.jose.proc.BadJOSEException: Signed JWT rejected: Another algorithm expected, or no matching key(s) found',
      ),
    ).toEqual(['nimbus-jose-jwt:BadJOSEException@no-key']);
  });

  it("Spring Security's answer carrying Nimbus's message stays Spring's", () => {
    const spring =
      'WWW-Authenticate: Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid signature", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"';
    expect(confident(spring)).toEqual(['spring-security:invalid_token@signature-key']);
  });
});

describe('firebase/php-jwt', () => {
  it('uncaught exceptions as PHP prints them', () => {
    // https://github.com/googleapis/php-jwt/issues/168
    expect(
      ours(
        "Fatal error: Uncaught exception 'Firebase\\JWT\\ExpiredException' with message 'Expired token' in /www/lalalal/jwtTest/JWT/JWT.php:134",
      ),
    ).toEqual(['php-jwt:ExpiredException']);
    // https://github.com/googleapis/php-jwt/issues/194
    expect(
      ours(
        '<b>Fatal error</b>:  Uncaught Firebase\\JWT\\ExpiredException: Expired token in /Library/WebServer/Documents/api/app/vendor/firebase/php-jwt/src/JWT.php:134',
      ),
    ).toEqual(['php-jwt:ExpiredException']);
    // https://github.com/googleapis/php-jwt/issues/538
    expect(ours('`Firebase\\JWT\\SignatureInvalidException: Signature verification failed`')).toEqual([
      'php-jwt:SignatureInvalidException',
    ]);
    // https://github.com/generationtux/jwt-artisan/issues/14
    expect(
      ours(
        'lumen.ERROR: UnexpectedValueException: Wrong number of segments in /var/www/html/shipping/vendor/firebase/php-jwt/src/JWT.php:67',
      ),
    ).toEqual(['php-jwt:UnexpectedValueException@malformed']);
  });

  it('its generic UnexpectedValueException around a message of its own: the message says which error', () => {
    // php-jwt before SignatureInvalidException threw UnexpectedValueException('Signature verification failed');
    // copies of that JWT.php still do. The class says whose, the message says which: on one line or, in a
    // framework's error page, on the lines around it.
    const fatal =
      'PHP Fatal error:  Uncaught UnexpectedValueException: Signature verification failed in /var/www/app/JWT.php:112';
    expect(ours(fatal)).toEqual(['php-jwt:SignatureInvalidException']);
    const page = [
      'A PHP Error was encountered',
      'Type: UnexpectedValueException',
      '',
      'Message: Signature verification failed',
      '',
      'Filename: /var/www/app/libraries/Jwt_auth.php',
    ].join('\n');
    expect(ours(page)).toEqual(['php-jwt:SignatureInvalidException']);
    // The message alone is many libraries' sentence, and none of them surely.
    expect(ours('Message: Signature verification failed')).toEqual([]);
  });

  it("tymon/jwt-auth's own 'Wrong number of segments' is not php-jwt's", () => {
    // https://github.com/tymondesigns/jwt-auth/issues/814
    const tymon = [
      'TokenInvalidException in TokenValidator.php line 37:',
      'Wrong number of segments',
      'in TokenValidator.php line 37',
    ].join('\n');
    expect(ours(tymon)).toEqual([]);
  });
});

describe('the Ruby jwt gem', () => {
  it('its JWT:: classes with their messages', () => {
    // https://github.com/jwt/ruby-jwt/issues/148
    expect(
      confident(
        'JWT.decode(token, secret, true, { algorithm: "HS256" }) # => JWT::ExpiredSignature: Signature has expired',
      ),
    ).toEqual(['ruby-jwt:JWT::ExpiredSignature']);
    // https://github.com/jwt/ruby-jwt/issues/401
    expect(ours('This throws a `JWT::VerificationError (Signature verification raised)`')).toEqual([
      'ruby-jwt:JWT::VerificationError',
    ]);
    // https://github.com/hitobito/hitobito/issues/3652
    expect(ours('Exception: **JWT::DecodeError** Not enough or too many segments')).toEqual([
      'ruby-jwt:JWT::DecodeError',
    ]);
  });

  it("PyJWT's and jwt-simple's sentences are not the gem's", () => {
    expect(confident('jwt.exceptions.ExpiredSignatureError: Signature has expired')).toEqual([
      'pyjwt:ExpiredSignatureError',
    ]);
    // https://github.com/hokaccha/node-jwt-simple/issues/91
    const jwtSimple = [
      'Error: Not enough or too many segments',
      '    at Object.jwt_decode [as decode] (/Users/alex/Sources/tests/node_modules/jwt-simple/lib/jwt.js:66:11)',
    ].join('\n');
    expect(ours(jwtSimple)).toEqual([]);
    // https://github.com/auth0-blog/auth0-python-fastapi-sample/issues/1
    expect(
      ours('But when i use the same token i get  {"status":"error","message":"Signature verification failed"}'),
    ).toEqual([]);
  });
});

describe('lookups', () => {
  it('the libraries’ error names', () => {
    expect(best('ErrTokenExpired')).toBe('golang-jwt:ErrTokenExpired');
    expect(best('ExpiredJwtException')).toBe('jjwt:ExpiredJwtException');
    expect(best('SignatureVerificationException')).toBe('java-jwt:SignatureVerificationException');
    expect(best('BadJWSException')).toBe('nimbus-jose-jwt:BadJWSException');
    expect(best('SignatureInvalidException')).toBe('php-jwt:SignatureInvalidException');
    expect(best('JWT::ExpiredSignature')).toBe('ruby-jwt:JWT::ExpiredSignature');
  });

  it('a short shared message names the library typed beside it', () => {
    expect(bestKey('Expired token php-jwt')).toBe('php-jwt:ExpiredException');
    expect(bestKey('Signature has expired pyjwt')).toBe('pyjwt:ExpiredSignatureError');
  });
});

describe('the libraries named in logs that hold no error', () => {
  const unrelated: [string, string][] = [
    [
      'go mod download',
      'go: downloading github.com/golang-jwt/jwt/v5 v5.2.1\ngo: downloading github.com/dgrijalva/jwt-go v3.2.0+incompatible',
    ],
    [
      'Maven',
      [
        'Downloading from central: https://repo.maven.apache.org/maven2/io/jsonwebtoken/jjwt-api/0.12.6/jjwt-api-0.12.6.pom',
        '[INFO] +- com.auth0:java-jwt:jar:4.4.0:compile',
        '[INFO] +- com.nimbusds:nimbus-jose-jwt:jar:9.37.3:compile',
      ].join('\n'),
    ],
    [
      'Composer',
      '  - Locking firebase/php-jwt (v6.10.0)\n  - Installing firebase/php-jwt (v6.10.0): Extracting archive',
    ],
    [
      'Bundler',
      'Fetching jwt 2.7.1\nInstalling jwt 2.7.1\nBundle complete! 42 Gemfile dependencies, 118 gems now installed.',
    ],
  ];
  for (const [name, text] of unrelated) {
    it(`${name}: no sure finding`, () => {
      expect(confident(text)).toEqual([]);
    });
  }
});
