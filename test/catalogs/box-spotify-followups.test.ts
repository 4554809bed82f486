import { describe, expect, it } from 'vitest';
import { confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Follow-ups for Box's token endpoint (the app authorization, grant type and JWT user token sentences of
// Box's Common errors guide and Box Support) and for Spotify's authorize page INVALID_CLIENT, which must not
// be read inside Dropbox's one-field "invalid_client: Invalid client_id or client_secret". Samples are texts
// people pasted in public issue threads and Box's community forum (the thread beside each), then ordinary
// lines with the same words.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const readings = (text: string) => readingsOf(resolver, text);

describe('Box: unauthorized_client for an app the enterprise admin has not authorized', () => {
  it('box-java-sdk, its exception wrapped at the terminal width inside "enterprise"', () => {
    // https://github.com/box/box-java-sdk/issues/799
    const trace = [
      'Exception in thread "main" com.box.sdk.BoxAPIResponseException: The API returned',
      ' an error code [400] unauthorized_client - This app is not authorized by the ent',
      'erprise admin',
      '        at com.box.sdk.BoxAPIResponse.<init>(BoxAPIResponse.java:92)',
      '        at com.box.sdk.BoxDeveloperEditionAPIConnection.authenticate(BoxDeveloperEditionAPIConnection.java:342)',
    ].join('\n');
    expect(confident(trace)).toEqual(['box:unauthorized_client']);
    expect(readings(trace)).toEqual(['app-authorization']);
  });

  it('the Box CLI', () => {
    // https://github.com/box/boxcli/issues/154
    const cli =
      'After following the Getting Started instructions and successfully adding a CLI environment using the config file obtained from my Box Developer console, box commands (e.g. box users:get) attempting to use the API fails with the message, "Unexpected API Response [400 Bad Request] unauthorized_client - This app is not authorized by the enterprise admin"';
    expect(confident(cli)).toEqual(['box:unauthorized_client']);
    expect(readings(cli)).toEqual(['app-authorization']);
  });

  it('the grant type sentence near api.box.com is Box', () => {
    // https://support.box.com/hc/en-us/community/posts/360049194193-The-grant-type-is-unauthorized-for-this-client-id
    const forum = [
      "Can anyone help me with why I'm receiving response The grant type is unauthorized for this client_id' when I am trying to get an access token for an API call.",
      'curl -s -X POST https://api.box.com/oauth2/token',
      '-d grant_type=authorization_code',
    ].join('\n');
    expect(confident(forum)).toEqual(['box:unauthorized_client']);
    expect(readings(forum)).toEqual(['app-authorization']);
  });

  it('no false alarm', () => {
    expect(
      confident('The Box admin has not authorized this app in the enterprise yet, so the sync waits for approval'),
    ).toEqual([]);
    // oauth2-server-php's answer with the same grant type sentence, with no Box clue, is not Box's.
    // https://github.com/bshaffer/oauth2-server-php/issues/472
    expect(
      confident(
        'array(2) { ["error"]=> string(19) "unauthorized_client" ["error_description"]=> string(49) "The grant type is unauthorized for this client_id" } ',
      ),
    ).not.toContain('box:unauthorized_client');
  });
});

describe("Box: invalid_request for a JWT user token the app's configuration does not allow", () => {
  it('box-java-sdk getAppUserConnection', () => {
    // https://github.com/box/box-java-sdk/issues/439
    const java = [
      'but doesnt work when i do ',
      '`api = BoxDeveloperEditionAPIConnection.getAppUserConnection()`',
      'it gives me 400 error with this',
      '`{"error":"invalid_request","error_description":"Cannot obtain user token based on the enterprise configuration for your app"}`',
    ].join('\n');
    expect(confident(java)).toEqual(['box:invalid_request']);
    expect(readings(java)).toEqual(['user-token']);
    // https://github.com/box/box-java-sdk/issues/268
    const other =
      'Creating the AppUser works fine but in `BoxDeveloperEditionAPIConnection.getAppUserConnection` I receive the error \n`{"error":"invalid_request","error_description":"Cannot obtain user token based on the enterprise configuration for your app"}`.';
    expect(readings(other)).toEqual(['user-token']);
  });

  it('the older wording without "user", from the Python SDK', () => {
    // https://support.box.com/hc/en-us/community/posts/7586869026195-receiving-400-error-when-trying-to-authenticate-via-jwt
    const python = [
      "I receive this error: {'error': 'invalid_request',",
      "'error_description': 'Cannot obtain token based on the enterprise '",
      "'configuration for your app'}",
      'from boxsdk import JWTAuth, Client',
    ].join('\n');
    expect(confident(python)).toEqual(['box:invalid_request']);
  });

  it('no false alarm', () => {
    expect(
      confident('We cannot obtain a user token for the Box app until the enterprise configuration is reviewed'),
    ).toEqual([]);
  });
});

describe("Spotify's INVALID_CLIENT is not read inside Dropbox's invalid_client sentence", () => {
  it("the authorize page's Invalid client, as people paste it", () => {
    // https://github.com/songify-rocks/Songify/issues/151
    const page = [
      "So i've done every step that has been written in guide on how to create an app, and when im pressing the link button on Songify app, the page returns following message: ",
      '',
      'INVALID_CLIENT: Invalid client',
    ].join('\n');
    expect(confident(page)).toEqual(['spotify:INVALID_CLIENT']);
    expect(readings(page)).toEqual(['client-id']);
    // https://github.com/dsafa/audio-band/issues/259
    const quoted =
      'When I select spotify in audio sources it opens up a page that says : "INVALID_CLIENT: Invalid client"';
    expect(readings(quoted)).toEqual(['client-id']);
  });

  it("the token endpoint's invalid_client with the description Invalid client stays the token endpoint's", () => {
    // https://github.com/mahdi-y/Spotify2YoutubeMusic/issues/19
    expect(
      confident('spotipy.exceptions.SpotifyOauthError: error: invalid_client, error_description: Invalid client'),
    ).toEqual(['spotify:invalid_client']);
  });

  it('no false alarm: the one-field form with no Spotify clue', () => {
    expect(confident('{"error": "invalid_client: Invalid client_id or client_secret"}')).not.toContain(
      'spotify:INVALID_CLIENT',
    );
    expect(confident('invalid_client: Invalid client_id or client_secret')).not.toContain('spotify:INVALID_CLIENT');
  });
});
