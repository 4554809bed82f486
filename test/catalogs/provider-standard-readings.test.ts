import { describe, expect, it } from 'vitest';
import { confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Hosted providers' own readings of standard OAuth codes (the code is the provider's only beside its clue: its
// token or authorize host, its name, its library): each sample is text people pasted in the thread above it, or,
// where no thread shows the error, the response as the provider's documentation shows it. Then the same code
// without the clue, which stays the standard entry, and ordinary lines with the same words that must not be read
// as the error.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const among = (text: string, providers: string[]) => confidentAmong(resolver, text, providers);

describe('Zoom: unsupported_grant_type at zoom.us/oauth/token', () => {
  it('the token endpoint answer beside its host', () => {
    // https://github.com/JubaerHossain/zoom-laravel/issues/4
    expect(
      among(
        'Client error: `POST https://zoom.us/oauth/token` resulted in a `400 Bad Request` response: {"reason":"unsupported grant type","error":"unsupported_grant_type"}',
        ['zoom', 'oauth2', 'spring-security'],
      ),
    ).toEqual(['zoom:unsupported_grant_type']);
  });

  it('without a Zoom clue the code is the standard one', () => {
    // https://github.com/zoom/server-to-server-oauth-token/issues/3 (the repository says Zoom; the text does not)
    expect(
      among(
        "Request failed with status code 400 { reason: 'unsupported grant type', error: 'unsupported_grant_type' }",
        ['zoom', 'oauth2'],
      ),
    ).toEqual(['oauth2:unsupported_grant_type']);
    expect(confident('POST /oauth/token -> 400 {"error":"unsupported_grant_type"}')).toEqual([
      'oauth2:unsupported_grant_type',
    ]);
  });

  it('no false alarm', () => {
    expect(confident('Zoom server-to-server apps use grant_type=account_credentials, not client_credentials.')).toEqual(
      [],
    );
  });
});

describe('Twitch: access_denied from id.twitch.tv/oauth2/authorize', () => {
  it('the redirect as Twitch Developers show it, with the authorize host', () => {
    // https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/ (no thread shows this redirect)
    expect(
      confident(
        'GET https://id.twitch.tv/oauth2/authorize -> http://localhost:3000/?error=access_denied&error_description=The+user+denied+you+access&state=c3ab8aa609ea11e793ae92361f002671',
      ),
    ).toEqual(['twitch:access_denied']);
  });

  it('the bare code is the standard one', () => {
    expect(confident('http://localhost:3000/?error=access_denied&state=c3ab8aa609ea11e793ae92361f002671')).toEqual([
      'oauth2:access_denied',
    ]);
  });

  it('no false alarm', () => {
    expect(confident('Twitch: the user denied access to the channel, so the bot left.')).toEqual([]);
  });
});

describe('Spotify: unsupported_grant_type at accounts.spotify.com/api/token', () => {
  it('grant_type parameter is missing, from a JSON body', () => {
    // https://github.com/spotify/web-api/issues/1503
    expect(
      confident(
        [
          "I'm trying to get a token from an endpoint https://accounts.spotify.com/api/token.",
          '',
          '    axios.post("https://accounts.spotify.com/api/token",',
          '      {',
          "        grant_type: 'client_credentials',",
          '        client_id,',
          '        client_secret',
          '      }, {',
          '      headers: {',
          '        "Content-Type": "application/x-www-form-urlencoded"',
          '      }',
          '    })`',
          '',
          'This is my code. I believe I did everything as documented, but it still gives me an error ',
          '`error: "unsupported_grant_type"',
          'error_description: "grant_type parameter is missing"`',
        ].join('\n'),
      ),
    ).toEqual(['spotify:unsupported_grant_type']);
  });

  it('the message naming the three grants', () => {
    // https://github.com/trivago/Heimdallr.swift/issues/109
    expect(
      among(
        [
          "I'm having a failure: `failure: grant_type must be client_credentials, authorization_code or refresh_token`",
          'My bad... it was because Spotify only support the 3 grant_type above.',
        ].join('\n'),
        ['spotify', 'oauth2'],
      ),
    ).toEqual(['spotify:unsupported_grant_type']);
    // Without the name, the sentence alone is no error of anyone's.
    expect(
      among('failure: grant_type must be client_credentials, authorization_code or refresh_token', ['spotify']),
    ).toEqual([]);
  });

  it('no false alarm', () => {
    expect(
      confident('Spotify expects grant_type=client_credentials in the form body of accounts.spotify.com/api/token'),
    ).toEqual([]);
  });
});

describe('Dropbox: invalid_client at api.dropboxapi.com/oauth2/token', () => {
  it('the code and sentence in one error field', () => {
    // https://github.com/s-aska/dropbox-api-command/issues/41
    expect(
      confident(
        '2018-04-18T10:33:33 [WebService::Dropbox] [ERROR] https://api.dropboxapi.com/oauth2/token {"client_id":"*****************","grant_type":"authorization_code","client_secret":"********","code":"**********************"} -> [400] {"error": "invalid_client: Invalid client_id or client_secret"} at /usr/local/share/perl/5.22.1/WebService/Dropbox.pm line 184, <STDIN> line 3.',
      ),
    ).toEqual(['dropbox:invalid_client']);
  });

  it('no false alarm', () => {
    expect(
      confident(
        'Dropbox wants the app key as client_id and the app secret as client_secret on api.dropboxapi.com/oauth2/token',
      ),
    ).toEqual([]);
  });
});

describe('Meta: access_denied from the Facebook Login dialog', () => {
  it('the cancelled dialog, with error_reason=user_denied', () => {
    // https://github.com/xamarin/FacebookComponents/issues/109
    expect(
      confident(
        [
          'The error I am getting when clicking cancel is:',
          'error_reason=user_denied',
          '&error=access_denied',
          '&error_description=Permissions+error.',
        ].join('\n'),
      ),
    ).toEqual(['meta:access_denied']);
    // Square's redirect carries the bare word user_denied as its description, and stays Square's.
    expect(
      confident('https://example.com/callback?error=access_denied&error_description=user_denied&state=abc'),
    ).toEqual(['square:access_denied']);
  });

  it('the bare code is the standard one', () => {
    expect(confident('https://www.domain.com/login?error=access_denied&state=abc')).toEqual(['oauth2:access_denied']);
  });

  it("no false alarm, and Graph's (#200) Permissions error stays the OAuthException", () => {
    expect(confident('We hit a permissions error on the shared drive; user denied.')).toEqual([]);
    expect(
      confident(
        '{"error":{"message":"(#200) Permissions error","type":"OAuthException","code":200,"fbtrace_id":"A1b2"}}',
      ),
    ).toEqual(['meta:OAuthException']);
  });
});

describe('Etsy: insufficient_scope from api.etsy.com', () => {
  it('the API answer beside the name', () => {
    // https://github.com/etsy/open-api/issues/598
    expect(
      confident(
        'My Etsy app receives this error message for the last few hours: "error":"insufficient_scope","error_description":"Insufficient scope"',
      ),
    ).toEqual(['etsy:insufficient_scope']);
  });

  it('without an Etsy clue the code is the standard one', () => {
    expect(confident('"error":"insufficient_scope","error_description":"Insufficient scope"')).toEqual([
      'oauth2:insufficient_scope',
    ]);
  });

  it('no false alarm', () => {
    expect(confident('Etsy scopes: listings_w lets the app change listings; request only the scope you need.')).toEqual(
      [],
    );
  });
});

describe('Coinbase: invalid_grant at login.coinbase.com/oauth2/token', () => {
  it('the token endpoint refusal in a Coinbase thread', () => {
    // https://github.com/coinbase/omniauth-coinbase/issues/17
    expect(
      confident(
        [
          'From what I can see this library is useless.  You get back an authorization code, but when you use that in another client / http request you always get back..',
          '"error"=>"invalid_grant", "error_description"=>"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."',
          '',
          "Also coinbase-ruby doesn't support getting a token either....",
        ].join('\n'),
      ),
    ).toContain('coinbase:invalid_grant');
  });

  it('without a Coinbase clue the code is the standard one', () => {
    expect(
      confident(
        '"error"=>"invalid_grant", "error_description"=>"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."',
      ),
    ).toEqual(['oauth2:invalid_grant']);
  });

  it('no false alarm', () => {
    expect(confident('Coinbase refresh tokens can only be exchanged once, so store the new refresh_token.')).toEqual(
      [],
    );
  });
});
