import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Atlassian (OAuth 2.0 3LO for Jira and Confluence Cloud), Ping Identity (PingOne, PingFederate) and OneLogin,
// as their errors show up in integration logs, and the ordinary logs of the same integrations that must not
// be taken for errors. All pastes are made up in the shapes these services' responses take.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);

const OURS = ['atlassian', 'pingidentity', 'onelogin'];
const ours = (text: string) => confidentAmong(resolver, text, OURS);

describe('Atlassian (3LO)', () => {
  it('a refresh refused by auth.atlassian.com, and its error page for an unregistered callback URL', () => {
    const refresh =
      '[jira-sync] token refresh failed: POST https://auth.atlassian.com/oauth/token returned 403 {"error":"invalid_grant"} for connection 4821';
    expect(confident(refresh)).toEqual(['atlassian:invalid_grant']);
    const callback =
      'https://id.atlassian.com/error?error=unauthorized_client&error_description=redirect_uri%20is%20not%20registered%20for%20client:%20https://app.example.com/integrations/jira/callback';
    expect(confident(callback)).toEqual(['atlassian:unauthorized_client']);
  });

  it("the API gateway's scope refusal, and a standard code next to the word Jira", () => {
    const scope =
      '2026-12-02T09:15:44Z WARN confluence-export GET https://api.atlassian.com/ex/confluence/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/wiki/api/v2/pages/98765/attachments -> 401 {"code":401,"message":"Unauthorized; scope does not match"}';
    expect(confident(scope)).toEqual(['atlassian:scope-does-not-match']);
    expect(confident('Jira sync failed: invalid_grant')).toEqual(['atlassian:invalid_grant']);
    expect(best('invalid_grant atlassian')).toBe('atlassian:invalid_grant');
    expect(best('Unauthorized; scope does not match')).toBe('atlassian:scope-does-not-match');
  });

  it('Jira webhooks and Confluence REST calls that succeed are no errors', () => {
    const log = [
      '2026-12-02T10:00:01Z INFO webhook received: POST /hooks/jira event=jira:issue_updated issueKey=OPS-401 user=5b10ac8d82e05b22cc7d4ef5 site=https://acme.atlassian.net',
      '2026-12-02T10:00:01Z INFO webhook processed in 42ms, status 200',
      '2026-12-02T10:00:05Z INFO GET https://api.atlassian.com/ex/confluence/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/wiki/rest/api/content/98765?expand=body.storage -> 200 (1.2 KB)',
      '2026-12-02T10:00:06Z INFO GET https://api.atlassian.com/oauth/token/accessible-resources -> 200 [{"id":"0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b","name":"acme","scopes":["read:confluence-content.all","offline_access"]}]',
      '2026-12-02T10:00:07Z INFO refreshed access token for connection 4821, expires_in=3600',
    ].join('\n');
    expect(confident(log)).toEqual([]);
  });
});

describe('Ping Identity (PingOne and PingFederate)', () => {
  it("PingOne's API errors as the API returns them and as its Terraform provider prints them", () => {
    const validation =
      'HTTP/1.1 400 {"id":"0b6a2f3c-1d4e-4f5a-9b8c-7d6e5f4a3b2c","code":"INVALID_DATA","message":"The request could not be completed. One or more validation errors were in the request.","details":[{"code":"INVALID_VALUE","target":"email","message":"must be a well-formed email address"}]} from POST https://api.pingone.com/v1/environments/abc/users';
    expect(confident(validation)).toEqual(['pingidentity:INVALID_DATA']);
    const terraform = [
      'Error: Error when calling `ApplicationSecretApi.ReadApplicationSecret`: 403 Forbidden',
      'PingOne Error Details:',
      'ID: 5e0c****-****-****-****-********91f2',
      'Code: ACCESS_FAILED',
      'Message: The request could not be completed. You do not have access to this resource.',
      'Details:',
      '  - Code:       INSUFFICIENT_PERMISSIONS',
      '    Message:    Actor does not have permissions to access worker application client secrets',
    ].join('\n');
    expect(confident(terraform)).toEqual(['pingidentity:ACCESS_FAILED']);
  });

  it("PingOne's redirect URI refusal and PingFederate's token endpoint answers", () => {
    const redirect =
      'ERROR oidc callback: authorize request to https://auth.pingone.eu/3f1c2b7e-0000-4000-8000-1234567890ab/as/authorize rejected: Redirect URI mismatch';
    expect(confident(redirect)).toEqual(['pingidentity:redirect-uri-mismatch']);
    const refresh =
      '2026-12-01 10:14:03 ERROR [TokenRefresher] POST https://sso.acme-bank.example/as/token.oauth2 400 {"error_description":"unknown, invalid, or expired refresh token","error":"invalid_grant"}';
    expect(confident(refresh)).toEqual(['pingidentity:invalid_grant']);
    const code =
      'PingFederate token exchange failed: {"error":"invalid_grant","error_description":"Authorization code is invalid or expired"}';
    expect(confident(code)).toEqual(['pingidentity:invalid_grant']);
    expect(best('INVALID_DATA')).toBe('pingidentity:INVALID_DATA');
  });

  it('PingFederate starting up and a PingOne user sync that succeeds are no errors', () => {
    const startup = [
      '2026-12-03 08:00:01,118 INFO  [org.sourceid.common.VersionHelper] PingFederate 12.1.3 (build 20261103)',
      '2026-12-03 08:00:02,440 INFO  [org.sourceid.config.ConfigStore] Loading configuration from /opt/out/instance/server/default/data',
      '2026-12-03 08:00:09,215 INFO  [org.sourceid.oauth20.domain.ClientManagerXmlFileImpl] Loaded 42 OAuth clients',
      '2026-12-03 08:00:11,004 INFO  [org.eclipse.jetty.server.AbstractConnector] Started ServerConnector@5e1a7b2c{SSL, (ssl, http/1.1)}{0.0.0.0:9031}',
      '2026-12-03 08:00:11,010 INFO  [org.sourceid.websso.servlet.ProtocolControllerServlet] Endpoints ready: /as/authorization.oauth2, /as/token.oauth2, /idp/SSO.saml2',
      '2026-12-03 08:00:11,377 INFO  [com.pingidentity.pf.Startup] PingFederate started in 10.26 seconds',
    ].join('\n');
    expect(confident(startup)).toEqual([]);
    const sync = [
      '2026-12-03T12:00:00Z INFO pingone-sync: GET https://api.pingone.com/v1/environments/3f1c2b7e-0000-4000-8000-1234567890ab/users?limit=100 -> 200 (100 users)',
      '2026-12-03T12:00:01Z INFO pingone-sync: POST https://auth.pingone.com/3f1c2b7e-0000-4000-8000-1234567890ab/as/token grant_type=client_credentials -> 200, expires_in=3600',
      '2026-12-03T12:00:02Z INFO pingone-sync: PATCH /v1/environments/3f1c2b7e-0000-4000-8000-1234567890ab/users/1b2c3d4e -> 200 (email updated)',
    ].join('\n');
    expect(confident(sync)).toEqual([]);
  });
});

