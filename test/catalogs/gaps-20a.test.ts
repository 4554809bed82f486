import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the MSAL (MSAL.js, MSAL.NET, ADAL.NET) and Cognito client-library catalogs. Every sample is written
// for this test (fake ids, hosts and names), in the shape the library prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe('MSAL.js: Web Crypto missing (http origin, jsdom)', () => {
  it('crypto_nonexistent with and without its class, and pkce_not_created', () => {
    expect(
      sure(
        'BrowserAuthError: crypto_nonexistent: The crypto object or function is not available. Detail:Browser crypto, msCrypto, or msrCrypto interfaces not available.',
      ),
    ).toEqual(['msal:crypto_nonexistent exact']);
    expect(sure('Uncaught (in promise) The crypto object or function is not available.')).toEqual([
      'msal:crypto_nonexistent strong',
    ]);
    expect(
      sure('BrowserAuthError: pkce_not_created: The PKCE code challenge and verifier could not be generated.'),
    ).toEqual(['msal:pkce_not_created exact']);
    expect(firstLookup('msal crypto_nonexistent')).toBe('msal:crypto_nonexistent exact');
    expect(firstLookup('msal pkce not created')).toBe('msal:pkce_not_created exact');
  });
});

describe('MSAL.js configuration errors', () => {
  it('authority_mismatch, url_parse_error and redirect_uri_empty', () => {
    expect(
      sure(
        'ClientConfigurationError: authority_mismatch: Authority mismatch error. Authority provided in login request or PublicClientApplication config does not match the environment of the provided account. Please use a matching account or make an interactive request to login to this authority.',
      ),
    ).toEqual(['msal:authority_mismatch exact']);
    expect(
      sure('ClientConfigurationError: url_parse_error: URL could not be parsed into appropriate segments.'),
    ).toEqual(['msal:url_parse_error exact']);
    expect(
      sure(
        'ClientConfigurationError: redirect_uri_empty: A redirect URI is required for all calls, and none has been set.',
      ),
    ).toEqual(['msal:redirect_uri_empty exact']);
    expect(firstLookup('msal authority mismatch')).toBe('msal:authority_mismatch exact');
    expect(firstLookup('msal url_parse_error')).toBe('msal:url_parse_error exact');
    expect(firstLookup('msal redirect uri empty')).toBe('msal:redirect_uri_empty exact');
  });
});

describe('MSAL.NET client errors', () => {
  it('username/password and Integrated Windows Auth: user type, managed user, unknown OS user', () => {
    expect(
      sure(
        "Microsoft.Identity.Client.MsalClientException: Unsupported User Type 'Unknown'. Please see https://aka.ms/msal-net-up.",
      ),
    ).toEqual(['msal:unknown_user_type strong']);
    expect(
      sure(
        'Microsoft.Identity.Client.MsalClientException: Integrated Windows Auth is not supported for managed users. See https://aka.ms/msal-net-iwa for details.',
      ),
    ).toEqual(['msal:integrated_windows_auth_not_supported_managed_user strong']);
    expect(
      sure(
        'MsalClientException: Could not identify the user logged into the OS. See http://aka.ms/msal-net-iwa for details.',
      ),
    ).toEqual(['msal:unknown_user strong']);
    expect(firstLookup('msal unsupported user type unknown')).toBe('msal:unknown_user_type strong');
    expect(firstLookup('msal integrated windows auth not supported for managed users')).toBe(
      'msal:integrated_windows_auth_not_supported_managed_user weak',
    );
    expect(firstLookup('msal could not identify the user logged into the OS')).toBe('msal:unknown_user strong');
  });

  it('an error body it could not parse, and a certificate without its key', () => {
    expect(
      sure(
        'Microsoft.Identity.Client.MsalServiceException: An error response was returned by the OAuth2 server, but it could not be parsed. Please inspect the exception properties for details.',
      ),
    ).toEqual(['msal:non_parsable_oauth_error strong']);
    expect(
      sure(
        'Microsoft.Identity.Client.MsalClientException: The certificate CN=orders-daemon.example.test does not have a private key.',
      ),
    ).toEqual(['msal:cert_without_private_key strong']);
    expect(firstLookup('msal non_parsable_oauth_error')).toBe('msal:non_parsable_oauth_error exact');
    expect(firstLookup('msal certificate does not have a private key')).toBe('msal:cert_without_private_key weak');
  });
});

describe("ADAL.NET's authority_not_in_valid_list", () => {
  it('the exception line, the bare message and the code typed', () => {
    expect(
      sure(
        "Microsoft.IdentityModel.Clients.ActiveDirectory.AdalException: authority_not_in_valid_list: 'authority' is not in the list of valid addresses",
      ),
    ).toEqual(['msal:authority_not_in_valid_list exact']);
    expect(sure("'authority' is not in the list of valid addresses")).toEqual([
      'msal:authority_not_in_valid_list strong',
    ]);
    expect(firstLookup('authority_not_in_valid_list')).toBe('msal:authority_not_in_valid_list exact');
    expect(firstLookup('adal authority not in valid list')).toBe('msal:authority_not_in_valid_list weak');
  });
});

describe('Cognito client libraries without a service code', () => {
  it("the .NET CognitoAuthentication extension's User is not authenticated", () => {
    // written for this test
    const trace = [
      'Unhandled exception. Amazon.CognitoIdentityProvider.Model.NotAuthorizedException: User is not authenticated.',
      '   at Amazon.Extensions.CognitoAuthentication.CognitoUser.EnsureUserAuthenticated()',
      '   at Amazon.Extensions.CognitoAuthentication.CognitoUser.GetUserDetailsAsync()',
    ].join('\n');
    expect(sure(trace)).toEqual(['cognito:NotAuthorizedException/client-session strong']);
    expect(firstLookup('cognito user is not authenticated')).toBe(
      'cognito:NotAuthorizedException/client-session strong',
    );
    // the service's own NotAuthorizedException keeps its reading
    expect(sure('NotAuthorizedException: Incorrect username or password. (cognito-idp)')).toEqual([
      'cognito:NotAuthorizedException/user-pool exact',
    ]);
  });

  it("amazon-cognito-identity-js's getSession without a stored session", () => {
    expect(sure('Error: Local storage is missing an ID Token, Please authenticate')).toEqual([
      'cognito:cognito-identity-js-no-session strong',
    ]);
    expect(sure('amazon-cognito-identity-js: Error: Cannot retrieve a new session. Please authenticate.')).toEqual([
      'cognito:cognito-identity-js-no-session strong',
    ]);
    expect(firstLookup('cognito local storage is missing an id token')).toBe(
      'cognito:cognito-identity-js-no-session strong',
    );
  });

  it("Amplify v5's rejected strings, near Amplify and only there", () => {
    expect(sure('[DEBUG] 10:02.155 AuthClass - The user is not authenticated by the error No current user')).toEqual([
      'cognito:amplify-v5-user-not-authenticated strong',
    ]);
    expect(sure('Auth.currentAuthenticatedUser() failed: The user is not authenticated')).toEqual([
      'cognito:amplify-v5-user-not-authenticated strong',
    ]);
    expect(firstLookup('amplify the user is not authenticated')).toBe('cognito:amplify-v5-user-not-authenticated weak');
    // an app's own sentence is no sure Cognito error
    expect(sure('GraphQL error: The user is not authenticated')).toEqual([]);
  });
});
