import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// The Fitbit Web API, Epic on FHIR, the DingTalk Open Platform and the Monzo API as their authorization errors show
// up in public issue threads: each sample is text people pasted there (the thread beside it; tokens redacted as
// posted), then ordinary lines with the same codes or words that must not be read as these providers' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['fitbit', 'epic', 'dingtalk', 'monzo']);

describe('Fitbit Web API', () => {
  it('insufficient_scope from Apps Script and from an export app, cut short and JSON-escaped', () => {
    // https://github.com/loghound/Fitbit-for-Google-App-Script/issues/20
    expect(
      confident(
        'Request failed for https://api.fitbit.com/1/user/-/profile.json returned code 403. Truncated server response: {"errors":[{"errorType":"insufficient_scope","message":"This application does not have permission to access profile data. Visit https://dev.fitbit.... (use muteHttpExceptions option to examine full response)',
      ),
    ).toEqual(['fitbit:insufficient_scope']);
    // https://github.com/NickHeiner/decomissioned-fitbit-export/issues/24
    expect(
      ours(
        '  "responseBody": "{\\"errors\\":[{\\"errorType\\":\\"insufficient_scope\\",\\"message\\":\\"This application does not have permission to access sleep data. Visit https://dev.fitbit.com/docs/oauth2 for more information on the Fitbit Web API authorization process.\\"}],\\"success\\":false}"',
      ),
    ).toEqual(['fitbit:insufficient_scope']);
  });

  it('insufficient_permissions for intraday data', () => {
    // https://github.com/lukasolson/fitbit-node/issues/16
    expect(
      confident(
        '{"errors":[{"errorType":"insufficient_permissions","message":"API client is not authorized by Fitbit to access the resource requested. Visit https://dev.fitbit.com/docs/oauth2 for more information on the Fitbit Web API authorization process."}],"success":false}',
      ),
    ).toEqual(['fitbit:insufficient_permissions']);
  });

  it('invalid_grant on refresh, on one line and pretty-printed, is the refresh-token reading', () => {
    // https://github.com/aarondcoleman/Fitbit.NET/issues/320
    const line =
      '{"errors":[{"errorType":"invalid_grant","message":"Refresh token invalid:------. Visit https://dev.fitbit.com/docs/oauth2 for more information on the Fitbit Web API authorization process."}],"success":false}';
    expect(confident(line)).toEqual(['fitbit:invalid_grant']);
    expect(readingsOf(resolver, line)).toEqual(['refresh-token']);
    // https://github.com/home-assistant/core/issues/141223
    const pretty = [
      '{',
      '  "errors": [{',
      '    "errorType": "invalid_grant",',
      '    "message": "Refresh token invalid: xxxxxx. Visit https://dev.fitbit.com/docs/oauth2 for more information on the Fitbit Web API authorization process."',
      '  }],',
      '  "success": false',
      '}',
    ].join('\n');
    expect(ours(pretty)).toEqual(['fitbit:invalid_grant']);
    expect(readingsOf(resolver, pretty)).toEqual(['refresh-token']);
  });

  it('invalid_request for a missing refresh_token from fitbit-node', () => {
    // https://github.com/lukasolson/fitbit-node/issues/7
    const paste =
      'problems getting refresh token: {"name":"Error","status":400,"message":"Bad Request","context":{"errors":[{"errorType":"invalid_request","message":"Missing parameters: refresh_token Visit https://dev.fitbit.com/docs/oauth2 for more information on the Fitbit Web API authorization process."}],"success":false}}';
    expect(ours(paste)).toEqual(['fitbit:invalid_request']);
    expect(readingsOf(resolver, paste).filter((id) => id === 'token-endpoint')).toEqual(['token-endpoint']);
  });

  it('looks up the error types and messages', () => {
    expect(best('fitbit expired_token')).toBe('fitbit:expired_token');
    expect(best('fitbit invalid_grant')).toBe('fitbit:invalid_grant');
    expect(best('insufficient_permissions')).toBe('fitbit:insufficient_permissions');
    expect(best('This application does not have permission to access sleep data')).toBe('fitbit:insufficient_scope');
    expect(best('Invalid redirect_uri parameter value')).toBe('fitbit:invalid_request');
    // The bare standard codes stay the standard's.
    expect(best('expired_token')).toBe('oauth2:expired_token');
    expect(best('invalid_token')).toBe('oauth2:invalid_token');
  });

  it("does not read other services' token errors as Fitbit's", () => {
    expect(ours('{"error":"invalid_token","error_description":"The access token expired"}')).toEqual([]);
    expect(ours('{"error":"expired_token"}')).toEqual([]);
    expect(ours('403 Forbidden: insufficient_scope')).toEqual([]);
    expect(ours('error=invalid_request&error_description=Invalid+parameter%3A+redirect_uri')).toEqual([]);
  });
});

describe('Epic on FHIR', () => {
  it("reads the token endpoint's bare codes as Epic's beside an Epic endpoint", () => {
    // https://github.com/smart-on-fhir/client-js/issues/87 (the title and body)
    const paste = [
      'Anyone else getting an invalid_grant from new fhir.epic.com auth schema with jwt auth_code?',
      '(instead I am getting { "error": "invalid_grant",  "error_description": null} from the token endpoint for their sandbox)',
    ].join('\n');
    expect(ours(paste)).toContain('epic:invalid_grant');
    // https://golangfix.com/epic-fhir-smart-backend-services-error-invalid_client-error_description-null/
    const backend = [
      'oauth2TokenUrl  = "https://fhir.epic.com/interconnect-fhir-oauth/oauth2/token"',
      '{ "error": "invalid_client", "error_description": null }',
    ].join('\n');
    expect(ours(backend)).toEqual(['epic:invalid_client']);
    expect(readingsOf(resolver, backend)).toEqual(['backend-jwt']);
  });

  it('looks up Epic readings when Epic is named', () => {
    expect(best('epic invalid_client')).toBe('epic:invalid_client');
    expect(best('invalid_client')).toBe('oauth2:invalid_client');
  });

  it("leaves the bare codes alone, and other FHIR servers' token errors", () => {
    expect(ours('{"error":"invalid_client","error_description":null}')).toEqual([]);
    // https://github.com/athenahealth/apiserver-athenaFlex/issues/8 (athenahealth's FHIR sandbox, not Epic)
    expect(ours('"invalid_client: An unexpected error has occurred. Please try this operation again later"')).toEqual(
      [],
    );
  });
});

