import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Explainer } from '../../src/listeners/deps.js';
import type { MemoryStore } from '../../src/store/memory-store.js';
import { realResolver, startBot, type TestBot } from '../helpers/bot.js';
import { messageProblem } from '../helpers/fake-slack.js';
import { command, pickPayload, signedForm } from '../helpers/slack-request.js';

/** `/oauth-error` against a fake Slack: ack within 3 s, then answer (docs/slack-contract.md §2, §4), and the command's own features. */
describe('/oauth-error', () => {
  let bot: TestBot;
  let n = 0;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.stop());
  beforeEach(() => {
    bot.slack.calls.length = 0;
    bot.slack.responses.length = 0;
  });

  const run = async (text: string, overrides: Record<string, string> = {}, status = 200) => {
    const id = `r${++n}`;
    const sent = await signedForm(bot.url, command(text, bot.slack.responseUrl(id, status), overrides));
    await bot.idle();
    // Every answer through response_url fits Slack's Block Kit limits.
    expect(bot.slack.responses.filter((response) => response.problem)).toEqual([]);
    return { sent, id, responses: () => bot.slack.responses.filter((response) => response.id === id) };
  };
  const allText = (value: unknown) => JSON.stringify(value);

  const buttonsOf = (body: unknown) =>
    ((body as { blocks?: Array<{ elements?: Array<Record<string, string>> }> }).blocks ?? [])
      .flatMap((block) => block.elements ?? [])
      .filter((element) => element.type === 'button');

  it('a code is acked at once, then answered privately in one message, nothing in the channel', async () => {
    const { sent, responses } = await run('AADSTS50011 invalid_client --provider oauth2');
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(3000);
    expect(sent.body).toBe('');
    expect(bot.slack.callsOf('chat.postMessage')).toEqual([]);
    expect(responses()).toHaveLength(1);
    const answer = responses()[0]?.body;
    expect(answer?.response_type).toBe('ephemeral');
    expect(allText(answer)).toContain('*Cause*');
    expect(allText(answer)).toContain('*Resolution*');
    expect(allText(answer)).toContain('<https://');
    const buttons = buttonsOf(answer);
    expect(buttons.map((button) => button.text && (button.text as unknown as { text: string }).text)).toEqual([
      'Share in channel',
      'Official docs',
      'Helpful',
      'Wrong answer',
    ]);
    expect(buttons[1]?.url).toMatch(/^https:\/\//);
  });

  it('an answer leads with a readable title, the official name beside the code, and who can fix it, within limits', async () => {
    const { responses } = await run('AADSTS50011');
    const answer = responses()[0]?.body as Record<string, unknown>;
    expect(allText(answer)).toMatch(/\*Redirect URI[^*]*\* {2}`AADSTS50011` \(InvalidReplyTo\)/);
    expect(allText(answer)).toContain('Who can fix it:* the app’s developer');
    expect(messageProblem(answer)).toBeUndefined();
    const choice = await run('invalid_grant');
    expect(messageProblem(choice.responses()[0]?.body as Record<string, unknown>)).toBeUndefined();
  });

  it('Share in channel posts the answer once, saying who shared it and never the query', async () => {
    const secret = 'client_secret=FAKE-s3cret-for-tests';
    const { responses } = await run(`invalid_client --provider oauth2 ${secret}`);
    const share = buttonsOf(responses()[0]?.body).find((button) => button.action_id === 'oauth_error_share');
    if (!share) throw new Error('no share button');
    const click = pickPayload(
      { action_id: share.action_id as string, value: share.value as string },
      bot.slack.responseUrl('share'),
    );
    for (let delivery = 0; delivery < 2; delivery += 1) {
      expect((await signedForm(bot.url, { payload: JSON.stringify(click) })).status).toBe(200);
      await bot.idle();
    }
    const posts = bot.slack.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params).toMatchObject({ channel: 'C1' });
    expect(posts[0]?.params.thread_ts).toBeUndefined();
    expect(allText(posts[0]?.params)).toContain('<@U1> shared this explanation');
    expect(allText(posts[0]?.params)).toContain('*Cause*');
    expect(allText(posts[0]?.params)).not.toContain('FAKE-s3cret');
    // Recorded for the digest once posted, as the entry it explained.
    const recorded = (bot.store as MemoryStore).occurrences.filter((row) => row.source === 'command');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.entryKey).toMatch(/^oauth2:invalid_client(@|$)/);
    // The private answer loses its button once shared.
    const updated = bot.slack.responses.filter((r) => r.id === 'share').map((r) => r.body);
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ replace_original: true });
    expect(buttonsOf(updated[0])).toEqual([]);
  });

  it('a secret typed as command text never reaches a channel, in any answer', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmYWtlIn0.ZmFrZS1zaWduYXR1cmU';
    for (const text of [`invalid_grant refresh_token=FAKE-refresh-0001`, `AADSTS50011\nBearer ${jwt}`, jwt]) {
      await run(text);
    }
    expect(bot.slack.callsOf('chat.postMessage')).toEqual([]);
  });

  it('empty or blank text gets the ephemeral usage, quoting the usage hint', async () => {
    for (const text of ['', '   ', 'help']) {
      const { sent } = await run(text);
      expect(sent.status).toBe(200);
      const body = JSON.parse(sent.body);
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain('/oauth-error <code or message>');
    }
    expect(bot.slack.workCalls).toEqual([]);
  });

  it('an unknown code gets an ephemeral "unknown code" reply, never a 5xx', async () => {
    const { sent, responses } = await run('totally_made_up');
    expect(sent.status).toBe(200);
    expect(responses()).toHaveLength(1);
    expect(responses()[0]?.body.response_type).toBe('ephemeral');
    expect(allText(responses()[0]?.body)).toContain('unknown code');
    expect(bot.slack.workCalls).toEqual([]);
  });

  it('several fitting entries: the user picks with a button, and the pick is answered', async () => {
    const { responses } = await run('InvalidSignature');
    const choice = responses()[0]?.body as {
      blocks: Array<{ type: string; elements?: Array<{ value: string; action_id: string }> }>;
    };
    const buttons = choice.blocks.flatMap((block) => block.elements ?? []);
    expect(buttons.map((button) => button.value)).toEqual(
      expect.arrayContaining(['netsuite-tba:InvalidSignature', 'netsuite-oauth2:InvalidSignature@oauth2-integration']),
    );
    expect(bot.slack.workCalls).toEqual([]);

    const picked = buttons.find((button) => button.value === 'netsuite-tba:InvalidSignature');
    if (!picked) throw new Error('no button for netsuite-tba:InvalidSignature');
    const payload = pickPayload(picked, bot.slack.responseUrl('pick'));
    const sent = await signedForm(bot.url, { payload: JSON.stringify(payload) });
    await bot.idle();
    expect(sent.status).toBe(200);
    // Delivered twice (a retry): answered once, privately, in place of the choice.
    expect((await signedForm(bot.url, { payload: JSON.stringify(payload) })).status).toBe(200);
    await bot.idle();
    expect(bot.slack.callsOf('chat.postMessage')).toEqual([]);
    const answers = bot.slack.responses.filter((r) => r.id === 'pick').map((r) => r.body);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(allText(answers[0])).toContain('NetSuite');
  });

  it('invalid_grant offers every provider and context that defines it, in a menu, and the pick is answered', async () => {
    const { responses } = await run('invalid_grant');
    const body = responses()[0]?.body as {
      blocks: Array<{
        type: string;
        elements?: Array<{ type: string; action_id: string; options?: { value: string }[] }>;
      }>;
    };
    const menu = body.blocks
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.type === 'static_select');
    if (!menu?.options) throw new Error('no menu');
    const values = menu.options.map((option) => option.value);
    expect(values).toContain('okta:invalid_grant');
    expect(values.filter((value) => value.startsWith('salesforce:invalid_grant')).length).toBeGreaterThanOrEqual(4);
    const choice = {
      ...pickPayload({ action_id: menu.action_id, value: '' }, bot.slack.responseUrl('menu')),
    } as Record<string, unknown> & { actions: Record<string, unknown>[] };
    // Another choice message than the earlier test's (a choice is answered once).
    choice.container = { type: 'message', message_ts: '1700000099.000100', channel_id: 'C1', is_ephemeral: true };
    choice.actions = [
      {
        type: 'static_select',
        action_id: menu.action_id,
        block_id: 'b1',
        selected_option: { text: { type: 'plain_text', text: 'Okta' }, value: 'okta:invalid_grant' },
        action_ts: '7',
      },
    ];
    expect((await signedForm(bot.url, { payload: JSON.stringify(choice) })).status).toBe(200);
    await bot.idle();
    const answer = bot.slack.responses.find((r) => r.id === 'menu')?.body;
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(allText(answer)).toContain('Okta');
    expect(bot.slack.callsOf('chat.postMessage')).toEqual([]);
  });

  it("a shared code asked in a channel named for a provider lists that provider's meaning first", async () => {
    const firstChoice = async (channel: string) => {
      const { responses } = await run('invalid_grant', { channel_name: channel });
      const text = allText(responses()[0]?.body);
      return ['Xero', 'Okta'].map((name) => text.indexOf(name)).map((at) => (at === -1 ? Infinity : at));
    };
    const [xeroInXero, oktaInXero] = await firstChoice('xero-payroll');
    expect(xeroInXero).toBeLessThan(oktaInXero as number);
    const [xeroInOkta, oktaInOkta] = await firstChoice('okta-rollout');
    expect(oktaInOkta).toBeLessThan(xeroInOkta as number);
  });

  it('a slow lookup (5 s) is still acked within 3 s, then answered by one JSON POST', async () => {
    const real = await realResolver();
    const slow: Explainer = {
      catalog: real.catalog,
      scan: (text) => real.scan(text),
      lookup: async (query, options) => {
        await new Promise((resolve) => setTimeout(resolve, 5000));
        return real.lookup(query, options);
      },
    };
    const slowBot = await startBot({ resolver: slow });
    try {
      const sent = await signedForm(slowBot.url, command('totally_made_up', slowBot.slack.responseUrl('slow')));
      expect(sent.status).toBe(200);
      expect(sent.ms).toBeLessThan(3000);
      await slowBot.idle();
      expect(slowBot.slack.responses).toHaveLength(1);
      expect(slowBot.slack.responses[0]?.contentType).toBe('application/json');
    } finally {
      await slowBot.stop();
    }
  });

  it('mentions, broadcasts and links typed by the user are never echoed live', async () => {
    const injection = '<!channel> <!here> <!subteam^S1> <https://evil.example|docs> & <b>';
    for (const text of [injection, `invalid_client --provider oauth2 ${injection}`]) {
      const { responses } = await run(text);
      const everything = allText([
        ...bot.slack.workCalls.map((call) => call.params),
        ...responses().map((r) => r.body),
      ]);
      expect(everything.length).toBeGreaterThan(0);
      for (const raw of [
        '<!channel>',
        '<!here>',
        '<!everyone>',
        '<!subteam^',
        '<http://evil',
        '<https://evil',
        '<b>',
      ]) {
        expect(everything).not.toContain(raw);
      }
      expect(everything).not.toContain('&amp;amp;');
      bot.slack.calls.length = 0;
    }
  });

  it('in a channel the bot is not in, the user still gets the answer privately', async () => {
    bot.slack.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    try {
      const { sent, responses } = await run('invalid_client --provider oauth2', { channel_id: 'CNOTIN' });
      expect(sent.status).toBe(200);
      expect(responses()).toHaveLength(1);
      expect(responses()[0]?.body.response_type).toBe('ephemeral');
      expect(allText(responses()[0]?.body)).toContain('*Cause*');
      expect(bot.slack.callsOf('conversations.join')).toEqual([]);
    } finally {
      bot.slack.on('chat.postMessage', (params) => ({
        body: { ok: true, channel: params.channel, ts: '1800000001.000001' },
      }));
    }
  });

  it('an expired response_url (404) is logged once, not retried, and the bot stays up', async () => {
    const { sent, responses } = await run('totally_made_up', {}, 404);
    expect(sent.status).toBe(200);
    expect(responses().length).toBeLessThanOrEqual(2);
    expect(bot.logs.some((line) => line.includes('ERROR') && line.includes('404'))).toBe(true);
    const again = await run('help');
    expect(again.sent.status).toBe(200);
  });

  it('autoreply on|off is stored for the channel', async () => {
    await run('autoreply off');
    expect((await bot.store.getChannelSettings('T1', 'C1')).autoReply).toBe(false);
    await run('autoreply on');
    expect((await bot.store.getChannelSettings('T1', 'C1')).autoReply).toBe(true);
  });

  it('digest arguments are validated, then handed to the digest feature', async () => {
    await run('digest on 7:30 europe/berlin');
    await run('digest now');
    const { responses } = await run('digest preview');
    await run('digest off');
    expect(bot.digest.calls).toEqual([
      {
        method: 'subscribe',
        channelId: 'C1',
        subscription: { time: '07:30', timeZone: 'Europe/Berlin', postWhenQuiet: true },
      },
      { method: 'postNow', channelId: 'C1' },
      { method: 'preview', channelId: 'C1' },
      { method: 'unsubscribe', channelId: 'C1' },
    ]);
    expect(responses()[0]?.body).toMatchObject({ response_type: 'ephemeral', text: 'Digest preview: 2 failures' });
    const bad = await run('digest on 25:00 Mars/Base');
    expect(JSON.parse(bad.sent.body).text).toContain('HH:MM');
    expect(bot.digest.calls).toHaveLength(4);
  });
});
