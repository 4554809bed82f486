import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the Slack, Salesforce, MSAL, MinIO and Cloud Foundry UAA catalogs. Samples marked "written for this
// test" are made up in the shape the provider documents or its source prints; the others are text people pasted in
// the public thread named above them.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe("Slack's legacy oauth.access errors", () => {
  it('code_already_used and missing_resource are looked up by their codes', () => {
    expect(bestOf(resolver, 'code_already_used')).toBe('slack:code_already_used');
    expect(bestOf(resolver, 'slack oauth.access code_already_used')).toBe('slack:code_already_used');
    expect(bestOf(resolver, 'missing_resource')).toBe('slack:missing_resource');
  });

  it('a second exchange of one code, as the Web API and python-slack-sdk print it', () => {
    // written for this test
    expect(
      confident(['POST https://slack.com/api/oauth.access', '{"ok":false,"error":"code_already_used"}'].join('\n')),
    ).toEqual(['slack:code_already_used']);
    // written for this test
    const python = [
      'slack_sdk.errors.SlackApiError: The request to the Slack API failed. (url: https://www.slack.com/api/oauth.v2.access)',
      "The server responded with: {'ok': False, 'error': 'code_already_used'}",
    ].join('\n');
    expect(confident(python)).toEqual(['slack:code_already_used']);
  });
});

describe("Salesforce's OAUTH_EC_APP_NOT_FOUND", () => {
  it('the authorization page code and its sentence name the app-not-installed error', () => {
    expect(bestOf(resolver, 'OAUTH_EC_APP_NOT_FOUND')).toBe('salesforce:app_not_found');
    expect(bestOf(resolver, 'External client app is not installed in this org')).toBe('salesforce:app_not_found');
    // written for this test
    const page = [
      'OAuth Error',
      "We can't authorize you because of an OAuth error. For more information, contact your Salesforce administrator.",
      'OAUTH_EC_APP_NOT_FOUND: External client app is not installed in this org',
    ].join('\n');
    expect(confident(page)).toEqual(['salesforce:app_not_found']);
  });

  it('the Salesforce CLI printing the token endpoint sentence', () => {
    // https://github.com/forcedotcom/cli/issues/3482
    expect(confident(['Errors encountered:', 'External client app is not installed in this org'].join('\n'))).toEqual([
      'salesforce:app_not_found',
    ]);
  });
});

describe("MSAL's interaction-required class", () => {
  it.each(['InteractionRequiredAuthError', 'MsalUiRequiredException', 'MsalInteractionRequiredException'])(
    "%s is looked up as MSAL's entry",
    (name) => {
      expect(bestOf(resolver, name)).toBe('msal:InteractionRequiredAuthError');
    },
  );

  it('a bare class name in a browser log, and the Entra error it carries', () => {
    // written for this test
    expect(
      confident(
        [
          'app.js:41 Token acquisition failed: InteractionRequiredAuthError',
          '    at Object.createInteractionRequiredAuthError (authority.ts:122:12)',
        ].join('\n'),
      ),
    ).toEqual(['msal:InteractionRequiredAuthError']);
    // written for this test
    const carried =
      "Uncaught (in promise) InteractionRequiredAuthError: interaction_required: AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.";
    expect(confident(carried)).toEqual(
      expect.arrayContaining(['msal:InteractionRequiredAuthError', 'entra:AADSTS50076']),
    );
    const [first] = resolver.lookup(carried);
    expect(first ? `${first.provider}:${first.code}` : undefined).toBe('entra:AADSTS50076');
  });
});

describe("MinIO's InvalidTokenId", () => {
  it("the code, and the S3 XML error MinIO answers, not AWS's sentence alone", () => {
    expect(bestOf(resolver, 'InvalidTokenId')).toBe('minio:InvalidTokenId');
    // written for this test
    const xml = [
      'HTTP/1.1 403 Forbidden',
      'Content-Type: application/xml',
      'Server: MinIO',
      '',
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Error><Code>InvalidTokenId</Code><Message>The security token included in the request is invalid</Message><Key>report.csv</Key><BucketName>exports</BucketName><Resource>/exports/report.csv</Resource><RequestId>1873A2B4C5D6E7F8</RequestId></Error>',
    ].join('\n');
    expect(confident(xml)).toContain('minio:InvalidTokenId');
    // AWS's InvalidClientTokenId with the same sentence is no MinIO error (written for this test)
    expect(
      confident(
        'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
      ),
    ).not.toContain('minio:InvalidTokenId');
  });
});

describe("cf-uaa-lib's exceptions in Cloud Controller logs", () => {
  it.each([
    'CF::UAA::InvalidTokenFormat',
    'CF::UAA::InvalidSignature',
    'CF::UAA::SignatureNotAccepted',
    'CF::UAA::TokenExpired',
    'CF::UAA::InvalidAudience',
  ])('%s is looked up by its class name', (name) => {
    expect(bestOf(resolver, name)).toBe(`cloudfoundry-uaa:${name}`);
  });

  it('the exceptions as Cloud Controller logs them', () => {
    // https://github.com/cloudfoundry-attic/cf-dotnet-sdk/issues/64
    expect(
      confident('Invalid bearer token: #<CF::UAA::InvalidTokenFormat: invalid authentication header: bearer>'),
    ).toContain('cloudfoundry-uaa:CF::UAA::InvalidTokenFormat');
    // written for this test
    expect(
      confident(
        '{"timestamp":"2026-11-02T10:14:03.117Z","message":"Token expired","log_level":"info","source":"cc.uaa_token_decoder","error":"#<CF::UAA::TokenExpired: token expired>"}',
      ),
    ).toEqual(['cloudfoundry-uaa:CF::UAA::TokenExpired']);
    // written for this test
    expect(
      confident(
        [
          'CF::UAA::InvalidSignature: Signature verification failed',
          '  /var/vcap/packages/cloud_controller_ng/cloud_controller_ng/lib/cloud_controller/uaa/uaa_token_decoder.rb:95',
        ].join('\n'),
      ),
    ).toEqual(['cloudfoundry-uaa:CF::UAA::InvalidSignature']);
    // written for this test
    expect(
      confident('Invalid bearer token: #<CF::UAA::InvalidAudience: invalid audience: ["uaa", "openid"]>'),
    ).toContain('cloudfoundry-uaa:CF::UAA::InvalidAudience');
  });
});
