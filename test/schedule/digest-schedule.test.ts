import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/listeners/commands/parse-command.js';
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
    await h.flush();
    h.setNow('2026-11-24T09:00:00Z');
    expect(await h.service.runDue()).toBe(1);
    await h.flush();
    h.setNow('2026-11-24T09:01:00Z');
    expect(await h.service.runDue()).toBe(0);
    await h.flush();
    h.setNow('2026-11-24T23:59:00Z');
    expect(await h.service.runDue()).toBe(0);
    await h.flush();
    expect(posts()).toHaveLength(1);
    h.setNow('2026-11-25T09:00:00Z');
    expect(await h.service.runDue()).toBe(1);
    await h.flush();
    expect(posts()).toHaveLength(2);
  });

  it("follows the channel's time zone", async () => {
    await h.service.subscribe('T1', 'C1', { time: '09:00', timeZone: 'America/New_York', postWhenQuiet: true });
    h.setNow('2026-11-24T13:59:00Z'); // 08:59 EST
    expect(await h.service.runDue()).toBe(0);
    await h.flush();
    h.setNow('2026-11-24T14:00:00Z'); // 09:00 EST
    expect(await h.service.runDue()).toBe(1);
    await h.flush();
  });

  it('on the day clocks go forward, a time that does not exist runs at the first minute after it', async () => {
    // Europe/Berlin, 2026-03-29: 02:00 CET becomes 03:00 CEST; 02:30 never happens.
    await h.service.subscribe('T1', 'C1', { time: '02:30', timeZone: 'Europe/Berlin', postWhenQuiet: true });
    h.setNow('2026-03-29T00:59:00Z'); // 01:59 CET
    expect(await h.service.runDue()).toBe(0);
    await h.flush();
    h.setNow('2026-03-29T01:00:00Z'); // 03:00 CEST
    expect(await h.service.runDue()).toBe(1);
    await h.flush();
    h.setNow('2026-03-29T02:30:00Z');
    expect(await h.service.runDue()).toBe(0);
    await h.flush();
  });

  it('on the day clocks go back, a time that happens twice posts once', async () => {
    // Europe/Berlin, 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    await h.service.subscribe('T1', 'C1', { time: '02:30', timeZone: 'Europe/Berlin', postWhenQuiet: true });
    h.setNow('2026-10-25T00:30:00Z'); // first 02:30 (CEST)
    expect(await h.service.runDue()).toBe(1);
    await h.flush();
    h.setNow('2026-10-25T01:30:00Z'); // second 02:30 (CET)
    expect(await h.service.runDue()).toBe(0);
    await h.flush();
    expect(posts()).toHaveLength(1);
  });

  it('a restart after the time posts the missed digest once', async () => {
    await h.service.subscribe('T1', 'C1', { time: '09:00', timeZone: 'UTC', postWhenQuiet: true });
    h.setNow('2026-11-24T15:42:00Z'); // the bot was down at 09:00
    const restarted = h.instance(store);
    expect(await restarted.runDue()).toBe(1);
    await h.flush();
    expect(await h.instance(store).runDue()).toBe(0);
    await h.flush();
    expect(posts()).toHaveLength(1);
  });

  it('a quiet day gets one short line, or nothing when the channel chose so', async () => {
    const quiet = new MemoryStore();
    const q = await digestHarness(quiet, h.slack);
    await q.service.subscribe('T1', 'C7', { time: '09:00', timeZone: 'UTC', postWhenQuiet: true });
    await q.service.subscribe('T1', 'C8', { time: '09:00', timeZone: 'UTC', postWhenQuiet: false });
    q.setNow('2026-11-24T09:00:00Z');
    expect(await q.service.runDue()).toBe(1);
    await q.flush();
    const [post] = posts();
    expect(post?.params.channel).toBe('C7');
    expect(String(post?.params.text)).toMatch(/^No OAuth errors were seen in this channel/);
    q.setNow('2026-11-24T10:00:00Z');
    expect(await q.service.runDue()).toBe(0);
    await q.flush();
    expect(posts()).toHaveLength(1);
  });

  it('`digest on` as typed gets the quiet-day line, in its zone; `quiet-off` gets nothing', async () => {
    const quiet = new MemoryStore();
    const q = await digestHarness(quiet, h.slack);
    for (const [channel, text] of [
      ['C5', 'digest on 10:00 Europe/Berlin'],
      ['C6', 'digest on 10:00 Europe/Berlin quiet-off'],
    ] as const) {
      const request = parseCommand(text, new Set());
      if (request.kind !== 'digest-on') throw new Error(`not parsed: ${text}`);
      await q.service.subscribe('T1', channel, request.subscription);
    }
    q.setNow('2026-11-24T09:00:00Z'); // 10:00 in Berlin
    expect(await q.service.runDue()).toBe(1);
    await q.flush();
    expect(posts().map((post) => [post.params.channel, post.params.text])).toEqual([
      [
        'C5',
        'No OAuth errors were seen in this channel in the past 24 hours (2026-11-23 10:00 to 2026-11-24 10:00 Europe/Berlin).',
      ],
    ]);
  });

  it('a failed post stays in the outbox and is posted after a backoff, once', async () => {
    await h.service.subscribe('T1', 'C1', { time: '09:00', timeZone: 'UTC', postWhenQuiet: true });
    let fail = true;
    h.slack.on('chat.postMessage', (params) =>
      fail
        ? { body: { ok: false, error: 'fatal_error' } }
        : { body: { ok: true, channel: params.channel, ts: '1.000001' } },
    );
    h.setNow('2026-11-24T09:00:00Z');
    expect(await h.service.runDue()).toBe(1);
    await h.slack.waitFor(() => posts().length === 1);
    fail = false;
    await h.flush();
    expect(posts()).toHaveLength(2);
    expect(h.logs.join('\n')).toMatch(/Posting a message in C1 failed \(Slack API error fatal_error\)/);
    h.setNow('2026-11-24T09:05:00Z');
    expect(await h.service.runDue()).toBe(0);
    await h.flush();
    expect(posts()).toHaveLength(2);
  });

  it('a digest the store cannot queue is not marked done and is tried again after a backoff', async () => {
    class Flaky extends MemoryStore {
      down = true;
      override async claimAndEnqueue(...args: Parameters<MemoryStore['claimAndEnqueue']>): Promise<boolean> {
        if (this.down) throw new Error('database is down');
        return super.claimAndEnqueue(...args);
      }
    }
    const flaky = new Flaky();
    const f = await digestHarness(flaky, h.slack);
    await f.service.subscribe('T1', 'C3', { time: '09:00', timeZone: 'UTC', postWhenQuiet: true });
    f.setNow('2026-11-24T09:00:00Z');
    expect(await f.service.runDue()).toBe(0);
    expect(f.logs.join('\n')).toMatch(/Daily digest for channel C3 failed \(database is down\); retrying in 60 s/);
    flaky.down = false;
    f.setNow('2026-11-24T09:00:30Z'); // inside the backoff
    expect(await f.service.runDue()).toBe(0);
    f.setNow('2026-11-24T09:01:00Z');
    expect(await f.service.runDue()).toBe(1);
    await f.flush();
    expect(posts().filter((post) => post.params.channel === 'C3')).toHaveLength(1);
  });
});
