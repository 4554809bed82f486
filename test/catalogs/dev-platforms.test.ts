import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Developer platforms (Bitbucket Cloud, Stripe, Strava, Clerk) as their errors show up in what people pasted
// into public issue threads: each sample is cut from the thread named beside it (shortened, tokens and keys
// masked as they were or further), and the ordinary logs that mention these names must not be read as errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
/** The reading (context id) of each sure finding. */
const readings = (text: string) => readingsOf(resolver, text);

const OURS = ['bitbucket', 'stripe', 'strava', 'clerk'];
const ours = (text: string) => confidentAmong(resolver, text, OURS);

describe('Bitbucket Cloud', () => {
  it("the token endpoint's refusals, with Bitbucket's descriptions", () => {
    // https://github.com/p2/OAuth2/issues/96
    const noClientAuth = [
      '"token_uri": "https://bitbucket.org/site/oauth2/access_token",',
      'The error as follows:',
      '{',
      '  "error_description": "Requests must be authenticated using OAuth client credentials", ',
      '  "error": "unauthorized_client"',
      '}',
    ].join('\n');
    expect(confident(noClientAuth)).toEqual(['bitbucket:unauthorized_client']);
    // https://github.com/composer/composer/pull/10678
    const publicConsumer =
      '{"error_description": "Cannot use client_credentials with a consumer marked as \\"public\\". Calls for auto generated consumers should use urn:bitbucket:oauth2:jwt instead.", "error": "invalid_grant"}';
    expect(confident(publicConsumer)).toEqual(['bitbucket:invalid_grant']);
    expect(readings(publicConsumer)).toEqual(['public-consumer']);
    // https://bitbucket.org/gentlero/bitbucket-api/issues/79/access-token-is-missing-from-response
    const noCallback =
      'Fatal error: Uncaught Bitbucket\\API\\Exceptions\\HttpResponseException: access_token is missing from response. {"error_description": "No callback uri defined for the OAuth client.", "error": "invalid_request"} in /Users/xxxxxxxxxx/vendor/gentle/bitbucket-api/lib/Bitbucket/API/Http/Listener/OAuth2Listener.php:135';
    expect(confident(noCallback)).toEqual(['bitbucket:invalid_request']);
    expect(readings(noCallback)).toEqual(['no-callback-url']);
  });

  it('a refresh token Bitbucket no longer knows, as oauthlib raised it in a Bitbucket sync task', () => {
    // https://github.com/readthedocs/readthedocs.org/issues/2992
    const sync = [
      "[05/Jul/2017 14:44:13] celery.worker.job:282[33151]: ERROR Task readthedocs.oauth.tasks.SyncRemoteRepositories[86bd1cbd] raised unexpected: InvalidClientIdError(u'(invalid_request) (invalid_request) Invalid",
      " refresh_token',)",
      '  File "/Users/anthony/dev/readthedocs.org/readthedocs/oauth/services/bitbucket.py", line 38, in sync',
    ].join('\n');
    expect(confident(sync)).toEqual(['bitbucket:invalid_request']);
    expect(readings(sync)).toEqual(['invalid-refresh-token']);
  });

  it("the authorize page's misconfigured-integration text", () => {
    // https://github.com/hickford/git-credential-oauth/issues/1
    const page = [
      'Invalid redirect_uri',
      '',
      'This integration is misconfigured. Contact the vendor for assistance.',
    ].join('\n');
    expect(confident(page)).toEqual(['bitbucket:invalid-redirect-uri']);
  });

  it("the REST API's 401 messages for an expired, refused or password-based credential", () => {
    // https://github.com/swoodford/migrate_bitbucket_server_to_bitbucket_cloud/issues/1
    const expired = [
      'Begin cloudProject',
      '{',
      '  "type": "error",',
      '  "error": {',
      '    "message": "Access token expired. Use your refresh token to obtain a new access token."',
      '  }',
      '}',
    ].join('\n');
    expect(confident(expired)).toEqual(['bitbucket:access-token-expired']);
    // https://github.com/lemurheavy/coveralls-public/issues/1541 (the older, shorter wording)
    const older =
      'BitBucket::Error::Unauthorized (#<struct Faraday::Env method=:get, body="{\\"type\\": \\"error\\", \\"error\\": {\\"message\\": \\"Access token expired.\\"}}", url=#<URI::HTTPS https://bitbucket.org/api/2.0/user/permissions/repositories?page=1> [...]';
    expect(confident(older)).toEqual(['bitbucket:access-token-expired']);
    // https://github.com/avivsinai/bitbucket-cli/issues/174
    const apiToken = [
      '--> GET https://api.bitbucket.org/2.0/repositories/<workspace>/<repo>/pullrequests?pagelen=20&state=OPEN',
      '<-- 401 Unauthorized',
      'Error: 401 Unauthorized: {"type": "error", "error": {"message": "Token is invalid, expired, or not supported for this endpoint."}}',
    ].join('\n');
    expect(confident(apiToken)).toEqual(['bitbucket:token-invalid']);
    // https://github.com/tomasbjerre/violation-comments-to-bitbucket-cloud-command-line/issues/6
    const password = [
      'SEVERE',
      '<< 401 Unauthorized Bitbucket Cloud recently stopped supporting account passwords for API authentication.',
      'See our community post for more details: https://atlassian.community/t5/x/x/ba-p/1948231',
    ].join('\n');
    expect(confident(password)).toEqual(['bitbucket:account-password-not-supported']);
  });

  it('typed questions', () => {
    // https://github.com/rbansal42/bitbucket-cli/issues/50
    expect(best('Token is invalid, expired, or not supported for this endpoint')).toBe('bitbucket:token-invalid');
    // https://github.com/jonhadfield/soba/issues/50
    expect(best('No callback uri defined for the OAuth client')).toBe('bitbucket:invalid_request');
    expect(best('access token expired bitbucket')).toBe('bitbucket:access-token-expired');
  });

  it("a CI log with Bitbucket clone and pipeline links has no error, and Atlassian's 3LO stays Atlassian's", () => {
    const log = [
      "Cloning into 'platform-api'...",
      'remote: Enumerating objects: 1204, done.',
      'From https://bitbucket.org/acme/platform-api',
      ' * branch            main       -> FETCH_HEAD',
      'Bitbucket Pipelines: step "test" failed after 3m 12s, see https://bitbucket.org/acme/platform-api/pipelines/results/412',
    ].join('\n');
    expect(confident(log)).toEqual([]);
    expect(ours('POST https://auth.atlassian.com/oauth/token -> 403 {"error":"invalid_grant"}')).toEqual([]);
  });
});

