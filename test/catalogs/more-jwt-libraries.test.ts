import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// jwt-decode (npm, auth0/jwt-decode), python-jose (PyPI, module jose) and jwt-simple (npm), read from what
// people pasted in public issue threads (the thread above each sample; tokens left out). Their short
// sentences are other libraries' too (PyJWT's "Signature has expired", the jwt gem's "Not enough or too
// many segments"), so the module paths and package names beside them say whose they are.
const resolver = useShippedResolver();

const OURS = /^(jwt-decode|python-jose|jwt-simple):/;
const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const ours = (text: string) => confident(text).filter((key) => OURS.test(key));
const best = (query: string) => bestOf(resolver, query);

describe('jwt-decode', () => {
  it("v2/v3's InvalidTokenError for a token that is not a string", () => {
    // https://github.com/auth0/jwt-decode/issues/65
    expect(ours('InvalidTokenError: Invalid token specified')).toEqual(['jwt-decode:InvalidTokenError@not-a-string']);
    // https://github.com/auth0/jwt-decode/issues/65 (a React Native paste in the same thread)
    expect(ours('Possible Unhandled Promise Rejection (id:0):\n[InvalidTokenError: Invalid token specified]')).toEqual([
      'jwt-decode:InvalidTokenError@not-a-string',
    ]);
  });

  it("v2/v3's 'Invalid token specified: <engine message>' for a token that is no JWT", () => {
    // https://github.com/auth0/jwt-decode/issues/69
    expect(ours("Invalid token specified: Cannot read property 'replace' of undefined")).toEqual([
      'jwt-decode:InvalidTokenError@malformed',
    ]);
    // https://github.com/auth0/jwt-decode/issues/119
    const quoted = [
      'const claims = jwtDecode(jwt)',
      '"Invalid token specified: Cannot read property \'replace\' of undefined"',
    ].join('\n');
    expect(ours(quoted)).toEqual(['jwt-decode:InvalidTokenError@malformed']);
    // https://github.com/auth0/jwt-decode/issues/61
    expect(
      ours("but using jwtDecode. I get 'Invalid token specified: Unexpected token è in JSON at position 0'"),
    ).toEqual(['jwt-decode:InvalidTokenError@malformed']);
  });

  it("v4's messages name the part that failed", () => {
    expect(ours('InvalidTokenError: Invalid token specified: missing part #2')).toEqual([
      'jwt-decode:InvalidTokenError@malformed',
    ]);
    expect(ours('InvalidTokenError: Invalid token specified: must be a string')).toEqual([
      'jwt-decode:InvalidTokenError@not-a-string',
    ]);
  });

  it("another library's InvalidTokenError is not jwt-decode's", () => {
    expect(ours('InvalidTokenError: invalid_token')).toEqual([]);
    expect(ours('authlib.oauth2.rfc6750.errors.InvalidTokenError: invalid_token: The access token is invalid')).toEqual(
      [],
    );
  });
});

