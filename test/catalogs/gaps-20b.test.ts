import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled for identity servers and their SDKs: express-openid-connect (auth0.yaml), Keycloak's token exchange
// and its Node.js adapter, the Okta Sign-In Widget, OAuth2 Proxy, OpenIddict's setup exceptions, ZITADEL's
// Errors.Internal and the Logto SDKs. Every sample is written for this test (fake ids, realms, hosts and apps), in
// the shape the software prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe("express-openid-connect's callback errors", () => {
  it("a BadRequestError around openid-client's state check reads as the SDK's wrapper and the state error", () => {
    // written for this test
    const trace = [
      'BadRequestError: state mismatch, expected 3f9a1c, got: 77b2e0',
      '    at ResponseContext.callback (/srv/web/node_modules/express-openid-connect/lib/context.js:354:15)',
    ].join('\n');
    expect(sure(trace)).toEqual([
      'auth0:BadRequestError/express-openid-connect-callback strong',
      'openid-client:RPError/state strong',
    ]);
    expect(firstLookup('express-openid-connect BadRequestError state mismatch')).toBe(
      'auth0:BadRequestError/express-openid-connect-callback strong',
    );
  });

  it('the missing transaction cookie of v2.20.2 and later, and the past session_expiry', () => {
    // written for this test
    const missing = [
      'Error: "auth_verification" cookie not found. Ensure the login flow is initiated through the SDK\'s login route before the callback is processed. If using SameSite=None cookies, verify the origin is served over HTTPS and the Secure flag is set.',
      '    at ResponseContext.callback (/srv/web/node_modules/express-openid-connect/lib/context.js:927:19)',
    ].join('\n');
    expect(sure(missing)).toEqual(['auth0:MissingStateCookieError strong']);
    expect(firstLookup('express-openid-connect auth_verification cookie not found')).toBe(
      'auth0:MissingStateCookieError strong',
    );
    expect(sure('BadRequestError: The session_expiry claim is in the past at login time.')).toEqual([
      'auth0:invalid_session_expiry strong',
    ]);
    expect(firstLookup('express-openid-connect session_expiry claim is in the past')).toBe(
      'auth0:invalid_session_expiry weak',
    );
  });
});

describe("Keycloak's token exchange refusals", () => {
  it('the client is not the holder of the token: the answer and the event', () => {
    expect(sure('{"error":"access_denied","error_description":"Client is not the holder of the token"}')).toEqual([
      'keycloak:access_denied/token-exchange-holder strong',
    ]);
    // written for this test
    const event =
      '2026-12-01 10:00:00,123 WARN  [org.keycloak.events] (executor-thread-7) type="TOKEN_EXCHANGE_ERROR", realmId="0f0e1d2c", realmName="demo", clientId="spa-web", userId="null", ipAddress="10.1.2.3", error="not_allowed", reason="client is not the token holder", auth_method="token_exchange"';
    expect(sure(event)).toEqual(['keycloak:not_allowed/token-exchange strong']);
    expect(firstLookup('keycloak client is not the holder of the token')).toBe(
      'keycloak:access_denied/token-exchange-holder strong',
    );
    expect(firstLookup('keycloak client is not the token holder')).toBe('keycloak:not_allowed/token-exchange strong');
  });

  it('the audience, the permissions of the legacy exchange and a public client', () => {
    // written for this test
    const audience = [
      'POST https://sso.example.test/realms/demo/protocol/openid-connect/token 403',
      '{"error":"access_denied","error_description":"Client is not within the token audience"}',
    ].join('\n');
    expect(sure(audience)).toEqual(['keycloak:access_denied/token-exchange-audience strong']);
    expect(firstLookup('keycloak client is not within the token audience')).toBe(
      'keycloak:access_denied/token-exchange-audience strong',
    );
    // written for this test
    const permission = [
      'POST https://sso.example.test/realms/demo/protocol/openid-connect/token 403',
      '{"error":"access_denied","error_description":"Client not allowed to exchange"}',
    ].join('\n');
    expect(sure(permission)).toEqual(['keycloak:access_denied/token-exchange-permission strong']);
    expect(firstLookup('Client not allowed to exchange')).toBe(
      'keycloak:access_denied/token-exchange-permission strong',
    );
    // the code exchange's own description stays invalid_grant's
    expect(
      sure(
        'POST https://sso.example.test/realms/demo/protocol/openid-connect/token\n{"error":"invalid_grant","error_description":"Client not allowed to exchange code"}',
      ),
    ).toEqual(['keycloak:invalid_grant strong']);
    expect(
      sure('{"error":"invalid_client","error_description":"Public client is not allowed to exchange token"}'),
    ).toEqual(['keycloak:invalid_client strong']);
  });
});

