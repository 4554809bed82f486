import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Occurrence, Store } from '../../src/store/store.js';

const HOUR = 3600_000;
const NOW = new Date('2026-11-24T09:00:00Z');

export function occurrence(overrides: Partial<Occurrence> = {}): Occurrence {
  const row: Omit<Occurrence, 'entryKey'> & Partial<Occurrence> = {
    teamId: 'T1',
    channelId: 'C1',
    messageTs: '1700000000.000100',
    threadTs: '1700000000.000100',
    provider: 'entra',
    code: 'AADSTS50011',
    confidence: 'exact',
    method: 'code',
    source: 'message',
    isPrivate: false,
    seenAt: new Date(NOW.getTime() - HOUR),
    ...overrides,
  };
  // The entry of the code given, unless the test says which (or none: a code no catalog has).
  return { ...row, entryKey: 'entryKey' in overrides ? (overrides.entryKey ?? null) : `${row.provider}:${row.code}` };
}

/** The behaviour every Store adapter must have; run against each of them. */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('claims a key once', async () => {
      expect(await store.claimKey('msg:T1:C1:1', NOW)).toBe(true);
      expect(await store.claimKey('msg:T1:C1:1', NOW)).toBe(false);
      expect(await store.claimKey('msg:T1:C1:2', NOW)).toBe(true);
    });

    it('gives one of many concurrent claimers the key', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => store.claimKey('race', NOW)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('channel settings default to auto-reply on, no digest, and last', async () => {
      expect(await store.getChannelSettings('T1', 'C9')).toEqual({
        teamId: 'T1',
        channelId: 'C9',
        autoReply: true,
        digest: null,
      });
      await store.setAutoReply('T1', 'C9', false);
      await store.setDigest('T1', 'C9', { time: '08:30', timeZone: 'Europe/Berlin', postWhenQuiet: false });
      expect(await store.getChannelSettings('T1', 'C9')).toEqual({
        teamId: 'T1',
        channelId: 'C9',
        autoReply: false,
        digest: { time: '08:30', timeZone: 'Europe/Berlin', postWhenQuiet: false },
      });
      expect((await store.listDigestSubscriptions()).map((s) => s.channelId)).toEqual(['C9']);
      await store.setAutoReply('T1', 'C9', true);
      await store.setDigest('T1', 'C9', null);
      expect(await store.getChannelSettings('T1', 'C9')).toMatchObject({ autoReply: true, digest: null });
      expect(await store.listDigestSubscriptions()).toEqual([]);
    });

    it('records an occurrence once per message and error, and summarises a window', async () => {
      const window = { from: new Date(NOW.getTime() - 24 * HOUR), to: NOW };
      await store.recordOccurrences([
        occurrence(),
        occurrence(), // retried recording of the same message
        occurrence({ messageTs: '2', threadTs: '2' }),
        occurrence({ messageTs: '3', threadTs: '3', code: 'AADSTS70008' }),
        // the day before: counts for the change, and makes AADSTS50011 not new
        occurrence({ messageTs: '0', threadTs: '0', seenAt: new Date(NOW.getTime() - 30 * HOUR) }),
        // another channel never shows up here
        occurrence({ channelId: 'C2', code: 'E0000011', provider: 'okta', isPrivate: true }),
      ]);
      const rows = await store.digestRows('T1', 'C1', window.from, window.to);
      const sorted = rows.sort((a, b) => a.code.localeCompare(b.code));
      expect(sorted).toEqual([
        {
          provider: 'entra',
          code: 'AADSTS50011',
          entryKey: 'entra:AADSTS50011',
          count: 2,
          previousCount: 1,
          isNew: false,
          threadTs: '2',
        },
        {
          provider: 'entra',
          code: 'AADSTS70008',
          entryKey: 'entra:AADSTS70008',
          count: 1,
          previousCount: 0,
          isNew: true,
          threadTs: '3',
        },
      ]);
    });

    it('records one row per message and entry: two entries of one code apart, a code without entry once', async () => {
      const salesforce = (entryKey: string) => occurrence({ provider: 'salesforce', code: 'invalid_grant', entryKey });
      await store.recordOccurrences([
        salesforce('salesforce:invalid_grant@refresh-token'),
        salesforce('salesforce:invalid_grant@ip-restricted'),
        salesforce('salesforce:invalid_grant@ip-restricted'), // retried
        occurrence({ code: 'AADSTS50057', entryKey: null }),
        occurrence({ code: 'AADSTS50057', entryKey: null }), // retried
      ]);
      const rows = await store.digestRows('T1', 'C1', new Date(NOW.getTime() - 24 * HOUR), NOW);
      expect(rows.map((row) => [row.entryKey, row.count]).sort()).toEqual([
        [null, 1],
        ['salesforce:invalid_grant@ip-restricted', 1],
        ['salesforce:invalid_grant@refresh-token', 1],
      ]);
      expect(rows.find((row) => row.entryKey === null)).toMatchObject({ provider: 'entra', code: 'AADSTS50057' });
    });

    it('counts and newness per entry; a row without entry may have been any entry of its code', async () => {
      const at = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
      const sf = (messageTs: string, context: string | null, hours: number) =>
        occurrence({
          messageTs,
          threadTs: messageTs,
          provider: 'salesforce',
          code: 'invalid_grant',
          entryKey: context && `salesforce:invalid_grant@${context}`,
          seenAt: at(hours),
        });
      const entra = (messageTs: string, context: string, hours: number) =>
        occurrence({ messageTs, threadTs: messageTs, entryKey: `entra:AADSTS50011@${context}`, seenAt: at(hours) });
      await store.recordOccurrences([
        sf('1', 'refresh-token', 1),
        sf('2', 'refresh-token', 2),
        sf('3', 'ip-restricted', 3),
        sf('4', 'refresh-token', 30), // the day before: counts for refresh-token only
        sf('5', null, 60), // recorded before entries were: neither Salesforce entry is new
        entra('6', 'b', 1),
        entra('7', 'a', 30), // another entry of the code: b is still new
      ]);
      const rows = await store.digestRows('T1', 'C1', at(24), NOW);
      const byKey = new Map(rows.map((row) => [row.entryKey, row]));
      expect(rows).toHaveLength(3);
      expect(byKey.get('salesforce:invalid_grant@refresh-token')).toMatchObject({
        count: 2,
        previousCount: 1,
        isNew: false,
        threadTs: '2',
      });
      expect(byKey.get('salesforce:invalid_grant@ip-restricted')).toMatchObject({
        count: 1,
        previousCount: 0,
        isNew: false,
      });
      expect(byKey.get('entra:AADSTS50011@b')).toMatchObject({ count: 1, previousCount: 0, isNew: true });
    });

    it('claims a digest run once, hands over a stale claim, and never after it is done', async () => {
      expect(await store.claimDigestRun('T1', 'C1', '2026-11-24', NOW, 10 * 60_000)).toBe(true);
      expect(await store.claimDigestRun('T1', 'C1', '2026-11-24', NOW, 10 * 60_000)).toBe(false);
      const later = new Date(NOW.getTime() + 11 * 60_000);
      expect(await store.claimDigestRun('T1', 'C1', '2026-11-24', later, 10 * 60_000)).toBe(true);
      await store.completeDigestRun('T1', 'C1', '2026-11-24', later);
      const muchLater = new Date(NOW.getTime() + 5 * HOUR);
      expect(await store.claimDigestRun('T1', 'C1', '2026-11-24', muchLater, 10 * 60_000)).toBe(false);
      expect(await store.claimDigestRun('T1', 'C1', '2026-11-25', muchLater, 10 * 60_000)).toBe(true);
    });

    it('a released claim can be claimed again at once', async () => {
      expect(await store.claimDigestRun('T1', 'C1', '2026-11-24', NOW, 10 * 60_000)).toBe(true);
      await store.releaseDigestRun('T1', 'C1', '2026-11-24');
      expect(await store.claimDigestRun('T1', 'C1', '2026-11-24', NOW, 10 * 60_000)).toBe(true);
    });

    it('purges what is older than the retention period', async () => {
      await store.recordOccurrences([
        occurrence({ messageTs: 'old', seenAt: new Date(NOW.getTime() - 100 * 24 * HOUR) }),
        occurrence({ messageTs: 'new' }),
      ]);
      await store.claimKey('old-key', new Date(NOW.getTime() - 100 * 24 * HOUR));
      const purged = await store.purge(new Date(NOW.getTime() - 90 * 24 * HOUR));
      expect(purged).toEqual({ occurrences: 1, keys: 1 });
      const rows = await store.digestRows('T1', 'C1', new Date(0), NOW);
      expect(rows.map((row) => row.count)).toEqual([1]);
    });

    const post = (channel: string, text: string) => ({ channel, threadTs: '1700000000.000100', text, blocks: [] });
    const lease = (now: Date, owner = 'A', exclude: string[] = []) =>
      store.leaseDuePosts({ owner, now, leaseMs: 60_000, limit: 10, exclude });

    it('outbox: claims and enqueues in one step, once; the also-keys report which were new', async () => {
      const seen: boolean[][] = [];
      const build = (fresh: boolean[]) => {
        seen.push(fresh);
        return post('C1', 'reply');
      };
      expect(await store.claimAndEnqueue({ key: 'msg:1', also: ['t:a', 't:b'] }, NOW, build)).toBe(true);
      expect(await store.claimAndEnqueue({ key: 'msg:1', also: ['t:a'] }, NOW, build)).toBe(false);
      expect(await store.claimAndEnqueue({ key: 'msg:2', also: ['t:a', 't:c'] }, NOW, () => undefined)).toBe(true);
      expect(await store.claimAndEnqueue({ key: 'msg:3', also: ['t:a', 't:c'] }, NOW, build)).toBe(true);
      expect(seen).toEqual([
        [true, true],
        [false, false],
      ]);
      expect((await store.outboxBacklog()).waiting).toBe(2);
      expect(await store.claimKey('msg:1', NOW)).toBe(false);
    });

    it('outbox: one post per channel at a time, oldest first, each leased once', async () => {
      for (const [key, channel, text] of [
        ['k1', 'C1', 'one'],
        ['k2', 'C1', 'two'],
        ['k3', 'C2', 'three'],
      ]) {
        await store.claimAndEnqueue({ key: key as string }, NOW, () => post(channel as string, text as string));
      }
      const first = await lease(NOW);
      expect(first.map((item) => item.post.text)).toEqual(['one', 'three']);
      // Another instance finds nothing: both channels have a post in flight.
      expect(await lease(NOW, 'B')).toEqual([]);
      const one = first[0];
      if (!one) throw new Error('no lease');
      await store.completePost(one.id);
      expect((await lease(NOW, 'B')).map((item) => item.post.text)).toEqual(['two']);
      expect((await store.outboxBacklog()).waiting).toBe(2);
    });

    it('outbox: a deferred post waits until due and keeps its place; an expired lease is taken over', async () => {
      await store.claimAndEnqueue({ key: 'k1' }, NOW, () => post('C1', 'one'));
      await store.claimAndEnqueue({ key: 'k2' }, NOW, () => post('C1', 'two'));
      const [one] = await lease(NOW);
      if (!one) throw new Error('no lease');
      await store.deferPost(one.id, new Date(NOW.getTime() + 30_000), 1);
      expect(await lease(NOW)).toEqual([]);
      const later = await lease(new Date(NOW.getTime() + 30_000));
      expect(later.map((item) => [item.post.text, item.attempts])).toEqual([['one', 1]]);
      // The instance holding it died: after the lease, someone else posts it.
      expect(await lease(new Date(NOW.getTime() + 31_000), 'B')).toEqual([]);
      expect((await lease(new Date(NOW.getTime() + 91_000), 'B')).map((item) => item.post.text)).toEqual(['one']);
      expect((await lease(new Date(NOW.getTime() + 91_000), 'C', ['C1'])).map((item) => item.post.text)).toEqual([]);
    });

    it('feedback: one vote per person, answer and entry, changeable; seen codes counted', async () => {
      const vote = (voter: string, answerRef: string, entryKey: string, choice: 'helpful' | 'wrong') =>
        store.recordVote({ teamId: 'T1', channelId: 'C1', answerRef, entryKey, voter, vote: choice, at: NOW });
      await vote('v1', 'a1', 'okta:E0000011', 'wrong');
      await vote('v1', 'a1', 'okta:E0000011', 'wrong');
      await vote('v2', 'a1', 'okta:E0000011', 'wrong');
      await vote('v1', 'a2', 'entra:AADSTS50011', 'wrong');
      await vote('v1', 'a2', 'entra:AADSTS50011', 'helpful');
      await store.recordOccurrences([
        occurrence({ messageTs: '1', code: 'AADSTS99999' }),
        occurrence({ messageTs: '2', code: 'AADSTS99999' }),
      ]);
      const report = await store.feedbackReport(10);
      expect(report.votes).toEqual([
        { entryKey: 'okta:E0000011', wrong: 2, helpful: 0 },
        { entryKey: 'entra:AADSTS50011', wrong: 0, helpful: 1 },
      ]);
      expect(report.seen).toContainEqual({ provider: 'entra', code: 'AADSTS99999', count: 2 });
    });
  });
}
