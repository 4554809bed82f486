import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver, withContext } from '../helpers/shipped-resolver.js';

// Google Identity and Google APIs as their errors show up in app logs, client libraries and the browser.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
/** Which meaning of a code the scan picked: `google:invalid_grant/reauth`. */
const withContextOf = (text: string) => confidentOf(resolver, text, withContext);

describe('Google', () => {
  it("invalid_grant is read by Google's description: session reauthentication, service account JWT, refresh token", () => {
    const reauth =
      "google.auth.exceptions.RefreshError: ('invalid_grant: reauth related error (invalid_rapt)', {'error': 'invalid_grant', 'error_subtype': 'invalid_rapt'})";
    // google-auth's RefreshError carries Google's own error here: that error is the finding, the wrapper none.
    expect(withContextOf(reauth)).toEqual(['google:invalid_grant/reauth']);
    const jwt =
      'svc-report | POST https://oauth2.googleapis.com/token 400 {"error":"invalid_grant","error_description":"Invalid JWT Signature."}';
    expect(withContextOf(jwt)).toEqual(['google:invalid_grant/service-account']);
    const refresh = jwt.replace('Invalid JWT Signature.', 'Token has been expired or revoked.');
    expect(withContextOf(refresh)).toEqual(['google:invalid_grant/user-tokens']);
    // The retired Python oauth2client names no host, only its own exception.
    expect(confident('oauth2client.client.AccessTokenRefreshError: invalid_grant')).toEqual(['google:invalid_grant']);
    // Many libraries name a class OAuth2Client (arctic, for one): it is no clue to Google.
    expect(confident('OAuth2RequestError: invalid_request at OAuth2Client.sendTokenRequest')).toEqual([
      'oauth2:invalid_request',
    ]);
  });

  it('a Google API refusing the access token: 401 with its reason, 403 for missing scopes', () => {
    const body = [
      'GET https://calendar.example-proxy.test/v3/events -> 401',
      '{ "error": { "code": 401,',
      '  "message": "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",',
      '  "status": "UNAUTHENTICATED",',
      '  "details": [ { "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ACCESS_TOKEN_EXPIRED" } ] } }',
    ].join('\n');
    expect(confident(body).sort()).toEqual(['google:ACCESS_TOKEN_EXPIRED', 'google:UNAUTHENTICATED']);
    const scopes = 'sync-worker: googleapi: Error 403: Request had insufficient authentication scopes.';
    expect(confident(scopes)).toEqual(['google:ACCESS_TOKEN_SCOPE_INSUFFICIENT']);
    // An older API's reason for the same 401, as Go's client prints it: the same error, by its other name.
    const legacy = 'calendar-sync: googleapi: Error 401: Invalid Credentials, authError';
    expect(confident(legacy)).toEqual(['google:UNAUTHENTICATED']);
    expect(resolver.lookup('authError')[0]).toMatchObject({ provider: 'google', code: 'UNAUTHENTICATED' });
    // A variable of that name in code is nothing.
    expect(confident('const authError = new Error("x"); if (authError) throw authError;')).toEqual([]);
  });

  it('Application Default Credentials missing, in Python and in Node.js', () => {
    const python =
      'google.auth.exceptions.DefaultCredentialsError: Your default credentials were not found. To set up Application Default Credentials, see https://cloud.google.com/docs/authentication/external/set-up-adc for more information.';
    expect(confident(python)).toEqual(['google:DefaultCredentialsError']);
    const node =
      '[api] boot failed: Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information.';
    expect(confident(node)).toEqual(['google:DefaultCredentialsError']);
  });

  it("google-auth's RefreshError typed by its name answers that wrapper, which says to read the error inside", () => {
    for (const query of [
      'google.auth.exceptions.RefreshError',
      'why do I keep getting google.auth.exceptions.RefreshError',
    ]) {
      const [answer] = resolver.lookup(query);
      expect(`${answer?.provider}:${answer?.code}`).toBe('google:RefreshError');
      expect(answer?.confidence).not.toBe('weak');
    }
    // In a traceback, the token endpoint's error it carries comes with it.
    const pasted =
      "google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant', 'error_description': 'Token has been expired or revoked.'})";
    expect(withContextOf(pasted)).toContain('google:invalid_grant/user-tokens');
  });

  it('sign-in in the browser: the consent screen not set up, a blocked popup, the old gapi.auth2', () => {
    const page = [
      'Access blocked: Authorization Error',
      'This app is not yet configured to make OAuth requests. To do that, set up the app’s OAuth consent screen in the Google Cloud Console.',
      'Error 403: restricted_client',
    ].join('\n');
    expect(confident(page)).toEqual(['google:restricted_client']);
    expect(
      confident("GIS error_callback: {type: 'popup_failed_to_open', message: 'Failed to open popup window'}"),
    ).toEqual(['google:popup_failed_to_open']);
    const closed = "{type: 'popup_closed', message: 'Popup window closed'}";
    expect(confident(`google.accounts.oauth2 token client ${closed}`)).toEqual(['google:popup_closed']);
    expect(
      confident("Uncaught {error: 'idpiframe_initialization_failed', details: 'Cookies are not enabled'}"),
    ).toEqual(['google:idpiframe_initialization_failed']);
    // The page a web view gets, quoted without its code.
    const webView =
      'This user-agent is not permitted to make an OAuth authorization request to Google as it is classified as an embedded user-agent (also known as a web-view). Per our policy, only browsers are permitted to make authorization requests to Google.';
    expect(confident(webView)).toEqual(['google:disallowed_useragent']);
  });

  it('the same words from other systems are not taken for Google', () => {
    // A GraphQL server's own UNAUTHENTICATED, a CSS class, a variable, another service's ErrorInfo reason.
    expect(confident('{"errors":[{"message":"Not logged in","extensions":{"code":"UNAUTHENTICATED"}}]}')).toEqual([]);
    expect(confident("modal.classList.toggle('popup_closed')")).toEqual([]);
    expect(confident('if (restricted_client) { return deny(disabled_client) }')).toEqual([]);
    expect(confident('{"reason":"ACCESS_TOKEN_EXPIRED","domain":"auth.internal.test"}')).toEqual([]);
    // Google's own error page URL carries authError=..., which is not an error code.
    expect(
      confident(
        'see https://accounts.google.com/signin/oauth/error?authError=Q2xpZW50RXJyb3I&client_id=42.apps.googleusercontent.com',
      ),
    ).toEqual([]);
  });
});

