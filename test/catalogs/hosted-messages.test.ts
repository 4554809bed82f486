import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Runtime texts of hosted providers' servers and pages, found by the message where the paste has no
// code of its own (or only a standard one). Every line is made up in the shape real logs take.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('Keycloak server and theme messages', () => {
  it('the event reason for a redirect_uri that differs between authorize and token requests', () => {
    const log =
      '2026-12-06 09:12:44,201 WARN  [org.keycloak.events] (executor-thread-7) type="CODE_TO_TOKEN_ERROR", realmId="acme", clientId="portal", reason="Parameter \'redirect_uri\' did not match originally saved redirect URI used in initial OIDC request. Saved redirectUri: https://portal.example.org/cb, redirectUri parameter: http://portal.example.org/cb"';
    expect(confident(log)).toEqual(['keycloak:invalid_redirect_uri']);
  });

  it('login page and admin API texts next to a realm URL', () => {
    expect(
      confident(
        'GET https://sso.example.org/realms/acme/login-actions/authenticate 200: "Account is temporarily disabled; contact your administrator or retry later."',
      ),
    ).toEqual(['keycloak:user_temporarily_disabled']);
    expect(
      confident(
        'POST https://sso.example.org/admin/realms/acme/users -> 409 {"errorMessage":"User exists with same username"}',
      ),
    ).toEqual(['keycloak:username_in_use']);
  });

  it('a client no authenticator recognized, as older releases answered it', () => {
    const cli =
      'Unable to get offline token: 400 Bad Request: {"error":"unauthorized_client","error_description":"UNKNOWN_CLIENT: Client was not identified by any client authenticator"}';
    expect(confident(cli)).toEqual(['keycloak:unauthorized_client']);
  });

  it('token endpoint descriptions: signed JWT client authentication and offline sessions', () => {
    expect(
      confident(
        'oidc: POST https://kc.internal/realms/ops/protocol/openid-connect/token failed: Client authentication with signed JWT failed: Signature on JWT token by client: svc-batch failed validation',
      ),
    ).toEqual(['keycloak:invalid_client']);
    expect(
      confident(
        'keycloak.exceptions.KeycloakPostError: 400: b\'{"error":"invalid_grant","error_description":"Offline user session not found"}\'',
      ),
    ).toEqual(['keycloak:invalid_grant']);
  });

  it('a disabled flow is unauthorized_client, as Keycloak answers it', () => {
    const body =
      '{"error":"unauthorized_client","error_description":"Client is not allowed to initiate browser login with given response_type. Standard flow is disabled for the client."}';
    expect(confident(body)).toEqual(['keycloak:unauthorized_client']);
  });
});

describe("Slack's install page", () => {
  it('a redirect_uri that is not configured, without any code', () => {
    expect(
      confident(
        'Slack install failed: redirect_uri did not match any configured URIs. Passed URI: https://app.example.com/slack/cb',
      ),
    ).toEqual(['slack:bad_redirect_uri']);
  });

  it('an unknown scope on the authorize URL', () => {
    expect(
      confident(
        'https://slack.com/oauth/v2/authorize?client_id=123.456&scope=chat:write,chat:wrte shows "Invalid permissions requested" / "Invalid scope: chat:wrte"',
      ),
    ).toEqual(['slack:invalid_scope']);
  });
});

describe('Google Cloud workload identity federation provider setup', () => {
  it("the JWKS Google cannot read, from gcloud's output", () => {
    expect(
      confident(
        'ERROR: (gcloud.iam.workload-identity-pools.providers.create-oidc) Input JWK is not in a valid json format',
      ),
    ).toEqual(['google-cloud:invalid-oidc-jwk']);
  });
});

describe("Zoom's OAuth error table messages", () => {
  it("the token endpoint's reason without Zoom's numeric code", () => {
    expect(
      confident(
        '[zoom-sync] POST https://zoom.us/oauth/token returned 400 {"reason":"The app has been disabled","error":"invalid_request"}',
      ),
    ).toContain('zoom:4717');
    expect(
      confident('POST https://zoom.us/oauth/token -> 400 {"reason":"Missing grant type.","error":"invalid_request"}'),
    ).toContain('zoom:4706');
  });

  it('a short table message alone is not sure without Zoom nearby', () => {
    expect(confident('Token cannot be empty.')).not.toContain('zoom:4700');
    expect(confident('GET https://api.zoom.us/v2/users/me -> 401 Token cannot be empty.')).toContain('zoom:4700');
  });
});

describe('IdentityServer error page texts', () => {
  it("IdentityServer4's error page: its text for the code names IdentityServer's reading", () => {
    const page =
      'Sorry, there was an error : unauthorized_client\nThe client application is not known or is not authorized.';
    expect(confident(page)).toEqual(['duende:unauthorized_client']);
    expect(resolver.lookup('The client application made an invalid request.')[0]).toMatchObject({
      provider: 'duende',
      code: 'invalid_request',
    });
  });
});

describe('an error page heading above its sentence', () => {
  // Auth0's page for a redirect_uri not in Allowed Callback URLs, as people copy it (heading, then sentence;
  // https://github.com/krakend/playground-community/issues/13). Neither line names Auth0 and each alone is too
  // ordinary to be sure of ("Callback URL mismatch." is short; the sentence is Auth0's reading of a standard
  // code); one above the other they are that page.
  const heading = 'Callback URL mismatch.';
  const sentence = 'The provided redirect_uri is not in the list of allowed callback URLs.';

  it('two messages of one error on adjacent lines vouch for each other', () => {
    expect(confident(`${heading}\n${sentence}`)).toEqual(['auth0:unauthorized_client']);
    expect(confident(`Something went wrong\n${heading}\n\n${sentence}\nTRACKING ID: 0f3c9a`)).toEqual([
      'auth0:unauthorized_client',
    ]);
  });

  it('each alone, or the two far apart in a log, stays a guess', () => {
    expect(confident(heading)).toEqual([]);
    expect(confident(sentence)).toEqual([]);
    const apart = [heading, ...Array.from({ length: 8 }, (_, i) => `INFO request ${i} served in 12ms`), sentence];
    expect(confident(apart.join('\n'))).toEqual([]);
  });
});

describe("a provider's host next to another provider's short message", () => {
  // {"error":"invalid_grant","error_description":"Invalid refresh token"} is Keycloak's documented answer, and
  // Box's, Spotify's and many other servers' words too: the host of the request on the line above says whose.
  it('the host on the line next to the response outweighs the short message on the code line', () => {
    // https://github.com/box/box-python-sdk/issues/587
    const box = [
      '"POST https://api.box.com/oauth2/token HTTP/1.1" 400 69',
      "{'error': 'invalid_grant', 'error_description': 'Invalid refresh token'}",
    ].join('\n');
    expect(confident(box)).toEqual(['box:invalid_grant']);
    // https://github.com/alecchendev/spotify-refresh-token/issues/5
    const spotify = [
      "WebapiAuthenticationError: An authentication error occurred while communicating with Spotify's Web API.",
      'Details: invalid_grant Invalid refresh token.',
    ].join('\n');
    expect(confident(spotify)).toEqual(['spotify:invalid_grant']);
  });

  it('without any clue the documented answer still names its server', () => {
    expect(confident('{"error":"invalid_grant","error_description":"Invalid refresh token"}')).toEqual([
      'keycloak:invalid_grant',
    ]);
  });
});
