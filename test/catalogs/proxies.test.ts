import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gateways and proxies that verify tokens in front of apps: Envoy's jwt_authn filter as Istio's RequestAuthentication
// configures it, OAuth2 Proxy, and the Kubernetes API server's token authentication as kube-apiserver and kubectl show
// it. Each sample is text people pasted in a public thread (cited above it; tokens redacted, long logs cut), then
// ordinary lines with the same plain words that must not be read as these tools' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['envoy', 'oauth2-proxy', 'kubernetes']);

describe('Envoy jwt_authn / Istio', () => {
  it('reads the filter debug log of a kid that no key matches', () => {
    // https://github.com/envoyproxy/envoy/issues/24785
    const log = [
      '2023-01-06T11:21:12.846645Z     debug   envoy jwt       origins-0: Verifying JWT token of issuer http://host.docker.internal:8000',
      "2023-01-06T11:21:12.846671Z     debug   envoy jwt       origins-0: JWT token verification completed with: Jwks doesn't have key to match kid or alg from Jwt",
      "2023-01-06T11:21:12.846676Z     debug   envoy jwt       Jwt authentication completed with: Jwks doesn't have key to match kid or alg from Jwt",
    ].join('\n');
    expect(confident(log)).toEqual(['envoy:JwksKidAlgMismatch']);
  });

  it('reads a failed remote JWKS fetch in the filter log', () => {
    // https://github.com/envoyproxy/envoy/issues/26500 (its title) in the filter's log format of
    // https://github.com/envoyproxy/envoy/issues/41891 (a line composed of the two)
    const log =
      '[2025-11-07 04:23:48.934][74][debug][jwt] [source/extensions/filters/http/jwt_authn/authenticator.cc:325] jwt_auth: Jwt authentication completed with: Jwks remote fetch is failed';
    expect(confident(log)).toEqual(['envoy:JwksFetchFail']);
  });

  it("reads istiod's jwksUri fetch failure and the listener rejected for a bad RSA key", () => {
    // https://github.com/istio/istio/issues/37456
    const istiod =
      '2022-02-18T11:36:54.335484Z error model Failed to fetch jwt public key from issuer "https://authentication.example.se/", jwks uri "{jwksuri}": Get "{jwksuri}": dial tcp: lookup curity-runtime.ia-pr-7419-authentication.svc on 10.43.0.10:53: no such host';
    expect(confident(istiod)).toEqual(['envoy:istiod-jwks-fetch-failed']);
    // https://github.com/istio/istio/issues/41729
    const rejected =
      "envoy config\tgRPC config for type.googleapis.com/envoy.config.listener.v3.Listener rejected: Error adding/updating listener(s) virtualInbound: Provider 'origins-0' in jwt_authn config has invalid local jwks: Jwks RSA [n] or [e] field is missing or has a parse error";
    expect(confident(rejected)).toEqual(['envoy:JwksRsaParseError']);
  });

  it('reads "Jwt issuer is not configured" beside the RequestAuthentication it came from', () => {
    // https://github.com/istio/istio/issues/40718
    const issue = [
      'When my app , which is in it\'s own namespace, is loading it gets block on the gateway with this error "Jwt issuer is not configured".',
      'apiVersion: security.istio.io/v1beta1',
      'kind: RequestAuthentication',
    ].join('\n');
    expect(confident(issue)).toEqual(['envoy:JwtUnknownIssuer']);
  });

  it('reads the short statuses and RBAC: access denied only near an Envoy or Istio clue', () => {
    // https://github.com/istio/istio/issues/31439
    const rbac = [
      '$ kubectl exec -it deployment/sleep -- curl http://httpbin:8000/ip',
      'RBAC: access denied',
      'requestauthentication.security.istio.io/jwt-example created',
    ].join('\n');
    expect(confident(rbac)).toEqual(['envoy:envoy-rbac-access-denied']);
    // Lines of ours: the short statuses beside a clue on their own line
    expect(confident('istio ingressgateway answers 401 Jwt is missing')).toEqual(['envoy:JwtMissed']);
    expect(confident('envoy jwt_authn answers 401 with the body: Jwt is expired')).toEqual(['envoy:envoy-jwt-expired']);
  });

  it('looks up the statuses by their text and enum names', () => {
    expect(best('Jwt issuer is not configured')).toBe('envoy:JwtUnknownIssuer');
    expect(best("Jwks doesn't have key to match kid or alg from Jwt")).toBe('envoy:JwksKidAlgMismatch');
    expect(best('Audiences in Jwt are not allowed')).toBe('envoy:JwtAudienceNotAllowed');
    expect(best('Jwks remote fetch is failed')).toBe('envoy:JwksFetchFail');
    expect(best('Jwt is missing')).toBe('envoy:JwtMissed');
    expect(best('JwtMissed')).toBe('envoy:JwtMissed');
    expect(best('Jwt is expired istio')).toBe('envoy:envoy-jwt-expired');
    expect(best('RBAC: access denied')).toBe('envoy:envoy-rbac-access-denied');
  });
});

