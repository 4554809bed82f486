import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Grafana's OAuth login, passport-openidconnect and Nextcloud's OpenID Connect apps, as their errors show up in
// public issue threads: each sample is text people pasted there (the thread beside it; hosts, ids and secrets left
// as posted unless they identify someone), then ordinary lines with similar words that must not be read as these
// apps' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['grafana', 'passport-openidconnect', 'nextcloud']);

describe('Grafana', () => {
  it("the token exchange failure of Grafana 10+ lists the wrapper and the provider's error inside it", () => {
    // https://github.com/grafana/grafana/issues/119185
    const line =
      'msg="Failed to authenticate request" client=auth.client.generic_oauth error="[auth.oauth.token.exchange] failed to exchange code to token: oauth2: \\"invalid_grant\\""';
    const found = confident(line);
    expect(found).toContain('grafana:auth.oauth.token.exchange');
    expect(found).toContain('oauth2:invalid_grant');
    // https://github.com/goauthentik/authentik/issues/14695 (what the login page shows)
    expect(confident('Login failed\nFailed to get token from provider')).toEqual(['grafana:auth.oauth.token.exchange']);
  });

  it('login.OAuthLogin(NewTransportWithCode) before Grafana 10, with what golang.org/x/oauth2 reported', () => {
    // https://github.com/lets-fiware/FIWARE-Big-Bang/issues/2
    const log =
      'Sep  2 14:49:49 FIWARE [grafana][1421]: t=2021-09-02T05:49:49+0000 lvl=eror msg=login.OAuthLogin(NewTransportWithCode) logger=context userId=0 orgId=0 uname= error="oauth2: cannot fetch token: 400 Bad Request\\nResponse: \\"Invalid scope: Requested scope is invalid\\""';
    expect(ours(log)).toEqual(['grafana:auth.oauth.token.exchange']);
    expect(confident(log)).toContain('oauth-clients:RetrieveError');
    // https://github.com/grafana/grafana/issues/41247
    const missing =
      't=2021-11-03T10:58:20+0000 lvl=eror msg=login.OAuthLogin(NewTransportWithCode) logger=context userId=0 orgId=0 uname= error="oauth2: server response missing access_token"';
    expect(confident(missing)).toEqual([
      'oauth-clients:go-oauth2-missing-access-token',
      'grafana:auth.oauth.token.exchange',
    ]);
  });

  it('the user info failure, in the authn service log and in the older login.OAuthLogin line', () => {
    // https://github.com/grafana/grafana/issues/89897
    const log = [
      'logger=oauth.generic_oauth t=2024-07-01T17:21:39.5085799+08:00 level=error msg="Error getting email address" url=http://localhost:4444/userinfo/emails error="unsuccessful response status code 404: 404 page not found\\n"',
      'logger=authn.service t=2024-07-01T17:21:39.5091394+08:00 level=error msg="Failed to authenticate request" client=auth.client.generic_oauth error="[auth.oauth.userinfo.error] failed to get user info: Error getting email address: unsuccessful response status code 404: 404 page not found\\n"',
    ].join('\n');
    expect(ours(log)).toEqual(['grafana:auth.oauth.userinfo.error']);
    // https://github.com/grafana/grafana/issues/9499
    const old =
      'EROR[10-11|17:02:37] login.OAuthLogin(get info from generic_oauth) logger=context userId=0 orgId=0 uname= error="Error getting user info: Get http://localhost:5000/OAuth/UserInfo: oauth2: token expired and refresh token is not set"';
    expect(confident(old)).toEqual([
      'oauth-clients:go-oauth2-refresh-token-not-set',
      'grafana:auth.oauth.userinfo.error',
    ]);
  });

  it('the group requirement, as the connector says it inside the user info failure and alone', () => {
    // https://github.com/grafana/grafana/issues/31366
    const azure =
      't=2021-02-20T07:57:36+0000 lvl=eror msg="login.OAuthLogin(get info from azuread)" logger=context userId=0 orgId=0 uname= error="user not a member of one of the required groups"';
    expect(confident(azure)).toEqual(['grafana:grafana-missing-group-membership']);
    // https://github.com/grafana/grafana/issues/26519
    expect(
      confident('vl=eror msg="User not a member of one of the required groups" logger=context userId=0 orgId=0 uname='),
    ).toEqual(['grafana:grafana-missing-group-membership']);
  });

  it("the state cookie's errors, the email and the user sync", () => {
    // https://github.com/grafana/grafana/issues/19556
    expect(
      confident(
        'Okta authenticates and redirect request to grafana, where I hosted it, But, it shows following error:\nlogin.OAuthLogin(missing saved state)',
      ),
    ).toEqual(['grafana:auth.oauth.state.missing']);
    // https://github.com/grafana/grafana/issues/7996 (the title)
    expect(confident('[BUG]login.OAuthLogin(state mismatch)')).toEqual(['grafana:auth.oauth.state.invalid']);
    // https://github.com/grafana-cold-storage/grafana-docker/issues/180
    expect(confident("We receive this error message : Login provider didn't return an email address.")).toEqual([
      'grafana:auth.oauth.email.missing',
    ]);
    // https://github.com/grafana/grafana/issues/97333
    expect(
      confident(
        'when logging out of Grafana and attempting to automatically log in again, the Grafana login page displays an error message: "Login failed. User sync failed."',
      ),
    ).toEqual(['grafana:user.sync.internal']);
  });

  it('looks up the message ids, the older messages and the public messages', () => {
    expect(best('auth.oauth.state.missing')).toBe('grafana:auth.oauth.state.missing');
    expect(best('auth.oauth.token.exchange')).toBe('grafana:auth.oauth.token.exchange');
    expect(best('oauth.role_attribute_strict_violation')).toBe('grafana:oauth.role_attribute_strict_violation');
    expect(best('login.OAuthLogin(missing saved state)')).toBe('grafana:auth.oauth.state.missing');
    expect(best('Login provider denied login request')).toBe('grafana:oauth.login');
    expect(best('IdP did not return a role attribute, please contact your administrator')).toBe(
      'grafana:oauth.role_attribute_strict_violation',
    );
    expect(best('AzureAD OAuth: audience mismatch')).toBe('grafana:grafana-azuread-audience-mismatch');
    expect(best('User sync failed grafana')).toBe('grafana:user.sync.internal');
  });

  it("does not read other software's short sentences as Grafana's", () => {
    expect(ours('Sign up is disabled')).toEqual([]);
    expect(ours('Sign up is disabled until further notice.')).toEqual([]);
    expect(ours('User sync failed for 3 records')).toEqual([]);
    expect(ours('user email is not verified')).toEqual([]);
    expect(ours('Failed to get token')).toEqual([]);
    expect(ours('error: missing state cookie')).toEqual([]);
    expect(ours('Login failed')).toEqual([]);
  });
});

