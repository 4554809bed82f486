import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/domain/catalog.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { type DigestHarness, digestHarness, failure } from '../helpers/digest-harness.js';

let store: MemoryStore;
let h: DigestHarness;
beforeEach(async () => {
  store = new MemoryStore();
  h = await digestHarness(store);
  h.setNow('2026-11-24T09:00:00Z');
});
afterEach(async () => {
  await h.slack.close();
});

interface Block {
  type: string;
  text?: { text: string };
}
const blocksOf = (params: Record<string, unknown>) => params.blocks as Block[];
const allText = (params: Record<string, unknown>) =>
  blocksOf(params)
    .map((b) => b.text?.text ?? '')
    .join('\n');

describe('digest posting against a strict fake Web API', () => {
  it('one post with a token, a fallback text and blocks within limits; counts, change and new errors', async () => {
    await store.recordOccurrences([
      failure({ messageTs: '1', threadTs: '1' }),
      failure({ messageTs: '2', threadTs: '2' }),
      failure({ messageTs: '3', threadTs: '3', provider: 'entra', code: 'AADSTS50011' }),
      failure({ messageTs: '0', threadTs: '0', seenAt: new Date('2026-11-23T05:00:00Z') }), // day before
      failure({ channelId: 'C2', isPrivate: true, provider: 'okta', code: 'E0000011' }), // another (private) channel
    ]);
    await h.service.postNow('T1', 'C1');
    await h.flush();
    const [post, ...rest] = h.slack.callsOf('chat.postMessage');
    expect(rest).toEqual([]);
    expect(post?.token).toBe('xoxb-test-token');
    expect(post?.params.channel).toBe('C1');
    expect(String(post?.params.text)).toBe('OAuth failures, past 24 hours: 3 failures, 2 distinct errors, 1 new.');
    const blocks = blocksOf(post?.params ?? {});
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks[0]?.type).toBe('header');
    const text = allText(post?.params ?? {});
    expect(text).toMatch(
      /`invalid_grant` \(OAuth 2\.0 and OpenID Connect standards\)[^\n]*: \*2\*, ▲1 vs the day before/,
    );
    expect(text).toMatch(/\*New in this channel\*\n• `AADSTS50011` \(Microsoft Entra ID\)/);
    expect(text).not.toContain('E0000011');
    expect(text).toContain('OAuth 2.0 and OpenID Connect standards: 2 (1 distinct)');
  });

  it('an oversized digest (300 errors) is cut to fit, saying how much was left out', async () => {
    await store.recordOccurrences(
      Array.from({ length: 300 }, (_, i) =>
        failure({
          messageTs: String(i),
          threadTs: String(i),
          provider: 'entra',
          code: `AADSTS9${String(i).padStart(5, '0')}`,
        }),
      ),
    );
    h.slack.on('chat.getPermalink', (params) => ({
      body: {
        ok: true,
        permalink: `https://example.slack.com/archives/C1/p${String(params.message_ts).replace('.', '')}`,
      },
    }));
    await h.service.postNow('T1', 'C1');
    await h.flush();
    const [post] = h.slack.callsOf('chat.postMessage');
    const text = allText(post?.params ?? {});
    expect(text).toContain('_…and 285 more not shown._');
    expect(text).toContain('_…and 290 more not shown._');
    for (const block of blocksOf(post?.params ?? {})) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    expect(h.slack.callsOf('chat.getPermalink').length).toBeLessThanOrEqual(25);
  });

  it('a 429 with Retry-After is waited out, and exactly one digest is posted', async () => {
    await store.recordOccurrences([failure({})]);
    let first = true;
    h.slack.on('chat.postMessage', (params) => {
      if (first) {
        first = false;
        return { status: 429, headers: { 'Retry-After': '1' }, body: { ok: false, error: 'ratelimited' } };
      }
      return { body: { ok: true, channel: params.channel, ts: '1800000000.000001' } };
    });
    await h.service.postNow('T1', 'C1');
    await h.flush();
    const calls = h.slack.callsOf('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('permalinks for one thread per error; one message_not_found leaves only that line unlinked', async () => {
    await store.recordOccurrences([
      failure({ messageTs: '1.1', threadTs: '1.1' }),
      failure({ messageTs: '2.2', threadTs: '2.2', provider: 'entra', code: 'AADSTS50011' }),
    ]);
    h.slack.on('chat.getPermalink', (params) =>
      params.message_ts === '2.2'
        ? { body: { ok: false, error: 'message_not_found' } }
        : { body: { ok: true, permalink: 'https://example.slack.com/archives/C1/p11' } },
    );
    await h.service.postNow('T1', 'C1');
    await h.flush();
    const asked = h.slack.callsOf('chat.getPermalink').map((c) => `${c.params.channel}:${c.params.message_ts}`);
    expect(asked.sort()).toEqual(['C1:1.1', 'C1:2.2']);
    const text = allText(h.slack.callsOf('chat.postMessage')[0]?.params ?? {});
    expect(text).toMatch(/`invalid_grant`[^\n]*<https:\/\/example\.slack\.com\/archives\/C1\/p11\|thread>/);
    expect(text).toMatch(/`AADSTS50011`[^\n<]*$/m);
  });

  it('issue 14: each meaning of one code is its own line with its own title; an old row of it has none', async () => {
    const catalog = await loadCatalogs();
    const meanings = catalog.entries.filter((e) => e.provider === 'salesforce' && e.code === 'invalid_grant');
    expect(meanings.length).toBeGreaterThan(1);
    await store.recordOccurrences([
      ...meanings.flatMap((entry, i) =>
        Array.from({ length: i + 1 }, (_, n) =>
          failure({ messageTs: `${i}.${n}`, provider: 'salesforce', code: 'invalid_grant', entryKey: entry.key }),
        ),
      ),
      // Recorded before entry keys: Google's invalid_grant has several meanings, so none is claimed.
      failure({ messageTs: '9.9', provider: 'google', code: 'invalid_grant', entryKey: null }),
    ]);
    await h.service.postNow('T1', 'C1');
    await h.flush();
    const text = allText(h.slack.callsOf('chat.postMessage')[0]?.params ?? {});
    meanings.forEach((entry, i) => {
      const title = (entry.summary ?? entry.title).replace(/ \(Salesforce\)$/, '');
      expect(text).toContain(`• \`invalid_grant\` (Salesforce) ${title}: *${i + 1}*`);
    });
    expect(text).toMatch(/• `invalid_grant` \(Google Identity\): \*1\*/);
    expect(text).not.toMatch(/\((salesforce|google|oauth2)\)/);
  });

  it('codes the catalogs lack get a line of their own, counted', async () => {
    await store.recordOccurrences([
      failure({}),
      ...['1', '2', '3'].map((ts) =>
        failure({ messageTs: ts, provider: 'entra', code: 'AADSTS99999', entryKey: null }),
      ),
    ]);
    await h.service.postNow('T1', 'C1');
    await h.flush();
    const post = h.slack.callsOf('chat.postMessage')[0];
    expect(allText(post?.params ?? {})).toContain('*Not in our catalogs yet:* `AADSTS99999` (Microsoft Entra ID) ×3');
    expect(String(post?.params.text)).toContain('4 failures, 2 distinct errors');
  });

  it("the window is shown in the channel's digest zone; without a subscription in UTC", async () => {
    await store.recordOccurrences([failure({}), failure({ channelId: 'C2' })]);
    await h.service.subscribe('T1', 'C1', { time: '08:00', timeZone: 'Europe/Berlin', postWhenQuiet: true });
    await h.service.postNow('T1', 'C1');
    await h.flush();
    const context = (p: Record<string, unknown>) =>
      (p.blocks as { type: string; elements?: { text: string }[] }[]).find((b) => b.type === 'context')?.elements?.[0]
        ?.text;
    expect(context(h.slack.callsOf('chat.postMessage')[0]?.params ?? {})).toBe(
      '2026-11-23 10:00 to 2026-11-24 10:00 Europe/Berlin',
    );
    const preview = await h.service.preview('T1', 'C2');
    expect(context(preview as unknown as Record<string, unknown>)).toBe('2026-11-23 09:00 to 2026-11-24 09:00 UTC');
  });

  it('preview renders without posting', async () => {
    await store.recordOccurrences([failure({})]);
    const preview = await h.service.preview('T1', 'C1');
    expect(preview.text).toContain('1 failure,');
    expect(h.slack.callsOf('chat.postMessage')).toEqual([]);
  });
});
