import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the Grafana, Spring Security (resource server, and the OAuth 2.0 client in oauth-clients), Keycloak,
// Duende IdentityServer, Auth0 (express-oauth2-jwt-bearer) and Okta catalogs. Every sample is written for this test
// (fake ids, hosts, paths and keys), in the shape the software's source prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe('Grafana OAuth logins', () => {
  it("Grafana 9's role check, in the log and title-cased on the login page", () => {
    // written for this test
    const log =
      't=2022-11-02T10:00:00+0000 lvl=eror msg="Error while signing in user" logger=context error="integration requires a valid org role assigned in idP. Assigned role: <empty>"';
    expect(sure(log)).toEqual(['grafana:oauth.role_attribute_strict_violation strong']);
    expect(sure('Integration Requires A Valid Org Role Assigned In Idp. Assigned Role: <Empty>')).toEqual([
      'grafana:oauth.role_attribute_strict_violation strong',
    ]);
  });

  it('the warning before a refused sign-up, and the session of a deleted user', () => {
    // written for this test
    const warn =
      't=2021-06-01T10:00:00+0000 lvl=warn msg="Not allowing login, user not found in internal user database and allow signup = false" logger=context userId=0 orgId=0 uname= authmode=oauth_generic_oauth';
    expect(sure(warn)).toEqual(['grafana:user.sync.signup-disabled strong']);
    // written for this test
    const gone =
      'logger=authn.service t=2026-11-02T10:00:00Z level=error msg="Failed to authenticate request" client=session error="[user.sync.fetch-not-found] user not found"';
    expect(sure(gone)).toEqual(['grafana:user.sync.fetch-not-found exact']);
  });

  it('described in words', () => {
    expect(firstLookup('grafana azure ad login: no valid role found')).toBe(
      'grafana:oauth.role_attribute_strict_violation weak',
    );
    expect(firstLookup('grafana oauth user already exists')).toBe('grafana:user.sync.internal weak');
    expect(firstLookup('grafana users cannot sign in with oauth because their account is not created')).toBe(
      'grafana:user.sync.signup-disabled weak',
    );
    expect(firstLookup('grafana oauth works on one hostname but not through the reverse proxy')).toBe(
      'grafana:auth.oauth.state.missing weak',
    );
    expect(firstLookup('grafana role_attribute_path returns the group name instead of Viewer, Editor or Admin')).toBe(
      'grafana:oauth.invalid_role weak',
    );
    expect(
      firstLookup('grafana github login refused by allowed_organizations although the user is in the organization'),
    ).toBe('grafana:auth.missing_organization weak');
  });
});

describe('Spring Security OAuth 2.0 client and resource server', () => {
  it('the user name attribute of a client registration', () => {
    // written for this test
    const missing =
      'org.springframework.security.oauth2.core.OAuth2AuthenticationException: [missing_user_name_attribute] Missing required "user name" attribute name in UserInfoEndpoint for Client Registration: corp-sso';
    expect(sure(missing)).toEqual(['oauth-clients:missing_user_name_attribute exact']);
    // DefaultOAuth2User before Spring Security 6.4, and since. written for this test
    const before = [
      "java.lang.IllegalArgumentException: Missing attribute 'sub' in attributes",
      '\tat org.springframework.security.oauth2.core.user.DefaultOAuth2User.<init>(DefaultOAuth2User.java:72)',
    ].join('\n');
    expect(sure(before)).toEqual(['oauth-clients:spring-user-name-attribute-value-missing strong']);
    // written for this test
    const since = [
      "java.lang.IllegalArgumentException: Attribute value for 'preferred_username' cannot be null",
      '\tat org.springframework.security.oauth2.core.user.DefaultOAuth2User.<init>(DefaultOAuth2User.java:74)',
    ].join('\n');
    expect(sure(since)).toEqual(['oauth-clients:spring-user-name-attribute-value-missing strong']);
  });

  it('the registration and the UserInfo URI', () => {
    // written for this test
    expect(
      sure(
        'org.springframework.security.oauth2.core.OAuth2AuthenticationException: [client_registration_not_found] Client Registration not found with Id: corp-sso',
      ),
    ).toEqual(['oauth-clients:client_registration_not_found exact']);
    // written for this test
    expect(
      sure(
        'org.springframework.security.oauth2.core.OAuth2AuthenticationException: [missing_user_info_uri] Missing required UserInfo Uri in UserInfoEndpoint for Client Registration: corp-sso',
      ),
    ).toEqual(['oauth-clients:missing_user_info_uri exact']);
  });

  it("the resource server's 401 after its JwtAuthenticationProvider's debug line", () => {
    // written for this test
    const log = [
      '2026-11-02T10:00:00.000Z DEBUG 7 --- [api] [nio-8080-exec-3] o.s.s.o.s.r.a.JwtAuthenticationProvider  : Failed to authenticate since the JWT was invalid',
      '2026-11-02T10:00:00.001Z DEBUG 7 --- [api] [nio-8080-exec-3] o.s.s.w.access.ExceptionTranslationFilter : Sending 401 with WWW-Authenticate: Bearer error="invalid_token"',
    ].join('\n');
    expect(sure(log)).toEqual(['spring-security:invalid_token/generic strong']);
  });

  it('described in words', () => {
    expect(firstLookup('spring boot oauth2 login redirects back to /login?error after the provider login')).toBe(
      'oauth-clients:authorization_request_not_found weak',
    );
    expect(
      firstLookup('spring boot resource server answers 401 to every request although a bearer token is sent'),
    ).toBe('spring-security:invalid_token/generic weak');
    expect(firstLookup('spring resource server rejects tokens issued for another audience')).toBe(
      'spring-security:invalid_token/audience weak',
    );
    expect(firstLookup('spring oauth2 client gets 401 from the token endpoint, client secret sent the wrong way')).toBe(
      'oauth-clients:invalid_token_response weak',
    );
  });
});

