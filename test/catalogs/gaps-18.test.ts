import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the okta-auth-js, AppAuth, lcobucci/jwt, X (Twitter), Bitbucket, jsonwebtoken (Rust), Google and
// PayPal catalogs. Every sample is written for this test (fake ids, paths and tokens), in the shape the library's
// source or the provider's answer prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe("okta-auth-js's AuthSdkError messages", () => {
  it('the token request checks of lib/oidc/endpoints/token.ts', () => {
    expect(firstLookup('The redirectUri passed to /authorize must also be passed to /token')).toBe(
      'okta-auth-js:AuthSdkError/token-params strong',
    );
    // written for this test
    const ssr = [
      'Unhandled Runtime Error',
      'AuthSdkError: The redirectUri passed to /authorize must also be passed to /token',
      '    at validateOptions (webpack-internal:///./node_modules/@okta/okta-auth-js/esm/node/oidc/endpoints/token.js:29:11)',
      '    at postToTokenEndpoint (webpack-internal:///./node_modules/@okta/okta-auth-js/esm/node/oidc/endpoints/token.js:71:3)',
    ].join('\n');
    expect(sure(ssr)).toEqual(['okta-auth-js:AuthSdkError/token-params strong']);
    // written for this test
    expect(sure('AuthSdkError: The "codeVerifier" (generated and saved by your app) must be passed to /token')).toEqual(
      ['okta-auth-js:AuthSdkError/token-params strong'],
    );
    expect(
      sure('Error: AuthSdkError: An authorization code (returned from /authorize) must be passed to /token'),
    ).toEqual(['okta-auth-js:AuthSdkError/token-params strong']);
  });

  it('the popup, storage, renewal and Interaction Code transaction messages', () => {
    // each written for this test
    expect(sure('Uncaught (in promise) AuthSdkError: Unable to open popup window')).toEqual([
      'okta-auth-js:AuthSdkError/popup strong',
    ]);
    expect(sure('AuthSdkError: Unable to set storage: okta-token-storage')).toEqual([
      'okta-auth-js:AuthSdkError/storage-write strong',
    ]);
    expect(sure('AuthSdkError: Unrecognized storage option: indexedDB')).toEqual([
      'okta-auth-js:AuthSdkError/storage-write strong',
    ]);
    expect(sure('AuthSdkError: renewTokens() was called but there is no existing token')).toEqual([
      'okta-auth-js:AuthSdkError/no-token strong',
    ]);
    expect(sure('AuthSdkError: The tokenManager has no token for the key: accessToken')).toEqual([
      'okta-auth-js:AuthSdkError/no-token strong',
    ]);
    expect(sure('AuthSdkError: No transaction data was found in storage')).toEqual([
      'okta-auth-js:AuthSdkError/idx-transaction strong',
    ]);
  });
});

describe("AppAuth-Android's AuthState", () => {
  it('the warning logged when update() meets a stale error', () => {
    // written for this test (logcat)
    const logcat =
      '2026-12-18 09:14:02.117  4312-4312  AppAuth  com.example.fakeapp  W  AuthState.update should not be called in an error state (net.openid.appauth.AuthorizationException: {"type":0,"code":1,"errorDescription":"User cancelled flow"}), call update with the result of the fresh authorization response first';
    expect(sure(logcat)).toContain('appauth:authstate-update-in-error-state strong');
    expect(sure(logcat)).not.toContain('appauth:GeneralErrors.USER_CANCELED_AUTH_FLOW strong');
  });

  it("the refresh paths' IllegalStateExceptions", () => {
    // written for this test
    const trace = [
      'net.openid.appauth.AuthorizationException: {"type":1,"code":1008}',
      'Caused by: java.lang.IllegalStateException: No refresh token available and token have expired',
      '\tat net.openid.appauth.AuthState.performActionWithFreshTokens(AuthState.java:563)',
    ].join('\n');
    expect(sure(trace)).toEqual(['appauth:no-refresh-token-available strong']);
    // written for this test
    expect(
      sure('java.lang.IllegalStateException: No authorization configuration available for refresh request'),
    ).toEqual(['appauth:no-authorization-configuration strong']);
  });
});

describe("lcobucci/jwt's key and signer messages", () => {
  it("3.4's deprecation notice for string keys", () => {
    // written for this test
    const notice =
      'Deprecated: Implicit conversion of keys from strings is deprecated. Please use InMemory or LocalFileReference classes. in /var/www/fake-app/vendor/lcobucci/jwt/src/Signer/BaseSigner.php on line 57';
    expect(sure(notice)).toEqual(['lcobucci-jwt:implicit-key-conversion-deprecated strong']);
  });

  it('CannotSignPayload and the ECDSA ConversionFailed', () => {
    // each written for this test
    expect(
      sure(
        'PHP Fatal error:  Uncaught Lcobucci\\JWT\\Signer\\CannotSignPayload: There was an error while creating the signature:error:1E08010C:DECODER routines::unsupported',
      ),
    ).toEqual(['lcobucci-jwt:CannotSignPayload strong']);
    const trace = [
      'Lcobucci\\JWT\\Signer\\Ecdsa\\ConversionFailed: Invalid signature length.',
      '#0 /srv/fake/vendor/lcobucci/jwt/src/Signer/Ecdsa.php(29): Lcobucci\\JWT\\Signer\\Ecdsa\\MultibyteStringConverter->toAsn1()',
    ].join('\n');
    expect(sure(trace)).toEqual(['lcobucci-jwt:ConversionFailed strong']);
  });
});

