import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// The Coinbase App API, HMRC's APIs (Making Tax Digital), Asana, Webex, Calendly and Pipedrive as their authorization
// errors show up in public issue threads: each sample is text people pasted there (the thread beside it; tokens
// redacted as posted), then lookups of the codes and ordinary lines with the same codes or words that must not be
// read as these providers' errors. Webex's, Calendly's and Pipedrive's 401 bodies are checked by lookup and with the
// provider's host beside them (no public thread quoting them was found).
const resolver = useShippedResolver();

const PROVIDERS = ['coinbase', 'hmrc', 'asana', 'webex', 'calendly', 'pipedrive'];
const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, PROVIDERS);

describe('Coinbase', () => {
  it('invalid_token and authentication_error beside the Coinbase name or API host', () => {
    // https://github.com/ccxt/ccxt/issues/19994 (the title)
    expect(
      ours('Coinbase / Cloudflare {"errors":[{"id":"invalid_token","message":"The access token is invalid"}]}'),
    ).toEqual(['coinbase:invalid_token']);
    // https://github.com/ccxt/ccxt/issues/8301
    expect(
      confident('`coinbase {"errors":[{"id":"authentication_error","message":"request timestamp expired"}]}`'),
    ).toEqual(['coinbase:authentication_error']);
  });

  it('expired_token in a Coinbase client', () => {
    // https://github.com/bchavez/Coinbase/issues/40
    const paste = [
      "When a user's token expires the server will return 401 Error with an id  expired_token,",
      'Send a request to the Coinbase OAuthEndpoint',
      'POST https://api.coinbase.com/oauth/token',
    ].join('\n');
    expect(ours(paste)).toEqual(['coinbase:expired_token']);
  });

  it('looks up the ids', () => {
    expect(best('coinbase expired_token')).toBe('coinbase:expired_token');
    expect(best('coinbase revoked_token')).toBe('coinbase:revoked_token');
    expect(best('coinbase invalid_scope')).toBe('coinbase:invalid_scope');
    expect(best('coinbase two_factor_required')).toBe('coinbase:two_factor_required');
    // The bare standard codes stay the standard's, and other libraries keep theirs.
    expect(best('expired_token')).toBe('oauth2:expired_token');
    expect(best('revoked_token')).toBe('express-jwt:revoked_token');
  });

  it("does not read other services' token errors as Coinbase's", () => {
    expect(ours('{"error":"invalid_token","error_description":"The access token is invalid"}')).toEqual([]);
    expect(ours('UnauthorizedError: revoked_token')).toEqual([]);
    expect(ours('{"error":"invalid_scope"}')).toEqual([]);
    expect(ours('authentication_error: bad password for user admin')).toEqual([]);
  });
});

describe('HMRC (Making Tax Digital)', () => {
  it('INVALID_CREDENTIALS from the API Platform, escaped inside a client log', () => {
    // https://github.com/hmrc/api-example-nodejs-client/issues/11
    expect(
      ours(
        '{"status":401,"response":{"req":{"method":"GET","url":"https://test-api.service.hmrc.gov.uk/hello/application","headers":{"accept":"application/vnd.hmrc.1.0+json","authorization":"Bearer SERVER_TOKEN_HERE"}},"header":{"content-type":"application/json","www-authenticate":"Bearer realm=\\"HMRC API Platform\\""},"status":401,"text":"{\\"code\\": \\"INVALID_CREDENTIALS\\", \\"message\\": \\"Invalid Authentication information provided\\"}"}}',
      ),
    ).toEqual(['hmrc:hmrc-invalid-credentials']);
  });

  it('INVALID_SCOPE pretty-printed under the endpoint, and on one line', () => {
    // https://github.com/hmrc/self-assessment-api/issues/800
    const pretty = [
      'Endpoint URl: https://test-api.service.hmrc.gov.uk/hello/user',
      'Response received:',
      '{',
      '    "code": "INVALID_SCOPE",',
      '    "message": "Can not access the required resource. Ensure this token has all the required scopes."',
      '}',
    ].join('\n');
    expect(ours(pretty)).toEqual(['hmrc:INVALID_SCOPE']);
    // https://github.com/hmrc/vat-api/issues/518
    expect(
      ours(
        'I have this but I am receiving { "code" : "INVALID_SCOPE", "message" : "Can not access the required resource. Ensure this token has all the required scopes." } ??',
      ),
    ).toEqual(['hmrc:INVALID_SCOPE']);
  });

  it('MISSING_CREDENTIALS and CLIENT_OR_AGENT_NOT_AUTHORISED from the VAT API', () => {
    // https://github.com/hmrc/vat-api/issues/300
    const missing = [
      'After getting a token I am trying to retrieve liabilities using APIs. However I get this message: **{ "code" : "MISSING_CREDENTIALS", "message" : "Authentication information is not provided" }**',
      'I am sending this information:  https://test-api.service.hmrc.gov.uk/organisations/vat/666429721/liabilities?&from=2017-04-05&to=2017-12-21',
    ].join('\n');
    expect(ours(missing)).toEqual(['hmrc:MISSING_CREDENTIALS']);
    // https://github.com/hmrc/vat-api/issues/390
    expect(
      confident(
        '"status":403,"text":"{\\"code\\":\\"CLIENT_OR_AGENT_NOT_AUTHORISED\\",\\"message\\":\\"The client and/or agent is not authorised.\\"}"}}',
      ),
    ).toEqual(['hmrc:CLIENT_OR_AGENT_NOT_AUTHORISED']);
  });

  it('looks up the codes', () => {
    expect(best('CLIENT_OR_AGENT_NOT_AUTHORISED')).toBe('hmrc:CLIENT_OR_AGENT_NOT_AUTHORISED');
    expect(best('INCORRECT_ACCESS_TOKEN_TYPE')).toBe('hmrc:INCORRECT_ACCESS_TOKEN_TYPE');
    expect(best('MISSING_CREDENTIALS')).toBe('hmrc:MISSING_CREDENTIALS');
    expect(best('hmrc INVALID_CREDENTIALS')).toBe('hmrc:hmrc-invalid-credentials');
    expect(best('hmrc INVALID_SCOPE')).toBe('hmrc:INVALID_SCOPE');
    expect(best('Can not access the required resource, Ensure this token has all the required scopes.')).toBe(
      'hmrc:INVALID_SCOPE',
    );
    expect(best('invalid_scope')).toBe('oauth2:invalid_scope');
  });

  it("does not read other gateways' credential errors as HMRC's", () => {
    // WSO2 API Manager's 900901 and Keycloak's INVALID_CREDENTIALS carry the same words.
    expect(ours('900901 Invalid credentials Invalid authentication information provided')).toEqual([]);
    expect(ours('INVALID_CREDENTIALS: Invalid client credentials')).toEqual([]);
    expect(ours('401 Unauthorized The authentication information is not provided or is incorrect.')).toEqual([]);
    expect(ours('{"code":"RESOURCE_FORBIDDEN","message":"Forbidden"}')).toEqual([]);
  });
});

