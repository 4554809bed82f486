import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Supabase Auth, DocuSign, Box and Zoho as their errors show up in integration logs and questions. The
// samples are texts people pasted in public issue threads and forums (the thread beside each; tokens and
// ids redacted, long pastes cut to the lines that matter), and ordinary logs that name these services
// without any error of theirs.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const OURS = ['supabase', 'docusign', 'box', 'zoho'];
const ours = (text: string) => confidentAmong(resolver, text, OURS);
describe('Supabase Auth', () => {
  it('the refresh token errors supabase-js and gotrue-py print as AuthApiError', () => {
    // https://github.com/supabase-community/gotrue-py/issues/353
    expect(confident('gotrue.errors.AuthApiError: Invalid Refresh Token: Refresh Token Not Found')).toEqual([
      'supabase:refresh_token_not_found',
    ]);
    // https://github.com/The-Vibe-Company/quivr/issues/636
    const compose = [
      'web      |  [AuthApiError: Invalid Refresh Token: Refresh Token Not Found] {',
      'web      |   __isAuthError: true,',
      "web      |   name: 'AuthApiError',",
      'web      |   status: 400',
      'web      | }',
    ].join('\n');
    expect(confident(compose)).toEqual(['supabase:refresh_token_not_found']);
    // Older Auth servers sent it as invalid_grant's description (same gotrue-py thread).
    expect(
      confident(`b'{"error":"invalid_grant","error_description":"Invalid Refresh Token: Refresh Token Not Found"}'`),
    ).toContain('supabase:refresh_token_not_found');
  });

  it('a session gone from the server, and a PKCE code exchanged twice', () => {
    // https://github.com/supabase/supabase/issues/25350
    expect(confident('AuthApiError: Session from session_id claim in JWT does not exist')).toEqual([
      'supabase:session_not_found',
    ]);
    // https://github.com/iamshaunjp/nextjs-masterclass/issues/1
    expect(confident('AuthApiError: invalid flow state, no valid flow state found')).toEqual([
      'supabase:flow_state_not_found',
    ]);
    // https://github.com/supabase/auth-js/issues/782
    expect(
      confident('route error AuthApiError: invalid request: both auth code and code verifier should be non-empty'),
    ).toEqual(['supabase:validation_failed']);
  });

  it('a provider not enabled, an expired email link on the redirect, and the client-side missing session', () => {
    // https://github.com/supabase/supabase/issues/34147
    expect(
      confident('{"code":400,"error_code":"validation_failed","msg":"Unsupported provider: provider is not enabled"}'),
    ).toEqual(['supabase:validation_failed']);
    // https://github.com/afterclass-io/afterclass.io/issues/302 (error_code=otp_expired is what current servers add)
    const redirect =
      'http://localhost:3000/login#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired';
    expect(confident(redirect)).toContain('supabase:otp_expired');
    // https://github.com/supabase/supabase/issues/24194
    expect(confident('[AuthSessionMissingError: Auth session missing!] {')).toEqual([
      'supabase:AuthSessionMissingError',
    ]);
    expect(best('AuthApiError: Email link is invalid or has expired')).toBe('supabase:otp_expired');
    expect(best('refresh_token_already_used')).toBe('supabase:refresh_token_already_used');
  });

  it("Keycloak's user_not_found stays Keycloak's, and a CLI log naming Supabase is no error", () => {
    const keycloak =
      '2026-12-01 WARN [org.keycloak.events] type=LOGIN_ERROR, realmId=acme, clientId=web, userId=null, error=user_not_found, username=bob';
    expect(confident(keycloak)).toEqual(['keycloak:user_not_found']);
    const cli = [
      '2026-12-01T09:12:44Z supabase db push: Applying migration 20261201_profiles.sql... done',
      'Finished supabase db push. Realtime channel joined; 3 rows updated',
    ].join('\n');
    expect(confident(cli)).toEqual([]);
  });
});

