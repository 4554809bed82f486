import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Errors of the libraries that validate tokens (resource servers, JWT and OIDC libraries), as their
// logs, stack traces and HTTP answers show them. Every log here is made up in the shape real ones take.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const ours = (text: string) =>
  confident(text).filter((key) =>
    /^(identitymodel|spring-security|jose|jsonwebtoken|pyjwt|go-oidc|openid-client):/.test(key),
  );

describe('Microsoft.IdentityModel and ASP.NET Core JwtBearer', () => {
  it('IDX codes in an ASP.NET Core log', () => {
    const audience = [
      'fail: Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler[1]',
      '      Authentication failed.',
      "      Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAudienceException: IDX10214: Audience validation failed. Audiences: 'api://orders'. Did not match: validationParameters.ValidAudience: 'api://billing' or validationParameters.ValidAudiences: 'null'.",
    ].join('\n');
    expect(ours(audience)).toEqual(['identitymodel:IDX10214']);
    const kid =
      "info: Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler[7]\n      Bearer was not authenticated. Failure message: IDX10503: Signature validation failed. The token's kid is: 'nOo3ZDrODXEK1jKWhXslHR_KXEg', but did not match any keys in TokenValidationParameters or Configuration.";
    expect(ours(kid)).toEqual(['identitymodel:IDX10503']);
    const key =
      "System.ArgumentOutOfRangeException: IDX10720: Unable to create KeyedHashAlgorithm for algorithm 'HS256', the key size must be greater than: '256' bits, key has '128' bits. (Parameter 'keyBytes')";
    expect(ours(key)).toEqual(['identitymodel:IDX10720']);
  });

  it("JwtBearer's WWW-Authenticate descriptions name the IDX error without a code", () => {
    const expired = [
      'HTTP/1.1 401 Unauthorized',
      'Content-Length: 0',
      `WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired at '11/30/2026 17:31:34'"`,
    ].join('\n');
    expect(confident(expired)).toContain('identitymodel:IDX10223');
    expect(confident(expired)).toContain('oauth2:invalid_token@resource-server');
    const key = 'www-authenticate: Bearer error="invalid_token", error_description="The signature key was not found"';
    expect(ours(key)).toEqual(['identitymodel:IDX10503']);
    const issuer = `WWW-Authenticate: Bearer error="invalid_token", error_description="The issuer 'https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/' is invalid"`;
    expect(ours(issuer)).toEqual(['identitymodel:IDX10205']);
  });

  it('an IDX code the catalog lacks is reported as such, with a link', () => {
    const [first] = resolver.lookup('IDX10999');
    expect(first).toMatchObject({ provider: 'identitymodel', code: 'IDX10999', entry: undefined });
    expect(first?.links[0]?.url).toContain('IDX10999');
    expect(resolver.lookup('IDX10214')[0]).toMatchObject({ provider: 'identitymodel', code: 'IDX10214' });
  });
});

