import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, useShippedResolver } from '../helpers/shipped-resolver.js';

// Self-hosted identity servers (Ory Hydra and Kratos, Dex, ZITADEL, authentik) as their errors show up in public
// issue threads: each sample is text people pasted there (the thread beside it; tokens redacted, long logs cut),
// then ordinary lines with similar words that must not be read as these servers' errors.
const resolver = useShippedResolver();

const SERVERS = ['ory', 'dex', 'zitadel', 'authentik'];
const ours = (text: string) => confidentAmong(resolver, text, SERVERS);
const best = (query: string) => bestOf(resolver, query);

describe('Ory Hydra', () => {
  it("Fosite's redirect_uri hint on Hydra's default error page, old and new format", () => {
    // https://github.com/reactioncommerce/example-storefront/issues/502
    const old = [
      'The OAuth2 request resulted in an error.',
      '',
      '    Error: invalid_request',
      '    Description: The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed',
      '    Hint: The "redirect_uri" parameter does not match any of the OAuth 2.0 Client\'s pre-registered redirect urls.',
      '    Debug:',
      '',
      'You are seeing this default error page because the administrator has not set a dedicated error URL (environment variable OAUTH2_ERROR_URL is not set). If you are an administrator, please read the guide to understand what you need to do. If you are a user, please contact the administrator.',
    ].join('\n');
    expect(ours(old)).toEqual(['ory:invalid_request']);
    // https://github.com/ory/hydra/issues/3031
    const current = [
      'The OAuth2 request resulted in an error.',
      'Error: invalid_request',
      "Description: The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed. The 'redirect_uri' parameter does not match any of the OAuth 2.0 Client's pre-registered redirect urls.",
      'Hint:',
      'Debug:',
      'You are seeing this page because configuration key urls.error is not set.',
    ].join('\n');
    expect(ours(current)).toEqual(['ory:invalid_request']);
  });

  it("Hydra's log line with the hint as reason", () => {
    // https://github.com/GoogleCloudPlatform/fda-mystudies/issues/2269
    const log =
      'time=2020-12-07T02:27:27Z level=error msg=An error occurred audience=application error=map[message:invalid_request reason:The "redirect_uri" parameter does not match any of the OAuth 2.0 Client\'s pre-registered redirect urls. status:Bad Request status_code:400]';
    expect(ours(log)).toEqual(['ory:invalid_request']);
  });

  it("looks up Fosite's own codes and Kratos's error ids", () => {
    expect(best('invalid_state')).toBe('ory:invalid_state');
    expect(best('request_forbidden')).toBe('ory:request_forbidden');
    expect(best('token_inactive')).toBe('ory:token_inactive');
    expect(best('session_aal2_required')).toBe('ory:session_aal2_required');
    expect(best('self_service_flow_expired')).toBe('ory:self_service_flow_expired');
    expect(best('security_csrf_violation')).toBe('ory:security_csrf_violation');
    expect(best('The CSRF value from the token does not match the CSRF value from the data store.')).toBe(
      'ory:request_forbidden',
    );
  });
});

describe('Ory Kratos', () => {
  it("Kratos's CSRF error, as logged and as answered", () => {
    // https://github.com/ory/kratos/issues/3316
    const json = [
      '      "message":"the request was rejected to protect you from Cross-Site-Request-Forgery",',
      '      "reason":"Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues.",',
      '      "stack_trace":"\\ngithub.com/ory/kratos/selfservice/flow.EnsureCSRF\\n\\t/project/selfservice/flow/request.go:70',
    ].join('\n');
    expect(ours(json)).toEqual(['ory:security_csrf_violation']);
    // https://github.com/ory/kratos/issues/4043
    const log =
      'WARN[2024-08-17T17:10:41-04:00] A request failed due to a missing or invalid csrf_token value  audience=application error=map[debug: details:map[docs:https://www.ory.sh/kratos/docs/debug/csrf';
    expect(ours(log)).toEqual(['ory:security_csrf_violation']);
  });

  it('the JSON error of /sessions/whoami names its id', () => {
    // The error shape Kratos documents for session_inactive (ory/kratos text/message_error.go, session/handler.go)
    const whoami =
      '{"error":{"id":"session_inactive","code":401,"status":"Unauthorized","reason":"No active session was found in this request.","message":"request does not have a valid authentication session"}}';
    expect(ours(whoami)).toEqual(['ory:session_inactive']);
  });

  it("a UI message's text is Kratos's without its id", () => {
    expect(
      ours(
        'The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.',
      ),
    ).toEqual(['ory:4000006']);
  });
});

