import { describe, expect, it } from 'vitest';
import { bestOf, firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the Vault, Kubernetes, Azure Identity, ZITADEL, Dex, FusionAuth, OneLogin and Meta
// catalogs. Every sample is written for this test (fake ids, hosts, paths and keys), in the shape the software's
// source or the provider's answer prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);
const first = (query: string) => bestOf(resolver, query);

describe("Vault's JWT/OIDC auth method, its UI and its OIDC provider", () => {
  it('a groups claim the token lacks, in the CLI and the API answer', () => {
    // written for this test
    const cli = [
      'Error writing data to auth/oidc/oidc/callback: Error making API request.',
      '',
      'URL: PUT https://vault.example.test/v1/auth/oidc/oidc/callback',
      'Code: 400. Errors:',
      '',
      '* failed to fetch groups: "groups" claim not found in token',
    ].join('\n');
    expect(sure(cli)).toEqual(['vault:jwt-groups-claim-missing strong']);
    // written for this test
    expect(sure('{"errors":["failed to fetch groups: \\"groups\\" claim not found in token"]}')).toEqual([
      'vault:jwt-groups-claim-missing strong',
    ]);
    expect(firstLookup('failed to fetch groups: "roles" claim not found in token')).toBe(
      'vault:jwt-groups-claim-missing strong',
    );
  });

  it("the UI's Missing auth_url and the server's log line for the refused redirect URI", () => {
    // written for this test
    expect(
      sure(
        'Authentication failed: Missing auth_url. Please check that allowed_redirect_uris for the role include this mount path.',
      ),
    ).toContain('vault:oidc-redirect-uri-not-allowed strong');
    // written for this test
    expect(
      sure(
        '2026-01-02T03:04:05.678Z [WARN]  auth.oidc.auth_oidc_0a1b2c3d: unauthorized redirect_uri: redirect_uri=https://vault.example.test/ui/vault/auth/oidc/oidc/callback',
      ),
    ).toContain('vault:oidc-redirect-uri-not-allowed strong');
  });

  it('the callback without a code and an ID token that did not verify', () => {
    // written for this test
    expect(sure('Authentication failed: Vault login failed. No code or id_token received.')).toContain(
      'vault:oidc-no-code-received strong',
    );
    // written for this test
    expect(sure('Authentication failed: Token verification failed. No id_token found in response.')).toContain(
      'vault:oidc-token-verification-failed strong',
    );
  });

  it("the UI's closed pop-up, in today's and the older wording", () => {
    // written for this test
    expect(
      sure(
        'Authentication failed: The provider window was closed before authentication was complete. Your web browser may have blocked or closed a pop-up window. Please check your settings and click Sign In to try again.',
      ),
    ).toContain('vault:ui-oidc-window-closed strong');
    expect(
      firstLookup(
        'The provider window was closed before authentication was complete.  Please click Sign In to try again.',
      ),
    ).toBe('vault:ui-oidc-window-closed strong');
  });

  it("Ember Data's message on a Vault path, and not on another Ember app's", () => {
    // written for this test
    expect(sure('Error: Ember Data Request POST /v1/auth/oidc/oidc/auth_url returned a 400')).toEqual([
      'vault:ui-ember-data-request-failed strong',
    ]);
    // written for this test
    expect(sure('Error: Ember Data Request GET /api/posts/12 returned a 500')).toEqual([]);
  });

  it('Vault as OIDC provider: the redirect URI mismatch page and the client assignment refusal', () => {
    // written for this test
    const page = [
      'Redirect URI mismatch',
      'The provided redirect_uri is not in the list of allowed redirect URIs. Please make sure you are sending a valid redirect URI from your application.',
    ].join('\n');
    expect(sure(page)).toEqual(['vault:oidc-provider-redirect-uri-not-allowed strong']);
    // written for this test
    expect(
      sure(
        'GET https://vault.example.test/v1/identity/oidc/provider/default/authorize -> 400 {"error":"invalid_redirect_uri","error_description":"redirect_uri is not allowed for the client","state":"st-01"}',
      ),
    ).toContain('vault:oidc-provider-redirect-uri-not-allowed strong');
    expect(firstLookup('identity entity not authorized by client assignment')).toBe(
      'vault:oidc-provider-not-assigned strong',
    );
    expect(firstLookup('client with client_id not found')).toBe('vault:oidc-provider-invalid-client strong');
  });
});

describe('kubectl, client-go discovery and kubelogin', () => {
  it("discovery's 401 lines before kubectl's summary", () => {
    // written for this test
    expect(
      sure(
        'I0102 03:04:05.678901   41234 shortcut.go:103] Error loading discovery information: the server has asked for the client to provide credentials',
      ),
    ).toEqual(['kubernetes:kubernetes-kubectl-not-logged-in strong']);
    // written for this test
    expect(
      sure("E0102 03:04:05.678901   41234 memcache.go:265] couldn't get current server API group list: Unauthorized"),
    ).toEqual(['kubernetes:kubernetes-kubectl-not-logged-in strong']);
    expect(firstLookup('Error loading discovery information: Unauthorized')).toBe(
      'kubernetes:kubernetes-kubectl-not-logged-in strong',
    );
  });

  it("kubelogin's get-token error carrying the provider's refusal", () => {
    // written for this test
    const line =
      'error: get-token: authentication error: authcode-browser error: authentication error: authorization code flow error: oauth2 error: authorization error: authorization error from server: access_denied The user declined.';
    expect(sure(line)).toContain('kubernetes:kubernetes-kubelogin-get-token strong');
  });

  it("kubelogin's discovery failure", () => {
    // written for this test
    const paste = [
      'Unable to connect to the server: getting credentials: exec: executable kubectl failed with exit code 1',
      'error: get-token: authentication error: oidc error: oidc discovery error: Get "https://sso.example.test/realms/k8s/.well-known/openid-configuration": x509: certificate signed by unknown authority',
    ].join('\n');
    expect(sure(paste)).toContain('kubernetes:kubernetes-kubelogin-discovery strong');
  });
});

describe("Azure Identity's other developer credentials", () => {
  it("Python's DefaultAzureCredential list with the shared cache, VS Code and PowerShell lines", () => {
    // written for this test
    const trace = [
      'azure.core.exceptions.ClientAuthenticationError: DefaultAzureCredential failed to retrieve a token from the included credentials.',
      'Attempted credentials:',
      '\tSharedTokenCacheCredential: SharedTokenCacheCredential authentication unavailable. No accounts were found in the cache.',
      '\tVisualStudioCodeCredential: Failed to get Azure user details from Visual Studio Code.',
      '\tAzurePowerShellCredential: Please run "Connect-AzAccount" to set up account',
    ].join('\n');
    const found = sure(trace);
    expect(found).toContain('azure-identity:shared-token-cache-unavailable strong');
    expect(found).toContain('azure-identity:vscode-credential-unavailable strong');
    expect(found).toContain('azure-identity:azure-powershell-not-signed-in strong');
  });

  it(".NET's Visual Studio and PowerShell lines", () => {
    // written for this test
    const message = [
      'Azure.Identity.CredentialUnavailableException: DefaultAzureCredential failed to retrieve a token from the included credentials.',
      "- Visual Studio Token provider can't be accessed at /home/app/.IdentityService/AzureServiceAuth/tokenprovider.json",
      '- Az.Accounts module >= 2.2.0 is not installed.',
    ].join('\n');
    const found = sure(message);
    expect(found).toContain('azure-identity:visual-studio-credential-unavailable strong');
    expect(found).toContain('azure-identity:azure-powershell-not-installed strong');
  });

  it("Java's managed identity connection failure", () => {
    // written for this test
    expect(
      sure(
        'com.azure.identity.CredentialUnavailableException: ManagedIdentityCredential authentication unavailable. Connection to IMDS endpoint cannot be established, Connect timed out.',
      ),
    ).toContain('azure-identity:managed-identity-unavailable strong');
  });
});

describe("ZITADEL's internal error ids", () => {
  it('the ids typed alone and beside the English text', () => {
    expect(firstLookup('QUERY-Dfbg2')).toBe('zitadel:Errors.User.NotFound strong');
    expect(firstLookup('AUTH-7fs1e')).toBe('zitadel:Errors.Token.Invalid strong');
    expect(firstLookup('QUERY-n0wng')).toBe('zitadel:Errors.Instance.NotFound strong');
    // written for this test
    expect(sure('User could not be found (QUERY-Dfbg2)')).toEqual(['zitadel:Errors.User.NotFound strong']);
    // written for this test
    expect(sure('Auth Request does not exist (COMMAND-jae5P)')).toEqual(['zitadel:Errors.AuthRequest.NotFound strong']);
  });
});

describe("Dex's log lines", () => {
  it('the authorization request refusal, before and after the structured logger', () => {
    // written for this test
    expect(
      sure(
        'time="2026-01-02T03:04:05Z" level=error msg="Failed to parse authorization request: Unregistered redirect_uri (\\"https://app.example.test/callback\\")."',
      ),
    ).toEqual(['dex:dex-unregistered-redirect-uri strong']);
    // written for this test
    expect(
      sure(
        'time=2026-01-02T03:04:05.000Z level=ERROR msg="failed to parse authorization request" err="Invalid client_id (\\"example-app\\")."',
      ),
    ).toEqual(['dex:dex-invalid-client-id strong']);
    // Typed alone, the line's start is Dex's: its wrapper entry and the unregistered redirect_uri, whose documented
    // line begins so too (the more hit of the two, by the catalog's common list, first).
    const typed = resolver.lookup('Failed to parse authorization request').map((m) => `${m.provider}:${m.code}`);
    expect(typed.slice(0, 2).sort()).toEqual([
      'dex:dex-authorization-request-invalid',
      'dex:dex-unregistered-redirect-uri',
    ]);
  });

  it("the password connector's failure and a lost auth request, near a Dex clue", () => {
    // written for this test
    expect(
      sure(
        'dex-7f9c: time="2026-01-02T03:04:05Z" level=error msg="Failed to login user: ldap: failed to connect: dial tcp 10.0.0.5:636: i/o timeout"',
      ),
    ).toEqual(['dex:dex-login-error strong']);
    expect(
      firstLookup('Login error: ldap: initial bind for user "cn=dex,dc=example,dc=test" failed: LDAP Result Code 49'),
    ).toBe('dex:dex-login-error strong');
    // written for this test
    expect(
      sure('argocd-dex-server time="2026-01-02T03:04:05Z" level=error msg="Failed to get auth request: not found"'),
    ).toEqual(['dex:dex-requested-resource-does-not-exist strong']);
  });
});

describe("FusionAuth's hosted login pages", () => {
  it('the authorize error page answers the redirect URI refusal inside it', () => {
    // written for this test
    expect(
      sure('An invalid request was made to the Authorize endpoint. Invalid redirect uri https://app.example.test/cb'),
    ).toEqual(['fusionauth:invalid_redirect_uri strong']);
  });

  it('the page messages of the theme', () => {
    expect(firstLookup('The requested OAuth configuration is invalid.')).toBe(
      'fusionauth:fusionauth-oauth-configuration-invalid strong',
    );
    // written for this test
    expect(
      sure(
        "Oops. It looks like you've gotten here by accident. Please return to your application and log in to begin the authorization sequence.",
      ),
    ).toEqual(['fusionauth:fusionauth-user-unauthenticated strong']);
    // written for this test
    expect(
      sure('A request to the OpenID Connect Token API has failed. Unable to complete this login request.'),
    ).toEqual(['fusionauth:fusionauth-idp-request-failed strong']);
    // written for this test
    expect(sure('Your account has not been registered for this application.')).toEqual([
      'fusionauth:registration_required strong',
    ]);
    expect(firstLookup('Your account has been locked. Please contact your system administrator.')).toBe(
      'fusionauth:user_locked strong',
    );
  });
});

describe('OneLogin and Meta', () => {
  it("OneLogin API's Authentication Failure near its host", () => {
    // written for this test
    const paste = [
      'GET https://example.onelogin.com/api/2/users -> 401',
      '{"status":{"error":true,"code":401,"type":"Unauthorized","message":"Authentication Failure"}}',
    ].join('\n');
    expect(sure(paste)).toEqual(['onelogin:api-access-token-expired strong']);
  });

  it("Meta's 459 and 464 by the server's text", () => {
    // written for this test
    expect(
      sure(
        '{"error":{"message":"Error validating access token: You cannot access the app till you log in to www.facebook.com and follow the instructions given.","type":"OAuthException","code":190,"error_subcode":459,"fbtrace_id":"AbC0dEf1"}}',
      ),
    ).toEqual(['meta:OAuthException/subcode-459 strong']);
    // written for this test
    expect(
      sure(
        '{"error":{"message":"Error validating access token: Sessions for the user 100000000000001 are not allowed because the user is not a confirmed user.","type":"OAuthException","code":190,"error_subcode":464,"fbtrace_id":"AbC0dEf2"}}',
      ),
    ).toEqual(['meta:OAuthException/subcode-464 strong']);
  });
});

describe('symptoms of the errors hit most', () => {
  it("Vault's JWT/OIDC auth method described in words", () => {
    expect(first('users in many azure ad groups cannot log in to vault with oidc')).toBe(
      'vault:jwt-groups-claim-missing',
    );
    expect(first('github actions job cannot log in to vault with its oidc token, the audience is wrong')).toBe(
      'vault:jwt-invalid-audience',
    );
    expect(first('jwt login to vault broke after upgrading vault, the role has no bound_audiences')).toBe(
      'vault:jwt-no-bound-audiences',
    );
    expect(first('vault jwt login works on main branch but fails from another branch')).toBe(
      'vault:jwt-invalid-subject',
    );
    expect(first('vault ui sign in button does nothing, missing auth_url')).toBe('vault:oidc-redirect-uri-not-allowed');
  });

  it('kubectl, ZITADEL and Azure Identity described in words', () => {
    expect(first('kubectl broke after upgrading to 1.24 with an eks kubeconfig')).toBe(
      'kubernetes:kubernetes-exec-plugin-api-version',
    );
    expect(first('kubectl oidc-login opens the browser, I sign in, and the token request still fails')).toBe(
      'kubernetes:kubernetes-kubelogin-get-token',
    );
    expect(first('zitadel login page errors after the user reloads it')).toBe('zitadel:Errors.AuthRequest.NotFound');
    expect(first('defaultazurecredential signs in with the wrong account and the service answers 403')).toBe(
      'azure-identity:ClientAuthenticationError',
    );
  });
});
