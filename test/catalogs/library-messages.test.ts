import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/findings.js';
import { bestOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// The runtime messages of open-source token libraries and auth plugins, as their logs print them: each
// line below holds a message the library formats (values filled in), written here in the shape such
// logs take, and must name its entry with a sure (not weak) finding.
const resolver = useShippedResolver();

const sure = (text: string): Finding[] => resolver.scan(text).findings.filter((f) => f.confidence !== 'weak');
const keys = (text: string) => sure(text).map((f) => f.entry?.key ?? `${f.provider}:${f.code}`);

/**
 * The entry `key` is among the sure findings of `text`: `exact` where the line also carries the error's own
 * code (RPError, IDX20108, PyJWKSetError), `strong` where the message alone names it.
 */
function expectFinding(text: string, provider: string, code: string, key = `${provider}:${code}`) {
  const found = sure(text);
  expect(found.map((f) => f.entry?.key)).toContain(key);
  const finding = found.find((f) => f.entry?.key === key);
  expect(finding).toMatchObject({ provider, code });
  expect(['exact', 'strong']).toContain(finding?.confidence);
  return finding;
}

describe('go-oidc and the kubeconfig oidc auth-provider', () => {
  it("kubectl's refresh failures through the legacy oidc auth-provider", () => {
    expectFinding(
      'Unable to connect to the server: failed to refresh token: oauth2: cannot fetch token: 400 Bad Request\nResponse: {"error":"invalid_grant","error_description":"Token is not active"}',
      'go-oidc',
      'oidc-kubeconfig-refresh-failed',
    );
    expectFinding(
      'E1206 09:41:27.118842   48213 memcache.go:265] couldn\'t get current server API group list: Get "https://10.20.0.4:6443/api?timeout=32s": No valid id-token, and cannot refresh without refresh-token',
      'go-oidc',
      'oidc-kubeconfig-no-refresh-token',
    );
    expectFinding(
      `Unable to connect to the server: token response did not contain an id_token, either the scope "openid" wasn't requested upon login, or the provider doesn't support id_tokens as part of the refresh response`,
      'go-oidc',
      'oidc-kubeconfig-refresh-no-id-token',
    );
  });

  it('a discovery URL that answers HTML, and a verifier without a client id', () => {
    const discovery = `time="2026-12-06T08:12:44Z" level=fatal msg="creating OIDC provider" error="oidc: failed to decode provider discovery object: expected Content-Type = application/json, got \\"text/html; charset=utf-8\\": invalid character '<' looking for beginning of value"`;
    expectFinding(discovery, 'go-oidc', 'oidc-discovery-failed');
    expect(keys(discovery)).toEqual(['go-oidc:oidc-discovery-failed']);
    expectFinding(
      '2026/12/06 08:15:02 verify id token: oidc: invalid configuration, clientID must be provided or SkipClientIDCheck must be set',
      'go-oidc',
      'oidc-client-id-missing',
    );
  });

  it('another Go program failing to refresh a token is not the kubeconfig auth-provider', () => {
    const other =
      'level=warn ts=2026-12-06T08:20:11Z caller=cache.go:88 msg="failed to refresh token: context deadline exceeded"';
    expect(keys(other).filter((key) => key.startsWith('go-oidc:'))).toEqual([]);
  });
});

describe('jose: key TypeErrors in the wording of versions 4, 5 and 6', () => {
  it('each version names the same entry', () => {
    const v4Edge = [
      ' ⨯ Error [TypeError]: Key for the RS256 algorithm must be of type CryptoKey. Received an instance of Uint8Array',
      '    at asymmetricTypeCheck (webpack-internal:///(middleware)/./node_modules/jose/dist/browser/lib/check_key_type.js:32:15)',
    ].join('\n');
    expectFinding(v4Edge, 'jose', 'invalid-key-input');
    expectFinding(
      'TypeError: Key for the HS256 algorithm must be one of type KeyObject, CryptoKey, Uint8Array, or JSON Web Key.',
      'jose',
      'invalid-key-input',
    );
    expectFinding(
      '[auth] token check failed: TypeError: Key for the ES256 algorithm must be one of type CryptoKey, KeyObject, or JSON Web Key. Received an instance of Buffer',
      'jose',
      'invalid-key-input',
    );
  });

  it('a PEM of the wrong kind, typed whole or pasted', () => {
    expectFinding('Error: TypeError: "pkcs8" must be PKCS#8 formatted string', 'jose', 'key-import-format');
    expect(bestOf(resolver, 'Key for the RS256 algorithm must be of type CryptoKey')).toBe('jose:invalid-key-input');
  });
});

describe('openid-client, jsonwebtoken, PyJWT', () => {
  it("openid-client v5's discovery issuer check", () => {
    expectFinding(
      'RPError: discovered issuer mismatch, expected https://sso.example.org/realms/shop/, got: https://sso.example.org/realms/shop',
      'openid-client',
      'RPError',
      'openid-client:RPError@discovery-issuer',
    );
  });

  it("openid-client 1.x and 2.x's ID token time checks, typed as they were printed", () => {
    for (const query of ['id_token issued in the future', 'id_token expired', 'id_token not active yet']) {
      expect(bestOf(resolver, query), query).toBe('openid-client:RPError');
    }
  });

  it("RPError with its message cut where the message's first clause ends names that check", () => {
    // As logged by apps that print only the start of the message ("Error while exchanging OIDC code: RPError:
    // iss mismatch"): too short to be read as a message cut short, but said right after the code.
    expectFinding(
      'Error while exchanging OIDC code: RPError: iss mismatch',
      'openid-client',
      'RPError',
      'openid-client:RPError@issuer',
    );
    expectFinding('RPError: nonce mismatch', 'openid-client', 'RPError', 'openid-client:RPError@nonce');
    // A clause no reading opens leaves the reading the code has alone.
    expect(sure('RPError: something else went wrong').map((f) => f.entry?.key)).toEqual([
      'openid-client:RPError@state',
    ]);
  });

  it('jwt.sign() without a secret, with its stack frame', () => {
    const text = [
      'Error: secretOrPrivateKey must have a value',
      '    at module.exports [as sign] (/srv/api/node_modules/jsonwebtoken/sign.js:111:20)',
      '    at AuthService.issue (/srv/api/dist/auth/auth.service.js:41:26)',
    ].join('\n');
    expectFinding(text, 'jsonwebtoken', 'sign-secret-missing');
  });

  it("PyJWKClient's key set without cryptography", () => {
    expectFinding(
      "jwt.exceptions.PyJWKSetError: The JWK Set did not contain any usable keys. Perhaps 'cryptography' is not installed?",
      'pyjwt',
      'PyJWKSetError',
    );
  });
});

describe('Vault JWT/OIDC and Kubernetes auth methods', () => {
  it('a JWT role written without role_type', () => {
    const cli = [
      'Error writing data to auth/jwt/role/gitlab-deploy: Error making API request.',
      '',
      'URL: PUT https://vault.example.internal:8200/v1/auth/jwt/role/gitlab-deploy',
      'Code: 400. Errors:',
      '',
      "* 'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified.",
    ].join('\n');
    expectFinding(cli, 'vault', 'role-redirect-uris-required');
  });

  it("Kubernetes auth's TokenReview refusals", () => {
    const agent =
      '2026-12-06T08:31:05.402Z [ERROR] agent.auth.handler: error authenticating: error="Error making API request.\n\nURL: PUT http://vault.vault.svc:8200/v1/auth/kubernetes/login\nCode: 403. Errors:\n\n* lookup failed: service account unauthorized; this could mean it has been deleted or recreated with a new token" backoff=1.5s';
    expectFinding(agent, 'vault', 'kubernetes-reviewer-unauthorized');
    expectFinding(
      '* lookup failed: service account jwt valid for audience(s) [https://kubernetes.default.svc.cluster.local], but wanted [vault]',
      'vault',
      'kubernetes-audience-invalid',
    );
  });
});

describe('Spring Security and IdentityModel', () => {
  it('an at+jwt access token refused by the decoder', () => {
    const header =
      'WWW-Authenticate: Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: JOSE header typ (type) at+jwt not allowed", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"';
    expectFinding(header, 'spring-security', 'invalid_token', 'spring-security:invalid_token@typ');
  });

  it('an http metadata address, with its code and without it', () => {
    const message =
      "The address specified 'http://keycloak:8080/realms/shop/.well-known/openid-configuration' is not valid as per HTTPS scheme. Please specify an https address for security reasons. If you want to test with http address, set the RequireHttps property  on IDocumentRetriever to false. (Parameter 'address')";
    expectFinding(`System.ArgumentException: IDX20108: ${message}`, 'identitymodel', 'IDX20108');
    // Without the code, the message alone names it.
    expect(expectFinding(`System.ArgumentException: ${message}`, 'identitymodel', 'IDX20108')).toMatchObject({
      confidence: 'strong',
      method: 'template',
    });
  });
});

describe('keycloak-js', () => {
  it('the adapter timing out on its third-party cookie check', () => {
    expectFinding(
      'main.ts:14 Failed to initialize adapter: Error: Timeout when waiting for 3rd party check iframe message.',
      'keycloak',
      'keycloak-js-3p-cookie-check-timeout',
    );
  });
});
