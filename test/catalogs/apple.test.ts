import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Sign in with Apple as its errors show up in server logs (the REST API) and app logs (AuthenticationServices).
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('Sign in with Apple', () => {
  it("the token endpoint's invalid_client is Apple's only next to Apple", () => {
    const apple =
      'apple-login: POST https://appleid.apple.com/auth/token failed: 400 {"error":"invalid_client"} (client_id=com.example.web)';
    expect(confident(apple)).toEqual(['apple:invalid_client']);
    expect(confident('POST /oauth/token -> 400 {"error":"invalid_client"}')).toEqual(['oauth2:invalid_client']);
  });

  it("a reused code's error_description names Apple's invalid_grant", () => {
    const log = [
      '2026-11-27T09:14:02Z WARN auth.apple code exchange rejected',
      '  url=https://appleid.apple.com/auth/token status=400',
      '  body={"error":"invalid_grant","error_description":"The code has already been used."}',
    ].join('\n');
    expect(confident(log)).toEqual(['apple:invalid_grant']);
  });

  it('error 1000 from an iOS app, as NSError prints it and as its localized description', () => {
    const nsError =
      'SignInController: authorization failed: Error Domain=com.apple.AuthenticationServices.AuthorizationError Code=1000 "(null)"';
    expect(confident(nsError)).toEqual(['apple:ASAuthorizationErrorUnknown']);
    const described =
      "[Auth] Apple sign-in error: The operation couldn't be completed. (com.apple.AuthenticationServices.AuthorizationError error 1000.)";
    expect(confident(described)).toEqual(['apple:ASAuthorizationErrorUnknown']);
    // The Swift spelling is as distinctive as the Objective-C constant.
    expect(confident('caught ASAuthorizationError.Code.unknown while signing in')).toEqual([
      'apple:ASAuthorizationErrorUnknown',
    ]);
  });

  it('a cancelled sign-in is 1001, native or on the web', () => {
    const flutter =
      'E/flutter: SignInWithAppleAuthorizationException(AuthorizationErrorCode.canceled, The operation couldn’t be completed. (com.apple.AuthenticationServices.AuthorizationError error 1001.))';
    expect(confident(flutter)).toEqual(['apple:ASAuthorizationErrorCanceled']);
    expect(confident('ASAuthorizationErrorCanceled')).toEqual(['apple:ASAuthorizationErrorCanceled']);
    const web = 'POST /auth/apple/callback error=user_cancelled_authorize&state=8f2c (from appleid.apple.com)';
    expect(confident(web)).toEqual(['apple:user_cancelled_authorize']);
  });

  it("typed with its domain, error 1000 is Apple's, not the client libraries' AuthorizationError", () => {
    const [first] = resolver.lookup('com.apple.AuthenticationServices.AuthorizationError error 1000');
    expect(first).toMatchObject({ provider: 'apple', code: 'ASAuthorizationErrorUnknown' });
    // The name alone, typed on purpose, is still the library error it names.
    expect(resolver.lookup('AuthorizationError')[0]).toMatchObject({
      provider: 'oauth-clients',
      code: 'AuthorizationError',
      confidence: 'exact',
    });
  });

  it('the number 1000 in an ordinary log line is not an Apple error', () => {
    expect(confident('GET /api/orders?limit=1000 200 18ms')).toEqual([]);
    expect(confident('batch worker: error 1000 rows skipped, retrying in 30s')).toEqual([]);
    expect(confident('Error Domain=NSURLErrorDomain Code=-1000 "bad URL"')).toEqual([]);
  });
});