describe('Stripe', () => {
  it("Connect's token endpoint: a code used twice, or another platform's code", () => {
    // https://github.com/isaacsanders/omniauth-stripe-connect/issues/23
    const reused = [
      '{',
      '"error": "invalid_grant",',
      '"error_description": "This authorization code has already been used. All tokens issued with this code have been revoked."',
      '}',
    ].join('\n');
    expect(confident(reused)).toEqual(['stripe:invalid_grant']);
    // https://github.com/stripe/stripe-ruby/issues/866
    const notYours = [
      'Stripe::OAuth::InvalidGrantError: Authorization code provided does not belong to you',
      "from /Users/newuser/.rvm/gems/ruby-2.5.5/gems/stripe-5.1.1/lib/stripe/stripe_client.rb:465:in `handle_error_response'",
    ].join('\n');
    expect(confident(notYours)).toEqual(['stripe:invalid_grant']);
    // https://github.com/stripe/stripe-php/issues/1111
    expect(best('Authorization code provided does not belong to you')).toBe('stripe:invalid_grant');
  });

  it("a bare invalid_grant is Stripe's only beside a Stripe clue", () => {
    expect(confident('POST https://connect.stripe.com/oauth/token -> 400 {"error":"invalid_grant"}')).toEqual([
      'stripe:invalid_grant',
    ]);
    expect(ours('POST /oauth/token -> 400 {"error":"invalid_grant"}')).toEqual([]);
    expect(best('stripe invalid_grant')).toBe('stripe:invalid_grant');
  });

  it('the API key refusals, from the Node and Go libraries and the Stripe CLI', () => {
    // https://github.com/stripe/stripe-node/issues/950
    const invalid = [
      'StripeAuthenticationError: Invalid API Key provided: "sk_test********************************M6F"',
      '    at IncomingMessage.<anonymous> (********/node_modules/stripe/lib/StripeResource.js:169:21)',
    ].join('\n');
    expect(confident(invalid)).toEqual(['stripe:invalid-api-key']);
    // https://github.com/coreymgilmore/stripe-appengine-frontend/issues/2
    const goLog = [
      '2016/12/27 14:51:23 Requesting POST api.stripe.com/v1/customers',
      '2016/12/27 14:51:24 Error encountered from Stripe: {"type":"invalid_request_error","message":"Invalid API Key provided: nil. This key contains at least one space. Please delete the spaces and try again.","status":401}',
    ].join('\n');
    expect(confident(goLog)).toEqual(['stripe:invalid-api-key']);
    // https://github.com/stripe/vscode-stripe/issues/673
    const expired = [
      ' FATAL Error while authenticating with Stripe: Authorization failed, status=401, body={',
      '  "error": {',
      '    "code": "api_key_expired",',
      '    "doc_url": "https://stripe.com/docs/error-codes/api-key-expired",',
      '    "message": "Expired API Key provided: rk_test_*****************KtSz7X",',
      '    "type": "invalid_request_error"',
      '  }',
      '}',
    ].join('\n');
    expect(confident(expired)).toEqual(['stripe:api_key_expired']);
    // https://github.com/gadelkareem/skeleton/issues/20
    const missing =
      '[ERROR] Request error from Stripe (status 401): {"status":401,"message":"You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.","type":"invalid_request_error"}';
    expect(confident(missing)).toEqual(['stripe:no-api-key']);
    // https://github.com/salesforce/tough-cookie/issues/45 (an older wording)
    const nullHeader = [
      '[web] { [Error: You did not provide an API key, though you did set your Authorization header to "null". Using Bearer auth, your Authorization header should look something like \'Authorization: Bearer YOUR_SECRET_KEY\'.]',
      "[web]   type: 'StripeAuthenticationError',",
    ].join('\n');
    expect(confident(nullHeader)).toEqual(['stripe:no-api-key']);
    expect(best('Invalid API Key provided')).toBe('stripe:invalid-api-key');
  });

  it('a payments log that names Stripe holds no error', () => {
    const log = [
      '2026-12-05 10:02:11 INFO payments: charge ch_3Pq created via api.stripe.com (200), amount 1200 EUR',
      '2026-12-05 10:02:12 INFO webhooks: stripe event evt_1Pq received: payment_intent.succeeded',
      '2026-12-05 10:02:13 WARN checkout: session cs_test_a1 expired before payment, see https://dashboard.stripe.com/test/payments',
    ].join('\n');
    expect(confident(log)).toEqual([]);
  });
});

