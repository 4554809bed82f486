import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Errors the OAuth client libraries raise themselves, as they show up in server logs.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);

describe('client library errors', () => {
  it("oauthlib's state mismatch in a requests-oauthlib traceback", () => {
    const trace = [
      'Traceback (most recent call last):',
      '  File "/srv/venv/lib/python3.12/site-packages/requests_oauthlib/oauth2_session.py", line 406, in fetch_token',
      'oauthlib.oauth2.rfc6749.errors.MismatchingStateError: (mismatching_state) CSRF Warning! State not equal in request and response.',
    ].join('\n');
    expect(confident(trace)).toEqual(['oauth-clients:mismatching_state']);
  });

  it('NextAuth.js v4 and Auth.js v5 log their errors differently; each gets its own entry', () => {
    const v4 =
      "[next-auth][error][OAUTH_CALLBACK_ERROR]\nhttps://next-auth.js.org/errors#oauth_callback_error State cookie was missing. { providerId: 'google' }";
    expect(confident(v4)).toEqual(['oauth-clients:OAuthCallbackError@nextauth-v4']);
    const v5 =
      '[auth][error] InvalidCheck: pkceCodeVerifier value could not be parsed. Read more at https://errors.authjs.dev#invalidcheck';
    expect(confident(v5)).toEqual(['oauth-clients:InvalidCheck']);
  });

  it("Spring Security's token response failure and passport-oauth2's TokenError", () => {
    const spring =
      'org.springframework.security.oauth2.core.OAuth2AuthenticationException: [invalid_token_response] An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response: 401 Unauthorized: [no body]';
    expect(confident(spring)).toEqual(['oauth-clients:invalid_token_response']);
    const passport =
      'TokenError: Bad Request\n    at OAuth2Strategy.parseErrorResponse (/srv/node_modules/passport-oauth2/lib/strategy.js:373:12)';
    expect(confident(passport)).toEqual(['oauth-clients:TokenError']);
  });

  it("library names do not claim other errors: jsonwebtoken's TokenExpiredError, Slack's token_expired", () => {
    expect(confident('TokenExpiredError: jwt expired\n    at /srv/node_modules/jsonwebtoken/verify.js:190:21')).toEqual(
      ['jsonwebtoken:TokenExpiredError'],
    );
    expect(confident('POST https://slack.com/api/chat.postMessage -> {"ok":false,"error":"token_expired"}')).toEqual([
      'slack:token_expired',
    ]);
  });
});