describe('OneLogin', () => {
  it('the OIDC endpoints: an unregistered redirect URI, a rejected client and a used code', () => {
    const redirect =
      "https://acme.onelogin.com/oidc/2/auth?client_id=7f3a9c10-demo error: redirect_uri_mismatch error_description: redirect_uri did not match any client's registered redirect_uris";
    expect(confident(redirect)).toEqual(['onelogin:redirect_uri_mismatch']);
    expect(
      ours(
        'POST https://acme.onelogin.com/oidc/2/token 401 {"error":"invalid_client","error_description":"client authentication failed"}',
      ),
    ).toEqual(['onelogin:invalid_client']);
    expect(confident('OneLogin token exchange failed: 400 {"error":"invalid_grant"}')).toEqual([
      'onelogin:invalid_grant',
    ]);
    expect(best('redirect_uri_mismatch onelogin')).toBe('onelogin:redirect_uri_mismatch');
  });

  it("the API token endpoint's documented complaint about grant_type", () => {
    const token =
      'POST https://api.us.onelogin.com/auth/oauth2/token -> {"status":{"error":true,"code":400,"type":"bad request","message":"grant_type is incorrect/absent"}}';
    expect(ours(token)).toEqual(['onelogin:grant-type-incorrect']);
  });

  it('user provisioning through the OneLogin API is no error', () => {
    const log = [
      '2026-12-04T07:30:00Z INFO onelogin-provisioning: GET https://acme.onelogin.com/api/2/users?updated_since=2026-12-03 -> 200 (37 users)',
      '2026-12-04T07:30:02Z INFO onelogin-provisioning: created user jdoe@example.com in OneLogin (id 123456789), assigned role "Engineering"',
      '2026-12-04T07:30:03Z INFO onelogin-provisioning: POST https://acme.onelogin.com/auth/oauth2/v2/token -> 200, access token valid 36000s',
      '2026-12-04T07:30:04Z WARN onelogin-provisioning: user contractor@example.com not found in OneLogin, skipping deprovision',
      '2026-12-04T07:30:05Z INFO onelogin-provisioning: sync done, 37 updated, 0 failed',
    ].join('\n');
    expect(confident(log)).toEqual([]);
  });
});

describe('the same standard codes without these providers', () => {
  it('stay the standard errors, or the provider their host names', () => {
    expect(ours('POST /oauth2/token -> 400 {"error":"invalid_grant"}')).toEqual([]);
    expect(ours('callback?error=access_denied&error_description=The+user+denied+access&state=af0ifj')).toEqual([]);
    const google =
      'Confluence exporter: refresh failed {"error":"invalid_grant","error_description":"Bad Request"} from https://oauth2.googleapis.com/token';
    expect(confident(google)).toEqual(['google:invalid_grant']);
    expect(ours('Worker failed: {"code":"INVALID_DATA","message":"field name is required"}')).toEqual([]);
  });
});
