import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type TestBot } from '../helpers/bot.js';
import { envelope, fixture, signedForm, signedJson } from '../helpers/slack-request.js';

/** The "Explain OAuth errors" message shortcut, and group DMs answered like DMs. */
describe('message shortcut and group DMs', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.stop());

  const shortcut = (text: string, responseUrl: string, channel = 'CNOTIN') => ({
    payload: JSON.stringify({
      type: 'message_action',
      callback_id: 'explain_oauth_errors',
      trigger_id: '1.2.3',
      action_ts: '1800000000.000001',
      response_url: responseUrl,
      team: { id: 'T1', domain: 'example' },
      channel: { id: channel, name: 'some-channel' },
      user: { id: 'U2', username: 'someone', team_id: 'T1' },
      message_ts: '1700000000.000100',
      message: { type: 'message', user: 'U9', ts: '1700000000.000100', text },
      token: 'x',
    }),
  });

  it('answers the person who used it, privately, also where auto-reply is off and the bot is not in', async () => {
    await bot.store.setAutoReply('T1', 'CNOTIN', false);
    const sent = await signedForm(
      bot.url,
      shortcut('token call failed: AADSTS50011 (redirect) and AADSTS50011 again', bot.slack.responseUrl('explain')),
    );
    expect(sent.status).toBe(200);
    await bot.idle();
    const [reply] = bot.slack.responses.filter((response) => response.id === 'explain');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.body)).toContain('AADSTS50011');
    expect(bot.slack.callsOf('chat.postMessage')).toEqual([]);
  });

  it('says so when the message holds no OAuth error', async () => {
    await signedForm(bot.url, shortcut('lunch at noon?', bot.slack.responseUrl('nothing')));
    await bot.idle();
    const [reply] = bot.slack.responses.filter((response) => response.id === 'nothing');
    expect(JSON.stringify(reply?.body)).toContain('found no OAuth error');
  });

  it('a group DM is answered in its thread, like a DM', async () => {
    const event = { ...fixture('message').event, channel: 'GMPIM1', channel_type: 'mpim', ts: '1700000777.000100' };
    expect((await signedJson(bot.url, envelope(event))).status).toBe(200);
    await bot.idle();
    const posts = bot.slack.callsOf('chat.postMessage').filter((call) => call.params.channel === 'GMPIM1');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params.thread_ts).toBe('1700000777.000100');
  });
});
