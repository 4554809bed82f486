import { describe, expect, it } from 'vitest';
import { confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Hosted providers' own readings of the standard RFC 6749 codes: each sample is text people pasted in a public thread
// (the thread above it) or, where no thread shows the error, the response as the provider's documentation shows it with
// the endpoint it comes from. The same codes without the provider's clue stay the standard entries, and ordinary lines
// with the same words are no error of these providers.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const among = (providers: string[]) => (text: string) => confidentAmong(resolver, text, providers);
const hmrc = among(['hmrc']);
const ebay = among(['ebay']);
const zendesk = among(['zendesk']);

describe('HMRC token and authorisation endpoints', () => {
  it('invalid_grant: a refresh token past its use', () => {
    // https://github.com/uzerpllp/uzerp/issues/230
    expect(confident('Handle HMRC MTD VAT API invalid_grant error')).toEqual(['hmrc:invalid_grant']);
  });

  it('invalid_request with the parameter named in its description', () => {
    // https://github.com/hmrc/vat-api/issues/184
    expect(
      confident(
        [
          "curl -X POST https://test-api.service.hmrc.gov.uk/oauth/token --data 'client_secret=f22fd070-957f-3051-ad2d-45620857dfe7&client_id=55RrubIrg_ABQki9kH3jbF7ilWwa&grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%3A9090%2Foauth20%2Fcallback&code=1234567'",
          '',
          'Always got this error..',
          '{"error":"invalid_request","error_description":"grant_type is required"}',
        ].join('\n'),
      ),
    ).toEqual(['hmrc:invalid_request']);
    // https://github.com/hmrc/vat-api/issues/285
    expect(
      hmrc(
        [
          'https://test-api.service.hmrc.gov.uk/oauth/authorize?response_type=code&client_id=[removed]&scope=write:vat%20read:vat&redirect_uri=http://localhost/auth',
          '',
          'I get the following JSON spat back:',
          '',
          '`{"error":"invalid_request","error_description":"redirect_uri is invalid"}`',
        ].join('\n'),
      ),
    ).toEqual(['hmrc:invalid_request']);
    // https://github.com/hmrc/vat-api/issues/559
    expect(
      confident(
        [
          'I got following error  when i try to accessing Live WEB-API of vat',
          '',
          '{"error":"invalid_request","error_description":"code is required for given grant_type"}',
        ].join('\n'),
      ),
    ).toEqual(['hmrc:invalid_request']);
  });

  it('invalid_client and access_denied as the Developer Hub shows them', () => {
    // https://developer.service.hmrc.gov.uk/api-documentation/docs/authorisation/user-restricted-endpoints
    expect(
      confident(
        [
          'POST https://api.service.hmrc.gov.uk/oauth/token -> 401',
          '{"error":"invalid_client","error_description":"invalid client id or secret"}',
        ].join('\n'),
      ),
    ).toEqual(['hmrc:invalid_client']);
    expect(
      confident(
        [
          'GET https://test-www.tax.service.gov.uk/oauth/authorize?response_type=code&client_id=Hf8sfkiUkYp9I3_R10qSnZ2ZUvoa&scope=hello&redirect_uri=https://www.example.com/auth-redirect',
          'https://www.example.com/auth-redirect?error=access_denied&error_description=user+denied+the+authorization&error_code=USER_DENIED_AUTHORIZATION&state=30de877c-ee2f-15db-8314-0800200c9a66',
        ].join('\n'),
      ),
    ).toEqual(['hmrc:access_denied']);
  });

  it('the same codes without an HMRC clue are the standard ones', () => {
    // https://github.com/hmrc/vat-api/issues/87 (no HMRC host or name in the paste)
    expect(
      confident(
        [
          'When I revoke authority and try to refresh my tokens (on /oauth/token) I get this response:',
          '{',
          '   "error": "invalid_grant",',
          '   "error_description": "refresh_token is invalid"',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['oauth2:invalid_grant']);
    expect(confident('{"error":"invalid_request","error_description":"grant_type is required"}')).toEqual([
      'oauth2:invalid_request',
    ]);
    expect(confident('POST /oauth/token -> 401 {"error":"invalid_client"}')).toEqual(['oauth2:invalid_client']);
  });
});

describe('eBay token endpoint', () => {
  it('invalid_scope in eBay\u2019s own wording, with and without its host', () => {
    // https://github.com/eBay/ebay-oauth-python-client/issues/9
    expect(
      confident(
        [
          'app_scopes = ["https://api.ebay.com/oauth/api_scope", "https://api.ebay.com/oauth/api_scope/buy.item.feed"]',
          'should be',
          'app_scopes = ["https://api.ebay.com/oauth/api_scope"]',
          'or this will occur',
          'Error: invalid_scope - The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client',
        ].join('\n'),
      ),
    ).toEqual(['ebay:invalid_scope']);
  });

  it('the RFC wording and the bare code stay the standard invalid_scope', () => {
    expect(
      confident(
        '{"error":"invalid_scope","error_description":"The requested scope is invalid, unknown, malformed, or exceeds the scope granted by the resource owner."}',
      ),
    ).toEqual(['oauth2:invalid_scope']);
    expect(confident('POST /oauth/token -> 400 {"error":"invalid_scope"}')).toEqual(['oauth2:invalid_scope']);
  });
});

describe('Zendesk token endpoint', () => {
  it('invalid_grant beside the account\u2019s /oauth/tokens', () => {
    // https://support.zendesk.com/hc/en-us/articles/4408831387930--invalid-grant-error-when-requesting-an-OAuth-Token-
    expect(
      confident(
        [
          'POST https://yoursubdomain.zendesk.com/oauth/tokens',
          '{"error":"invalid_grant","error_description":"The provided access grant is invalid, expired, or revoked (e.g. invalid assertion, expired authorization token, bad end-user password credentials, or mismatching authorization code and redirection URI)."}',
        ].join('\n'),
      ),
    ).toEqual(['zendesk:invalid_grant']);
    expect(zendesk('POST https://yoursubdomain.zendesk.com/oauth/tokens -> 400 {"error":"invalid_grant"}')).toEqual([
      'zendesk:invalid_grant',
    ]);
  });

  it('without a Zendesk clue it is no Zendesk error', () => {
    expect(zendesk('POST /oauth/tokens -> 400 {"error":"invalid_grant"}')).toEqual([]);
    expect(confident('POST /oauth/tokens -> 400 {"error":"invalid_grant"}')).toEqual(['oauth2:invalid_grant']);
  });
});

describe('ordinary lines with the same words', () => {
  it('are not read as these providers\u2019 errors', () => {
    for (const line of [
      'the user denied the authorization request, nothing to do',
      'invalid client id or secret',
      'HMRC VAT return submitted, grant_type refresh_token configured',
      'code is required for the given field',
      'The requested scope exceeds what the client may ask for',
      'eBay listing scope: invalid entries were skipped',
      'Zendesk ticket 4411: grant request was invalid, customer re-sent the form',
    ]) {
      expect([...hmrc(line), ...ebay(line), ...zendesk(line)], line).toEqual([]);
    }
  });
});
