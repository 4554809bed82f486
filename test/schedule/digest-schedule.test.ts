import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import { type DigestHarness, digestHarness, failure } from '../helpers/digest-harness.js';

let store: MemoryStore;
let h: DigestHarness;
beforeEach(async () => {
  store = new MemoryStore();
  h = await digestHarness(store);
  await store.recordOccurrences([failure({})]);
});
afterEach(async () => {
  await h.slack.close();
});

const posts = () => h.slack.callsOf('chat.postMessage');

describe('digest schedule (injected clock)', () => {
  it('posts at the chosen time, once per channel and day', async () => {
    await h.service.subscribe('T1', 'C1', { time: '09:00', timeZone: 'UTC', postWhenQuiet: true });
    h.setNow('2026-11-24T08:59:00Z');
    expect(await h.service.runDue()).toBe(0);
    h.setNow('2026-11-24T09:00:00Z');
    expect(await h.service.runDue()).toBe(1);
    h.setNow('2026-11-24T09:01:00Z');
    expect(await h.service.runDue()).toBe(0);
    h.setNow('2026-11-24T23:59:00Z');
    expect(await h.service.runDue()).toBe(0);
    expect(posts()).toHaveLength(1);
    h.setNow('2026-11-25T09:00:00Z');
    expect(await h.service.runDue()).toBe(1);
    expect(posts()).toHaveLength(2);
  });

  it("follows the channel's time zone", async () => {
    await h.service.subscribe('T1', 'C1', { time: '09:00', timeZone: 'America/New_York', postWhenQuiet: true });
    h.setNow('2026-11-24T13:59:00Z'); // 08:59 EST
    expect(await h.service.runDue()).toBe(0);
    h.setNow('2026-11-24T14:00:00Z'); // 09:00 EST
    expect(await h.service.runDue()).toBe(1);
  });

  it('on the day clocks go forward, a time that does not exist runs at the first minute after it', async () => {
    // Europe/Berlin, 2026-03-29: 02:00 CET becomes 03:00 CEST; 02:30 never happens.
    await h.service.subscribe('T1', 'C1', { time: '02:30', timeZone: 'Europe/Berlin', postWhenQuiet: true });
    h.setNow('2026-03-29T00:59:00Z'); // 01:59 CET
    expect(await h.service.runDue()).toBe(0);
    h.setNow('2026-03-29T01:00:00Z'); // 03:00 CEST
    expect(await h.service.runDue()).toBe(1);
    h.setNow('2026-03-29T02:30:00Z');
    expect(await h.service.runDue()).toBe(0);
  });

  it('on the day clocks go back, a time that happens twice posts once', async () => {
    // Europe/Berlin, 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    await h.service.subscribe('T1', 'C1', { time: '02:30', timeZone: 'Europe/Berlin', postWhenQuiet: true });
    h.setNow('2026-10-25T00:30:00Z'); // first 02:30 (CEST)
    expect(await h.service.runDue()).toBe(1);
    h.setNow('2026-10-25T01:30:00Z'); // second 02:30 (CET)
    expect(await h.service.runDue()).toBe(0);
    expect(posts()).toHaveLength(1);
  });

  it('a restart after the time posts the missed digest once', async () => {
    await h.service.subscribe('T1', 'C1', { time: '09:00', timeZone: 'UTC', postWhenQuiet: true });
    h.setNow('2026-11-24T15:42:00Z'); // the bot was down at 09:00
    const restarted = h.instance(store);
    expect(await restarted.runDue()).toBe(1);
    expect(await h.instance(store).runDue()).toBe(0);
    expect(posts()).toHaveLength(1);
  });

  it('a quiet day gets one short line, or nothing when the channel chose so', async () => {
    const quiet = new MemoryStore();
    const q = await digestHarness(quiet, h.slack);
    await q.service.subscribe('T1', 'C7', { time: '09:00', timeZone: 'UTC', postWhenQuiet: true });
    await q.service.subscribe('T1', 'C8', { time: '09:00', timeZone: 'UTC', postWhenQuiet: false });
    q.setNow('2026-11-24T09:00:00Z');
    expect(await q.service.runDue()).toBe(1);
    const [post] = posts();
    expect(post?.params.channel).toBe('C7');
    expect(String(post?.params.text)).toMatch(/^No OAuth errors were seen in this channel/);
    q.setNow('2026-11-24T10:00:00Z');
    expect(await q.service.runDue()).toBe(0);
    expect(posts()).toHaveLength(1);
  });

  it('a failed post is not marked done and is retried with backoff', async () => {
    await h.service.subscribe('T1', 'C1', { time: '09:00', timeZone: 'UTC', postWhenQuiet: true });
    let fail = true;
    h.slack.on('chat.postMessage', (params) =>
      fail
        ? { body: { ok: false, error: 'fatal_error' } }
        : { body: { ok: true, channel: params.channel, ts: '1.000001' } },
    );
    h.setNow('2026-11-24T09:00:00Z');
    expect(await h.service.runDue()).toBe(0);
    expect(h.logs.join('\n')).toMatch(/Daily digest for channel C1 failed \(fatal_error\); retrying in 60 s/);
    fail = false;
    h.setNow('2026-11-24T09:00:30Z'); // inside the backoff
    expect(await h.service.runDue()).toBe(0);
    h.setNow('2026-11-24T09:01:00Z');
    expect(await h.service.runDue()).toBe(1);
    expect(posts()).toHaveLength(2);
    h.setNow('2026-11-24T09:05:00Z');
    expect(await h.service.runDue()).toBe(0);
  });
});