describe('OAuth2 Proxy', () => {
  it('answers the provider error inside "Error redeeming code during OAuth2 callback"', () => {
    // https://github.com/oauth2-proxy/oauth2-proxy/issues/1700
    const log =
      '[oauthproxy.go:753] Error redeeming code during OAuth2 callback: no access token found {"error":"unauthorized_client","error_description":"Invalid client secret"}';
    expect(confident(log)[0]).toBe('oauth2:unauthorized_client');
    expect(confident(log)).toContain('oauth2-proxy:oauth2-proxy-redeem-failed');
    // https://github.com/oauth2-proxy/oauth2-proxy/issues/1461
    const timeout =
      '[2022/08/23 13:06:36] [oauthproxy.go:768] Error redeeming code during OAuth2 callback: error performing request: Post "https://github.com/login/oauth/access_token": dial tcp: i/o timeout';
    expect(ours(timeout)).toEqual(['oauth2-proxy:oauth2-proxy-redeem-failed']);
  });

  it('reads the CSRF cookie and session cookie lines, old and new wordings', () => {
    // https://github.com/oauth2-proxy/oauth2-proxy/issues/360
    const old = [
      '[2020/01/21 16:57:33] [oauthproxy.go:850] Error loading cookied session: Cookie "_oauth2_proxy" not present',
      '10.16.1.11 - mike_sirs@sirs.com [2020/01/21 16:57:44] [AuthFailure] Invalid authentication via OAuth2: unable too obtain CSRF cookie',
    ].join('\n');
    expect(confident(old).sort()).toEqual([
      'oauth2-proxy:oauth2-proxy-csrf-cookie-missing',
      'oauth2-proxy:oauth2-proxy-load-session',
    ]);
    // https://github.com/oauth2-proxy/oauth2-proxy/issues/2216
    const page =
      'Getting a 403 response: "http: named cookie not present" and in Oauth2-Proxy logs: AuthFailure Invalid authentication via OAuth2: unable to obtain CSRF cookie';
    expect(confident(page)).toEqual(['oauth2-proxy:oauth2-proxy-csrf-cookie-missing']);
  });

  it('looks up its messages', () => {
    expect(best('unable to obtain CSRF cookie')).toBe('oauth2-proxy:oauth2-proxy-csrf-cookie-missing');
    expect(best('Error redeeming code during OAuth2 callback')).toBe('oauth2-proxy:oauth2-proxy-redeem-failed');
    expect(best('Cookie "_oauth2_proxy" not present')).toBe('oauth2-proxy:oauth2-proxy-load-session');
    expect(best("email in id_token isn't verified")).toBe('oauth2-proxy:oauth2-proxy-email-not-verified');
    expect(best('Invalid authentication via OAuth2: unauthorized')).toBe('oauth2-proxy:oauth2-proxy-unauthorized');
  });
});

