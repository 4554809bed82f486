import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PostDroppedError, PostQueue } from '../../src/slack/post-queue.js';

/** A fake clock: sleeping moves time forward at once. */
function clock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

function fakeClient(answer: (args: { channel: string }, at: number) => unknown, time: { now(): number }) {
  const calls: Array<{ channel: string; at: number }> = [];
  const client = {
    chat: {
      postMessage: async (args: { channel: string }) => {
        calls.push({ channel: args.channel, at: time.now() });
        const result = answer(args, time.now());
        if (result instanceof Error) throw result;
        return result;
      },
    },
    conversations: { join: async () => ({ ok: true }) },
  } as unknown as webApi.WebClient;
  return { client, calls };
}

describe('PostQueue', () => {
  const logger = createLogger('error', () => undefined);

  it('spaces posts in one channel by the interval; other channels are not held up', async () => {
    const time = clock();
    const { client, calls } = fakeClient(() => ({ ok: true, ts: '1' }), time);
    const queue = new PostQueue({ client, logger, ...time });
    await Promise.all([
      ...Array.from({ length: 5 }, () => queue.post({ channel: 'C1', text: 'x' })),
      queue.post({ channel: 'C2', text: 'y' }),
    ]);
    expect(calls.filter((call) => call.channel === 'C1').map((call) => call.at)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(calls.find((call) => call.channel === 'C2')?.at).toBe(0);
  });

  it('honours Retry-After and gives up after the bounded attempts', async () => {
    const time = clock();
    const { client, calls } = fakeClient(() => new webApi.WebAPIRateLimitedError(5), time);
    const queue = new PostQueue({ client, logger, ...time, maxAttempts: 3 });
    await expect(queue.post({ channel: 'C1', text: 'x' })).rejects.toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect(calls.map((call) => call.at)).toEqual([0, 5000, 10000]);
  });

  it('does not wait for an absurd Retry-After', async () => {
    const time = clock();
    const { client, calls } = fakeClient(() => new webApi.WebAPIRateLimitedError(3600), time);
    const queue = new PostQueue({ client, logger, ...time });
    await expect(queue.post({ channel: 'C1', text: 'x' })).rejects.toBeDefined();
    expect(calls).toHaveLength(1);
  });

  it('refuses messages beyond the per-channel queue instead of queueing for minutes', async () => {
    const time = clock();
    const { client } = fakeClient(() => ({ ok: true }), time);
    const queue = new PostQueue({ client, logger, ...time, maxPending: 2 });
    const posts = [1, 2, 3].map(() => queue.post({ channel: 'C1', text: 'x' }));
    await expect(posts[2]).rejects.toBeInstanceOf(PostDroppedError);
    await Promise.all(posts.slice(0, 2));
  });
});
