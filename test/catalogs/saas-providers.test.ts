import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// SaaS OAuth providers (Duende IdentityServer, Xero, Intuit, HubSpot, Zoom, Dropbox, LinkedIn, Shopify) as
// their errors show up in app and server logs, and the ordinary logs that must not be taken for theirs.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);

const OURS = ['duende', 'xero', 'intuit', 'hubspot', 'zoom', 'dropbox', 'linkedin', 'shopify'];
const ours = (text: string) => confidentAmong(resolver, text, OURS);

describe('Duende IdentityServer', () => {
  it('client authentication failures in the server log, with or without the log category', () => {
    const console = [
      'fail: Duende.IdentityServer.Validation.ClientSecretValidator[0]',
      "      No client with id 'billing-api' found. aborting",
    ].join('\n');
    expect(confident(console)).toEqual(['duende:invalid_client']);
    expect(confident('[14:02:11 ERR] Client secret validation failed for client: billing-api.')).toEqual([
      'duende:invalid_client',
    ]);
  });

  it('a refresh token replay and a redirect_uri mismatch logged with their source context', () => {
    const replay = [
      'warn: Duende.IdentityServer.Validation.TokenRequestValidator[0]',
      '      Rejecting refresh token because it has been consumed already.',
    ].join('\n');
    expect(confident(replay)).toEqual(['duende:invalid_grant']);
    const redirect =
      '{"@l":"Error","SourceContext":"Duende.IdentityServer.Validation.AuthorizeRequestValidator","@m":"Invalid redirect_uri: https://app.example.com/signin-oidc"}';
    expect(confident(redirect)).toEqual(['duende:invalid_request']);
  });
});

describe('Xero', () => {
  it("the token endpoint's invalid_grant is Xero's next to identity.xero.com", () => {
    expect(confident('POST https://identity.xero.com/connect/token -> 400 {"error":"invalid_grant"}')).toEqual([
      'xero:invalid_grant',
    ]);
  });

  it('an API problem response sent with a tenant id header', () => {
    const forbidden =
      'Xero API error: {"Type":null,"Title":"Forbidden","Status":403,"Detail":"AuthenticationUnsuccessful","Instance":"7c1d2e3f-aaaa-bbbb-cccc-1234567890ab"} (xero-tenant-id: 1f2e3d4c)';
    expect(confident(forbidden)).toEqual(['xero:AuthenticationUnsuccessful']);
    expect(best('unauthorized_client xero')).toBe('xero:unauthorized_client');
  });

  it("the authorize page's refusal of a restricted scope", () => {
    // https://github.com/XeroAPI/xero-ruby/issues/222 (its title, typed)
    const finance = resolver.lookup('Finance API - Error: unauthorized_client : Invalid scope for client')[0];
    expect(finance?.entry?.key).toBe('xero:unauthorized_client@restricted-scope');
  });
});

describe('Intuit QuickBooks', () => {
  it("a refresh with another app's keys and an expired access token", () => {
    const refresh =
      'POST https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer 400 {"error_description":"Incorrect Token type or clientID","error":"invalid_grant"}';
    expect(confident(refresh)).toEqual(['intuit:invalid_grant']);
    const fault =
      'quickbooks.exceptions.AuthorizationException: QB Auth Exception: {"fault":{"error":[{"message":"message=AuthenticationFailed; errorCode=003200; statusCode=401","detail":"Token expired","code":"3200"}],"type":"AUTHENTICATION"}}';
    expect(confident(fault)).toEqual(['intuit:3200']);
  });

  it("the authorization page's redirect_uri sentence, pasted alone", () => {
    const page =
      "The redirect_uri query parameter value is invalid. Make sure it is listed in the Redirect URIs section on your app's keys tab and matches it exactly.";
    expect(confident(page)).toEqual(['intuit:invalid_request']);
  });

  it("the PHP SDK's refresh failure, which wraps the token endpoint's body without Intuit's host", () => {
    const php =
      'PHP Fatal error: Uncaught QuickBooksOnline\\API\\Exception\\ServiceException: Refresh OAuth 2 Access token with Refresh Token failed. Body: [{"error":"invalid_grant"}].';
    expect(confident(php)).toEqual(['intuit:invalid_grant']);
  });
});

describe('HubSpot', () => {
  it('a bad refresh token and an expired access token', () => {
    const refresh =
      'HubSpot token refresh failed: 400 {"status":"BAD_REFRESH_TOKEN","message":"missing or invalid refresh token","correlationId":"3f2a1b0c-1111-2222-3333-444455556666"}';
    expect(confident(refresh)).toEqual(['hubspot:BAD_REFRESH_TOKEN']);
    const expired =
      'ERROR POST https://api.hubapi.com/crm/v3/objects/contacts 401 {"status":"error","message":"The OAuth token used to make this call expired 12 minute(s) ago.","category":"EXPIRED_AUTHENTICATION"}';
    expect(confident(expired)).toEqual(['hubspot:EXPIRED_AUTHENTICATION']);
  });

  it("GitHub's bad_refresh_token stays GitHub's, and an MQTT client's BAD_CLIENT_ID is not HubSpot's", () => {
    const github =
      'POST https://github.com/login/oauth/access_token -> {"error":"bad_refresh_token","error_description":"The refresh token passed is incorrect or expired."}';
    expect(confident(github)).not.toContain('hubspot:BAD_REFRESH_TOKEN');
    expect(ours('PubSubClient state: BAD_CLIENT_ID, reconnecting to mqtt broker in 5s')).toEqual([]);
  });
});

