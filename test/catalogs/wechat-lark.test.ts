import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// WeChat (Official Account web authorization, Open Platform, Mini Program code2Session, WeCom) and the Feishu / Lark
// Open Platform as their authorization errors show up in public issue threads: each sample is text people pasted
// there (the thread beside it; tokens redacted, long traces cut), then ordinary lines with the same numbers or words
// that must not be read as these platforms' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['wechat', 'lark']);

describe('WeChat', () => {
  it('40029 invalid code from web authorization and code2Session', () => {
    // https://github.com/xu-li/cordova-plugin-wechat/issues/266
    expect(
      confident('reponse content:{"errcode":40029,"errmsg":"invalid code, hints: [ req_id: AwanVA0259s113 ]"}'),
    ).toEqual(['wechat:40029']);
    // https://github.com/binarywang/WxJava/issues/458
    const wxjava = [
      '2018-02-03 01:08:04.193 ERROR 30745 --- [           main] c.b.wx.miniapp.api.impl.WxMaServiceImpl  : ',
      '【请求地址】: https://api.weixin.qq.com/sns/jscode2session?access_token=6_REDACTED',
      '【请求参数】：js_code=021ByuFs0fNXie1T5lJs0IwBFs0ByuF1&secret=xxxxxxxxxxxxx&grant_type=authorization_code&appid=xxxxxxxxxxxxxxx',
      '【错误信息】：{"errcode":40029,"errmsg":"invalid code, hints: [ req_id: N37KMa0605th21 ]"}',
    ].join('\n');
    expect(confident(wxjava)).toEqual(['wechat:40029']);
    // https://github.com/antgan/wx-tools/issues/15 (the title)
    expect(confident('WxError [errcode=40029, errmsg=invalid code,')).toEqual(['wechat:40029']);
  });

  it('40163 code been used', () => {
    // https://github.com/Tencent/WeDemo/issues/12
    const paste =
      '会报code被占用（{"errcode":40163,"errmsg":"code been used, hints: [ req_id: SNZPLa02074675 ]"}）。但是我的确第一次使用code,一直找不到原因，很着急。';
    expect(confident(paste)).toEqual(['wechat:40163']);
  });

  it('40001 invalid credential, from EasyWeChat and Senparc', () => {
    // https://github.com/w7corp/easywechat/issues/808
    const easywechat =
      '{"id":null,"name":null,"nickname":null,"avatar":null,"email":null,"original":{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, hints: [ req_id: hDexla0781ns89 ]"},"provider":"WeChat"}';
    expect(confident(easywechat)).toEqual(['wechat:40001']);
    // https://github.com/JeffreySu/WeiXinMPSDK/issues/3029 (the title)
    expect(
      confident(
        '不定时出现：错误代码40001，说明：invalid credential，access_token is invalid or not latest，could get access_token by getStableAccessToken',
      ),
    ).toEqual(['wechat:40001']);
  });

  it('40125 invalid appsecret, 40013 invalid appid and 48001 api unauthorized with their rid', () => {
    // https://github.com/other-blowsnow/n8n-nodes-wechat-offiaccount/issues/2 (the title)
    expect(confident('授权失败：40125, invalid appsecret rid: 67b81456-7702e5f9-2c9e1783')).toEqual(['wechat:40125']);
    // https://github.com/ArtisanCloud/PowerWechatTutorial/issues/76 (the title)
    expect(
      confident(
        'request failed: Request access_token fail: &{{{ } 40013 invalid appid rid: 655d878c-2e41a3f4-65f9b9ba',
      ),
    ).toEqual(['wechat:40013']);
    // https://github.com/siteserver/cms/issues/2582 (the title)
    expect(
      confident(
        '{"message":"微信 GET 请求发生错误！错误代码：48001，说明：api unauthorized rid: 5f64075c-2e34d024-58475aa6","addDate":"2020-09-18 09:03:25"}',
      ),
    ).toContain('wechat:48001');
  });

  it("WeCom's 60020 from wechatpy", () => {
    // https://github.com/zhayujie/CowAgent/issues/1728
    const log = [
      '[ERROR][2024-02-02 12:38:36][chat_channel.py:314] - [WX] sendMsg error: Error code: 60020, message: not allow to access from your ip, hint: [1706848717432011565347844], from ip: x.x.x.x, more info at https://open.work.weixin.qq.com/devtool/query?e=60020',
    ].join('\n');
    expect(confident(log)).toEqual(['wechat:60020']);
  });

  it('looks up the codes by number and by errmsg', () => {
    expect(best('40029')).toBe('wechat:40029');
    expect(best('wechat 40163')).toBe('wechat:40163');
    expect(best('invalid appsecret')).toBe('wechat:40125');
    expect(best('code been used')).toBe('wechat:40163');
    expect(best('42001 access_token expired')).toBe('wechat:42001');
  });
});

describe('Feishu / Lark', () => {
  it('99991663 and 99991668, invalid access token', () => {
    // https://github.com/satorijs/satori/issues/310 (the title)
    expect(
      confident(
        '[Bug][adapter-lark] Lark error code 99991663: Invalid access token for authorization. Please make a request with token attached',
      ),
    ).toEqual(['lark:99991663']);
    // https://github.com/larksuite/node-sdk/issues/111 (the title, with the SDK the thread names)
    expect(
      ours(
        '使用自建应用机器人发送消息出现偶发性错误【Invalid access token for authorization】\n版本 `@larksuiteoapi/node-sdk": "^1.37.2"`',
      ),
    ).toEqual([]);
  });

  it('10003 from the token endpoint and 20029 on the authorization page', () => {
    // https://github.com/cso1z/Feishu-MCP/issues/17
    // "invalid param" is too plain to be Feishu's by itself, and 飞书 is no clue: near the SDK's variables it is.
    const mcp = '搜索飞书文档失败: 获取飞书访问令牌失败：invalid param (错误码: 10003) (错误码: -1)';
    expect(ours(mcp)).toEqual([]);
    expect(ours(`"FEISHU_APP_ID": "xxxxx",\n${mcp}`)).toEqual(['lark:10003']);
    // https://github.com/zhgqthomas/n8n-nodes-feishu-lark/issues/7
    const page = [
      '错误码：20029 redirect_uri 请求不合法',
      '若点击刷新重试无法解决问题，请将 Logid 提供给客服协助解决。Logid: 20250814005929D8CFBD6D7B0CA88701B5',
    ].join('\n');
    expect(confident(page)).toEqual(['lark:20029']);
  });

  it('looks up the codes', () => {
    expect(best('99991663')).toBe('lark:99991663');
    expect(best('feishu 10014')).toBe('lark:10014');
    expect(best('lark 99991672')).toBe('lark:99991672');
  });
});

describe('not these platforms', () => {
  it('ordinary lines with the same numbers or words are not sure findings of wechat or lark', () => {
    expect(ours('2024-01-01 12:00:01 INFO took 40029 ms to render the page')).toEqual([]);
    expect(ours('invalid code: expected a number at line 3')).toEqual([]);
    expect(ours('{"error":"invalid code"}')).toEqual([]);
    expect(ours('HTTP 401 access_token expired, refreshing')).toEqual([]);
    expect(ours('order 10003 shipped; invalid param in request 10014')).toEqual([]);
    expect(ours('PID 99991668 exited with status 1')).toEqual([]);
    expect(ours('api unauthorized for user bob')).toEqual([]);
  });
});
