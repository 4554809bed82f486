import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Signed requests as Slack sends them (docs/slack-contract.md §1). */

export const SIGNING_SECRET = '8f742231b10e8888abcd99aaa0f85a5e';

export function sign(body: string, secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'X-Slack-Signature': signature, 'X-Slack-Request-Timestamp': String(timestamp) };
}

export interface SentRequest {
  status: number;
  body: string;
  headers: Headers;
  ms: number;
}

export async function send(url: string, init: { body: string; headers: Record<string, string>; method?: string }) {
  const started = performance.now();
  const response = await fetch(url, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
  const body = await response.text();
  return { status: response.status, body, headers: response.headers, ms: performance.now() - started };
}

/** A signed JSON body (Events API). */
export function signedJson(url: string, payload: unknown, extraHeaders: Record<string, string> = {}) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return send(url, { body, headers: { 'Content-Type': 'application/json', ...sign(body), ...extraHeaders } });
}

/** A signed form body (slash commands; interactivity as `payload=`). Bolt wants this exact content type. */
export function signedForm(url: string, fields: Record<string, string>, extraHeaders: Record<string, string> = {}) {
  const body = new URLSearchParams(fields).toString();
  return send(url, {
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sign(body), ...extraHeaders },
  });
}

const FIXTURES = new URL('../fixtures/slack/', import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: fixtures are arbitrary Slack JSON; each test narrows what it reads
export function fixture<T extends object = Record<string, any>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as T;
}

let eventCounter = 0;

/** An event_callback envelope around `event` (the message.json envelope, fresh event_id). */
export function envelope(event: Record<string, unknown>, eventId = `Ev${++eventCounter}${Date.now()}`) {
  return { ...fixture('message'), event, event_id: eventId };
}

/** A slash command body (all §2.1 fields) with `text` and a response_url. */
export function command(text: string, responseUrl: string, overrides: Record<string, string> = {}) {
  return { ...fixture<Record<string, string>>('command'), text, response_url: responseUrl, ...overrides };
}

/** A block_actions payload for one click on a pick button (`action_id` and `value` as rendered). */
export function pickPayload(button: { action_id: string; value: string }, responseUrl: string) {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'example' },
    user: { id: 'U1', username: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'x',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C1', is_ephemeral: true },
    trigger_id: '1.2.3',
    channel: { id: 'C1', name: 'general' },
    response_url: responseUrl,
    actions: [{ ...button, type: 'button', block_id: 'b1', text: { type: 'plain_text', text: 'x' }, action_ts: '1' }],
  };
}