describe('Dex', () => {
  it('Unregistered redirect_uri near a Dex clue', () => {
    // https://github.com/dexidp/dex/issues/1219 (the page's text, with the reporter's sentence about Dex)
    const page =
      'I run dex on cloud provider vm\ninvalid_request: Unregistered redirect_uri ("http://47.52.197.163:5555/callback")';
    // Dex before 2.28 headed the page's sentence with the standard code, Dex's invalid_request reading.
    expect(ours(page)).toEqual(['dex:invalid_request', 'dex:dex-unregistered-redirect-uri']);
    expect(best('Unregistered redirect_uri')).toBe('dex:dex-unregistered-redirect-uri');
    expect(best('Invalid client_id')).toBe('dex:dex-invalid-client-id');
  });

  it("the token endpoint's invalid_client beside Dex's sentence, from the Argo CD CLI", () => {
    // https://github.com/argoproj/argo-cd/issues/1266 (Dex's address as the reporter's placeholder)
    const cli = [
      'Performing authorization_code flow login: https://dex.example.com/auth?access_type=offline&client_id=dex-secret-argocd&redirect_uri=http%3A%2F%2Flocalhost%3A8085%2Fauth%2Fcallback&response_type=code',
      'FATA[0009] oauth2: cannot fetch token: 401 Unauthorized',
      'Response: {"error":"invalid_client","error_description":"Invalid client credentials."}',
    ].join('\n');
    expect(ours(cli)).toEqual(['dex:invalid_client']);
  });

  it("Dex's own log line for that refusal, in an Argo CD thread that names its dex server", () => {
    // https://github.com/argoproj/argo-cd/issues/17088
    const comment = [
      '`msg="invalid client_secret on token request for client: argo-cd"` appears for each failed attempt in pod "argocd-dex-server" logs:',
      '',
      '```',
      'time="2024-02-21T15:13:54Z" level=info msg="invalid client_secret on token request for client: argo-cd"',
      '```',
    ].join('\n');
    expect(ours(comment)).toEqual(['dex:invalid_client']);
  });
});

describe('ZITADEL', () => {
  it('the API error with its message key text', () => {
    // https://github.com/zitadel/zitadel/issues/6801
    const api = [
      '{',
      '  "code": 5,',
      '  "message": "User could not be found (QUERY-Rgh32)",',
      '  "details": [',
      '    {',
      '      "@type": "type.googleapis.com/zitadel.v1.ErrorDetail",',
      '      "id": "QUERY-Rgh32",',
      '      "message": "User could not be found"',
    ].join('\n');
    expect(ours(api)).toEqual(['zitadel:Errors.User.NotFound']);
  });

  it('an untranslated key as error_description, and the login container cannot find the instance', () => {
    // https://github.com/zitadel/react-auth/issues/32
    expect(ours('        "error_description": "Errors.AuthRequest.NotFound",')).toEqual([
      'zitadel:Errors.AuthRequest.NotFound',
    ]);
    // https://github.com/zitadel/zitadel-charts/issues/544
    const login =
      'Error [ConnectError]: [not_found] unable to set instance using origin &{auth.mydomain.com 10.42.0.57:3000 https} (ExternalDomain is auth.mydomain.com): ID=QUERY-IuGh1 Message=Instance not found. Make sure you got the domain right. Check out https://zitadel.com/docs/apis/introduction#domains Parent=(unable to get instance by domain';
    expect(ours(login)).toEqual(['zitadel:Errors.Instance.NotFound']);
  });

  it("zitadel/oidc's redirect_uri description", () => {
    // https://github.com/zitadel/vue-auth/issues/5
    const answer =
      '{"error":"invalid_request","error_description":"The requested redirect_uri is missing in the client configuration. If you have any questions, you may contact the administrator of the application."}';
    expect(ours(answer)).toEqual(['zitadel:invalid_request']);
  });
});

describe('authentik', () => {
  it('Redirect URI Error, as shown and as logged', () => {
    // https://github.com/dedicatedcode/reitti/issues/396
    const page =
      'Redirect URI Error\nThe request fails due to a missing, invalid, or mismatching redirection URI (redirect_uri).';
    expect(ours(page)).toEqual(['authentik:authentik-redirect-uri-error']);
    // https://github.com/goauthentik/authentik/issues/12137
    const log =
      '{"auth_via": "session", "event": "The request fails due to a missing, invalid, or mismatching redirection URI (redirect_uri).", "host": "authentik.example.fr", "level": "warning", "logger": "authentik.providers.oauth2.views.authorize"}';
    expect(ours(log)).toEqual(['authentik:authentik-redirect-uri-error']);
  });

  it('Flow does not apply to current user', () => {
    // https://github.com/goauthentik/authentik/issues/11019 (the title)
    expect(ours('Welcome to authentik! Request has been denied. Flow does not apply to current user.')).toEqual([
      'authentik:authentik-flow-non-applicable',
    ]);
  });
});

describe('not these servers', () => {
  it('ordinary lines with the same words are not sure findings of these servers', () => {
    expect(ours('D8: Cannot fit requested classes in a single dex file (# methods: 72000 > 65536)')).toEqual([]);
    expect(ours('{"error":"invalid_client","error_description":"Invalid client credentials."}')).toEqual([]);
    expect(ours('404: User could not be found in the directory')).toEqual([]);
    expect(ours('Redirect URI Error: please check the callback URL in your app settings')).toEqual([]);
    expect(ours('HTTP 403: The request is not allowed by the firewall policy')).toEqual([]);
    expect(ours('session expired, please log in again (session_id=abc)')).toEqual([]);
    expect(ours('{"error":"invalid_request","error_description":"Token is invalid"}')).toEqual([]);
  });
});
