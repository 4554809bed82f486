import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PostQueue } from '../../src/slack/post-queue.js';
import { startBot, type TestBot } from '../helpers/bot.js';
import { FakeSlack } from '../helpers/fake-slack.js';
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

  it('a 429 that never ends is given up after bounded attempts, without a loop', async () => {
    bot = await startBot();
    bot.slack.on('chat.postMessage', () => ({ status: 429, headers: { 'Retry-After': '0' }, body: { ok: false } }));
    await signedJson(bot.url, fixture('message'));
    await bot.idle();
    expect(bot.slack.callsOf('chat.postMessage')).toHaveLength(3);
    expect(bot.logs.some((line) => line.includes('ERROR') && line.includes('rate limit'))).toBe(true);
  });

  const queue = (fake: FakeSlack, logs: string[]) =>
    new PostQueue({
      client: new webApi.WebClient('xoxb-test-token', {
        slackApiUrl: fake.url,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
      }),
      logger: createLogger('info', (line) => logs.push(line)),
      minIntervalMs: 0,
    });

  it('not_in_channel in a public channel: one conversations.join, then one retried post', async () => {
    slack = await new FakeSlack().start();
    let joined = false;
    slack.on('conversations.join', () => {
      joined = true;
      return { body: { ok: true, channel: { id: 'CPUB' } } };
    });
    slack.on('chat.postMessage', () =>
      joined ? { body: { ok: true, ts: '1800000000.000001' } } : { body: { ok: false, error: 'not_in_channel' } },
    );
    const posted = await queue(slack, []).post({ channel: 'CPUB', text: 'digest' }, { joinIfNotInChannel: true });
    expect(posted.ts).toBe('1800000000.000001');
    expect(slack.calls.map((call) => call.method)).toEqual([
      'chat.postMessage',
      'conversations.join',
      'chat.postMessage',
    ]);
  });

  it('a private channel (method_not_supported_for_channel_type) fails once, no loop', async () => {
    slack = await new FakeSlack().start();
    slack.on('conversations.join', () => ({ body: { ok: false, error: 'method_not_supported_for_channel_type' } }));
    slack.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    const failed = queue(slack, []).post({ channel: 'GPRIV', text: 'digest' }, { joinIfNotInChannel: true });
    await expect(failed).rejects.toMatchObject({ data: { error: 'method_not_supported_for_channel_type' } });
    expect(slack.calls.map((call) => call.method)).toEqual(['chat.postMessage', 'conversations.join']);
  });
});