describe("keycloak-connect, Keycloak's Node.js adapter", () => {
  it('the callback that could not redeem the code, and the grant validation inside it', () => {
    // written for this test
    const log = [
      'Could not obtain grant code: Error: 401:Unauthorized',
      '    at /srv/app/node_modules/keycloak-connect/middleware/auth-utils/grant-manager.js:525:23',
    ].join('\n');
    expect(sure(log)).toEqual(['keycloak:keycloak-connect-grant-code strong']);
    expect(sure('keycloak-connect: Could not obtain grant code: Error: 404:Not Found')).toEqual([
      'keycloak:keycloak-connect-grant-code strong',
    ]);
    expect(firstLookup('keycloak-connect could not obtain grant code')).toBe(
      'keycloak:keycloak-connect-grant-code weak',
    );
    // written for this test
    const validation = [
      'Could not obtain grant code: Error: Grant validation failed. Reason: invalid token (wrong ISS)',
      '    at /srv/app/node_modules/keycloak-connect/middleware/auth-utils/grant-manager.js:385:16',
    ].join('\n');
    expect(sure(validation)).toEqual(['keycloak:keycloak-connect-grant-validation strong']);
    expect(firstLookup('keycloak-connect wrong ISS')).toBe('keycloak:keycloak-connect-grant-validation weak');
  });
});

describe("the Okta Sign-In Widget's own sentences", () => {
  it('CORS and the network policy block', () => {
    expect(sure('UNSUPPORTED_BROWSER_ERROR: There was an error sending the request - have you enabled CORS?')).toEqual([
      'okta:okta-signin-widget-cors strong',
    ]);
    expect(firstLookup('okta There was an error sending the request - have you enabled CORS?')).toBe(
      'okta:okta-signin-widget-cors strong',
    );
    expect(sure('Access was blocked by a network policy. Please ensure your VPN is connected and try again.')).toEqual([
      'okta:okta-signin-widget-network-policy strong',
    ]);
    expect(firstLookup('okta access was blocked by a network policy')).toBe(
      'okta:okta-signin-widget-network-policy strong',
    );
  });

  it('the texts it shows for login_required (MFA), the JIT failures and the clock drift', () => {
    expect(
      sure(
        'The current sign on policy requires this client to redirect for re-authentication or MFA. Please contact your administrator.',
      ),
    ).toEqual(['okta:login_required strong']);
    expect(firstLookup('okta sign on policy requires this client to redirect for re-authentication or MFA')).toBe(
      'okta:login_required weak',
    );
    expect(sure('Unable to sign in, please try another sign in method.')).toEqual(['okta:jit_failure strong']);
    expect(firstLookup('okta please try another sign in method')).toBe('okta:jit_failure weak');
    expect(sure("Unable to sign in. Please check that your device's clock is accurate and try again.")).toEqual([
      'okta-auth-js:AuthSdkError/issued-in-future strong',
    ]);
    expect(firstLookup("Please check that your device's clock is accurate")).toBe(
      'okta-auth-js:AuthSdkError/issued-in-future strong',
    );
  });
});

describe("OAuth2 Proxy's startup and cookie warnings", () => {
  it('no signing algorithm in common', () => {
    // written for this test
    const log =
      '[2026/12/01 09:00:00] [main.go:60] ERROR: Failed to initialise OAuth2 Proxy: error initialising provider: could not build provider verifier: error while determining supported signing algorithms: no supported signing algorithms in common between provider and configuration: discovered=[ES256], configured=[RS256]';
    expect(sure(log)).toEqual(['oauth2-proxy:oauth2-proxy-signing-algs strong']);
    expect(firstLookup('oauth2-proxy no supported signing algorithms in common')).toBe(
      'oauth2-proxy:oauth2-proxy-signing-algs weak',
    );
  });

  it('the cookie domain that does not match the host, and the split session cookie', () => {
    // written for this test
    const domain =
      '[2026/12/01 09:00:00] [cookies.go:31] Warning: request host "app.example.test" did not match any of the specific cookie domains of ".corp.example.test"';
    expect(sure(domain)).toEqual(['oauth2-proxy:oauth2-proxy-cookie-domain-mismatch strong']);
    expect(firstLookup('oauth2-proxy request host did not match any of the specific cookie domains')).toBe(
      'oauth2-proxy:oauth2-proxy-cookie-domain-mismatch weak',
    );
    // written for this test
    const split =
      '[2026/12/01 09:00:00] [session_store.go:189] WARNING: Multiple cookies are required for this session as it exceeds the 4kb cookie limit. Please use server side session storage (eg. Redis) instead.';
    expect(sure(split)).toEqual(['oauth2-proxy:oauth2-proxy-cookie-split strong']);
    expect(firstLookup('oauth2-proxy multiple cookies are required for this session')).toBe(
      'oauth2-proxy:oauth2-proxy-cookie-split weak',
    );
  });
});

