import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Client libraries whose own errors people paste: AppAuth (iOS, Android) and its React Native, Flutter and
// Expo wrappers, and the Azure Identity libraries (DefaultAzureCredential and the credentials it chains,
// with the Azure Developer CLI's sign-in errors). Each sample is text people pasted or typed in the public
// thread named beside it, shortened; host names, app ids and tenant ids are replaced.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const of = (provider: string) => (text: string) =>
  confident(text).filter((finding) => finding.startsWith(`${provider}:`));
const appauth = of('appauth');
const azureIdentity = of('azure-identity');

describe('AppAuth-iOS and AppAuth-Android', () => {
  it("iOS's -3 in org.openid.appauth.general is the cancelled flow", () => {
    // https://github.com/FormidableLabs/react-native-app-auth/issues/551
    expect(confident('Error The operation couldn’t be completed. (org.openid.appauth.general error -3.)')).toEqual([
      'appauth:OIDErrorCodeUserCanceledAuthorizationFlow',
    ]);
    // https://github.com/FormidableLabs/react-native-app-auth/issues/669
    expect(confident('[Error: The operation couldn’t be completed. (org.openid.appauth.general error -3.)]')).toEqual([
      'appauth:OIDErrorCodeUserCanceledAuthorizationFlow',
    ]);
    // https://github.com/openid/AppAuth-iOS/issues/916 (its title)
    expect(best('The operation couldn’t be completed. (org.openid.appauth.general error -3.)')).toBe(
      'appauth:OIDErrorCodeUserCanceledAuthorizationFlow',
    );
  });

  it("Android's AuthorizationException as it prints itself: User cancelled flow, Network error", () => {
    // https://github.com/openid/AppAuth-Android/issues/756
    expect(
      confident(
        'AuthorizationException: {"type":0,"code":1,"errorDescription":"User cancelled flow"} at de.company.oauth.OAuthService.lambda$doUpdateAuthState$31$OAuthService(OAuthService.java)',
      ),
    ).toEqual(['appauth:GeneralErrors.USER_CANCELED_AUTH_FLOW']);
    // https://github.com/openid/AppAuth-Android/issues/859
    expect(confident('AuthorizationException: {"type":0,"code":3,"errorDescription":"Network error"}')).toEqual([
      'appauth:GeneralErrors.NETWORK_ERROR',
    ]);
    // https://github.com/openid/AppAuth-Android/issues/756 (its title, typed)
    expect(best('Ways to fetch exact causes for User Cancelled Flow')).toBe(
      'appauth:GeneralErrors.USER_CANCELED_AUTH_FLOW',
    );
  });

  it("Android's failed ID token check names which check in its cause", () => {
    // https://github.com/openid/AppAuth-Android/issues/842
    const trace = [
      'Caused by net.openid.appauth.IdToken$IdTokenException: Issued at time is more than 10 minutes before or after the current time',
      'at net.openid.appauth.IdToken.validate(IdToken.java:283)',
      'at net.openid.appauth.AuthorizationService$TokenRequestTask.onPostExecute(AuthorizationService.java:710)',
    ].join('\n');
    expect(confidentOf(resolver, trace, (finding) => `${finding.code}@${finding.entry?.context?.id}`)).toEqual([
      'GeneralErrors.ID_TOKEN_VALIDATION_ERROR@clock',
    ]);
  });

  it("iOS's connection error on the token request (-5)", () => {
    // https://github.com/openid/AppAuth-iOS/issues/460
    const error =
      "Error Domain=org.openid.appauth.general Code=-5 \"Connection error making token request to 'https://id.example.com/login/token': The network connection was lost..\" UserInfo={NSLocalizedDescription=Connection error making token request to 'https://id.example.com/login/token': The network connection was lost..";
    expect(confident(error)).toEqual(['appauth:OIDErrorCodeNetworkError']);
  });
});

