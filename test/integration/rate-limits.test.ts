import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type TestBot } from '../helpers/bot.js';
import type { FakeSlack } from '../helpers/fake-slack.js';
import { envelope, fixture, signedJson } from '../helpers/slack-request.js';

/** Posting paced per channel, and 429 + Retry-After honoured for replies (docs/slack-contract.md §4.4). */
describe('posting within Slack’s limits', () => {
  let bot: TestBot | undefined;
  let slack: FakeSlack | undefined;
  afterEach(async () => {
    await bot?.stop();
    await slack?.close();
    bot = undefined;
    slack = undefined;
  });

  it('a burst of 10 pasted errors in one channel is spaced, one post per interval', async () => {
    const spaced = await startBot({ postIntervalMs: 200 });
    bot = spaced;
    const deliveries = Array.from({ length: 10 }, (_, i) =>
      signedJson(spaced.url, envelope({ ...fixture('message').event, ts: `1700003400.0000${i}0` })),
    );
    for (const sent of await Promise.all(deliveries)) expect(sent.status).toBe(200);
    await spaced.idle();
    const times = spaced.slack.callsOf('chat.postMessage').map((call) => call.at);
    expect(times).toHaveLength(10);
    for (let i = 1; i < times.length; i += 1)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(190);
  });

  it('429 + Retry-After: the reply is posted again no sooner than Retry-After, exactly once', async () => {
    bot = await startBot();
    let first = true;
    bot.slack.on('chat.postMessage', (params) => {
      if (first) {
        first = false;
        return { status: 429, headers: { 'Retry-After': '1' }, body: { ok: false, error: 'ratelimited' } };
      }
      return { body: { ok: true, channel: params.channel, ts: '1800000000.000001' } };
    });
    await signedJson(bot.url, fixture('message'));
    await bot.idle();
    const posts = bot.slack.callsOf('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect((posts[1]?.at as number) - (posts[0]?.at as number)).toBeGreaterThanOrEqual(990);
    expect(bot.logs.some((line) => line.includes('rate-limited'))).toBe(true);
  });

  it('a 429 with a long Retry-After keeps the reply waiting in the outbox, never dropped and never looping', async () => {
    bot = await startBot();
    bot.slack.on('chat.postMessage', () => ({ status: 429, headers: { 'Retry-After': '40' }, body: { ok: false } }));
    await signedJson(bot.url, fixture('message'));
    await bot.slack.waitFor(() => bot?.slack.callsOf('chat.postMessage').length === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bot.slack.callsOf('chat.postMessage')).toHaveLength(1);
    expect((await bot.outbox.backlog()).waiting).toBe(1);
    expect(bot.logs.some((line) => line.includes('rate-limited') && line.includes('40s'))).toBe(true);
  });

  it('not_in_channel in a public channel: one conversations.join, then one retried post', async () => {
    bot = await startBot();
    let joined = false;
    bot.slack.on('conversations.join', () => {
      joined = true;
      return { body: { ok: true, channel: { id: 'C1' } } };
    });
    bot.slack.on('chat.postMessage', () =>
      joined ? { body: { ok: true, ts: '1800000000.000001' } } : { body: { ok: false, error: 'not_in_channel' } },
    );
    await signedJson(bot.url, fixture('message'));
    await bot.idle();
    expect(bot.slack.calls.map((call) => call.method).filter((method) => method !== 'auth.test')).toEqual([
      'chat.postMessage',
      'conversations.join',
      'chat.postMessage',
    ]);
  });

  it('a private channel (method_not_supported_for_channel_type) fails once, is logged, no loop', async () => {
    bot = await startBot();
    bot.slack.on('conversations.join', () => ({ body: { ok: false, error: 'method_not_supported_for_channel_type' } }));
    bot.slack.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    await signedJson(bot.url, fixture('message'));
    await bot.idle();
    expect(bot.slack.calls.map((call) => call.method).filter((method) => method !== 'auth.test')).toEqual([
      'chat.postMessage',
      'conversations.join',
    ]);
    expect(
      bot.logs.some((line) => line.includes('ERROR') && line.includes('method_not_supported_for_channel_type')),
    ).toBe(true);
  });
});
