import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Login with Amazon (LWA, for Alexa and the Selling Partner API), PayPal, Reddit, Yahoo and Pinterest as their
// OAuth and API authorization errors show up in public issue threads: each sample is text people pasted there
// (the thread above it; tokens and ids redacted, long traces cut), then ordinary lines with similar words that
// must not be read as these providers' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['amazon', 'paypal', 'reddit', 'yahoo', 'pinterest']);

describe('Login with Amazon (LWA)', () => {
  it("the token endpoint's invalid_grant for a code and for a refresh token", () => {
    // https://github.com/amzn/amazon-advertising-api-php-sdk/issues/8
    expect(
      confident('{"error_description":"The request has an invalid grant parameter : code","error":"invalid_grant"}'),
    ).toEqual(['amazon:invalid_grant']);
    // https://github.com/amzn/selling-partner-api-docs/issues/2379
    expect(
      confident(
        `{"error_description":"The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.","error":"invalid_grant"`,
      ),
    ).toEqual(['amazon:invalid_grant']);
    // https://github.com/amzn/selling-partner-api-docs/issues/268 (the title, under the endpoint it names)
    const refresh = [
      'I am using this endpoint: https://api.amazon.com/auth/o2/token',
      '{"error_description":"The request has an invalid grant parameter : refresh_token","error":"invalid_grant"}',
    ].join('\n');
    expect(confident(refresh)).toEqual(['amazon:invalid_grant']);
  });

  it('invalid_client from the SP-API SDKs, and unauthorized_client from the AVS sample app', () => {
    // https://github.com/amzn/selling-partner-api-docs/issues/499
    expect(
      confident("sp_api.auth.exceptions.AuthorizationError: ('invalid_client', 'Client authentication failed', 401)"),
    ).toEqual(['amazon:invalid_client']);
    // https://github.com/jrl84/amazon-sp-api/issues/34
    const node = [
      'CustomError: Client authentication failed',
      '    at SellingPartner.refreshAccessToken (E:\\sp-api\\node_modules\\amazon-sp-api\\lib\\SellingPartner.js:378:13)',
      '    at processTicksAndRejections (internal/process/task_queues.js:93:5)',
      "  code: 'invalid_client',",
    ].join('\n');
    expect(confident(node)).toEqual(['amazon:invalid_client']);
    // https://github.com/alexa/alexa-avs-sample-app/issues/663
    expect(
      confident(
        '{"error":"LWA_ERROR","message":"{\\"error_description\\":\\"Not authorized for requested operation\\",\\"error\\":\\"unauthorized_client\\"}"}',
      ),
    ).toEqual(['amazon:unauthorized_client']);
  });

  it("invalid_request for a malformed code, and the SP-API's 403 for a revoked access token", () => {
    // https://github.com/bshaffer/oauth2-server-php/issues/939 (a request to api.amazon.com/auth/o2/token)
    expect(
      confident('{"error_description":"The request has an invalid parameter : code","error":"invalid_request"}'),
    ).toEqual(['amazon:invalid_request']);
    expect(
      confident(
        '{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":"The access token you provided is revoked, malformed or invalid."}]}',
      ),
    ).toEqual(['amazon:sp-api-access-denied']);
  });

  it('looks up LWA codes by name and message', () => {
    expect(best('lwa invalid_grant')).toBe('amazon:invalid_grant');
    expect(best('The request has an invalid grant parameter : code')).toBe('amazon:invalid_grant');
    expect(best('amazon invalid_client')).toBe('amazon:invalid_client');
  });
});

