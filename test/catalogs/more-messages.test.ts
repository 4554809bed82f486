import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Runtime texts of Microsoft Graph (its API and Microsoft's Graph SDKs) and of Dropbox's official SDKs,
// as they show up in logs and consoles; and lines that share some of their words and must not be taken
// for them.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('Microsoft Graph', () => {
  it('/me called with an app-only token', () => {
    const body =
      'graph sync failed: 400 {"error":{"code":"BadRequest","message":"/me request is only valid with delegated authentication flow.","innerError":{"date":"2026-11-30T08:12:44","request-id":"0b7c1e52-4d1a-4f7e-9a57-2f0d8c1e6a31"}}}';
    expect(confident(body)).toEqual(['microsoft-graph:me-requires-delegated-token']);
  });

  it('Microsoft Graph PowerShell without a connection, and with a bad token of its own', () => {
    const console = [
      'PS C:\\scripts> Get-MgUser -UserId alex@contoso.example',
      'Get-MgUser : Authentication needed. Please call Connect-MgGraph.',
      'At line:1 char:1',
    ].join('\n');
    expect(confident(console)).toEqual(['microsoft-graph:powershell-not-connected']);
    const expired =
      'Connect-MgGraph : The provided access token has expired. Set a valid access token to `-AccessToken` parameter and try again.';
    expect(confident(expired)).toEqual(['microsoft-graph:powershell-access-token-rejected']);
  });

  it('the JavaScript client getting no token from its provider', () => {
    const custom = [
      'GraphClientError: Access token is undefined or empty.\t\t\t\t\t\tPlease provide a valid token.\t\t\t\t\t\tFor more help - https://github.com/microsoftgraph/msgraph-sdk-javascript/blob/dev/docs/CustomAuthenticationProvider.md',
      '    at CustomAuthenticationProvider.getAccessToken (/srv/app/node_modules/@microsoft/microsoft-graph-client/lib/src/CustomAuthenticationProvider.js:61:29)',
    ].join('\n');
    expect(confident(custom)).toEqual(['microsoft-graph:js-client-no-access-token']);
    const credential =
      'mail poller: Access token is undefined: Cannot retrieve accessToken from the Token Credential object';
    expect(confident(credential)).toEqual(['microsoft-graph:js-client-no-access-token']);
  });

  it('the messages are found by a lookup as well', () => {
    expect(bestOf(resolver, 'Authentication needed. Please call Connect-MgGraph.')).toBe(
      'microsoft-graph:powershell-not-connected',
    );
    expect(bestOf(resolver, '/me request is only valid with delegated authentication flow')).toBe(
      'microsoft-graph:me-requires-delegated-token',
    );
  });
});

describe('Dropbox SDKs', () => {
  it('a client built without credentials, or unable to refresh', () => {
    const python = [
      'Traceback (most recent call last):',
      '  File "/app/backup.py", line 18, in <module>',
      '    dbx = dropbox.Dropbox(oauth2_refresh_token=os.environ.get("DBX_REFRESH"), app_key=os.environ.get("DBX_KEY"))',
      'dropbox.exceptions.BadInputException: OAuth2 access token or refresh token or app key/secret must be set',
    ].join('\n');
    expect(confident(python)).toEqual(['dropbox:sdk-missing-credentials']);
    const java = 'com.dropbox.core.oauth.DbxOAuthException: Cannot refresh becasue there is no refresh token';
    expect(confident(java)).toEqual(['dropbox:sdk-cannot-refresh']);
    const key = 'dropbox.exceptions.BadInputException: app_key is required to refresh tokens';
    expect(confident(key)).toEqual(['dropbox:sdk-cannot-refresh']);
  });

  it('the authorization flow without a secret or PKCE, and a redirect that lost its session', () => {
    const js =
      'Error: You must use PKCE when generating the authorization URL to not include a client secret\n    at DropboxAuth.getAccessTokenFromCode (/srv/app/node_modules/dropbox/cjs/src/auth.js:322:15)';
    expect(confident(js)).toEqual(['dropbox:sdk-secret-or-pkce']);
    const finish =
      'WARN  On /dropbox-auth-finish: Bad state: com.dropbox.core.DbxWebAuth$BadStateException: No CSRF Token loaded from session store.';
    expect(confident(finish)).toEqual(['dropbox:sdk-redirect-not-matched']);
  });
});

describe('lines that only share words with these messages', () => {
  it('are not taken for them', () => {
    const lines = [
      'INFO  auth: refresh token is rotated every 90 days; app key stays the same',
      'DEBUG session store loaded 12 keys for user 8812',
      'Connect-MgGraph -Scopes "User.Read.All" -NoWelcome completed in 2.1s',
      'WARN  access token cache is empty, requesting a new token from the identity service',
    ].join('\n');
    expect(confident(lines)).toEqual([]);
  });
});