describe('DingTalk', () => {
  it('errcode 88 carries the real error in its subcode', () => {
    // https://github.com/cryozerolabs/n8n-nodes-dingtalk/issues/12
    expect(
      ours(
        [
          'Problem in node ‘用户管理 根据手机号查询用户‘',
          'ding talk error[subcode=40014,submsg=不合法的access_token]',
        ].join('\n'),
      ),
    ).toEqual(['dingtalk:40014']);
  });

  it('40089 from gettoken and 40014 from the old API beside the new one', () => {
    // https://developer.aliyun.com/ask/201511
    expect(confident('返回:{"errcode":40089,"errmsg":"不合法的corpid或corpsecret"}')).toEqual(['dingtalk:40089']);
    // https://github.com/satorijs/satori/issues/240
    const log = [
      '2024-02-25 23:36:51 [W] dingtalk Error: [400] {"code":"InvalidAuthentication","requestid":"30EE8654-1AA2-7D88-8248-9518547248AA","message":"不合法的access_token"}',
      '                            at _Internal.<computed> [as listAllInnerApps] (/koishi/node_modules/@satorijs/adapter-dingtalk/lib/index.js:365:21)',
      "2024-02-25 23:36:52 [E] dingtalk getLogin failed: { data: { errcode: 40014, errmsg: '不合法的access_token' }, url: 'https://oapi.dingtalk.com/microapp/list?access_token=undefined', status: 200, statusText: 'OK' }",
    ].join('\n');
    const found = ours(log);
    expect(found).toContain('dingtalk:InvalidAuthentication');
    expect(found).toContain('dingtalk:40014');
  });

  it('the new API permission error is DingTalk’s anywhere', () => {
    expect(
      confident(
        '{"code":"Forbidden.AccessDenied.AccessTokenPermissionDenied","requestid":"6E32D367-2DFE-7DDB-B729-1735AE7C2ABE","message":"没有调用该接口的权限，接口权限申请参考：https://open.dingtalk.com/document/orgapp-server/add-api-permission"}',
      ),
    ).toEqual(['dingtalk:Forbidden.AccessDenied.AccessTokenPermissionDenied']);
  });

  it('looks up the codes', () => {
    expect(best('88')).toBe('dingtalk:88');
    expect(best('40089')).toBe('dingtalk:40089');
    expect(best('dingtalk 40014')).toBe('dingtalk:40014');
    expect(best('InvalidAuthentication')).toBe('dingtalk:InvalidAuthentication');
  });

  it("does not read WeChat's or Graph's errors, or plain numbers, as DingTalk's", () => {
    // https://github.com/xu-li/cordova-plugin-wechat/issues/266 (WeChat's, as wechat-lark.test.ts reads it)
    expect(
      ours('reponse content:{"errcode":40029,"errmsg":"invalid code, hints: [ req_id: AwanVA0259s113 ]"}'),
    ).toEqual([]);
    expect(ours('WxError [errcode=40014, errmsg=invalid access_token')).toEqual([]);
    expect(
      ours('{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid."}}'),
    ).toEqual([]);
    expect(ours('processed 88 rows in 40014 ms')).toEqual([]);
  });
});

describe('Monzo', () => {
  // Monzo's answers as its API returns them ({"code":...,"message":...,"params":{...}}); the bodies below are the ones
  // public Monzo clients quote.
  it('forbidden.insufficient_permissions before the user approves access in the Monzo app', () => {
    expect(
      confident(
        '{"code":"forbidden.insufficient_permissions","message":"Access forbidden due to insufficient permissions","params":{"client_id":"oauth2client_00009abcdef","user_id":"user_00009xyz"}}',
      ),
    ).toEqual(['monzo:forbidden.insufficient_permissions']);
  });

  it('expired and bad tokens', () => {
    expect(confident('unauthorized.bad_access_token.expired: Access token has expired')).toContain(
      'monzo:unauthorized.bad_access_token.expired',
    );
    expect(confident('{"code":"unauthorized.bad_refresh_token", "message":"Bad refresh token"}')).toEqual([
      'monzo:unauthorized.bad_refresh_token',
    ]);
    expect(confident('403 forbidden.verification_required')).toEqual(['monzo:forbidden.verification_required']);
  });

  it('looks up the codes', () => {
    expect(best('forbidden.insufficient_permissions')).toBe('monzo:forbidden.insufficient_permissions');
    expect(best('unauthorized.bad_access_token')).toBe('monzo:unauthorized.bad_access_token');
    expect(best('monzo invalid_token')).toBe('monzo:invalid_token');
    expect(best('Consent is not authorised')).toBe('monzo:bad_request.consent_status');
  });

  it("does not read other apps' permission refusals as Monzo's", () => {
    expect(ours('ERROR: Access forbidden due to insufficient permissions.')).toEqual([]);
    expect(ours('res.status(403).send("Access forbidden: insufficient permissions.")')).toEqual([]);
    expect(ours('{"error":"invalid_token","error_description":"Token expired"}')).toEqual([]);
    expect(ours('Access token has expired')).toEqual([]);
  });
});
