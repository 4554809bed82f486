import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled from the servers' and SDKs' sources: thephpleague/oauth2-server's 3.x / 4.x exception classes and
// sentences, node-oauth2-server v2's OAuth2Error sentences, authentik's OAuth2 provider log events and Clerk's handshake
// redirect loop, read from what people pasted in public issue threads and posts (the source above each sample).
const resolver = useShippedResolver();

const keyed = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const among = (text: string, provider: string) => keyed(text).filter((key) => key.startsWith(`${provider}:`));
const anyOf = (text: string) => resolver.scan(text).findings.map((f) => f.entry?.key ?? `${f.provider}:${f.code}`);

describe('thephpleague/oauth2-server 4.x exception classes', () => {
  it('InvalidClientException, named in full under its sentence', () => {
    // https://github.com/uafrica/oauth-server/issues/14
    const paste = [
      "I'm getting error Client authentication failed.",
      'League\\OAuth2\\Server\\Exception\\InvalidClientException',
    ].join('\n');
    expect(keyed(paste)).toEqual(['league-oauth2-server:invalid_client']);
    expect(bestOf(resolver, 'League\\OAuth2\\Server\\Exception\\InvalidClientException')).toBe(
      'league-oauth2-server:invalid_client',
    );
  });

  it("5.x's OAuthServerException::invalidClient() in a Drupal log", () => {
    // https://github.com/farmOS/farmOS/issues/581
    expect(
      keyed(
        'League\\OAuth2\\Server\\Exception\\OAuthServerException: Client authentication failed in League\\OAuth2\\Server\\Exception\\OAuthServerException::invalidClient() (line 154 of /opt/drupal/vendor/league/oauth2-server/src/Exception/OAuthServerException.php).',
      ),
    ).toContain('league-oauth2-server:invalid_client');
  });

  it('the 3.x / 4.x scope sentence that names the scope', () => {
    // https://github.com/lucadegasperi/oauth2-server-laravel/issues/411
    expect(anyOf('The requested scope is invalid, unknown, or malformed. Check the "user" scope.')).toEqual([
      'league-oauth2-server:invalid_scope',
    ]);
  });

  it("3.x / 4.x sentences that name the parameter or grant type are the library's", () => {
    // https://github.com/lucadegasperi/oauth2-server-laravel/issues/657
    expect(
      keyed(
        '{"error":"invalid_request","error_description":"The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed. Check the \\"code\\" parameter."}',
      ),
    ).toEqual(['league-oauth2-server:invalid_request@parameter']);
    // https://github.com/toadgg/lumen-api-starter/issues/6
    const grant = [
      '{',
      '  "error": "unsupported_grant_type",',
      '  "error_description": "The authorization grant type \\"password\\" is not supported by the authorization server."',
      '}',
    ].join('\n');
    expect(keyed(grant)).toEqual(['league-oauth2-server:unsupported_grant_type']);
  });

  it('the other classes of 4.x, looked up by their full names', () => {
    const ns = 'League\\OAuth2\\Server\\Exception\\';
    expect(bestOf(resolver, `${ns}InvalidCredentialsException`)).toBe('league-oauth2-server:invalid_grant');
    expect(bestOf(resolver, `${ns}InvalidRefreshException`)).toBe('league-oauth2-server:invalid_request');
    expect(bestOf(resolver, `${ns}InvalidRequestException`)).toBe('league-oauth2-server:invalid_request');
    expect(bestOf(resolver, `${ns}InvalidScopeException`)).toBe('league-oauth2-server:invalid_scope');
    expect(bestOf(resolver, `${ns}AccessDeniedException`)).toBe('league-oauth2-server:access_denied');
    expect(bestOf(resolver, `${ns}ServerErrorException`)).toBe('league-oauth2-server:server_error');
  });

  it('no false alarm: the words without the library', () => {
    expect(
      among('client authentication failed again after we rotated the secret, retrying now', 'league-oauth2-server'),
    ).toEqual([]);
    expect(keyed('We use League\\OAuth2\\Server for the API and it works fine.')).toEqual([]);
  });
});

