import type { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FakeDigest, realResolver, testConfig } from '../helpers/bot.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { FakeSocketSlack } from '../helpers/fake-socket.js';
import { command, fixture } from '../helpers/slack-request.js';

/** Socket Mode against a local WebSocket fake (docs/slack-contract.md §5). */
describe('Socket Mode', () => {
  let slack: FakeSlack;
  let socket: FakeSocketSlack;
  let app: App;
  const logs: string[] = [];

  async function socketApp(fake: FakeSlack): Promise<App> {
    const config: Config = { ...testConfig(fake.url), mode: 'socket', appToken: 'xapp-test-token' };
    return buildApp({
      config,
      resolver: await realResolver(),
      store: new MemoryStore(),
      digest: new FakeDigest(),
      logger: createLogger('info', (line) => logs.push(line)),
      tuning: { retryConfig: { retries: 0 }, postIntervalMs: 0, socket: { clientPingTimeout: 300 } },
    }).app;
  }

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    socket = new FakeSocketSlack(slack);
    app = await socketApp(slack);
    await app.init();
    await app.start();
  });
  afterAll(async () => {
    await app.stop();
    await socket.close();
    await slack.close();
  });

  const eventEnvelope = (id: string, ts: string, extra: Record<string, unknown> = {}) => ({
    type: 'events_api',
    envelope_id: id,
    accepts_response_payload: false,
    payload: { ...fixture('message'), event_id: `Ev-${id}`, event: { ...fixture('message').event, ts, event_ts: ts } },
    ...extra,
  });
  const posts = () => slack.callsOf('chat.postMessage');
  const ackOf = (id: string) => slack.waitFor(() => socket.acks.find((ack) => ack.envelope_id === id));

  it('connects with the xapp- token, acks an events_api envelope within 3 s, replies once', async () => {
    const open = slack.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-test-token');
    const sentAt = socket.send(eventEnvelope('env-37', '1700003700.000100'));
    const ack = await ackOf('env-37');
    expect(ack.at - sentAt).toBeLessThan(3000);
    await slack.waitFor(() => posts().length === 1);
    expect(posts()[0]?.params).toMatchObject({ channel: 'C1', thread_ts: '1700003700.000100' });
    expect(posts()[0]?.token).toBe('xoxb-test-token');
  });

  it('the same envelope retried (retry_attempt 1) is acked, with no second reply', async () => {
    socket.acks.length = 0;
    socket.send(eventEnvelope('env-37', '1700003700.000100', { retry_attempt: 1, retry_reason: 'timeout' }));
    await ackOf('env-37');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posts()).toHaveLength(1);
  });

  it('a slash_commands envelope is acked with its ephemeral response within 3 s', async () => {
    const sentAt = socket.send({
      type: 'slash_commands',
      envelope_id: 'e1',
      accepts_response_payload: true,
      payload: command('help', slack.responseUrl('socket-help')),
    });
    const ack = await ackOf('e1');
    expect(ack.at - sentAt).toBeLessThan(3000);
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(ack.payload)).toContain('/oauth-error');
  });

  it('after disconnect (refresh_requested) it reconnects and handles a new event once', async () => {
    socket.refresh();
    await socket.waitForConnections(2);
    expect(slack.callsOf('apps.connections.open')).toHaveLength(2);
    socket.send(eventEnvelope('env-38', '1700003800.000100'));
    await ackOf('env-38');
    await slack.waitFor(() => posts().length === 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(posts()).toHaveLength(2);
    expect(posts()[1]?.params.thread_ts).toBe('1700003800.000100');
  });

  it('apps.connections.open answering invalid_auth fails start-up quickly, without reconnecting', async () => {
    const bad = await new FakeSlack().start();
    bad.on('apps.connections.open', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    const badApp = await socketApp(bad);
    try {
      await badApp.init();
      const started = Date.now();
      await expect(badApp.start()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
      expect(Date.now() - started).toBeLessThan(3000);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(bad.callsOf('apps.connections.open')).toHaveLength(1);
    } finally {
      await badApp.stop().catch(() => undefined);
      await bad.close();
    }
  });
});
