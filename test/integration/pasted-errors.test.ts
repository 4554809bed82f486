import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Occurrence } from '../../src/store/store.js';
import { startBot, type TestBot } from '../helpers/bot.js';
import { envelope, fixture, signedJson } from '../helpers/slack-request.js';

/** Channel messages answered in threads: which messages count, retries answered once (docs/slack-contract.md §3). */
describe('auto-reply to pasted errors', () => {
  let bot: TestBot;
  let seq = 0;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.stop());
  beforeEach(() => {
    bot.slack.calls.length = 0;
  });

  /** Each test gets its own message ts, so the store's claims of other tests do not interfere. */
  const freshTs = () => `17000${String(++seq).padStart(5, '0')}.000100`;
  const deliver = async (event: Record<string, unknown>, headers: Record<string, string> = {}, eventId?: string) => {
    const sent = await signedJson(bot.url, envelope(event, eventId), headers);
    expect(sent.status).toBe(200);
    await bot.idle();
    return sent;
  };
  const posts = () => bot.slack.callsOf('chat.postMessage').map((call) => call.params);

  it('a top-level message gets exactly one reply in its own thread, not broadcast', async () => {
    const ts = freshTs();
    await deliver({ ...fixture('message').event, ts, event_ts: ts });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]).toMatchObject({ channel: 'C1', thread_ts: ts });
    expect(typeof posts()[0]?.thread_ts).toBe('string');
    expect(posts()[0]?.reply_broadcast ?? 'false').toBe('false');
    expect(JSON.stringify(posts()[0])).toContain('invalid_client');
  });

  it('a thread reply is answered in the parent thread', async () => {
    const parent = freshTs();
    await deliver({ ...fixture('thread-reply'), thread_ts: parent });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.thread_ts).toBe(parent);
  });

  it('no recognizable error, no Web API call', async () => {
    await deliver({ ...fixture('message').event, ts: freshTs(), text: 'lunch at 12? the deploy went fine' });
    expect(bot.slack.workCalls).toEqual([]);
  });

  it('the bot’s own messages are never answered', async () => {
    await deliver({ ...fixture('own-reply'), ts: freshTs() });
    await deliver({
      ...fixture('own-reply'),
      ts: freshTs(),
      bot_id: undefined,
      app_id: undefined,
      bot_profile: undefined,
    });
    await deliver({ ...fixture('own-reply'), ts: freshTs(), user: 'UHUMAN' });
    expect(bot.slack.workCalls).toEqual([]);
  });

  it('other bots are never answered (bot_message, and bot_id + app_id without subtype)', async () => {
    await deliver({ ...fixture('classic-bot-message'), ts: freshTs() });
    await deliver({ ...fixture('app-message'), ts: freshTs() });
    expect(bot.slack.workCalls).toEqual([]);
  });

  it('edits, deletions and joins are never answered', async () => {
    for (const name of ['message-changed', 'message-deleted', 'channel-join']) await deliver(fixture(name));
    expect(bot.slack.workCalls).toEqual([]);
  });

  it('file_share with text is answered like a message; with empty text, nothing', async () => {
    const ts = freshTs();
    await deliver({ ...fixture('file-share'), ts });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.thread_ts).toBe(ts);
    bot.slack.calls.length = 0;
    await deliver({ ...fixture('file-share'), ts: freshTs(), text: '' });
    expect(bot.slack.workCalls).toEqual([]);
  });

  it('redeliveries (Retry-Num 1, 2, 3) get 200 and no second reply', async () => {
    const event = { ...fixture('message').event, ts: freshTs() };
    await deliver(event, {}, 'EvRetry1');
    for (const retry of ['1', '2', '3']) {
      await deliver(event, { 'X-Slack-Retry-Num': retry, 'X-Slack-Retry-Reason': 'http_timeout' }, 'EvRetry1');
    }
    expect(posts()).toHaveLength(1);
  });

  it('entities are decoded for matching and re-escaped once in the reply', async () => {
    const text = 'callback to &lt;redirect_uri&gt; failed &amp; said error=invalid_grant trace_id=&lt;x&gt;';
    await deliver({ ...fixture('message').event, ts: freshTs(), text });
    expect(posts()).toHaveLength(1);
    const reply = JSON.stringify(posts()[0]);
    expect(reply).toContain('invalid_grant');
    expect(reply).not.toContain('&amp;amp;');
    expect(reply).not.toContain('&amp;lt;');
  });

  it('explains a code once per thread, and stays silent when auto-reply is off', async () => {
    const parent = freshTs();
    await deliver({ ...fixture('message').event, ts: parent });
    await deliver({ ...fixture('message').event, ts: freshTs(), thread_ts: parent });
    expect(posts()).toHaveLength(1);
    await bot.store.setAutoReply('T1', 'C2', false);
    await deliver({ ...fixture('message').event, channel: 'C2', ts: freshTs() });
    expect(posts()).toHaveLength(1);
  });

  it('two meanings of one code in a thread are two errors: each is explained once', async () => {
    const parent = freshTs();
    const salesforce = (description: string) =>
      `POST https://login.salesforce.com/services/oauth2/token -> {"error":"invalid_grant","error_description":"${description}"}`;
    await deliver({ ...fixture('message').event, ts: parent, text: salesforce('expired access/refresh token') });
    await deliver({
      ...fixture('message').event,
      ts: freshTs(),
      thread_ts: parent,
      text: salesforce('authentication failure'),
    });
    await deliver({
      ...fixture('message').event,
      ts: freshTs(),
      thread_ts: parent,
      text: salesforce('authentication failure'),
    });
    const replies = posts().map((post) => JSON.stringify(post));
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('Expired access/refresh token');
    expect(replies[1]).toContain('Authentication failure');
  });

  it('a mention is answered even where nothing is found, once for its message and app_mention events', async () => {
    const ts = freshTs();
    const mention = {
      type: 'app_mention',
      channel: 'C1',
      user: 'U1',
      text: '<@UBOT> why does this fail?',
      ts,
      event_ts: ts,
    };
    await deliver(mention);
    await deliver({ ...fixture('message').event, ts, text: mention.text });
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(posts()[0])).toContain('/oauth-error');
  });

  it('records occurrences as ids only; a failing store does not stop the reply', async () => {
    const rows = (bot.store as MemoryStore).occurrences;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'channelId',
          'code',
          'confidence',
          'entryKey',
          'isPrivate',
          'messageTs',
          'method',
          'provider',
          'seenAt',
          'source',
          'teamId',
          'threadTs',
        ].sort(),
      );
    }
    class BrokenStore extends MemoryStore {
      override async recordOccurrences(_rows: Occurrence[]): Promise<void> {
        throw new Error('database is down');
      }
    }
    const broken = await startBot({ store: new BrokenStore() });
    try {
      await signedJson(broken.url, fixture('message'));
      await broken.idle();
      expect(broken.slack.callsOf('chat.postMessage')).toHaveLength(1);
      expect(broken.logs.some((line) => line.includes('Could not record'))).toBe(true);
      expect(broken.logs.join('\n')).not.toContain('token call failed');
    } finally {
      await broken.stop();
    }
  });

  it('records which entry each error was: two meanings of one code apart, a code no catalog has as null', async () => {
    const ts = freshTs();
    const text = [
      'login.salesforce.com {"error":"invalid_grant","error_description":"authentication failure"}',
      'login.salesforce.com {"error":"invalid_grant","error_description":"ip restricted or invalid login hours"}',
      'login.microsoftonline.com AADSTS99999',
    ].join('\n');
    await deliver({ ...fixture('message').event, ts, event_ts: ts, text });
    const rows = (bot.store as MemoryStore).occurrences.filter((row) => row.messageTs === ts);
    expect(rows.map((row) => [row.provider, row.code, row.entryKey]).sort()).toEqual([
      ['entra', 'AADSTS99999', null],
      ['salesforce', 'invalid_grant', 'salesforce:invalid_grant@authentication-failure'],
      ['salesforce', 'invalid_grant', 'salesforce:invalid_grant@ip-restricted'],
    ]);
  });

  it('a slow chat.postMessage (5 s) does not delay the 200', async () => {
    bot.slack.on('chat.postMessage', (params) => ({
      delayMs: 5000,
      body: { ok: true, channel: params.channel, ts: '1.2' },
    }));
    const sent = await signedJson(bot.url, envelope({ ...fixture('message').event, ts: freshTs() }));
    expect(sent.status).toBe(200);
    expect(sent.ms).toBeLessThan(3000);
    await bot.idle();
    expect(posts()).toHaveLength(1);
  });

  it('a paste holding credentials: the reply warns what kind and what to do, and never repeats them', async () => {
    const secret = 'FAKE-s3cret-value-0042';
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3Rz';
    const ts = freshTs();
    await deliver({
      ...fixture('message').event,
      ts,
      text: `curl -d "client_id=web&client_secret=${secret}" https://login.example.com/token\n-> {"error":"invalid_client"}`,
    });
    const noError = freshTs();
    await deliver({ ...fixture('message').event, ts: noError, text: `here is my token: Authorization: Bearer ${jwt}` });
    const [withError, onlySecret] = posts();
    expect(withError).toMatchObject({ thread_ts: ts });
    expect(JSON.stringify(withError)).toContain('OAuth client secret');
    expect(JSON.stringify(withError)).toContain('invalid_client');
    expect(onlySecret).toMatchObject({ thread_ts: noError });
    expect(JSON.stringify(onlySecret)).toContain('bearer token');
    const everything = JSON.stringify([...posts(), bot.logs]);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(jwt.slice(0, 30));
  });

  it('each error names its line, with a masked excerpt, and how often it repeats', async () => {
    const ts = freshTs();
    const text = [
      'retrying sign-in',
      'GET https://login.microsoftonline.com/x -> AADSTS50011 client_secret=FAKE-s3cret-0099',
      'GET https://login.microsoftonline.com/x -> AADSTS50011',
      'GET https://login.microsoftonline.com/x -> AADSTS50011',
    ].join('\n');
    await deliver({ ...fixture('message').event, ts, event_ts: ts, text });
    const reply = JSON.stringify(posts()[0]);
    expect(reply).toContain('Line 2 · ×3');
    expect(reply).toContain('[redacted client-secret]');
    expect(reply).not.toContain('FAKE-s3cret-0099');
  });
});