describe('Asana', () => {
  it('forbidden_scopes and the redirect_uri refusal of its authorization page', () => {
    // https://github.com/amp-labs/connectors/issues/3356
    expect(
      confident(
        'forbidden_scopes: Your app is not allowed to request user authorization for `default identity` scopes.',
      ),
    ).toEqual(['asana:forbidden_scopes']);
    // https://github.com/anthropics/claude-code/issues/58091
    const mcp = [
      'Authenticating the Asana MCP connector fails with an OAuth `invalid_request` error from Asana:',
      '> invalid_request: The `redirect_uri` parameter does not match a valid url for the application.',
    ].join('\n');
    expect(ours(mcp)).toEqual(['asana:invalid_request']);
    // https://github.com/Asana/node-asana/issues/239 (the title)
    expect(
      ours('invalid_request: The `redirect_uri` parameter does not match a valid url for the application.'),
    ).toEqual(['asana:invalid_request']);
  });

  it('looks up its errors', () => {
    expect(best('forbidden_scopes')).toBe('asana:forbidden_scopes');
    expect(best('asana invalid_request')).toBe('asana:invalid_request');
    expect(best('asana 401 Not Authorized')).toBe('asana:asana-not-authorized');
    expect(best('invalid_request')).toBe('oauth2:invalid_request');
  });

  it("does not read other servers' refusals as Asana's", () => {
    expect(ours('error=invalid_request&error_description=Invalid+parameter%3A+redirect_uri')).toEqual([]);
    expect(ours('{"errors":[{"message":"Not Authorized"}]}')).toEqual([]);
    // https://github.com/hoppscotch/hoppscotch/issues/637 (Firebase's, not Asana's)
    expect(best('Info: The current domain is not authorized for OAuth operations Error')).toBe(
      'firebase-auth:auth/unauthorized-domain',
    );
  });
});

describe('Webex, Calendly and Pipedrive', () => {
  it("reads each API's 401 body beside its host", () => {
    expect(
      confident(
        'GET https://webexapis.com/v1/rooms 401 {"message":"The request requires a valid access token set in the Authorization request header.","errors":[{"description":"The request requires a valid access token set in the Authorization request header."}],"trackingId":"ROUTER_5E708612-B906-01BB-2E6D-6B0D98D52E6D"}',
      ),
    ).toEqual(['webex:webex-invalid-access-token']);
    expect(
      ours(
        'GET https://api.calendly.com/users/me 401 {"title":"Unauthenticated","message":"The access token is invalid"}',
      ),
    ).toEqual(['calendly:calendly-unauthenticated']);
    expect(
      ours(
        '{"success":false,"error":"unauthorized access","errorCode":401,"error_info":"Please check developers.pipedrive.com"}',
      ),
    ).toEqual(['pipedrive:pipedrive-unauthorized-access']);
  });

  it('looks up their errors', () => {
    expect(best('The request requires a valid access token set in the Authorization request header.')).toBe(
      'webex:webex-invalid-access-token',
    );
    expect(best('Please upgrade your Calendly account to Standard')).toBe('calendly:calendly-permission-denied');
    expect(best('calendly Unauthenticated')).toBe('calendly:calendly-unauthenticated');
    expect(best('pipedrive unauthorized access')).toBe('pipedrive:pipedrive-unauthorized-access');
    // Google's UNAUTHENTICATED keeps the bare word.
    expect(best('Unauthenticated')).toBe('google:UNAUTHENTICATED');
  });

  it('leaves the same words alone without their clues', () => {
    expect(ours('{"title":"Unauthenticated","message":"The access token is invalid"}')).toEqual([]);
    expect(ours('ERROR unauthorized access to /admin')).toEqual([]);
    expect(ours('{"error":"access denied","message":"a valid access token is required"}')).toEqual([]);
    expect(readingsOf(resolver, 'ERROR unauthorized access to /admin')).toEqual([]);
  });
});
