import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the thirteenth session (gap13b): Azure DevOps OAuth's token endpoint sentence, user_oidc's bearer token
// validation lines, Google's older insufficientPermissions reason and the Apps Script OAuth2 library's messages. Each
// sample is text people pasted in a public thread (the thread above it) or, where no thread shows the line, the text as
// the source that prints it has it (the source file above it). Ordinary lines with the same words are no sure finding.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('Azure DevOps OAuth token endpoint', () => {
  it('invalid_client with "Failed to deserialize the JsonWebToken object."', () => {
    // https://github.com/gitsense/insight/issues/21 (titled "Can't make the gitsense work with Azure DevOps")
    expect(
      confident(
        [
          "I've already registered the application, and copied the configurations, although when I try to OAuth a do receive the following message:",
          '`400: {"Error":"invalid_client","ErrorDescription":"Failed to deserialize the JsonWebToken object."}`',
        ].join('\n'),
      ),
    ).toEqual(['azure-devops:invalid_client']);
    // https://learn.microsoft.com/azure/devops/integrate/get-started/authentication/azure-devops-oauth (the token URL)
    expect(
      confident(
        [
          'POST https://app.vssps.visualstudio.com/oauth2/token -> 400',
          '{"Error":"invalid_client","ErrorDescription":"Failed to deserialize the JsonWebToken object."}',
        ].join('\n'),
      ),
    ).toEqual(['azure-devops:invalid_client']);
  });

  it('the same sentence from the Actions runner SDK, and a bare invalid_client, are not Azure DevOps OAuth', () => {
    const runner = confident(
      'GitHub.Services.WebApi.Jwt.JsonWebTokenDeserializationException: Failed to deserialize the JsonWebToken object.',
    );
    expect(runner).not.toContain('azure-devops:invalid_client');
    expect(confident('POST /oauth/token -> 401 {"error":"invalid_client"}')).toEqual(['oauth2:invalid_client']);
  });
});

describe('Nextcloud user_oidc bearer token validation', () => {
  it('Impossible to decode OIDC token, with the decoder reason after it', () => {
    // https://github.com/nextcloud/user_oidc/issues/737
    expect(confident('`Impossible to decode OIDC token: Error: kid must be provided in JWT header.`')).toEqual([
      'nextcloud:nextcloud-oidc-bearer-decode-failed',
    ]);
  });

  it('expired, wrong issuer and wrong audience, as the validator logs them', () => {
    // https://github.com/nextcloud/user_oidc/blob/main/lib/User/Validator/SelfEncodedValidator.php
    expect(confident('[user_oidc] Debug: OIDC token has expired')).toEqual(['nextcloud:nextcloud-oidc-bearer-expired']);
    expect(
      confident(
        'user_oidc: This token is issued by the wrong issuer, it does not match the one from the discovery endpoint',
      ),
    ).toEqual(['nextcloud:nextcloud-oidc-bearer-wrong-issuer']);
    expect(confident('user_oidc: This token is not for us, the audience does not match the client ID')).toEqual([
      'nextcloud:nextcloud-oidc-bearer-audience-mismatch',
    ]);
  });

  it('an ordinary line about an expired OIDC token is no sure finding', () => {
    expect(confident('The OIDC token has expired, please log in again')).toEqual([]);
    expect(confident('OIDC token has expired')).toEqual([]);
  });
});

describe('Google APIs: insufficientPermissions', () => {
  it('the older error body with insufficientPermissions and its message', () => {
    // https://github.com/m3talstorm/ymi.js/issues/1
    expect(
      confident(
        [
          '`errors: [',
          '    {',
          "      domain: 'global',",
          "      reason: 'insufficientPermissions',",
          "      message: 'Insufficient Permission: Request had insufficient authentication scopes.'",
          '    }',
          '  ]`',
        ].join('\n'),
      ),
    ).toEqual(['google:ACCESS_TOKEN_SCOPE_INSUFFICIENT']);
    // https://github.com/GoogleCloudPlatform/genai-for-marketing/issues/45
    expect(
      confident(
        [
          '│ googleapiclient.errors.HttpError: <HttpError 403 when requesting',
          '│ https://www.googleapis.com/drive/v3/files?q=name%3D%27genai-marketing-assets%27&pageSize=10&fields=nextPageToken%2C+files%28id%2C+name%29&supportsAllDrives=true&includeItemsFromAllDrives=true&alt=json',
          '│ returned "Request had insufficient authentication scopes.". Details:',
          "│ \"[{'message': 'Insufficient Permission', 'domain': 'global', 'reason':",
          "│ 'insufficientPermissions'}]\">",
        ].join('\n'),
      ),
    ).toEqual(['google:ACCESS_TOKEN_SCOPE_INSUFFICIENT']);
  });

  it('the reason alone, and ordinary words about permissions, are no sure finding', () => {
    expect(confident('insufficientPermissions')).toEqual([]);
    expect(confident('We had insufficient permissions to write the file.')).toEqual([]);
  });
});

describe('Google Apps Script OAuth2 library (apps-script-oauth2)', () => {
  it('the state token is invalid or has expired at /usercallback', () => {
    // https://github.com/googleworkspace/apps-script-oauth2/issues/74 (the title)
    expect(
      confident(
        'Error "The state token is invalid or has expired. Please try again." when project is published to run anonymously',
      ),
    ).toEqual(['oauth-clients:apps-script-oauth2-state-token-invalid']);
    // https://github.com/googleworkspace/apps-script-oauth2/issues/341
    expect(
      confident(
        'Getting "The state token is invalid or has expired. Please try again." error when click Authorize after filling login and password.',
      ),
    ).toEqual(['oauth-clients:apps-script-oauth2-state-token-invalid']);
  });

  it('Access not granted or expired, as Apps Script prints the library throw', () => {
    // https://github.com/googleworkspace/apps-script-oauth2/issues/166
    expect(confident('`Error: Access not granted or expired. (line 421, file "Service", project "OAuth2")`')).toEqual([
      'oauth-clients:apps-script-oauth2-access-not-granted',
    ]);
    // https://github.com/googleworkspace/apps-script-oauth2/issues/447
    expect(
      confident(
        [
          'Error: Access not granted or expired.',
          'Service_.getAccessToken\t@ Service.gs:518',
          '(anonymous)\t@ Code.gs:19',
          '_request\t@ Code.gs:256',
        ].join('\n'),
      ),
    ).toEqual(['oauth-clients:apps-script-oauth2-access-not-granted']);
  });

  it('the same words without the library are no sure finding', () => {
    expect(confident('Access not granted or expired.')).toEqual([]);
    expect(confident('The state token is invalid')).toEqual([]);
  });
});