describe('react-native-app-auth, flutter_appauth and expo-auth-session', () => {
  it("flutter_appauth's PlatformException carries AppAuth's own description", () => {
    // https://github.com/MaikuB/flutter_appauth/issues/56
    expect(
      confident(
        'PlatformException(authorize_and_exchange_code_failed, Failed to authorize: [error: null, description: User cancelled flow], null)',
      ),
    ).toEqual(['appauth:GeneralErrors.USER_CANCELED_AUTH_FLOW']);
    // The plugin's wrapper around AppAuth's own error adds nothing to it in a scan; a lookup still answers it.
    expect(resolver.lookup('authorize_and_exchange_code_failed')[0]?.code).toBe('authorize_and_exchange_code_failed');
    // https://github.com/MaikuB/flutter_appauth/issues/536
    const idToken =
      'PlatformException(authorize_and_exchange_code_failed, Failed to authorize: [error: null, description: Unable to parse ID Token], {code: 8, error_description: Unable to parse ID Token, user_did_cancel: false, type: 0, error: null, error_uri: null, error_debug_description: AuthorizationException: {"type":0,"code":8,"errorDescription":"Unable to parse ID Token"}}, null))';
    expect(appauth(idToken)).toContain('appauth:GeneralErrors.ID_TOKEN_PARSING_ERROR');
    // https://github.com/MaikuB/flutter_appauth/issues/344
    expect(
      appauth(
        'PlatformException(authorize_and_exchange_code_failed, Failed to authorize: [error: null, description: JSON deserialization error], Value Not of type java.lang.String cannot be converted to JSONObject, null)',
      ),
    ).toContain('appauth:GeneralErrors.JSON_DESERIALIZATION_ERROR');
    // https://github.com/MaikuB/flutter_appauth/issues/386 (its title, cut where GitHub cut it)
    expect(
      confident(
        "PlatformException(authorize_and_exchange_code_failed, Failed to authorize: Connection error making token request to 'https://xxx/realms/AAA/protocol/openid-connect/token': The certificate for this ser",
      ),
    ).toContain('appauth:OIDErrorCodeNetworkError');
  });

  it("the server's error inside a wrapper stays the server's", () => {
    // https://github.com/MaikuB/flutter_appauth/issues/56 (a comment)
    expect(
      confident(
        'PlatformException(authorize_and_exchange_code_failed, Failed to authorize: [error: invalid_client, description: null], null)',
      ),
    ).toContain('oauth2:invalid_client');
    // https://github.com/fa-fifi/keycloak_wrapper/issues/57
    const keycloak =
      '[keycloak_wrapper] FlutterAppAuthPlatformException (PlatformException(token_failed, Failed to get token: invalid_grant: Session not active, {domain: org.openid.appauth.remote-http, user_did_cancel: false, code: -10, root_cause_debug_description: Error Domain=org.openid.appauth.remote-http Code=400 "{"error":"invalid_grant","error_description":"Session not active"}"';
    expect(confident(keycloak)).toContain('keycloak:invalid_grant');
    expect(confident(keycloak)).toContain('appauth:token_failed');
  });

  it("react-native-app-auth's Data intent is null, typed", () => {
    // https://github.com/FormidableLabs/react-native-app-auth/issues/494 (its title)
    expect(best("authorize() returns error 'Data intent is null' on Android")).toBe('appauth:data-intent-null');
  });

  it("expo-auth-session's state check and its old proxy", () => {
    // https://github.com/expo/expo/issues/11592
    expect(
      confident('Error: Cross-Site request verification failed. Cached state and returned state do not match.'),
    ).toEqual(['appauth:expo-cross-site-verification-failed']);
    // https://github.com/expo/expo/issues/13014
    const result = [
      '{',
      '  "authentication": null,',
      '  "error": [Error: Cross-Site request verification failed. Cached state and returned state do not match.],',
      '  "errorCode": "cookies-disabled",',
      '  "type": "error",',
      '  "url": "exp://192.168.1.20:19000/--/expo-auth-session?errorCode=cookies-disabled",',
      '}',
    ].join('\n');
    expect(confident(result)).toEqual(['appauth:expo-cross-site-verification-failed']);
    // https://checklist.day/registry/expo-auth-session ("Common errors")
    expect(best('Cannot use the AuthSession proxy because the project full name is not defined.')).toBe(
      'appauth:expo-proxy-project-name-missing',
    );
  });

  it('an Android build log naming AppAuth, and a Laravel AuthorizationException, are no AppAuth errors', () => {
    const build = [
      '> Task :app:compileDebugKotlin',
      'w: /src/app/src/main/java/com/example/login/LoginActivity.kt: (42, 9): net.openid.appauth.AuthorizationService.performAuthorizationRequest is deprecated',
      'Resolved net.openid:appauth:0.11.1 from mavenCentral',
      'BUILD SUCCESSFUL in 41s',
      'E/NetworkMonitor: Network error while syncing feed, will retry in 30s',
    ].join('\n');
    expect(confident(build)).toEqual([]);
    const laravel =
      '[2026-12-01 10:14:02] production.ERROR: This action is unauthorized. {"exception":"[object] (Illuminate\\\\Auth\\\\Access\\\\AuthorizationException(code: 0): This action is unauthorized."}';
    expect(appauth(laravel)).toEqual([]);
  });
});

