import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the Webex, Yandex, Notion and Twitch catalogs: each sample is text people pasted in a public thread (the
// thread above it) or, where no thread shows the error with its clue, the response as the provider's documentation or
// its own SDK's source shows it. Ordinary lines with the same words are no error of these providers.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const among = (providers: string[]) => (text: string) => confidentAmong(resolver, text, providers);
const ours = among(['webex', 'yandex', 'notion', 'twitch']);

describe('Webex authorize page and token endpoint', () => {
  it('invalid_scope on the redirect from the Webex authorize URL', () => {
    // https://github.com/webex/webex-js-sdk/blob/master/packages/@webex/plugin-authorization-browser/test/unit/spec/authorization.js
    // (the redirect as Webex's SDK tests carry it), after the authorize URL of https://developer.webex.com/docs/integrations
    expect(
      confident(
        [
          'GET https://webexapis.com/v1/authorize?client_id=C123&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A8000%2F&scope=spark%3Aall%20meeting%3Aschedules_read',
          'http://127.0.0.1:8000/?error=invalid_scope&error_description=The%20requested%20scope%20is%20invalid.',
        ].join('\n'),
      ),
    ).toEqual(['webex:invalid_scope']);
  });

  it('invalid_request for a blank client_id', () => {
    // https://github.com/webex/webex-js-sdk/issues/4990
    expect(
      confident(
        [
          "I successfully initialized the SDK with the client_id, redirect_uri, and scope, but it doesn't work when I try to use  `webex.authorization.initiateLogin`.",
          '```',
          'error: invalid_request',
          'error_description: Parameter:client_id is blank',
          '```',
        ].join('\n'),
      ),
    ).toEqual(['webex:invalid_request']);
  });

  it('invalid_grant and invalid_client beside the Webex token endpoint', () => {
    // https://developer.webex.com/docs/integrations (the token endpoint and refresh grant it documents)
    expect(
      confident(
        [
          'POST https://webexapis.com/v1/access_token grant_type=refresh_token -> 400',
          '{"error":"invalid_grant"}',
        ].join('\n'),
      ),
    ).toEqual(['webex:invalid_grant']);
    expect(confident('POST https://webexapis.com/v1/access_token -> 401 {"error":"invalid_client"}')).toEqual([
      'webex:invalid_client',
    ]);
  });

  it('the same codes and sentence without a Webex clue stay the standard ones', () => {
    expect(
      confident('http://127.0.0.1:8000/?error=invalid_scope&error_description=The%20requested%20scope%20is%20invalid.'),
    ).toEqual(['oauth2:invalid_scope']);
    expect(confident('POST /v1/access_token -> 400 {"error":"invalid_grant"}')).toEqual(['oauth2:invalid_grant']);
  });
});

describe('Yandex OAuth authorization page', () => {
  it('redirect_uri does not match the Callback URL, in English anywhere', () => {
    // https://github.com/radio-t/radio-t-site/issues/45
    expect(
      confident(['400', 'redirect_uri does not match the Callback URL defined for the client'].join('\n')),
    ).toEqual(['yandex:yandex-redirect-uri-mismatch']);
  });

  it('the Russian form beside the Yandex authorize URL', () => {
    // https://yandex.com/dev/id/doc/en/codes/code-url (the authorize request) with the page's Russian sentence as
    // https://github.com/Nodge/yii2-eauth/issues/98 quotes it
    expect(
      confident(
        [
          'GET https://oauth.yandex.ru/authorize?response_type=code&client_id=a1b2c3&redirect_uri=https%3A%2F%2Fexample.com%2Flogin',
          '400',
          'redirect_uri не совпадает с Callback URL, указанным при регистрации приложения',
        ].join('\n'),
      ),
    ).toEqual(['yandex:yandex-redirect-uri-mismatch']);
  });

  it('a question with the Russian sentence looks it up', () => {
    // https://github.com/vectorserver/yandex_music_fisher_mod/issues/10
    expect(bestOf(resolver, 'redirect_uri не совпадает с Callback URL, указанным при регистрации приложения')).toBe(
      'yandex:yandex-redirect-uri-mismatch',
    );
  });
});

describe('Notion authorization page', () => {
  it('Missing or invalid redirect_uri beside a Notion clue', () => {
    // https://github.com/2anki/2anki.net/pull/2218
    expect(
      confident(
        [
          'Notion requires `redirect_uri` in the authorization URL when one is configured in the integration settings. The current prod code omits it, causing Notion to return "Missing or invalid redirect_uri" when users click "Continue with Notion".',
          '',
          'Reuse the existing `NOTION_REDIRECT_URI` env var (already registered in the Notion integration) in the login init URL.',
        ].join('\n'),
      ),
    ).toEqual(['notion:notion-invalid-redirect-uri']);
    // https://developers.notion.com/docs/authorization (the authorization URL it documents)
    expect(
      confident(
        [
          'GET https://api.notion.com/v1/oauth/authorize?client_id=463558a3-725e-4f37-b6d3-0889894f68de&response_type=code&owner=user',
          'Something went wrong. Missing or invalid redirect_uri',
        ].join('\n'),
      ),
    ).toEqual(['notion:notion-invalid-redirect-uri']);
  });
});

describe('Twitch authorize page', () => {
  it('invalid csrf token after Authorize', () => {
    // https://github.com/streamlink/streamlink-twitch-gui/issues/678
    expect(
      confident(
        [
          'https://id.twitch.tv/oauth2/authorize?response_type=token&client_id=phiay4sq36lfv9zu7cbqwz2ndnesfd8&redirect_uri=http%3A%2F%2Flocalhost%3A65432%2Fredirect&scope=user_read+user_blocks_read+user_blocks_edit+user_follows_edit+user_subscriptions+chat_login&force_verify=true',
          '',
          'Upon clicking "authorize" - it redirects to page with JSON-formatted message',
          '{"status":401,"message":"invalid csrf token"}',
        ].join('\n'),
      ),
    ).toEqual(['twitch:invalid-csrf-token']);
    // https://github.com/night/betterttv/issues/4053
    expect(
      confident(
        [
          'When I try to sign on to BTTV I get this error message',
          '',
          '{"status":401,"message":"invalid csrf token"}',
        ].join('\n'),
      ),
    ).toEqual(['twitch:invalid-csrf-token']);
  });

  it("a web framework's own csrf error is not Twitch's", () => {
    expect(ours('ForbiddenError: invalid csrf token\n    at csrf (/app/node_modules/csurf/index.js:112:19)')).toEqual(
      [],
    );
  });
});

describe('ordinary lines with the same words', () => {
  it('are not read as these providers\u2019 errors', () => {
    for (const line of [
      'the requested scope is invalid for this user',
      'Parameter: client_id is blank in the form, fill it in',
      'redirect_uri does not match',
      'Callback URL updated in the app settings',
      'Missing or invalid redirect_uri',
      'invalid csrf token',
      'the login form returned invalid csrf token again',
    ]) {
      expect(ours(line), line).toEqual([]);
    }
  });
});
