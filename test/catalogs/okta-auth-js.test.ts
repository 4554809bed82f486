import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// The Okta Auth JS SDK's own errors (AuthSdkError, and the OAuthError and AuthApiError that carry Okta's answers), as
// they show up in public issue threads of okta-auth-js, okta-react, okta-angular, okta-vue and their samples: each
// sample is text people pasted there (the thread beside it), then ordinary lines with similar words that must not be
// read as the SDK's errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const readings = (text: string) => readingsOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['okta-auth-js']);
/** The context id of a lookup's first answer. */
const bestReading = (query: string) => resolver.lookup(query)[0]?.entry?.context?.id;

describe('okta-auth-js: the callback and its saved transaction', () => {
  it('the state check, in an Angular stack trace, on a page and in a sample app', () => {
    // https://github.com/okta/okta-oidc-js/issues/140
    const trace = [
      "webpack-internal:///./node_modules/@angular/core/esm5/core.js:1664 ERROR Error: Uncaught (in promise): AuthSdkError: OAuth flow response state doesn't match request state",
      'Error',
      '    at eval (webpack-internal:///./node_modules/@okta/okta-auth-js/lib/errors/AuthSdkError.js:26)',
      '    at Object../node_modules/@okta/okta-auth-js/lib/errors/AuthSdkError.js (vendor.bundle.js:583)',
      '    at __webpack_require__ (inline.bundle.js:55)',
    ].join('\n');
    expect(confident(trace)).toEqual(['okta-auth-js:AuthSdkError']);
    expect(readings(trace)).toEqual(['state']);
    // https://github.com/okta/okta-auth-js/issues/286
    expect(
      readings(
        "`ERROR Error: Uncaught (in promise): AuthSdkError: OAuth flow response state doesn't match request state`",
      ),
    ).toEqual(['state']);
    // https://github.com/okta/samples-js-react/issues/116
    expect(
      readings('- Page renders an error: "AuthSdkError: OAuth flow response state doesn\'t match request state"'),
    ).toEqual(['state']);
  });

  it('no saved PKCE code verifier: whole, without its period, and cut after its first sentence', () => {
    // https://github.com/okta/okta-vue/issues/143
    expect(
      readings(
        'AuthSdkError: Could not load PKCE codeVerifier from storage. This may indicate the auth flow has already completed or multiple auth flows are executing concurrently.',
      ),
    ).toEqual(['pkce-verifier']);
    // https://github.com/okta/okta-auth-js/issues/562
    expect(
      readings(
        'Signing into a web app in chrome/browser while also having the PWA version of the app installed on Android results in a redirect to the PWA and the following error: "AuthSdkError: Could not load PKCE codeVerifier from storage. This may indicate the auth flow has already completed or multiple auth flows are executing concurrently".',
      ),
    ).toEqual(['pkce-verifier']);
    // https://github.com/okta/okta-oidc-js/issues/844
    expect(readings('`AuthSdkError: Could not load PKCE codeVerifier from storage`')).toEqual(['pkce-verifier']);
  });

  it('no saved redirect parameters, in the storage wording and the older cookie one', () => {
    // https://github.com/okta/okta-vue/issues/134
    expect(
      readings('The specific error message is "AuthSdkError: Unable to retrieve OAuth redirect params from storage."'),
    ).toEqual(['redirect-params']);
    // https://github.com/okta/okta-oidc-js/issues/922
    expect(
      readings(
        'Seemingly at random `<LoginCallback>` returns `AuthSdkError: Unable to retrieve OAuth redirect params cookie`. I would guess the failure rate is roughly  5% of the time.',
      ),
    ).toEqual(['redirect-params']);
    // https://github.com/okta/okta-oidc-js/issues/706 (the title)
    expect(
      confident('ERROR Error: Uncaught (in promise): AuthSdkError: Unable to retrieve OAuth redirect params cookie'),
    ).toEqual(['okta-auth-js:AuthSdkError']);
  });

  it('a callback URL without the response, and a token call on the callback (3.x)', () => {
    // https://github.com/okta/okta-oidc-js/issues/845 (the title)
    expect(readings('AuthSdkError: Unable to parse a token from the url happening randomly after login')).toEqual([
      'no-token-in-url',
    ]);
    // https://github.com/okta/okta-oidc-js/issues/759
    expect(
      readings(
        "User logs in on Okta's site and gets redirected to our ReactJS app, and randomly users are getting the error `AuthSdkError: Unable to parse a token from the URL`.",
      ),
    ).toEqual(['no-token-in-url']);
    // https://github.com/okta/okta-angular/issues/6 (the title)
    expect(
      readings(
        'Getting "AuthSdkError: The app should not attempt to call authorize API on callback. Authorize flow is already in process. Use parseFromUrl() to receive tokens." error when trying to get access token',
      ),
    ).toEqual(['callback-in-progress']);
  });
});

