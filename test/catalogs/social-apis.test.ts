import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Social and media platform APIs (Discord, X / Twitter, Spotify, Twitch) as their OAuth and API
// authentication errors show up in public issue threads: each sample is text people pasted there (the
// thread beside it; tokens and secrets redacted, long traces cut), then ordinary logs that mention these
// platforms and must not be read as their errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
/** Which reading (context) of a code a sure finding is. */
const readings = (text: string) => readingsOf(resolver, text);

const OURS = ['discord', 'twitter', 'spotify', 'twitch'];
const ours = (text: string) => confidentAmong(resolver, text, OURS);

describe('Discord', () => {
  it("the token endpoint's invalid_grant for a used code and for a redirect_uri that differs", () => {
    // https://github.com/discord/discord-api-docs/issues/5579
    const code = [
      '`{"error": "invalid_grant", "error_description": "Invalid \\"code\\" in request."}`',
      'Make request to `https://discord.com/api/v10/oauth2/token` with all valid data',
    ].join('\n');
    expect(confident(code)).toEqual(['discord:invalid_grant']);
    // https://github.com/rdcr0/discord-oauth2-example/issues/8 (pasted as a JavaScript object, no host)
    expect(confident("{\n  error: 'invalid_grant',\n  error_description: 'Invalid \"code\" in request.'\n}")).toEqual([
      'discord:invalid_grant',
    ]);
    // https://github.com/discord/discord-api-docs/issues/1131 (typed from the response)
    expect(best('discord Invalid "redirect_uri" in request.')).toBe('discord:invalid_grant');
  });

  it("passport-oauth2's TokenError carrying Discord's description: the wrapper vouches for it as its code would", () => {
    // https://github.com/discord/discord-api-docs/issues/982
    const trace = [
      'TokenError: Invalid "code" in request.',
      '    at Strategy.OAuth2Strategy.parseErrorResponse (/home/runner/botlist-7/node_modules/passport-oauth2/lib/strategy.js:358:12)',
      '    at Strategy.OAuth2Strategy._createOAuthError (/home/runner/botlist-7/node_modules/passport-oauth2/lib/strategy.js:405:16)',
    ].join('\n');
    expect(ours(trace)).toEqual(['discord:invalid_grant']);
    // The same sentence after another word is still only words.
    expect(ours('Debug: Invalid "code" in request.')).toEqual([]);
  });

  it('the API\'s 401 "401: Unauthorized" with code 0, from a PHP client and from a Rust one', () => {
    // https://github.com/eveseat/seat/issues/696
    const php =
      'Client error: `PUT https://discord.com/api/guilds/766885723138687027/members/429719941571411968` resulted in a `401 Unauthorized` response: {"message": "401: Unauthorized", "code": 0}';
    expect(confident(php)).toEqual(['discord:401-unauthorized']);
    // https://github.com/codetheweb/aoede/issues/14
    const rust =
      'Client ended: Http(UnsuccessfulRequest(ErrorResponse { status_code: 401, url: Url { scheme: "https", cannot_be_a_base: false, username: "", password: None, host: Some(Domain("discord.com")), port: None, path: "/api/v9/users/@me", query: None, fragment: None }, error: DiscordJsonError { code: 0, message: "401: Unauthorized", errors: [] } }))';
    expect(confident(rust)).toEqual(['discord:401-unauthorized']);
  });

  it('Missing Access (50001) from discord.js and eris, and 50025 for a guilds.join token', () => {
    // https://github.com/Tomato6966/Discord-js-handler-slash-Commands/issues/1
    const djs = [
      'DiscordAPIError[50001]: Missing Access',
      '    at SequentialHandler.runRequest (D:\\Coding\\Slash\\node_modules\\@discordjs\\rest\\dist\\lib\\handlers\\SequentialHandler.js:198:23)',
      "  rawError: { message: 'Missing Access', code: 50001 },",
      '  code: 50001,',
      '  status: 403,',
    ].join('\n');
    expect(confident(djs)).toEqual(['discord:missing-access']);
    // https://github.com/face-hh/discordmium/issues/8
    const eris = [
      'DiscordRESTError [50001]: Missing Access',
      '    at RequestHandler.request (c:\\Users\\User\\node_modules\\eris\\lib\\rest\\RequestHandler.js:75:15)',
    ].join('\n');
    expect(confident(eris)).toEqual(['discord:missing-access']);
    // https://github.com/weibeu/Flask-Discord/issues/5
    expect(confident("This gives:\n`{'message': 'Invalid OAuth2 access token', 'code': 50025}`")).toEqual([
      'discord:invalid-oauth2-access-token',
    ]);
    expect(best('discord 50001')).toBe('discord:missing-access');
    expect(best('50025')).toBe('discord:invalid-oauth2-access-token');
  });

  it("the authorize page's redirect_uri refusal and discord.js's invalid token", () => {
    // https://github.com/TrueWinter/DiscordBot/issues/51 (the title and the auth URL it gives)
    const page = [
      'Invalid OAuth2 redirect_uri',
      'My Auth Url https://discordapp.com/oauth2/authorize?response_type=code&redirect_uri=https%3A%2F%2Fdull-term.glitch.me%2Fcallback&scope=identify%20guilds&client_id=659872929533657108',
    ].join('\n');
    expect(confident(page)).toEqual(['discord:invalid-oauth2-redirect-uri']);
    // https://github.com/HeemPlayz/Discord-Bot-Dashboard/issues/3
    expect(best('Invalid OAuth2 redirect_uri discord')).toBe('discord:invalid-oauth2-redirect-uri');
    // https://github.com/SirTenzin/OTP-Bot/issues/29
    const login = [
      'Error [TOKEN_INVALID]: An invalid token was provided.',
      '    at Client.login (C:\\Users\\karol\\Desktop\\OTP-Bot-master\\node_modules\\discord.js\\src\\client\\Client.js:206:52)',
    ].join('\n');
    expect(confident(login)).toEqual(['discord:TokenInvalid']);
    // https://github.com/invalidprocess/TwitchFollowers/issues/29: a Twitch tool's name does not make it Twitch's
    const inTwitchTool = [
      'Error [TOKEN_INVALID]: An invalid token was provided.',
      '    at WebSocketManager.connect (/data/data/com.termux/files/home/TwitchFollowers/node_modules/discord.js/src/client/websocket/WebSocketManager.js:133:26)',
    ].join('\n');
    expect(confident(inTwitchTool)).toEqual(['discord:TokenInvalid']);
  });
});

