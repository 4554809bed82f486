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

  it("oauthlib's TokenExpiredError, in its module's path, is oauthlib's: jsonwebtoken's class name is only a guess there", () => {
    // https://github.com/Mendeley/mendeley-api-python-catalog-example/issues/5 (its title, as a traceback ends)
    const trace = 'oauthlib.oauth2.rfc6749.errors.TokenExpiredError';
    expect(confident(trace)).toEqual(['oauth-clients:token_expired']);
    // https://github.com/singingwolfboy/flask-dance/issues/318 (its title): with the error's name after it, one error.
    expect(confident(`${trace}: (token_expired)`)).toEqual(['oauth-clients:token_expired']);
  });
});

// Go's golang.org/x/oauth2, OmniAuth, python-social-auth, the legacy Spring Security OAuth project and
// client-oauth2, in the shapes their logs and stack traces take (made-up lines).
describe('more client libraries', () => {
  it("golang.org/x/oauth2's errors, as Go services and Grafana-style logfmt lines print them", () => {
    const retrieve =
      'logger=oauth.generic_oauth t=2026-03-02T09:14:07Z level=error msg="login failed" error="oauth2: cannot fetch token: 502 Bad Gateway\\nResponse: <html><body>upstream down</body></html>"';
    expect(confident(retrieve)).toEqual(['oauth-clients:RetrieveError']);
    const expired = 'sync: Get "https://api.example.test/v2/items": oauth2: token expired and refresh token is not set';
    expect(confident(expired)).toEqual(['oauth-clients:go-oauth2-refresh-token-not-set']);
    const missing = 'level=error msg="exchange failed" err="oauth2: server response missing access_token"';
    expect(confident(missing)).toEqual(['oauth-clients:go-oauth2-missing-access-token']);
    const html =
      'level=error msg="exchange failed" err="oauth2: cannot parse json: invalid character \'<\' looking for beginning of value"';
    expect(confident(html)).toEqual(['oauth-clients:go-oauth2-cannot-parse-json']);
  });

  it('an older x/oauth2 failure with an OAuth error in its body is also that standard error', () => {
    const old = 'oauth2: cannot fetch token: 400 Bad Request\nResponse: {"error":"invalid_grant"}';
    const found = confident(old);
    expect(found).toContain('oauth-clients:RetrieveError');
    expect(found.some((key) => key.startsWith('oauth2:invalid_grant'))).toBe(true);
  });

  it('a lookup of such a failure answers the error in its body first, the wrapper after it', () => {
    const [first, ...rest] = resolver.lookup(
      'oauth2: cannot fetch token: 400 Bad Request\nResponse: {"error":"invalid_grant","error_description":"Code not valid"}',
    );
    expect(`${first?.provider}:${first?.code}`).toBe('keycloak:invalid_grant');
    expect(rest.map((match) => match.code)).toContain('RetrieveError');
  });

  it("OmniAuth's CallbackError typed by its class name answers the wrapper, which says to read the error after it", () => {
    for (const query of ['OmniAuth::Strategies::OAuth2::CallbackError', 'omniauth CallbackError']) {
      const [answer] = resolver.lookup(query);
      expect(`${answer?.provider}:${answer?.code}:${answer?.confidence}`).toBe('oauth-clients:CallbackError:exact');
    }
  });

  it("OmniAuth's failure keys in its log, its failure redirect and Devise's message", () => {
    const csrf =
      'E, [2026-03-02T09:14:07.331 #4127] ERROR -- omniauth: (github) Authentication failure! csrf_detected: OmniAuth::Strategies::OAuth2::CallbackError, csrf_detected | CSRF detected';
    expect(confident(csrf)).toEqual(['oauth-clients:csrf_detected']);
    expect(confident('Started GET "/auth/failure?message=csrf_detected&strategy=github" for 10.1.2.3')).toEqual([
      'oauth-clients:csrf_detected',
    ]);
    expect(confident('Could not authenticate you from GoogleOauth2 because "Csrf detected".')).toEqual([
      'oauth-clients:csrf_detected',
    ]);
    const credentials =
      'E, [2026-03-02T09:15:40.002 #4127] ERROR -- omniauth: (google_oauth2) Authentication failure! invalid_credentials: OAuth2::Error, invalid_grant: Bad Request';
    // "(google_oauth2)" names the server whose invalid_grant OmniAuth carries, as "(gitlab)" does below; OmniAuth's
    // "Authentication failure!" is not Salesforce's short "authentication failure" for that code.
    expect(confident(credentials)).toEqual(['oauth-clients:invalid_credentials', 'google:invalid_grant@user-tokens']);
    const authenticity = [
      'W, [2026-03-02T09:16:01.120 #4127]  WARN -- omniauth: (github) Attack prevented by OmniAuth::AuthenticityTokenProtection',
      'E, [2026-03-02T09:16:01.121 #4127] ERROR -- omniauth: (github) Authentication failure! authenticity_error: OmniAuth::AuthenticityError, Forbidden',
    ].join('\n');
    expect(confident(authenticity)).toEqual(['oauth-clients:authenticity_error']);
  });

  it("the server OmniAuth names in its failure line reads the standard code inside it, not OmniAuth's hint", () => {
    // https://github.com/linchus/omniauth-gitlab/issues/10: OmniAuth's own words on the line are a client
    // library's, which has no reading of invalid_grant; "(gitlab)" names the server that answered it.
    const gitlab =
      'E, [2016-02-12T10:54:55.373224 #15141] ERROR -- omniauth: (gitlab) Authentication failure! invalid_credentials: OAuth2::Error, invalid_grant: The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';
    expect(confident(gitlab)).toEqual(['oauth-clients:invalid_credentials', 'gitlab:invalid_grant']);
  });

  it('invalid_credentials and csrf_detected are OmniAuth errors only where OmniAuth is in the text', () => {
    expect(
      confident('(github) Authentication failure! invalid_credentials: OmniAuth::Strategies::OAuth2::CallbackError'),
    ).toEqual(['oauth-clients:invalid_credentials']);
    expect(confident('Our login form answers invalid_credentials when the password is wrong.')).toEqual([]);
    expect(confident('The WAF logged csrf_detected for a POST to /checkout; CSRF detected twice today.')).toEqual([]);
    expect(confident('No refresh token was stored for this user, so we asked them to sign in again.')).toEqual([]);
  });

  it("python-social-auth's exceptions in tracebacks", () => {
    const forbidden = [
      '  File "/srv/app/.venv/lib/python3.12/site-packages/social_core/pipeline/social_auth.py", line 22, in auth_allowed',
      '    raise AuthForbidden(backend)',
      "social_core.exceptions.AuthForbidden: Your credentials aren't allowed",
    ].join('\n');
    expect(confident(forbidden)).toEqual(['oauth-clients:AuthForbidden']);
    const cases: Array<[string, string]> = [
      ['social_core.exceptions.AuthCanceled: Authentication process canceled', 'AuthCanceled'],
      ['social_core.exceptions.AuthStateMissing: Session value state missing.', 'AuthStateMissing'],
      ['social_core.exceptions.AuthStateForbidden: Wrong state parameter given.', 'AuthStateForbidden'],
      ['social_core.exceptions.AuthTokenError: Token error: Incorrect id_token: iat', 'AuthTokenError'],
      ['social_core.exceptions.AuthFailed: Authentication failed: Invalid redirect URI', 'AuthFailed'],
      ['social_core.exceptions.AuthAlreadyAssociated: This account is already in use.', 'AuthAlreadyAssociated'],
    ];
    for (const [line, code] of cases) expect(confident(line)).toEqual([`oauth-clients:${code}`]);
  });

  it("the legacy Spring Security OAuth client's state and token failures", () => {
    const trace = [
      '2026-03-02 09:20:11.512  WARN 1 --- [nio-8080-exec-3] o.s.s.o.c.f.OAuth2ClientAuthenticationProcessingFilter : Authentication request failed',
      'org.springframework.security.authentication.BadCredentialsException: Could not obtain access token',
      '\tat org.springframework.security.oauth2.client.filter.OAuth2ClientAuthenticationProcessingFilter.attemptAuthentication(OAuth2ClientAuthenticationProcessingFilter.java:107)',
      'Caused by: error="invalid_request", error_description="Possible CSRF detected - state parameter was required but no state could be found"',
    ].join('\n');
    const found = confident(trace);
    expect(found).toContain('oauth-clients:spring-oauth-no-access-token');
    expect(found).toContain('oauth-clients:spring-oauth-state-not-found');
    expect(
      confident(
        'org.springframework.security.authentication.BadCredentialsException: Could not obtain user details from token',
      ),
    ).toEqual(['oauth-clients:spring-oauth-no-user-details']);
  });

  it("client-oauth2's thrown errors in Node.js stack traces", () => {
    const cases: Array<[string, string]> = [
      [
        'TypeError: Redirected path should match configured path, but got: /callback\n    at CodeFlow.getToken (/app/node_modules/client-oauth2/src/client-oauth2.js:606:7)',
        'client-oauth2-path-mismatch',
      ],
      [
        'TypeError: Missing code, unable to request token\n    at CodeFlow.getToken (/app/node_modules/client-oauth2/src/client-oauth2.js:630:27)',
        'client-oauth2-missing-code',
      ],
      [
        'TypeError: Invalid state: undefined\n    at CodeFlow.getToken (/app/node_modules/client-oauth2/src/client-oauth2.js:625:27)',
        'client-oauth2-invalid-state',
      ],
      [
        'Error: No refresh token\n    at ClientOAuth2Token.refresh (/app/node_modules/client-oauth2/src/client-oauth2.js:373:27)',
        'client-oauth2-no-refresh-token',
      ],
    ];
    for (const [trace, code] of cases) expect(confident(trace)).toEqual([`oauth-clients:${code}`]);
  });

  it("oidc-client-ts's missing state and oidc-client-js's missing signing key", () => {
    const state = [
      'Error: No matching state found in storage',
      '    at OidcClient.readSigninResponseState (oidc-client-ts.js:1520:13)',
      '    at async UserManager.signinRedirectCallback (oidc-client-ts.js:2400:9)',
    ].join('\n');
    expect(confident(state)).toEqual(['oauth-clients:oidc-client-no-matching-state']);
    const key =
      'ResponseValidator._validateIdToken: No key matching kid or alg found in signing keys (oidc-client.min.js:1)';
    expect(confident(key)).toEqual(['oauth-clients:oidc-client-no-matching-key']);
  });
});