describe('Spring Security resource server', () => {
  it("the decoder's messages give the meaning of invalid_token", () => {
    const expired = [
      '2026-11-30T09:14:02.551Z DEBUG 1 --- [nio-8080-exec-3] o.s.s.o.s.r.w.BearerTokenAuthenticationFilter : Failed to authenticate since the JWT was invalid',
      'org.springframework.security.oauth2.server.resource.InvalidBearerTokenException: An error occurred while attempting to decode the Jwt: Jwt expired at 2026-11-30T08:59:12Z',
    ].join('\n');
    expect(ours(expired)).toEqual(['spring-security:invalid_token@jwt-expired']);
    const key =
      'WWW-Authenticate: Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: Signed JWT rejected: Another algorithm expected, or no matching key(s) found", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"';
    expect(confident(key)).toEqual(['spring-security:invalid_token@signature-key']);
    const issuer =
      'org.springframework.security.oauth2.jwt.JwtValidationException: An error occurred while attempting to decode the Jwt: The iss claim is not valid';
    expect(ours(issuer)).toEqual(['spring-security:invalid_token@issuer']);
  });

  it('its exception for an invalid token names the error, its message the context', () => {
    for (const query of [
      'InvalidBearerTokenException',
      'getting InvalidBearerTokenException using client_credentials',
    ]) {
      const [first] = resolver.lookup(query);
      expect(`${first?.entry?.key} ${first?.confidence}`).toBe('spring-security:invalid_token@generic strong');
    }
    const wrapped =
      'org.springframework.security.oauth2.server.resource.InvalidBearerTokenException: The aud claim is not valid';
    expect(ours(wrapped)).toEqual(['spring-security:invalid_token@audience']);
  });

  it('issuer-uri discovery failing at the first request', () => {
    const lazy = [
      'org.springframework.security.oauth2.jwt.JwtDecoderInitializationException: Failed to lazily resolve the supplied JwtDecoder instance',
      'Caused by: java.lang.IllegalArgumentException: Unable to resolve the Configuration with the provided Issuer of "http://keycloak:8080/realms/shop"',
    ].join('\n');
    expect(ours(lazy)).toEqual(['spring-security:JwtDecoderInitializationException']);
  });

  it('does not take the OAuth 2.0 client entries (oauth-clients) or plain RFC 6750 answers for its own', () => {
    const client =
      'org.springframework.security.oauth2.core.OAuth2AuthenticationException: [invalid_token_response] An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response: 401 Unauthorized: [no body]';
    expect(confident(client)).toEqual(['oauth-clients:invalid_token_response']);
    const plain = [
      'HTTP/1.1 401 Unauthorized',
      'WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired"',
    ].join('\n');
    expect(ours(plain)).toEqual([]);
  });
});

describe('jose (panva/jose)', () => {
  it("a Node.js dump: the class and message first, the code lines later, each claim's own entry", () => {
    const expired = [
      'JWTExpired: "exp" claim timestamp check failed',
      '    at validateClaimsSet (file:///app/node_modules/jose/dist/node/esm/lib/jwt_claims_set.js:98:19)',
      '    at async jwtVerify (file:///app/node_modules/jose/dist/node/esm/jwt/verify.js:9:20) {',
      "  code: 'ERR_JWT_EXPIRED',",
      "  claim: 'exp',",
    ].join('\n');
    expect(ours(expired)).toEqual(['jose:ERR_JWT_EXPIRED']);
    const audience =
      'JWTClaimValidationFailed: unexpected "aud" claim value\n  code: \'ERR_JWT_CLAIM_VALIDATION_FAILED\',';
    expect(ours(audience)).toEqual(['jose:ERR_JWT_CLAIM_VALIDATION_FAILED@audience']);
    const issuer =
      'JWTClaimValidationFailed: unexpected "iss" claim value\n  code: \'ERR_JWT_CLAIM_VALIDATION_FAILED\',';
    expect(ours(issuer)).toEqual(['jose:ERR_JWT_CLAIM_VALIDATION_FAILED@issuer']);
    // The class alone, as a log line quotes it, says which error it is (its message would say which claim).
    expect(
      ours('token check failed with JWTClaimValidationFailed, rejecting request').map((key) => key.split('@')[0]),
    ).toEqual(['jose:ERR_JWT_CLAIM_VALIDATION_FAILED']);
  });

  it("jose v2's codes are still read (ERR_JWT_CLAIM_INVALID)", () => {
    const v2 = [
      'JWTClaimInvalid: "nbf" claim timestamp check failed',
      '    at module.exports (/app/node_modules/jose/lib/jwt/verify.js:165:11) {',
      "  code: 'ERR_JWT_CLAIM_INVALID',",
    ].join('\n');
    expect(ours(v2)).toEqual(['jose:ERR_JWT_CLAIM_VALIDATION_FAILED@timestamps']);
  });

  it('JWKS key selection, and a session cookie encrypted under another secret', () => {
    const jwks = [
      'JWKSNoMatchingKey: no applicable key found in the JSON Web Key Set',
      '    at LocalJWKSet.getKey (/app/node_modules/jose/dist/node/cjs/jwks/local.js:64:19) {',
      "  code: 'ERR_JWKS_NO_MATCHING_KEY'",
    ].join('\n');
    expect(ours(jwks)).toEqual(['jose:ERR_JWKS_NO_MATCHING_KEY']);
    const cookie = [
      '[auth][error] JWTSessionError: Read more at https://errors.authjs.dev#jwtsessionerror',
      '[auth][cause]: JWEDecryptionFailed: decryption operation failed',
      '    at gcmDecrypt (/app/node_modules/jose/dist/node/cjs/runtime/decrypt.js:67:15)',
    ].join('\n');
    expect(ours(cookie)).toEqual(['jose:ERR_JWE_DECRYPTION_FAILED']);
  });
});

