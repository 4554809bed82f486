import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// eBay, Etsy, Square, Zendesk, Mailchimp and Yandex OAuth as their authorization errors show up in public issue
// threads and forums: each sample is text people pasted there (the thread above it; tokens and ids redacted as
// posted, long traces cut), then ordinary lines with the same codes or words that must not be read as these
// providers' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) =>
  confidentAmong(resolver, text, ['ebay', 'etsy', 'square', 'zendesk', 'mailchimp', 'yandex']);

describe('eBay', () => {
  it("the token endpoint's invalid_grant for a code and for a refresh token", () => {
    // https://github.com/rjdavis3/ebay-sdk/issues/23
    expect(
      ours(
        '{"error":"invalid_grant","error_description":"the provided authorization grant code is invalid or was issued to another client"}',
      ),
    ).toEqual(['ebay:invalid_grant']);
    // https://github.com/hendt/ebay-api/issues/77 (the title)
    const found = ours(
      "Error [EbayApiError]: IAF token supplied is invalid. / 'invalid_grant' / 'the provided authorization refresh token is invalid or was issued to another client'",
    );
    expect(found).toContain('ebay:21916984');
    expect(found).toContain('ebay:invalid_grant');
  });

  it('the REST APIs’ errorIds, on one line and pretty-printed', () => {
    // https://github.com/bhushankummar/eBay-node-client/issues/13
    expect(
      confident('But getting Invalid access token. Check the value of the Authorization HTTP request header.'),
    ).toEqual(['ebay:1001']);
    // https://note.com/yuinami/n/n4e0ad506ad9c
    const missing = [
      '{',
      '  "errors" : [ {',
      '    "errorId" : 1002,',
      '    "domain" : "OAuth",',
      '    "category" : "REQUEST",',
      '    "message" : "Missing access token",',
      '    "longMessage" : "Access token is missing in the Authorization HTTP request header."',
      '  } ]',
      '}',
    ].join('\n');
    expect(ours(missing)).toEqual(['ebay:1002']);
  });

  it("the Trading API's 931 and 21916984", () => {
    // https://github.com/davidtsadler/ebay-sdk-php/issues/143
    expect(
      confident('Error: Auth token is invalid. Validation of the authentication token in API request failed.'),
    ).toEqual(['ebay:931']);
  });

  it('looks up the codes and messages', () => {
    expect(best('ebay invalid_grant')).toBe('ebay:invalid_grant');
    expect(best('IAF token supplied is invalid')).toBe('ebay:21916984');
    expect(best('Auth token is hard expired')).toBe('ebay:932');
    expect(best('ebay 1100')).toBe('ebay:1100');
    expect(best('invalid_grant')).toBe('oauth2:invalid_grant');
  });

  it("does not read other servers' codes or numbers as eBay's", () => {
    expect(ours('{"error":"invalid_client","error_description":"client authentication failed"}')).toEqual([]);
    expect(ours('websocket closed with code 1001 (going away)')).toEqual([]);
    expect(ours('403 Forbidden: Access denied')).toEqual([]);
    expect(ours('processed 932 rows, 931 skipped')).toEqual([]);
  });
});

describe('Etsy Open API v3', () => {
  it('invalid_token and then invalid_grant on refresh, beside the token endpoint', () => {
    // https://github.com/etsy/open-api/issues/519
    const paste = [
      '{',
      '    "error": "invalid_grant",',
      '    "error_description": "refresh_token is revoked"',
      '}',
      '[https://api.etsy.com/v3/public/oauth/token](https://api.etsy.com/v3/public/oauth/token)',
    ].join('\n');
    expect(ours(paste)).toEqual(['etsy:invalid_grant']);
  });

  it('the shared secret now required in x-api-key', () => {
    // https://github.com/anitabyte/etsyv3/issues/31
    expect(
      confident(
        "Error message response from all API calls:\n{'error': 'Shared secret is required in x-api-key header.'}",
      ),
    ).toEqual(['etsy:etsy-shared-secret-required']);
  });

  it("the authorization page's redirect URL refusal", () => {
    // https://github.com/etsy/open-api/issues/331
    expect(ours('An error occurred\nThe requested redirect URL is not permitted.')).toEqual([
      'etsy:etsy-redirect-url-not-permitted',
    ]);
  });

  it('looks up Etsy readings when Etsy is named', () => {
    expect(best('etsy invalid_token')).toBe('etsy:invalid_token');
    expect(best('etsy refresh_token is revoked')).toBe('etsy:invalid_grant');
  });

  it("leaves Zoom's sentences and bare codes alone", () => {
    expect(ours('{"error":"invalid_token","error_description":"access token is expired"}')).toEqual([]);
    expect(best('Access token is expired.')).toBe('zoom:124');
    expect(ours("{'error': 'invalid_request', 'error_description': 'grant_type is required'}")).toEqual([]);
  });
});

