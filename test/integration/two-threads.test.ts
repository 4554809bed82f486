import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBot, type StartBotOptions, startBot } from '../../src/bot.js';
import type { Config } from '../../src/config.js';
import { StartupError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { testConfig } from '../helpers/bot.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { FakeSocketSlack } from '../helpers/fake-socket.js';
import { command, envelope, fixture, signedForm, signedJson } from '../helpers/slack-request.js';

// The bot as `npm start` composes it: a front that acks and an answer thread (a real worker) that answers.

const FIXTURES = new URL('../fixtures/catalogs/', import.meta.url).pathname;
const sqliteFile = () => join(mkdtempSync(join(tmpdir(), 'two-threads-')), 'bot.sqlite');

function config(slack: FakeSlack, overrides: Partial<Config> = {}): Config {
  return { ...testConfig(slack.url), databaseUrl: sqliteFile(), ...overrides } as Config;
}

async function start(
  slack: FakeSlack,
  logs: string[],
  overrides: Partial<Config> = {},
  options: Partial<StartBotOptions> = {},
) {
  return startBot(config(slack, overrides), {
    logger: createLogger('info', (line) => logs.push(line)),
    tuning: { retryConfig: { retries: 0 }, postIntervalMs: 0, socket: { clientPingTimeout: 300 } },
    ...options,
  });
}

describe('the bot in two threads, HTTP mode', () => {
  let slack: FakeSlack;
  let bot: RunningBot;
  let url: string;
  const logs: string[] = [];
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    bot = await start(slack, logs);
    url = `http://127.0.0.1:${bot.port}/slack/events`;
  }, 30_000);
  afterAll(async () => {
    await bot.stop();
    await slack.close();
  });

  it('knows the catalogs the answer thread loaded', () => {
    expect(bot.answers.providers.has('okta')).toBe(true);
    expect(bot.answers.entries).toBeGreaterThan(900);
    expect(bot.answers.alive).toBe(true);
  });

  it('answers help in the ack itself, without the answer thread', async () => {
    const sent = await signedForm(url, command('help', slack.responseUrl('help')));
    expect(sent.status).toBe(200);
    expect(sent.body).toContain('/oauth-error');
    expect(JSON.parse(sent.body).response_type).toBe('ephemeral');
  });

  it('acks a lookup empty, then the answer thread answers privately through response_url', async () => {
    const sent = await signedForm(url, command('AADSTS50011', slack.responseUrl('lookup'), { channel_id: 'C50011' }));
    expect(sent.status).toBe(200);
    expect(sent.body).toBe('');
    const answer = await slack.waitFor(() => slack.responses.find((response) => response.id === 'lookup'), 10_000);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.body)).toContain('AADSTS50011');
    expect(slack.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C50011')).toEqual([]);
  });

  it('a usage reply decided in the answer thread reaches the user through response_url', async () => {
    // `invalid_grant` fits several providers: the choice goes back through the command's response_url.
    const sent = await signedForm(url, command('invalid_grant', slack.responseUrl('choice'), { channel_id: 'C2' }));
    expect(sent.status).toBe(200);
    const choice = await slack.waitFor(() => slack.responses.find((response) => response.id === 'choice'), 10_000);
    expect(JSON.stringify(choice.body)).toContain('oauth_error_pick');
  });

  it('replies once in the thread of a pasted error, never to the bot’s own reply', async () => {
    const event = { ...fixture('message').event, channel: 'C77', text: 'callback failed: error=invalid_client' };
    expect((await signedJson(url, envelope(event))).status).toBe(200);
    const own = { ...fixture('own-reply'), channel: 'C77', thread_ts: event.ts };
    expect((await signedJson(url, envelope(own))).status).toBe(200);
    const replies = () => slack.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C77');
    await slack.waitFor(() => replies().length === 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(replies()).toHaveLength(1);
    expect(replies()[0]?.params.thread_ts).toBe(event.ts);
  });

  // The answer thread logs to stderr; main.test.ts checks the whole process's output for message text.
  it('the front logs no message text', () => {
    expect(logs.join('\n')).not.toContain('callback failed');
  });
});

describe('the bot in two threads, under overload, at start and at stop', () => {
  it('finishes the answers in progress when stopped: they were acked and will not come again', async () => {
    const slack = await new FakeSlack().start();
    const bot = await start(slack, []);
    try {
      const url = `http://127.0.0.1:${bot.port}/slack/events`;
      const sent = await signedForm(url, command('E0000011', slack.responseUrl('drain'), { channel_id: 'CDRAIN' }));
      expect(sent.status).toBe(200);
    } finally {
      await bot.stop();
    }
    expect(slack.responses.filter((response) => response.id === 'drain')).toHaveLength(1);
    expect(bot.answers.alive).toBe(false);
    await slack.close();
  }, 30_000);

  it('says it is busy in the ack when the answer thread has too much outstanding', async () => {
    const slack = await new FakeSlack().start();
    const bot = await start(slack, [], {}, { maxOutstanding: 0 });
    try {
      const url = `http://127.0.0.1:${bot.port}/slack/events`;
      const sent = await signedForm(url, command('AADSTS50011', slack.responseUrl('busy')));
      expect(sent.status).toBe(200);
      expect(sent.body).toContain('too many requests');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(slack.callsOf('chat.postMessage')).toHaveLength(0);
    } finally {
      await bot.stop();
      await slack.close();
    }
  }, 30_000);

  it('relays a catalog problem found in the answer thread, naming file, entry and field', async () => {
    const slack = await new FakeSlack().start();
    try {
      const failed = await start(slack, [], { catalogDirs: [join(FIXTURES, 'broken/missing-field')] }).catch(
        (error: unknown) => error,
      );
      expect(failed).toBeInstanceOf(StartupError);
      const message = (failed as Error).message;
      expect(message).toContain('demo.yaml');
      expect(message).toContain('entry demo_error');
      expect(message).toContain('field');
    } finally {
      await slack.close();
    }
  }, 30_000);

  it('fails start-up with a clear message when Slack rejects the bot token', async () => {
    const slack = await new FakeSlack().start();
    slack.on('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    try {
      const failed = await start(slack, []).catch((error: unknown) => error);
      expect((failed as Error).message).toContain('auth.test with SLACK_BOT_TOKEN failed');
      expect((failed as Error).message).toContain('invalid_auth');
    } finally {
      await slack.close();
    }
  }, 30_000);
});

describe('the bot in two threads, Socket Mode', () => {
  it('acks an envelope on the socket and answers from the answer thread', async () => {
    const slack = await new FakeSlack().start();
    const socket = new FakeSocketSlack(slack);
    const bot = await start(slack, [], { mode: 'socket', appToken: 'xapp-test-token' } as Partial<Config>);
    try {
      const ts = '1700009900.000100';
      const sentAt = socket.send({
        type: 'events_api',
        envelope_id: 'env-two-threads',
        accepts_response_payload: false,
        payload: {
          ...fixture('message'),
          event_id: 'Ev-two',
          event: { ...fixture('message').event, ts, event_ts: ts },
        },
      });
      const ack = await slack.waitFor(() => socket.acks.find((item) => item.envelope_id === 'env-two-threads'));
      expect(ack.at - sentAt).toBeLessThan(3000);
      const reply = await slack.waitFor(() => slack.callsOf('chat.postMessage')[0], 10_000);
      expect(reply.params.thread_ts).toBe(ts);
    } finally {
      await bot.stop();
      await socket.close();
      await slack.close();
    }
  }, 30_000);
});