describe('PayPal', () => {
  it("the token endpoint's invalid_client, logged by the PHP SDK", () => {
    // https://github.com/paypal/PayPal-PHP-SDK/issues/916
    const php =
      '[24-08-2017 09:15:49] PayPal\\Core\\PayPalHttpConnection : ERROR: Got Http response code 401 when accessing https://api.sandbox.paypal.com/v1/oauth2/token. {"error":"invalid_client","error_description":"Client Authentication failed"}';
    expect(confident(php)).toEqual(['paypal:invalid_client']);
    // https://github.com/paypal/PayPal-PHP-SDK/issues/1050 (the title)
    expect(
      confident(
        '{"error":"invalid_client","error_description":"Client Authentication failed"}PayPal\\Exception\\PayPalConnectionException: Got Http response code 401 when accessing https://api.paypal.com',
      ),
    ).toEqual(['paypal:invalid_client']);
  });

  it('unsupported_grant_type, invalid_token and Log In with PayPal access_denied', () => {
    // https://github.com/thephpleague/omnipay-paypal/issues/155
    const omnipay = [
      'Client error: `POST https://api.sandbox.paypal.com/v1/oauth2/token` resulted in a `400 Bad Request` response:',
      '{"error":"unsupported_grant_type","error_description":"Grant Type is NULL"}',
    ].join('\n');
    expect(confident(omnipay)).toEqual(['paypal:unsupported_grant_type']);
    // https://github.com/paypal/Checkout-Java-SDK/issues/24
    expect(confident('e:{"error":"invalid_token","error_description":"Access Token not found in cache"},')).toEqual([
      'paypal:invalid_token',
    ]);
    // https://github.com/paypal/paypal-sdk-client/issues/51
    expect(
      confident(
        '{"error_description":"Invalid authorization code","error":"access_denied","correlation_id":"2ac9f7fa4e099","information_link":"https://developer.paypal.com/docs/api/#errors"}',
      ),
    ).toEqual(['paypal:access_denied']);
  });

  it("the REST APIs' AUTHENTICATION_FAILURE, with and without its final period", () => {
    // https://github.com/paypal/PayPal-Java-SDK/issues/387
    expect(
      confident(
        '{"name":"AUTHENTICATION_FAILURE","message":"Authentication failed due to invalid authentication credentials or a missing Authorization header.","links":[{"href":"https://developer.paypal.com/docs/api/overview/#error","rel":"information_link"}]}',
      ),
    ).toEqual(['paypal:AUTHENTICATION_FAILURE']);
    // https://github.com/thinhvo0108/react-paypal-express-checkout/issues/51
    const pretty = [
      '{',
      '    "name": "AUTHENTICATION_FAILURE",',
      '    "debug_id": "84349096046be",',
      '    "message": "Authentication failed due to invalid authentication credentials or a missing Authorization header",',
      '}',
    ].join('\n');
    expect(confident(pretty)).toEqual(['paypal:AUTHENTICATION_FAILURE']);
    expect(best('paypal invalid_client')).toBe('paypal:invalid_client');
    expect(best('Grant Type is NULL')).toBe('paypal:unsupported_grant_type');
  });
});

describe('Reddit', () => {
  it("PRAW's invalid_grant and the authorize page's invalid client id", () => {
    // https://github.com/elebumm/RedditVideoMakerBot/issues/62 (the title)
    expect(confident('prawcore.exceptions.OAuthException: invalid_grant error processing request')).toEqual([
      'reddit:invalid_grant',
    ]);
    // https://github.com/shadowmoose/RedditDownloader/issues/295
    expect(confident('bad request (reddit.com)\nyou sent an invalid request\n— invalid client id.')).toEqual([
      'reddit:OAUTH2_INVALID_CLIENT',
    ]);
  });

  it('looks up Reddit codes', () => {
    expect(best('reddit invalid_grant')).toBe('reddit:invalid_grant');
    expect(best('invalid_grant error processing request')).toBe('reddit:invalid_grant');
    expect(best('OAUTH2_INVALID_REDIRECT_URI')).toBe('reddit:OAUTH2_INVALID_REDIRECT_URI');
  });
});

