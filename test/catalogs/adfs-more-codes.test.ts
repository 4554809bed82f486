import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// More of Microsoft AD FS's MSIS codes (its OAuth endpoints' MSIS9321, MSIS9604 and MSIS9615, and the SAML
// sign-in's MSIS3077, MSIS0038 and MSIS7066) as they show up where people paste them: each sample is text
// pasted in a public issue thread, Microsoft Q&A question or AD FS troubleshooting page (the address beside
// it; ids redacted, long traces cut), then ordinary lines with the same words that must not read as AD FS.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);

describe('Microsoft AD FS: OAuth endpoints', () => {
  it('MSIS9321 in the AD FS/Admin event of an authorize request', () => {
    // https://github.com/snok/django-auth-adfs/issues/31
    const django = [
      'Exception details:',
      "Microsoft.IdentityServer.Web.Protocols.OAuth.Exceptions.OAuthUnauthorizedClientException: MSIS9321: Received invalid OAuth request. The client 'django_website.adfs.client_id' is forbidden to access the resource 'django_website.adfs.identifier'.",
      'at Microsoft.IdentityServer.Web.Protocols.OAuth.OAuthProtocolContext.Va',
    ].join('\n');
    expect(confident(django)).toEqual(['adfs:MSIS9321']);
    // https://learn.microsoft.com/en-us/answers/questions/5045470/adfs-and-oidc-integration
    const selfscope = [
      'Protocol Name: ',
      'OAuthAuthorizationProtocol ',
      'Exception details: ',
      "Microsoft.IdentityServer.Web.Protocols.OAuth.Exceptions.OAuthUnauthorizedClientException: MSIS9321: Received invalid OAuth request. The client 'ClientID Number' is forbidden to access the resource 'http://schemas.microsoft.com/ws/2009/12/identityserver/selfscope'.  ",
      'at Microsoft.IdentityServer.Web.Protocols.OAuth.OAuthAuthorization.OAuthTokenBrokerAuthorizationRequestContext.ValidateBroker()  ',
    ].join('\n');
    expect(confident(selfscope)).toEqual(['adfs:MSIS9321']);
  });

  it("MSIS9604's server_error, on the redirect URL and as the page shows it", () => {
    // https://learn.microsoft.com/en-us/answers/questions/425685/when-making-adfs-oidc-web-api-call-we-receive-msis
    expect(
      confident('MSIS9604: An error occurred. The authorization server was not able to fulfill the request.  '),
    ).toEqual(['adfs:MSIS9604']);
    const redirect =
      'GET https://domain/?error=server_error&error_description=MSIS9604%3a+An+error+occurred.+The+authorization+server+was+not+able+to+fulfill+the+request.&state=12345&client-request-id=7b4671cc-e938-4acf-d113-00800000007e HTTP/1.1';
    expect(confident(redirect)).toEqual(['adfs:MSIS9604']);
  });

  it("MSIS9615 for an expired refresh token, as Microsoft's developer scenarios page gives it", () => {
    // https://learn.microsoft.com/windows-server/identity/ad-fs/overview/ad-fs-scenarios-for-developers
    expect(
      confident(
        'If the refresh token has expired, the request results in an HTTP 401 with error "invalid_grant" and "error_description" "MSIS9615: The refresh token received in refresh_token parameter has expired".',
      ),
    ).toEqual(['adfs:MSIS9615']);
  });

  it('looks the new codes up by code and by their words', () => {
    expect(best('MSIS9321')).toBe('adfs:MSIS9321');
    expect(best('msis9604')).toBe('adfs:MSIS9604');
    // https://github.com/vouch/vouch-proxy/issues/206 (the title)
    expect(best('ADFS error: MSIS9604')).toBe('adfs:MSIS9604');
    // https://github.com/AzureAD/azure-activedirectory-library-for-dotnet/issues/669 (the title)
    expect(best('I keep getting error code MSIS9615')).toBe('adfs:MSIS9615');
    expect(best('is forbidden to access the resource')).toBe('adfs:MSIS9321');
  });
});

describe('Microsoft AD FS: SAML sign-in', () => {
  it('MSIS3077 for a trust without an assertion consumer endpoint', () => {
    // https://github.com/simplesamlphp/simplesamlphp/issues/1098
    const simplesaml = [
      'Exception details: ',
      "Microsoft.IdentityServer.Service.Policy.PolicyServer.Engine.MissingAssertionConsumerServicesPolicyException: MSIS3077: The AssertionConsumerServices property is not configured for relying party trust 'http://intranet.example.nl/saml/module.php/saml/sp/metadata.php/example-sp'.",
      '   at Microsoft.IdentityServer.Service.SamlProtocol.EndpointResolver.LookupAssertionConsumerServiceByUrl(Collection`1 assertionConsumerServices, Uri requestedAssertionConsumerServiceUrl, String scopeIdentity)',
    ].join('\n');
    expect(confident(simplesaml)).toEqual(['adfs:MSIS3077']);
  });

  it('MSIS0038 for a SAML request with a wrong signature', () => {
    // https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-contact-center-express/200662-ADFS-IdS-Troubleshooting-and-Common-Prob.html
    const cisco =
      "The Federation Service encountered an error while processing the SAML authentication request. Additional Data Exception details: Microsoft.IdentityModel.Protocols.XmlSignature.SignatureVerificationFailedException: MSIS0038: SAML Message has wrong signature. Issuer: 'myuccx.cisco.com'. at Microsoft.IdentityServer.Protocols.Saml.Contract.SamlContractUtility.CreateSamlMessage(MSISSamlBindingMessage message)";
    expect(confident(cisco)).toEqual(['adfs:MSIS0038']);
  });

  it('MSIS7066 with its inner exception', () => {
    // https://www.cisco.com/c/en/us/support/docs/unified-communications/unified-communications-manager-callmanager/216948-configure-saml-sso-on-cisco-unified-comm.html
    const cucm = [
      'Exception details:',
      'Microsoft.IdentityServer.RequestFailedException: MSIS7066: Authentication failed for the request. ---> System.Security.SecurityException: The user name or password is incorrect.',
    ].join('\n');
    expect(confident(cucm)).toEqual(['adfs:MSIS7066']);
  });
});

describe('ordinary lines with the same words are not AD FS errors', () => {
  it('reads no AD FS error in them', () => {
    for (const line of [
      'Authentication failed for the request, retrying with a new token',
      'ERROR An error occurred. The server was not able to fulfill the request.',
      'warn: the refresh token has expired, signing in again',
      'The client is forbidden to access the resource /api/v1/admin (403)',
      'SAML message has wrong signature algorithm configured in the IdP metadata',
    ]) {
      expect(confident(line).filter((id) => id.startsWith('adfs:'))).toEqual([]);
    }
  });
});