describe('Square', () => {
  it('UNAUTHORIZED with the Authorization header detail', () => {
    // https://github.com/NikolaGavric94/laravel-square/issues/67
    expect(
      confident(
        '[HTTP/2 401] {"errors": [{"code": "UNAUTHORIZED","detail": "The `Authorization` http header of your request was incorrect or expired. The header value is expected to be of the format \\"Bearer TOKEN\\" (without quotation marks), where TOKEN is a valid access token (e.g. \\"Bearer ABC123def456GHI789jkl0\\"). For more information, see https://developer.squareup.com/docs/build-basics/using-rest-api#__set-the-headers__ .","category": "AUTHENTICATION_ERROR"}]}',
      ),
    ).toEqual(['square:UNAUTHORIZED']);
  });

  it('INSUFFICIENT_SCOPES as an SDK exception and as a forum question', () => {
    // https://developer.squareup.com/forums/t/permission-getting-removed-insufficient-scope-issue/26291
    expect(
      confident(
        'SquareApiException while updating order [{"errors":[{"category":"AUTHENTICATION_ERROR","code":"INSUFFICIENT_SCOPES","detail":"The merchant has not given your application sufficient permissions to do that. The merchant must authorize your application for the following scopes: ORDERS_READ"}]}]',
      ),
    ).toEqual(['square:INSUFFICIENT_SCOPES']);
    // https://developer.squareup.com/forums/t/how-do-i-set-api-permissions-scope/3292
    expect(
      confident(
        'https://connect.squareup.com/v2/locations returns an error INSUFFICIENT_SCOPES The merchant must authorize your application for the following scopes: MERCHANT_PROFILE_READ. Where do I set up this scope?',
      ),
    ).toEqual(['square:INSUFFICIENT_SCOPES']);
  });

  it('ACCESS_TOKEN_EXPIRED in a WooCommerce order note', () => {
    // https://wordpress.org/support/?p=14328674
    expect(
      ours(
        'Square Payment Failed (Status code ACCESS_TOKEN_EXPIRED: The provided OAuth access token has expired. You must renew the access token via the Renew Access Token endpoint.) Order status changed from Pending payment to Failed.',
      ),
    ).toEqual(['square:ACCESS_TOKEN_EXPIRED']);
  });

  it('looks up the codes', () => {
    expect(best('INSUFFICIENT_SCOPES')).toBe('square:INSUFFICIENT_SCOPES');
    expect(best('ACCESS_TOKEN_REVOKED')).toBe('square:ACCESS_TOKEN_REVOKED');
    expect(best('square ACCESS_TOKEN_EXPIRED')).toBe('square:ACCESS_TOKEN_EXPIRED');
  });

  it("does not read other services' 401s or OkHttp traces as Square's", () => {
    expect(ours('HTTP/1.1 401 UNAUTHORIZED')).toEqual([]);
    expect(ours('{"code":"UNAUTHORIZED","message":"Unauthorized"}')).toEqual([]);
    expect(
      ours(
        'retrofit2.HttpException: HTTP 401 UNAUTHORIZED\n    at com.squareup.okhttp3.internal.http.RetryAndFollowUpInterceptor.intercept(RetryAndFollowUpInterceptor.kt:76)',
      ),
    ).toEqual([]);
    expect(ours('error=access_denied&error_description=The+user+denied+the+request')).toEqual([]);
  });
});

