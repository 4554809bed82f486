import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import { ResilientStore } from '../../src/store/resilient-store.js';
import type { Store } from '../../src/store/store.js';
import { occurrence } from './store-contract.js';

/** A store whose database can be switched off, over a real in-memory store. */
function switchable(): { store: Store; inner: MemoryStore; setDown(down: boolean): void } {
  const inner = new MemoryStore();
  let down = false;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        down && property !== 'close'
          ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'))
          : value.apply(target, args);
    },
  });
  return { store, inner, setDown: (next) => (down = next) };
}

describe('ResilientStore: the database goes away', () => {
  it('keeps claiming, answering settings and buffering occurrences, then writes them when it is back', async () => {
    const db = switchable();
    const logs: string[] = [];
    const timers: (() => void)[] = [];
    const logger = {
      info: (m: string) => logs.push(m),
      warn: (m: string) => logs.push(m),
      error: (m: string) => logs.push(m),
    };
    const store = new ResilientStore(db.store, {
      logger,
      setTimer: (fn) => {
        timers.push(fn);
        return {};
      },
    });
    const now = new Date('2026-11-24T09:00:00Z');

    await store.setAutoReply('T1', 'C1', false);
    expect((await store.getChannelSettings('T1', 'C1')).autoReply).toBe(false);
    await store.recordOccurrences([occurrence({ messageTs: 'before' })]);

    db.setDown(true);
    expect(await store.claimKey('msg:1', now)).toBe(true);
    expect(await store.claimKey('msg:1', now)).toBe(false);
    expect((await store.getChannelSettings('T1', 'C1')).autoReply).toBe(false); // last known, not the default
    await store.recordOccurrences([occurrence({ messageTs: 'during-1' }), occurrence({ messageTs: 'during-2' })]);
    expect(store.pending).toBe(2);
    expect(logs.filter((line) => line.startsWith('Database unreachable'))).toHaveLength(1);
    expect(logs[0]).toContain('Check DATABASE_URL');

    timers.shift()?.(); // retry while still down: kept, rescheduled
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.pending).toBe(2);

    db.setDown(false);
    timers.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.pending).toBe(0);
    expect(db.inner.occurrences.map((row) => row.messageTs)).toEqual(['before', 'during-1', 'during-2']);
    expect(logs).toContain('Database reachable again');
  });

  it('bounds the buffer and says how many occurrences it had to drop', async () => {
    const db = switchable();
    db.setDown(true);
    const logs: string[] = [];
    const logger = { info: () => {}, warn: (m: string) => logs.push(m), error: () => {} };
    const store = new ResilientStore(db.store, { logger, maxBuffered: 3, setTimer: () => ({}) });
    await store.recordOccurrences([1, 2, 3, 4, 5].map((n) => occurrence({ messageTs: String(n) })));
    expect(store.pending).toBe(3);
    expect(logs).toContain('2 occurrences dropped so far: the database has been down too long');
  });
});