describe('jsonwebtoken (Node.js)', () => {
  it("TokenExpiredError with jwt expired is jsonwebtoken's, not oauthlib's", () => {
    const trace = 'TokenExpiredError: jwt expired\n    at /srv/node_modules/jsonwebtoken/verify.js:190:21';
    expect(confident(trace)).toEqual(['jsonwebtoken:TokenExpiredError']);
    expect(confident('TokenExpiredError: jwt expired')).toEqual(['jsonwebtoken:TokenExpiredError']);
    const oauthlib = [
      'oauthlib.oauth2.rfc6749.errors.TokenExpiredError: (token_expired) ',
      '  File "/srv/venv/lib/python3.12/site-packages/requests_oauthlib/oauth2_session.py", line 477, in request',
    ].join('\n');
    expect(confident(oauthlib)).toEqual(['oauth-clients:token_expired']);
  });

  it('the error serialized as JSON, and an API answering with its message', () => {
    const json = [
      '{',
      '    "err": {',
      '        "name": "TokenExpiredError",',
      '        "message": "jwt expired",',
      '        "expiredAt": "2026-11-30T08:59:12.000Z"',
      '    }',
      '}',
    ].join('\n');
    expect(ours(json)).toEqual(['jsonwebtoken:TokenExpiredError']);
    expect(ours('HTTP/1.1 401 Unauthorized\n{"message":"jwt expired"}')).toEqual(['jsonwebtoken:TokenExpiredError']);
  });

  it("JsonWebTokenError's message picks its meaning", () => {
    expect(
      confident('JsonWebTokenError: invalid signature\n    at /srv/node_modules/jsonwebtoken/verify.js:171:19'),
    ).toEqual(['jsonwebtoken:JsonWebTokenError@invalid-signature']);
    expect(confident('JsonWebTokenError: jwt malformed')).toEqual(['jsonwebtoken:JsonWebTokenError@malformed']);
    expect(confident('JsonWebTokenError: jwt audience invalid. expected: https://api.example.com')).toEqual([
      'jsonwebtoken:JsonWebTokenError@audience',
    ]);
    expect(confident('JsonWebTokenError: invalid algorithm')).toEqual(['jsonwebtoken:JsonWebTokenError@algorithm']);
    expect(confident('NotBeforeError: jwt not active')).toEqual(['jsonwebtoken:NotBeforeError']);
    // The message on the code's own line counts, though the same message was first printed lines above it
    // (express-jwt's wrapper, then the inner error).
    const wrapped = [
      'UnauthorizedError: jwt malformed',
      "  name: 'UnauthorizedError',",
      '  status: 401,',
      "  message: 'jwt malformed',",
      '  stack: ...,',
      "  inner: { [JsonWebTokenError: jwt malformed] name: 'JsonWebTokenError' } }",
    ].join('\n');
    expect(confident(wrapped)).toContain('jsonwebtoken:JsonWebTokenError@malformed');
    expect(confident(wrapped)).not.toContain('jsonwebtoken:JsonWebTokenError@invalid-signature');
  });

  it('lookups: its messages and names', () => {
    expect(resolver.lookup('jwt expired')[0]).toMatchObject({ provider: 'jsonwebtoken', code: 'TokenExpiredError' });
    expect(resolver.lookup('TokenExpiredError')[0]).toMatchObject({ provider: 'jsonwebtoken' });
    expect(resolver.lookup('invalid signature jsonwebtoken')[0]?.entry?.key).toBe(
      'jsonwebtoken:JsonWebTokenError@invalid-signature',
    );
  });
});