describe('Zoom', () => {
  it('token endpoint and REST API errors', () => {
    const client =
      'Client error: `POST https://zoom.us/oauth/token` resulted in a `400 Bad Request` response: {"reason":"Invalid client_id or client_secret","error":"invalid_client"}';
    expect(confident(client)).toEqual(['zoom:invalid_client']);
    expect(
      confident('GET https://api.zoom.us/v2/users/me/meetings -> 401 {"code":124,"message":"Invalid access token."}'),
    ).toEqual(['zoom:124']);
    expect(best('4700')).toBe('zoom:4700');
  });

  it("the token endpoint's reason field and the API's expiry message", () => {
    // Zoom's reason beside a standard code names the server, as its own invalid_client text does.
    const refresh = 'refresh failed: 400 {"reason":"Invalid Token!","error":"invalid_grant"}';
    expect(confident(refresh)).toEqual(['zoom:invalid_grant']);
    // Without the exclamation mark it is anyone's "invalid token", and the standard meaning stays.
    expect(confident('{"error":"invalid_grant","error_description":"Invalid token"}')).toEqual([
      'oauth2:invalid_grant',
    ]);
    expect(best('zoom meeting create fails: Access token is expired')).toBe('zoom:124');
    // Auth0 documents the same reason; under a request to Zoom's token endpoint it is Zoom's alone.
    const code = [
      'POST https://zoom.us/oauth/token?grant_type=authorization_code&code=<code>',
      'response: {"reason":"Invalid authorization code","error":"invalid_grant"}',
    ].join('\n');
    expect(confident(code)).toEqual(['zoom:invalid_grant']);
  });

  it('meeting links and numbers in ordinary logs are not Zoom errors', () => {
    const chat =
      'Joining the Zoom call at https://acme.zoom.us/j/85512345678 - error 124 from the build script, 4700 items synced';
    expect(confident(chat)).toEqual([]);
    const google =
      'Zoom meeting bot: 2026-12-01 ERROR refresh failed {"error":"invalid_grant"} from https://oauth2.googleapis.com/token';
    expect(confident(google)).toEqual(['google:invalid_grant']);
  });
});

describe('Dropbox', () => {
  it('an expired short-lived token from the Python SDK and a used code at the token endpoint', () => {
    expect(
      confident("dropbox.exceptions.AuthError: AuthError('8f3c2a', AuthError('expired_access_token', None))"),
    ).toEqual(['dropbox:expired_access_token']);
    const code =
      'POST https://api.dropboxapi.com/oauth2/token 400 {"error_description": "code doesn\'t exist or has expired", "error": "invalid_grant"}';
    expect(confident(code)).toEqual(['dropbox:invalid_grant']);
  });

  it('the same words elsewhere are not Dropbox errors', () => {
    expect(confident("This promo code doesn't exist or has expired.")).toEqual([]);
    expect(
      ours(
        'Warning FailedMount pod/api-7c9 MountVolume.SetUp failed for volume "creds": invalid_access_token in secret sync-config',
      ),
    ).toEqual([]);
  });
});

describe('LinkedIn', () => {
  it('the token endpoint, a revoked token and a cancelled sign-in', () => {
    const token =
      'Error retrieving access token: {"error":"invalid_request","error_description":"Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists"}';
    expect(confident(token)).toEqual(['linkedin:invalid_request']);
    const revoked =
      '(linkedin) Authentication failure! invalid_credentials: OAuth2::Error, {"status":401,"serviceErrorCode":65601,"code":"REVOKED_ACCESS_TOKEN","message":"The token used in the request has been revoked by the user"}';
    expect(confident(revoked)).toEqual(['linkedin:REVOKED_ACCESS_TOKEN']);
    const cancelled =
      'https://myapp.example.com/auth/linkedin/callback?error=user_cancelled_login&error_description=The+user+cancelled+LinkedIn+login&state=af0ifjsldkj';
    expect(confident(cancelled)).toEqual(['linkedin:user_cancelled_login']);
  });
});

describe('Shopify', () => {
  it("the store's OAuth error page and the Admin API's 401 as @shopify/shopify-api reports it", () => {
    expect(confident('Oauth error invalid_request: The redirect_uri is not whitelisted')).toEqual([
      'shopify:invalid_request',
    ]);
    const unauthorized =
      '[shopify-api/ERROR] HttpResponseError: Received an error response (401 Unauthorized) from Shopify: "[API] Invalid API key or access token (unrecognized login or wrong password)"';
    expect(confident(unauthorized)).toEqual(['shopify:HttpResponseError']);
  });

  it("Shopify in a product name does not make another provider's error Shopify's, nor Azure's HttpResponseError", () => {
    const google =
      'Shopify Plus storefront sync: {"error":"invalid_grant","error_description":"Bad Request"} from accounts.google.com';
    expect(confident(google)).toEqual(['google:invalid_grant']);
    const azure =
      'azure.core.exceptions.HttpResponseError: (AuthorizationFailed) The client does not have authorization to perform action';
    expect(ours(azure)).toEqual([]);
  });
});

describe('generic OAuth errors with no provider hint', () => {
  it('stay the standard errors, not one of these providers', () => {
    expect(confident('POST /oauth2/token -> 400 {"error":"invalid_grant"}')).toEqual(['oauth2:invalid_grant']);
    expect(
      confident(
        '2026-12-01T10:00:00Z ERROR token refresh failed: {"error":"invalid_client","error_description":"Client authentication failed"}',
      ),
    ).toEqual(['oauth2:invalid_client']);
    const http = [
      'HTTP/1.1 401 Unauthorized',
      'WWW-Authenticate: Bearer error="invalid_token"',
      '{"error":"invalid_request"}',
    ];
    expect(ours(http.join('\n'))).toEqual([]);
    const aws =
      'An error occurred (ExpiredTokenException) when calling the GetCallerIdentity operation: The security token included in the request is expired';
    expect(ours(aws)).toEqual([]);
  });
});
