import { App, LogLevel, type RespondArguments } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ForwardedReceiver } from '../../src/answers/forwarded-receiver.js';
import type { ForwardedRequest } from '../../src/answers/protocol.js';
import { type Forwarder, registerFrontListeners } from '../../src/listeners/front.js';
import { createLogger } from '../../src/logger.js';
import { fixture, pickPayload } from '../helpers/slack-request.js';

/**
 * The front's listeners over a receiver fed by hand (no HTTP): what each request acks with, and what is
 * handed to the answer thread. ForwardedReceiver is the receiver: an ack with a message reaches respondTo.
 */
function front(options: { saturated?: boolean } = {}) {
  const forwarded: ForwardedRequest[] = [];
  const answers: Forwarder = {
    forward: (request) => {
      forwarded.push(request);
    },
    saturated: options.saturated ?? false,
  };
  const acked: Array<{ url: string; message: RespondArguments }> = [];
  const receiver = new ForwardedReceiver({
    logger: createLogger('error', () => undefined),
    respondTo: async (url, message) => {
      acked.push({ url, message });
    },
  });
  const app = new App({
    token: 'xoxb-test-token',
    botId: 'BBOT',
    botUserId: 'UBOT',
    receiver,
    logLevel: LogLevel.ERROR,
  });
  registerFrontListeners(app, { answers, providers: new Set(['okta', 'entra']) });
  return { receiver, forwarded, acked };
}

const commandBody = (text: string) => ({ ...fixture('command'), text, response_url: 'https://hooks.example/r1' });

describe('front listeners', () => {
  it('answers help and argument errors in the ack and forwards nothing', async () => {
    const { receiver, forwarded, acked } = front();
    await receiver.process({ body: commandBody('help') });
    await receiver.process({ body: commandBody('invalid_grant --provider nosuch') });
    expect(forwarded).toEqual([]);
    expect(acked.map((item) => item.url)).toEqual(['https://hooks.example/r1', 'https://hooks.example/r1']);
    expect(JSON.stringify(acked[0]?.message)).toContain('/oauth-error');
    expect(JSON.stringify(acked[1]?.message)).toContain('Unknown provider');
  });

  it('acks a lookup empty and forwards the command with its retry headers', async () => {
    const { receiver, forwarded, acked } = front();
    await receiver.process({ body: commandBody('E0000011'), retryNum: 1, retryReason: 'http_timeout' });
    expect(acked).toEqual([]);
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]?.body.text).toBe('E0000011');
    expect(forwarded[0]?.retryNum).toBe(1);
    expect(forwarded[0]?.retryReason).toBe('http_timeout');
  });

  it('says busy in the ack and forwards nothing when the answer thread is saturated', async () => {
    const { receiver, forwarded, acked } = front({ saturated: true });
    await receiver.process({ body: commandBody('E0000011') });
    expect(forwarded).toEqual([]);
    expect(JSON.stringify(acked[0]?.message)).toContain('too many requests');
  });

  it('forwards a person’s message and drops the bot’s own, other bots’ and edits', async () => {
    const { receiver, forwarded } = front();
    const person = fixture('message');
    await receiver.process({ body: person });
    for (const name of ['own-reply', 'classic-bot-message', 'app-message']) {
      const event = fixture(name);
      await receiver.process({ body: { ...person, event: 'event' in event ? event.event : event } });
    }
    const edit = fixture('message-changed');
    await receiver.process({ body: { ...person, event: 'event' in edit ? edit.event : edit } });
    expect(forwarded.map((request) => (request.body.event as { ts: string }).ts)).toEqual([person.event.ts]);
  });

  it('acks a pick button and forwards it', async () => {
    const { receiver, forwarded, acked } = front();
    const payload = pickPayload(
      { action_id: 'oauth_error_pick:0', value: 'okta:E0000011' },
      'https://hooks.example/pick',
    );
    await receiver.process({ body: payload });
    expect(acked).toEqual([]);
    expect(forwarded.map((request) => request.body.type)).toEqual(['block_actions']);
  });

  it('forwards the clicks and the shortcut the answer thread handles: a pick, share, votes, Explain OAuth errors', async () => {
    const { receiver, forwarded } = front();
    for (const action_id of [
      'oauth_error_pick:0',
      'oauth_error_share',
      'oauth_error_vote_helpful',
      'oauth_error_vote_wrong',
    ]) {
      await receiver.process({ body: pickPayload({ action_id, value: 'okta:E0000011' }, 'https://hooks.example/a') });
    }
    await receiver.process({
      body: {
        type: 'message_action',
        callback_id: 'explain_oauth_errors',
        trigger_id: '1.2.3',
        response_url: 'https://hooks.example/s',
        team: { id: 'T1', domain: 'example' },
        channel: { id: 'C1', name: 'general' },
        user: { id: 'U1', team_id: 'T1' },
        message_ts: '1.1',
        message: { type: 'message', ts: '1.1', text: 'AADSTS50011' },
        token: 'x',
      },
    });
    expect(forwarded).toHaveLength(5);
  });
});
