import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the Cognito, Clerk, Supabase, Dex, NetSuite TBA, Slack, Shopify, AppAuth, okta-jwt-verifier and
// thephpleague/oauth2-server catalogs. Every sample is written for this test (fake ids, hosts, paths and keys), in
// the shape the provider's answer or the software's source prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe("amazon-cognito-identity-js's CognitoUser constructor", () => {
  it('Username and Pool information are required, thrown in the browser and in older versions', () => {
    // written for this test
    const trace = [
      'Uncaught (in promise) Error: Username and Pool information are required.',
      '    at new CognitoUser (CognitoUser.js:77:1)',
      '    at confirmSignUp (auth.js:41:18)',
    ].join('\n');
    expect(sure(trace)).toEqual(['cognito:cognito-identity-js-user-missing-username-or-pool strong']);
    // the older aws/amazon-cognito-identity-js wording. written for this test
    expect(sure('Error: Username and pool information are required.')).toEqual([
      'cognito:cognito-identity-js-user-missing-username-or-pool strong',
    ]);
  });

  it('typed as its words', () => {
    expect(firstLookup('Username and Pool information are required')).toBe(
      'cognito:cognito-identity-js-user-missing-username-or-pool strong',
    );
  });
});

describe("Clerk's request state (authenticateRequest of @clerk/backend)", () => {
  it('the debug headers of a signed-out request', () => {
    // written for this test
    const headers = ['x-clerk-auth-status: signed-out', 'x-clerk-auth-reason: session-token-and-uat-missing'].join(
      '\n',
    );
    expect(sure(headers)).toEqual(['clerk:session-token-and-uat-missing exact']);
  });

  it('interstitial (before @clerk/backend 1.0) with the token verification reason', () => {
    // written for this test
    const headers = ['x-clerk-auth-status: interstitial', 'x-clerk-auth-reason: token-expired'].join('\n');
    expect(sure(headers)).toEqual(['clerk:token-expired exact']);
  });

  it("the handshake redirect's reason, with the refresh suffix and under its older name", () => {
    // written for this test
    const redirect =
      'Location: https://example-app-42.clerk.accounts.dev/v1/client/handshake?redirect_url=http%3A%2F%2Flocalhost%3A3000%2F&__clerk_hs_reason=session-token-expired-refresh-non-eligible-no-refresh-cookie';
    expect(sure(redirect)).toEqual(['clerk:session-token-expired exact']);
    // written for this test
    expect(sure('x-clerk-auth-reason: session-token-outdated')).toEqual(['clerk:session-token-expired strong']);
  });

  it("clerkMiddleware's debug log of a development handshake", () => {
    // written for this test
    const log = [
      '[clerk debug start: clerkMiddleware]',
      '  requestState, {"status":"handshake","headers":"{}","reason":"dev-browser-missing"}',
    ].join('\n');
    expect(sure(log)).toEqual(['clerk:dev-browser-missing exact']);
  });

  it('the reasons typed alone', () => {
    expect(firstLookup('session-token-and-uat-missing')).toBe('clerk:session-token-and-uat-missing exact');
    expect(firstLookup('client-uat-but-no-session-token')).toBe('clerk:client-uat-but-no-session-token exact');
    expect(firstLookup('session-token-iat-before-client-uat')).toBe('clerk:session-token-iat-before-client-uat exact');
  });
});

