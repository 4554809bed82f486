import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    const [post, ...rest] = h.slack.callsOf('chat.postMessage');
    expect(rest).toEqual([]);
    expect(post?.token).toBe('xoxb-test-token');
    expect(post?.params.channel).toBe('C1');
    expect(String(post?.params.text)).toBe('OAuth failures, past 24 hours: 3 failures, 2 distinct errors, 1 new.');
    const blocks = blocksOf(post?.params ?? {});
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks[0]?.type).toBe('header');
    const text = allText(post?.params ?? {});
    expect(text).toContain('`invalid_grant` (oauth2)');
    expect(text).toMatch(/`invalid_grant` \(oauth2\) [^\n]*: \*2\*, ▲1 vs the day before/);
    expect(text).toMatch(/\*New in this channel\*\n• `AADSTS50011` \(entra\)/);
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
    const asked = h.slack.callsOf('chat.getPermalink').map((c) => `${c.params.channel}:${c.params.message_ts}`);
    expect(asked.sort()).toEqual(['C1:1.1', 'C1:2.2']);
    const text = allText(h.slack.callsOf('chat.postMessage')[0]?.params ?? {});
    expect(text).toMatch(/`invalid_grant`[^\n]*<https:\/\/example\.slack\.com\/archives\/C1\/p11\|thread>/);
    expect(text).toMatch(/`AADSTS50011`[^\n<]*$/m);
  });

  it('preview renders without posting', async () => {
    await store.recordOccurrences([failure({})]);
    const preview = await h.service.preview('T1', 'C1');
    expect(preview.text).toContain('1 failures');
    expect(h.slack.callsOf('chat.postMessage')).toEqual([]);
  });
});
