import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Real-shaped pastes against the shipped catalogs: what people actually drop into a channel.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('pastes', () => {
  it('a pretty-printed Entra token error body: the AADSTS code and the support ids', () => {
    const body = readFileSync(new URL('../fixtures/pastes/entra-token-error.json', import.meta.url), 'utf8');
    const result = resolver.scan(body);
    const codes = result.findings.filter((f) => f.confidence !== 'weak').map((f) => `${f.provider}:${f.code}`);
    // "error": "invalid_grant" is only the envelope of AADSTS70008 on the next line: one error, not two.
    expect(codes).toEqual(['entra:AADSTS70008']);
    expect(result.support).toEqual({
      traceId: '2e4a6f3c-9b1d-4c7e-8a2f-1d3e5b7c9f01',
      correlationId: '8c0d2e4f-6a1b-4c3d-9e5f-7a9b1c3d5e7f',
      timestamp: '2026-11-20 10:15:42Z',
    });
  });

  it('a one-line Entra token error: the standard code around an AADSTS code is its envelope, not a second error', () => {
    const body =
      '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.","error_codes":[7000215]}';
    expect(confident(body)).toEqual(['entra:AADSTS7000215']);
    // An AADSTS code we do not have explains nothing, so the envelope's entry stays.
    const unknown = '{"error":"invalid_grant","error_description":"AADSTS9999999: Something new happened."}';
    expect(confident(unknown).sort()).toEqual(['entra:AADSTS9999999', 'entra:invalid_grant']);
    // A typed lookup ranks rather than lists, and may ask for the standard meaning.
    expect(resolver.lookup(body, { provider: 'oauth2' })[0]).toMatchObject({
      provider: 'oauth2',
      code: 'invalid_client',
    });
  });

  it("a provider's own code in a standard code's description is the error, in any shape: the standard code is its envelope", () => {
    // https://github.com/docusign/docusign-esign-csharp-client/issues/323
    const docusign = '{"error":"invalid_grant","error_description":"no_valid_keys_or_signatures"}';
    expect(confident(docusign)).toEqual(['docusign:no_valid_keys_or_signatures']);
    // A standard code in the description is a second error of its own, as the pair says.
    expect(confident('{"error":"invalid_grant","error_description":"consent_required"}').sort()).toEqual([
      'oauth2:consent_required',
      'oauth2:invalid_grant',
    ]);
  });

  it('a sentence several providers document under one standard code says which error, not whose', () => {
    // Duende's and Slack's catalogs both write "Invalid scope: {scope}" under invalid_scope.
    const body = '{"error":"invalid_scope","error_description":"Invalid scope: read"}';
    expect(confident(body)).toEqual(['oauth2:invalid_scope']);
    // A provider's host beside it says whose.
    expect(confident(`POST https://slack.com/api/oauth.v2.access\n${body}`)).toEqual(['slack:invalid_scope']);
  });

  it('such a sentence without its code, with nothing to say whose, is the standard error with the copies listed', () => {
    // https://github.com/mautic/mautic/issues/3362 (its title): Box, PayPal and oauth2-server-php all document
    // "The client credentials are invalid" under invalid_client.
    const [first] = resolver.lookup('The client credentials are invalid.');
    expect(`${first?.provider}:${first?.code}:${first?.confidence}`).toBe('oauth2:invalid_client:strong');
    expect(first?.alternatives.map((alternative) => alternative.provider).sort()).toEqual([
      'box',
      'oauth2-server-php',
      'paypal',
    ]);
    // In a log, one finding (weak, as the short sentence alone is), not one per provider's copy.
    const found = resolver.scan('Token request refused: The client credentials are invalid').findings;
    expect(found.map((finding) => `${finding.provider}:${finding.code}`)).toEqual(['oauth2:invalid_client']);
    // Named beside it, the provider's copy is the answer.
    const [named] = resolver.lookup('PayPal: The client credentials are invalid');
    expect(`${named?.provider}:${named?.code}`).toBe('paypal:invalid_client');
  });

  it("a message further along an AADSTS line describes that code, not another provider's error", () => {
    // The B2C catalog documents "invalid username or password" for two of its codes.
    const line = 'AADSTS50126: Error validating credentials due to invalid username or password.';
    expect(confident(line)).toEqual(['entra:AADSTS50126']);
    expect(confident('B2C sign-in failed: invalid username or password. b2clogin.com')).not.toEqual([]);
  });

  it("MSAL's exception dumps: the error code field next to the AADSTS line is its envelope", () => {
    const node = [
      '## Error Message',
      "errorCode: 'invalid_grant',",
      'AADSTS50126: Error validating credentials due to invalid username or password',
    ];
    expect(confident(node.join('\n'))).toEqual(['entra:AADSTS50126']);
    const dotnet = [
      'MSAL.Desktop.4.61.3.0.MsalServiceException:',
      '\tErrorCode: interaction_required',
      'Microsoft.Identity.Client.MsalServiceException: AADSTS16000: Either multiple user identities are available for the current request.',
    ];
    expect(confident(dotnet.join('\n'))).toEqual(['entra:AADSTS16000']);
  });

  it('Microsoft Graph refusing the token an Entra sign-in produced', () => {
    const expired =
      'GET https://graph.microsoft.com/v1.0/me -> 401 {"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid.","innerError":{"date":"2026-11-27T09:00:00"}}}';
    expect(confident(expired)).toEqual(['microsoft-graph:InvalidAuthenticationToken']);
    const denied =
      '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}';
    expect(confident(denied)).toEqual(['microsoft-graph:Authorization_RequestDenied']);
  });

  it('support ids after an escaped line break, and the Request Id of the sign-in page under its own name', () => {
    const json =
      '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\\r\\nTrace ID: 13691729-e9e3-4b0b-a984-1b0436a11500\\r\\nCorrelation ID: b3a22236-5e8e-4b82-a861-95a998b51a37\\r\\nTimestamp: 2021-06-03 08:44:04Z"}';
    expect(resolver.scan(json).support).toEqual({
      traceId: '13691729-e9e3-4b0b-a984-1b0436a11500',
      correlationId: 'b3a22236-5e8e-4b82-a861-95a998b51a37',
      timestamp: '2021-06-03 08:44:04Z',
    });
    const page = 'AADSTS50011: The redirect URI ...\nRequest Id: c73e65c8-c89c-4e9c-9891-86f61fd68100';
    expect(resolver.scan(page).support).toEqual({ requestId: 'c73e65c8-c89c-4e9c-9891-86f61fd68100' });
    // Microsoft Graph's request-id, not the client-request-id the caller made up.
    const graph =
      '{"error":{"code":"InvalidAuthenticationToken","innerError":{"client-request-id":"11111111-2222-3333-4444-555555555555","request-id":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}}}';
    expect(resolver.scan(graph).support).toEqual({ requestId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
  });

  it('a log line after an Okta code keeps its own error: only a pretty-printed error field is an envelope across lines', () => {
    const log = [
      '2026-11-24T09:13:10Z ERROR okta {"errorCode":"E0000011","errorSummary":"Invalid token provided"}',
      '2026-11-24T09:13:11Z ERROR GET /auth/callback?error=access_denied&state=af0ifjsldkj',
    ].join('\n');
    expect(confident(log)).toEqual(['okta:E0000011', 'okta:access_denied']);
  });

  it('one generic code in a paste about several providers: each occurrence is read by the hints nearest to it', () => {
    const paste = [
      'POST https://login.microsoftonline.com/common/oauth2/v2.0/token -> {"error":"invalid_grant"}',
      'retrying with the fallback realm',
      'POST https://sso.example.com/realms/acme/protocol/openid-connect/token -> {"error":"invalid_grant"}',
      'POST https://login.salesforce.com/services/oauth2/token -> {"error":"invalid_grant","error_description":"authentication failure"}',
    ].join('\n');
    const findings = resolver.scan(paste).findings.filter((f) => f.confidence !== 'weak');
    expect(findings.map((f) => `${f.line}:${f.entry?.key}`).sort()).toEqual([
      '1:entra:invalid_grant',
      '3:keycloak:invalid_grant',
      '4:salesforce:invalid_grant@authentication-failure',
    ]);
    // Each finding's excerpt is the line it names.
    for (const finding of findings) expect(paste.split('\n')[finding.line - 1]).toContain(finding.excerpt);
  });

  it('an Entra sign-in page with the redirect URI message and placeholders filled', () => {
    const page = [
      'Sign in',
      "Sorry, but we're having trouble signing you in.",
      "AADSTS50011: The redirect URI 'https://localhost:5001/signin-oidc' specified in the request does not match the redirect URIs configured for the application '3fa85f64-5717-4562-b3fc-2c963f66afa6'.",
      'Request Id: 1b7f4c2e-0d3a-4e59-8c6b-2a9f0e1d3c4b',
      'Correlation Id: 5c2d8e1f-3a4b-4c5d-9e6f-7a8b9c0d1e2f',
      'Timestamp: 2026-11-24T08:01:02Z',
    ].join('\n');
    expect(confident(page)).toEqual(['entra:AADSTS50011']);
  });

  it('a Java stack trace from MSAL with an unknown AADSTS code', () => {
    const trace = [
      'com.microsoft.aad.msal4j.MsalServiceException: AADSTS9999999: Something new happened.',
      '\tat com.microsoft.aad.msal4j.MsalServiceExceptionFactory.fromHttpResponse(MsalServiceExceptionFactory.java:45)',
      '\tat com.example.Auth.token(Auth.java:88)',
    ].join('\n');
    const [finding] = resolver.scan(trace).findings;
    expect(finding).toMatchObject({ provider: 'entra', code: 'AADSTS9999999', confidence: 'exact' });
    expect(finding?.entry).toBeUndefined();
    expect(finding?.links[0]?.url).toBe('https://login.microsoftonline.com/error?code=9999999');
  });

  it('an Okta API error body', () => {
    const body =
      '{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oae3iIr7aQqS0yB3wZ5rQhFQw","errorCauses":[]}';
    expect(confident(body)).toEqual(['okta:E0000011']);
    expect(resolver.scan(body).support.oktaErrorId).toBe('oae3iIr7aQqS0yB3wZ5rQhFQw');
  });

  it('an Okta token endpoint error is attributed to Okta', () => {
    const log =
      'POST https://dev-123456.okta.com/oauth2/default/v1/token -> 400 {"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}';
    expect(confident(log)[0]).toBe('okta:invalid_grant');
  });

  it('a documented message form-encoded on a callback URL, its punctuation percent-encoded, is still found', () => {
    const url =
      'GET /signin-oidc?error=access_denied&error_description=The+signed+in+user+%27someone%40example.com%27+is+not+assigned+to+a+role+for+the+application+%2700000000-0000-0000-0000-000000000001%27(Demo).&state=1';
    expect(confident(url)).toContain('entra:AADSTS50105');
  });

  it("a timestamp's milliseconds are no error code that would make the line's message its description", () => {
    // Intuit documents an error 120; here 120 is milliseconds (line written for this test).
    const line =
      '2026-12-06 10:15:44.120 ERROR Duende.IdentityServer.Validation.TokenRequestValidator: Authorization code is expired';
    expect(confident(line)).toEqual(['duende:invalid_grant']);
  });

  it('a message whose spaces are percent-encoded (%20) is found, and a code after an encoded colon', () => {
    // Salesforce's redirect error on a callback URL (written for this test): %20 is no part of the next word.
    const url =
      'GET /oauth/callback?error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration';
    expect(confident(url)).toEqual(['salesforce:redirect_uri_mismatch']);
    expect(confident('/cb?error=invalid_request&error_description=Sign-in%20failed%3AAADSTS50011')).toContain(
      'entra:AADSTS50011',
    );
  });

  it('workload identity federation failures in a CI or cluster log name their AADSTS code, and only it', () => {
    const aks =
      'token_credential.go:70] "failed to acquire token" err="reply status code was 400: {\\"error\\":\\"invalid_request\\",\\"error_description\\":\\"AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: \'https://oidc.example.test/x/\'. Assertion Subject: \'system:serviceaccount:jobs:runner\'.\\"}"';
    expect(confident(aks)).toEqual(['entra:AADSTS70021']);
    // Without the code, the message still says which credential part did not match.
    expect(
      confident(
        "azure login: No matching federated identity record found for presented assertion subject 'repo:acme/app:ref:refs/heads/main'",
      ),
    ).toEqual(['entra:AADSTS700213']);
    expect(confident('Error: AADSTS700024: Client assertion is not within its valid time range.')).toEqual([
      'entra:AADSTS700024',
    ]);
  });

  it("a single-page app's token redemption refused, as MSAL.js logs it in the browser console", () => {
    const console =
      "ServerError: invalid_request: 9002326 - [2026-11-20 10:15:42Z]: AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: 'http://localhost:5173'.";
    expect(confident(console)).toEqual(['entra:AADSTS9002326']);
  });

  it('a callback URL with error= and no provider context is the standard error', () => {
    const url = 'GET /auth/callback?error=access_denied&error_description=The+user+denied+access&state=8f1e';
    expect(confident(url)).toEqual(['oauth2:access_denied']);
  });

  it('a NetSuite TBA response with several errors in one paste', () => {
    const paste = [
      'POST https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=12&deploy=1',
      'Authorization: OAuth realm="1234567", oauth_consumer_key="…", oauth_nonce="abc", oauth_signature="…"',
      '{"error":{"code":"INVALID_LOGIN_ATTEMPT","message":"Invalid login attempt."}}',
      'Login Audit Trail detail: InvalidSignature',
      'next attempt: NonceRejected, then InvalidTimestamp',
    ].join('\n');
    const codes = confident(paste);
    expect(codes).toContain('netsuite-tba:INVALID_LOGIN_ATTEMPT');
    expect(codes).toContain('netsuite-tba:NonceRejected');
    expect(codes).toContain('netsuite-tba:InvalidTimestamp');
    expect(codes.some((code) => code.endsWith(':InvalidSignature'))).toBe(true);
  });

  it('a NetSuite REST web services 401: INVALID_LOGIN, and its "Unauthorized" title is no error code', () => {
    const detail =
      'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.';
    const body = `GET https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer/42 -> {"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2","title":"Unauthorized","status":401,"o:errorDetails":[{"detail":"${detail}","o:errorCode":"INVALID_LOGIN"}]}`;
    // The short message inside the detail is INVALID_LOGIN_ATTEMPT's; here it only describes INVALID_LOGIN.
    expect(confident(body)).toEqual(['netsuite-oauth2:INVALID_LOGIN']);
    // A client that logs only the detail, once per failed call: the short message inside it stays inside
    // it on every line, not only on the first.
    const log = [5783, 185050, 155445].map((id) => `Error fetching customer ${id}: ${detail}, Duration: 60847ms`);
    expect(confident(log.join('\n'))).toEqual(['netsuite-oauth2:INVALID_LOGIN']);
  });

  it('a NetSuite SOAP or RESTlet call refused: "Invalid login attempt." next to NetSuite is INVALID_LOGIN_ATTEMPT', () => {
    const fault = 'NetSuite SOAP fault: [soapenv:Server.userException] Invalid login attempt.';
    expect(confident(fault)).toEqual(['netsuite-tba:INVALID_LOGIN_ATTEMPT']);
    // Without NetSuite anywhere near, such an ordinary sentence names no error.
    expect(confident('zeep.exceptions.Fault: Invalid login attempt.')).toEqual([]);
  });

  it('a NetSuite SOAP fault for a TBA request that also logs in another way: USER_ERROR, "Ambiguous authentication"', () => {
    const fault = [
      '<soapenv:Fault>',
      '  <faultcode>soapenv:Server.userException</faultcode>',
      '  <faultstring>Ambiguous authentication</faultstring>',
      '  <detail>',
      '    <platformFaults:invalidCredentialsFault xmlns:platformFaults="urn:faults_2025_1.platform.webservices.netsuite.com">',
      '      <platformFaults:code>USER_ERROR</platformFaults:code>',
      '      <platformFaults:message>Ambiguous authentication</platformFaults:message>',
    ].join('\n');
    expect(confident(fault)).toEqual(['netsuite-tba:USER_ERROR']);
    // Typed on its own, the fault string names the entry.
    expect(resolver.lookup('Ambiguous authentication')[0]).toMatchObject({
      provider: 'netsuite-tba',
      code: 'USER_ERROR',
    });
    // USER_ERROR is a common name: with nothing of NetSuite near, it is only a guess.
    expect(confident('job failed: USER_ERROR while saving the form')).toEqual([]);
  });

  it('an Okta Identity Engine answer: its i18n key is a code with dots, found as exactly as any code', () => {
    const idx =
      '{"version":"1.0.0","messages":{"type":"array","value":[{"message":"The session has expired.","i18n":{"key":"idx.session.expired"},"class":"ERROR"}]}}';
    expect(resolver.scan(idx).findings.map((f) => `${f.provider}:${f.code}:${f.confidence}`)).toEqual([
      'okta:idx.session.expired:exact',
    ]);
    expect(resolver.lookup('idx.session.expired')[0]).toMatchObject({
      code: 'idx.session.expired',
      confidence: 'exact',
    });
    // The short message on its own says too little to be sure of.
    expect(confident('AuthApiError: The session has expired.')).toEqual([]);
  });

  it("an Identity Engine key that means a classic code's error is that code, as surely as a name", () => {
    const passcode =
      '{"messages":{"type":"array","value":[{"message":"Invalid code. Try again.","i18n":{"key":"api.authn.error.PASSCODE_INVALID","params":[]},"class":"ERROR"}]}}';
    expect(confident(passcode)).toEqual(['okta:E0000068']);
    expect(confident('OAuthError: oie.tooManyRequests')).toEqual(['okta:E0000047']);
    expect(confident('Invalid code. Try again.')).toEqual([]);
  });

  it('HTTP\'s "Unauthorized" in an Auth0 log is not Auth0\'s unauthorized code; the code as Auth0 writes it is', () => {
    const log =
      'POST https://acme.eu.auth0.com/oauth/token -> 401 Unauthorized {"error":"access_denied","error_description":"Unauthorized"}';
    expect(confident(log)).toEqual(['auth0:access_denied']);
    const signup =
      'POST https://acme.eu.auth0.com/dbconnections/signup -> 403 {"code":"unauthorized","description":"Public signup is disabled"}';
    expect(confident(signup)).toContain('auth0:unauthorized');
  });

  it('Salesforce\'s short "authentication failure" is trusted beside its own code', () => {
    expect(confident('{"error":"invalid_grant","error_description":"authentication failure"}')).toEqual([
      'salesforce:invalid_grant',
    ]);
    expect(confident('login: authentication failure')).toEqual([]);
  });

  it("Slack's Web API answer names Slack, in JSON, Python's repr or Node's inspect of it", () => {
    expect(confident('{"ok":false,"error":"invalid_code"}')).toEqual(['slack:invalid_code']);
    expect(confident("{ ok: false, error: 'invalid_code' }")).toEqual(['slack:invalid_code']);
    const python =
      "slack_sdk.errors.SlackApiError: The request to the Slack API failed.\nThe server responded with: {'ok': False, 'error': 'invalid_auth'}";
    expect(confident(python)).toEqual(['slack:invalid_auth']);
    // Third-party clients by the names their errors and frames carry (Python's slacker here).
    const slacker =
      '  File "/usr/lib/python3/site-packages/slacker/__init__.py", line 99, in _request\n    raise Error(response.error)\nslacker.Error: missing_scope';
    expect(confident(slacker)).toEqual(['slack:missing_scope']);
    // @slack/web-api's wording, with no frame below it: https://github.com/slackapi/bolt-js/issues/232
    expect(confident('UnhandledPromiseRejectionWarning: Error: An API error occurred: invalid_auth')).toEqual([
      'slack:invalid_auth',
    ]);
  });

  it("the spec's definition of an error, as servers built on ORY Fosite send it, is the standard error, once", () => {
    const authelia =
      'level=error msg="Access Request failed with error: The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed. Requested audience \'x\' has not been whitelisted by the OAuth 2.0 Client."';
    // Not also the shorter "The request is missing a required parameter" that Okta and NetSuite document.
    expect(confident(authelia)).toEqual(['oauth2:invalid_request']);
    // Okta documents the spec's sentence for access_denied: Okta's where Okta is hinted, the standard's elsewhere.
    const denied =
      'error=access_denied&error_description=The+resource+owner+or+authorization+server+denied+the+request.';
    expect(confident(denied)).toEqual(['oauth2:access_denied']);
    expect(confident(`GET https://dev-123.okta.com/oauth2/default/v1/authorize -> ${denied}`)).toEqual([
      'okta:access_denied',
    ]);
  });

  it("one provider's message for a standard code, as the description of another, says which server answered", () => {
    // Older Keycloak releases answered a bad client secret with unauthorized_client and this description.
    const oneLine =
      '{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}';
    expect(confident(oneLine)).toContain('keycloak:unauthorized_client');
    const pretty =
      '{\n  "error": "unauthorized_client",\n  "error_description": "Invalid client or Invalid client credentials"\n}';
    expect(confident(pretty)).toContain('keycloak:unauthorized_client');
    expect(confident(pretty)).not.toContain('oauth2:unauthorized_client');
    // Lines away from the code, the message describes nothing of it.
    const apart = `{"error":"unauthorized_client"}\n${'retrying\n'.repeat(3)}Invalid client or Invalid client credentials`;
    expect(confident(apart)).not.toContain('keycloak:unauthorized_client');
  });

  it("a code only providers' readings carry is the provider's that the text names beside it", () => {
    // Elixir's Slack client; the code's readings are all context-bound (Slack's, and Dropbox's missing_scope).
    expect(confident('{:error, "Slack API returned an error `invalid_auth.`"}')).toEqual(['slack:invalid_auth']);
    expect(confident('Dropbox upload failed: missing_scope')).toEqual(['dropbox:missing_scope']);
    expect(confident('Slack export failed: missing_scope')).toEqual(['slack:missing_scope']);
    // Named far away in a long log, or not at all, it stays a guess.
    const far = ['Slack notifier started', ...Array.from({ length: 45 }, (_, i) => `step ${i} ok`), 'missing_scope'];
    expect(confident(far.join('\n'))).toEqual([]);
    expect(confident('upload failed: missing_scope')).toEqual([]);
  });

  it('a generic message beside a code of its own names no second error', () => {
    const okta =
      "Okta authentication failed - HTTP 403: This operation is not allowed in the current authentication state. (Code: E0000079). Full error: {'errorCode': 'E0000079'}";
    expect(confident(okta)).toEqual(['okta:E0000079']);
    // Keycloak's event names its error; "Invalid user credentials" is that error's text, not the token endpoint's invalid_grant.
    const keycloak =
      '2026-11-26 WARN [org.keycloak.events] type=LOGIN_ERROR, realmId=acme, clientId=web, error=invalid_user_credentials, message="Invalid user credentials"';
    expect(resolver.scan(keycloak).findings.map((f) => `${f.provider}:${f.code}`)).toEqual([
      'keycloak:invalid_user_credentials',
    ]);
  });

  it('Google redirect_uri_mismatch on the consent screen', () => {
    const page =
      "Error 400: redirect_uri_mismatch\nYou can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. accounts.google.com";
    expect(confident(page)[0]).toBe('google:redirect_uri_mismatch');
  });

  it('GitHub device flow polling', () => {
    const log =
      'POST https://github.com/login/oauth/access_token -> {"error":"authorization_pending","error_description":"The authorization request is still pending."}';
    expect(confident(log)[0]).toMatch(/^(github|oauth2):authorization_pending$/);
  });

  it('a GitHub callback URL with a form-encoded description is GitHub, once', () => {
    const url =
      'GET https://app.example/callback?error=redirect_uri_mismatch&error_description=The+redirect_uri+MUST+match+the+registered+callback+URL+for+this+application.&state=xyz';
    expect(confident(url)).toEqual(['github:redirect_uri_mismatch']);
  });

  it('Salesforce invalid_grant: the error_description picks the meaning', () => {
    const refresh =
      'POST https://acme.my.salesforce.com/services/oauth2/token 400 {"error":"invalid_grant","error_description":"expired access/refresh token"}';
    const [finding] = resolver.scan(refresh).findings;
    expect(finding).toMatchObject({ provider: 'salesforce', code: 'invalid_grant', confidence: 'strong' });
    expect(finding?.entry?.context?.id).toBe('refresh-token');
    const jwt = refresh.replace('expired access/refresh token', "user hasn't approved this consumer");
    expect(resolver.scan(jwt).findings[0]?.entry?.context?.id).toBe('jwt-bearer');
  });

  it('a Keycloak event log line and token error', () => {
    const log = [
      '2026-11-26 10:01:02,123 WARN  [org.keycloak.events] (executor-thread-1) type="LOGIN_ERROR", realmId="abc", clientId="web", error="user_not_found", auth_method="openid-connect"',
      'POST https://sso.example.com/realms/acme/protocol/openid-connect/token 400 {"error":"invalid_grant","error_description":"Code not valid"}',
    ].join('\n');
    expect(confident(log)).toEqual(['keycloak:user_not_found', 'keycloak:invalid_grant']);
  });

  it("Auth0's callback URL mismatch, on its error page and as a client library reports it", () => {
    const page =
      'Callback URL mismatch.\nThe url "com.example.app://acme.eu.auth0.com/ios/com.example.app/callback" is not in the list of allowed callback URLs: com.example.app://acme.eu.auth0.com/ios/com.example.App/callback.';
    expect(confident(page)).toEqual(['auth0:unauthorized_client']);
    expect(resolver.scan(page).findings[0]?.entry?.key).toBe('auth0:unauthorized_client@callback-url');
    const reported =
      'OAuthCallbackError: unauthorized_client: Callback URL mismatch. http://localhost:3210/api/auth/callback/auth0 is not in the list of allowed callback URLs';
    expect(resolver.scan(reported).findings[0]?.entry?.key).toBe('auth0:unauthorized_client@callback-url');
  });

  it('an Auth0 token endpoint error', () => {
    const log =
      'POST https://acme.us.auth0.com/oauth/token 403 {"error":"unauthorized_client","error_description":"Grant type \'password\' not allowed for the client."}';
    expect(confident(log)).toEqual(['auth0:unauthorized_client']);
  });

  it('a Slack SDK error log for an undistributed app is Slack', () => {
    const log = [
      'Error: An API error occurred: invalid_team_for_non_distributed_app',
      '    at platformErrorFromResult (/app/node_modules/@slack/web-api/dist/errors.js:62:33)',
      '    at WebClient.apiCall (/app/node_modules/@slack/web-api/dist/WebClient.js:211:56)',
    ].join('\n');
    const [finding] = resolver.scan(log).findings;
    expect(finding).toMatchObject({
      provider: 'slack',
      code: 'invalid_team_for_non_distributed_app',
      confidence: 'exact',
    });
    expect(confident('An API error occurred: invalid_team_for_non_distributed_app')).toEqual([
      'slack:invalid_team_for_non_distributed_app',
    ]);
  });

  it('oauth.v2.access answers: Slack-only codes and generic ones read in Slack context', () => {
    const redirect = 'POST https://slack.com/api/oauth.v2.access -> {"ok":false,"error":"bad_redirect_uri"}';
    expect(confident(redirect)).toEqual(['slack:bad_redirect_uri']);
    const client = 'oauth.v2.access returned {"ok":false,"error":"invalid_client_id"}';
    expect(resolver.scan(client).findings[0]).toMatchObject({
      provider: 'slack',
      code: 'invalid_client_id',
      confidence: 'strong',
    });
    // Without Slack context, the generic code keeps its earlier owner and stays a guess.
    expect(confident('error: invalid_client_id')).toEqual([]);
  });

  it('a Python slack_sdk token error and a Bolt install callback are Slack', () => {
    const trace = [
      'slack_sdk.errors.SlackApiError: The request to the Slack API failed. (url: https://slack.com/api/auth.test)',
      "The server responded with: {'ok': False, 'error': 'invalid_auth'}",
    ].join('\n');
    expect(confident(trace)).toEqual(['slack:invalid_auth']);
    const [finding] = resolver.scan('GET /slack/oauth_redirect?error=access_denied&state=k2').findings;
    expect(finding).toMatchObject({ provider: 'slack', code: 'access_denied', confidence: 'strong' });
    expect(finding?.entry?.context?.id).toBe('authorization-redirect');
  });

  it('links to Slack messages or GitHub issues do not make the errors near them Slack or GitHub errors', () => {
    const permalink = 'https://acme.slack.com/archives/C01ABC2DEF/p1700000000123456';
    expect(confident(`refresh failed with token_expired, see ${permalink}`)).toEqual([]);
    expect(confident(`login.microsoftonline.com returned access_denied (thread ${permalink})`)).toEqual([
      'oauth2:access_denied',
    ]);
    const issue = 'https://github.com/acme/web/issues/3';
    expect(confident(`callback got error=access_denied, tracked in ${issue}`)).toEqual(['oauth2:access_denied']);
    expect(confident(`users hit redirect_uri_mismatch, fix in ${issue}`)).not.toContain('github:redirect_uri_mismatch');
  });

  it("a correlation or trace id, which many services log, does not make a generic code Entra's", () => {
    const log = 'ERROR token refresh failed: invalid_grant Correlation ID: 5f2c-11 Trace ID: 0af76519';
    expect(resolver.scan(log).findings[0]).toMatchObject({ provider: 'oauth2', code: 'invalid_grant' });
    const entra = 'invalid_grant: AADSTS70008: The refresh token has expired. Trace ID: 1 Correlation ID: 2';
    expect(confident(entra)).toContain('entra:AADSTS70008');
  });

  it("the Okta SDKs' exception names point at Okta", () => {
    expect(confident('Unhandled exception. OktaApiException: Api validation failed: email')).toEqual(['okta:E0000001']);
    expect(confident('OktaAPIError: Api validation failed: profile.email')).toEqual(['okta:E0000001']);
  });

  it("an errorCode field, which many APIs use, does not make a generic code Okta's", () => {
    const other = '{"errorCode":"invalid_client","message":"bad client"} from the payments API';
    expect(resolver.scan(other).findings[0]).toMatchObject({ provider: 'oauth2', code: 'invalid_client' });
    expect(confident('{"errorCode":"E0000011","errorSummary":"Invalid token provided"}')).toEqual(['okta:E0000011']);
  });

  it('a message right after its own code is that error, even when it also fits another entry', () => {
    const message = "Application with identifier 'abc' was not found in the directory 'Contoso'.";
    // AADSTS700011's documented message is a prefix of AADSTS700016's.
    expect(confident(`AADSTS700016: ${message}`)).toEqual(['entra:AADSTS700016']);
    expect(confident(`AADSTS700011: Application with identifier 'abc' was not found in the directory.`)).toEqual([
      'entra:AADSTS700011',
    ]);
    // AADSTS16000 and AADSTS50020 document the very same message: the code before it says which.
    const guest =
      "User account 'a@b.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application 'x'(App) in that tenant.";
    expect(confident(`AADSTS50020: ${guest}`)).toEqual(['entra:AADSTS50020']);
  });

  it('of two documented messages, one inside the other, the longer is the one', () => {
    const message = "Application with identifier 'abc' was not found in the directory 'Contoso'.";
    expect(confident(message)).toEqual(['entra:AADSTS700016']);
    // Auth0's "Unknown or invalid refresh token" holds Keycloak's "Invalid refresh token".
    const auth0 = resolver.scan('{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}');
    expect(auth0.findings.map((finding) => `${finding.provider}:${finding.code}`)).toEqual(['auth0:invalid_grant']);
  });

  it('a message cut where its value begins, the rest on the next lines, is that message', () => {
    // AppAuth-Android's "AuthState.update should not be called in an error state ({error}), call update with ..."
    // as a logcat line wraps it: the value (the exception) and the rest of the sentence on the lines below.
    const log = [
      'W/AuthState: AuthState.update should not be called in an error state',
      '    (AuthorizationException: {"type":1,"code":1002,"error":"access_denied"}),',
      '    call update with the result of the fresh authorization response first',
    ].join('\n');
    expect(confident(log)).toContain('appauth:authstate-update-in-error-state');
  });

  it('a quoted value left empty (blanked by the person, or an empty setting) still reads the message', () => {
    // Entra's older "The reply address '{uri}' does not match the reply addresses configured for the application:
    // '{appId}'." with both values blanked, the second between two different quotes.
    const blanked =
      '"The reply address \'\' does not match the reply addresses configured for the application: "\'. More details: not specified"';
    expect(confident(blanked)).toEqual(['entra:AADSTS50011']);
  });

  it('a message cut right before a value that a punctuation-only piece follows is that message, under each code documenting it', () => {
    // Entra's "... cannot access the application '{appid}'({appName}) in that tenant." cut before the app's id: the
    // quote and parenthesis after the value are no words, so the cut is the words up to "application". Entra
    // documents the sentence under 16000 and 50020 alike; found whole, both are found, and so cut.
    const cut =
      "User account 'someone@example.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application";
    expect(confident(cut)).toEqual(['entra:AADSTS16000', 'entra:AADSTS50020']);
  });

  it("the shorter message is another provider's where its clue is near and the longer one's is not", () => {
    // Salesforce's "Failed: Invalid Access Token" holds Zoom's "Invalid access token"; a zoom.us host above says whose.
    const zoom =
      'POST https://zoom.us/oauth/token?grant_type=account_credentials\nConnection failed: Invalid access token';
    expect(confident(zoom)).toEqual(['zoom:124']);
    // Nothing near says Zoom: the longer message stays the one, and no Zoom error is read into it.
    expect(resolver.scan('Connection failed: Invalid access token').findings.map((f) => f.provider)).toEqual([
      'salesforce',
    ]);
    // Salesforce's own host beside it keeps it Salesforce's, even with Zoom further up.
    const salesforce = [
      'POST https://zoom.us/oauth/token',
      'ok',
      'ok',
      'ok',
      'GET https://na1.salesforce.com/services/oauth/request_token 401: Failed: Invalid Access Token',
    ].join('\n');
    expect(resolver.scan(salesforce).findings.map((f) => `${f.provider}:${f.code}`)).toEqual(['salesforce:1703']);
  });

  it('numeric codes (Salesforce OAuth 1.0.A faults) count only next to Salesforce', () => {
    expect(resolver.scan('server listening on 1708\nretried 1701 times').findings).toEqual([]);
    expect(
      confident('GET https://na1.salesforce.com/services/oauth/access_token 401: 1701 Failed: Nonce Replay Detected'),
    ).toEqual(['salesforce:1701']);
  });

  it('ignores ordinary chat and other systems errors', () => {
    const negatives = readFileSync(new URL('../fixtures/pastes/negatives.txt', import.meta.url), 'utf8');
    expect(confident(negatives)).toEqual([]);
    for (const line of negatives.split('\n')) expect(confident(line)).toEqual([]);
  });

  it("other systems' failures in the words of a documented message are not that provider's errors", () => {
    // A mail server's IMAP answer and a storage API's error type share Entra's two-part name AuthenticationFailed.
    expect(confident('IMAP: a1 NO [AUTHENTICATIONFAILED] login rejected')).toEqual([]);
    expect(confident('blob upload failed, Error type: AuthenticationFailed')).toEqual([]);
    // Beside Entra, the name is Entra's.
    expect(confident('login.microsoftonline.com answered AuthenticationFailed')).toEqual(['entra:AADSTS50012']);
    // Messages of a few words, however long, are what many systems print: B2C's, Entra's, Okta's here.
    expect(confident('web login failed: Invalid username or password.')).toEqual([]);
    expect(confident('WARN SAML: Assertion failed signature validation')).toEqual([]);
    expect(confident('ldap admin: This realm cannot be deleted')).toEqual([]);
    // A provider's own reading of a shared code needs that provider near, even with a long message: the
    // interaction code belongs to Okta's Identity Engine, but without Okta nearby it is only a guess.
    expect(confident('token exchange failed: The interaction code is invalid or has expired.')).toEqual([]);
    expect(
      confident('POST https://acme.okta.com/oauth2/v1/token -> The interaction code is invalid or has expired.'),
    ).toEqual(['okta:invalid_grant']);
    // Wording that Okta shares with many servers is not listed as Okta's: the standard code answers.
    expect(
      confident('{"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}'),
    ).toEqual(['oauth2:invalid_grant']);
  });

  it('handles a large paste with many errors and finds each once', () => {
    // The standard code on lines of its own: beside a provider's own code it would be that code's envelope.
    const lines = Array.from({ length: 20_000 }, (_, i) => {
      if (i % 1000 === 0) return `ERROR ${i} AADSTS50011 and E0000011`;
      return i % 1000 === 500 ? `WARN ${i} error=invalid_client` : `INFO request ${i} ok`;
    });
    const codes = confident(lines.join('\n'));
    expect(codes.sort()).toEqual(['entra:AADSTS50011', 'oauth2:invalid_client', 'okta:E0000011'].sort());
  });
});