// Laravel Socialite and django-allauth, in the shapes Laravel's log and Django's debug page take (made-up lines).
describe('Laravel Socialite and django-allauth', () => {
  it("Socialite's InvalidStateException in a Laravel log and a bare stack frame", () => {
    const log =
      '[2026-03-02 09:14:07] production.ERROR:  {"exception":"[object] (Laravel\\Socialite\\Two\\InvalidStateException(code: 0):  at /srv/app/vendor/laravel/socialite/src/Two/AbstractProvider.php:237)"}';
    expect(confident(log)).toEqual(['oauth-clients:InvalidStateException']);
    expect(
      confident(
        'Laravel\\Socialite\\Two\\InvalidStateException in /srv/app/vendor/laravel/socialite/src/Two/AbstractProvider.php:237',
      ),
    ).toEqual(['oauth-clients:InvalidStateException']);
  });

  it("another library's InvalidStateException is not Socialite's", () => {
    expect(confident('Nette\\InvalidStateException: Service "cache" is not ready (container.php:88)')).toEqual([]);
    expect(confident('com.example.booking.InvalidStateException: booking 4711 was already confirmed')).toEqual([]);
  });

  it("django-allauth without a configured app: Django's message and the exception a newer version raises", () => {
    const page = ['DoesNotExist at /accounts/github/login/', 'SocialApp matching query does not exist.'].join('\n');
    expect(confident(page)).toEqual(['oauth-clients:SocialApp.DoesNotExist']);
    const trace = [
      '  File "/srv/venv/lib/python3.12/site-packages/allauth/socialaccount/adapter.py", line 320, in get_app',
      '    raise SocialApp.DoesNotExist()',
      'allauth.socialaccount.models.SocialApp.DoesNotExist',
    ].join('\n');
    expect(confident(trace)).toEqual(['oauth-clients:SocialApp.DoesNotExist']);
  });
});
