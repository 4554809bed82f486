import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the Entra, IdentityModel (ASP.NET Core JwtBearer), MSAL and Azure DevOps catalogs. Every sample is
// written for this test (fake ids, tenants, hosts and apps), in the shape the service or library prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe("Entra's sign-in page refusing a personal account", () => {
  it('the sentence alone is AADSTS500200, with either apostrophe', () => {
    expect(sure("You can't sign in here with a personal account. Use your work or school account instead.")).toEqual([
      'entra:AADSTS500200 strong',
    ]);
    expect(sure('You can’t sign in here with a personal account. Use your work or school account instead.')).toEqual([
      'entra:AADSTS500200 strong',
    ]);
    expect(firstLookup("you can't sign in here with a personal account")).toBe('entra:AADSTS500200 strong');
  });
});

describe("Entra's AADSTS501051: a client app without an app role on an API that requires assignment", () => {
  it('the token response with the code and the names', () => {
    // written for this test
    const body =
      '{"error":"invalid_grant","error_description":"AADSTS501051: Application \'0a1b2c3d-0000-4000-8000-000000000001\'(orders-daemon) is not assigned to a role for the application \'api://orders.example.test\'(orders-api). Trace ID: 11111111-aaaa-4bbb-8ccc-222222222222 Correlation ID: 33333333-dddd-4eee-8fff-444444444444 Timestamp: 2026-12-01 09:15:02Z","error_codes":[501051]}';
    expect(sure(body)).toEqual(['entra:AADSTS501051 exact']);
  });

  it('the sentence without its code, with or without the names in parentheses', () => {
    expect(
      sure(
        "Application '0a1b2c3d-0000-4000-8000-000000000001'(orders-daemon) is not assigned to a role for the application 'api://orders.example.test'(orders-api).",
      ),
    ).toEqual(['entra:AADSTS501051 strong']);
    expect(
      sure(
        "Application '0a1b2c3d-0000-4000-8000-000000000001' is not assigned to a role for the application '0a1b2c3d-0000-4000-8000-000000000009'.",
      ),
    ).toEqual(['entra:AADSTS501051 strong']);
  });
});

describe("Entra's unsupported_response_type when ID tokens are not enabled for the implicit grant", () => {
  it("the documented sentence, alone and on the app's callback URL", () => {
    expect(
      sure(
        "The provided value for the input parameter 'response_type' is not allowed for this client. Expected value is 'code'",
      ),
    ).toEqual(['entra:unsupported_response_type strong']);
    // written for this test
    const callback =
      'https://app.example.test/signin-oidc#error=unsupported_response_type&error_description=The+provided+value+for+the+input+parameter+%27response_type%27+is+not+allowed+for+this+client.+Expected+value+is+%27code%27&state=abc123';
    expect(sure(callback)).toEqual(['entra:unsupported_response_type strong']);
  });

  it('a longer wording beside the code reads as Entra, by its words or by an Entra clue above it', () => {
    // written for this test
    const reworded =
      "unsupported_response_type: The provided value for the input parameter 'response_type' is not valid. Expected values are the following: 'code', 'token', 'none'. 'id_token' is disabled for this app.";
    expect(sure(reworded)).toEqual(['entra:unsupported_response_type strong']);
    // written for this test
    const logged = ['orders-web: redirect back from the Azure AD sign-in page failed', `  ${reworded}`].join('\n');
    expect(sure(logged)).toEqual(['entra:unsupported_response_type strong']);
    expect(firstLookup("'id_token' is disabled for this app")).toBe('entra:unsupported_response_type weak');
  });

  it('the bare code after a request to login.microsoftonline.com', () => {
    // written for this test
    const log = [
      'GET https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=0a1b2c3d&response_type=id_token',
      'sign-in failed: error=unsupported_response_type',
    ].join('\n');
    expect(sure(log)).toEqual(['entra:unsupported_response_type strong']);
  });
});

describe("ASP.NET Core JwtBearer's WWW-Authenticate descriptions without values (ASP.NET Core 2.x)", () => {
  it('the audience, the issuer and the expiry', () => {
    expect(
      sure('WWW-Authenticate: Bearer error="invalid_token", error_description="The audience is invalid"'),
    ).toContain('identitymodel:IDX10214 strong');
    expect(
      sure('WWW-Authenticate: Bearer realm="orders", error="invalid_token", error_description="The issuer is invalid"'),
    ).toContain('identitymodel:IDX10205 strong');
    expect(sure('WWW-Authenticate: Bearer error="invalid_token", error_description="The token is expired"')).toContain(
      'identitymodel:IDX10223 strong',
    );
  });

  it('not yet valid (also Authlib\'s invalid_token sentence), and two failures joined by "; "', () => {
    expect(
      sure('WWW-Authenticate: Bearer error="invalid_token", error_description="The token is not valid yet"'),
    ).toContain('identitymodel:IDX10222 strong');
    expect(
      sure(
        'www-authenticate: Bearer error="invalid_token", error_description="The audience is invalid; The signature key was not found"',
      ),
    ).toEqual([
      'oauth2:invalid_token/resource-server exact',
      'identitymodel:IDX10214 strong',
      'identitymodel:IDX10503 strong',
    ]);
  });
});