describe("Supabase's Data API (PostgREST) JWT errors", () => {
  it('PGRST301 "JWT expired" is the Data API\'s, not jsonwebtoken\'s', () => {
    // written for this test
    expect(sure('{"code":"PGRST301","details":null,"hint":null,"message":"JWT expired"}')).toEqual([
      'supabase:PGRST301/expired exact',
    ]);
    // supabase-js's error object as console.log prints it. written for this test
    expect(sure("error: { code: 'PGRST301', details: null, hint: null, message: 'JWT expired' }")).toEqual([
      'supabase:PGRST301/expired exact',
    ]);
    // node jsonwebtoken's own error stays its own. written for this test
    expect(sure('TokenExpiredError: jwt expired')).toEqual(['jsonwebtoken:TokenExpiredError strong']);
  });

  it('PGRST301 for a token that does not verify, and PGRST303 of PostgREST 13', () => {
    // written for this test
    expect(sure('{"code":"PGRST301","details":null,"hint":null,"message":"JWSError JWSInvalidSignature"}')).toEqual([
      'supabase:PGRST301/invalid exact',
    ]);
    // written for this test
    expect(sure('{"code":"PGRST303","details":null,"hint":null,"message":"JWT issued at future"}')).toEqual([
      'supabase:PGRST303 exact',
    ]);
  });

  it('PGRST300 and PGRST302 of a self-hosted stack', () => {
    // written for this test
    expect(sure('{"code":"PGRST300","details":null,"hint":null,"message":"Server lacks JWT secret"}')).toEqual([
      'supabase:PGRST300 exact',
    ]);
    // written for this test
    expect(sure('{"code":"PGRST302","details":null,"hint":null,"message":"Anonymous access is disabled"}')).toEqual([
      'supabase:PGRST302 exact',
    ]);
  });

  it('the codes typed alone', () => {
    expect(firstLookup('PGRST301')).toBe('supabase:PGRST301/expired exact');
    expect(firstLookup('PGRST302')).toBe('supabase:PGRST302 exact');
  });
});

describe("Dex's log line for an unregistered redirect_uri", () => {
  it('as Dex before 2.40 (logrus) and since (slog) writes it', () => {
    // written for this test
    expect(
      sure(
        'time="2026-11-03T09:12:44Z" level=error msg="Failed to parse authorization request: Unregistered redirect_uri (\\"https://app.example.test/callback\\")."',
      ),
    ).toEqual(['dex:dex-unregistered-redirect-uri strong']);
    // written for this test
    expect(
      sure(
        'time=2026-11-03T09:12:44.120Z level=ERROR msg="failed to parse authorization request" err="Unregistered redirect_uri."',
      ),
    ).toEqual(['dex:dex-unregistered-redirect-uri strong']);
  });
});

describe('NetSuite SOAP web services with token-based authentication', () => {
  it('USER_ERROR beside client code that sets the tokenPassport header', () => {
    // written for this test
    const paste = [
      '$service->tokenPassport = $tokenPassport;',
      '$service->setApplicationInfo($applicationInfo);',
      '$response = $service->get($request); // SoapFault: USER_ERROR',
    ].join('\n');
    expect(sure(paste)).toEqual(['netsuite-tba:USER_ERROR strong']);
  });
});

describe("Slack's OAuth installers: the failure page's reason", () => {
  it("Bolt for Python's page, with the sentence after the reason and without it", () => {
    // written for this test
    const page = [
      '<h2>Oops, Something Went Wrong!</h2>',
      '<p>Please try again from <a href="/slack/install">here</a> or contact the app owner (reason: invalid_browser: This can occur due to page reload, not beginning the OAuth flow from the valid starting URL, or the /slack/install URL not using https://)</p>',
    ].join('\n');
    expect(sure(page)).toEqual(['slack:invalid_browser strong']);
    // written for this test
    expect(sure('Please try again from here or contact the app owner (reason: invalid_browser)')).toEqual([
      'slack:invalid_browser strong',
    ]);
    // written for this test
    expect(
      sure(
        'Please try again from here or contact the app owner (reason: invalid_state: The state parameter is no longer valid.)',
      ),
    ).toEqual(['slack:invalid_state strong']);
    // written for this test
    expect(
      sure(
        "Please try again from here or contact the app owner (reason: storage_error: The app's server encountered an issue. Contact the app developer.)",
      ),
    ).toEqual(['slack:storage_error strong']);
  });

  it("Bolt for Python's debug line for the failed callback", () => {
    // written for this test
    const log =
      "DEBUG:slack_bolt.App:Handling an OAuth callback failure (reason: missing_code, error: None, request: {'state': ['0f0f0f0f']})";
    expect(sure(log)).toEqual(['slack:missing_code strong']);
  });

  it("@slack/oauth's page and errors", () => {
    // written for this test
    expect(sure('Please try again or contact the app owner (reason: slack_oauth_invalid_state)')).toEqual([
      'slack:slack_oauth_invalid_state exact',
    ]);
    // written for this test
    expect(
      sure(
        'Error: Redirect url is missing the state query parameter. If this is intentional, see options for disabling default state verification.',
      ),
    ).toEqual(['slack:slack_oauth_missing_state strong']);
    // written for this test
    expect(
      sure('[ERROR]  OAuth:InstallProvider:0 Error: The state parameter is not for this browser session.'),
    ).toEqual(['slack:slack_oauth_invalid_state strong']);
  });
});