describe('python-jose', () => {
  it('ExpiredSignatureError under its module path, not PyJWT', () => {
    // https://github.com/CAVaccineInventory/vial/issues/17
    expect(ours('Tests failing with "jose.exceptions.ExpiredSignatureError: Signature has expired"')).toEqual([
      'python-jose:ExpiredSignatureError',
    ]);
    const traceback = [
      '  File "/usr/local/lib/python3.11/site-packages/jose/jwt.py", line 331, in _validate_exp',
      '    raise ExpiredSignatureError("Signature has expired.")',
      'jose.exceptions.ExpiredSignatureError: Signature has expired.',
    ].join('\n');
    expect(confident(traceback)).toEqual(['python-jose:ExpiredSignatureError']);
    // PyJWT's own traceback line stays PyJWT's alone
    expect(confident('jwt.exceptions.ExpiredSignatureError: Signature has expired')).toEqual([
      'pyjwt:ExpiredSignatureError',
    ]);
  });

  it('the signature failure raised by jws.verify and re-raised by jwt.decode', () => {
    // https://github.com/litestar-org/litestar/issues/1180
    const pytest = [
      '>           raise JWSError("Signature verification failed.")',
      'E           jose.exceptions.JWSError: Signature verification failed.',
      '',
      '.venv/lib/python3.9/site-packages/jose/jws.py:264: JWSError',
    ].join('\n');
    expect(ours(pytest)).toContain('python-jose:JWSError');
    expect(confident(pytest).filter((key) => !key.startsWith('python-jose:'))).toEqual([]);
    expect(confident('jose.exceptions.JWTError: Signature verification failed.')).toEqual([
      'python-jose:JWTError@signature',
    ]);
  });

  it('JWTClaimsError readings by their messages, PyJWT beside them unchanged', () => {
    expect(confident('jose.exceptions.JWTClaimsError: Invalid audience')).toEqual([
      'python-jose:JWTClaimsError@audience',
    ]);
    expect(confident('jose.exceptions.JWTClaimsError: at_hash claim does not match access_token.')).toEqual([
      'python-jose:JWTClaimsError@at-hash',
    ]);
    // https://github.com/jpadilla/pyjwt/issues/622
    expect(confident('jwt.exceptions.InvalidAudienceError: Invalid audience')).toEqual(['pyjwt:InvalidAudienceError']);
    expect(confident('jwt.exceptions.DecodeError: Not enough segments')).toEqual(['pyjwt:DecodeError@malformed']);
  });

  it("Authlib's and panva/jose's errors are not python-jose's", () => {
    expect(ours('authlib.jose.errors.DecodeError: Not enough segments')).toEqual([]);
    expect(ours('JWSSignatureVerificationFailed: signature verification failed')).toEqual([]);
  });
});

describe('jwt-simple', () => {
  it('its plain Errors with the stack frame that names the module', () => {
    // https://github.com/hokaccha/node-jwt-simple/issues/91
    const segments = [
      'Error: Not enough or too many segments',
      '    at Object.jwt_decode [as decode] (/Users/alex/Sources/tests/node_modules/jwt-simple/lib/jwt.js:66:11)',
    ].join('\n');
    expect(confident(segments)).toEqual(['jwt-simple:jwt-simple-segments']);
    // https://github.com/hokaccha/node-jwt-simple/issues/100 (the title, and the require() in the body)
    const signature = ['Error: Signature verification failed', "var jwt = require('jwt-simple');"].join('\n');
    expect(ours(signature)).toEqual(['jwt-simple:jwt-simple-signature-failed']);
    const expired = [
      'Error: Token expired',
      '    at Object.jwt_decode [as decode] (/app/node_modules/jwt-simple/lib/jwt.js:102:13)',
    ].join('\n');
    expect(confident(expired)).toEqual(['jwt-simple:jwt-simple-token-expired']);
  });

  it('its short sentences alone are no sure finding', () => {
    // https://github.com/auth0-blog/auth0-python-fastapi-sample/issues/1
    expect(
      ours('But when i use the same token i get  {"status":"error","message":"Signature verification failed"}'),
    ).toEqual([]);
    expect(ours('Session token expired, please log in again')).toEqual([]);
    expect(ours('Token expired')).toEqual([]);
  });
});

describe('lookups and unrelated logs', () => {
  it('names and messages typed as queries', () => {
    expect(best('JWTClaimsError')).toBe('python-jose:JWTClaimsError');
    expect(best('Invalid token specified: must be a string')).toBe('jwt-decode:InvalidTokenError');
    expect(best('Not enough or too many segments jwt-simple')).toBe('jwt-simple:jwt-simple-segments');
  });

  it('installing the packages is no error', () => {
    const install = [
      'npm WARN deprecated jwt-decode@2.2.0',
      '+ jwt-simple@0.5.6',
      'Collecting python-jose[cryptography]==3.3.0',
      'Successfully installed python-jose-3.3.0',
    ].join('\n');
    expect(confident(install)).toEqual([]);
  });
});
