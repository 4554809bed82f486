import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/findings.js';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Runtime texts of Duende IdentityServer (and IdentityServer4), Amazon Cognito (user pools, identity pools
// and the Amplify libraries), the Salesforce CLI and Dropbox's official SDKs, as their logs and consoles
// print them; and lines that share some of their words and must not be taken for them. Every host, id
// and token below is made up.
const resolver = useShippedResolver();

/** Sure findings, named by their entry (`provider:code@context` where the code has several meanings). */
const confident = (text: string) =>
  confidentOf(resolver, text, (finding: Finding) => finding.entry?.key ?? `${finding.provider}:${finding.code}`);

/** The entry a lookup answers first. */
const firstKey = (query: string) => {
  const [top] = resolver.lookup(query);
  return top?.entry?.key ?? (top ? `${top.provider}:${top.code}` : undefined);
};

describe('Duende IdentityServer and IdentityServer4 logs', () => {
  it('an unknown or disabled client at the authorize endpoint', () => {
    const log = [
      '[09:41:07 Error] Duende.IdentityServer.Validation.AuthorizeRequestValidator',
      'Unknown client or not enabled: spa.example',
      '{"ClientId": "spa.example", "RedirectUri": "https://app.example.com/signin-oidc", "ResponseType": "code"}',
    ].join('\n');
    expect(confident(log)).toEqual(['duende:unauthorized_client']);
  });

  it('a client its configuration check threw out, then refused at the token endpoint', () => {
    const log = [
      'fail: Duende.IdentityServer.Stores.ValidatingClientStore[0]',
      '      Invalid client configuration for client m2m.example: Client secret is required for client_credentials, but no client secret is configured.',
      'fail: Duende.IdentityServer.Validation.ClientSecretValidator[0]',
      "      No client with id 'm2m.example' found. aborting",
    ].join('\n');
    expect(confident(log)).toEqual(['duende:invalid-client-configuration', 'duende:invalid_client']);
    const scheme =
      "[ERR] Duende.IdentityServer.Stores.ValidatingClientStore: Invalid client configuration for client native.example: RedirectUri 'javascript:alert(1)' uses invalid scheme. If this scheme should be allowed, then configure it via ValidationOptions.";
    expect(confident(scheme)).toEqual(['duende:invalid-client-configuration']);
  });

  it('authorize requests IdentityServer refuses, and a private_key_jwt client without keys', () => {
    const prompt = [
      '[09:42:30 Error] Duende.IdentityServer.Validation.AuthorizeRequestValidator',
      "prompt contains 'create' and other values. 'create' should be used by itself.",
      '{"ClientId": "spa.example", "RedirectUri": "https://app.example.com/callback", "PromptModes": ["create", "login"]}',
    ].join('\n');
    expect(confident(prompt)).toEqual(['duende:invalid_request@authorize-endpoint']);
    const callback =
      'https://app.example.com/callback?error=invalid_request&error_description=Transform%20algorithm%20not%20supported&iss=https%3A%2F%2Fidentity.example.com';
    expect(confident(`Duende IdentityServer redirected back with ${callback}`)).toEqual([
      'duende:invalid_request@authorize-endpoint',
    ]);
    const assertion = [
      '[09:43:02 Error] Duende.IdentityServer.Validation.PrivateKeyJwtSecretValidator',
      'There are no keys available to validate client assertion.',
    ].join('\n');
    expect(confident(assertion)).toEqual(['duende:invalid_client']);
  });

  it("IdentityServer4's older wording of an unknown scope, and a client without allowed scopes", () => {
    const scope = '[09:44:15 ERR] IdentityServer4.Validation.ResourceValidator: Scope api.orders not found in store.';
    expect(confident(scope)).toEqual(['duende:invalid_scope']);
    const none = [
      'fail: Duende.IdentityServer.Validation.TokenRequestValidator[0]',
      '      No allowed scopes configured for client {"clientId": "m2m.example"}, details: {"ClientId": "m2m.example", "GrantType": "client_credentials"}',
    ].join('\n');
    expect(confident(none)).toEqual(['duende:invalid_scope']);
  });

  it('the log texts are found by a lookup as well', () => {
    expect(firstKey('Unknown client or not enabled')).toBe('duende:unauthorized_client');
    expect(firstKey('Invalid client configuration for client web.example: No redirect URI configured.')).toBe(
      'duende:invalid-client-configuration',
    );
    expect(firstKey('Scope api1 not found in store.')).toBe('duende:invalid_scope');
    expect(firstKey('jti is found in replay cache. Possible replay attack.')).toBe('duende:invalid_client');
    expect(firstKey('Nonce required for implicit and hybrid flow with openid scope')).toBe(
      'duende:invalid_request@authorize-endpoint',
    );
  });
});

