import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Pipedrive's and Calendly's own readings of standard RFC 6749 codes at their token endpoints. No public thread in
// reach shows these answers, so each sample is the response as the provider's documentation shows it (status, the
// endpoint it comes from and its message), with the page above it. The same codes without the provider's clue stay
// the standard entries, and node-oauth2-server's own sentences, which Pipedrive's messages resemble, stay that
// library's.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('Pipedrive token endpoint (oauth.pipedrive.com/oauth/token)', () => {
  it('invalid_grant: a code past its 5 minutes, a refresh token already exchanged', () => {
    // https://pipedrive.readme.io/docs/marketplace-oauth-and-api-proxy-status-codes
    expect(
      confident(
        [
          'POST https://oauth.pipedrive.com/oauth/token -> 400 Bad Request',
          'Invalid grant: authorization_code has expired',
        ].join('\n'),
      ),
    ).toEqual(['pipedrive:invalid_grant']);
    expect(
      confident(
        [
          'POST https://oauth.pipedrive.com/oauth/token (grant_type=refresh_token) -> 400',
          '{"error":"invalid_grant","error_description":"Invalid grant: refresh_token is invalid"}',
        ].join('\n'),
      ),
    ).toEqual(['pipedrive:invalid_grant']);
  });

  it('invalid_client, invalid_request and unsupported_grant_type with the host', () => {
    // https://pipedrive.readme.io/docs/marketplace-oauth-and-api-proxy-status-codes
    expect(
      confident(
        [
          'POST https://oauth.pipedrive.com/oauth/token -> 400',
          '{"error":"invalid_client","error_description":"Invalid client: client is invalid"}',
        ].join('\n'),
      ),
    ).toEqual(['pipedrive:invalid_client']);
    expect(
      confident(
        [
          'POST https://oauth.pipedrive.com/oauth/token -> 400',
          '{"error":"invalid_request","error_description":"Invalid request: redirect_uri is invalid"}',
        ].join('\n'),
      ),
    ).toEqual(['pipedrive:invalid_request']);
    expect(
      confident(
        [
          'POST https://oauth.pipedrive.com/oauth/token grant_type=client_credentials -> 400',
          '{"error":"unsupported_grant_type","error_description":"Unsupported grant type: grant_type is invalid"}',
        ].join('\n'),
      ),
    ).toEqual(['pipedrive:unsupported_grant_type']);
  });

  it('the bare codes, and node-oauth2-server\u2019s sentences, are not Pipedrive\u2019s', () => {
    expect(confident('POST /oauth/token -> 400 {"error":"invalid_grant"}')).toEqual(['oauth2:invalid_grant']);
    expect(confident('POST /oauth/token -> 401 {"error":"invalid_client"}')).toEqual(['oauth2:invalid_client']);
    expect(confident('POST /oauth/token -> 400 {"error":"unsupported_grant_type"}')).toEqual([
      'oauth2:unsupported_grant_type',
    ]);
    expect(confident('Invalid grant: authorization code has expired')).not.toContain('pipedrive:invalid_grant');
  });
});

describe('Calendly token endpoint (auth.calendly.com/oauth/token)', () => {
  it('invalid_grant: a single-use refresh token sent again', () => {
    // https://developer.calendly.com/docs/authentication/refresh-token-rotation-guide
    expect(
      confident(
        [
          'POST https://auth.calendly.com/oauth/token grant_type=refresh_token -> 400',
          '{"error":"invalid_grant"}',
        ].join('\n'),
      ),
    ).toEqual(['calendly:invalid_grant']);
  });

  it('the bare code stays the standard invalid_grant', () => {
    expect(confident('refresh failed: POST /oauth/token -> 400 {"error":"invalid_grant"}')).toEqual([
      'oauth2:invalid_grant',
    ]);
  });
});
