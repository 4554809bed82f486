import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { OutboxPoster } from '../../src/slack/outbox-poster.js';
import { MemoryStore } from '../../src/store/memory-store.js';

/** A chat.postMessage stand-in whose answers the test scripts, with a clock the test moves. */
function harness(answer: (channel: string, attempt: number) => 'ok' | { retryAfter: number } | { error: string }) {
  let now = Date.parse('2026-12-05T09:00:00Z');
  const posted: { channel: string; text: string; at: number }[] = [];
  const attempts = new Map<string, number>();
  const client = {
    chat: {
      postMessage: async (args: { channel: string; text: string }) => {
        const attempt = (attempts.get(args.text) ?? 0) + 1;
        attempts.set(args.text, attempt);
        const result = answer(args.channel, attempt);
        if (result === 'ok') {
          posted.push({ channel: args.channel, text: args.text, at: now });
          return { ok: true, ts: `${now / 1000}` };
        }
        if ('retryAfter' in result) throw new webApi.WebAPIRateLimitedError(result.retryAfter);
        throw new webApi.WebAPIPlatformError({ ok: false, error: result.error });
      },
    },
  } as unknown as webApi.WebClient;
  const logs: string[] = [];
  const store = new MemoryStore();
  const poster = new OutboxPoster({
    store,
    client,
    logger: createLogger('info', (line) => logs.push(line)),
    minIntervalMs: 1000,
    now: () => now,
  });
  const enqueue = async (channel: string, text: string) => {
    await store.claimAndEnqueue({ key: `${channel}:${text}` }, new Date(now), () => ({ channel, text, blocks: [] }));
  };
  const advance = async (ms: number) => {
    now += ms;
    await poster.drainNow();
  };
  return { poster, store, posted, logs, enqueue, advance, attempts };
}

describe('OutboxPoster', () => {
  it('posts each channel in order, one a second, channels side by side, and drops nothing', async () => {
    const h = harness(() => 'ok');
    for (let i = 0; i < 50; i += 1) await h.enqueue('CBUSY', `busy-${i}`);
    await h.enqueue('COTHER', 'other');
    await h.advance(0);
    expect(h.posted.map((post) => post.text)).toEqual(['busy-0', 'other']);
    for (let second = 1; second <= 49; second += 1) await h.advance(1000);
    const busy = h.posted.filter((post) => post.channel === 'CBUSY');
    expect(busy.map((post) => post.text)).toEqual(Array.from({ length: 50 }, (_, i) => `busy-${i}`));
    expect(new Set(busy.map((post) => post.at)).size).toBe(50);
    expect((await h.store.outboxBacklog()).waiting).toBe(0);
    await h.poster.stop();
  });

  it('honours any Retry-After (also minutes): the post keeps its place and goes out after it', async () => {
    let calls = 0;
    const h = harness(() => (++calls === 1 ? { retryAfter: 120 } : 'ok'));
    await h.enqueue('C1', 'first');
    await h.enqueue('C1', 'second');
    await h.advance(0);
    expect(h.posted).toEqual([]);
    await h.advance(119_000);
    expect(h.posted).toEqual([]);
    await h.advance(1000);
    expect(h.posted.map((post) => post.text)).toEqual(['first']);
    await h.advance(1000);
    expect(h.posted.map((post) => post.text)).toEqual(['first', 'second']);
    expect(h.logs.join('\n')).toContain('posting again in 120s');
    await h.poster.stop();
  });

  it('retries transient failures with backoff, and gives up after bounded attempts without a loop', async () => {
    const h = harness((channel, attempt) =>
      channel === 'CFLAKY' && attempt < 3
        ? { error: 'internal_error' }
        : channel === 'CDOWN'
          ? { error: 'fatal_error' }
          : 'ok',
    );
    await h.enqueue('CFLAKY', 'flaky');
    await h.enqueue('CDOWN', 'down');
    await h.advance(0);
    for (let i = 0; i < 12; i += 1) await h.advance(10 * 60_000);
    expect(h.posted.map((post) => post.text)).toEqual(['flaky']);
    expect(h.attempts.get('flaky')).toBe(3);
    expect(h.attempts.get('down')).toBe(8);
    expect(h.logs.some((line) => line.includes('ERROR') && line.includes('retries exhausted'))).toBe(true);
    expect((await h.store.outboxBacklog()).waiting).toBe(0);
    await h.poster.stop();
  });

  it('a post no retry can mend (the channel is gone) is given up at once and logged', async () => {
    const h = harness(() => ({ error: 'channel_not_found' }));
    await h.enqueue('CGONE', 'gone');
    await h.advance(0);
    expect(h.attempts.get('gone')).toBe(1);
    expect((await h.store.outboxBacklog()).waiting).toBe(0);
    expect(h.logs.some((line) => line.includes('channel_not_found'))).toBe(true);
    await h.poster.stop();
  });

  it('after a restart, a new poster posts what the old one left', async () => {
    const h = harness(() => 'ok');
    await h.enqueue('C1', 'left behind');
    const next = new OutboxPoster({
      store: h.store,
      client: { chat: { postMessage: async () => ({ ok: true, ts: '1.2' }) } } as unknown as webApi.WebClient,
      logger: createLogger('error', () => undefined),
    });
    await next.drainNow();
    expect((await h.store.outboxBacklog()).waiting).toBe(0);
    await next.stop();
  });
});