describe("Shopify's HMAC checks", () => {
  it("the OAuth callback's timestamp outside the tolerance", () => {
    // written for this test
    const log =
      '[shopify-app/ERROR] Error during OAuth callback | {shop: example-store.myshopify.com, error: HMAC timestamp is outside of the tolerance range}';
    expect(sure(log)).toEqual(['shopify:InvalidHmacError/timestamp strong']);
    // written for this test
    const trace = [
      'InvalidHmacError: HMAC timestamp is outside of the tolerance range',
      '    at validateHmacTimestamp (/app/node_modules/@shopify/shopify-api/dist/cjs/lib/utils/hmac-validator.js:120:15)',
    ].join('\n');
    expect(sure(trace)).toEqual(['shopify:InvalidHmacError/timestamp strong']);
  });

  it('a webhook whose HMAC does not validate', () => {
    // written for this test
    expect(sure('[shopify-app/DEBUG] Webhook HMAC validation failed | {valid: false, reason: invalid_hmac}')).toEqual([
      'shopify:shopify-webhook-hmac-invalid strong',
    ]);
    // written for this test
    expect(
      sure(
        "[shopify-api/DEBUG] Webhook HMAC validation failed. Please note that events manually triggered from a store's Notifications settings will fail this validation. To test this, please use the CLI or trigger the actual event in a development store.",
      ),
    ).toEqual(['shopify:shopify-webhook-hmac-invalid strong']);
  });
});

describe("AppAuth-Android's token request error as it logs it", () => {
  it("type 2 code 2002 alone: AppAuth's invalid_grant beside the standard meaning", () => {
    // written for this test
    expect(sure('E/AuthRepository: token refresh failed {"type":2,"code":2002,"error":"invalid_grant"}')).toEqual([
      'oauth2:invalid_grant/token-endpoint exact',
      'appauth:token-request-error-2002 strong',
    ]);
  });

  it("with the server's description, the server's reading stays", () => {
    // written for this test
    const paste =
      'AuthorizationException: {"type":2,"code":2002,"error":"invalid_grant","errorDescription":"Token is not active"}';
    expect(sure(paste)).toContain('keycloak:invalid_grant strong');
    expect(sure(paste)).toContain('appauth:token-request-error-2002 strong');
  });
});

describe("okta-jwt-verifier-java 0.1 to 0.3's JoseException", () => {
  it('Failed to validate JWT string, with the Nimbus cause below', () => {
    // written for this test
    expect(sure('com.okta.jwt.JoseException: Failed to validate JWT string')).toEqual([
      'okta-jwt-verifier:JoseException strong',
    ]);
    // written for this test
    const trace = [
      'com.okta.jwt.JoseException: Failed to validate JWT string',
      '\tat com.okta.jwt.impl.NimbusJwtVerifier.decode(NimbusJwtVerifier.java:82)',
      '\tat com.okta.jwt.impl.NimbusJwtVerifier.decodeAccessToken(NimbusJwtVerifier.java:68)',
      'Caused by: com.nimbusds.jwt.proc.BadJWTException: Expired JWT',
    ].join('\n');
    expect(sure(trace)).toContain('nimbus-jose-jwt:BadJWTException/expired strong');
    expect(sure(trace)).toContain('okta-jwt-verifier:JoseException strong');
  });
});

describe("thephpleague/oauth2-server's error redirect", () => {
  it('access_denied with the hint of a cancelled consent, and the legacy message parameter', () => {
    // written for this test
    const url =
      'https://app.example.test/callback?error=access_denied&error_description=The+resource+owner+or+authorization+server+denied+the+request.&hint=The+user+denied+the+request&message=The+resource+owner+or+authorization+server+denied+the+request.&state=0f0f0f0f';
    expect(sure(url)).toEqual(['league-oauth2-server:access_denied/user-denied strong']);
  });

  it('the hint parameter says whose invalid_scope it is', () => {
    // written for this test
    const url =
      'https://app.example.test/callback#error=invalid_scope&error_description=The+requested+scope+is+invalid%2C+unknown%2C+or+malformed&hint=Check+the+%60admin%60+scope&message=The+requested+scope+is+invalid%2C+unknown%2C+or+malformed';
    expect(sure(url)).toEqual(['league-oauth2-server:invalid_scope strong']);
  });
});
