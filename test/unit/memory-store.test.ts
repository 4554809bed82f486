import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';

describe('MemoryStore', () => {
  it('claims a key once', async () => {
    const store = new MemoryStore();
    const now = new Date('2026-11-25T10:00:00Z');
    expect(await store.claimKey('msg:T1:C1:1.1', now)).toBe(true);
    expect(await store.claimKey('msg:T1:C1:1.1', now)).toBe(false);
    expect(await store.claimKey('msg:T1:C1:1.2', now)).toBe(true);
  });

  it('keeps channel settings: auto-reply on by default, digest none', async () => {
    const store = new MemoryStore();
    expect(await store.getChannelSettings('T1', 'C1')).toEqual({
      teamId: 'T1',
      channelId: 'C1',
      autoReply: true,
      digest: null,
    });
    await store.setAutoReply('T1', 'C1', false);
    await store.setDigest('T1', 'C1', { time: '09:00', timeZone: 'UTC', postWhenQuiet: false });
    expect(await store.getChannelSettings('T1', 'C1')).toMatchObject({ autoReply: false, digest: { time: '09:00' } });
    await store.setDigest('T1', 'C1', null);
    expect((await store.getChannelSettings('T1', 'C1')).digest).toBeNull();
    expect((await store.getChannelSettings('T1', 'C2')).autoReply).toBe(true);
  });
});
