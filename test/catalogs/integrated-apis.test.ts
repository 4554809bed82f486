import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/findings.js';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// APIs that identity and integration teams call with the tokens they obtained: Firebase Authentication,
// Microsoft Graph, Meta's Graph API, NetSuite's REST services, Salesforce's token endpoint and APIs.
// Every log line below is written for this test in the shapes such logs take.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
/** Sure findings named by entry key, so a context (a Meta subcode, a Firebase SDK) shows. */
const keys = (text: string) =>
  confidentOf(resolver, text, (finding: Finding) => finding.entry?.key ?? `${finding.provider}:${finding.code}`);
const firstKey = (query: string, provider?: string) => {
  const [first] = resolver.lookup(query, { limit: 5, ...(provider ? { provider } : {}) });
  return first?.entry?.key ?? `${first?.provider}:${first?.code}`;
};
const ours = ['firebase-auth', 'microsoft-graph', 'meta'];
const oursIn = (text: string) => confident(text).filter((name) => ours.some((id) => name.startsWith(`${id}:`)));

// Firebase codes contain a slash, which the catalog schema's code pattern has to allow first.
const firebaseShipped = existsSync(new URL('../../catalogs/firebase-auth.yaml', import.meta.url));

describe.runIf(firebaseShipped)('Firebase Authentication', () => {
  it('the web SDK in production and with its long messages', () => {
    expect(confident('Uncaught (in promise) FirebaseError: Firebase: Error (auth/popup-closed-by-user).')).toEqual([
      'firebase-auth:auth/popup-closed-by-user',
    ]);
    expect(
      confident(
        'login failed: FirebaseError: Firebase: The supplied auth credential is incorrect, malformed or has expired. (auth/invalid-credential).',
      ),
    ).toEqual(['firebase-auth:auth/invalid-credential']);
  });

  it('the Admin SDK refusing an ID token from another project', () => {
    const admin =
      'FirebaseAuthError: Firebase ID token has incorrect "aud" (audience) claim. Expected "shop-prod" but got "shop-staging". Make sure the ID token comes from the same Firebase project as the service account used to authenticate this SDK.';
    expect(keys(admin)).toEqual(['firebase-auth:auth/argument-error@admin-sdk']);
    expect(firstKey('auth/id-token-expired')).toBe('firebase-auth:auth/id-token-expired');
  });

  it('the REST API answers, and their generic codes only next to Firebase', () => {
    const rest =
      'POST https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=AIzaSyExample -> 400 {"error":{"code":400,"message":"INVALID_LOGIN_CREDENTIALS"}}';
    expect(confident(rest)).toEqual(['firebase-auth:INVALID_LOGIN_CREDENTIALS']);
    expect(oursIn('worker 3: session check returned TOKEN_EXPIRED, retrying')).toEqual([]);
  });

  it("the backend's PASSWORD_LOGIN_DISABLED, which the SDKs call operation-not-allowed", () => {
    // https://github.com/crazyhitty/firebase-chat/issues/3
    expect(confident('PASSWORD_LOGIN_DISABLED error I get When I click the Login button.')).toEqual([
      'firebase-auth:OPERATION_NOT_ALLOWED',
    ]);
  });

  it('Firestore and Hosting output is not taken for an Auth error', () => {
    const firestore = [
      '[2026-12-05T09:12:44.120Z]  @firebase/firestore: Firestore (10.12.0): Uncaught Error in snapshot listener:',
      'FirebaseError: [code=permission-denied]: Missing or insufficient permissions.',
      '✔  hosting[shop-prod]: release complete',
    ].join('\n');
    expect(oursIn(firestore)).toEqual([]);
  });
});