describe('Azure Identity: DefaultAzureCredential and its credentials', () => {
  it(".NET's chain: each credential's reason is its own finding", () => {
    // https://github.com/Azure/azure-sdk-for-net/issues/37278
    const chain = [
      'DefaultAzureCredential failed to retrieve a token from the included credentials. See the troubleshooting guide for more information. https://aka.ms/azsdk/net/identity/defaultazurecredential/troubleshoot',
      '- EnvironmentCredential authentication unavailable. Environment variables are not fully configured. See the troubleshooting guide for more information. https://aka.ms/azsdk/net/identity/environmentcredential/troubleshoot',
      '- ManagedIdentityCredential authentication unavailable. The requested identity has not been assigned to this resource.',
    ].join('\n');
    expect(azureIdentity(chain).sort()).toEqual([
      'azure-identity:default-credential-chain-failed',
      'azure-identity:environment-credential-unavailable',
      'azure-identity:managed-identity-not-assigned',
    ]);
    // https://github.com/PowerShell/AIShell/pull/383 (the links on lines of their own)
    const wrapped = [
      'ERROR: Agent failed to generate a response: DefaultAzureCredential failed to retrieve a token from the included credentials. See the troubleshooting guide for more information.',
      'https://aka.ms/azsdk/net/identity/defaultazurecredential/troubleshoot',
      '- WorkloadIdentityCredential authentication unavailable. The workload options are not fully configured. See the troubleshooting guide for more information.',
      'https://aka.ms/azsdk/net/identity/workloadidentitycredential/troubleshoot',
      '- ManagedIdentityCredential authentication unavailable. No response received from the managed identity endpoint.',
    ].join('\n');
    expect(confident(wrapped).sort()).toEqual([
      'azure-identity:default-credential-chain-failed',
      'azure-identity:managed-identity-unavailable',
      'azure-identity:workload-identity-unavailable',
    ]);
    // https://github.com/Azure/azure-sdk-for-net/issues/20210
    const chained = [
      'Azure.Identity.CredentialUnavailableException: The ChainedTokenCredential failed to retrieve a token from the included credentials.',
      '- ManagedIdentityCredential authentication unavailable. No Managed Identity endpoint found.',
    ].join('\n');
    expect(confident(chained)).toContain('azure-identity:managed-identity-unavailable');
    expect(confident(chained)).toContain('azure-identity:default-credential-chain-failed');
  });

  it("Python's chain, with the Azure CLI missing or not signed in", () => {
    // https://github.com/dask/dask-cloudprovider/issues/340
    const python = [
      'ClientAuthenticationError: DefaultAzureCredential failed to retrieve a token from the included credentials.',
      'Attempted credentials:',
      '\tEnvironmentCredential: EnvironmentCredential authentication unavailable. Environment variables are not fully configured.',
      'Visit https://aka.ms/azsdk/python/identity/environmentcredential/troubleshoot to troubleshoot.this issue.',
      '\tManagedIdentityCredential: ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint.',
      '\tAzureCliCredential: Azure CLI not found on path',
    ].join('\n');
    expect(confident(python).sort()).toEqual([
      'azure-identity:azure-cli-not-installed',
      'azure-identity:default-credential-chain-failed',
      'azure-identity:environment-credential-unavailable',
      'azure-identity:managed-identity-unavailable',
    ]);
    // https://github.com/skyplane-project/skyplane/issues/203
    expect(confident("        AzureCliCredential: Please run 'az login' to set up an account")).toEqual([
      'azure-identity:azure-cli-not-signed-in',
    ]);
    // https://github.com/Azure/azure-functions-python-worker/issues/934 (its title)
    expect(
      azureIdentity(
        'Help Debugging "azure.identity._exceptions.CredentialUnavailableError: Azure CLI not found on path"',
      ),
    ).toContain('azure-identity:azure-cli-not-installed');
  });

  it("JavaScript's AggregateAuthenticationError lists each CredentialUnavailableError", () => {
    // https://github.com/Azure/azure-sdk-for-js/issues/31080
    const js = [
      'AggregateAuthenticationError: ChainedTokenCredential authentication failed.',
      'CredentialUnavailableError: EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.',
      "CredentialUnavailableError: ManagedIdentityCredential: The managed identity endpoint is indicating there's no available identity. Message: undefined Status code: 400",
      "CredentialUnavailableError: Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
    ].join('\n');
    const found = confident(js);
    expect(found).toContain('azure-identity:default-credential-chain-failed');
    expect(found).toContain('azure-identity:environment-credential-unavailable');
    expect(found).toContain('azure-identity:managed-identity-not-assigned');
    expect(found).toContain('azure-identity:azure-cli-not-installed');
  });

  it("an AADSTS code inside AuthenticationFailedException is Entra's, answered first", () => {
    // https://github.com/microsoftgraph/msgraph-cli/issues/383
    const secret =
      "Unhandled exception: Azure.Identity.AuthenticationFailedException: ClientSecretCredential authentication failed: A configuration issue is preventing authentication - check the error message from the server for details. You can modify the configuration in the application registration portal. See https://aka.ms/msal-net-invalid-client for details.  Original exception: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '00000000-0000-0000-0000-000000000000'.";
    expect(confident(secret)[0]).toBe('entra:AADSTS7000215');
    expect(resolver.lookup(secret)[0]?.code).toBe('AADSTS7000215');
  });

  it('the multi-tenant refusal, pasted and typed', () => {
    // https://github.com/vcsjones/AzureSignTool/issues/310
    const tenant =
      'Azure.Identity.AuthenticationFailedException: The current credential is not configured to acquire tokens for tenant *****. To enable acquiring tokens for this tenant add it to the AdditionallyAllowedTenants on the credential options, or add "*" to AdditionallyAllowedTenants to allow acquiring tokens for any tenant.';
    expect(confident(tenant)).toContain('azure-identity:tenant-not-allowed');
    // https://github.com/Azure/azure-sdk-for-net/issues/44814 (its title)
    expect(
      best(
        'Regarding misleading AuthenticationFailedException - The current credential is not configured to acquire tokens for tenant....',
      ),
    ).toBe('azure-identity:tenant-not-allowed');
  });

  it('typed questions name the credential that failed', () => {
    // https://github.com/Azure/azure-cli/issues/31648 (its title)
    expect(best('failed to retrieve a token from the included credential')).toBe(
      'azure-identity:default-credential-chain-failed',
    );
    // https://github.com/Azure/azure-sdk-for-net/issues/37278 (its title, without the namespace)
    expect(
      best(
        'ManagedIdentityCredential authentication unavailable. The requested identity has not been assigned to this resource.',
      ),
    ).toBe('azure-identity:managed-identity-not-assigned');
  });

  it("the Azure Developer CLI's sign-in errors", () => {
    // https://github.com/Azure/azure-dev/issues/2299
    expect(
      confident(
        "1. Run `azd <any command>`. See the message: `reauthentication required, run 'azd auth login' to login`",
      ),
    ).toEqual(['azure-identity:azd-not-signed-in']);
    // https://github.com/Azure-Samples/langfuse-on-azure/issues/16
    const scoped =
      'AzureDeveloperCliCredential.get_token failed: {"type":"consoleMessage","data":{"message":"\\nERROR: fetching token: reauthentication required, run `azd auth login --scope https://graph.microsoft.com/.default` to log in\\n"}}';
    expect(confident(scoped)).toEqual(['azure-identity:azd-not-signed-in']);
    // https://github.com/Azure/azure-dev/issues/2659 (its title)
    expect(best("reauthentication required: run 'azd auth login' even after logging in")).toBe(
      'azure-identity:azd-not-signed-in',
    );
  });

  it('a healthy Azure.Identity log is no error', () => {
    const log = [
      'info: Azure.Identity[1]',
      '      DefaultAzureCredential.GetToken invoked. Scopes: [ https://vault.azure.net/.default ] ParentRequestId: 7c1d2a9e-0000-4000-8000-000000000001',
      'info: Azure.Identity[2]',
      '      ManagedIdentityCredential.GetToken succeeded. Scopes: [ https://vault.azure.net/.default ] ExpiresOn: 2026-12-06T15:02:11.0000000+00:00',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Application started. Press Ctrl+C to shut down.',
      'warn: Worker[0] Network error talking to https://api.example.com, retrying',
    ].join('\n');
    expect(confident(log)).toEqual([]);
  });
});