describe('PyJWT', () => {
  it('a traceback and exception lines', () => {
    const trace = [
      'Traceback (most recent call last):',
      '  File "/app/.venv/lib/python3.12/site-packages/jwt/api_jwt.py", line 365, in _validate_exp',
      '    raise ExpiredSignatureError("Signature has expired")',
      'jwt.exceptions.ExpiredSignatureError: Signature has expired',
    ].join('\n');
    expect(ours(trace)).toEqual(['pyjwt:ExpiredSignatureError']);
    expect(ours("jwt.exceptions.InvalidAudienceError: Audience doesn't match")).toEqual(['pyjwt:InvalidAudienceError']);
    expect(ours('jwt.exceptions.DecodeError: Not enough segments')).toEqual(['pyjwt:DecodeError@malformed']);
    expect(
      ours(
        'jwt.exceptions.DecodeError: It is required that you pass in a value for the "algorithms" argument when calling decode().',
      ),
    ).toEqual(['pyjwt:DecodeError@algorithms-missing']);
    expect(ours('jwt.exceptions.PyJWKClientError: Unable to find a signing key that matches: "k1"')).toEqual([
      'pyjwt:PyJWKClientError',
    ]);
  });

  it('a message printed at the top of a report and raised with its class at the bottom of the traceback', () => {
    // An error tracker's report: the wrapper's message first, the frame that raised it last.
    const report = [
      'Invalid JWT: Not enough segments',
      '',
      'Traceback (most recent call last):',
      '  File "app/verify.py", line 40, in read_token',
      '    claims = jwt.decode(token, verify=False)',
      '  File "jwt/api.py", line 128, in _load',
      "    raise DecodeError('Not enough segments')",
    ].join('\n');
    expect(ours(report)).toEqual(['pyjwt:DecodeError@malformed']);
  });

  it("DecodeError elsewhere (protobuf) is not PyJWT's", () => {
    const other = [
      "google.protobuf.message.DecodeError: Error parsing message with type 'api.Request'",
      'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
    ].join('\n');
    expect(ours(other)).toEqual([]);
  });
});

describe('go-oidc and the Kubernetes OIDC authenticator', () => {
  it('kube-apiserver lines', () => {
    const expired =
      'E1130 09:12:44.118234       1 authentication.go:73] "Unable to authenticate the request" err="[invalid bearer token, oidc: verify token: oidc: token is expired (Token Expiry: 2026-11-30 08:59:12 +0000 UTC)]"';
    expect(ours(expired)).toEqual(['go-oidc:oidc-token-expired']);
    const audience =
      'E1130 09:12:44.118234       1 authentication.go:73] "Unable to authenticate the request" err="[invalid bearer token, oidc: verify token: oidc: expected audience in [\\"kubernetes\\"] got [\\"kubelogin\\"]]"';
    expect(ours(audience)).toEqual(['go-oidc:oidc-audience-mismatch']);
    const init =
      'E1130 09:00:01.000000       1 oidc.go:335] oidc authenticator: initializing plugin: Get "https://dex.example.com/.well-known/openid-configuration": x509: certificate signed by unknown authority';
    expect(ours(init)).toEqual(['go-oidc:oidc-authenticator-not-initialized']);
  });

  it('applications built on go-oidc (oauth2-proxy, Dex clients)', () => {
    const issuer =
      '[2026/11/30 09:12:44] [oauthproxy.go:903] Error creating session during OAuth2 callback: oidc: id token issued by a different provider, expected "https://auth.example.com/realms/ops/" got "https://auth.example.com/realms/ops"';
    expect(ours(issuer)).toEqual(['go-oidc:oidc-issuer-mismatch']);
    const discovery =
      'level=fatal msg="failed to query provider \\"https://login.example.com\\": oidc: issuer did not match the issuer returned by provider, expected \\"https://login.example.com\\" got \\"https://login.example.com/\\""';
    expect(ours(discovery)).toEqual(['go-oidc:oidc-discovery-issuer-mismatch']);
    expect(ours('oidc: malformed jwt: unexpected signature algorithm "HS256"; expected ["RS256"]')).toEqual([
      'go-oidc:oidc-unsupported-algorithm',
    ]);
  });

  it('an oidc: block in a config file and a service account token failure are not go-oidc errors', () => {
    const config = [
      'values.yaml:',
      '  oidc:',
      '    enabled: true',
      '    issuerUrl: https://auth.example.com',
      'error: token expired, please log in again',
    ].join('\n');
    expect(ours(config)).toEqual([]);
    const serviceAccount =
      'E1130 09:12:44.118234       1 authentication.go:73] "Unable to authenticate the request" err="[invalid bearer token, service account token has expired]"';
    expect(ours(serviceAccount)).toEqual([]);
  });
});