describe('node-oauth2-server v2 (OAuth2Error) sentences', () => {
  it('the v2 token endpoint answers, read by their own sentences', () => {
    // https://github.com/oauthjs/node-oauth2-server/issues/411
    const client = [
      '**Get oauth token from /oauth,  missing auth header**',
      '```',
      '{',
      '  "code": 400,',
      '  "error": "invalid_client",',
      '  "error_description": "Invalid or missing client_id parameter"',
      '}',
      '```',
      'console:',
      '```',
      '    at next (.../node_modules/express/lib/router/index.js:271:10)',
      '    at allowCrossDomain (.../src/app.js:168:5)',
    ].join('\n');
    expect(keyed(client)).toEqual(['node-oauth2-server:invalid_client@credentials']);
    // https://github.com/oauthjs/node-oauth2-server/issues/47
    const grant = [
      `$ curl http://127.0.0.1:3000/oauth/token --request POST --data  '{"grant_type": "password", "client_id": "thom", "client_secret": "nightworld", "username": "thomseddon", "password": "nightworld"}' --header "Content-Type: application/x-www-form-urlencoded"`,
      '#{',
      '# "code": 400,',
      '# "error": "invalid_request",',
      '# "error_description": "Invalid or missing grant_type parameter"',
      '#}',
    ].join('\n');
    expect(keyed(grant)).toEqual(['node-oauth2-server:invalid_request@request']);
  });

  it("no false alarm: other servers' short sentences and ordinary words", () => {
    // https://github.com/jaredhanson/oauth2orize/issues/36 (oauth2orize's "invalid code", not v2's "Invalid code")
    expect(
      among(
        'failed to obtain access token (status: 400 data: {"error":"invalid_grant","error_description":"invalid code"})',
        'node-oauth2-server',
      ),
    ).toEqual([]);
    expect(
      keyed(
        'The user credentials are invalid for the staging vault, so I rotated the client credentials; are invalid ones cached?',
      ),
    ).toEqual([]);
  });
});

describe('authentik log events of its OAuth2 provider', () => {
  it("the token endpoint's configuration_error for a redirect URI it does not allow", () => {
    // https://github.com/madeofpendletonwool/PinePods/issues/689
    const event = [
      '{',
      '    "user": {',
      '        "pk": 2,',
      '        "email": "",',
      '        "username": "AnonymousUser",',
      '        "is_anonymous": true',
      '    },',
      '    "action": "configuration_error",',
      '    "app": "authentik.providers.oauth2.views.token",',
      '.....',
      '        "message": "Invalid redirect URI used by provider",',
      '        "expected": [',
      '            {',
      '                "url": "https://myserver:myport/api/auth/callback",',
      '                "matching_mode": "strict"',
      '            }',
      '        ],',
    ].join('\n');
    expect(keyed(event)).toEqual(['authentik:authentik-redirect-uri-error']);
  });

  it('the userinfo scope check, "Scope mismatch." under its logger', () => {
    // https://blog.cubieserver.de/2025/a-deep-dive-into-debugging-an-authentik-oidc-userinfo-error/
    expect(
      keyed(
        `{"auth_via": "unauthenticated", "domain_url": "auth.example.com", "event": "Scope mismatch.", "host": "auth.example.com", "level": "warning", "logger": "authentik.providers.oauth2.utils", "pid": 47, "request_id": "48043a09d93d4ae7b04069696044db74", "required": "{'openid'}", "schema_name": "public", "timestamp": "2025-10-08T07:04:56.733333", "token_has": "set()"}`,
      ),
    ).toEqual(['authentik:insufficient_scope']);
  });

  it('no false alarm: the same words elsewhere', () => {
    expect(among('Scope mismatch. We will re-plan the sprint on Monday.', 'authentik')).toEqual([]);
    expect(
      among('Invalid redirect URI: the URI used by our identity provider config has a trailing slash', 'authentik'),
    ).toEqual([]);
  });
});

describe('Clerk: the handshake redirect loop', () => {
  it("@clerk/backend's message and @clerk/nextjs 4's older one", () => {
    // https://github.com/clerk-community/elysia-clerk/issues/103
    expect(
      keyed(
        "I'm gettting a `Clerk: Refreshing the session token resulted in an infinite redirect loop. This usually means that your Clerk instance keys do not match - make sure to copy the correct publishable and secret keys from the Clerk dashboard.` error any time the server is restarted.",
      ),
    ).toEqual(['clerk:clerk-handshake-redirect-loop']);
    // https://github.com/AntonioErdeljac/next13-ai-saas/issues/1
    const v4 = [
      'Server Error',
      'Error: Clerk: Infinite redirect loop detected. That usually means that we were not able to determine the auth state for this request. A list of common causes and solutions follows.',
      '',
      'Reason 1:',
      'Your server\'s system clock is inaccurate. Clerk will continuously try to issue new tokens, as the existing ones will be treated as "expired" due to clock skew.',
    ].join('\n');
    expect(keyed(v4)).toEqual(['clerk:clerk-handshake-redirect-loop']);
  });

  it('no false alarm: a redirect loop of another app', () => {
    expect(
      among(
        'Refreshing the page resulted in an infinite redirect loop after the proxy change; clearing cookies fixed it.',
        'clerk',
      ),
    ).toEqual([]);
  });
});
