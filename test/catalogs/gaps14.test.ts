import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the go-oidc, Keycloak, Clerk, Yandex, TikTok, Nextcloud and Duende catalogs: each sample is text
// people pasted in a public thread (the thread above it) or, where no usable thread shows the error, the text as the
// library's own source writes it.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('go-oidc v1 wording', () => {
  it('"oidc: unable to verify JWT signature: no matching keys" in kube-apiserver and Teleport logs', () => {
    // https://github.com/coreos/tectonic-installer/issues/954
    expect(
      confident(
        'Note the error: `Unable to authenticate the request due to an error: [invalid bearer token, [crypto/rsa: verification error, oidc: unable to verify JWT signature: no matching keys]]`',
      ),
    ).toContain('go-oidc:oidc-signature-invalid');
    // https://github.com/gravitational/teleport/pull/32287
    expect(confident('Failed to verify JWT: oidc: unable to verify JWT signature: no matching keys')).toEqual([
      'go-oidc:oidc-signature-invalid',
    ]);
  });
});

describe("Keycloak's TokenVerifier issuer check", () => {
  it('"Invalid token issuer. Expected ..." with and without the token\'s own issuer', () => {
    // https://github.com/keycloak/keycloak/issues/27627
    expect(
      confident(
        `2024-03-06 17:05:31,438 WARN  [org.keycloak.events] (executor-thread-2) type="EXECUTE_ACTION_TOKEN_ERROR", realmId="07b72171-29b7-44f8-b1b9-855c2d6e9f65", clientId="null", userId="7c612117-8e5c-41b0-a1f0-4388668a1c14", ipAddress="172.18.0.8", error="invalid_request", reason="Invalid token issuer. Expected 'https://test23.localhost/realms/test23'", token_id="a0679d83-6b7b-4079-9fc9-7703a9399cf6", action="ext-magic-link"`,
      ),
    ).toContain('keycloak:invalid_issuer');
    // https://github.com/thomasdarimont/spring-boot-keycloak-server-example/issues/17
    expect(
      confident(
        `WWW-Authenticate: Bearer realm="sample", error="invalid_token", error_description="Invalid token issuer. Expected 'http://keycloak:8080/auth/realms/sample', but was 'http://keycloak/auth/realms/sample'"`,
      ),
    ).toContain('keycloak:invalid_issuer');
  });
});

describe('clerk-js in the browser', () => {
  it('"ClerkJS: Token has expired (exp=...)" is its own error, not the backend verification one', () => {
    // https://github.com/clerk/javascript/blob/main/packages/clerk-js/src/core/errors.ts (clerkCoreErrorExpiredToken,
    // as Next.js shows an unhandled rejection of it)
    expect(
      confident(['Unhandled Runtime Error', "Error: ClerkJS: Token has expired (exp='1700000000')."].join('\n')),
    ).toEqual(['clerk:clerkjs-token-expired']);
  });
});

describe('Yandex OAuth authorization page', () => {
  it('"Unknown client with such client_id" is Yandex\'s unknown client', () => {
    // https://github.com/python-social-auth/social-app-django/issues/378 (its title)
    expect(bestOf(resolver, '400 Unknown client with such client_id')).toBe('yandex:invalid_client');
    // https://yandex.com/dev/id/doc/en/codes/code-url (the authorize request) with the page's sentence as
    // https://github.com/rclone/rclone/issues/3334 quotes it
    expect(
      confident(
        [
          'GET https://oauth.yandex.ru/authorize?response_type=code&client_id=a1b2c3d4e5',
          '400',
          '"Unknown client with such client_id"',
        ].join('\n'),
      ),
    ).toEqual(['yandex:invalid_client']);
  });
});

describe('TikTok Login Kit authorize page', () => {
  it('"We couldn\'t log in with TikTok. This may be due to specific app settings."', () => {
    // https://github.com/cuongdevjs/reactjs-social-login/issues/152
    expect(
      confident(
        [
          '@dzbrozek  please can you explain the problem you way facing? Was it  this ?',
          "We couldn't log in with TikTok. This may be due to specific app settings.",
          '',
          "If you're a developer, correct the following and try again:",
          '',
          'redirect_uri',
          'Refer to our [Developer Documentation](https://developers.tiktok.com/doc) for more information',
        ].join('\n'),
      ),
    ).toEqual(['tiktok:tiktok-login-page-app-settings']);
  });
});

describe('Nextcloud Login Flow page', () => {
  it('the "Access forbidden" heading with "State token does not match" names the error without another clue', () => {
    // https://github.com/nextcloud/desktop/issues/1284 (its title)
    expect(confident('Access forbidden State token does not match')).toEqual([
      'nextcloud:nextcloud-login-flow-state-token',
    ]);
    // https://github.com/nextcloud/desktop/issues/1682
    expect(confident('9. An error page is shown: "Access forbidden. State token does not match"')).toEqual([
      'nextcloud:nextcloud-login-flow-state-token',
    ]);
    // The heading alone is every web server's
    expect(confident('403 Access forbidden')).toEqual([]);
  });
});

describe('IdentityServer authorize request validation log', () => {
  it('"Start authorize request protocol validation" attributes the next "Invalid redirect_uri" line', () => {
    // https://github.com/IdentityServer/IdentityServer3/issues/3485
    const log = [
      'w3wp.exe Information: 0 : 2017-01-25 10:29:08.447 -06:00 [Information] End authorize request',
      'w3wp.exe Information: 0 : 2017-01-25 10:29:12.451 -06:00 [Information] Start authorize request',
      'w3wp.exe Information: 0 : 2017-01-25 10:29:12.451 -06:00 [Information] Start authorize request protocol validation',
      'w3wp.exe Error: 0 : 2017-01-25 10:29:12.451 -06:00 [Error] "Invalid redirect_uri: http://localhost:4200/"',
    ].join('\n');
    expect(confident(log)).toEqual(['duende:invalid_request']);
    // Without it the short line is no sure finding
    expect(confident(log.split('\n').slice(3).join('\n'))).toEqual([]);
  });
});
