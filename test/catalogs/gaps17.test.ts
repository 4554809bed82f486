import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, readingsOf, useShippedResolver, withContext } from '../helpers/shipped-resolver.js';

// Gaps filled in the Azure AD B2C, MSAL, JJWT, Twitch, OAuth2 Proxy, Vault, Okta, okta-auth-js, openid-client,
// Cloud Foundry UAA, Discord and Azure Identity catalogs. Every sample is written for this test, in the shape the
// provider documents or its source prints.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

/** `provider:code/context` of a lookup's first match. */
function firstReading(query: string): string | undefined {
  const [top] = resolver.lookup(query);
  return top ? withContext(top) : undefined;
}

describe("Azure AD B2C's generic error page", () => {
  it('the page line is looked up as its own error, not as AADB2C90048', () => {
    expect(bestOf(resolver, 'AADB2C: An exception has occurred.')).toBe('azure-b2c:aadb2c-exception-occurred');
    expect(bestOf(resolver, 'AADB2C: An exception has occurred')).toBe('azure-b2c:aadb2c-exception-occurred');
  });

  it('the page with its correlation ID, and MSAL.NET carrying it', () => {
    // written for this test
    const page = [
      "Sorry, but we're having trouble signing you in.",
      'We track these errors automatically, but if the problem persists feel free to contact us. In the meantime, please try again.',
      'Correlation ID: 5e1c0a4e-7d2b-4c1f-9a36-2b8f0d7c9e11',
      'Timestamp: 2026-11-04 08:12:55Z',
      'AADB2C: An exception has occurred.',
    ].join('\n');
    expect(confident(page)).toEqual(['azure-b2c:aadb2c-exception-occurred']);
    // written for this test
    const msal = [
      'Microsoft.Identity.Client.MsalServiceException: AADB2C: An exception has occurred.',
      'Correlation ID: 5e1c0a4e-7d2b-4c1f-9a36-2b8f0d7c9e11',
      'Timestamp: 2026-11-04 08:12:55Z',
    ].join('\n');
    expect(confident(msal)).toContain('azure-b2c:aadb2c-exception-occurred');
  });
});

describe("Microsoft.Identity.Web's challenge exception", () => {
  it('the class name is looked up as IDW10502', () => {
    expect(bestOf(resolver, 'MicrosoftIdentityWebChallengeUserException')).toBe('microsoft-identity-web:IDW10502');
    expect(bestOf(resolver, 'Microsoft.Identity.Web.MicrosoftIdentityWebChallengeUserException')).toBe(
      'microsoft-identity-web:IDW10502',
    );
  });

  it("Visual Studio's first-chance exception line, which has the class and no message", () => {
    // written for this test
    expect(
      confident(
        "Exception thrown: 'Microsoft.Identity.Web.MicrosoftIdentityWebChallengeUserException' in System.Private.CoreLib.dll",
      ),
    ).toEqual(['microsoft-identity-web:IDW10502']);
  });
});

describe('JJWT without a verification key', () => {
  it("0.11's IllegalArgumentException, by its message", () => {
    expect(bestOf(resolver, 'A signing key must be specified if the specified JWT is digitally signed.')).toBe(
      'jjwt:signing-key-missing',
    );
    // written for this test
    const trace = [
      'java.lang.IllegalArgumentException: A signing key must be specified if the specified JWT is digitally signed.',
      '\tat io.jsonwebtoken.lang.Assert.notNull(Assert.java:85)',
      '\tat io.jsonwebtoken.impl.DefaultJwtParser.parse(DefaultJwtParser.java:370)',
      '\tat com.example.auth.JwtFilter.doFilterInternal(JwtFilter.java:48)',
    ].join('\n');
    expect(confident(trace)).toEqual(['jjwt:signing-key-missing']);
  });

  it("0.12's UnsupportedJwtException is read as the key reading of that class", () => {
    expect(
      firstReading(
        'Cannot verify JWS signature: unable to locate signature verification key for JWS with header: {kid=7a1b9c, alg=RS256}',
      ),
    ).toBe('jjwt:UnsupportedJwtException/verification-key');
    // written for this test
    const trace = [
      'io.jsonwebtoken.UnsupportedJwtException: Cannot verify JWS signature: unable to locate signature verification key for JWS with header: {kid=7a1b9c, alg=RS256}',
      '\tat io.jsonwebtoken.impl.DefaultJwtParser.verifySignature(DefaultJwtParser.java:292)',
    ].join('\n');
    expect(readingsOf(resolver, trace)).toEqual(['verification-key']);
    // the class alone, and its kind checks, keep their first reading (written for this test)
    expect(firstReading('UnsupportedJwtException')).toBe('jjwt:UnsupportedJwtException/token-kind');
    expect(
      readingsOf(resolver, 'io.jsonwebtoken.UnsupportedJwtException: Signed Claims JWSs are not supported.'),
    ).toEqual(['token-kind']);
  });
});

