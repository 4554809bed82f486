import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type TestBot } from '../helpers/bot.js';
import { command, envelope, fixture, signedForm, signedJson } from '../helpers/slack-request.js';

/** Under overload the bot still acks at once and says so to a command's user; pasted logs are still answered. */
describe('overload: work after the ack is shed', () => {
  let bot: TestBot;
  beforeAll(async () => {
    // No room for waiting work: every answer is shed, as when hundreds already wait.
    bot = await startBot({ followUps: { concurrency: 1, maxWaiting: 0 } });
  });
  afterAll(() => bot.stop());

  it('a command is told in its ack to try again; nothing is posted', async () => {
    const sent = await signedForm(bot.url, command('AADSTS50011', bot.slack.responseUrl('busy')));
    await bot.idle();
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(sent.body).toContain('try again in a minute');
    expect(bot.slack.responses).toEqual([]);
    expect(bot.slack.callsOf('chat.postMessage')).toEqual([]);
  });

  it('a pasted error is answered even when commands are shed: it was acked and will not come again', async () => {
    const event = { ...fixture('message').event, ts: '1790000000.000100', event_ts: '1790000000.000100' };
    const sent = await signedJson(bot.url, envelope(event));
    await bot.idle();
    expect(sent.status).toBe(200);
    const replies = bot.slack.callsOf('chat.postMessage');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.params.thread_ts).toBe('1790000000.000100');
  });
});