describe('Kubernetes API server', () => {
  it('answers the reason inside kube-apiserver\'s "Unable to authenticate the request"', () => {
    // https://github.com/kubernetes/kubernetes/issues/135450
    const expired =
      'E1126 03:38:26.776766       1 authentication.go:75] "Unable to authenticate the request" err="[invalid bearer token, service account token has expired]"';
    expect(confident(expired)).toContain('kubernetes:kubernetes-sa-token-expired');
    // https://github.com/kubernetes/kubernetes/issues/109812
    const signature =
      'E0505 15:59:49.432822    7867 authentication.go:63] "Unable to authenticate the request" err="[invalid bearer token, square/go-jose: error in cryptographic primitive]"';
    expect(confident(signature)).toContain('kubernetes:kubernetes-sa-signature-invalid');
  });

  it("leaves the OIDC authenticator's reasons to go-oidc", () => {
    // The shape of the apiserver's OIDC failures as quoted in kubernetes/kubernetes issues (see go-oidc.yaml)
    const oidc =
      'E0101 00:00:00.000000       1 authentication.go:63] "Unable to authenticate the request" err="[invalid bearer token, oidc: verify token: oidc: expected audience \\"kubernetes\\" got [\\"account\\"]]"';
    expect(confident(oidc)).toContain('go-oidc:oidc-audience-mismatch');
  });

  it("reads kubectl's answers", () => {
    expect(confident('error: You must be logged in to the server (Unauthorized)')).toEqual([
      'kubernetes:kubernetes-kubectl-not-logged-in',
    ]);
    expect(
      confident(
        '$ kubectl get pods\nerror: You must be logged in to the server (the server has asked for the client to provide credentials)',
      ),
    ).toEqual(['kubernetes:kubernetes-kubectl-not-logged-in']);
    expect(
      ours(
        'Error from server (Forbidden): pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"',
      ),
    ).toEqual(['kubernetes:kubernetes-anonymous-forbidden']);
  });

  it('reads the client-go credential plugin errors', () => {
    const notFound = [
      'module.eks_modules.null_resource.update_config_map_aws_auth[0] (local-exec): Unable to connect to the server: getting credentials: exec: executable aws-iam-authenticator not found',
      'module.eks_modules.null_resource.update_config_map_aws_auth[0] (local-exec): It looks like you are trying to use a client-go credential plugin that is not installed.',
    ].join('\n');
    expect(confident(notFound)).toEqual(['kubernetes:kubernetes-exec-plugin-not-found']);
    expect(confident('error: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"')).toEqual([
      'kubernetes:kubernetes-exec-plugin-api-version',
    ]);
  });

  it('looks up its messages', () => {
    expect(best('invalid bearer token')).toBe('kubernetes:kubernetes-unable-to-authenticate');
    expect(best('service account token has expired')).toBe('kubernetes:kubernetes-sa-token-expired');
    expect(best('You must be logged in to the server (Unauthorized)')).toBe(
      'kubernetes:kubernetes-kubectl-not-logged-in',
    );
    expect(best('oidc: authenticator not initialized')).toBe('go-oidc:oidc-authenticator-not-initialized');
  });
});

describe('plain words elsewhere', () => {
  it("are not read as these tools' errors", () => {
    for (const text of [
      'HTTP/1.1 401 Unauthorized',
      'GET /api/users 401 Unauthorized\nerror: Unauthorized',
      'The user is Unauthorized to view this page',
      '2024-01-01 ERROR request failed: Unauthorized',
      'Jwt is missing',
      'Error: Jwt is missing in request header',
      'Jwt is expired',
      'rbac: access denied for user bob',
      'invalid bearer token',
      '2025-09-30 17:23:35 [warn]: [JWT] JWT verification failed:',
      'Token has expired.',
    ]) {
      expect(ours(text), text).toEqual([]);
    }
  });
});