describe('X / Twitter', () => {
  it('v1.1 and OAuth 1.0a codes 32, 89 and 215 as SDKs print them', () => {
    // https://github.com/tommeagher/heroku_ebooks/issues/31
    const tweepy = [
      "    raise TwitterError(data['errors'])",
      "twitter.error.TwitterError: [{u'message': u'Could not authenticate you.', u'code': 32}]",
    ].join('\n');
    expect(confident(tweepy)).toEqual(['twitter:could-not-authenticate']);
    // https://github.com/ChimeraCoder/anaconda/issues/251
    const go =
      'Get https://api.twitter.com/1.1/friendships/create.json returned status 401, {"errors":[{"code":89,"message":"Invalid or expired token."}]}';
    expect(confident(go)).toEqual(['twitter:invalid-or-expired-token']);
    // https://github.com/desmondmorris/node-twitter/issues/71
    expect(confident("[ { code: 215, message: 'Bad Authentication data.' } ]")).toEqual([
      'twitter:bad-authentication-data',
    ]);
    expect(best('twitter code 32')).toBe('twitter:could-not-authenticate');
    expect(best('twitter 89 Invalid or expired token')).toBe('twitter:invalid-or-expired-token');
  });

  it('453 for an endpoint outside the access level, in both wordings', () => {
    // https://github.com/dailybruin/meow/issues/414
    const free =
      "tweepy.error.TweepError: [{'message': 'You currently have access to a subset of Twitter API v2 endpoints and limited v1.1 endpoints (e.g. media post, oauth) only. If you need access to this endpoint, you may need a different access level. You can learn more here: https://developer.twitter.com/en/portal/product', 'code': 453}]";
    expect(confident(free)).toEqual(['twitter:access-level-required']);
    // https://github.com/klausi/mastodon-twitter-sync/issues/54
    const essential = [
      '                message: "You currently have Essential access which includes access to Twitter API v2 endpoints only. If you need access to this endpoint, you’ll need to apply for Elevated access via the Developer Portal. You can learn more here: https://developer.twitter.com/en/docs/twitter-api/getting-started/about-twitter-api#v2-access-leve",',
      '                code: 453,',
    ].join('\n');
    expect(confident(essential)).toEqual(['twitter:access-level-required']);
  });

  it('the OAuth 2.0 token endpoint: a used code, a PKCE mismatch and a confidential client without Basic auth', () => {
    // https://github.com/plhery/node-twitter-api-v2/issues/496
    const code = [
      '  data: {',
      "    error: 'invalid_request',",
      "    error_description: 'Value passed for the authorization code was invalid.',",
      '    errors: [ [Object] ]',
      '  }',
    ].join('\n');
    expect(confident(code)).toEqual(['twitter:invalid_request']);
    expect(readings(code)).toEqual(['authorization-code']);
    // https://github.com/xdevplatform/twitter-api-typescript-sdk/issues/26
    const verifier = [
      '   error: {',
      "        error: 'invalid_request',",
      "        error_description: 'Value passed for the code verifier did not match the code challenge.'",
      '      }',
    ].join('\n');
    expect(readings(verifier)).toEqual(['code-verifier']);
    // https://github.com/tweepy/tweepy/issues/2035
    expect(
      confident(
        'oauthlib.oauth2.rfc6749.errors.UnauthorizedClientError: (unauthorized_client) Missing valid authorization header',
      ),
    ).toEqual(['twitter:unauthorized_client']);
  });

  it("the OAuth 2.0 authorize page's refusal, which names no cause, and its earlier wording", () => {
    // https://github.com/florianmartens/passport-twitter-oauth2.0/issues/5
    const page = [
      'after browser goes to twitter url i have an error',
      '"You weren’t able to give access to the App. Go back and try logging in again." and no any explanations',
    ].join('\n');
    expect(ours(page)).toEqual(['twitter:authorize-page-refused']);
    // https://github.com/xdevplatform/twitter-api-java-sdk/issues/17 (its title)
    expect(best('"Unable to give access to the App" when following steps from example')).toBe(
      'twitter:authorize-page-refused',
    );
  });

  it("the v2 API's Client Forbidden problem for an app outside a Project", () => {
    // https://github.com/HitomaruKonpaku/twspace-crawler/issues/48
    const forbidden =
      '[ERROR] [UserManager] getUsersByUsernames: Request failed with status code 403 | {"requestId":"667a0f54-c312-4e81-91b5-67792c142147","response":{"data":{"client_id":"27283493","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}}}';
    expect(ours(forbidden)).toEqual(['twitter:client-forbidden']);
    // The body's `reason` asked about by name: https://github.com/n8n-io/n8n/issues/6424
    const [named] = resolver.lookup('TWITTER API: "rejected client-not-enrolled"');
    expect(`${named?.provider}:${named?.code} ${named?.confidence}`).toBe('twitter:client-forbidden strong');
  });
});

