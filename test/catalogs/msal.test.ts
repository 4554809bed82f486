import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Microsoft's MSAL libraries' own errors, as browser consoles and server logs show them.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('MSAL', () => {
  it("MSAL.js's network_error hiding a token endpoint's 400, a silent renewal that timed out, an authority without metadata", () => {
    // https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/4939 (msal-node in a NestJS service)
    const node = [
      'ClientAuthError: network_error: Network request failed. Please check network trace to determine root cause. | Fetch client threw: Error: HTTP status code 400 | Attempted to reach: https://login.microsoftonline.com/common/oauth2/v2.0/token',
      '    at new ClientAuthError (/srv/app/node_modules/@azure/msal-common/src/error/ClientAuthError.ts:205:9)',
    ].join('\n');
    expect(confident(node)).toEqual(['msal:network_error']);
    // https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/699 (MSAL.js 1.x)
    expect(confident('ClientAuthError: Token renewal operation failed due to timeout.')).toEqual([
      'msal:token_renewal_error',
    ]);
    expect(
      confident(
        'ClientAuthError: openid_config_error: Could not retrieve endpoints. Check your authority and verify the .well-known/openid-configuration endpoint returns the required endpoints.',
      ),
    ).toEqual(['msal:openid_config_error']);
    // The code alone is any system's word for a failed request.
    expect(confident('fetch failed: network_error (retrying in 5s)')).toEqual([]);
  });

  it("MSAL.js in the browser console: v2-v4 messages, and v5's bare link with a code that needs MSAL beside it", () => {
    const v4 = [
      'BrowserAuthError: interaction_in_progress: Interaction is currently in progress. Please ensure that this interaction has been completed before calling an interactive API.  For more visit: aka.ms/msaljs/browser-errors.',
      '    at BrowserAuthError.AuthError [as constructor] (https://portal.example.test/static/js/main.4f1c.js:2:18044)',
      '    at setInteractionInProgress (https://portal.example.test/static/js/main.4f1c.js:2:90211)',
    ].join('\n');
    expect(confident(v4)).toEqual(['msal:interaction_in_progress']);
    const v5 =
      'Uncaught (in promise) BrowserAuthError: timed_out: See https://aka.ms/msal.js.errors#timed_out for details';
    expect(confident(v5)).toEqual(['msal:timed_out']);
  });

  it('msal-node on a server and MSAL.NET in an ASP.NET Core log', () => {
    const node = [
      '[2026-11-27T09:12:44.118Z] ERROR token-service ClientAuthError: endpoints_resolution_error: Endpoints cannot be resolved',
      '    at createClientAuthError (/srv/app/node_modules/@azure/msal-common/dist/error/ClientAuthError.mjs:31:12)',
    ].join('\n');
    expect(confident(node)).toEqual(['msal:endpoints_resolution_error']);
    const dotnet = [
      'fail: Contoso.Web.Controllers.ReportsController[0]',
      '      Microsoft.Identity.Client.MsalUiRequiredException: No account or login hint was passed to the AcquireTokenSilent call.',
      '         at Microsoft.Identity.Client.Internal.Requests.Silent.SilentRequest.ExecuteAsync(CancellationToken cancellationToken)',
      '      ErrorCode: user_null',
    ].join('\n');
    expect(confident(dotnet)).toEqual(['msal:user_null']);
  });

  it("MSAL's ordinary-looking codes need MSAL beside them: timed_out and state_mismatch elsewhere are not MSAL's", () => {
    expect(confident('POST /logs/_search 200 {"took":12,"timed_out":false,"_shards":{"total":5,"failed":0}}')).toEqual(
      [],
    );
    expect(confident('GET /callback?error=state_mismatch 302 12ms')).toEqual([]);
    expect(confident('ClientAuthError: state_mismatch: State mismatch error')).toEqual(['msal:state_mismatch']);
  });

  it("MSAL's hints are MSAL's alone: an MSAL.NET trace does not make another library's ordinary-word error sure", () => {
    const trace = [
      'Microsoft.Identity.Client.MsalUiRequiredException: No account or login hint was passed to the AcquireTokenSilent call.',
      '   at Microsoft.Extensions.Configuration.ConfigurationProvider.Load()',
      '   ErrorCode: user_null',
    ].join('\n');
    expect(confident(trace)).toEqual(['msal:user_null']);
  });
});

describe('Microsoft.Identity.Web', () => {
  it('IDW10502 with its MSAL.NET cause, and in a JSON error body', () => {
    const log = [
      'fail: Orders.Web.GraphService[0]',
      '      Microsoft.Identity.Web.MicrosoftIdentityWebChallengeUserException: IDW10502: An MsalUiRequiredException was thrown due to a challenge for the user. See https://aka.ms/ms-id-web/ca_incremental-consent.',
    ].join('\n');
    // Microsoft.Identity.Web's id first, then the MSAL.NET exception its message names (the cause inside it).
    expect(confident(log)).toEqual(['microsoft-identity-web:IDW10502', 'msal:InteractionRequiredAuthError']);
    expect(
      confident(
        '{"status":500,"message":"IDW10502: An MsalUiRequiredException was thrown due to a challenge for the user..."}',
      ),
    ).toEqual(['microsoft-identity-web:IDW10502', 'msal:InteractionRequiredAuthError']);
  });
});
