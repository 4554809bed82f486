import { describe, expect, it } from 'vitest';
import { bestOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Questions people wrote with no code or message to paste, answered by the entries' symptoms (how the error shows
// itself in everyday words). Each is the title of a public issue, quoted as written.
const resolver = useShippedResolver();
const first = (query: string) => bestOf(resolver, query);

describe('described errors found by their symptoms', () => {
  it("Google's refresh tokens of an app in testing last a week", () => {
    // https://github.com/alx-xlx/goindex/issues/100
    expect(first('Expire refresh token every week')).toBe('google:invalid_grant');
    // https://github.com/insanum/gcalcli/issues/628
    expect(first('I have renew the token every 7 days')).toBe('google:invalid_grant');
    // https://github.com/hanydd/BilibiliSponsorBlock/issues/330
    expect(first('Chrome refresh token expiry may be caused by the OAuth consent screen being in Testing')).toBe(
      'google:invalid_grant',
    );
    // https://github.com/iterative/PyDrive2/issues/171
    expect(first('Token Refresh With Unpublished App')).toBe('google:invalid_grant');
  });

  it("Entra's refresh tokens of a single-page app last a day", () => {
    // https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/4944
    expect(first('How to keep a mobile SPA user logged in for more than a day')).toBe('entra:AADSTS700084');
  });

  it("Auth0's silent authentication fails where third-party cookies are blocked", () => {
    // https://github.com/auth0/auth0-spa-js/issues/324
    expect(first('User is logged out when page is refreshed in Safari 13.0.4')).toBe('auth0:login_required');
    // https://github.com/auth0-samples/auth0-javascript-samples/issues/78
    expect(first('Using Safari 13.0.2 after page refresh isAuthenticated() always appears to return false')).toBe(
      'auth0:login_required',
    );
    // https://github.com/auth0/auth0-react/issues/362
    expect(first('Authentication not persisting on safari')).toBe('auth0:login_required');
    // https://github.com/auth0/auth0-angular/issues/191
    expect(first('Not authenticated after browser refresh on iOS')).toBe('auth0:login_required');
    // https://github.com/SimplQ/simplQ-frontend/issues/560
    expect(first('Users get logged out on page refresh')).toBe('auth0:login_required');
    // https://github.com/ThatConference/that.us/issues/121
    expect(first('Reloading Safari page results in not being logged in')).toBe('auth0:login_required');
  });

  it("Dropbox's access tokens are short-lived", () => {
    // https://github.com/karthik/rdrop2/issues/201
    expect(first('drop_auth() generating short lived tokens')).toBe('dropbox:expired_access_token');
  });

  it('Firebase signs in only on authorized domains', () => {
    // https://github.com/flutter/flutter/issues/126333
    expect(
      first(
        'Flutter web: Google sign in work on web in localhost but when deploy it in firebase, the pop up not showing or showing a moment and disappear',
      ),
    ).toBe('firebase-auth:auth/unauthorized-domain');
  });

  it("Azure AD B2C's forgot-password link returns to the app", () => {
    // https://github.com/MicrosoftDocs/azure-docs/issues/48676
    expect(first('Reset Password Link for V2 User Flows')).toBe('azure-b2c:AADB2C90118');
  });

  it("Xero's refresh tokens expire unused", () => {
    // https://github.com/XeroAPI/xero-ruby/issues/95
    expect(first('Refresh Token is getting expired before 60 days')).toBe('xero:invalid_grant');
  });
});

describe('a symptom of an Entra error, described in words (written for this test)', () => {
  it("a CORS error at Entra's token endpoint from a single-page app is AADSTS9002326", () => {
    expect(first('my React app gets a CORS error from Azure AD when it redeems the code')).toBe('entra:AADSTS9002326');
  });
});
