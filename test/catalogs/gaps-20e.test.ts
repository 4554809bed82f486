import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the Stripe, Shopify, Box and HubSpot catalogs: API key and webhook signature errors, session tokens,
// API refusals and app install pages. Every sample is written for this test (fake keys, accounts, stores and hosts),
// in the shape the service or library prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe('Stripe: webhook signatures (StripeSignatureVerificationError)', () => {
  it('the raw body sentence in a Node log', () => {
    // written for this test
    const log = [
      '2026-12-20T10:00:00.000Z webhook error:',
      'StripeSignatureVerificationError: No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? ',
      '    at validateComputedSignature (/srv/shop/node_modules/stripe/cjs/Webhooks.js:150:19)',
    ].join('\n');
    expect(sure(log)).toEqual(['stripe:webhook-signature-mismatch strong']);
    expect(firstLookup('stripe no signatures found matching the expected signature for payload')).toMatch(
      /^stripe:webhook-signature-mismatch /,
    );
  });

  it('the timestamp tolerance beside the class name', () => {
    // written for this test
    expect(sure('StripeSignatureVerificationError: Timestamp outside the tolerance zone')).toEqual([
      'stripe:webhook-signature-header strong',
    ]);
    expect(firstLookup('stripe webhook timestamp outside the tolerance zone')).toMatch(
      /^stripe:webhook-signature-header /,
    );
  });
});

describe('Stripe: keys refused by the API', () => {
  it('a publishable key on the server', () => {
    // written for this test
    const body =
      '{"error":{"message":"This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.","type":"invalid_request_error"}} (api.stripe.com/v1/payment_intents)';
    expect(sure(body)).toEqual(['stripe:secret_key_required strong']);
    expect(firstLookup('stripe this API call cannot be made with a publishable API key')).toMatch(
      /^stripe:secret_key_required /,
    );
  });

  it('a connected account the key cannot reach', () => {
    // written for this test
    const err =
      "StripePermissionError: The provided key 'sk_test_********************wxyz' does not have access to account 'acct_1Fake000Example' (or that account does not exist). Application access may have been revoked.";
    expect(sure(err)).toEqual(['stripe:account_invalid strong']);
    expect(firstLookup('stripe provided key does not have access to account')).toMatch(/^stripe:account_invalid /);
  });
});

describe('Shopify: session tokens and the shop parameter (@shopify/shopify-api)', () => {
  it('a session token that does not verify', () => {
    // written for this test
    const log =
      "[shopify-api/ERROR] InvalidJwtError: Failed to parse session token 'eyJhbGciOiJIUzI1NiJ9.e30.fake': signature verification failed";
    expect(sure(log)).toEqual(['shopify:InvalidJwtError strong']);
    expect(sure('[shopify-api/ERROR] InvalidJwtError: Session token had invalid API key')).toEqual([
      'shopify:InvalidJwtError strong',
    ]);
    expect(firstLookup('shopify failed to parse session token')).toMatch(/^shopify:InvalidJwtError /);
  });

  it('no Bearer token, and an invalid shop', () => {
    expect(sure('MissingJwtTokenError: Missing Bearer token in authorization header')).toEqual([
      'shopify:MissingJwtTokenError strong',
    ]);
    expect(firstLookup('shopify missing bearer token in authorization header')).toMatch(
      /^shopify:MissingJwtTokenError /,
    );
    // written for this test
    expect(
      sure(
        'InvalidShopError: Received invalid shop argument\n    at sanitizeShop (/app/node_modules/@shopify/shopify-api/lib/utils/shop-validator.js:30:19)',
      ),
    ).toEqual(['shopify:InvalidShopError strong']);
    expect(firstLookup('shopify received invalid shop argument')).toMatch(/^shopify:InvalidShopError /);
  });
});

describe('Box: API refusals', () => {
  it('insufficient permission and insufficient scope bodies', () => {
    // written for this test
    const denied =
      'BoxAPIError: 403 {"type":"error","status":403,"code":"access_denied_insufficient_permissions","help_url":"http://developers.box.com/docs/#errors","message":"Access denied - insufficient permission","request_id":"fake0123abcd"}';
    expect(sure(denied)).toEqual(['box:access_denied_insufficient_permissions strong']);
    expect(firstLookup('box access denied insufficient permission')).toMatch(
      /^box:access_denied_insufficient_permissions /,
    );
    // written for this test
    const scope =
      'GET https://api.box.com/2.0/users 403 {"type":"error","status":403,"code":"insufficient_scope","message":"The request requires higher privileges than provided by the access token."}';
    expect(sure(scope)).toEqual(['box:insufficient_scope strong']);
  });

  it('an origin missing from the CORS domains', () => {
    expect(
      sure('403 Access denied - Did you forget to safelist your origin in the CORS configuration of your app?'),
    ).toEqual(['box:cors_origin_not_whitelisted strong']);
    expect(firstLookup('box did you forget to safelist your origin')).toMatch(/^box:cors_origin_not_whitelisted /);
  });
});

describe('HubSpot: the install page', () => {
  it('insufficient scopes and a redirect_uri mismatch', () => {
    expect(
      sure("Couldn't complete the connection\nInsufficient scopes were provided. Please contact the app developer."),
    ).toEqual(['hubspot:install-insufficient-scopes strong']);
    expect(firstLookup('hubspot insufficient scopes were provided')).toMatch(/^hubspot:install-insufficient-scopes /);
    expect(
      sure(
        "Couldn't complete the connection\nThe redirect_uri doesn't match the client registered redirect_uri. Please contact the app developer.",
      ),
    ).toEqual(['hubspot:install-redirect-uri-mismatch strong']);
    expect(firstLookup("hubspot redirect_uri doesn't match the client registered redirect_uri")).toMatch(
      /^hubspot:install-redirect-uri-mismatch /,
    );
  });
});