describe('DocuSign', () => {
  it("the JWT grant's reasons in error_description", () => {
    // https://github.com/docusign/docusign-esign-csharp-client/issues/323
    expect(
      confident(
        'received a non successful HTTP code Completed with response Body: {"error":"invalid_grant","error_description":"no_valid_keys_or_signatures"}',
      ),
    ).toContain('docusign:no_valid_keys_or_signatures');
    // https://community.docusign.com/esignature-api-63/jwt-grant-returning-invalid-grant-user-not-found-despite-correct-setup-26189
    const user = [
      'POST https://account-d.docusign.com/oauth/token',
      '{"error": "invalid_grant", "error_description": "user_not_found"}',
    ].join('\n');
    expect(confident(user)).toContain('docusign:user_not_found');
    // https://github.com/docusign/docusign-java-client/issues/111
    expect(
      confident(
        'com.docusign.esign.client.ApiException: Error while requesting an access token: {"error":"consent_required"}',
      ),
    ).toEqual(['docusign:consent_required']);
    // https://github.com/docusign/docusign-esign-php-client/issues/187
    expect(best('Error: invalid_grant error_description issuer_not_found docusign')).toBe('docusign:issuer_not_found');
  });

  it("the eSignature API's authentication errors", () => {
    // https://github.com/Tucker-Eric/Laravel-Docusign/issues/31
    const php =
      'Error while requesting server, received a non successful HTTP code [401] with response Body: O:8:"stdClass":2:{s:9:"errorCode";s:26:"USER_AUTHENTICATION_FAILED";s:7:"message";s:49:"One or both of Username and Password are invalid.";}';
    expect(confident(php)).toEqual(['docusign:USER_AUTHENTICATION_FAILED']);
    // https://github.com/docusign/docusign-esign-csharp-client/issues/300
    expect(
      confident(
        '{"errorCode":"USER_AUTHENTICATION_FAILED","message":"One or both of Username and Password are invalid. Invalid access token"}',
      ),
    ).toEqual(['docusign:USER_AUTHENTICATION_FAILED']);
    // https://github.com/docusign/docusign-esign-java-client/issues/191
    expect(best('Unable to create an envelope using DocuSign, API PARTNER_AUTHENTICATION_FAILED')).toBe(
      'docusign:PARTNER_AUTHENTICATION_FAILED',
    );
  });

  it('the login page for an unregistered redirect URI', () => {
    // https://support.docusign.com/en/articles/Redirect-URI-not-registered
    expect(confident('Login Error: The redirect URI is not registered properly with DocuSign')).toEqual([
      'docusign:redirect-uri-not-registered',
    ]);
  });

  it("other systems' issuer_not_found and an envelope log are no DocuSign errors", () => {
    expect(ours('cert-manager: certificate not ready, reason issuer_not_found for ClusterIssuer letsencrypt')).toEqual(
      [],
    );
    expect(
      confident(
        'Envelope 5c3e8a1d sent via DocuSign to signer@example.com (status=sent, routingOrder=1); webhook delivered in 240 ms',
      ),
    ).toEqual([]);
  });
});