describe('openid-client', () => {
  it("v5's TypeError for a token set without an access token, as NextAuth.js v4 logs it", () => {
    // https://github.com/nextauthjs/next-auth/issues/6729
    const log = [
      '[next-auth][error][OAUTH_CALLBACK_ERROR] ',
      'https://next-auth.js.org/errors#oauth_callback_error access_token not present in TokenSet {',
      '  error: {',
      "    message: 'access_token not present in TokenSet',",
      "    stack: 'TypeError: access_token not present in TokenSet\\n' +",
      "      '    at Client.requestResource (/Users/felixhaberle/Desktop/git/backstage/node_modules/openid-client/lib/client.js:1117:15)\\n' +",
    ].join('\n');
    expect(ours(log)).toEqual(['openid-client:access-token-missing']);
    // https://github.com/nextauthjs/next-auth/issues/7481 (its title, typed)
    expect(resolver.lookup('Next auth v4 throws error access_token not present in TokenSet')[0]?.code).toBe(
      'access-token-missing',
    );
  });

  it("v5's RPError messages and OPError", () => {
    const state =
      'RPError: state mismatch, expected 3f2c1a, got: 9d8e7b\n    at Client.callback (/app/node_modules/openid-client/lib/client.js:487:13)';
    expect(ours(state)).toEqual(['openid-client:RPError@state']);
    const missing =
      'TypeError: checks.state argument is missing\n    at Client.callback (/app/node_modules/openid-client/lib/client.js:431:13)';
    expect(ours(missing)).toEqual(['openid-client:RPError@state']);
    expect(ours('RPError: nonce mismatch, expected undefined, got: 5yTq2')).toEqual(['openid-client:RPError@nonce']);
    const opError =
      'OPError: invalid_grant (authorization code expired)\n    at processResponse (/app/node_modules/openid-client/lib/helpers/process_response.js:38:13)';
    expect(ours(opError)).toEqual(['openid-client:OPError']);
    expect(confident(opError)).toContain('oauth2:invalid_grant@token-endpoint');
  });

  it("v1 and v2's bare \"state mismatch\", with the library's frame under it; the words alone are anyone's", () => {
    // https://github.com/danielgynn/express-authentication/issues/5
    const old = [
      'Error processing callback Error: state mismatch',
      '    at Client.authorizationCallback (.../..../express-authentication/node_modules/openid-client/lib/client.js:268:29)',
    ].join('\n');
    expect(confident(old)).toEqual(['openid-client:RPError@state']);
    // Every hand-written OAuth client throws these words too (`throw new Error('state mismatch')`).
    expect(confident('Login failed: state mismatch')).toEqual([]);
  });

  it("v6's error codes", () => {
    const claim = [
      'ClientError: unexpected JWT claim value encountered',
      '    at errorHandler (file:///app/node_modules/openid-client/build/index.js:152:19) {',
      "  code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',",
      '  [cause]: OperationProcessingError: unexpected JWT "aud" (audience) claim value',
    ].join('\n');
    expect(ours(claim)).toEqual(['openid-client:OAUTH_JWT_CLAIM_COMPARISON_FAILED']);
    expect(ours("ClientError: only requests to HTTPS are allowed\n  code: 'OAUTH_HTTP_REQUEST_FORBIDDEN',")).toEqual([
      'openid-client:OAUTH_HTTP_REQUEST_FORBIDDEN',
    ]);
  });
});