describe('Microsoft Graph', () => {
  it('a token Graph refuses, and an app Graph cannot find', () => {
    const expired =
      'GET https://graph.microsoft.com/v1.0/me/messages -> 401 {"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience.","innerError":{"date":"2026-12-05T08:00:00"}}}';
    expect(confident(expired)).toContain('microsoft-graph:InvalidAuthenticationToken');
    const identity = [
      'Microsoft.Graph.Models.ODataErrors.ODataError: The identity of the calling application could not be established.',
      '   at Microsoft.Graph.Users.UsersRequestBuilder.GetAsync()',
    ].join('\n');
    expect(confident(identity)).toEqual(['microsoft-graph:Authorization_IdentityNotFound']);
  });

  it('missing permissions on mail and Teams calls', () => {
    const mail =
      "msgraph: POST /users/ops@contoso.example/sendMail failed: {'error': {'code': 'ErrorAccessDenied', 'message': 'Access is denied. Check credentials and try again.'}}";
    expect(confident(mail)).toEqual(['microsoft-graph:ErrorAccessDenied']);
    const teams =
      'GET https://graph.microsoft.com/v1.0/chats -> 403 {"error":{"code":"Forbidden","message":"Missing scope permissions on the request. API requires one of \'Chat.ReadBasic, Chat.Read\'. Scopes on the request \'User.Read, Mail.Read\'"}}';
    expect(confident(teams)).toEqual(['microsoft-graph:Forbidden']);
  });

  it('bare HTTP refusals name no Graph error', () => {
    expect(
      oursIn(
        'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/v1/orders',
      ),
    ).toEqual([]);
    expect(oursIn('HTTP/1.1 403 Forbidden\nServer: nginx/1.25.3')).toEqual([]);
  });

  it('Kubernetes and AWS refusals are not Graph errors', () => {
    const kube =
      'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "pods" in API group "" in the namespace "prod"';
    expect(oursIn(kube)).toEqual([]);
    expect(oursIn('An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied')).toEqual(
      [],
    );
  });
});

describe('Meta Graph API', () => {
  it("Graph's 'Invalid OAuth 2.0 Access Token' is code 190's", () => {
    // https://github.com/facebookarchive/account-kit-samples-for-android/issues/50
    const accountKit = [
      '{',
      '   "error": {',
      '      "message": "Invalid OAuth 2.0 Access Token",',
      '      "type": "EMApiException",',
      '      "code": 190,',
    ].join('\n');
    expect(keys(accountKit)).toEqual(['meta:OAuthException@code-190']);
    // https://github.com/facebook/facebook-android-sdk/issues/59
    expect(keys('response{"error_code":190,"error_msg":"Invalid OAuth 2.0 Access Token","request_args":[]}')).toEqual([
      'meta:OAuthException@code-190',
    ]);
  });

  it('code 190 with its subcode is one finding, the subcode chosen by the message', () => {
    const expired =
      '{"error":{"message":"Error validating access token: Session has expired on Friday, 04-Dec-26 10:00:00 PST. The current time is Saturday, 05-Dec-26 02:14:09 PST.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AxYz12Example"}}';
    expect(keys(expired)).toEqual(['meta:OAuthException@subcode-463']);
    const android =
      'E/GraphResponse: {HttpStatus: 400, errorCode: 190, subErrorCode: 460, errorType: OAuthException, errorMessage: Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.}';
    expect(keys(android)).toEqual(['meta:OAuthException@subcode-460']);
    // The Android SDK's exception, by its class and fields, with the message of a removed app (458).
    const removed =
      'FacebookServiceException: httpResponseCode: 400, facebookErrorCode: 190, facebookErrorType: OAuthException, message: Error validating access token: The user has not authorized application 1234567890.';
    expect(keys(removed)).toEqual(['meta:OAuthException@subcode-458']);
  });

  it('the login code exchange, permissions and rate limits', () => {
    const exchange =
      'GET https://graph.facebook.com/v19.0/oauth/access_token -> 400 {"error":{"message":"Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request","type":"OAuthException","code":100,"fbtrace_id":"Bq7Example"}}';
    expect(keys(exchange)).toEqual(['meta:OAuthException@code-100-verification-code']);
    const permission =
      'Koala::Facebook::ClientError: type: OAuthException, code: 200, message: (#200) Requires extended permission: pages_manage_posts, x-fb-trace-id: Gq9Example [HTTP 403]';
    expect(keys(permission)).toEqual(['meta:OAuthException@code-200-299']);
    const limit =
      '{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","is_transient":true,"code":4,"fbtrace_id":"Fq1Example"}}';
    expect(keys(limit)).toEqual(['meta:OAuthException@code-4']);
  });

  it("the login dialog's page for a redirect URI that strict mode refuses, whole or its first words", () => {
    const page =
      'Facebook: URL Blocked: This redirect failed because the redirect URI is not whitelisted in the app’s Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.';
    expect(keys(page)).toEqual(['meta:OAuthException@code-191']);
    expect(firstKey('URL Blocked: This redirect failed because the redirect URI is not whitelisted')).toBe(
      'meta:OAuthException@code-191',
    );
  });

  it('numbers typed as codes', () => {
    expect(firstKey('190')).toBe('meta:OAuthException@code-190');
    expect(firstKey('463 meta')).toBe('meta:OAuthException@subcode-463');
    expect(firstKey('error_subcode 463')).toBe('meta:OAuthException@subcode-463');
    expect(firstKey('OAuthException code 190')).toBe('meta:OAuthException@code-190');
  });

  it('numbers in a busy log and other libraries named OAuthException are not Meta errors', () => {
    const log = [
      '2026-12-05 10:04:17,190 INFO GET https://graph.facebook.com/v19.0/me/accounts?limit=100 -> 200 (463 ms)',
      '2026-12-05 10:04:18,004 INFO synced 17 pages, 4 skipped, next run in 10 minutes',
    ].join('\n');
    expect(oursIn(log)).toEqual([]);
    const scribe =
      "org.scribe.exceptions.OAuthException: Response body is incorrect. Can't extract a token from this: 'oauth_problem=token_rejected'";
    expect(oursIn(scribe)).toEqual([]);
  });
});

