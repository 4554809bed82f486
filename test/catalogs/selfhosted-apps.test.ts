import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gitea (and Forgejo), MinIO and Harbor signing users in through an identity provider, as their errors show up in
// public issue threads: each sample is text people pasted there (the thread beside it; hosts, ids and secrets left
// as posted unless they identify someone), then ordinary lines with similar words that must not be read as these
// apps' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['gitea', 'minio', 'harbor']);

describe('Gitea as OAuth2 / OpenID Connect client', () => {
  it('the lost goth session of the callback, in the log of 1.10 and of 1.20', () => {
    // https://github.com/go-gitea/gitea/issues/9907
    expect(
      ours(
        'logging in via "OpenID Connect" results in a 500 page and the following log line: `[E] UserSignIn: could not find a matching session for this request`',
      ),
    ).toEqual(['gitea:gitea-oauth2-no-matching-session']);
    // https://github.com/go-gitea/gitea/issues/25542
    expect(
      ours(
        '...rs/web/auth/oauth.go:939:SignInOAuthCallback() [E] UserSignIn: could not find a matching session for this request',
      ),
    ).toEqual(['gitea:gitea-oauth2-no-matching-session']);
  });

  it('the OpenID Connect provider that could not be created, and the sign-in that follows', () => {
    // https://github.com/go-gitea/gitea/issues/9833
    const log =
      "2020/01/17 22:34:38 ...uth/oauth2/oauth2.go:173:createProvider() [W] Failed to create OpenID Connect Provider with name 'keycloak' with url 'https://auth.xeal.me': invalid character '<' looking for beginning of value";
    expect(ours(log)).toEqual(['gitea:gitea-openid-connect-provider-failed']);
    // https://github.com/go-gitea/gitea/issues/5380
    expect(ours('`[...routers/user/auth.go:520 SignInOAuth()] [E] SignIn: no provider for foo exists`')).toEqual([
      'gitea:gitea-oauth2-no-provider',
    ]);
  });
});

describe('Gitea as OAuth2 provider', () => {
  it("its token endpoint's descriptions, as the apps that sign in with Gitea print them", () => {
    // https://github.com/woodpecker-ci/woodpecker/issues/3302
    const woodpecker = [
      '12:33AM ERR cannot authenticate user error="oauth2: \\"unauthorized_client\\" \\"invalid empty client secret\\""',
      '2024/01/31 00:45:58 ...eb/routing/logger.go:102:func1() [I] router: completed POST /login/oauth/access_token for 172.17.30.64:38064, 400 Bad Request in 385.6ms @ auth/oauth.go:618(auth.AccessTokenOAuth)',
    ].join('\n');
    expect(confident(woodpecker)).toEqual(['oauth2:unauthorized_client', 'gitea:gitea-invalid-client-secret']);
    // https://github.com/go-gitea/gitea/issues/33956
    expect(
      ours(
        'When a confidential client tries to authenticate without Gitea throught PKCE the error `{"error":"unauthorized_client","error_description":"failed PKCE code challenge"}` is returned.',
      ),
    ).toEqual(['gitea:gitea-pkce-failed']);
  });

  it('looks up its descriptions and its names', () => {
    expect(best('Unregistered Redirect URI')).toBe('gitea:gitea-unregistered-redirect-uri');
    expect(best('PKCE is required for public clients')).toBe('gitea:gitea-pkce-required');
    expect(best('redirect_uri differs from the original authorization request')).toBe(
      'gitea:gitea-redirect-uri-differs',
    );
    expect(best('Only refresh_token or authorization_code grant type is supported')).toBe(
      'gitea:gitea-unsupported-grant-type',
    );
    expect(best('gitea-oauth2-token-too-long')).toBe('gitea:gitea-oauth2-token-too-long');
    expect(best('no valid provider found, check configured callback url in provider')).toBe(
      'gitea:gitea-no-valid-provider',
    );
  });

  it("does not read other servers' short sentences as Gitea's", () => {
    expect(ours('invalid empty client secret')).toEqual([]);
    expect(ours('{"error":"invalid_client","error_description":"invalid client secret"}')).toEqual([]);
    expect(ours('Unregistered Redirect URI')).toEqual([]);
    expect(ours('client is not authorized')).toEqual([]);
    expect(ours('error: token was already used')).toEqual([]);
    expect(ours('authorization code expired')).toEqual([]);
    expect(ours('Opengist: could not find a matching session for this request')).toEqual([]);
  });
});