describe('Yahoo', () => {
  it("get_token's INVALID_REFRESH_TOKEN and the Fantasy API's oauth_problem answers", () => {
    // https://github.com/josuebrunel/yahoo-oauth/issues/51
    expect(
      confident(
        "ac_tkn {u'error_description': u'Failed to decode/encode refresh token', u'error': u'INVALID_REFRESH_TOKEN'}",
      ),
    ).toEqual(['yahoo:INVALID_REFRESH_TOKEN']);
    // https://github.com/whatadewitt/yahoo-fantasy-sports-api/issues/118
    expect(
      confident(
        '  "description": "Please provide valid credentials. OAuth oauth_problem=\\"token_rejected\\", realm=\\"yahooapis.com\\""',
      ),
    ).toEqual(['yahoo:token_rejected']);
    // https://github.com/whatadewitt/yahoo-fantasy-sports-api/issues/123
    expect(
      confident(
        '"description":"Please provide valid credentials. OAuth oauth_problem=\\"additional_authorization_required\\", realm=\\"yahooapis.com\\""',
      ),
    ).toEqual(['yahoo:additional_authorization_required']);
  });

  it("the sign-in page's 'Please specify a valid client'", () => {
    // https://github.com/uberfastman/yfpy/issues/28
    expect(
      confident(
        'Yahoo produces an error in the browser when trying to create the token.json file: `Developers: Please specify a valid client and submit again.`',
      ),
    ).toEqual(['yahoo:yahoo-invalid-client']);
    expect(best('yahoo INVALID_REFRESH_TOKEN')).toBe('yahoo:INVALID_REFRESH_TOKEN');
    expect(best('bearer_token_not_over_ssl')).toBe('yahoo:bearer_token_not_over_ssl');
  });
});

describe('Pinterest', () => {
  it("API v5's code 2 beside Pinterest's response headers, and code 283 from the token endpoint", () => {
    // https://github.com/pinterest/pinterest-python-generated-api-client/issues/31
    const v5 = [
      "HTTP response headers: HTTPHeaderDict({'Connection': 'keep-alive', 'x-pinterest-rid': '1337919202421304', 'Pinterest-Generated-By': 'tpp-api-canary-0a019891'})",
      'HTTP response body: {"code":2,"message":"Authentication failed.","status":"failure"}',
    ].join('\n');
    expect(confident(v5)).toEqual(['pinterest:pinterest-authentication-failed']);
    // https://github.com/pinterest/pinterest-python-sdk/issues/114
    expect(confident(`b'{"code":283,"message":"The authorization grant is invalid"}'`)).toEqual([
      'pinterest:pinterest-invalid-grant',
    ]);
    // https://github.com/pinterest/pinterest-api-demo/issues/16 (the title)
    expect(
      confident(
        '{"status":"failure","code":283,"data":"Invalid Application ID","message":"The authorization grant is invalid","endpoint_name":"oauth_connect"}',
      ),
    ).toEqual(['pinterest:pinterest-invalid-grant']);
    expect(best('pinterest 283')).toBe('pinterest:pinterest-invalid-grant');
  });
});

describe('not these providers', () => {
  it('ordinary lines with the same words are not sure findings of these providers', () => {
    expect(ours("fatal: Authentication failed for 'https://github.com/someone/repo-v.2.0.git/'")).toEqual([]);
    expect(ours('2024-05-01 12:03:29 ERROR ldap: Authorization failed. user=bob')).toEqual([]);
    expect(ours('Ordered from https://www.amazon.com/dp/B0000 and the API said {"error":"invalid_grant"}')).toEqual([]);
    expect(ours('See https://www.reddit.com/r/oauth/comments/abc/ then {"error":"invalid_grant"}')).toEqual([]);
    expect(ours('our checkout at https://www.paypal.com/checkoutnow failed: {"error":"invalid_client"}')).toEqual([]);
    expect(ours('nginx: invalid client id in request from 10.0.0.7')).toEqual([]);
    expect(ours('WARN token_rejected by upstream proxy, retrying')).toEqual([]);
    expect(ours('HTTP 429: You have exceeded your rate limit. Try again later.')).toEqual([]);
  });
});