describe('okta-auth-js: the ID token checks', () => {
  it('issued in the future, as the older Sign-In Widget wrapped it', () => {
    // https://github.com/okta/okta-oidc-js/issues/199
    const widget =
      '{ \n  "o": {\n    "name": "OAUTH_ERROR",\n    "message": "The JWT was issued in the future"\n  }\n}';
    expect(confident(widget)).toEqual(['okta-auth-js:AuthSdkError']);
    expect(readings(widget)).toEqual(['issued-in-future']);
  });

  it('the audience and the key id', () => {
    // https://github.com/okta/okta-auth-js/issues/225
    expect(
      readings(
        'The audience [my_id_ppd] does not match [my_id_ppd]\nI have this issue on the oktaAuth.token.parseFromUrl() method.',
      ),
    ).toEqual(['audience']);
    // https://github.com/okta/okta-auth-js/issues/797
    expect(
      readings(
        "Attempt a login via the Angular Application screen & receive something like the following error:  \n\nAuthSdkError: The key id, paPifw94MwpwDx3Wcs-Xz6mbULZSLAW3AQKrXQjPxYk, was not found in the server's keys",
      ),
    ).toEqual(['key-id']);
  });
});

describe('okta-auth-js: browser and configuration', () => {
  it('PKCE without Web Crypto, in the current and the 2.x wording', () => {
    // https://github.com/okta/okta-auth-js/issues/1302 (the title)
    expect(
      readings(
        'IE 11 w/ polyfill - AuthSdkError PKCE requires a modern browser with encryption support running in a secure context',
      ),
    ).toEqual(['pkce-unsupported']);
    // https://github.com/okta/okta-auth-js/issues/242
    const object = [
      'errorCauses: []',
      'errorCode: "INTERNAL"',
      'errorId: "INTERNAL"',
      'errorLink: "INTERNAL"',
      'errorSummary: "This browser doesn\'t support PKCE"',
      'message: "This browser doesn\'t support PKCE"',
      'name: "AuthSdkError"',
    ].join('\n');
    expect(ours(object)).toEqual(['okta-auth-js:AuthSdkError']);
    expect(readingsOf(resolver, object).filter(Boolean)).toEqual(['pkce-unsupported']);
  });

  it('the origin check of the iframe, near the SDK it was traced to', () => {
    // https://github.com/okta/okta-auth-js/issues/417
    const text = [
      'When trying to renew my access token using `authClient.tokenManager.get(\'accessToken\')`, I get the error "The request does not match client configuration", which I could trace to  ',
      'https://github.com/okta/okta-auth-js/blob/master/packages/okta-auth-js/lib/token.js#L136',
    ].join('\n');
    expect(readings(text)).toEqual(['origin-mismatch']);
  });

  it('no issuer for the constructor', () => {
    // https://github.com/okta/okta-developer-docs/issues/1077
    expect(
      readings('When run the app and authenticate you get this:\n"AuthSdkError: No issuer passed to constructor"'),
    ).toEqual(['issuer-config']);
  });
});

describe('okta-auth-js: the general reading', () => {
  it('a wording the SDK never had, and the class name alone, are the general AuthSdkError', () => {
    // https://github.com/okta/okta-oidc-js/issues/466 (the nonce check retold: the SDK says "OAuth flow response
    // nonce doesn't match request nonce")
    expect(
      readings(
        'But after login, it takes me back to the ImplicitCallback page and throws AuthSdkError: The request nonce doesnt match response nonce.',
      ),
    ).toEqual(['sdk']);
    expect(bestReading('AuthSdkError')).toBe('sdk');
  });

  it('two long sentences other software writes too count after the class name only (as the SDK throws them)', () => {
    expect(readings('AuthSdkError: The token signature is not valid')).toEqual(['signature']);
    expect(
      readings(
        'Uncaught (in promise) AuthSdkError: Issuer must be a valid URL. Required usage: new OktaAuth({issuer: "https://{yourOktaDomain}.com/oauth2/{authServerId}"})',
      ),
    ).toEqual(['issuer-config']);
    expect(ours('The token signature is not valid.')).toEqual([]);
    expect(ours('ValueError: issuer must be a valid URL')).toEqual([]);
  });
});