describe('Strava', () => {
  it('its JSON errors printed one member a line, with and without spaces after the colons', () => {
    // https://github.com/basvandorst/StravaPHP/issues/96
    const code = [
      '{',
      '    "message": "Bad Request",',
      '    "errors":',
      '    [',
      '        {',
      '            "resource": "AuthorizationCode",',
      '            "field": "code",',
      '            "code": "invalid"',
      '        }',
      '    ]',
      '}',
    ].join('\n');
    expect(confident(code)).toEqual(['strava:invalid-authorization-code']);
    // https://github.com/sladkovm/strava-oauth/issues/1
    const redirect = [
      '```log',
      '{',
      '  "message": "Bad Request",',
      '  "errors": [',
      '    {',
      '      "resource": "Application",',
      '      "field": "redirect_uri",',
      '      "code": "invalid"',
      '    }',
      '  ]',
      '}',
      '```',
    ].join('\n');
    expect(confident(redirect)).toEqual(['strava:invalid-redirect-uri']);
    // https://github.com/dreeveapp/dreeve/issues/372 (two members on one line)
    const client = [
      '{',
      '    "message": "Bad Request",',
      '    "errors": [{',
      '        "resource": "Application",',
      '        "field": "client_id",',
      '        "code": "invalid"',
      '    }]',
      '}',
    ].join('\n');
    expect(confident(client)).toEqual(['strava:invalid-client-id']);
    // The same members apart, in a text that is no body, are no message.
    expect(confident('"resource": "Application" was renamed\nand "field": "client_id" too')).toEqual([]);
  });

  it('a token without activity permission, as JSON, PHP and stravalib print it', () => {
    // https://github.com/googledatastudio/community-connectors/issues/291
    const appsScript =
      'Request failed for https://www.strava.com returned code 401. Truncated server response: {"message":"Authorization Error","errors":[{"resource":"AccessToken","field":"activity:read_permission","code":"missing"}]} (use muteHttpExceptions option to examine full response).';
    expect(confident(appsScript)).toEqual(['strava:activity:read_permission']);
    // https://github.com/iamstuartwilson/strava/issues/51
    const printR = [
      '    [message] => Authorization Error',
      '                    [resource] => AccessToken',
      '                    [field] => activity:read_permission',
      '                    [code] => missing',
    ].join('\n');
    expect(confident(printR)).toEqual(['strava:activity:read_permission']);
    // https://github.com/flopp/GpxTrackPoster/issues/111
    const stravalib =
      "The error is `stravalib.exc.AccessUnauthorized: Unauthorized: Authorization Error: [{'resource': 'AccessToken', 'field': 'activity:read_permission', 'code': 'missing'}]`.";
    expect(confident(stravalib)).toEqual(['strava:activity:read_permission']);
    expect(best('activity:read_permission missing')).toBe('strava:activity:read_permission');
  });

  it('an invalid access token, as stravalib prints it', () => {
    // https://github.com/stravalib/stravalib/issues/185
    const stravalib =
      "AccessUnauthorized: Unauthorized: Authorization Error: [{'resource': 'Athlete', 'field': 'access_token', 'code': 'invalid'}]";
    expect(confident(stravalib)).toEqual(['strava:invalid-access-token']);
  });

  it("the OAuth endpoints' Bad Request answers on one line", () => {
    // https://github.com/yihong0618/running_page/issues/697
    const clientId =
      '{"message":"Bad Request","errors":[{"resource":"Application","field":"client_id","code":"invalid"}]}curl: (7) Failed to connect to 0.1.253.115 port 80 after 0 ms';
    expect(ours(clientId)).toEqual(['strava:invalid-client-id']);
    // https://github.com/bwilczynski/strava-cli/pull/2
    const python =
      " {'message': 'Bad Request', 'errors': [{'resource': 'Application', 'field': 'client_id', 'code': 'invalid'}]}";
    expect(ours(python)).toEqual(['strava:invalid-client-id']);
    // https://github.com/fawda123/rStrava/issues/37
    const redirect =
      '`{"message":"Bad Request","errors":[{"resource":"Application","field":"redirect_uri","code":"invalid"}]}`';
    expect(ours(redirect)).toEqual(['strava:invalid-redirect-uri']);
    expect(best('strava client_id invalid')).toBe('strava:invalid-client-id');
  });

  it('activity links and a GitHub validation error in the same JSON shape are not Strava errors', () => {
    const chat = [
      'Great ride today! https://www.strava.com/activities/12345678901 - 82 km, 1,240 m climbing',
      'Kudos from the club: https://www.strava.com/clubs/acme-cycling',
    ].join('\n');
    expect(confident(chat)).toEqual([]);
    const github =
      '{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"}],"documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue"}';
    expect(ours(github)).toEqual([]);
  });
});

