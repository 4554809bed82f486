import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Entra's runtime messages (the error_description text after "AADSTSnnnnn: ") as people paste them:
// with the code, without it, and percent-encoded on a callback URL. All lines are made up in the
// shapes real logs take (CLI output, JSON token responses, redirect URLs, sign-in log exports).
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const entra = (text: string) => confident(text).filter((finding) => finding.startsWith('entra:'));

describe('Entra codes outside Microsoft AADSTS table', () => {
  it("personal accounts' sign-in host (login.live.com) is the Microsoft identity platform's too", () => {
    const callback =
      'https://login.live.com/err.srf?lc=1033#error=invalid_request&error_description=The+redirect_uri+sent+is+not+registered+for+this+app.';
    expect(confident(callback)).toEqual(['entra:invalid_request']);
  });

  it('PKCE demanded for a SPA redirect URI, with and without the code on a callback URL', () => {
    const withCode =
      'GET /api/auth/callback/azure-ad?error=invalid_request&error_description=AADSTS9002325%3a+Proof+Key+for+Code+Exchange+is+required+for+cross-origin+authorization+code+redemption.%0d%0aTrace+ID%3a+4c7e21aa-0b1c-4d2e-8f30-5a6b7c8d9e00&state=f3k9 400';
    expect(confident(withCode)).toEqual(['entra:AADSTS9002325']);
    const withoutCode =
      '[next-auth][error][OAUTH_CALLBACK_ERROR] https://portal.example.org/api/auth/callback/azure-ad?error=invalid_request&error_description=Proof+Key+for+Code+Exchange+is+required+for+cross-origin+authorization+code+redemption.&state=f3k9';
    expect(entra(withoutCode)).toEqual(['entra:AADSTS9002325']);
  });

  it('device management, MFA and TLS failures from CLIs and PowerShell', () => {
    expect(
      confident(
        'ERROR: AADSTS530003: Your device is required to be managed to access this resource.\nTrace ID: 9d1f0c2e-7a3b-4c5d-8e6f-001122334455',
      ),
    ).toEqual(['entra:AADSTS530003']);
    expect(
      confident('WARNING: Your device is required to be managed to access this resource. Run az login again.'),
    ).toEqual(['entra:AADSTS530003']);
    expect(
      confident(
        'Get-AzAccessToken: InteractiveBrowserCredential authentication failed: Your device is required to be compliant to access this resource.',
      ),
    ).toEqual(['entra:AADSTS530002']);
    expect(
      confident(
        '2026-11-30T08:14:02Z  jlee@contoso.com  203.0.113.7  500121  Authentication failed during strong authentication request.',
      ),
    ).toEqual(['entra:AADSTS500121']);
    expect(
      confident(
        'Connect-MsolService : You are using TLS version 1.0, 1.1 and/or 3DES cipher which are deprecated to improve the security posture of Azure AD. Your TenantID is: 4f5e6d7c-1111-2222-3333-444455556666. Please refer to https://go.microsoft.com/fwlink/?linkid=2161187 and conduct needed actions to remediate the issue.',
      ),
    ).toEqual(['entra:AADSTS1002016']);
    expect(
      confident(
        "Connect-AzAccount: DeviceCodeCredential authentication failed: The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
      ),
    ).toEqual(['entra:AADSTS70020']);
  });

  it('registration and account-type mistakes', () => {
    expect(
      confident(
        "Sorry, but we're having trouble signing you in.\nAADSTS500113: No reply address is registered for the application.",
      ),
    ).toEqual(['entra:AADSTS500113']);
    expect(
      confident(
        "pac auth create failed: User account 'sam.k@outlook.com' is a personal Microsoft account. Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization.",
      ),
    ).toEqual(['entra:AADSTS500200']);
    expect(
      confident(
        "AuthenticationRequiredError: invalid_request: 9002331 - AADSTS9002331: Application '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9'(mail-sync) is configured for use by Microsoft Account users only. Please use the /consumers endpoint to serve this request.",
      ),
    ).toEqual(['entra:AADSTS9002331']);
    expect(
      confident(
        "ClientAuthenticationError: Specified tenant identifier 'undefined' is neither a valid DNS name, nor a valid external domain.",
      ),
    ).toEqual(['entra:AADSTS900023']);
    expect(
      confident(
        "The application 'Contoso Portal' asked for scope 'access_as_user' that doesn't exist on the resource '00000003-0000-0000-c000-000000000000'. Contact the app vendor.",
      ),
    ).toEqual(['entra:AADSTS650053']);
    expect(
      entra(
        'http://localhost:4200/#error=unsupported_response_type&error_description=response_type+%27token%27+is+not+enabled+for+the+application.&state=12ab',
      ),
    ).toEqual(['entra:AADSTS700051']);
  });

  it('deleted users and devices, cookies and cross-tenant settings', () => {
    expect(
      entra(
        '{"error":"invalid_grant","error_description":"Device object was not found in the tenant \'1d0f52d7-4151-4a31-9a0e-0123456789ab\' directory.\\r\\nTrace ID: 7f00aa11-2b3c-4d5e-9f60-112233445566"}',
      ),
    ).toEqual(['entra:AADSTS700003']);
    expect(
      confident(
        'Microsoft token refresh failed: invalid_grant - AADSTS500341: The user account jo@fabrikam.example has been deleted from the Fabrikam directory. To sign into this application, the account must be added to the directory.',
      ),
    ).toEqual(['entra:AADSTS500341']);
    expect(
      confident(
        'Invalid Request: The request tokens do not match the user context. Do not copy the user context values (cookies; form fields; headers) between different requests or user sessions.',
      ),
    ).toEqual(['entra:AADSTS165000']);
    expect(
      confident(
        "ERROR: AcceptCompliantDevice setting isn't configured for this organization. The admin needs to configure this setting to allow external users access to protected resources.",
      ),
    ).toEqual(['entra:AADSTS530004']);
  });
});

