import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type TestBot } from '../helpers/bot.js';
import { envelope, fixture, send, sign, signedJson } from '../helpers/slack-request.js';

/** Signing and transport in HTTP mode (docs/slack-contract.md §1, §2). */
describe('HTTP endpoint', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.stop());

  const message = () => envelope(fixture('message').event);
  const json = (body: string, headers: Record<string, string>) =>
    send(bot.url, { body, headers: { 'Content-Type': 'application/json', ...headers } });
  const noWork = async () => {
    await bot.idle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bot.slack.workCalls).toEqual([]);
  };

  it('a signed message event gets an empty 200 within 3 s, then exactly one reply', async () => {
    const sent = await signedJson(bot.url, message());
    expect(sent.status).toBe(200);
    expect(sent.body).toBe('');
    expect(sent.ms).toBeLessThan(3000);
    await bot.idle();
    expect(bot.slack.callsOf('chat.postMessage')).toHaveLength(1);
    bot.slack.calls.length = 0;
  });

  it('a wrong signature gets 401 and no listener runs', async () => {
    const body = JSON.stringify(message());
    const sent = await json(body, sign(body, 'ffffffffffffffffffffffffffffffff'));
    expect(sent.status).toBe(401);
    await noWork();
  });

  it('a timestamp older than 5 minutes gets 401', async () => {
    const body = JSON.stringify(message());
    const sent = await json(body, sign(body, undefined, Math.floor(Date.now() / 1000) - 301));
    expect(sent.status).toBe(401);
    await noWork();
  });

  it('missing signature, missing or non-numeric timestamp get 401', async () => {
    const body = JSON.stringify(message());
    const headers = sign(body);
    expect((await json(body, { 'X-Slack-Request-Timestamp': headers['X-Slack-Request-Timestamp'] })).status).toBe(401);
    expect((await json(body, { 'X-Slack-Signature': headers['X-Slack-Signature'] })).status).toBe(401);
    expect((await json(body, { ...headers, 'X-Slack-Request-Timestamp': 'soon' })).status).toBe(401);
    await noWork();
  });

  it('a v1= signature gets 401', async () => {
    const body = JSON.stringify(message());
    const headers = sign(body);
    const sent = await json(body, {
      ...headers,
      'X-Slack-Signature': headers['X-Slack-Signature'].replace('v0=', 'v1='),
    });
    expect(sent.status).toBe(401);
    await noWork();
  });

  it('a body changed after signing (whitespace) gets 401: verification uses the raw bytes', async () => {
    const body = JSON.stringify(message());
    const sent = await json(JSON.stringify(message(), null, 2), sign(body));
    expect(sent.status).toBe(401);
    await noWork();
  });

  it('url_verification returns the challenge when signed, 401 when not', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'abc', type: 'url_verification' });
    const signed = await json(body, sign(body));
    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.body)).toEqual({ challenge: 'abc' });
    expect((await json(body, {})).status).toBe(401);
  });

  it('ssl_check is answered 200 unsigned and nothing is dispatched', async () => {
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    expect((await send(bot.url, { body: 'ssl_check=1&token=x', headers: form })).status).toBe(200);
    const smuggled = await send(bot.url, {
      body: 'ssl_check=1&command=%2Foauth-error&text=invalid_grant&channel_id=C1&team_id=T1&user_id=U1',
      headers: form,
    });
    expect(smuggled.status).toBe(200);
    expect(smuggled.body).toBe('');
    await noWork();
  });

  it('signed malformed JSON gets 400', async () => {
    const body = '{"type":"event_callback",';
    expect((await json(body, sign(body))).status).toBe(400);
  });

  it('GET /slack/events and POST /not-slack get 404; GET /healthz gets 200', async () => {
    expect((await fetch(bot.url)).status).toBe(404);
    expect((await fetch(bot.url.replace('/slack/events', '/not-slack'), { method: 'POST' })).status).toBe(404);
    const health = await fetch(bot.url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  });

  it('events the bot can never handle get 2xx, never a bare 5xx', async () => {
    const otherApp = { ...message(), api_app_id: 'AOTHER' };
    const sent = await signedJson(bot.url, otherApp);
    expect(sent.status).toBe(200);
    // A payload Bolt cannot route at all (no event inside) is still answered 2xx before Slack's 3 s.
    const rateLimited = await signedJson(bot.url, {
      token: 'x',
      type: 'app_rate_limited',
      team_id: 'T1',
      minute_rate_limited: 1518467820,
      api_app_id: 'A1',
    });
    expect(rateLimited.status).toBeLessThan(300);
    expect(rateLimited.ms).toBeLessThan(3000);
    await bot.idle();
    bot.slack.calls.length = 0;
  });

  it('every Web API call, with the bot token, goes to SLACK_API_URL', async () => {
    await signedJson(bot.url, envelope({ ...fixture('message').event, ts: '1700000036.000100' }));
    await bot.idle();
    const calls = bot.slack.calls;
    expect(calls.map((call) => call.method)).toContain('chat.postMessage');
    for (const call of calls) expect(call.token).toBe('xoxb-test-token');
  });
});