describe('Keycloak', () => {
  it('an unknown realm in the URL', () => {
    // written for this test
    const curl = [
      '$ curl -s http://localhost:8080/realms/Example/.well-known/openid-configuration',
      '{"error":"Realm does not exist"}',
    ].join('\n');
    expect(sure(curl)).toEqual(['keycloak:keycloak-realm-does-not-exist strong']);
    expect(firstLookup('keycloak realm does not exist')).toBe('keycloak:keycloak-realm-does-not-exist strong');
  });

  it('described in words', () => {
    expect(firstLookup('keycloak token issued on localhost rejected through public hostname')).toBe(
      'keycloak:invalid_issuer weak',
    );
    expect(firstLookup('keycloak authorization code rejected, the callback ran twice')).toBe(
      'keycloak:invalid_grant weak',
    );
    expect(firstLookup("keycloak 404 for the realm's well-known openid configuration")).toBe(
      'keycloak:keycloak-realm-does-not-exist weak',
    );
  });
});

describe('Duende IdentityServer and IdentityServer4', () => {
  it("the shared secret validator's debug line", () => {
    // written for this test
    expect(sure('2026-11-02 10:00:00.000 [DBG] No matching hashed secret found.')).toEqual([
      'duende:invalid_client strong',
    ]);
  });

  it('an unknown authorization code, in the structured log', () => {
    // written for this test
    const structured = [
      'fail: Duende.IdentityServer.Validation.TokenRequestValidator[0]',
      '      Invalid authorization code {"code": "***"}, details: {"ClientId": "web", "GrantType": "authorization_code", "AuthorizationCode": "***"}',
    ];
    expect(sure(structured.join('\n'))).toEqual(['duende:invalid_grant/authorization-code strong']);
  });

  it('described in words', () => {
    expect(firstLookup('identityserver code exchange fails with several instances and an in-memory grant store')).toBe(
      'duende:invalid_grant/authorization-code weak',
    );
  });

  it("the error page of the Quickstart UI and Duende's templates", () => {
    // written for this test
    const page = ['Error', 'Sorry, there was an error : unauthorized_client', 'Request Id: 0HMEXAMPLE0000:00000001'];
    expect(sure(page.join('\n'))).toEqual(['duende:unauthorized_client strong']);
  });
});

describe("Auth0's express-oauth2-jwt-bearer", () => {
  it('InvalidTokenError for the claims, and the WWW-Authenticate header it sends', () => {
    // written for this test
    const trace = [
      "InvalidTokenError: Unexpected 'aud' value",
      '    at /srv/api/node_modules/express-oauth2-jwt-bearer/dist/index.js:300:19',
    ].join('\n');
    expect(sure(trace)).toEqual(['auth0:invalid_token/express-oauth2-jwt-bearer strong']);
    // written for this test
    const header =
      'WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="Unexpected \'iss\' value"';
    expect(sure(header)).toEqual(['auth0:invalid_token/express-oauth2-jwt-bearer strong']);
  });

  it('the issuer metadata, the scopes and the configuration', () => {
    // written for this test
    const discovery = [
      'InvalidTokenError: Failed to fetch authorization server metadata',
      '    at /srv/api/node_modules/express-oauth2-jwt-bearer/dist/index.js:441:13',
    ].join('\n');
    expect(sure(discovery)).toEqual(['auth0:invalid_token/express-oauth2-jwt-bearer-discovery strong']);
    // written for this test
    const scope = [
      'InsufficientScopeError: Insufficient Scope',
      '    at /srv/api/node_modules/express-oauth2-jwt-bearer/dist/index.js:350:19',
    ].join('\n');
    expect(sure(scope)).toEqual(['auth0:insufficient_scope strong']);
    // written for this test
    expect(sure("AssertionError [ERR_ASSERTION]: An 'audience' is required to validate the 'aud' claim")).toEqual([
      'auth0:express-oauth2-jwt-bearer-config strong',
    ]);
  });

  it('described in words', () => {
    expect(
      firstLookup('auth0 express api route with requiredScopes returns 403 although the user has the permission'),
    ).toBe('auth0:insufficient_scope weak');
  });

  it("auth0.js's parseHash check keeps its reading", () => {
    expect(sure('parseHash error: {error: "invalid_token", errorDescription: "`state` does not match."}')).toEqual([
      'auth0:invalid_token/parse-hash strong',
    ]);
  });
});

describe('Okta', () => {
  it("the custom authorization server's access policies, described in words", () => {
    expect(firstLookup('okta client credentials token request denied no access policy rule')).toBe(
      'okta:access_denied/access-policy weak',
    );
    expect(firstLookup('okta custom authorization server denies users assigned to the app')).toBe(
      'okta:access_denied/access-policy weak',
    );
  });
});