describe('Clerk', () => {
  it('an expired session token in a Next.js dev server log, after the clock-skew warning', () => {
    // https://github.com/adrianhajdin/threads/issues/124
    const log = [
      'Clerk: Clock skew detected. This usually means that your system clock is inaccurate. Clerk will attempt to account for the clock skew in development.',
      '',
      'JWT is expired. Expiry date: Mon, 16 Sep 2024 20:03:18 GMT, Current date: Mon, 16 Sep 2024 20:03:23 GMT. (reason=token-expired, token-carrier=cookie)',
      ' ○ Compiling /_not-found ...',
    ].join('\n');
    expect(confident(log)).toEqual(['clerk:token-expired']);
    expect(best('clerk token-expired')).toBe('clerk:token-expired');
  });

  it('a handshake that found no signing key for the token, and keys that did not reach the server', () => {
    // https://github.com/clerk-community/svelte-clerk/issues/109
    const handshake = [
      "Error: Clerk: Handshake token verification failed: Unable to find a signing key in JWKS that matches the kid='*****' of the provided session token. ",
      'Please make sure that the __session cookie or the HTTP authorization header contain a Clerk-generated session JWT. ',
      '(reason=jwk-kid-mismatch, token-carrier=undefined).',
    ].join('\n');
    expect(confident(handshake)).toEqual(['clerk:jwk-kid-mismatch']);
    // https://github.com/clerk/clerk-sdk-python/issues/26
    const python =
      'clerk_backend_api.models.clerkerrors.ClerkErrors: {"errors":[{"code":"clerk_key_invalid","long_message":"The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.","message":"The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct."}]}';
    expect(confident(python)).toEqual(['clerk:clerk_key_invalid']);
    // https://github.com/code-with-antonio/nextjs-duolingo-clone/issues/1
    const missing = [
      'Server Error',
      'Error: Missing Clerk Secret Key or API Key. Go to https://dashboard.clerk.com/ and get your key for your instance.',
    ].join('\n');
    expect(confident(missing)).toEqual(['clerk:jwk-remote-failed-to-load']);
  });

  it('sign-in errors of the Frontend API', () => {
    // https://github.com/Ivy-Interactive/Ivy-Framework/pull/2429
    const exists = ['```', 'session_exists: Session already exists', "You're already signed in.", '```'].join('\n');
    expect(confident(exists)).toEqual(['clerk:session_exists']);
    // https://github.com/clerk/javascript/issues/7584
    const external = [
      'ClerkAPIError {',
      "      code: 'external_account_not_found',",
      "      message: 'Invalid external account',",
      "      longMessage: 'The External Account was not found.',",
    ].join('\n');
    expect(confident(external)).toEqual(['clerk:external_account_not_found']);
  });

  it('a refresh worker saying token-expired, and a team mention, are not Clerk errors', () => {
    const worker = [
      '[api] 2026-12-05T09:14:03Z WARN auth: refresh failed: token-expired, retrying with new credentials (attempt 2)',
      '[api] 2026-12-05T09:14:04Z INFO auth: token refreshed for worker-7',
    ].join('\n');
    expect(confident(worker)).toEqual([]);
    const chat = [
      'Deploying to production: clerk-dashboard-v2 build 418 ok',
      'Notify: @clerk team, release notes at https://example.com/notes/418',
    ].join('\n');
    expect(confident(chat)).toEqual([]);
  });
});
