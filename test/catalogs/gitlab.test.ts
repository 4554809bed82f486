import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// GitLab (GitLab.com and self-managed) as OAuth 2.0 provider, as its errors show up in integration logs:
// its authorize error page, its token endpoint's JSON and its API's 401/403 answers. GitLab's OAuth server
// is the Doorkeeper gem, whose sentences other Rails servers (Mastodon) send too; without a GitLab clue
// they are not GitLab's. All pastes are made up in the shapes these responses take.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const gitlab = (text: string) => confident(text).filter((finding) => finding.startsWith('gitlab:'));
/** Which of GitLab's invalid_token readings (expired, revoked, unknown) a sure finding is. */
const readings = (text: string) => readingsOf(resolver, text);

const DOORKEEPER_INVALID_GRANT =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';

describe('GitLab authorize page', () => {
  it('the error page for a redirect_uri the application does not list', () => {
    const page = [
      'GET https://gitlab.com/oauth/authorize?client_id=3f1c2b7e9a&redirect_uri=http%3A%2F%2Fwiki.example.com%2Fauth%2Fgitlab%2Fcallback&response_type=code&scope=read_user',
      'An error has occurred',
      'The redirect URI included is not valid.',
    ].join('\n');
    expect(confident(page)).toEqual(['gitlab:invalid_redirect_uri']);
    expect(best('The redirect URI included is not valid. gitlab')).toBe('gitlab:invalid_redirect_uri');
  });

  it('a missing client_id: the authorize URL with client_id= empty, and the page it shows', () => {
    const page = [
      'GET https://gitlab.com/oauth/authorize?client_id=&redirect_uri=https%3A%2F%2Fci.example.com%2Fauthorize&response_type=code&state=Yk3',
      'An error has occurred',
      'Missing required parameter: client_id.',
    ].join('\n');
    expect(confident(page)).toEqual(['gitlab:invalid_request']);
  });
});

describe('GitLab token endpoint and API', () => {
  it("a standard code in the Java client gitlab4j's exception is GitLab's answer", () => {
    // https://github.com/gitlab4j/gitlab4j-api/issues/1335
    const trace = [
      'org.gitlab4j.api.GitLabApiException: unsupported_grant_type',
      '\tat org.gitlab4j.api.AbstractApi.validate(AbstractApi.java:784)',
      '\tat org.gitlab4j.api.GitLabApi.oauth2Login(GitLabApi.java:348)',
    ].join('\n');
    expect(gitlab(trace)).toEqual(['gitlab:unsupported_grant_type']);
  });

  it("Doorkeeper's invalid_grant and invalid_client from gitlab.com/oauth/token", () => {
    const refresh = `2026-12-05T08:12:44Z ERROR gitlab-sync: POST https://gitlab.com/oauth/token 400 {"error":"invalid_grant","error_description":"${DOORKEEPER_INVALID_GRANT}"}`;
    expect(confident(refresh)).toEqual(['gitlab:invalid_grant']);
    const client =
      'POST https://gitlab.com/oauth/token -> 401 {"error":"invalid_client","error_description":"Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."}';
    expect(confident(client)).toEqual(['gitlab:invalid_client']);
  });

  it('the same invalid_grant under the name GitLab is GitLab alone, not the standard as well', () => {
    expect(confident(`GitLab login failed: oauth2: "invalid_grant" "${DOORKEEPER_INVALID_GRANT}"`)).toEqual([
      'gitlab:invalid_grant',
    ]);
  });

  it("the API's 401 for an expired or revoked token and its 403 for a missing scope", () => {
    const expired =
      'glab mr list: GET https://gitlab.example.net/api/v4/user: 401 {error: invalid_token}, {error_description: Token is expired. You can either do re-authorization or token refresh.}';
    expect(confident(expired)).toEqual(['gitlab:invalid_token']);
    expect(readings(expired)).toEqual(['token-expired']);
    const revoked =
      'GET https://gitlab.com/api/v4/projects?membership=true 401 {"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."}';
    expect(confident(revoked)).toEqual(['gitlab:invalid_token']);
    expect(readings(revoked)).toEqual(['token-revoked']);
    const scope =
      'POST https://gitlab.com/api/v4/projects/42/merge_requests 403 {"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"api"}';
    expect(confident(scope)).toEqual(['gitlab:insufficient_scope']);
  });
});

describe('the same texts without GitLab', () => {
  it("Doorkeeper's sentences and a bare invalid_grant stay the standard's", () => {
    expect(gitlab(`ERROR: oauth2: "invalid_grant" "${DOORKEEPER_INVALID_GRANT}"`)).toEqual([]);
    expect(confident(`ERROR: oauth2: "invalid_grant" "${DOORKEEPER_INVALID_GRANT}"`)).toEqual(['oauth2:invalid_grant']);
    expect(gitlab('POST /oauth/token -> 400 {"error":"invalid_grant"}')).toEqual([]);
    expect(
      gitlab(
        'oauth2: "invalid_client" "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."',
      ),
    ).toEqual([]);
  });

  it("a Mastodon instance's Doorkeeper answers are not GitLab's", () => {
    const page = [
      'GET https://mastodon.social/oauth/authorize?client_id=Zx8&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&response_type=code&scope=read',
      'An error has occurred',
      'The redirect URI included is not valid.',
    ].join('\n');
    expect(gitlab(page)).toEqual([]);
    const token = `POST https://mastodon.social/oauth/token 400 {"error":"invalid_grant","error_description":"${DOORKEEPER_INVALID_GRANT}"}`;
    expect(gitlab(token)).toEqual([]);
  });

  it('a clone from gitlab.com and links to its issues are no errors', () => {
    const log = [
      "Cloning into 'platform-api'...",
      'remote: Enumerating objects: 1204, done.',
      'remote: Counting objects: 100% (310/310), done.',
      'Receiving objects: 100% (1204/1204), 2.31 MiB | 8.20 MiB/s, done.',
      'From https://gitlab.com/acme/platform/api',
      ' * branch            main       -> FETCH_HEAD',
      'see https://gitlab.com/acme/platform/api/-/issues/218 for the release checklist',
    ].join('\n');
    expect(confident(log)).toEqual([]);
  });
});