describe('MinIO', () => {
  it('the policy claim refusal, in the Console and in a title', () => {
    // https://github.com/minio/minio/issues/15425
    expect(
      ours(
        'Error from IDP\nAn error occurred, please try again\nPolicy=configAdmin claim missing from the JWT token, credentials will not be generated',
      ),
    ).toEqual(['minio:minio-policy-claim-missing']);
    // https://github.com/minio/minio/issues/14061 (the title)
    expect(ours('Keycloak IDP, policy claim missing from the JWT token, credentials will not be generated')).toEqual([
      'minio:minio-policy-claim-missing',
    ]);
  });

  it('the LDAP server error, a wrapper of the LDAP lookup or bind failure', () => {
    // https://github.com/minio/minio/issues/13344
    const log = [
      'API: AssumeRoleWithLDAPIdentity()',
      'Error: LDAP server error: Unable to find user DN: User DN for minio not found (*fmt.wrapError)',
      '       3: cmd/sts-errors.go:58:cmd.writeSTSErrorResponse()',
    ].join('\n');
    expect(ours(log)).toEqual(['minio:minio-ldap-server-error']);
    // https://github.com/minio/operator/issues/2048 (the title and the start of its description)
    expect(
      ours(
        'LDAP server error: LDAP Result Code 200 "Network Error": EOF | Login getting failed with 401(Unauthorized) status code\n\n## Expected Behavior\nLogin to Minio console should be working fine with LDAP Identity provider.',
      ),
    ).toEqual(['minio:minio-ldap-server-error']);
    expect(ours('LDAP server error: connection refused')).toEqual([]);
  });

  it('looks up its sentences', () => {
    expect(best('STS JWT Token has `aud` claim invalid, `aud` must match configured OpenID Client ID')).toBe(
      'minio:minio-aud-claim-invalid',
    );
    expect(best('None of the given policies (`readwrite`) are defined, credentials will not be generated')).toBe(
      'minio:minio-policies-not-defined',
    );
    expect(best('STS JWT Token has `sub` claim missing, `sub` claim is mandatory')).toBe(
      'minio:minio-sub-claim-missing',
    );
    expect(best('access_token is mandatory if user_info claim is enabled')).toBe(
      'minio:minio-userinfo-access-token-required',
    );
    expect(best('LDAPUsername and LDAPPassword cannot be empty')).toBe('minio:minio-ldap-credentials-empty');
  });

  it("leaves AWS STS's codes and S3's refusals to their catalogs", () => {
    expect(ours('<Code>InvalidParameterValue</Code>')).toEqual([]);
    expect(ours('An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation')).toEqual([]);
    expect(ours('invalid login')).toEqual([]);
  });
});

