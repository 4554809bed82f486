import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Readings added to existing catalogs (Zoom's 4711 for missing scopes, Box's JWT claim errors, Adobe IMS's JWT
// exchange, Dropbox's malformed token, Discord's older redirect refusal, Fosite's older scope hint, Dex's
// invalid_request), read from the texts of public threads, and look-alike lines that stay other errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);

describe('Zoom: 4711 of the API (a token without the scopes of the call)', () => {
  it('the API response with code 4711 is the scopes reading, not the refresh-token one', () => {
    // https://github.com/lanec/zoom-batch-downloader/issues/34
    const recordings =
      'Error: 400 {"code":4711,"message":"Invalid access token, does not contain scopes:[cloud_recording:read:list_user_recordings, cloud_recording:read:list_user_recordings:admin]."}';
    expect(confident(recordings)).toEqual(['zoom:4711']);
    expect(readingsOf(resolver, recordings)).toEqual(['scopes']);
    // https://github.com/JubaerHossain/zoom-laravel/issues/15
    const users =
      '{"status":false,"message":"Client error: `GET https:\\/\\/api.zoom.us\\/v2\\/users?page_size=300&status=active&page_number=1` resulted in a `400 Bad Request` response:\\n{\\"code\\":4711,\\"message\\":\\"Invalid access token, does not contain scopes:[user:read:list_users:admin].\\"}\\n"}';
    expect(readingsOf(resolver, users)).toEqual(['scopes']);
  });

  it('the older wording with a space before the list, as a plugin shows it without the code', () => {
    // https://github.com/jrchamp/moodle-mod_zoom/issues/474
    const moodle =
      'Connection status: Connection failed: Invalid access token, does not contain scopes: [user:write:admin, user:read:admin, user:read, user:write].';
    expect(confident(moodle)).toEqual(['zoom:4711']);
    expect(readingsOf(resolver, moodle)).toEqual(['scopes']);
    expect(resolver.lookup('Invalid access token, does not contain scopes')[0]?.entry?.key).toBe('zoom:4711@scopes');
  });

  it('124 reads as before, and a lookup of 4711 offers both readings', () => {
    // https://github.com/giorgosavgeris/passport-zoom-oauth2/issues/6
    const query =
      'error: {\n  statusCode: 401,\n  data: \'{"code":124,"message":"Invalid access token, this access token is not supported as query parameter string."}\'';
    expect(confident(query)).toEqual(['zoom:124']);
    expect(
      confident('GET https://api.zoom.us/v2/users/me -> 401 {"code":124,"message":"Invalid access token."}'),
    ).toEqual(['zoom:124']);
    const [top] = resolver.lookup('zoom 4711');
    const keys = [top?.entry?.key, ...(top?.alternatives.map((alternative) => alternative.key) ?? [])];
    expect(keys).toEqual(expect.arrayContaining(['zoom:4711@refresh-token', 'zoom:4711@scopes']));
  });
});

describe("Box: the JWT assertion's claim and key errors", () => {
  it('kid, exp, jti and signature descriptions of the token endpoint', () => {
    // https://github.com/rapltech/box-sdk/issues/37
    const kid =
      'Client error: `POST https://api.box.com/oauth2/token` resulted in a `400 Bad Request` response: {"error":"invalid_grant","error_description":"\\"kid\\" invalid, unable to lookup correct key"}';
    expect(confident(kid)).toEqual(['box:invalid_grant']);
    // https://github.com/cburnette/boxr/issues/69
    const exp = [
      "lib/boxr/auth.rb:92:in `auth_post': 400: {",
      '  "error": "invalid_grant",',
      '  "error_description": "Please check the \'exp\' claim. The \'exp\' value exceeds the maximum value of 60 seconds beyond the issue time."',
      '} (Boxr::BoxrError)',
    ].join('\n');
    expect(confident(exp)).toEqual(['box:invalid_grant']);
    // https://github.com/box/box-java-sdk/issues/475
    const jti = [
      'We are on ',
      '',
      '`com.box:box-java-sdk:2.4.0`',
      '',
      "`{error:invalid_grant,error_description: Please check the 'jti' claim.}`",
    ].join('\n');
    expect(confident(jti)).toEqual(['box:invalid_grant']);
    // https://support.box.com/hc/en-us/community/posts/4405236195987-The-public-key-identified-by-kid-must-correspond-to-the-private-key-used-for-signing
    const signature = [
      'com.q1labs.semsources.sources.boxrestapi.api.BoxRESTAPIInstance: [DEBUG] Unable to obtain an access token. Response status [400] from Box REST API. Error Response:',
      '{"error":"invalid_grant","error_description":"Signature verification error. The public key identified by \\"kid\\" must correspond to the private key used for signing."}',
    ].join('\n');
    expect(confident(signature)).toEqual(['box:invalid_grant']);
  });

  it('the exp sentence Box sends for a non-integer exp, and a typed claim error', () => {
    // https://github.com/box/box-node-sdk/issues/713
    const integer =
      "Auth Error: Please check the 'exp' claim. Should be an integer [400 Bad Request] invalid_grant - Please check the 'exp' claim. Should be an integer";
    expect(confident(integer)).toEqual(['box:invalid_grant']);
    expect(best("Please check the 'jti' claim. A unique 'jti' value is required.")).toBe('box:invalid_grant');
  });

  it("another library's words about an exp claim are no sure Box finding", () => {
    expect(confident("jwt.decode failed: please check the 'exp' claim of your token, it has expired")).toEqual([]);
  });
});

describe('Adobe IMS: the JWT exchange', () => {
  it('invalid_token with the formatting and the bindings sentences', () => {
    // https://github.com/Adobe-Consulting-Services/acs-aem-commons/pull/2860
    const format = [
      'If the "exp" JSON attribute does not have a long value of time, the access_token generation request will throw below error:',
      '```',
      '{',
      '    "error_description": "JWT token is incorrectly formatted, and can not be decoded.",',
      '    "error": "invalid_token"',
      '}',
      '```',
    ].join('\n');
    expect(confident(format)).toEqual(['adobe:invalid_token']);
    // https://github.com/adobe/pdfservices-node-sdk-samples/issues/17
    expect(
      best(
        'Exception encountered while executing operation ServiceApiError: Could not match JWT signature to any of the bindings',
      ),
    ).toBe('adobe:invalid_token');
  });

  it("a resource server's invalid_token stays the standard one", () => {
    expect(confident('401 {"error":"invalid_token","error_description":"The access token expired"}')).toEqual([
      'oauth2:invalid_token',
    ]);
  });
});

describe('Dropbox: a token of the wrong form (HTTP 400, plain text)', () => {
  it('is invalid_access_token, whatever route it names', () => {
    // https://github.com/jnormington/trello-to-clubhouse.io/issues/13
    expect(
      confident(
        'Just did a run through of trying to import a board to clubhouse. I got the error `Error occurred uploading file to dropbox continuing... Error in call to API function "files/upload": The given OAuth 2 access token is malformed.`',
      ),
    ).toEqual(['dropbox:invalid_access_token']);
    // https://github.com/rapidminer/rapidminer-studio/issues/20
    expect(
      confident(
        'SEVERE: Process failed: com.rapidminer.operator.UserError: Could not connect to Dropbox. Reason: Error in call to API function "users/get_current_account": The given OAuth 2 access token is malformed.',
      ),
    ).toEqual(['dropbox:invalid_access_token']);
    // https://github.com/duplicati/duplicati/issues/4817
    expect(
      confident(
        'Failed to connect: Non-json response: Error in call to API function "files/list_folder": The given OAuth 2 access token is malformed. ',
      ),
    ).toEqual(['dropbox:invalid_access_token']);
    // https://github.com/Jesus/dropbox_api/issues/90
    expect(
      confident(
        '`DropboxApi::Errors::HttpError Exception: HTTP 400: Error in call to API function "files/list_folder": The given OAuth 2 access token is malformed.`',
      ),
    ).toEqual(['dropbox:invalid_access_token']);
  });

  it("a JWT library's malformed token is not Dropbox's", () => {
    expect(confident('jwt: the given token is malformed, expected three segments')).toEqual([]);
  });
});

describe('Discord: the older redirect refusal and the token endpoint', () => {
  it('"Mismatching redirect URI." is the invalid_request reading near Discord', () => {
    // https://github.com/Nabrok/gw2-discord-bot/issues/15 (the page's text, typed with the provider)
    expect(best('discord Mismatching redirect URI.')).toBe('discord:invalid_request');
    expect(best('discordapp.com/oauth2 Mismatching redirect URI.')).toBe('discord:invalid_request');
    // https://github.com/discord/discord-api-docs/issues/3570: the token endpoint's invalid_request naming the code
    const code = [
      '        xhr.open("POST", "https://discord.com/api/v8/oauth2/token", false);',
      '{"error": "invalid_request", "error_description": "Invalid \\"code\\" in request."}',
    ].join('\n');
    expect(confident(code)).toEqual(expect.arrayContaining(['discord:invalid_request', 'discord:invalid_grant']));
  });

  it('the invalid_grant description and the discordapp.com hosts', () => {
    // https://github.com/reboxer/discord-oauth2/issues/92
    expect(
      confident('*Network error 400 {"error": "invalid_grant", "error_description": "Invalid \\"code\\" in request."}'),
    ).toEqual(['discord:invalid_grant']);
    // https://github.com/TrueWinter/DiscordBot/issues/51
    const page = [
      'Invalid OAuth2 redirect_uri',
      'My Auth Url https://discordapp.com/oauth2/authorize?response_type=code&redirect_uri=https%3A%2F%2Fdull-term.glitch.me%2Fcallback&scope=identify%20guilds&client_id=659872929533657108',
    ].join('\n');
    expect(confident(page)).toEqual(['discord:invalid-oauth2-redirect-uri']);
  });

  it("oauthlib's sentence in a Django OAuth Toolkit log stays the toolkit's", () => {
    const dot =
      'django: GET /o/authorize/?client_id=abc 400 error=invalid_request Mismatching redirect URI. oauth2_provider';
    expect(confident(dot)).not.toContain('discord:invalid_request');
  });
});

describe("Ory Hydra / Fosite: invalid_scope's hint across versions", () => {
  it('the double-quoted hint of 2018-2020 and the hint of Fosite before it', () => {
    // https://github.com/ory/hydra/issues/2016
    const log =
      'Aug 24 17:26:19 n21 hydra[23936]: time=2020-08-24T17:26:19-07:00 level=error msg=An error occurred audience=application error=map[message:invalid_scope reason:The OAuth 2.0 Client is not allowed to request scope "email". status:Bad Request status_code:400]';
    expect(confident(log)).toEqual(['ory:invalid_scope']);
    // Fosite before 2018 (handler/oauth2/flow_*.go): "The client is not allowed to request scope %s".
    expect(best('The client is not allowed to request scope offline')).toBe('ory:invalid_scope');
  });
});

describe('Dex: invalid_request of the authorization and token endpoints', () => {
  it('a refresh refused with invalid_request, as kubectl prints it', () => {
    // https://github.com/dexidp/dex/issues/2613
    const kubectl =
      'E1206 11:37:24.151289   55468 memcache.go:265] couldn\'t get current server API group list: Get "https://xxxxxxyl4.ap-east-1.eks.amazonaws.com/api?timeout=32s": failed to refresh token: oauth2: "invalid_request" "Refresh token is invalid or has already been claimed by another client."';
    expect(confident(kubectl)).toEqual(['dex:invalid_request', 'dex:invalid_grant']);
    expect(readingsOf(resolver, kubectl)).toEqual(['', 'refresh-token']);
  });

  it("Dex's sentences (server/oauth2.go, handlers.go) name their readings", () => {
    expect(best('dex No response_type provided')).toBe('dex:invalid_request');
    expect(best('Unsupported PKCE challenge method')).toBe('dex:invalid_request');
    expect(best('Required param: code.')).toBe('dex:invalid_request');
    expect(best('dex Unsupported response type "token"')).toBe('dex:unsupported_response_type');
    expect(best('Expecting parameter code_verifier in PKCE flow.')).toBe('dex:invalid_grant');
    // The refresh and code readings keep their sentences.
    expect(
      resolver.lookup('Refresh token is invalid or has already been claimed by another client')[0]?.entry?.key,
    ).toBe('dex:invalid_grant@refresh-token');
  });
});