describe("OpenIddict's setup exceptions", () => {
  it('a token or authorization request nothing handled', () => {
    // written for this test
    const trace = [
      'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
      '      An unhandled exception was thrown by the application.',
      '      System.InvalidOperationException: The token request was not handled.',
      '      To handle token requests in a controller, create a custom action with the same route as the token endpoint and enable the pass-through mode.',
      '         at OpenIddict.Server.OpenIddictServerHandlers.Exchange.HandleTokenRequest.HandleAsync(ProcessRequestContext context)',
    ].join('\n');
    expect(sure(trace)).toEqual(['openiddict:ID0041 strong']);
    expect(firstLookup('openiddict the token request was not handled')).toBe('openiddict:ID0041 strong');
    expect(sure('System.InvalidOperationException: The authorization request was not handled.')).toEqual([
      'openiddict:ID0029 strong',
    ]);
    expect(firstLookup('openiddict the authorization request was not handled')).toBe('openiddict:ID0029 strong');
  });

  it('the signing and encryption keys, and the middleware order', () => {
    expect(
      sure(
        'InvalidOperationException: At least one asymmetric signing key must be registered in the OpenIddict server options.',
      ),
    ).toEqual(['openiddict:ID0086 strong']);
    expect(firstLookup('openiddict at least one asymmetric signing key must be registered')).toBe(
      'openiddict:ID0086 strong',
    );
    expect(
      sure(
        'System.InvalidOperationException: At least one encryption key must be registered in the OpenIddict server options.',
      ),
    ).toEqual(['openiddict:ID0085 strong']);
    expect(firstLookup('openiddict at least one encryption key must be registered')).toBe('openiddict:ID0085 strong');
    expect(
      sure(
        'System.InvalidOperationException: An error occurred while retrieving the OpenIddict server context. On ASP.NET Core, this may indicate that the authentication middleware was not registered early enough in the request pipeline.',
      ),
    ).toEqual(['openiddict:ID0112 strong']);
    expect(firstLookup('openiddict error occurred while retrieving the OpenIddict server context')).toBe(
      'openiddict:ID0112 weak',
    );
  });
});

describe("ZITADEL's Errors.Internal", () => {
  it('the token endpoint answer, its log line and its key typed', () => {
    // written for this test
    const answer = [
      'POST https://acme-0a1b2c.zitadel.cloud/oauth/v2/token -> 500',
      '{"error":"server_error","error_description":"Errors.Internal"}',
    ].join('\n');
    expect(sure(answer)).toEqual(['zitadel:Errors.Internal exact']);
    // written for this test
    const log =
      'time="2026-12-01T10:00:00Z" level=error msg="OIDC error" error="ID=OIDC-AhX2u Message=Errors.Internal Parent=(invalid signature)" status_code=500';
    expect(sure(log)).toEqual(['zitadel:Errors.Internal exact']);
    expect(firstLookup('zitadel Errors.Internal')).toBe('zitadel:Errors.Internal exact');
  });
});

describe("the Logto SDKs' own errors", () => {
  it('an insecure origin and a lost sign-in session', () => {
    // written for this test
    const insecure = [
      'Uncaught (in promise) LogtoError: Crypto.subtle is unavailable in insecure contexts (non-HTTPS).',
      '    at generateCodeChallenge (index.js:12:11)',
    ].join('\n');
    expect(sure(insecure)).toEqual(['logto:crypto_subtle_unavailable strong']);
    expect(firstLookup('logto crypto.subtle is unavailable')).toBe('logto:crypto_subtle_unavailable strong');
    // written for this test
    const session = [
      'LogtoClientError: Sign-in session not found.',
      '    at LogtoClient.handleSignInCallback (client.js:210:13)',
    ].join('\n');
    expect(sure(session)).toEqual(['logto:sign_in_session.not_found strong']);
    expect(firstLookup('logto sign-in session not found')).toBe('logto:sign_in_session.not_found strong');
  });

  it('the callback URI checks and the ID token issue time', () => {
    expect(sure('LogtoError: The callback URI mismatches the redirect URI.')).toEqual([
      'logto:callback_uri_verification.redirect_uri_mismatched strong',
    ]);
    expect(firstLookup('logto the callback URI mismatches the redirect URI')).toBe(
      'logto:callback_uri_verification.redirect_uri_mismatched strong',
    );
    expect(sure('LogtoError: State mismatched in the callback URI')).toEqual([
      'logto:callback_uri_verification.state_mismatched strong',
    ]);
    expect(firstLookup('logto state mismatched in the callback URI')).toBe(
      'logto:callback_uri_verification.state_mismatched strong',
    );
    expect(sure('LogtoError: Invalid issued at time in the ID token')).toEqual(['logto:id_token.invalid_iat strong']);
    expect(firstLookup('logto invalid issued at time in the ID token')).toBe('logto:id_token.invalid_iat strong');
  });
});