describe('MSAL for Python: the authority configuration could not be read (wrong tenant or authority)', () => {
  it('the traceback of the current wording', () => {
    // written for this test
    const trace = [
      'Traceback (most recent call last):',
      '  File "/srv/jobs/sync_mail.py", line 14, in <module>',
      '    app = msal.ConfidentialClientApplication(CLIENT_ID, authority=AUTHORITY, client_credential=SECRET)',
      '  File "/usr/local/lib/python3.12/site-packages/msal/authority.py", line 95, in __init__',
      '    raise ValueError(error_message)',
      'ValueError: Unable to get authority configuration for https://login.microsoftonline.com/contoso-exmaple.onmicrosoft.com. Authority would typically be in a format of https://login.microsoftonline.com/your_tenant or https://tenant_name.ciamlogin.com or https://tenant_name.b2clogin.com/tenant.onmicrosoft.com/policy.  Also please double check your tenant name or GUID is correct.',
    ].join('\n');
    expect(sure(trace)).toEqual(['msal:msal-python-authority-unavailable strong']);
  });

  it('the older wordings, the OIDC authority variant and the first clause alone', () => {
    expect(
      sure(
        'ValueError: Unable to get authority configuration for https://login.microsoftonline.com/not-a-tenant. Authority would typically be in a format of https://login.microsoftonline.com/your_tenant Also please double check your tenant name or GUID is correct.',
      ),
    ).toEqual(['msal:msal-python-authority-unavailable strong']);
    expect(
      sure(
        'ValueError: Unable to get OIDC authority configuration for https://login.example.test/tenant-a because its OIDC Discovery endpoint is unavailable at https://login.example.test/tenant-a/.well-known/openid-configuration  Also please double check your tenant name or GUID is correct.',
      ),
    ).toEqual(['msal:msal-python-authority-unavailable strong']);
    expect(sure('Unable to get authority configuration for https://login.microsoftonline.com/not-a-tenant')).toEqual([
      'msal:msal-python-authority-unavailable strong',
    ]);
  });
});

describe('Azure DevOps Azure Resource Manager service connections', () => {
  it("Failed to obtain the Json Web Token(JWT), with Entra's reason after it", () => {
    // written for this test
    const log = [
      '2026-12-01T10:02:11.0000000Z ##[section]Starting: AzureCLI',
      "2026-12-01T10:02:13.0000000Z ##[error]Failed to obtain the Json Web Token(JWT) using service principal client ID. Exception message: AADSTS7000222: The provided client secret keys for app '0a1b2c3d-0000-4000-8000-000000000002' are expired. Trace ID: 55555555-aaaa-4bbb-8ccc-666666666666 Correlation ID: 77777777-dddd-4eee-8fff-888888888888 Timestamp: 2026-12-01 10:02:13Z",
    ].join('\n');
    expect(sure(log)).toEqual(['entra:AADSTS7000222 exact', 'azure-devops:service-connection-jwt-failed strong']);
    // MSAL.NET's sentence after it instead of an AADSTS code. written for this test
    expect(
      sure(
        'Failed to obtain the Json Web Token(JWT) using service principal client ID. Exception message: A configuration issue is preventing authentication - check the error message from the server for details.',
      ),
    ).toEqual(['azure-devops:service-connection-jwt-failed strong']);
  });

  it('Failed to obtain an access token or A valid refresh token was not found', () => {
    expect(sure('Failed to obtain an access token or A valid refresh token was not found')).toEqual([
      'azure-devops:service-connection-session-expired strong',
    ]);
    expect(firstLookup('azure devops service connection: failed to obtain an access token')).toBe(
      'azure-devops:service-connection-session-expired weak',
    );
  });

  it('an expired personal access token described in words, not the service connection sign-in', () => {
    // written for this test
    expect(
      firstLookup(
        'our Azure DevOps PAT is only valid for 7 days and git fails with authentication failed when the token expires',
      ),
    ).toBe('azure-devops:pat-expired weak');
  });
});
