import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { startBot } from '../helpers/bot.js';
import { digestHarness, failure } from '../helpers/digest-harness.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { envelope, fixture, signedJson } from '../helpers/slack-request.js';
import { dropSchema, freshSchema, POSTGRES_URL } from './postgres.js';

// Several instances behind a load balancer on one PostgreSQL (issue: "one digest per channel and day,
// one reply per message").
const schema = freshSchema();
const stores: Store[] = [];
const open = async () => {
  const store = await openStore(POSTGRES_URL, { schema });
  stores.push(store);
  return store;
};
afterAll(async () => {
  for (const store of stores) await store.close();
  await dropSchema(schema);
});

describe('two instances on one PostgreSQL', () => {
  it('post one digest per channel and day', async () => {
    const [a, b] = [await open(), await open()];
    await a.recordOccurrences([failure({ seenAt: new Date('2026-11-24T07:00:00Z') })]);
    const h = await digestHarness(a);
    const other = h.instance(b);
    await h.service.subscribe('T1', 'C1', { time: '09:00', timeZone: 'UTC', postWhenQuiet: true });
    h.setNow('2026-11-24T09:00:00Z');
    const posted = await Promise.all([h.service.runDue(), other.runDue(), h.service.runDue(), other.runDue()]);
    expect(posted.reduce((sum, n) => sum + n, 0)).toBe(1);
    await h.flush();
    expect(h.slack.callsOf('chat.postMessage')).toHaveLength(1);
    await h.slack.close();
  });

  it('reply once to a message both receive (Slack retried to the other instance)', async () => {
    const slack = await new FakeSlack().start();
    const [one, two] = [await startBot({ store: await open(), slack }), await startBot({ store: await open(), slack })];
    try {
      const body = envelope({ ...fixture('message').event, text: 'token call failed: error=invalid_client' });
      const [first, second] = await Promise.all([
        signedJson(one.url, body),
        signedJson(two.url, body, { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' }),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      await one.idle();
      await two.idle();
      expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
    } finally {
      await one.app.stop();
      await two.app.stop();
      await slack.close();
    }
  });
});