describe('Zendesk', () => {
  it('invalid_token from zenpy and zdesk', () => {
    // https://github.com/facetoe/zenpy/issues/463
    expect(
      ours(
        'zenpy.lib.exception.APIException: {"error": "invalid_token", "error_description": "The access token provided is expired, revoked, malformed or invalid for other reasons."}',
      ),
    ).toEqual(['zendesk:invalid_token']);
    // https://github.com/fprimex/zdesk/issues/58
    expect(
      ours(
        `"zdesk.zdesk.AuthenticationError: '401: b\\'{"error":"invalid_token","error_description":"The access token provided is expired, revoked, malformed or invalid for other reasons."}\\' <Response [401]>' "`,
      ),
    ).toEqual(['zendesk:invalid_token']);
  });

  it('looks up the messages', () => {
    expect(best("Couldn't authenticate you")).toBe('zendesk:zendesk-couldnt-authenticate');
    expect(best('zendesk invalid_token')).toBe('zendesk:invalid_token');
    expect(best('You are missing the following required scopes: read')).toBe('zendesk:zendesk-missing-scopes');
  });

  it("does not read X's or a Rails server's answers as Zendesk's", () => {
    expect(ours('{"errors":[{"code":32,"message":"Could not authenticate you."}]}')).toEqual([]);
    expect(
      ours(
        '{"error":"invalid_token","error_description":"The access token provided is expired, revoked, malformed or invalid for other reasons."}',
      ),
    ).toEqual([]);
  });
});

describe('Mailchimp', () => {
  it('API Key Invalid as the WooCommerce and Magento plugins log it', () => {
    // https://github.com/mailchimp/mc-woocommerce/issues/341
    expect(
      confident(
        "Mailchimp says: API Request Error - 401 :: API Key Invalid :: Your API key may be invalid, or you've attempted to access the wrong datacenter. on 1540 in /app/wp-content/plugins/mailchimp-for-woocommerce/includes/api/class-mailchimp-api.php",
      ),
    ).toEqual(['mailchimp:APIKeyInvalid']);
    // https://github.com/mailchimp/mc-magento/issues/1042
    expect(
      confident(
        `MailChimp_Error: API Key Invalid for Api Call: {"is_syncing":true} - Your API key may be invalid, or you've attempted to access the wrong datacenter. in lib/Ebizmarts/MailChimp.php:381`,
      ),
    ).toEqual(['mailchimp:APIKeyInvalid']);
  });

  it('the problem document, pretty-printed', () => {
    // https://github.com/mailchimp/mc-woocommerce/issues/646
    const paste = [
      '{',
      "  type: 'http://developer.mailchimp.com/documentation/mailchimp/guides/error-glossary/',",
      "  title: 'API Key Invalid',",
      '  status: 401,',
      `  detail: "Your API key may be invalid, or you've attempted to access the wrong datacenter.",`,
      "  instance: '[Not Showing]'",
      '}',
    ].join('\n');
    expect(ours(paste)).toEqual(['mailchimp:APIKeyInvalid']);
  });

  it('API Key Missing', () => {
    // https://github.com/mailchimp/mc-magento2/issues/442 (the title)
    expect(
      confident(
        'main.CRITICAL: API Key Missing for Api Call: https://usxx.api.mailchimp.com/3.0/lists//merge-fields - Your request did not include an API key.',
      ),
    ).toEqual(['mailchimp:APIKeyMissing']);
  });

  it('looks up the error types', () => {
    expect(best('APIKeyInvalid')).toBe('mailchimp:APIKeyInvalid');
    expect(best('API Key Invalid')).toBe('mailchimp:APIKeyInvalid');
    expect(best('WrongDatacenter')).toBe('mailchimp:WrongDatacenter');
  });

  it("does not read other services' API key errors as Mailchimp's", () => {
    expect(ours('{"error":"Invalid API key"}')).toEqual([]);
    expect(ours('401 Unauthorized: API key missing')).toEqual([]);
  });
});

describe('Yandex OAuth', () => {
  it('invalid_grant Code has expired from the Auth.js Yandex provider', () => {
    // https://github.com/nextauthjs/next-auth/issues/11611 (the title and the comment's error line)
    const paste = [
      'Yandex provider + Adaptor issue (invalid_grant(code has expired))',
      "- error { error: 'invalid_grant', error_description: 'Code has expired' }",
    ].join('\n');
    expect(ours(paste)).toContain('yandex:invalid_grant');
  });

  it('looks up Yandex readings when Yandex is named', () => {
    expect(best('yandex invalid_grant')).toBe('yandex:invalid_grant');
    expect(best('yandex unauthorized_client')).toBe('yandex:unauthorized_client');
    expect(best('bad_verification_code')).toBe('github:bad_verification_code');
  });

  it("leaves other servers' standard codes alone", () => {
    expect(ours('{"error":"invalid_grant","error_description":"Code has expired"}')).toEqual([]);
    // https://github.com/7even/vkontakte_api/issues/38 (VK's, not Yandex's)
    expect(
      ours(
        'invalid_grant: Code is invalid or expired. {"error":"invalid_grant","error_description":"Code is invalid or expired."}',
      ),
    ).toEqual([]);
  });
});
