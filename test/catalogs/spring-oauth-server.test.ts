import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// The legacy Spring Security OAuth 2.x authorization server and resource server (spring-security-oauth2, in
// spring-security.yaml beside Spring Security's own resource server), read from what people pasted in public
// issue threads (the thread above each sample; tokens shortened). Every code is also other servers' code:
// the project's messages, XML answer, log lines and realms say whose it is.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const ours = (text: string) => confident(text).filter((key) => key.startsWith('spring-security:'));

describe('legacy Spring Security OAuth: token endpoint', () => {
  it('the password grant refusing the user, as JSON and in the endpoint log', () => {
    // https://github.com/roothema/goodies-uaa/issues/37
    expect(confident('{"error":"invalid_grant","error_description":"Bad credentials"}')).toEqual([
      'spring-security:invalid_grant@legacy-bad-credentials',
    ]);
    // https://github.com/spring-attic/spring-security-oauth/issues/1035 (pretty-printed)
    expect(
      confident(['{', '    "error": "invalid_grant",', '    "error_description": "Bad credentials"', '}'].join('\n')),
    ).toEqual(['spring-security:invalid_grant@legacy-bad-credentials']);
  });

  it('a refresh token or authorization code the server does not know', () => {
    // https://github.com/spring-attic/spring-security-oauth/issues/1195
    expect(
      confident(
        '{"error":"invalid_grant","error_description":"Invalid refresh token: a40efe1d-8cc0-4f0f-8bbe-439dc7bceb6c"}',
      ),
    ).toEqual(['spring-security:invalid_grant@legacy-refresh-token']);
    // https://github.com/spring-cloud/spring-cloud-gateway/issues/2271
    expect(
      confident(
        [
          '{',
          '    "error": "invalid_grant",',
          '    "error_description": "Invalid authorization code: csGaUx"',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['spring-security:invalid_grant@legacy-authorization-code']);
    // https://github.com/jobmission/oauth2-server/issues/6 (Spring Security's OAuth 2.0 login page showing the answer)
    expect(ours('Login with OAuth 2.0\n[invalid_grant] Invalid authorization code: YX2sZk')).toEqual([
      'spring-security:invalid_grant@legacy-authorization-code',
    ]);
  });

  it('client authentication: "Bad client credentials" in XML and on the error page', () => {
    // https://github.com/lexburner/lexburner.github.io/issues/23
    const xml = [
      '<oauth>',
      '<error_description>Bad client credentials</error_description>',
      '<error>invalid_client</error>',
      '</oauth>',
    ];
    expect(confident(xml.join('\n'))).toEqual(['spring-security:invalid_client@legacy-bad-client-credentials']);
    // https://github.com/spring-guides/tut-spring-security-and-angular-js/issues/95
    expect(confident('Browser is saying: error="invalid_client", error_description="Bad client credentials"')).toEqual([
      'spring-security:invalid_client@legacy-bad-client-credentials',
    ]);
  });

  it("a grant type the client is not registered for answers invalid_client (TokenEndpoint's log line)", () => {
    // https://github.com/spring-projects/spring-security/issues/5329
    expect(ours('Handling error: InvalidClientException, Unauthorized grant type: password')).toEqual([
      'spring-security:invalid_client@legacy-unauthorized-grant-type',
    ]);
  });

  it('GET on /oauth/token: the JSON answer and the endpoint log', () => {
    // https://github.com/rajithd/spring-boot-oauth2/issues/6
    expect(
      confident(
        "o.s.s.o.provider.endpoint.TokenEndpoint  : Handling error: HttpRequestMethodNotSupportedException, Request method 'GET' not supported",
      ),
    ).toEqual(['spring-security:method_not_allowed']);
    // https://github.com/lexburner/oauth2-demo/issues/3 (the issue title, quotes dropped)
    expect(confident("{error:method_not_allowed,error_description:Request method 'GET' not supported}")).toEqual([
      'spring-security:method_not_allowed',
    ]);
  });
});

describe('legacy Spring Security OAuth: authorization endpoint', () => {
  it('a redirect URI not registered, on the OAuth Error page', () => {
    // https://github.com/JourWon/springcloud-learning/issues/1
    const page = [
      'OAuth Error',
      'error="invalid_grant", error_description="Invalid redirect: http://xxxx/api/login does not match one of the registered values."',
    ];
    expect(confident(page.join('\n'))).toEqual(['spring-security:invalid_grant@legacy-redirect-mismatch']);
    // https://github.com/Janche/sso-oauth2-server/issues/1
    expect(
      confident(
        'error="invalid_grant", error_description="Invalid redirect: http://192.168.1.111:8087/login does not match one of the registered values."',
      ),
    ).toEqual(['spring-security:invalid_grant@legacy-redirect-mismatch']);
  });

  it('no redirect URI registered at all, in the "Handling OAuth2 error" log and on the page', () => {
    // https://github.com/wultra/powerauth-webflow/issues/653
    expect(
      confident(
        'Handling OAuth2 error: error="invalid_request", error_description="At least one redirect_uri must be registered with the client."',
      ),
    ).toEqual(['spring-security:invalid_request@legacy-no-redirect-registered']);
    // https://github.com/spring-projects/spring-security/issues/6758
    const page = [
      'OAuth Error',
      'error="invalid_request", error_description="At least one redirect_uri must be registered with the client."',
    ];
    expect(confident(page.join('\n'))).toEqual(['spring-security:invalid_request@legacy-no-redirect-registered']);
  });

  it('the authorization endpoint reached without a signed-in user', () => {
    // https://github.com/zlt2000/microservices-platform/issues/20 (the issue title)
    expect(confident('User must be authenticated with Spring Security before authorization can be completed')).toEqual([
      'spring-security:unauthorized@legacy-authorize-unauthenticated',
    ]);
  });
});

describe('legacy Spring Security OAuth: resource server', () => {
  it('"Full authentication is required" as the OAuth2 entry point renders it, in JSON and XML', () => {
    // https://github.com/havinhphu188/spring-security-in-action-source/issues/1
    expect(
      confident(
        'I am getting the error `{"error": "unauthorized",  "error_description": "Full authentication is required to access this resource"}` with the chapter 18 exercise.',
      ),
    ).toEqual(['spring-security:unauthorized@legacy-full-authentication']);
    // https://github.com/spring-guides/tut-spring-boot-oauth2/issues/13
    const xml = [
      '<oauth>',
      '    <error_description>',
      '        Full authentication is required to access this resource',
      '    </error_description>',
      '    <error>unauthorized</error>',
      '</oauth>',
    ];
    expect(confident(xml.join('\n'))).toEqual(['spring-security:unauthorized@legacy-full-authentication']);
  });

  it('an access token not in the token store (XML answer)', () => {
    // https://github.com/anilallewar/microservices-basics-spring-boot/issues/3
    const xml = [
      '<oauth>',
      '<error_description>',
      'Invalid access token: eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE1MDcxNjUwNzJ9.XkcrzfnoxkJCsbZFA3DvPrw',
      '</error_description>',
      '<error>invalid_token</error>',
      '</oauth>',
    ];
    expect(confident(xml.join('\n'))).toEqual(['spring-security:invalid_token@legacy-invalid-access-token']);
  });

  it('a JWT the resource server cannot verify, in the header and the body', () => {
    // https://github.com/spring-attic/spring-security-oauth/issues/1394
    expect(
      confident(
        '{null: HTTP/1.1 401}{Cache-Control: no-store}{Pragma: no-cache}{WWW-Authenticate: Bearer realm="oauth2-resource", error="invalid_token", error_description="Cannot convert access token to JSON"}',
      ),
    ).toEqual(['spring-security:invalid_token@legacy-jwt']);
    // https://github.com/talk2amareswaran/spring-boot2-oauth2-resource-server-jwt-mysql/issues/3
    const body = [
      '{',
      '    "error": "invalid_token",',
      '    "error_description": "Cannot convert access token to JSON"',
      '}',
    ];
    expect(confident(body.join('\n'))).toEqual(['spring-security:invalid_token@legacy-jwt']);
  });
});

describe('what is not the legacy Spring Security OAuth server', () => {
  it("the AWS SDK's InvalidGrantException (SSO OIDC) shares only the class name", () => {
    // https://github.com/aws/aws-toolkit-jetbrains/issues/3638
    const aws = [
      '2023-04-28 11:59:58,213 [5793009] SEVERE - #c.i.o.a.i.ApplicationImpl - Service returned error code InvalidGrantException (Service: SsoOidc, Status Code: 400, Request ID: 7166a489-b631-4063-bf6c-XXXXXXXXXXXX)',
      'software.amazon.awssdk.services.ssooidc.model.InvalidGrantException: Service returned error code InvalidGrantException (Service: SsoOidc, Status Code: 400, Request ID: 7166a489-b631-4063-bf6c-XXXXXXXXXXXX)',
    ];
    expect(ours(aws.join('\n'))).toEqual([]);
    // https://github.com/aws/aws-cli/issues/8561: AWS's own refresh token message is not Spring's
    const cli = [
      '2024-03-06 10:54:27,185 - MainThread - botocore.parsers - DEBUG - Response body:',
      `b'{"error":"invalid_grant","error_description":"Invalid refresh token provided"}'`,
    ];
    expect(ours(cli.join('\n'))).toEqual([]);
  });

  it("Spring MVC's 405 outside the token endpoint's answer, and GitHub's Bad credentials, stay unsure", () => {
    // https://github.com/malike/sso-auth/issues/5
    expect(
      ours(
        "WARN 20126 --- [nio-8080-exec-5] o.s.web.servlet.PageNotFound             : Request method 'GET' not supported",
      ),
    ).toEqual([]);
    // https://github.com/jenkins-x-plugins/jx-slack/issues/18
    expect(
      confident('WARNING: GET https://api.github.com/repos/jenkins-x-labs/jxl/pulls/83: 401 Bad credentials []'),
    ).toEqual(['github:bad-credentials']);
  });
});