describe('Box', () => {
  it('a refresh token expired at api.box.com', () => {
    // https://github.com/iterate-ch/cyberduck/issues/13003
    const expired = [
      'POST https://api.box.com/oauth2/token/',
      '{',
      '  "error": "invalid_grant",',
      '  "error_description": "Refresh token has expired"',
      '}',
    ].join('\n');
    expect(confident(expired)).toEqual(['box:invalid_grant']);
    expect(best('box Refresh token has expired')).toBe('box:invalid_grant');
  });

  it('an authorization code too late, a Client Credentials Grant refused, and a JWT assertion expired', () => {
    // https://github.com/drotiro/boxfs2/issues/12
    const code = [
      'It asks me to go to the https://www.box.com/api/oauth2/authorize web site to get the code.',
      "Unable to get access token: Auth code doesn't exist or is invalid for the client",
    ].join('\n');
    expect(confident(code)).toEqual(['box:invalid_grant']);
    // https://github.com/box/box-python-sdk-gen/issues/220
    const ccg = [
      'from box_sdk_gen import BoxClient, BoxCCGAuth, CCGConfig',
      '#011Raw body: {"error":"invalid_grant","error_description":"Grant credentials are invalid"} CODE: 400',
    ].join('\n');
    expect(confident(ccg)).toEqual(['box:invalid_grant']);
    const jwt = `box_sdk_gen.box.errors.BoxAPIError: {"error":"invalid_grant","error_description":"Current date/time MUST be before the expiration date/time listed in the 'exp' claim"}`;
    expect(confident(jwt)).toEqual(['box:invalid_grant']);
  });

  it('wrong client credentials, a subject type the app may not use, and a token request without grant_type', () => {
    // https://support.box.com/hc/en-us/community/posts/4404438713107-Getting-this-error-The-client-credentials-are-invalid
    expect(
      confident(
        'POST https://api.box.com/oauth2/token {"error":"invalid_client","error_description":"The client credentials are invalid"}',
      ),
    ).toEqual(['box:invalid_client']);
    // https://support.box.com/hc/en-us/community/posts/33124219684371-Even-though-an-access-token-is-obtained-using-JWT-authentication-an-error-occurs-when-calling-the-API
    const subject =
      'Status Code BadRequest: {"error":"unauthorized_client","error_description":"The \\"box_subject_type\\" value is unauthorized for this client_id"}';
    expect(confident(subject)).toContain('box:unauthorized_client');
    expect(ours(subject)).toEqual(['box:unauthorized_client']);
    // https://github.com/box/box-windows-sdk-v2/issues/550
    const grantType = [
      '1. https://api.box.com/oauth2/token/ hitting api on this url.',
      '{',
      '"error": "invalid_request",',
      '"error_description": "Invalid grant_type parameter or parameter missing"',
      '}',
    ].join('\n');
    expect(confident(grantType)).toEqual(['box:invalid_request']);
  });

  it("boxes that are not Box, Dropbox's invalid_grant, and a sync log naming the Box API", () => {
    expect(
      confident(
        'Packer: vagrant box add failed, box: ubuntu/jammy64 (virtualbox)\nERROR refresh failed {"error":"invalid_grant"} from https://oauth2.googleapis.com/token',
      ),
    ).toEqual(['google:invalid_grant']);
    expect(
      confident(
        'POST https://api.dropboxapi.com/oauth2/token 400 {"error_description": "code doesn\'t exist or has expired", "error": "invalid_grant"}',
      ),
    ).toEqual(['dropbox:invalid_grant']);
    expect(
      confident(
        '[2026-12-01 10:00:02] INFO Synced 42 files to Box API folder 0 via box_sdk_gen; next run in 15 minutes',
      ),
    ).toEqual([]);
  });
});

describe('Zoho', () => {
  it("Zoho Accounts' token endpoint errors as the SDKs raise them", () => {
    // https://github.com/zoho/zcrm-csharp-sdk/issues/7
    expect(
      confident(
        `ZCRMSDK.OAuth.Common.ZohoOAuthException: 'Exception while fetching Access Token from grant token{"error":"invalid_code"}'`,
      ),
    ).toEqual(['zoho:invalid_code']);
    // https://github.com/asciisd/zoho/issues/6
    const client = [
      "zcrmsdk\\oauth\\exception\\ZohoOAuthException Caused by:'Exception while fetching access token from grant token - HTTP/1.1 200",
      ' Server: ZGS',
      ` {"error":"invalid_client"}'`,
    ].join('\n');
    expect(confident(client)).toEqual(['zoho:invalid_client']);
    expect(best('zoho invalid_code when refreshing token')).toBe('zoho:invalid_code');
  });

  it("the CRM API's invalid token and missing scope", () => {
    // https://github.com/solspace/craft-freeform/issues/1372
    const token =
      '[2024-06-18T15:58:13.498983+02:00] Integration.ERROR: Zoho: {"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}  {"integration":{"id":5,"handle":"<redacted>"}} []';
    expect(confident(token)).toEqual(['zoho:INVALID_TOKEN']);
    // https://github.com/PostHog/posthog/pull/78477 (the probe's 401 OAUTH_SCOPE_MISMATCH)
    expect(best('Zoho CRM 401 OAUTH_SCOPE_MISMATCH')).toBe('zoho:OAUTH_SCOPE_MISMATCH');
    expect(best('INVALID_OAUTHTOKEN')).toBe('zoho:INVALID_TOKEN');
  });

  it("Slack's and PingOne's codes stay theirs, and a Zoho sync log is no error", () => {
    expect(confident('slack oauth.v2.access failed: {"ok":false,"error":"invalid_code"}')).toEqual([
      'slack:invalid_code',
    ]);
    expect(
      confident(
        'PingOne: {"code":"INVALID_TOKEN","message":"The request could not be completed. The provided access token is invalid."}',
      ),
    ).toEqual(['pingidentity:INVALID_TOKEN']);
    expect(confident('Zoho Desk: ticket #4411 updated by agent; Zoho CRM lead 55120000001 synced; 0 errors')).toEqual(
      [],
    );
  });
});