describe('Amazon Cognito and Amplify', () => {
  it('user pool tokens that expired or were revoked', () => {
    const revoked = [
      'NotAuthorizedException: Access Token has been revoked',
      '    at de_NotAuthorizedExceptionRes (/srv/app/node_modules/@aws-sdk/client-cognito-identity-provider/dist-cjs/index.js:2210:21)',
    ].join('\n');
    expect(confident(revoked)).toEqual(['cognito:NotAuthorizedException@user-pool']);
    const boto =
      'botocore.errorfactory.NotAuthorizedException: An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: Refresh Token has expired';
    expect(confident(boto)).toEqual(['cognito:NotAuthorizedException@user-pool']);
  });

  it('identity pools refusing a token or unable to use their roles', () => {
    const provider = [
      'NotAuthorizedException: Token is not from a supported provider of this identity pool.',
      '    at de_NotAuthorizedExceptionRes (/srv/app/node_modules/@aws-sdk/client-cognito-identity/dist-cjs/index.js:1037:21)',
    ].join('\n');
    expect(confident(provider)).toEqual(['cognito:NotAuthorizedException@identity-pool']);
    const roles =
      'com.amazonaws.services.cognitoidentity.model.InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool. (Service: AmazonCognitoIdentity; Status Code: 400; Error Code: InvalidIdentityPoolConfigurationException; Request ID: 0f0e0d0c-0000-4000-8000-00000000abcd)';
    expect(confident(roles)).toEqual(['cognito:InvalidIdentityPoolConfigurationException']);
  });

  it("Amplify's own errors and the service's messages in the Authenticator's words", () => {
    const unauthenticated = [
      'UserUnAuthenticatedException: User needs to be authenticated to call this API.',
      '    at assertAuthTokens (webpack-internal:///./node_modules/@aws-amplify/auth/dist/esm/providers/cognito/utils/types.mjs:28:15)',
    ].join('\n');
    expect(confident(unauthenticated)).toEqual(['cognito:UserUnAuthenticatedException']);
    expect(confident('[WARN] 14:02:11 Auth - AuthUserPoolException: Auth UserPool not configured.')).toEqual([
      'cognito:AuthUserPoolException',
    ]);
    expect(confident('UserNotFoundException: Username/client id combination not found.')).toEqual([
      'cognito:UserNotFoundException',
    ]);
    expect(confident('CodeMismatchException: Invalid verification code provided, please try again.')).toEqual([
      'cognito:CodeMismatchException',
    ]);
    expect(
      confident(
        'InvalidParameterException: Cannot reset password for the user as there is no registered/verified email or phone_number',
      ),
    ).toEqual(['cognito:InvalidParameterException']);
  });

  it('the messages are found by a lookup as well', () => {
    expect(firstKey('Token is not from a supported provider of this identity pool.')).toBe(
      'cognito:NotAuthorizedException@identity-pool',
    );
    expect(firstKey('Invalid identity pool configuration. Check assigned IAM roles for this pool.')).toBe(
      'cognito:InvalidIdentityPoolConfigurationException',
    );
    expect(firstKey('User needs to be authenticated to call this API.')).toBe('cognito:UserUnAuthenticatedException');
    expect(firstKey('Incorrect username or password.')).toBe('cognito:NotAuthorizedException@user-pool');
  });

  it('the same plain words without Cognito are not its error', () => {
    expect(confident('Incorrect username or password.')).toEqual([]);
    expect(confident('WARN  login: Refresh Token has expired for device 42, asking the user to sign in')).toEqual([]);
  });
});

describe('Salesforce CLI', () => {
  it('a stored org login whose refresh token Salesforce no longer accepts', () => {
    const refresh =
      'RefreshTokenAuthError: Error authenticating with the refresh token due to: invalid_grant: expired access/refresh token';
    expect(confident(refresh)).toEqual(['salesforce:invalid_grant@refresh-token']);
    const jwt =
      "JwtAuthError: Error authenticating with JWT config due to: invalid_grant: user hasn't approved this consumer";
    expect(confident(jwt)).toEqual(['salesforce:invalid_grant@jwt-bearer']);
  });

  it('the messages are found by a lookup as well', () => {
    expect(firstKey('Error authenticating with the refresh token due to: expired access/refresh token')).toBe(
      'salesforce:invalid_grant@refresh-token',
    );
    expect(firstKey('Error authenticating with JWT config due to: audience validation failed')).toBe(
      'salesforce:invalid_grant@jwt-bearer',
    );
  });

  it('a line about refreshing tokens is not an error', () => {
    expect(confident('INFO  sync: refreshing the access token for org 00D000000000001 (scheduled)')).toEqual([]);
  });
});

describe('Dropbox SDKs', () => {
  it('a client that cannot refresh its short-lived token', () => {
    const python = 'WARNING:dropbox:Unable to refresh access token without                 refresh token and app key';
    expect(confident(python)).toEqual(['dropbox:sdk-cannot-refresh']);
    const java = [
      "java.lang.IllegalArgumentException: Can't refresh without app Key.",
      '\tat com.dropbox.core.oauth.DbxCredential.<init>(DbxCredential.java:91)',
    ].join('\n');
    expect(confident(java)).toEqual(['dropbox:sdk-cannot-refresh']);
  });

  it('an API call refused with 401 in the JavaScript SDK', () => {
    const js = [
      'DropboxResponseError: Response failed with a 401 code',
      '    at /srv/app/node_modules/dropbox/cjs/src/response.js:34:11',
    ].join('\n');
    expect(confident(js)).toEqual(['dropbox:sdk-response-401']);
  });

  it('the OAuth redirect of the Python web flow', () => {
    expect(confident('dropbox.oauth.BadStateException: Missing CSRF token in session.')).toEqual([
      'dropbox:sdk-redirect-not-matched',
    ]);
    expect(confident('dropbox.oauth.NotApprovedException: No additional description from Dropbox')).toEqual([
      'dropbox:access_denied',
    ]);
  });

  it('the messages are found by a lookup as well', () => {
    expect(firstKey('Unable to refresh access token without refresh token and app key')).toBe(
      'dropbox:sdk-cannot-refresh',
    );
    expect(firstKey('Response failed with a 401 code')).toBe('dropbox:sdk-response-401');
    expect(firstKey("Can't refresh without app Key.")).toBe('dropbox:sdk-cannot-refresh');
  });

  it('lines that share their words are not taken for them', () => {
    const lines = [
      'INFO  session store: CSRF token rotated for user 8812',
      'DEBUG refresh token and app key loaded from vault in 12 ms',
      'WARN  upstream answered 401, retrying once with a fresh token',
    ].join('\n');
    expect(confident(lines)).toEqual([]);
  });
});