describe("Twitch's Helix 401 body", () => {
  it('the JSON body says Twitch without a Twitch host', () => {
    // written for this test
    expect(confident('{"error":"Unauthorized","status":401,"message":"Invalid OAuth token"}')).toEqual([
      'twitch:invalid-oauth-token',
    ]);
    // written for this test
    expect(confident('{"error": "Unauthorized", "status": 401, "message": "Invalid OAuth token"}')).toEqual([
      'twitch:invalid-oauth-token',
    ]);
    // written for this test
    const pretty = [
      'Request failed with status code 401',
      '{',
      '  "error": "Unauthorized",',
      '  "status": 401,',
      '  "message": "Invalid OAuth token"',
      '}',
    ].join('\n');
    expect(confident(pretty)).toEqual(['twitch:invalid-oauth-token']);
  });
});

describe("OAuth2 Proxy's audience check", () => {
  it('its two sentences are looked up', () => {
    expect(bestOf(resolver, 'audience claims [aud] do not exist in claims')).toBe(
      'oauth2-proxy:oauth2-proxy-audience-mismatch',
    );
    expect(
      bestOf(
        resolver,
        'audience from claim aud with value [account] does not match with any of allowed audiences map[oauth2-proxy:{}]',
      ),
    ).toBe('oauth2-proxy:oauth2-proxy-audience-mismatch');
  });

  it('in its log lines, inside the bearer and callback errors', () => {
    // written for this test
    expect(
      confident(
        '[2026/11/03 09:12:44] [oauthproxy.go:1132] Error retrieving session from token in Authorization header: audience claims [aud] do not exist in claims: map[azp:web-app exp:1762161164 iss:https://keycloak.example.com/realms/apps sub:4f1c]',
      ),
    ).toContain('oauth2-proxy:oauth2-proxy-audience-mismatch');
    // written for this test
    expect(
      confident(
        '[2026/11/03 09:40:02] [oauthproxy.go:857] Error creating session during OAuth2 callback: audience from claim aud with value [account] does not match with any of allowed audiences map[oauth2-proxy:{}]',
      ),
    ).toContain('oauth2-proxy:oauth2-proxy-audience-mismatch');
  });
});

describe("Vault's OIDC code exchange error", () => {
  it('is found beside the provider error it quotes, which is answered first', () => {
    // written for this test
    const cli = [
      'Error authenticating: Error making API request.',
      '',
      'URL: GET http://127.0.0.1:8200/v1/auth/oidc/oidc/callback?code=0.AXkA&state=st_4d2f',
      'Code: 400. Errors:',
      '',
      `* Vault login failed. Error exchanging oidc code: "unable to exchange auth code with provider: oauth2: cannot fetch token: 401 Unauthorized\\nResponse: {\\"error\\":\\"invalid_client\\",\\"error_description\\":\\"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3c7f0e2a-5b1d-4e8f-9a6c-0d2b4f6a8c1e'.\\"}".`,
    ].join('\n');
    expect(confident(cli)).toEqual(expect.arrayContaining(['vault:oidc-code-exchange-failed', 'entra:AADSTS7000215']));
    const [first] = resolver.lookup(cli);
    expect(first ? `${first.provider}:${first.code}` : undefined).toBe('entra:AADSTS7000215');
  });
});

