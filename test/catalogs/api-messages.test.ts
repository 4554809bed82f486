import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Runtime texts of consumer and SaaS APIs and their official SDKs (Google's auth libraries, GitHub's App
// JWT refusals as Octokit sees them), as they show up in application logs; and ordinary log lines that
// share a few of their words and must not be taken for them.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('Google auth libraries', () => {
  it('user credentials without a refresh token, in Node.js and Python', () => {
    const node = [
      'Error: No refresh token or refresh handler callback is set.',
      '    at OAuth2Client.refreshAccessTokenAsync (/srv/app/node_modules/google-auth-library/build/src/auth/oauth2client.js:312:19)',
    ].join('\n');
    expect(confident(node)).toEqual(['google:no-refresh-token']);
    const headers =
      'calendar sync failed for user 8812: Error: No access, refresh token, API key or refresh handler callback is set.';
    expect(confident(headers)).toEqual(['google:no-refresh-token']);
    const python = [
      'Traceback (most recent call last):',
      '  File "/app/sync.py", line 41, in <module>',
      '    creds.refresh(Request())',
      'google.auth.exceptions.RefreshError: The credentials do not contain the necessary fields need to refresh the access token. You must specify refresh_token, token_uri, client_id, and client_secret.',
    ].join('\n');
    // The message is the error; google-auth's RefreshError around it, of the same catalog, adds nothing.
    expect(confident(python)).toEqual(['google:no-refresh-token']);
  });

  it("an ID token checked after its expiry, with Google's client ID on the line", () => {
    const late =
      'verifyIdToken failed: Error: Token used too late, 1765012345.678 > 1765008300: {"iss":"https://accounts.google.com","aud":"1234567890-abc123.apps.googleusercontent.com","exp":1765008000}';
    expect(confident(late)).toEqual(['google:id-token-timing']);
    const early =
      "ValueError: Token used too early, 1765008000 < 1765008042. Check that your computer's clock is set correctly.";
    expect(confident(early)).toEqual(['google:id-token-timing']);
  });

  it('an ID token for another client ID or issuer', () => {
    const audience =
      "ValueError: Token has wrong audience 1234567890-android.apps.googleusercontent.com, expected one of ['1234567890-web.apps.googleusercontent.com']";
    expect(confident(audience)).toEqual(['google:id-token-claims']);
    const issuer =
      'Error: Invalid issuer, expected one of [accounts.google.com,https://accounts.google.com], but got https://securetoken.google.com/my-project';
    expect(confident(issuer)).toEqual(['google:id-token-claims']);
  });

  it('the messages are found by a lookup as well', () => {
    expect(bestOf(resolver, 'Wrong recipient, payload audience != requiredAudience')).toBe('google:id-token-claims');
    expect(bestOf(resolver, 'No refresh token or refresh handler callback is set.')).toBe('google:no-refresh-token');
  });
});

describe('GitHub App JWT', () => {
  it('a JWT that expires too far ahead, and the retry Octokit logs', () => {
    const response =
      "HttpError: 'Expiration time' claim ('exp') is too far in the future - https://docs.github.com/rest/apps/apps#get-the-authenticated-app";
    expect(confident(response)).toEqual(['github:app-jwt-exp-too-far']);
    const body =
      '401 {"message":"\'Expiration time\' claim (\'exp\') is too far in the future","documentation_url":"https://docs.github.com/rest"}';
    expect(confident(body)).toEqual(['github:app-jwt-exp-too-far']);
    const warn =
      'WARN [@octokit/auth-app] GitHub API time and system time are different by 37 seconds. Retrying request with the difference accounted for.';
    expect(confident(warn)).toEqual(['github:app-jwt-exp-too-far']);
  });

  it('a JWT already expired or issued ahead of GitHub', () => {
    const expired =
      "RequestError [HttpError]: 'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires. - https://docs.github.com/";
    expect(confident(expired)).toEqual(['github:app-jwt-time-invalid']);
    const issued =
      '{"message":"\'Issued at\' claim (\'iat\') must be an Integer representing the time that the assertion was issued.","documentation_url":"https://docs.github.com/rest","status":"401"}';
    expect(confident(issued)).toEqual(['github:app-jwt-time-invalid']);
  });
});

describe("GitHub's REST API refusing a token", () => {
  it('its messages, sure where its API host, its documentation link or its own wording is there', () => {
    // https://github.com/probot/stale/issues/82
    expect(confident('{"message":"Bad credentials","documentation_url":"https://developer.github.com/v3"}')).toEqual([
      'github:bad-credentials',
    ]);
    // https://github.com/jenkins-x-plugins/jx-slack/issues/18
    expect(
      confident('WARNING: GET https://api.github.com/repos/jenkins-x-labs/jxl/pulls/83: 401 Bad credentials []'),
    ).toEqual(['github:bad-credentials']);
    // https://github.com/dessant/lock-threads/issues/47
    const actions = [
      'Error: Request failed due to following response errors:',
      ' - Resource not accessible by integration',
    ];
    expect(confident(actions.join('\n'))).toEqual(['github:resource-not-accessible']);
  });

  it("'Bad credentials' alone is what many servers say (Spring Security's too): no sure answer", () => {
    expect(confident('login failed: Bad credentials')).toEqual([]);
    expect(confident('{"error":"invalid_grant","error_description":"Bad credentials"}')).not.toContain(
      'github:bad-credentials',
    );
  });
});

describe('Facebook SDK for PHP', () => {
  it('the login callback state check, as PHP prints it', () => {
    const missing =
      'PHP Fatal error:  Uncaught Facebook\\Exceptions\\FacebookSDKException: Cross-site request forgery validation failed. Required param "state" missing from persistent data. in /var/www/html/vendor/facebook/graph-sdk/src/Facebook/Helpers/FacebookRedirectLoginHelper.php:244';
    expect(confident(missing)).toEqual(['meta:FacebookSDKException']);
    const differs =
      'Facebook SDK returned an error: Cross-site request forgery validation failed. The "state" param from the URL and session do not match.';
    expect(confident(differs)).toEqual(['meta:FacebookSDKException']);
  });
});

describe('ordinary lines that share their words', () => {
  it('finds none of these errors in unrelated logs', () => {
    const unrelated = [
      '2026-12-06T10:02:11Z INFO session-store: no refresh token stored for user 42, skipping renewal',
      '2026-12-06T10:02:12Z DEBUG cache: entry used too late to matter, evicting key=profile:42',
      '2026-12-06T10:02:13Z WARN scheduler: expiration time too far in future for job 7, clamping to 24h',
      '2026-12-06T10:02:14Z INFO mailer: wrong recipient list for campaign 19, using defaults',
      '2026-12-06T10:02:15Z WARN csrf: validation failed for POST /settings, state cookie missing',
    ].join('\n');
    const ours = confident(unrelated).filter((finding) => /^(google|github|meta):/.test(finding));
    expect(ours).toEqual([]);
  });
});