describe('Google Sign-In (gapi.auth2)', () => {
  it("the old library's popup_closed_by_user is its own error, not Google Identity Services' popup_closed", () => {
    expect(confident("Uncaught {error: 'popup_closed_by_user'} at gapi.auth2 signIn")).toEqual([
      'google:popup_closed_by_user',
    ]);
    expect(resolver.lookup('error popup_closed_by_user')[0]?.code).toBe('popup_closed_by_user');
  });
});

describe('Google Sign-In on Android and iOS', () => {
  it('ApiException codes of Google Play services, in a stack trace and from the Flutter plugin', () => {
    const trace = [
      'W/LoginActivity: signInResult:failed',
      '    com.google.android.gms.common.api.ApiException: 10: ',
      '        at com.google.android.gms.common.internal.ApiExceptionUtil.fromStatus(Unknown Source:12)',
      '        at com.google.android.gms.auth.api.signin.GoogleSignIn.getSignedInAccountFromIntent(Unknown Source:9)',
    ].join('\n');
    expect(confident(trace)).toEqual(['google:DEVELOPER_ERROR']);
    expect(
      confident(
        'E/flutter: PlatformException(sign_in_failed, com.google.android.gms.common.api.ApiException: 12500: , null, null)',
      ),
    ).toEqual(['google:GoogleSignInStatusCodes.SIGN_IN_FAILED']);
    const cancelled = [
      'com.google.android.gms.common.api.ApiException: 12501: ',
      '        at com.google.android.gms.auth.api.signin.GoogleSignIn.getSignedInAccountFromIntent(Unknown Source:47)',
    ].join('\n');
    expect(confident(cancelled)).toEqual(['google:GoogleSignInStatusCodes.SIGN_IN_CANCELLED']);
    expect(confident('[RNGoogleSignin] Error: A non-recoverable sign in failure occurred')).toEqual([
      'google:GoogleSignInStatusCodes.SIGN_IN_FAILED',
    ]);
  });

  it("GoogleSignIn-iOS's keychain error and cancellation, as NSError prints them", () => {
    expect(
      confident(
        'Google sign-in failed: Error Domain=com.google.GIDSignIn Code=-2 "keychain error" UserInfo={NSLocalizedDescription=keychain error}',
      ),
    ).toEqual(['google:kGIDSignInErrorCodeKeychain']);
    expect(
      confident(
        'Error Domain=com.google.GIDSignIn Code=-5 "The user canceled the sign-in flow." UserInfo={NSLocalizedDescription=The user canceled the sign-in flow.}',
      ),
    ).toEqual(['google:kGIDSignInErrorCodeCanceled']);
  });

  it("other systems' DEVELOPER_ERROR, other ApiException numbers and a keychain error elsewhere are not Google Sign-In", () => {
    expect(
      confident('BillingClient: launchBillingFlow responseCode=DEVELOPER_ERROR debugMessage=Invalid product'),
    ).toEqual([]);
    expect(confident('com.google.android.gms.common.api.ApiException: 100: quota exceeded')).toEqual([]);
    expect(confident('security: keychain error while reading item "build-cert" (-25300)')).toEqual([]);
  });
});