describe('Spotify', () => {
  it("the token endpoint's invalid_grant for a code and for a revoked refresh token", () => {
    // https://github.com/spotify/web-api/issues/267
    const code = [
      'I then forward the code onto the _https://accounts.spotify.com/api/token_ endpoint to try to exchange for an access token.',
      'The response I get is: _{"error":"invalid_grant","error_description":"Invalid authorization code"}_',
    ].join('\n');
    expect(confident(code)).toEqual(['spotify:invalid_grant']);
    expect(readings(code)).toEqual(['authorization-code']);
    // https://github.com/novatorem/novatorem/issues/81
    const revoked = '{"error": "invalid_grant", "error_description": "Refresh token revoked"}';
    expect(confident(revoked)).toEqual(['spotify:invalid_grant']);
    expect(readings(revoked)).toEqual(['refresh-token']);
    // https://github.com/arii/hrm/issues/2178 (one line of a pino log, cut after the SDK's frame)
    const sdk =
      '0|hrm-serv | {"level":50,"err":{"type":"Error","message":"Failed to refresh token: Bad Request, {\\"error\\":\\"invalid_grant\\",\\"error_description\\":\\"Invalid refresh token\\"}","stack":"Error: Failed to refresh token: Bad Request, {\\"error\\":\\"invalid_grant\\",\\"error_description\\":\\"Invalid refresh token\\"}\\n    at AccessTokenHelpers.refreshToken (file:///home/ari/hrm/node_modules/.pnpm/@spotify+web-api-ts-sdk@1.2.0/node_modules/@spotify/web-api-ts-sdk/dist/mjs/auth/AccessTokenHelpers.js:28:19)';
    expect(ours(sdk)).toEqual(['spotify:invalid_grant']);
    expect(readings(sdk)).toContain('refresh-token');
    // https://github.com/home-assistant/core/issues/124333
    expect(readings('Token request for spotify_xxx failed (invalid_grant): Refresh token revoked')).toEqual([
      'refresh-token',
    ]);
  });

  it("the authorize page's INVALID_CLIENT for an unregistered redirect URI", () => {
    // https://github.com/home-assistant/home-assistant.io/issues/39538
    expect(confident('INVALID_CLIENT: Invalid redirect URI')).toEqual(['spotify:INVALID_CLIENT']);
    expect(readings('INVALID_CLIENT: Invalid redirect URI')).toEqual(['redirect-uri']);
    expect(best('INVALID_CLIENT: Invalid redirect URI')).toBe('spotify:INVALID_CLIENT');
  });

  it('the same for an http:// or localhost redirect URI since the 2025 rules, on the page and in the dashboard', () => {
    // https://gitlab.com/makeitforless/spotify_controller/-/issues/7
    const page =
      'I managed to connect to my Spotify account but then I get the following error message : "INVALID_CLIENT: Insecure redirect URI"';
    expect(confident(page)).toEqual(['spotify:INVALID_CLIENT']);
    expect(readings(page)).toEqual(['redirect-uri']);
    // https://github.com/spotify/web-api-examples/issues/141 (its title)
    expect(best('Invalid Redirect URL: This redirect URI is not secure.')).toBe('spotify:INVALID_CLIENT');
  });

  it("the Web API's expired token, as spotipy logs it", () => {
    // https://github.com/fondberg/spotcast/issues/546
    const spotipy =
      "2025-05-28 12:11:18.670 ERROR (SyncWorker_4) [spotipy.client] HTTP Error for GET to https://api.spotify.com/v1/me/playlists with Params: {'limit': 1, 'offset': 0} returned 401 due to The access token expired";
    expect(confident(spotipy)).toEqual(['spotify:access-token-expired']);
    // https://github.com/shivasiddharth/GassistPi/issues/478
    const exception = [
      'spotipy.client.SpotifyException: http status: 401, code:-1 - https://api.spotify.com/v1/users/l837anqgcfqwugg6iaf408gyr/playlists?limit=50&offset=0:',
      ' The access token expired',
    ].join('\n');
    expect(confident(exception)).toEqual(['spotify:access-token-expired']);
    expect(best('spotify The access token expired')).toBe('spotify:access-token-expired');
  });
});