describe("X's OAuth 1.0a access token refusal", () => {
  it('the plain-text 401 body of oauth/access_token', () => {
    // written for this test
    expect(
      sure(
        'Abraham\\TwitterOAuth\\TwitterOAuthException: Error processing your OAuth request: Invalid oauth_verifier parameter',
      ),
    ).toEqual(['twitter:invalid-oauth-verifier strong']);
    // written for this test (node-oauth's error object, as passport-twitter logs it)
    expect(
      sure("{ statusCode: 401, data: 'Error processing your OAuth request: Invalid oauth_verifier parameter' }"),
    ).toEqual(['twitter:invalid-oauth-verifier strong']);
  });
});

describe("Bitbucket's refused password grant", () => {
  it("the token endpoint's invalid_request is Bitbucket's password-grant reading", () => {
    // written for this test
    const curl = [
      '$ curl -X POST -u "FakeKey123:fakesecret" https://bitbucket.org/site/oauth2/access_token -d grant_type=password -d username=dev -d password=hunter2',
      '{"error_description": "Invalid resource owner username/password", "error": "invalid_request"}',
    ].join('\n');
    expect(sure(curl)).toEqual(['bitbucket:invalid_request/password-grant strong']);
  });
});

describe('the Rust jsonwebtoken crate named in prose and in Cargo.toml', () => {
  it("ExpiredSignature beside \"the jsonwebtoken crate\" is the crate's, not the npm package's or ruby-jwt's", () => {
    // written for this test
    expect(sure('decode() fails with ExpiredSignature (using the jsonwebtoken crate, v9)')).toEqual([
      'jsonwebtoken-rs:ErrorKind::ExpiredSignature strong',
    ]);
    expect(firstLookup('ExpiredSignature with the jsonwebtoken crate')).toBe(
      'jsonwebtoken-rs:ErrorKind::ExpiredSignature strong',
    );
    // written for this test
    const cargo = [
      '[dependencies]',
      'jsonwebtoken = { version = "9", features = ["use_pem"] }',
      '',
      "thread 'main' panicked at src/auth.rs:42:10:",
      'called `Result::unwrap()` on an `Err` value: ExpiredSignature',
    ].join('\n');
    expect(sure(cargo)).toEqual(['jsonwebtoken-rs:ErrorKind::ExpiredSignature strong']);
    // and the npm package's own error stays the npm package's (written for this test)
    expect(sure('jsonwebtoken TokenExpiredError: jwt expired')).toEqual(['jsonwebtoken:TokenExpiredError strong']);
  });
});

describe("google-auth-library (Node.js)'s missing credentials", () => {
  it('its wordings for Application Default Credentials not found', () => {
    // each written for this test
    const node = [
      'Error: Unable to find credentials in current environment. ',
      'To learn more about authentication and Google APIs, visit: ',
      'https://cloud.google.com/docs/authentication/getting-started',
      '    at GoogleAuth.getClient (/srv/fake-api/node_modules/google-auth-library/build/src/auth/googleauth.js:1017:15)',
    ].join('\n');
    expect(sure(node)).toEqual(['google:DefaultCredentialsError strong']);
    expect(
      sure(
        "Error: Unable to read the credential file specified by the GOOGLE_APPLICATION_CREDENTIALS environment variable: The file at ./keys/fake-sa.json does not exist, or it is not a file. ENOENT: no such file or directory, lstat '/app/keys/fake-sa.json'",
      ),
    ).toEqual(['google:DefaultCredentialsError strong']);
  });
});

describe("PayPal's server SDKs around the token endpoint's invalid_client", () => {
  const body = '{"error":"invalid_client","error_description":"Client Authentication failed"}';

  it("the Checkout SDKs' namespaces and the braintreehttp client of their first releases say it is PayPal's", () => {
    // each written for this test
    expect(sure(`PayPalCheckoutSdk\\Core\\PayPalHttpClient->execute() threw ${body}`)).toEqual([
      'paypal:invalid_client strong',
    ]);
    expect(sure(`BraintreeHttp\\HttpException: ${body}`)).toEqual(['paypal:invalid_client strong']);
    expect(sure(`com.braintreepayments.http.exceptions.HttpException: ${body}`)).toEqual([
      'paypal:invalid_client strong',
    ]);
  });
});