describe('NetSuite REST services and token endpoint', () => {
  it("the token endpoint's standard codes are NetSuite's next to NetSuite", () => {
    const refresh =
      'POST https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token -> 400 {"error":"invalid_grant"}';
    expect(confident(refresh)).toEqual(['netsuite-oauth2:invalid_grant']);
    const m2m =
      'netsuite m2m: token request failed 401 {"error":"invalid_client"} (client_credentials, kid=Yk3Example)\nPOST https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token';
    expect(confident(m2m)).toEqual(['netsuite-oauth2:invalid_client']);
    expect(confident('POST /oauth2/token -> 400 {"error":"invalid_grant"}')).toEqual(['oauth2:invalid_grant']);
  });

  it('Login Audit Trail details typed as lookups', () => {
    expect(firstKey('AccessTokenExpired netsuite')).toBe('netsuite-oauth2:AccessTokenExpired');
    expect(firstKey('InvalidState', 'netsuite-oauth2')).toBe('netsuite-oauth2:InvalidState');
  });
});

describe('Salesforce token endpoint and API', () => {
  it('an API call with an expired session, and a token endpoint error the Help table does not list', () => {
    const api =
      'GET https://acme.my.salesforce.com/services/data/v61.0/sobjects/Account/001xx000003DGb2 -> 401 [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]';
    expect(confident(api)).toEqual(['salesforce:INVALID_SESSION_ID']);
    // Bulk API 1.0 spells it in its own field, beside the instance's host.
    const bulk =
      "POST https://acme.my.salesforce.com/services/async/59.0/job failed: {'exceptionCode': 'InvalidSessionId', 'exceptionMessage': 'Invalid session id'}";
    expect(confident(bulk)).toContain('salesforce:INVALID_SESSION_ID');
    const blocked = 'POST https://acme.my.salesforce.com/services/oauth2/token -> 400 {"error":"app_blocked"}';
    expect(confident(blocked)).toEqual(['salesforce:app_blocked']);
  });

  it('shared standard codes are Salesforce only next to Salesforce', () => {
    const device = 'POST https://login.salesforce.com/services/oauth2/token -> 400 {"error":"authorization_pending"}';
    expect(confident(device)).toEqual(['salesforce:authorization_pending']);
    expect(confident('POST /token -> 400 {"error":"authorization_pending"}')).toEqual(['oauth2:authorization_pending']);
    expect(firstKey('server_error', 'salesforce')).toBe('salesforce:server_error');
    expect(confident('upstream returned {"error":"server_error"} from the identity provider')).not.toContain(
      'salesforce:server_error',
    );
  });
});