describe('Twitch', () => {
  it("id.twitch.tv's invalid client for an empty client_id, and the authorize redirect's redirect_mismatch", () => {
    // https://github.com/Ephellon/Twitch-Tools/issues/21
    const client =
      'It open a [page](https://id.twitch.tv/oauth2/authorize?response_type=code&client_id=null&redirect_uri=https%3A%2F%2Fephellon.github.io%2F&response_type=token&scope=user%3Aread%3Afollows), then shows`{"status":400,"message":"invalid client"}`.';
    expect(confident(client)).toEqual(['twitch:invalid-client']);
    // https://github.com/anxdpanic/plugin.video.twitch/issues/473
    const redirect =
      'I get redirected to the following page: https://www.twitch.tv/passport-callback?error=redirect_mismatch&error_description=Parameter+redirect_uri+does+not+match+registered+URI and shortly after that I get sent back to the twitch start page.';
    expect(confident(redirect)).toEqual(['twitch:redirect_mismatch']);
  });

  it("the Helix API's client id mismatch, from a curl session and from a chat client's log", () => {
    // https://github.com/swiftyspiffy/twitch-token-generator/issues/10
    const curl = [
      "% curl -X GET 'https://api.twitch.tv/helix/streams/key?broadcaster_id=<ID>' -H 'Authorization: Bearer <access_token>' -H 'Client-Id: zkxgn9qm9y3kzrb1p0px68qa69t3ae' ",
      '{"error":"Unauthorized","status":401,"message":"Client ID and OAuth token do not match"}',
    ].join('\n');
    expect(confident(curl)).toEqual(['twitch:client-id-token-mismatch']);
    // https://github.com/mumixam/weechat-twitch/issues/12
    expect(
      confident('twitch.py: {"error":"Unauthorized","status":401,"message":"Client ID and OAuth token do not match"}'),
    ).toEqual(['twitch:client-id-token-mismatch']);
    // https://github.com/chriteixeira/twitch-toolkit/issues/19 (typed)
    expect(best('twitch OAuth token is missing')).toBe('twitch:oauth-token-missing');
  });

  it("the chat server's NOTICE for a bad PASS", () => {
    // https://github.com/PhantomBot/PhantomBot/pull/902
    const irc = [
      '[09-27-2016 @ 17:24:32.928 MDT] Connected to illusionarybot@irc-ws.chat.twitch.tv (SSL)',
      '[09-27-2016 @ 17:24:33.070 MDT] >>> :tmi.twitch.tv NOTICE * :Login authentication failed',
    ].join('\n');
    expect(confident(irc)).toEqual(['twitch:login-authentication-failed']);
  });
});