describe('newly documented messages of table codes, pasted without the code', () => {
  it.each([
    ['username parameter is empty or not valid.', 'entra:AADSTS90100'],
    [
      'Sign-in failed: Validation of given certificate for certificate based authentication failed.',
      'entra:AADSTS50017',
    ],
    ['AdalServiceException: The user is required to use multi-factor authentication.', 'entra:AADSTS50079'],
    [
      "Additional technical information: The reply address 'http://localhost:60761/signin-oidc' does not match the reply addresses configured for the application: '8b640f9d-e7d8-4c41-8a40-15069f5712ee'. More details: not specified",
      'entra:AADSTS50011',
    ],
    [
      'MsalServiceException: Invalid certificate - subject name in certificate is not authorized. SubjectNames/SubjectAlternativeNames (up to 10) in token certificate are: CN=client.contoso.example',
      'entra:AADSTS700030',
    ],
    [
      'The provided value for the input parameter scope is not valid when requesting an access token.',
      'entra:AADSTS700023',
    ],
    ['Pass-through sign-in: The Authentication Agent is unable to connect to Active Directory.', 'entra:AADSTS80001'],
  ])('%s', (text, expected) => {
    expect(entra(text)).toEqual([expected]);
  });

  it('short messages count only next to Entra', () => {
    expect(
      confident(
        'msal InteractionRequiredAuthError POST https://login.microsoftonline.com/common/oauth2/v2.0/token: The user account is disabled.',
      ),
    ).toContain('entra:AADSTS50057');
    expect(entra('The user account is disabled.')).toEqual([]);
  });
});

describe('messages added in issue 17, pasted without the code', () => {
  // Codes Microsoft's AADSTS table gained in its 2025 revision, and table codes that had no message.
  it.each([
    [
      "Connect-MgGraph: InteractiveBrowserCredential authentication failed: The service principal for resource 'https://graph.microsoft.com' is disabled. This indicates that a subscription within the tenant has lapsed, or that the administrator for this tenant has disabled the application, preventing tokens from being issued for it.",
      'entra:AADSTS500014',
    ],
    [
      'MsalServiceException: The application (appId:3f2a9c1e-5b7d-4e8f-a0b1-c2d3e4f5a6b7) is not configured for use in tenant (tenantId:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b). The value AzureADMyOrg set for application property SignInAudience is limiting its use in the tenant.',
      'entra:AADSTS650059',
    ],
    [
      '2026-12-01 10:22:31 WARN  ExternalIdpHandler - sign-in aborted: Failed to complete authentication with external provider due to invalid id_token. Failure details: the token has expired',
      'entra:AADSTS5001256',
    ],
    [
      'Sign-in error for j.doe@fabrikam.example: Password needs to be changed due to security policy rule.',
      'entra:AADSTS50137',
    ],
    [
      "az login: The request is not properly formatted. The parameter 'redirect_uri' is duplicated.",
      'entra:AADSTS90004',
    ],
    [
      "Sign-in redirect failed: 'query' is not a supported value of 'response_mode' when requesting a token.",
      'entra:AADSTS70007',
    ],
    [
      'Provisioning task failed: Application identifier is expected to be a GUID. Value given: contoso-portal',
      'entra:AADSTS90112',
    ],
    [
      "connect-AzureRmAccount : The resource is disabled or does not exist. Check your app's code to ensure that you have specified the exact resource URL for the resource you are trying to access.",
      'entra:AADSTS90056',
    ],
    [
      'Sorry, but we are having trouble signing you in. We are sorry, this resource is not available. If you are seeing this message by mistake, please contact Microsoft support.',
      'entra:AADSTS5000224',
    ],
    ["Error: Failed to connect to Dataverse. UserPrincipal doesn't have the key ID configured.", 'entra:AADSTS135010'],
  ])('%s', (text, expected) => {
    expect(confident(text)).toEqual([expected]);
  });

  it('next to an OAuth error code, the message still names its AADSTS code', () => {
    const aadsts = (text: string) => entra(text).filter((finding) => finding.startsWith('entra:AADSTS'));
    expect(
      aadsts(
        '[auth] callback failed: error=invalid_request&error_description=The+code_verifier+doesn%27t+match+the+code_challenge+supplied+in+the+authorization+request+for+PKCE.',
      ),
    ).toEqual(['entra:AADSTS50148']);
    expect(
      aadsts(
        'Microsoft-Windows-AAD/Operational 1098: Error: 0xCAA2000C The request requires user interaction. interaction_required - User is required to permit SSO.',
      ),
    ).toEqual(['entra:AADSTS9002341']);
  });

  it('a short message counts only next to Entra', () => {
    expect(
      confident('SAML sign-in to Contoso HR failed at login.microsoftonline.com: No signing key configured.'),
    ).toEqual(['entra:AADSTS50003']);
    expect(entra("io.jsonwebtoken.security.SignatureException: No signing key configured for kid 'k1'")).toEqual([]);
  });
});

