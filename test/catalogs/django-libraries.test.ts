import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver, withContext } from '../helpers/shipped-resolver.js';

// Two Django libraries: mozilla-django-oidc (an OpenID Connect client raising Django's SuspiciousOperation /
// ImproperlyConfigured with messages of its own) and Django OAuth Toolkit (oauth2_provider, an OAuth 2.0 server
// on oauthlib), read from what people pasted in public issue threads (the thread above each sample; states and
// paths trimmed). DRF's generic 403 sentence and short settings messages are theirs only beside their hints.
const resolver = useShippedResolver();

const OURS = /^(mozilla-django-oidc|django-oauth-toolkit):/;
const confident = (text: string) => confidentOf(resolver, text, withContext);
const ours = (text: string) => confident(text).filter((key) => OURS.test(key));
const best = (query: string) => bestOf(resolver, query);

describe('mozilla-django-oidc', () => {
  it('the callback state missing from oidc_states, as people paste it', () => {
    // https://github.com/mozilla/mozilla-django-oidc/issues/435
    expect(
      ours(
        'After logging into the mozilla/oidc-testprovider IDP, a `SuspiciousOperation` exception is thrown with message ```OIDC callback state not found in session `oidc_states`!```.',
      ),
    ).toEqual(['mozilla-django-oidc:mozilla-django-oidc-state-not-found']);
    // https://github.com/fsr-de/myHPI/issues/631
    const page = [
      '> OIDC callback state not found in session `oidc_states`!',
      '>',
      '> SuspiciousOperation at /oidc/callback/',
      'OIDC callback state not found in session `oidc_states`!',
    ].join('\n');
    expect(ours(page)).toEqual(['mozilla-django-oidc:mozilla-django-oidc-state-not-found']);
  });

  it("the older single-state wording on Django's debug page", () => {
    // https://github.com/MozillaSecurity/FuzzManager/issues/479
    const trace = [
      'File "/usr/local/lib/python2.7/dist-packages/mozilla_django_oidc/views.py" in get',
      '  86.                 raise SuspiciousOperation(msg)',
      '',
      'Exception Type: SuspiciousOperation at /oidc/callback/',
      'Exception Value: Session `oidc_state` does not match the OIDC callback state',
    ].join('\n');
    expect(ours(trace)).toEqual(['mozilla-django-oidc:mozilla-django-oidc-state-not-found']);
  });

  it('the algorithm mismatch and the refused claims (an Okta setup)', () => {
    // https://github.com/mozilla/mozilla-django-oidc/issues/289
    expect(
      ours(
        "django.core.exceptions.SuspiciousOperation: The provider algorithm 'RS256' does not match the client's OIDC_RP_SIGN_ALGO.",
      ),
    ).toEqual(['mozilla-django-oidc:mozilla-django-oidc-alg-mismatch']);
    expect(ours('failed to get or create user: Claims verification failed')).toEqual([
      'mozilla-django-oidc:mozilla-django-oidc-claims-verification-failed',
    ]);
  });

  it('short messages are looked up by their words', () => {
    // https://github.com/mozilla/mozilla-django-oidc/issues/312
    expect(best('SuspiciousOperation: JWT Nonce verification failed.')).toBe(
      'mozilla-django-oidc:mozilla-django-oidc-nonce-mismatch',
    );
    // https://github.com/mozilla/mozilla-django-oidc/issues/505
    expect(best('JWS Token verification failed')).toBe(
      'mozilla-django-oidc:mozilla-django-oidc-jws-verification-failed',
    );
  });

  it('a missing setting of another Django app is not a sure finding', () => {
    expect(ours('django.core.exceptions.ImproperlyConfigured: Setting DATABASE_URL not found')).toEqual([]);
    expect(ours('WARNING Claims verification failed for request 42')).toEqual([]);
  });
});

describe('Django OAuth Toolkit', () => {
  it("oauthlib's old code for a redirect_uri that is not registered, as its error page showed it", () => {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/2
    const page = ['the authorization view responses with this error:', '', '`mismatching_redirect_uri`'].join('\n');
    expect(ours(page)).toEqual(['django-oauth-toolkit:FatalClientError/authorize']);
  });

  it('PKCE required since 2.0: the challenge on the redirect, the verifier at the token endpoint', () => {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/1153
    expect(
      ours(
        'although it is redirecting me with error in url `?error=invalid_request&error_description=Code+challenge+required.`',
      ),
    ).toEqual(['django-oauth-toolkit:invalid_request/pkce']);
    // https://github.com/django-oauth/django-oauth-toolkit/issues/1178
    expect(ours('`{"error": "invalid_request", "error_description": "Code verifier required."}`')).toEqual([
      'django-oauth-toolkit:invalid_request/pkce',
    ]);
  });

  it('settings errors in a traceback through oauth2_provider', () => {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/873
    const trace = [
      '  File "/Users/alan/src/django-training/env/lib/python3.7/site-packages/oauth2_provider/settings.py", line 217, in validate_setting',
      '    raise AttributeError("OAuth2Provider setting: %r is mandatory" % (attr))',
      "rest_framework.request.WrappedAttributeError: OAuth2Provider setting: 'OIDC_RSA_PRIVATE_KEY' is mandatory",
    ].join('\n');
    expect(ours(trace)).toEqual(['django-oauth-toolkit:django-oauth-toolkit-mandatory-setting']);
    // https://github.com/django-oauth/django-oauth-toolkit/issues/860
    expect(best("AttributeError: Invalid OAuth2Provider setting: 'server_kwargs'")).toBe(
      'django-oauth-toolkit:django-oauth-toolkit-invalid-setting',
    );
  });

  it('a view without required_scopes, and an RS256 application without a key', () => {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/736
    expect(ours('ERROR TokenHasScope requires the view to define the required_scopes attribute')).toEqual([
      'django-oauth-toolkit:django-oauth-toolkit-required-scopes',
    ]);
    // https://github.com/django-oauth/django-oauth-toolkit/issues/1016
    expect(ours('"You must set OIDC_RSA_PRIVATE_KEY to use RSA algorithm":')).toEqual([
      'django-oauth-toolkit:django-oauth-toolkit-rsa-key-missing',
    ]);
  });

  it("DRF's 403 sentence is the toolkit's only beside its permission classes", () => {
    expect(ours('HTTP 403 Forbidden\n{"detail": "You do not have permission to perform this action."}')).toEqual([]);
    // constructed, not a paste: the same body beside the toolkit's permission class
    const dot = [
      'permission_classes = [TokenHasScope]',
      '{"detail": "You do not have permission to perform this action."}',
    ].join('\n');
    expect(ours(dot)).toEqual(['django-oauth-toolkit:insufficient_scope/drf-permission']);
  });
});
