import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Authlib (Python): its JOSE/JWT errors, its web clients' errors and its OAuth 2.0 server's messages, read
// from what people pasted in public issue threads (the thread above each sample; tokens and hosts left out).
// Its standard codes and generic class names (InvalidTokenError, DecodeError) count only beside its module
// paths; its MismatchingStateError stays oauth-clients' (the same code and message as oauthlib's).
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text, (f) => `${f.provider}:${f.code}`);
const ours = (text: string) => confident(text).filter((key) => key.startsWith('authlib:'));
const best = (query: string) => bestOf(resolver, query);

describe('authlib.jose claims', () => {
  it('InvalidClaimError for iss, at the end of a parse_id_token traceback', () => {
    // https://github.com/Arize-ai/phoenix/issues/7455
    const trace = [
      '    |   File "/phoenix/env/authlib/oidc/core/claims.py", line 48, in validate',
      '    |     self.validate_iss()',
      '    |   File "/phoenix/env/authlib/jose/rfc7519/claims.py", line 74, in _validate_claim_value',
      '    |     raise InvalidClaimError(claim_name)',
      "    | authlib.jose.errors.InvalidClaimError: invalid_claim: Invalid claim 'iss'",
    ].join('\n');
    expect(confident(trace)).toEqual(['authlib:invalid_claim']);
  });

  it('the older double-quoted wording, alone and with the class path', () => {
    // https://github.com/matrix-org/synapse/issues/12075
    expect(confident('I am getting ` invalid_claim: Invalid claim "iss"` when synapse is decoding jwt.')).toEqual([
      'authlib:invalid_claim',
    ]);
    // https://github.com/authlib/loginpass/issues/56
    expect(
      confident('This results in: `authlib.jose.errors.InvalidClaimError: invalid_claim: Invalid claim "nonce"`'),
    ).toEqual(['authlib:invalid_claim']);
  });

  it('MissingClaimError for a provider that sends no nonce', () => {
    // https://github.com/authlib/authlib/issues/763
    expect(
      confident(
        "the validation fails with `authlib.jose.errors.MissingClaimError: missing_claim: Missing 'nonce' claim` at `claims.validate(leeway=leeway)` in `base_client/async_openid.py`",
      ),
    ).toEqual(['authlib:missing_claim']);
    // https://github.com/authlib/authlib/issues/502
    expect(confident('Login failed: missing_claim: Missing "nonce" claim')).toEqual(['authlib:missing_claim']);
  });

  it('BadSignatureError with its empty description', () => {
    // https://github.com/k4black/fastapi-jwt/issues/50
    expect(
      confident('I received this exception:\n```authlib.jose.errors.BadSignatureError: bad_signature: ```'),
    ).toEqual(['authlib:bad_signature']);
  });
});

describe('authlib clients', () => {
  it('the OpenID client registered without server metadata', () => {
    // https://github.com/PowerDNS-Admin/PowerDNS-Admin/issues/1489
    const log = [
      '2023-03-29T08:30:09+01:00\tRuntimeError: Missing "jwks_uri" in metadata',
      `2023-03-29T08:30:09+01:00\t    raise RuntimeError('Missing "jwks_uri" in metadata')`,
      '2023-03-29T08:30:09+01:00\t  File "/usr/lib/python3.10/site-packages/authlib/integrations/base_client/sync_openid.py", line 14, in fetch_jwk_set',
    ].join('\n');
    expect(ours(log)).toEqual(['authlib:authlib-missing-jwks-uri']);
    // https://github.com/pgadmin-org/pgadmin4/issues/5711 (no Authlib path beside it: a short message, looked up)
    expect(best('errormsg: Missing "jwks_uri" in metadata')).toBe('authlib:authlib-missing-jwks-uri');
  });

  it("MissingTokenError of the 0.x client, its standard-looking code read by Authlib's path", () => {
    // https://github.com/authlib/loginpass/pull/41
    const trace = [
      '  File "/Users/telepenin/.venv/lib/python3.7/site-packages/authlib/client/client.py", line 222, in request',
      '    raise MissingTokenError()',
      'authlib.client.errors.MissingTokenError: missing_token:',
    ].join('\n');
    expect(confident(trace)).toEqual(['authlib:missing_token']);
  });

  it("Authlib's state mismatch stays with oauthlib's entry, and oauthlib's missing token is not Authlib's", () => {
    // https://github.com/singingwolfboy/flask-dance/issues/390
    expect(
      confident(
        'authlib.integrations.base_client.errors.MismatchingStateError: mismatching_state: CSRF Warning! State not equal in request and response.',
      ),
    ).toEqual(['oauth-clients:mismatching_state']);
    // https://github.com/TEAMSchools/powerschool/issues/11
    expect(
      ours('oauthlib.oauth2.rfc6749.errors.MissingTokenError: (missing_token) Missing access token parameter.'),
    ).toEqual([]);
  });
});

describe('lookups and unrelated text', () => {
  it('typed messages and class paths name the Authlib entry', () => {
    expect(best("Invalid claim 'aud'")).toBe('authlib:invalid_claim');
    expect(best('Missing "jwks_uri" in metadata')).toBe('authlib:authlib-missing-jwks-uri');
    expect(best('authlib.jose.errors.BadSignatureError')).toBe('authlib:bad_signature');
  });

  it('a generic InvalidTokenError or expired_token without Authlib nearby is not a sure Authlib finding', () => {
    expect(ours('jwt.exceptions.InvalidTokenError: The token is invalid')).toEqual([]);
    expect(ours('{"error":"expired_token","error_description":"The device_code has expired"}')).toEqual([]);
    expect(ours('itsdangerous.exc.BadSignature: Signature "abc" does not match')).toEqual([]);
  });
});