describe('Harbor', () => {
  it("the state mismatch, in harbor-core's JSON answer (its log line beside it)", () => {
    // https://github.com/goharbor/harbor/issues/16942
    const paste = [
      '{"errors":[{"code":"BAD_REQUEST","message":"State mismatch"}]}',
      '',
      'In the core pod logs, I see the below error:',
      '',
      '2022-06-01T12:41:17Z [ERROR] [/core/controllers/oidc.go:75]: State mismatch, in session: %!s(<nil>), in url: w3hn0KgXLLO7WHqRgW3gTsrAZM7dlRoL',
    ].join('\n');
    expect(ours(paste)).toEqual(['harbor:harbor-oidc-state-rejected']);
    // https://github.com/goharbor/harbor/issues/17374
    expect(
      ours(
        'We acutally use the latest Harbor v2.5.3 on Openshift deployed with the Helm chart and we encouter an issue with OIDC login with this error {"errors":[{"code":"BAD_REQUEST","message":"State mismatch"}]}',
      ),
    ).toEqual(['harbor:harbor-oidc-state-rejected']);
  });

  it("the token exchange, a wrapper of the provider's refusal", () => {
    // https://github.com/goharbor/harbor-helm/issues/1878
    const log =
      'harbor-core-f7bcf4cb7-6vj7p core 2024-11-28T14:59:21Z [ERROR] [/core/controllers/oidc.go:118]: Failed to exchange token, error: oauth2: "unauthorized_client" "Invalid client or Invalid client credentials"';
    expect(ours(log)).toEqual(['harbor:harbor-oidc-token-exchange-failed']);
  });

  it('onboarding: the username claim and the conflict', () => {
    // https://github.com/goharbor/harbor/issues/16180
    expect(
      ours(
        '{"code":"INTERNAL_SERVER_ERROR","message":"unable to recover username for auto onboard, username claim: email"}',
      ),
    ).toEqual(['harbor:harbor-oidc-username-claim']);
    // https://github.com/goharbor/harbor/issues/12931
    expect(
      ours(
        `[{"code":"INTERNAL_SERVER_ERROR","message":"OIDC. Failed to recover Username from claim. Claim 'null' is invalid or not a string"}]}`,
      ),
    ).toEqual(['harbor:harbor-oidc-username-claim']);
    // https://github.com/goharbor/harbor/issues/9600
    expect(
      ours(
        'Second user login with oidc will see `Conflict in username, the user with same username has been onboarded.`',
      ),
    ).toEqual(['harbor:harbor-oidc-onboard-conflict']);
  });

  it("docker login with the CLI secret: the secret, the user and Harbor 1.9's auth mode", () => {
    // https://github.com/goharbor/harbor/issues/20729
    expect(
      ours(
        '[/server/middleware/security/oidc_cli.go:68][requestID="******"]: failed to verify secret, username: <USERNAME>, error: failed to verify the secret: secret mismatch, username: <USERNAME>',
      ),
    ).toEqual(['harbor:harbor-oidc-cli-secret-mismatch']);
    // https://github.com/goharbor/harbor/issues/18958
    expect(
      ours(
        `Jul 19 16:42:41 xxxxxxxx core[2104879]: 2023-07-19T16:42:41Z [ERROR] [/server/middleware/security/oidc_cli.go:62][requestID="1fc3f9c5-b2e3-4e0c-9c31-a6bee346b741"]: failed to verify secret, username: 'myname@mycompany.com', **error: failed to get oidc user info, error: <QuerySeter> no row found**`,
      ),
    ).toEqual(['harbor:harbor-oidc-cli-user-not-onboarded']);
    // https://github.com/goharbor/harbor/issues/9536
    expect(
      ours(
        '2019-10-22T22:54:36Z [ERROR] [/core/filter/security.go:422]: failed to authenticate owen.wolf: Unrecognized auth_mode: oidc_auth',
      ),
    ).toEqual(['harbor:harbor-oidc-unrecognized-auth-mode']);
  });

  it("the ID token check, with go-oidc's reason inside", () => {
    // https://github.com/goharbor/harbor/issues/12851
    const line =
      '2020-08-21T19:01:11Z [WARNING] [/server/middleware/security/idtoken.go:45][requestID="204df356-ce10-4c46-b8bd-42408b7318fd"]: failed to verify token: oidc: malformed jwt: square/go-jose: compact JWS format must have three parts';
    expect(confident(line)).toEqual(['harbor:harbor-oidc-verify-token-failed', 'go-oidc:oidc-malformed-jwt']);
  });

  it('looks up its messages', () => {
    expect(best('Conflict, the user with same username or email has been onboarded.')).toBe(
      'harbor:harbor-oidc-onboard-conflict',
    );
    expect(best('Failed to get OIDC user info from session')).toBe('harbor:harbor-oidc-onboard-session');
    expect(best('failed to get userinfo from both remote and ID token')).toBe('harbor:harbor-oidc-userinfo-failed');
  });

  it("does not read other programs' short sentences as Harbor's", () => {
    expect(ours('State mismatch')).toEqual([]);
    expect(ours('{"errors":[{"code":"BAD_REQUEST","message":"State mismatch"}]}')).toEqual([]);
    expect(ours('error: state mismatch in callback')).toEqual([]);
    expect(ours('secret mismatch')).toEqual([]);
    expect(ours('failed to verify token: token expired')).toEqual([]);
    expect(ours('unauthorized: authentication required')).toEqual([]);
  });
});
