import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Authorization servers people run themselves (OpenIddict, FusionAuth), as their errors show up in what people
// pasted into public issue threads: each sample is cut from the thread named beside it (shortened, ids and
// tokens left as they were or masked). OpenIddict's ids come in error_uri, FusionAuth's reasons in
// error_reason; the standard code around them may be listed too, so the checks look at these two providers.
const resolver = useShippedResolver();

const OURS = ['openiddict', 'fusionauth'];
const ours = (text: string) => confidentAmong(resolver, text, OURS);
const best = (query: string) => bestOf(resolver, query);

describe('OpenIddict', () => {
  it("the redirect_uri refusal of an ABP application's authorization endpoint (ID2043)", () => {
    // https://github.com/abpframework/abp/issues/15356
    const page = [
      'error:invalid_request',
      "error_description:The specified 'redirect_uri' is not valid for this client application.",
      'error_uri:https://documentation.openiddict.com/errors/ID2043',
    ].join('\n');
    expect(ours(page)).toEqual(['openiddict:ID2043']);
    // https://github.com/abpframework/abp/issues/21838 (the title, without the id)
    expect(ours("description:The specified 'redirect_uri' is not valid for this client application")).toEqual([
      'openiddict:ID2043',
    ]);
  });

  it("the client's replayed callback in the Velusia sample (ID2139)", () => {
    // https://github.com/openiddict/openiddict-core/issues/1848
    const callback = [
      'error:invalid_token',
      '',
      'error_description:The specified state token has already been redeemed.',
      '',
      'error_uri:https://documentation.openiddict.com/errors/ID2139',
    ].join('\n');
    expect(ours(callback)).toEqual(['openiddict:ID2139']);
  });

  it('an access token the server cannot read (ID2004), by its description alone', () => {
    // https://github.com/openiddict/openiddict-core/issues/1639 (the title, beside its version line)
    const title = ['Receive error_description:The specified token is invalid.', 'OpenIddict 4.x (in preview)'].join(
      '\n',
    );
    expect(ours(title)).toEqual(['openiddict:ID2004']);
    expect(best('The specified token is invalid.')).toBe('openiddict:ID2004');
  });

  it("ID2052's code_verifier sentence is not read as ID2004's token sentence", () => {
    const pkce = [
      '"error": "invalid_grant",',
      `"error_description": "The specified 'code_verifier' is invalid.",`,
      '"error_uri": "https://documentation.openiddict.com/errors/ID2052"',
    ].join('\n');
    expect(ours(pkce)).toEqual(['openiddict:ID2052']);
  });

  it('an unrelated "token is invalid" line is no sure OpenIddict finding', () => {
    expect(ours('The token is invalid, please sign in again to continue')).toEqual([]);
    expect(ours('ID card number 2043 is not valid for this form')).toEqual([]);
  });
});

describe('FusionAuth', () => {
  it('an authorization code FusionAuth no longer knows (auth_code_not_found)', () => {
    // https://github.com/FusionAuth/fusionauth-issues/issues/150
    const body = [
      "{ error: 'invalid_request', error_description: 'Invalid Authorization Code',",
      " error_reason: 'auth_code_not_found' }",
    ].join('\n');
    expect(ours(body)).toEqual(['fusionauth:auth_code_not_found']);
  });

  it('the authorize page refusing an unregistered redirect URL (invalid_redirect_uri)', () => {
    // https://github.com/FusionAuth/fusionauth-example-react/issues/22
    const page = [
      'If you want the nerdy explanation, review the following JSON body.',
      '{',
      '  "error" : "invalid_request",',
      '  "error_description" : "Invalid redirect uri http://localhost:9000/oauth-callback",',
      '  "error_reason" : "invalid_redirect_uri"',
      '}',
    ].join('\n');
    expect(ours(page)).toEqual(['fusionauth:invalid_redirect_uri']);
  });

  it('a refresh token FusionAuth rejects (refresh_token_not_found)', () => {
    // https://github.com/FusionAuth/fusionauth-issues/issues/1796
    const body = [
      '{',
      '  "error" : "invalid_grant",',
      '  "error_description" : "The refresh_token is invalid.",',
      '  "error_reason" : "refresh_token_not_found"',
      '}',
    ].join('\n');
    expect(ours(body)).toEqual(['fusionauth:refresh_token_not_found']);
  });

  it("other systems' codes of the same words are not FusionAuth's", () => {
    // Supabase's refresh_token_not_found stays Supabase's beside its own names.
    expect(
      ours('AuthApiError: Invalid Refresh Token: Refresh Token Not Found (code: refresh_token_not_found) supabase'),
    ).toEqual([]);
    expect(ours('ERROR: auth_code_not_found in my own app')).toEqual([]);
    // Facebook's login redirect also carries an error_reason.
    expect(
      ours(
        'https://example.com/callback?error_reason=user_denied&error=access_denied&error_description=Permissions+error',
      ),
    ).toEqual([]);
  });
});

describe('the catalogs', () => {
  it('each id and reason has its own entry, found by a lookup', () => {
    expect(best('ID2043')).toBe('openiddict:ID2043');
    expect(best('ID2012')).toBe('openiddict:ID2012');
    expect(best('invalid_pkce_code_verifier')).toBe('fusionauth:invalid_pkce_code_verifier');
    expect(confidentOf(resolver, 'error_uri=https://documentation.openiddict.com/errors/ID2018')).toContain(
      'openiddict:ID2018',
    );
  });
});
