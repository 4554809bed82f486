import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the AWS STS, Keycloak, DocuSign, Harbor, Google, Okta and Sign in with Apple catalogs. Every sample
// is written for this test (fake ids, hosts, paths and keys), in the shape the provider's answer or the software's
// source prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe('AWS APIs refusing the credentials a request is signed with', () => {
  it("botocore's ExpiredToken for temporary credentials past their expiration", () => {
    // written for this test
    const trace = [
      'Traceback (most recent call last):',
      '  File "/opt/jobs/export.py", line 88, in <module>',
      '    s3.list_objects_v2(Bucket="example-exports")',
      'botocore.exceptions.ClientError: An error occurred (ExpiredToken) when calling the ListObjectsV2 operation: The security token included in the request is expired',
    ].join('\n');
    expect(sure(trace)).toEqual(['aws-sts:ExpiredToken strong']);
  });

  it("STS's XML ErrorResponse with ExpiredToken", () => {
    // written for this test
    const body = [
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
      '  <Error>',
      '    <Type>Sender</Type>',
      '    <Code>ExpiredToken</Code>',
      '    <Message>The security token included in the request is expired</Message>',
      '  </Error>',
      '  <RequestId>0f0f0f0f-1111-2222-3333-444444444444</RequestId>',
      '</ErrorResponse>',
    ].join('\n');
    expect(sure(body)).toEqual(['aws-sts:ExpiredToken strong']);
  });

  it('InvalidClientTokenId from the CLI and from the Go SDK', () => {
    // written for this test
    expect(
      sure(
        'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
      ),
    ).toEqual(['aws-sts:InvalidClientTokenId exact']);
    // written for this test
    const goSdk = [
      'InvalidClientTokenId: The security token included in the request is invalid.',
      '\tstatus code: 403, request id: 9a9a9a9a-0000-1111-2222-333333333333',
    ].join('\n');
    expect(sure(goSdk)).toEqual(['aws-sts:InvalidClientTokenId exact']);
  });

  it('the codes typed alone', () => {
    expect(firstLookup('ExpiredToken')).toBe('aws-sts:ExpiredToken exact');
    expect(firstLookup('InvalidClientTokenId')).toBe('aws-sts:InvalidClientTokenId exact');
  });
});

describe("Keycloak's invalid_token descriptions", () => {
  it("an adapter's bearer check: Token is not active in WWW-Authenticate", () => {
    // written for this test
    const response = [
      'HTTP/1.1 401 Unauthorized',
      'WWW-Authenticate: Bearer realm="example-realm", error="invalid_token", error_description="Token is not active"',
    ].join('\n');
    expect(sure(response)).toEqual(['keycloak:invalid_token strong']);
    expect(
      sure('WWW-Authenticate: Bearer realm="example-realm", error="invalid_token", error_description="Stale token"'),
    ).toEqual(['keycloak:invalid_token strong']);
    // The token endpoint's invalid_grant with the same description stays one error. written for this test
    const refresh = [
      'POST https://sso.example.test/realms/example-realm/protocol/openid-connect/token -> 400',
      '{"error":"invalid_grant","error_description":"Token is not active"}',
    ].join('\n');
    expect(sure(refresh)).toEqual(['keycloak:invalid_grant strong']);
  });

  it("the userinfo endpoint's Token verification failed, in the header and in the body", () => {
    // written for this test
    expect(
      sure(
        'www-authenticate: Bearer realm="example-realm", error="invalid_token", error_description="Token verification failed"',
      ),
    ).toEqual(['keycloak:invalid_token strong']);
    // written for this test
    expect(sure('{"error":"invalid_token","error_description":"Token verification failed"}')).toEqual([
      'keycloak:invalid_token strong',
    ]);
  });
});

describe("DocuSign's SDK helpers in pasted code", () => {
  it("the Python client's configure_jwt_authorization_flow", () => {
    // written for this test
    const trace = [
      'Traceback (most recent call last):',
      '  File "send_envelope.py", line 31, in <module>',
      '    api_client.configure_jwt_authorization_flow(KEY_FILE, OAUTH_HOST, INTEGRATION_KEY, IMPERSONATED_USER, 3600)',
      'ApiException: (400)',
      'Reason: Bad Request',
      'HTTP response body: {"error":"consent_required"}',
    ].join('\n');
    expect(sure(trace)).toEqual(['docusign:consent_required strong']);
  });

  it("the Node client's requestJWTApplicationToken in a stack frame", () => {
    // written for this test
    const trace = [
      'Error: Bad Request',
      '    at ApiClient.requestJWTApplicationToken (/srv/app/lib/esign.js:812:11)',
      '  response body: {"error":"consent_required"}',
    ].join('\n');
    expect(sure(trace)).toEqual(['docusign:consent_required strong']);
  });
});

describe("Harbor's Test OIDC Server button", () => {
  it('the answer the portal gets', () => {
    // written for this test
    expect(sure('{"errors":[{"code":"BAD_REQUEST","message":"failed to verify connection"}]}')).toEqual([
      'harbor:harbor-oidc-ping-failed strong',
    ]);
  });

  it("harbor-core's log line, with go-oidc's error inside", () => {
    // written for this test
    const log =
      '2026-11-03T09:12:44Z [ERROR] [/server/v2.0/handler/oidc.go:45]: Failed to verify connection: {URL:https://idp.example.test/realms/demo VerifyCert:true}, err: Get "https://idp.example.test/realms/demo/.well-known/openid-configuration": x509: certificate signed by unknown authority';
    expect(sure(log)).toEqual(['harbor:harbor-oidc-ping-failed strong']);
  });
});

describe('described without a code', () => {
  it("Google's org_internal: an account outside the Workspace organization", () => {
    expect(firstLookup('users outside our workspace domain cannot sign in to the google app')).toBe(
      'google:org_internal weak',
    );
    expect(
      firstLookup(
        'google sign in says access blocked, app can only be used within its organization, for a gmail account',
      ),
    ).toBe('google:org_internal weak');
  });

  it("Okta's login_required: silent renewal after the Okta session ended", () => {
    expect(firstLookup('okta background token refresh stops working after the session expires')).toBe(
      'okta:login_required weak',
    );
    expect(firstLookup('okta autoRenew fails after the user logs out in another tab')).toBe('okta:login_required weak');
  });

  it("Sign in with Apple's invalid_client: the client secret and the client_id", () => {
    expect(
      firstLookup('sign in with apple: token request rejected, client secret made from team id, key id and the p8 key'),
    ).toBe('apple:invalid_client weak');
    expect(firstLookup('apple sign in on the web: we send the bundle id as client_id instead of the services id')).toBe(
      'apple:invalid_client weak',
    );
  });
});
