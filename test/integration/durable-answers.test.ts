import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startBot } from '../helpers/bot.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { envelope, fixture, signedJson } from '../helpers/slack-request.js';
import { dropSchema, freshSchema, POSTGRES_URL } from '../store/postgres.js';

/**
 * Nothing acked is lost: every pasted error gets its thread reply through floods, a restart between the
 * claim and the post, and several instances sharing PostgreSQL.
 */
const paste = (channel: string, ts: string) => ({
  ...fixture('message').event,
  channel,
  ts,
  event_ts: ts,
  text: 'callback failed: error=invalid_client',
});
const tsOf = (n: number) => `17100${String(n).padStart(5, '0')}.000100`;

const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

describe('durable answers', () => {
  it('300 pastes at once in 30 channels, the answer queue overloaded: every one answered once, in its own thread', async () => {
    // Few answer slots and little room to wait, as when hundreds of requests are outstanding: commands are
    // then turned away, but an acked paste is never dropped.
    const bot = await startBot({ postIntervalMs: 20, followUps: { concurrency: 4, maxWaiting: 10 } });
    // Slack answers each post in 50 ms: the slots stay taken while more pastes arrive.
    bot.slack.on('chat.postMessage', (params) => ({
      delayMs: 50,
      body: { ok: true, channel: params.channel, ts: `${Date.now() / 1000}` },
    }));
    try {
      const sent = await Promise.all(
        Array.from({ length: 300 }, (_, i) => signedJson(bot.url, envelope(paste(`CF${i % 30}`, tsOf(i))))),
      );
      expect(sent.every((response) => response.status === 200)).toBe(true);
      await bot.idle();
      const threads = bot.slack.callsOf('chat.postMessage').map((call) => call.params.thread_ts);
      expect(threads).toHaveLength(300);
      expect(new Set(threads).size).toBe(300);
    } finally {
      await bot.stop();
    }
  }, 60_000);

  it('50 pastes at once in one channel: all answered, in order, spaced by the channel pace', async () => {
    const bot = await startBot({ postIntervalMs: 20 });
    try {
      const sent = await Promise.all(
        Array.from({ length: 50 }, (_, i) => signedJson(bot.url, envelope(paste('CONE', tsOf(1000 + i))))),
      );
      expect(sent.every((response) => response.status === 200)).toBe(true);
      await bot.idle();
      const posts = bot.slack.callsOf('chat.postMessage');
      expect(posts).toHaveLength(50);
      const at = posts.map((post) => post.at as number);
      for (let i = 1; i < at.length; i += 1)
        expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(15);
    } finally {
      await bot.stop();
    }
  }, 60_000);

  it('a restart between the claim and the post: the next start posts it, and Slack’s retry is not answered twice', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'durable-')), 'bot.sqlite');
    const ts = tsOf(5000);
    const event = envelope(paste('CRESTART', ts), 'EvRestart');
    // First run: Slack fails every post, then the bot stops with the reply still owed.
    const down = await new FakeSlack().start();
    down.on('chat.postMessage', () => ({ status: 503, body: { ok: false } }));
    const firstStore = await openStore(file);
    const first = await startBot({ slack: down, store: firstStore });
    expect((await signedJson(first.url, event)).status).toBe(200);
    await down.waitFor(() => down.callsOf('chat.postMessage').length >= 1, 10_000);
    await first.stop();
    await firstStore.close();
    expect(down.callsOf('chat.postMessage').length).toBeGreaterThanOrEqual(1);

    const secondStore = await openStore(file);
    const second = await startBot({ store: secondStore });
    try {
      const retry = await signedJson(second.url, event, {
        'X-Slack-Retry-Num': '1',
        'X-Slack-Retry-Reason': 'http_timeout',
      });
      expect(retry.status).toBe(200);
      await second.slack.waitFor(() => second.slack.callsOf('chat.postMessage').length >= 1, 10_000);
      await second.idle();
      const posts = second.slack.callsOf('chat.postMessage');
      expect(posts).toHaveLength(1);
      expect(posts[0]?.params).toMatchObject({ channel: 'CRESTART', thread_ts: ts });
    } finally {
      await second.stop();
      await secondStore.close();
    }
  }, 30_000);

  it('two instances on one PostgreSQL database post each reply once', async () => {
    const schema = freshSchema();
    schemas.push(schema);
    const slack = await new FakeSlack().start();
    const storeA = await openStore(POSTGRES_URL, { schema });
    const storeB = await openStore(POSTGRES_URL, { schema });
    const a = await startBot({ slack, store: storeA });
    const b = await startBot({ slack, store: storeB });
    try {
      // Each event reaches one instance, twice (a retry after a timeout lands on the other one).
      for (let i = 0; i < 40; i += 1) {
        const event = envelope(paste(`CPG${i % 4}`, tsOf(6000 + i)), `EvPg${i}`);
        await Promise.all([signedJson(a.url, event), signedJson(b.url, event, { 'X-Slack-Retry-Num': '1' })]);
      }
      await a.idle();
      await b.idle();
      const threads = slack.callsOf('chat.postMessage').map((call) => call.params.thread_ts);
      expect(threads).toHaveLength(40);
      expect(new Set(threads).size).toBe(40);
    } finally {
      await a.stop();
      await b.stop();
      await storeA.close();
      await storeB.close();
    }
  }, 60_000);
});
