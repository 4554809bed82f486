import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver, withContext } from '../helpers/shipped-resolver.js';

// Self-hosted servers' own readings of the standard RFC 6749 / OpenID Connect codes (Django OAuth Toolkit and
// others), read from what people pasted in public issue threads (the thread above each sample) with the server's
// clue as posted; then the same code without the clue (the standard oauth2 entry) and ordinary lines that must not
// become these servers' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text, withContext);
const among = (text: string, providers: string[]) => confidentAmong(resolver, text, providers);
const best = (query: string) => bestOf(resolver, query);
const dot = (text: string) => among(text, ['django-oauth-toolkit']);
const authentik = (text: string) => among(text, ['authentik']);
const ory = (text: string) => among(text, ['ory']);
const dex = (text: string) => among(text, ['dex']);
const zitadel = (text: string) => among(text, ['zitadel']);
const bitbucket = (text: string) => among(text, ['bitbucket']);
// The standard entry's key without its context (oauth2 has a reading per endpoint for some codes).
const standard = (text: string) => confident(text).map((key) => key.split('/')[0]);

describe('Django OAuth Toolkit', () => {
  it('unsupported_grant_type beside the JSONOAuthLibCore backend setting', () => {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/770
    const paste = [
      "`'OAUTH2_BACKEND_CLASS': 'oauth2_provider.oauth2_backends.JSONOAuthLibCore',  `",
      '',
      'But the response is',
      '```',
      ' {',
      '    "error": "unsupported_grant_type"',
      '}',
      '```',
    ].join('\n');
    expect(dot(paste)).toEqual(['django-oauth-toolkit:unsupported_grant_type']);
  });

  it('unauthorized_client from a toolkit server behind social-auth', () => {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/682
    const paste = [
      'AuthFailed at /complete/mybackend/ ',
      'Authentication failed: unauthorized_client',
      '',
      "I've been trying to debug this but it's a bit hard, what i found out is that the oauth server is the one returning this message, but if i try to login directly with the same user to the oauth server it works.",
      "I'm using:",
      '## Server',
      'Python 3.6.7',
      'Django==2.1.4',
      'django-oauth-toolkit==1.2.0',
    ].join('\n');
    expect(dot(paste)).toEqual(['django-oauth-toolkit:unauthorized_client']);
  });

  it('invalid_grant on a refresh at the tutorial endpoint', () => {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/432 (two comments in a row)
    const paste = [
      'To clarify, a request to the generic tokens endpoint like ([following the example](https://django-oauth-toolkit.readthedocs.io/en/latest/rest-framework/getting_started.html#step-4-get-your-token-and-use-your-api)):',
      'curl -X POST -d "grant_type=refresh_token&client_id=<client_id>&refresh_token=<refresh_token>"  http://localhost:8000/o/token/',
      '@joelranjithjebanesan7 yes, same here. `{"error": "invalid_grant"}%`',
    ].join('\n');
    expect(dot(paste)).toEqual(['django-oauth-toolkit:invalid_grant']);
  });

  it('the same codes without a toolkit clue are the standard ones', () => {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/886 with its path shortened to /token/ (as a server
    // mounting the toolkit elsewhere logs it); as posted, the toolkit's /o/token/ endpoint is a clue (next).
    expect(standard(`"POST /token/ HTTP/1.1" 400 32\n{'error': 'unauthorized_client'}`)).toEqual([
      'oauth2:unauthorized_client',
    ]);
    expect(dot(`"POST /o/token/ HTTP/1.1" 400 32\n{'error': 'unauthorized_client'}`)).toEqual([
      'django-oauth-toolkit:unauthorized_client',
    ]);
    expect(standard('{"error": "invalid_grant"}')).toEqual(['oauth2:invalid_grant']);
    expect(standard('{"error": "unsupported_grant_type"}')).toEqual(['oauth2:unsupported_grant_type']);
  });
});

describe('authentik', () => {
  it('invalid_client from the token endpoint, with its log line', () => {
    // https://github.com/goauthentik/authentik/issues/2575
    const paste = [
      '{',
      '    "error": "invalid_client",',
      '    "error_description": "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method)"',
      '}',
      "curl --location --request POST 'http://server:9000/application/o/token/' \\",
      "--data-urlencode 'grant_type=client_credentials' \\",
      'Version: `ghcr.io/goauthentik/server:2022.3.3`',
    ].join('\n');
    expect(authentik(paste)).toEqual(['authentik:invalid_client']);
  });

  it("the description alone in a client's log, authentik named below it", () => {
    // https://github.com/chr0nzz/traefik-manager/issues/141
    const paste = [
      '`2026-08-16 16:04:57,211 [ERROR] [traefik-manager] OIDC token exchange rejected by the provider (HTTP 400): Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method)',
      '`',
      'Looking at the Authentik Logs it says:  Application Authorised',
    ].join('\n');
    expect(authentik(paste)).toEqual(['authentik:invalid_client']);
  });

  it('the same code and sentence without an authentik clue are not authentik', () => {
    // https://github.com/lejianwen/rustdesk-api/issues/318 (the container log line alone)
    const line =
      'container log显示 oauthConfig.Exchange() failed: oauth2: "invalid_client" "Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method)"';
    expect(authentik(line)).toEqual([]);
    expect(standard('{"error": "invalid_client"}')).toEqual(['oauth2:invalid_client']);
  });
});

describe('Ory Hydra', () => {
  it("login_required with Hydra's prompt=none hint in its log", () => {
    // https://github.com/ory/hydra/issues/1573
    expect(
      ory(
        'hydra_1          | time="2019-09-21T16:48:07Z" level=error msg="An error occurred" debug="Prompt \\"none\\" was requested, but no existing login session was found" description="The Authorization Server requires End-User authentication" error=login_required',
      ),
    ).toEqual(['ory:login_required']);
  });

  it('consent_required on the redirect from Ory Network, as the source words it', () => {
    // No public thread shows it: the redirect as Hydra builds it (consent/strategy_default.go), from an
    // Ory Network project's authorization endpoint.
    const paste = [
      'GET https://example-project.projects.oryapis.com/oauth2/auth?client_id=web&response_type=code&scope=openid&prompt=none 303',
      'Location: https://app.example.com/callback?error=consent_required&error_description=The+Authorization+Server+requires+End-User+consent.+Prompt+%27none%27+was+requested%2C+but+no+previous+consent+was+found.&state=af0ifjsldkj',
    ].join('\n');
    expect(ory(paste)).toEqual(['ory:consent_required']);
  });

  it('the codes without an Ory clue are the standard ones', () => {
    expect(standard('https://app.example.com/callback?error=login_required&state=af0ifjsldkj')).toEqual([
      'oauth2:login_required',
    ]);
    expect(
      standard(
        '{"error":"consent_required","error_description":"The Authorization Server requires End-User consent."}',
      ),
    ).toEqual(['oauth2:consent_required']);
  });
});

describe('Dex', () => {
  it('unsupported_grant_type from /dex/token', () => {
    // https://github.com/dexidp/dex/issues/3199
    const paste = ['curl -i -X POST http://127.0.0.1:5556/dex/token', '{"error":"unsupported_grant_type"}%'].join('\n');
    expect(dex(paste)).toEqual(['dex:unsupported_grant_type']);
  });

  it("the password grant's access_denied, as Dex's source answers it", () => {
    // No public thread shows it: the answer of server/grants/password.go at the token endpoint of Dex's example config.
    const paste = [
      "curl -X POST -d 'grant_type=password' -d 'client_id=example-app' -d 'username=admin@example.com' -d 'password=wrong' -d 'scope=openid' http://127.0.0.1:5556/dex/token",
      '{"error":"access_denied","error_description":"Invalid username or password"}',
    ].join('\n');
    expect(dex(paste)).toEqual(['dex:access_denied']);
  });

  it('the same codes without a Dex clue are the standard ones', () => {
    expect(standard('{"error":"unsupported_grant_type"}')).toEqual(['oauth2:unsupported_grant_type']);
    expect(dex('{"error":"access_denied","error_description":"Invalid username or password"}')).toEqual([]);
  });
});

describe('ZITADEL', () => {
  it('the password grant, which ZITADEL does not serve', () => {
    // No public thread shows the answer: zitadel/oidc's token endpoint (pkg/op/token_request.go) as a ZITADEL Cloud
    // instance returns it; that ZITADEL has no password grant: https://github.com/zitadel/oidc/issues/697
    const paste = [
      'curl -X POST https://example-abc123.zitadel.cloud/oauth/v2/token -d grant_type=password -d username=alice -d password=secret',
      '{"error":"unsupported_grant_type","error_description":"password not supported"}',
    ].join('\n');
    expect(zitadel(paste)).toEqual(['zitadel:unsupported_grant_type']);
  });

  it('without a ZITADEL clue or its description the code is the standard one', () => {
    expect(standard('{"error":"unsupported_grant_type","error_description":"grant type is not enabled"}')).toEqual([
      'oauth2:unsupported_grant_type',
    ]);
  });
});

describe('Bitbucket Cloud', () => {
  it('unsupported_grant_type for a JSON token request', () => {
    // https://github.com/plentico/plenti/issues/280 (the console line, asked about with the provider's name; a short
    // message with only the name two lines below is not enough in a scan)
    expect(best('Error: Unsupported grant type: None bitbucket')).toBe('bitbucket:unsupported_grant_type');
    // The answer as the token endpoint gives it, posted with a JSON body.
    const body = [
      'POST https://bitbucket.org/site/oauth2/access_token 400',
      '{"error_description": "Unsupported grant type: None", "error": "unsupported_grant_type"}',
    ].join('\n');
    expect(bitbucket(body)).toEqual(['bitbucket:unsupported_grant_type']);
  });

  it('without a Bitbucket clue the code is the standard one', () => {
    expect(standard('{"error": "unsupported_grant_type"}')).toEqual(['oauth2:unsupported_grant_type']);
  });
});

describe('ordinary lines with the same words', () => {
  it('are not read as these servers errors', () => {
    for (const line of [
      'oauth2_provider: grant type settings updated, rotate refresh token enabled',
      'django-oauth-toolkit==2.4.0 installed; grant tables migrated',
      'authentik client authentication settings saved for provider grafana',
      'Client authentication failed, retrying with the authentik outpost token',
      'hydra: no existing login session found for subject, showing the login form',
      'Prompt none requested by the ory client; consent was found and remembered',
      'dex: password connector configured, grant types loaded',
      'Invalid username or password, please try again',
      'zitadel: passwords are not used for service users, use a key instead',
      'bitbucket pipeline: grant type field left empty (None) in the deployment form',
    ]) {
      expect(
        [...dot(line), ...authentik(line), ...ory(line), ...dex(line), ...zitadel(line), ...bitbucket(line)],
        line,
      ).toEqual([]);
    }
  });
});

describe("django-oauth-toolkit's endpoints as a clue", () => {
  it('a token request to /o/token/ is the toolkit’s, whatever the host', () => {
    // https://github.com/django-oauth/django-oauth-toolkit/issues/720 (the command and the answer, as posted)
    const curl = [
      'curl -X POST -d "grant_type=password&username=ldavid&password=root" -u\'<client id>:<client secret>\' http://localhost:7000/o/token/',
      'and it keeps sending me the message {"error": "invalid_grant", "error_description": "Invalid credentials given."}',
    ].join('\n');
    // oauthlib's password grant sentence: the toolkit's reading for refused user credentials
    expect(confident(curl)).toContain('django-oauth-toolkit:invalid_grant/credentials');
    // A path that only ends like it is no clue.
    expect(standard('POST https://api.example.com/photo/token/ 400 {"error":"invalid_grant"}')).toEqual([
      'oauth2:invalid_grant',
    ]);
  });
});