describe("okta-auth-js: the wrappers of Okta's answers", () => {
  it("OAuthError carries Okta's access_denied, found beside the wrapper", () => {
    // https://github.com/okta/okta-oidc-js/issues/202
    const trace = [
      'core.js:1440 ERROR Error: Uncaught (in promise): OAuthError: User is not assigned to the client application.',
      'Error',
      '    at eval (OAuthError.js:20)',
      '    at Object../node_modules/@okta/okta-auth-js/lib/errors/OAuthError.js (vendor.bundle.js:1014)',
      '    at __webpack_require__ (inline.bundle.js:55)',
    ].join('\n');
    expect(confident(trace)).toEqual(['okta-auth-js:OAuthError', 'okta:access_denied']);
  });

  it('AuthApiError vouches for the summary after it only near the SDK: other libraries throw an AuthApiError too', () => {
    const near = "import { OktaAuth } from '@okta/okta-auth-js';\nAuthApiError: The session has expired.";
    expect(confident(near)).toEqual(['okta-auth-js:AuthApiError', 'okta:idx.session.expired']);
    expect(resolver.lookup(near)[0]).toMatchObject({ provider: 'okta', code: 'idx.session.expired' });
    expect(confident('AuthApiError: The session has expired.')).toEqual([]);
  });

  it("AuthApiError carries Okta's E0000004", () => {
    // https://github.com/okta/okta-auth-js/issues/658
    const text = [
      '      const response = await oktaAuth.signInWithCredentials({',
      'In catch error I see',
      '',
      'AuthApiError: Authentication failed at ...file path',
      '',
      'but in network response on  `POST https://truverisexternal.okta.com/api/v1/authn` there is',
      '`{"errorCode":"E0000004","errorSummary":"Authentication failed","errorLink":"E0000004","errorId":"oaeKyzu0cpcS6OCmvcxHME_rQ","errorCauses":[]}`',
    ].join('\n');
    const found = confident(text);
    expect(found).toContain('okta:E0000004');
    expect(found).toContain('okta-auth-js:AuthApiError');
  });
});

describe('okta-auth-js: lookups', () => {
  it('answers the class names and the messages', () => {
    expect(best('AuthSdkError')).toBe('okta-auth-js:AuthSdkError');
    expect(best("AuthSdkError: OAuth flow response state doesn't match request state")).toBe(
      'okta-auth-js:AuthSdkError',
    );
    expect(bestReading("OAuth flow response state doesn't match request state")).toBe('state');
    expect(bestReading("OAuth flow response nonce doesn't match request nonce")).toBe('nonce');
    expect(bestReading('The JWT was issued in the future')).toBe('issued-in-future');
    expect(bestReading('The JWT expired and is no longer valid')).toBe('expired');
    expect(bestReading('Could not load PKCE codeVerifier from storage')).toBe('pkce-verifier');
    expect(bestReading('Unable to retrieve OAuth redirect params from storage')).toBe('redirect-params');
    expect(bestReading('PKCE requires a modern browser with encryption support running in a secure context.')).toBe(
      'pkce-unsupported',
    );
    expect(
      bestReading('The issuer [https://dev-1.okta.com] does not match [https://dev-1.okta.com/oauth2/default]'),
    ).toBe('issuer');
    expect(bestReading('AuthSdkError: Too many token renew requests')).toBe('renew-loop');
    expect(bestReading('AuthSdkError: OAuth flow timed out')).toBe('timeout');
  });

  it("a wrapper's carried message is still Okta's", () => {
    expect(best('"OAuthError: User is not assigned to the client application"')).toBe('okta:access_denied');
    expect(confident('OAuthError: oie.tooManyRequests')).toEqual(['okta:E0000047']);
  });
});

describe('okta-auth-js: look-alikes', () => {
  it("does not read other libraries' state, nonce and clock messages as the SDK's", () => {
    // https://github.com/oauth-io/sdk-node/issues/8
    expect(ours('[Error: State is not matching]')).toEqual([]);
    // https://github.com/hadiidbouk/AppAuthWebView-Android/issues/10
    expect(
      ours(
        'State returned in authorization response (null) does not match state from request (LmczCxPhXNzO5gJLoR8vjw) - discarding response',
      ),
    ).toEqual([]);
    // https://github.com/auth0-samples/auth0-javascript-samples/issues/13
    expect(ours('errorDescripcion: "The token was issued in the future. Please check your computed clock.')).toEqual(
      [],
    );
    // https://github.com/facile-it/php-openid-client/issues/24
    expect(
      ours(
        'PHP Fatal error:  Uncaught Jose\\Component\\Checker\\InvalidClaimException: The JWT is issued in the future. in /vendor/web-token/jwt-checker/IssuedAtChecker.php:53',
      ),
    ).toEqual([]);
  });

  it("does not read the SDK's generic sentences without its names", () => {
    expect(ours('Error: OAuth flow timed out')).toEqual([]);
    expect(ours('Token hash verification failed')).toEqual([]);
    expect(ours('Too many token renew requests')).toEqual([]);
  });

  it("leaves supabase-js's AuthApiError and Authlib's OAuthError to them", () => {
    expect(ours('AuthApiError: Invalid Refresh Token: Refresh Token Not Found')).toEqual([]);
    expect(ours('AuthApiError: The session has expired.')).toEqual([]);
    expect(ours('authlib.integrations.base_client.errors.OAuthError: invalid_grant: ')).toEqual([]);
  });
});