describe('ordinary logs that name these platforms', () => {
  it('numbers beside their hosts and SDKs are not their error codes', () => {
    // Made up, in the shapes such logs take.
    expect(
      ours('Fetched https://api.x.com/2/tweets in 120 ms, retrying 32 of 89 jobs; see the Twitter API changelog'),
    ).toEqual([]);
    expect(ours('POST https://upload.twitter.com/1.1/media/upload.json -> 415 Unsupported Media Type')).toEqual([]);
    expect(ours('tweepy: Rate limit reached. Sleeping for: 89')).toEqual([]);
    expect(ours('[nodemon] discord.js bot: clean exit - waiting for changes before restart (code 0)')).toEqual([]);
    expect(ours('GET https://discord.com/api/v10/channels/123/messages?limit=50 returned 50001 bytes')).toEqual([]);
    expect(ours('DISCORD_TOKEN loaded; shard 0 ready, 40001 users')).toEqual([]);
  });

  it('chat about the platforms and their plain words stay without a sure finding', () => {
    // https://github.com/nations/spoticord/issues/15
    expect(
      confident(
        'I just keep getting this error: ` Failed to fetch Spotify data: SyntaxError: Unexpected token < in JSON at position 0`. Any ideas?',
      ),
    ).toEqual([]);
    // Made up.
    expect(
      confident(
        'Discord bot online in 32 guilds, 50001 members cached; Spotify now playing 3 of 89 tracks; twitch stream uptime 415 minutes',
      ),
    ).toEqual([]);
    expect(confident('twitch stream went offline; OBS reported invalid client config, retrying in 30s')).toEqual([]);
    expect(
      confident(
        'Joined https://discord.gg/abcd and posted the build log: error code 0, invalid client config in webpack',
      ),
    ).toEqual([]);
  });

  it("another provider's error in a bot's log stays that provider's", () => {
    // Made up: a Discord bot that refreshes a Google token, and a Spotify player's Google sign-in.
    const google =
      'Discord bot: 2026-12-01 ERROR refresh failed {"error":"invalid_grant"} from https://oauth2.googleapis.com/token';
    expect(confident(google)).toEqual(['google:invalid_grant']);
    const spotify =
      'Spotify playlist sync: POST https://oauth2.googleapis.com/token 400 {"error":"invalid_grant","error_description":"Token has been expired or revoked."}';
    expect(confident(spotify)).toEqual(['google:invalid_grant']);
    // With discord.js on the same line as Google's host, the code is no longer Discord's alone nor Google's.
    const both = 'discord.js bot: refresh failed {"error":"invalid_grant"} from https://oauth2.googleapis.com/token';
    expect(ours(both)).toEqual([]);
  });
});