describe('passport-openidconnect', () => {
  it('the session state refusal and the missing session middleware', () => {
    // https://github.com/jaredhanson/passport-openidconnect/issues/76 (the title)
    expect(
      confident(
        'Unable to verify authorization request state. when I hit the auth routes by redirecting from a page but when I try again by redirecting to auth route from the page the auth works successfully',
      ),
    ).toEqual(['passport-openidconnect:passport-openidconnect-state-unverified']);
    // https://github.com/jaredhanson/passport-google-openidconnect/issues/8
    expect(
      confident(
        '{"status":"error","message":"OpenID Connect requires session support. Did you forget to use `express-session` middleware?"}',
      ),
    ).toEqual(['passport-openidconnect:passport-openidconnect-session-required']);
  });

  it("the older issuer check's wording, in a fork of 0.0.x", () => {
    // https://github.com/onelogin/onelogin-oidc-node/issues/12
    expect(
      confident(
        '**id token not issued by correct OpenID provider - expected: https://myapp.onelogin.com/oidc | from: https://openid-connect-eu.onelogin.com/oid**',
      ),
    ).toEqual(['passport-openidconnect:passport-openidconnect-issuer-mismatch']);
  });

  it("its InternalOAuthError is passport-oauth2's entry, not a second one", () => {
    // https://github.com/jaredhanson/passport-openidconnect/issues/69 (the title)
    expect(confident('InternalOAuthError: failed to obtain access token passport-openidconnect')).toEqual([
      'oauth-clients:InternalOAuthError',
    ]);
  });

  it('looks up its messages, and its short ones near its name', () => {
    expect(best('Unable to verify authorization request state.')).toBe(
      'passport-openidconnect:passport-openidconnect-state-unverified',
    );
    expect(best('ID token not intended for this relying party.')).toBe(
      'passport-openidconnect:passport-openidconnect-audience-mismatch',
    );
    expect(best('ID token not present in token response')).toBe(
      'passport-openidconnect:passport-openidconnect-no-id-token',
    );
    expect(
      ours(
        'Error at OpenIDConnectStrategy (node_modules/passport-openidconnect/lib/strategy.js): ID token has expired.',
      ),
    ).toEqual(['passport-openidconnect:passport-openidconnect-id-token-expired']);
  });

  it("does not read other libraries' expiry and state sentences as its own", () => {
    expect(ours('ID token has expired.')).toEqual([]);
    expect(ours('The token has expired.')).toEqual([]);
    expect(ours('Invalid authorization request state.')).toEqual([]);
    expect(ours('Failed to parse user profile')).toEqual([]);
  });
});