describe('ordinary words of these libraries in unrelated logs', () => {
  const unrelated: [string, string][] = [
    [
      'AWS CLI',
      'An error occurred (ExpiredTokenException) when calling the GetCallerIdentity operation: The security token included in the request is expired',
    ],
    [
      'Kubernetes events',
      [
        'Warning  FailedMount  3m (x12 over 20m)  kubelet  MountVolume.SetUp failed for volume "kube-api-access-x2f9q" : failed to fetch token: the server could not find the requested resource',
        'Warning  Unhealthy    1m                 kubelet  Readiness probe failed: HTTP probe failed with statuscode: 401',
      ].join('\n'),
    ],
    [
      'Firebase Admin',
      'FirebaseAuthError: Firebase ID token has expired. Get a fresh ID token from your client app and try again (auth/id-token-expired).\n    at FirebaseTokenVerifier.mapJwtErrorToAuthError (/workspace/node_modules/firebase-admin/lib/auth/token-verifier.js:262:20)',
    ],
    [
      'a generic timeout',
      'Error: request timed out\n    at Timeout._onTimeout (/app/node_modules/some-http-client/index.js:44:17)',
    ],
    ['ethers', 'Error: invalid signature\n    at verifyMessage (/app/node_modules/ethers/lib/utils.js:120:11)'],
    [
      'php-jwt',
      'Firebase\\JWT\\SignatureInvalidException: Signature verification failed in /var/www/vendor/firebase/php-jwt/src/JWT.php:163',
    ],
    [
      'a Java service',
      'java.lang.IllegalArgumentException: Invalid issuer\n\tat com.example.billing.InvoiceService.validate(InvoiceService.java:88)',
    ],
    [
      'a Spring app of its own',
      '2026-11-30 09:12:44 WARN  [http-nio-8080-exec-8] c.e.a.ApiController : Malformed token received, request rejected: invalid token',
    ],
    [
      'an axios 401 with a body',
      "Error: Request failed with status code 401\n  response: { status: 401, statusText: 'Unauthorized', data: { message: 'jwt expired' } }",
    ],
    [
      'a JS TypeError',
      "TypeError: Cannot read properties of undefined (reading 'state')\n    at handleCallback (/app/src/routes/callback.ts:31:22)",
    ],
    [
      '.NET cryptography',
      'Unhandled exception. System.Security.Cryptography.CryptographicException: The signature is invalid.\n   at Contoso.Licensing.LicenseValidator.Validate(String license)',
    ],
  ];
  for (const [name, text] of unrelated) {
    it(`${name}: none of the token libraries`, () => {
      expect(ours(text)).toEqual([]);
    });
  }
});

describe("ASP.NET Core's remote authentication handlers", () => {
  it('Correlation failed. on the developer exception page, in a log and in an ASP.NET Core 1.x trace', () => {
    const page = [
      'An unhandled exception occurred while processing the request.',
      'Exception: Correlation failed.',
      'Unknown location',
      '',
      'Exception: An error was encountered while handling the remote login.',
    ].join('\n');
    expect(ours(page)).toEqual(['identitymodel:aspnetcore-correlation-failed']);
    const log = [
      'fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]',
      '      Microsoft.AspNetCore.Authentication.AuthenticationFailureException: An error was encountered while handling the remote login.',
      '       ---> Microsoft.AspNetCore.Authentication.AuthenticationFailureException: Correlation failed.',
    ].join('\n');
    expect(ours(log)).toEqual(['identitymodel:aspnetcore-correlation-failed']);
    const old =
      'System.AggregateException: Unhandled remote failure. (Correlation failed.) ---> System.Exception: Correlation failed.';
    expect(ours(old)).toEqual(['identitymodel:aspnetcore-correlation-failed']);
  });

  it('Correlation failed. as a logging service shows the exception, its type a line above it', () => {
    // https://github.com/DuendeArchive/Support/issues/1470
    const logged = [
      'Exception: Microsoft.AspNetCore.Authentication.AuthenticationFailureException',
      'Message: Correlation failed.',
      'Source: Microsoft.AspNetCore.Authentication',
      'Error ID: 8299279',
    ].join('\n');
    expect(ours(logged)).toEqual(['identitymodel:aspnetcore-correlation-failed']);
  });

  it("the OAuth handler's missing state, on its own and in a provider package's log", () => {
    expect(ours('Exception: The oauth state was missing or invalid.')).toEqual([
      'identitymodel:aspnetcore-oauth-state-invalid',
    ]);
    const log =
      'info: AspNet.Security.OAuth.GitHub.GitHubAuthenticationHandler[4]\n      Error from RemoteAuthentication: The oauth state was missing or invalid..';
    expect(ours(log)).toEqual(['identitymodel:aspnetcore-oauth-state-invalid']);
  });

  it('Correlation failed. elsewhere (a test assertion, a data pipeline) is not ASP.NET Core', () => {
    expect(ours('XCTFail("Correlation failed."); return')).toEqual([]);
    expect(ours('2026-03-02 09:14:07 WARN  signal-align: Correlation failed. Falling back to offset 0')).toEqual([]);
  });
});