describe("Okta's invalid client_assertion_type", () => {
  it("is Okta's invalid_request (request parameters), by its description", () => {
    expect(firstReading('The client_assertion_type is invalid.')).toBe('okta:invalid_request/request-parameters');
    // written for this test
    const body = [
      'POST https://dev-4821.okta.com/oauth2/default/v1/token 400',
      '{"error":"invalid_request","error_description":"The client_assertion_type is invalid."}',
    ].join('\n');
    expect(readingsOf(resolver, body)).toEqual(['request-parameters']);
    expect(confident(body)).toEqual(['okta:invalid_request']);
  });
});

describe("okta-auth-js's unreadable storage", () => {
  it('the message names the storage-parse reading of AuthSdkError', () => {
    expect(firstReading('Unable to parse storage string: okta-token-storage')).toBe(
      'okta-auth-js:AuthSdkError/storage-parse',
    );
    // written for this test
    const console = [
      'Uncaught (in promise) AuthSdkError: Unable to parse storage string: okta-token-storage',
      '    at SavedObject.getStorage (SavedObject.ts:61:13)',
      '    at TokenManager.getTokensSync (TokenManager.ts:212:38)',
    ].join('\n');
    expect(readingsOf(resolver, console)).toEqual(['storage-parse']);
  });
});

describe("openid-client's issuer check", () => {
  it('the short sentence is looked up as the v5 issuer check, v1 and v2 print it alone', () => {
    expect(firstReading('unexpected iss value')).toBe('openid-client:RPError/issuer');
    // written for this test
    const trace = [
      'AssertionError [ERR_ASSERTION]: unexpected iss value',
      '    at Client.validateIdToken (/srv/app/node_modules/openid-client/lib/client.js:580:16)',
    ].join('\n');
    expect(readingsOf(resolver, trace)).toEqual(['issuer']);
    expect(confident(trace)).toEqual(['openid-client:RPError']);
  });
});

describe("Cloud Foundry UAA's login CSRF refusal", () => {
  it.each([
    'Invalid login attempt, request does not meet our security standards, please try again.',
    'Invalid login attempt, the request does not meet our security standards and may indicate that the action was not originated by you. Please try again.',
    'uaa invalid_login_request',
  ])('%s is looked up as invalid_login_request', (query) => {
    expect(bestOf(resolver, query)).toBe('cloudfoundry-uaa:invalid_login_request');
  });

  it('the login page, old and new wording', () => {
    // written for this test
    expect(
      confident(
        [
          'Cloud Foundry',
          'Invalid login attempt, request does not meet our security standards, please try again.',
          'Email: ',
          'Password: ',
        ].join('\n'),
      ),
    ).toEqual(['cloudfoundry-uaa:invalid_login_request']);
    // written for this test
    expect(
      confident(
        [
          'GET https://login.sys.example.com/login?error=invalid_login_request',
          'Invalid login attempt, the request does not meet our security standards and may indicate that the action was not originated by you. Please try again.',
        ].join('\n'),
      ),
    ).toEqual(['cloudfoundry-uaa:invalid_login_request']);
  });
});