describe('Nextcloud OpenID Connect apps', () => {
  it("user_oidc's state, reachability and token endpoint failures", () => {
    // https://github.com/nextcloud/user_oidc/issues/916 (the title)
    expect(confident('OIDC with Synology SSO: "The received state does not match the expected value."')).toEqual([
      'nextcloud:nextcloud-oidc-state-rejected',
    ]);
    // https://github.com/nextcloud/user_oidc/issues/555 (the title)
    expect(
      confident('Nextcloud claims "Could not reach the OpenID Connect provider.", keycloak logs says ClientID=null'),
    ).toEqual(['nextcloud:nextcloud-oidc-provider-unreachable']);
    // https://github.com/nextcloud/user_oidc/issues/397
    const log =
      '{"reqId":"SEnExddueseem0lfadLY","level":2,"time":"2022-05-20T01:01:01+00:00","remoteAddr":"10.x.x.x","user":"--","app":"no app in context","method":"GET","url":"/apps/user_oidc/login/1","message":"Host 192.168.x.x was not connected to because it violates local access rules","userAgent":"Mozilla/5.0"}';
    expect(confident(log)).toEqual(['nextcloud:nextcloud-local-access-rules']);
    // https://github.com/nextcloud/user_oidc/issues/981: the provider's refusal after the colon is answered too
    const relayed =
      "\"Failed to contact the OIDC provider token endpoint: Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method). The request was determined to be using 'token_endpoint_auth_method' method 'client_secret_post', however the OAuth 2.0 client registration does not allow this method.\"";
    const found = confident(relayed);
    expect(found).toContain('nextcloud:nextcloud-oidc-token-endpoint-failed');
    expect(found).toContain('oauth2:invalid_client');
  });

  it("the oidc provider app's redirect URI and client refusals, and its Basic auth warning", () => {
    // https://github.com/H2CK/oidc/issues/550
    expect(
      confident(
        'Access forbidden\nThe received redirect URI is not accepted to connect. Please inform the administrator of your client.',
      ),
    ).toEqual(['nextcloud:nextcloud-oidc-provider-redirect-uri-not-accepted']);
    expect(
      confident(
        'Redirect URI http://DOMAINNAM/sso/OID/redirect/PROVIDERNAME is not accepted for client zwOi8QsWU9AVEoz',
      ),
    ).toEqual(['nextcloud:nextcloud-oidc-provider-redirect-uri-not-accepted']);
    // https://github.com/H2CK/oidc/issues/11 (the title)
    expect(confident('Nextcloud says "Your client is not authorized to connect."')).toEqual([
      'nextcloud:nextcloud-oidc-provider-client-not-authorized',
    ]);
    // https://github.com/H2CK/oidc/issues/545
    const warning = [
      '[oidc] Warning: OIDCIdentityProvider BasicAuthBackend: RequestUri was: /<myNCpath>/index.php/token',
      'Allowed is only the token endpoint: /<myNCpath>/apps/oidc/token',
    ].join('\n');
    expect(confident(warning)).toEqual(['nextcloud:nextcloud-oidc-provider-basic-auth-path']);
  });

  it("Login Flow v2's state token, only beside Nextcloud", () => {
    // https://github.com/nextcloud/talk-ios/issues/1852
    expect(
      ours(
        'Try to login using the OIDC provider configured using the OpenID Connect User Backend app\nI got an error saying "State token does not match"',
      ),
    ).toEqual(['nextcloud:nextcloud-login-flow-state-token']);
    expect(ours('I got an error saying "State token does not match"')).toEqual([]);
  });

  it('looks up the messages', () => {
    expect(best('The received state does not match the expected value.')).toBe(
      'nextcloud:nextcloud-oidc-state-rejected',
    );
    expect(best('The audience does not match ours')).toBe('nextcloud:nextcloud-oidc-audience-mismatch');
    expect(best('Failed to contact the OIDC provider token endpoint')).toBe(
      'nextcloud:nextcloud-oidc-token-endpoint-failed',
    );
    expect(best('expired_client')).toBe('nextcloud:nextcloud-oidc-provider-client-expired');
    expect(best('Authorization code has already been used.')).toBe('nextcloud:nextcloud-oidc-provider-grant-invalid');
  });

  it("does not read other programs' short sentences as Nextcloud's", () => {
    expect(ours('User conflict')).toEqual([]);
    expect(ours('User conflict detected in the LDAP import')).toEqual([]);
    expect(ours('The nonce does not match')).toEqual([]);
    expect(ours('Access forbidden')).toEqual([]);
    expect(ours('Could not reach the server.')).toEqual([]);
    expect(ours('state does not match')).toEqual([]);
  });
});
