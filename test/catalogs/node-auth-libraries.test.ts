import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Node.js auth libraries: the express-jwt middleware, the jwks-rsa key client, node-oauth2-server (oauth2-server,
// @node-oauth/oauth2-server) and @fastify/jwt, read from what people pasted in public issue threads (the thread
// above each sample; trimmed to the error lines, tokens left out).
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const bestKey = (query: string) => resolver.lookup(query)[0]?.entry?.key;

describe('express-jwt', () => {
  it('credentials_required, with and without its stack trace', () => {
    // https://github.com/raj-71/supply-chain-fabric/issues/1
    const trace = [
      'UnauthorizedError: No authorization token was found',
      '    at middleware (/home/phyo/supply-chain-fabric/backend/node_modules/express-jwt/lib/index.js:76:21)',
      '    at /home/phyo/supply-chain-fabric/backend/node_modules/express-unless/index.js:47:5',
    ].join('\n');
    expect(confident(trace)).toEqual(['express-jwt:credentials_required']);
    // https://github.com/auth0/express-jwt/issues/269
    expect(confident('This renders a `UnauthorizedError: No authorization token was found` error message.')).toEqual([
      'express-jwt:credentials_required',
    ]);
  });

  it('the Bearer format message in an express-jwt trace', () => {
    // https://github.com/golang/oauth2/issues/338 (an express-jwt trace filed on the wrong repository)
    const trace = [
      'UnauthorizedError: Format is Authorization: Bearer [token]',
      '    at middleware (/home/scls-host25/Desktop/main project/node_modules/express-jwt/lib/index.js:70:21)',
      '    at Layer.handle [as handle_request] (/home/scls-host25/Desktop/main project/node_modules/express/lib/router/layer.js:95:5)',
    ].join('\n');
    expect(confident(trace)).toEqual(['express-jwt:credentials_bad_format']);
  });

  it("v6's required algorithms option", () => {
    // https://github.com/spaship/spaship/issues/724
    const unhandled = [
      '(node:24) UnhandledPromiseRejectionWarning: Error: algorithms should be set',
      '  | at module.exports (/opt/app-root/src/node_modules/express-jwt/lib/index.js:22:34)',
      '  | at /opt/app-root/src/middlewares/authentication.js:31:12',
    ].join('\n');
    expect(confident(unhandled)).toEqual(['express-jwt:algorithms-required']);
    // https://github.com/PacktPublishing/Full-Stack-React-Projects-Second-Edition/issues/28
    const windows = [
      'Error: algorithms should be set',
      '    at module.exports (D:\\react\\mern-skeleton\\node_modules\\express-jwt\\lib\\index.js:22:34)',
    ].join('\n');
    expect(confident(windows)).toEqual(['express-jwt:algorithms-required']);
    expect(bestKey('algorithms should be set')).toBe('express-jwt:algorithms-required');
  });

  it('invalid_token is the standard code without express-jwt nearby', () => {
    expect(confident('express-jwt returns {"code":"invalid_token"} for every request')).toEqual([
      'express-jwt:invalid_token',
    ]);
    const bearer = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"';
    expect(confident(bearer)).not.toContain('express-jwt:invalid_token');
  });
});

describe('jwks-rsa', () => {
  it("SigningKeyNotFoundError inside jsonwebtoken's key callback error", () => {
    // https://github.com/cerpus/Edlib/issues/365
    const wrapped = [
      "JsonWebTokenError: error in secret or public key callback: Unable to find a signing key that matches 'F3ciORBcct6gBQKaD6XmZd1QaEKiDyKsfDwzGKKdXg8'",
      'at /node_modules/jsonwebtoken/verify.js:96:19',
    ].join('\n');
    expect(confident(wrapped)).toContain('jwks-rsa:SigningKeyNotFoundError@no-match');
  });

  it('JwksError: an endpoint without keys, and a rate-limited fetch', () => {
    // https://github.com/auth0/docs/pull/7483
    const tutorial = [
      'currently the tutorial cannot be completed due to this error:',
      'JwksError: The JWKS endpoint did not contain any keys',
    ].join('\n');
    expect(confident(tutorial)).toEqual(['jwks-rsa:JwksError@no-keys']);
    // https://github.com/auth0/node-jwks-rsa/issues/49 (v1 passed the endpoint's status text on)
    expect(confident('{name: "JwksError", message: "Too Many Requests"}')).toEqual(['jwks-rsa:JwksError@http-error']);
    expect(confident('JwksRateLimitError: Too many requests to the JWKS endpoint')).toEqual([
      'jwks-rsa:JwksRateLimitError',
    ]);
  });

  it('a JWKS without signing keys, next to the package (PyJWT prints the same sentence)', () => {
    // https://github.com/auth0/node-jwks-rsa/issues/360
    const sample = [
      'Getting error running the samplee code provided in introduction',
      'The JWKS endpoint did not contain any signing keys',
      'const jwksClient = require("jwks-rsa");',
    ].join('\n');
    expect(confident(sample)).toContain('jwks-rsa:JwksError@no-signing-keys');
    expect(bestKey('SigningKeyNotFoundError')).toBe('jwks-rsa:SigningKeyNotFoundError@no-match');
  });

  it('"too many requests" alone is not a sure finding', () => {
    expect(confident('429 too many requests from upstream')).not.toContain('jwks-rsa:JwksError@http-error');
  });
});

describe('node-oauth2-server', () => {
  it('unauthorized_request at the authorize endpoint', () => {
    // https://github.com/fomenyesu/egg-restapi-module-tool/issues/23
    const egg = [
      '2018-09-26 17:06:40,958 WARN 42221 [-/127.0.0.1/-/18ms POST /user/authorize?t=1537952800909] nodejs.unauthorized_request: Unauthorized request: no authentication given',
      '    at new UnauthorizedRequestError (/Users/wangql/src/egg-restapi-module-tool/node_modules/oauth2-server/lib/errors/unauthorized-request-error.js:28:14)',
    ].join('\n');
    expect(confident(egg)).toContain('node-oauth2-server:unauthorized_request');
    // https://github.com/oauthjs/node-oauth2-server/issues/358
    expect(
      confident('{"message":"Unauthorized request: no authentication given","code":401,"name":"unauthorized_request"}'),
    ).toEqual(['node-oauth2-server:unauthorized_request']);
  });

  it("standard codes with the library's own descriptions", () => {
    // https://github.com/oauthjs/node-oauth2-server/issues/666
    const client = [
      '{',
      '    "error": "invalid_client",',
      '    "error_description": "Invalid client: cannot retrieve client credentials"',
      '}',
    ].join('\n');
    expect(confident(client)).toEqual(['node-oauth2-server:invalid_client@credentials']);
    // https://github.com/node-oauth/node-oauth2-server-examples/issues/7
    const grant = [
      '{',
      '  "error": "invalid_grant",',
      '  "error_description": "Invalid grant: user credentials are invalid"',
      '}',
    ].join('\n');
    expect(confident(grant)).toEqual(['node-oauth2-server:invalid_grant@user-credentials']);
    // https://github.com/node-oauth/node-oauth2-server/issues/217
    expect(confident('3. Result will be `invalid_token: Invalid token: access token is invalid`.')).toEqual([
      'node-oauth2-server:invalid_token',
    ]);
    expect(bestKey('Invalid grant: authorization code has expired')).toBe(
      'node-oauth2-server:invalid_grant@authorization-code',
    );
  });

  it("other servers' invalid_grant and invalid_client stay theirs", () => {
    expect(
      confident('{"error":"invalid_grant","error_description":"The authorization code has expired"}'),
    ).not.toContain('node-oauth2-server:invalid_grant@authorization-code');
    const other = confident('{"error":"invalid_client","error_description":"Client authentication failed"}');
    expect(other.some((key) => key.startsWith('node-oauth2-server:'))).toBe(false);
  });
});

describe('@fastify/jwt', () => {
  it("the invalid-token message with the verifier's reason, next to the plugin", () => {
    // https://github.com/fastify/fastify-jwt/issues/121
    const java = [
      'when I use java client create jwt，request the node server，throw a exception:Authorization token is invalid: invalid signature',
      "const jwt = require('fastify-jwt')",
    ].join('\n');
    expect(confident(java)).toContain('fastify-jwt:FST_JWT_AUTHORIZATION_TOKEN_INVALID');
    // https://github.com/fastify/fastify-jwt/issues/299
    const iss = [
      'Authorization token is invalid: The iss claim value is not allowed error even though iss is specified at startup',
      'declare module "@fastify/jwt" {',
    ].join('\n');
    expect(confident(iss)).toEqual(['fastify-jwt:FST_JWT_AUTHORIZATION_TOKEN_INVALID']);
  });

  it('the expired token, and the codes in a Fastify error body', () => {
    // https://github.com/nearform/fastify-auth0-verify/issues/189
    expect(
      confident(
        'once the JWT expires, fastify-jwt library causes requests to fail by throwing "Authorization token expired."',
      ),
    ).toEqual(['fastify-jwt:FST_JWT_AUTHORIZATION_TOKEN_EXPIRED']);
    expect(
      confident(
        '{"statusCode":401,"code":"FST_JWT_NO_AUTHORIZATION_IN_HEADER","error":"Unauthorized","message":"No Authorization was found in request.headers"}',
      ),
    ).toEqual(['fastify-jwt:FST_JWT_NO_AUTHORIZATION_IN_HEADER']);
    expect(
      confident(
        '{"statusCode":400,"code":"FST_JWT_BAD_REQUEST","error":"Bad Request","message":"Format is Authorization: Bearer [token]"}',
      ),
    ).toEqual(['fastify-jwt:FST_JWT_BAD_REQUEST']);
  });

  it('an ordinary "token expired" line is not a sure finding', () => {
    expect(confident('Error: Authorization token expired for user bob, please log in again')).toEqual([]);
  });
});