describe("discord.py's LoginFailure", () => {
  it('the class and its message are looked up', () => {
    expect(bestOf(resolver, 'Improper token has been passed.')).toBe('discord:discord.errors.LoginFailure');
    expect(bestOf(resolver, 'discord.errors.LoginFailure')).toBe('discord:discord.errors.LoginFailure');
    expect(bestOf(resolver, 'LoginFailure')).toBe('discord:discord.errors.LoginFailure');
    // the words alone are still other providers' login failures
    expect(bestOf(resolver, 'login failure')).toBe('keycloak:identity_provider_login_failure');
  });

  it("the traceback of Client.run with a wrong token, beside the API's 401", () => {
    // written for this test
    const traceback = [
      'Traceback (most recent call last):',
      '  File "/home/bot/.venv/lib/python3.12/site-packages/discord/http.py", line 847, in static_login',
      "    data = await self.request(Route('GET', '/users/@me'))",
      '  File "/home/bot/.venv/lib/python3.12/site-packages/discord/http.py", line 767, in request',
      '    raise HTTPException(response, data)',
      'discord.errors.HTTPException: 401 Unauthorized (error code: 0): 401: Unauthorized',
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      'Traceback (most recent call last):',
      '  File "/home/bot/bot.py", line 42, in <module>',
      '    client.run(os.environ["DISCORD_TOKEN"])',
      '  File "/home/bot/.venv/lib/python3.12/site-packages/discord/http.py", line 851, in static_login',
      "    raise LoginFailure('Improper token has been passed.') from exc",
      'discord.errors.LoginFailure: Improper token has been passed.',
    ].join('\n');
    expect(confident(traceback)).toContain('discord:discord.errors.LoginFailure');
    // written for this test
    expect(confident('discord.errors.LoginFailure: Improper token has been passed.')).toEqual([
      'discord:discord.errors.LoginFailure',
    ]);
  });
});

describe("azure-core's ClientAuthenticationError", () => {
  it('is looked up by its name', () => {
    expect(bestOf(resolver, 'ClientAuthenticationError')).toBe('azure-identity:ClientAuthenticationError');
    expect(bestOf(resolver, 'azure.core.exceptions.ClientAuthenticationError')).toBe(
      'azure-identity:ClientAuthenticationError',
    );
  });

  it("wraps Entra's error in a Python traceback, and is no other library's class of that name", () => {
    // written for this test
    const traceback = [
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 18, in <module>',
      '    secret = client.get_secret("db-password")',
      '  File "/usr/local/lib/python3.11/site-packages/azure/identity/_internal/get_token_mixin.py", line 119, in _get_token_base',
      '    token = self._request_token(*scopes, **kwargs)',
      "azure.core.exceptions.ClientAuthenticationError: Authentication failed: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '5f0b5a44-8c9d-4d1e-9a7b-1a2b3c4d5e6f'. Trace ID: 3b1f6a2c-0e4d-4f7a-9b8c-1d2e3f4a5b6c Correlation ID: 9d2e7f10-4a3b-4c5d-8e6f-7a8b9c0d1e2f Timestamp: 2026-11-05 10:21:33Z",
    ].join('\n');
    expect(confident(traceback)).toEqual(
      expect.arrayContaining(['entra:AADSTS7000215', 'azure-identity:ClientAuthenticationError']),
    );
    const [first] = resolver.lookup(traceback);
    expect(first ? `${first.provider}:${first.code}` : undefined).toBe('entra:AADSTS7000215');
    // another library's class of the same name, with no Azure clue (written for this test)
    expect(confident('pipelex.exceptions.ClientAuthenticationError: API key rejected by provider')).toEqual([]);
  });
});

describe("@shopify/shopify-api's log line before CookieNotFound, and ruby-jwt's segment count (written for this test)", () => {
  it('the logger line names CookieNotFound', () => {
    const log = [
      '[shopify-api/INFO] Completing OAuth | {shop: demo-store.myshopify.com}',
      '[shopify-api/ERROR] Could not find OAuth cookie | {shop: demo-store.myshopify.com}',
    ].join('\n');
    expect(confident(log)).toEqual(['shopify:CookieNotFound']);
  });

  it("ruby-jwt's sentence above its gem's stack frame is its DecodeError, not another library's same words", () => {
    const rails = [
      'Completed 401 Unauthorized in 3ms',
      'Not enough or too many segments',
      "jwt (2.7.0) lib/jwt/decode.rb:82:in `validate_segment_count!'",
    ].join('\n');
    expect(confident(rails)).toEqual(['ruby-jwt:JWT::DecodeError']);
  });
});

describe("AppAuth-iOS's bare description of an ID token for another client (written for this test)", () => {
  it("is AppAuth's audience check, as react-native-app-auth rejects with it", () => {
    expect(bestOf(resolver, 'authorize() rejects with [Error: Audience mismatch]')).toBe(
      'appauth:GeneralErrors.ID_TOKEN_VALIDATION_ERROR',
    );
  });
});
