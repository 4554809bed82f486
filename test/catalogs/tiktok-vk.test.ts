import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// TikTok for Developers (Login Kit OAuth v2, API v2) and VK (VK API, OAuth VKontakte) as their OAuth and API
// authorization errors show up in public issue threads: each sample is text people pasted there (the thread
// beside it; tokens redacted, long traces cut), then ordinary lines with similar words that must not be read
// as these providers' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['tiktok', 'vk']);

describe('TikTok', () => {
  it("API v2's scope_not_authorized from /v2/user/info/ (Laravel Socialite)", () => {
    // https://github.com/SocialiteProviders/Providers/issues/1198
    const log = [
      '[2024-04-23 22:51:33] production.ERROR: Client error: `GET https://open.tiktokapis.com/v2/user/info/?fields=open_id%2Cunion_id%2Cdisplay_name%2Cavatar_large_url%2Cusername` resulted in a `401 Unauthorized` response:',
      '{"error":{"code":"scope_not_authorized","message":"The user did not authorize the scope required for completing this req (truncated...)',
    ].join('\n');
    expect(confident(log)).toEqual(['tiktok:scope_not_authorized']);
  });

  it("the Android Open SDK's invalid_client, next to the SDK's Gradle coordinates", () => {
    // https://github.com/tiktok/tiktok-opensdk-android/issues/19
    const sdk = [
      '"errorCode:10033,errorMsg:invalid_client, authErrorDescription:App certificate does not match configurations."',
      "implementation 'com.tiktok.open.sdk:tiktok-open-sdk-auth:2.0.3'",
    ].join('\n');
    expect(confident(sdk)).toEqual(['tiktok:invalid_client']);
  });

  it('looks up access_denied and the API codes by name', () => {
    // https://github.com/tiktok/tiktok-opensdk-android/issues/29 (the title, asked about TikTok)
    expect(best('tiktok errorMsg=access_denied, authError=access_denied')).toBe('tiktok:access_denied');
    expect(best('scope_not_authorized')).toBe('tiktok:scope_not_authorized');
    expect(best('tiktok access_token_invalid')).toBe('tiktok:access_token_invalid');
  });
});

describe('VK', () => {
  it('error 5, User authorization failed, from R, Node and Java clients', () => {
    // https://github.com/Dementiy/vkR/issues/25
    expect(
      confident(
        'Error: VK API request failed\nVK error message [5]: User authorization failed: invalid access_token (4).',
      ),
    ).toEqual(['vk:api_error_auth']);
    // https://github.com/VKCOM/vk-miniapps-deploy/issues/26 (the title)
    expect(confident('Error: 5: User authorization failed: user revoke access for this token.')).toEqual([
      'vk:api_error_auth',
    ]);
    // https://github.com/VKCOM/vk-java-sdk/issues/253
    const java = [
      'API error',
      'com.vk.api.sdk.exceptions.ApiAuthException: User authorization failed (5): User authorization failed: invalid session.',
      '    at com.vk.api.sdk.exceptions.ExceptionMapper.parseException(ExceptionMapper.java:17)',
    ].join('\n');
    expect(confident(java)).toEqual(['vk:api_error_auth']);
  });

  it('error 27 for a community token, from vk-io and a PHP client', () => {
    // https://github.com/negezor/vk-io/issues/177
    expect(
      confident(
        'UnhandledPromiseRejectionWarning: APIError: Code №27 - Group authorization failed: method is unavailable with group auth.',
      ),
    ).toEqual(['vk:api_error_group_auth']);
    // https://github.com/silischev/vkmarket/issues/6
    const php =
      'PHP Fatal error:  Uncaught Asil\\VkMarket\\Exception\\VkException: Group authorization failed: method is unavailable with group auth. in /home/user/web/project/yml-to-vk/vendor/asil/vkmarket/src/VkHelper.php:15';
    expect(confident(php)).toEqual(['vk:api_error_group_auth']);
  });

  it("error 15 from vk_api, and the token endpoint's invalid_grant near a VK clue", () => {
    // https://github.com/python273/vk_api/issues/430
    expect(confident('vk_api.exceptions.ApiError: [15] Access denied: no access to call this method')).toEqual([
      'vk:api_error_access',
    ]);
    // https://github.com/mamantoha/omniauth-vkontakte/issues/59
    const omniauth = [
      'I, [2017-06-11T02:13:07.145807 #2678]  INFO -- omniauth: (vkontakte) Callback phase initiated.',
      'E, [2017-06-11T02:13:07.244664 #2678] ERROR -- omniauth: (vkontakte) Authentication failure! invalid_credentials: OAuth2::Error, invalid_grant: Code is invalid or expired.',
      '{"error":"invalid_grant","error_description":"Code is invalid or expired."}',
    ].join('\n');
    expect(ours(omniauth)).toEqual(['vk:invalid_grant']);
    expect(best('vk 27')).toBe('vk:api_error_group_auth');
  });
});

describe('not these providers', () => {
  it('ordinary lines with the same words are not sure findings of tiktok or vk', () => {
    expect(ours('2024-05-01 ERROR sshd: User authorization failed for bob from 10.0.0.5')).toEqual([]);
    expect(ours('nginx: 403 Access denied: no access to /admin for 10.0.0.7')).toEqual([]);
    expect(
      ours('Watched https://www.tiktok.com/@someone/video/7123 then our API said {"error":"invalid_grant"}'),
    ).toEqual([]);
    expect(ours('upstream returned 429 rate_limit_exceeded, retrying in 30s')).toEqual([]);
  });
});