describe('messages added in the second pass of issue 17 (seen pasted in issues)', () => {
  it('tenant throttling, with and without its code', () => {
    expect(
      confident(
        'INFO: azcopy 10.26.0: failed to refresh token: AADSTS90055: The server has terminated the request due to excessive request rate. Please wait a few seconds and try again. Trace ID: 2b7e0c1d-aaaa-4bbb-8ccc-0123456789ab',
      ),
    ).toEqual(['entra:AADSTS90055']);
    expect(
      confident(
        'job 7 of 40: copy failed: The server has terminated the request due to excessive request rate. Please wait a few seconds and try again.',
      ),
    ).toEqual(['entra:AADSTS90055']);
    expect(
      entra(
        '{"error":"temporarily_unavailable","error_description":"The server has terminated the request due to excessive request rate. Please wait a few seconds and try again.\\r\\nTrace ID: 0c1d2e3f-1111-4222-8333-444455556666"}',
      ),
    ).toEqual(['entra:AADSTS90055']);
  });

  it('other services rate limits are not Entra throttling', () => {
    expect(entra('HTTP 429 Too Many Requests: rate limit exceeded. Please wait a few seconds and try again.')).toEqual(
      [],
    );
    expect(entra('upstream: the server terminated the request (excessive request body size)')).toEqual([]);
  });
});

describe('lookups', () => {
  it('a typed code and part of a message', () => {
    expect(resolver.lookup('AADSTS9002325')[0]).toMatchObject({
      provider: 'entra',
      code: 'AADSTS9002325',
      confidence: 'exact',
    });
    expect(resolver.lookup('aadsts1002016')[0]).toMatchObject({ provider: 'entra', code: 'AADSTS1002016' });
    expect(resolver.lookup('device is required to be managed to access')[0]).toMatchObject({
      provider: 'entra',
      code: 'AADSTS530003',
    });
  });
});

describe('no false alarms from other systems', () => {
  it.each([
    [
      'LDAP bind',
      'javax.naming.AuthenticationException: [LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 533, v2580]\nThe user account is disabled.',
    ],
    ['Linux su', 'su: The password is expired. Password change required but no TTY available.'],
    [
      'AWS CLI',
      'An error occurred (ExpiredTokenException) when calling the GetCallerIdentity operation: The security token included in the request is expired',
    ],
    [
      'Kubernetes event',
      'Warning  FailedMount  12s (x4 over 2m)  kubelet  MountVolume.SetUp failed for volume "creds" : secret "device-auth" not found; device authentication failed',
    ],
    [
      'GitHub device flow',
      '{"error":"expired_token","error_description":"The device_code has expired. Please start a new device flow."}',
    ],
    [
      'generic 401',
      'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"',
    ],
    ['Java validation', 'java.lang.IllegalArgumentException: username parameter is empty'],
    ['generic 400', 'HTTP/1.1 400 Bad Request: The request is not properly formatted. Check the JSON body.'],
    ['CDN page', 'We are sorry, this resource is not available in your country.'],
    ['Unix passwd', 'passwd: Password needs to be changed. Contact your system administrator.'],
    ['ETL job', 'java.lang.IllegalStateException: There was an error transforming the record for the sink.'],
    ['JWT library', "jwt: the application identifier is expected in the 'aud' claim"],
  ])('%s', (_name, text) => {
    expect(entra(text)).toEqual([]);
  });
});

describe("Entra's pages, as people copy them", () => {
  it("the consent page's heading, typed, names AADSTS90094; in a log it is only a guess", () => {
    expect(resolver.lookup('Need admin approval')[0]).toMatchObject({ provider: 'entra', code: 'AADSTS90094' });
    expect(confident('release: need admin approval before deploying to prod')).toEqual([]);
  });

  it('the consent page and the account picker name their codes', () => {
    expect(
      confident(
        'Need admin approval\nContoso Reports needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.',
      ),
    ).toEqual(['entra:AADSTS90094']);
    expect(
      confident(
        "Selected user account does not exist in tenant 'Microsoft Services' and cannot access the application '4f1c0000-aaaa-bbbb-cccc-1234567890ab' in that tenant. The account needs to be added as an external user in the tenant first.",
      ),
    ).toEqual(['entra:AADSTS50020']);
  });
});
