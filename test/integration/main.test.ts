import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.js';
import { command, envelope, fixture, SIGNING_SECRET, signedForm, signedJson } from '../helpers/slack-request.js';

// `npm start` as an operator runs it (the built dist/main.js): the composition root with SQLite, the
// digest and a fake Slack.
const ROOT = new URL('../../', import.meta.url);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number> } {
  let output = '';
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, output: () => output, exited };
}

describe('the bot process', () => {
  it('stops at start with one message listing every bad setting', async () => {
    const run = start({ SLACK_BOT_TOKEN: 'xoxp-wrong', PORT: 'abc', DATABASE_URL: 'mysql://x/y' });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines[0]).toBe('oauth-error-bot cannot start.');
    expect(run.output()).toContain('SLACK_BOT_TOKEN: must be a bot token starting with xoxb-');
    expect(run.output()).toContain('PORT: must be a port number');
    expect(run.output()).toContain('DATABASE_URL: must be postgres://');
    expect(run.output()).toContain('SLACK_SIGNING_SECRET: is required in HTTP mode');
    expect(run.output()).not.toContain('xoxp-wrong');
  });

  describe('running on SQLite against a fake Slack', () => {
    let slack: FakeSlack;
    let bot: ReturnType<typeof start>;
    let url: string;
    beforeAll(async () => {
      slack = await new FakeSlack().start();
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      bot = start({
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        PORT: String(port),
        DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'main-test-')), 'bot.sqlite'),
      });
      const deadline = Date.now() + 20_000;
      while (!(await fetch(`${url}/healthz`).catch(() => undefined))?.ok) {
        if (Date.now() > deadline) throw new Error(`the bot did not become ready:\n${bot.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, 30_000);
    afterAll(async () => {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await slack.close();
    });

    it('answers /healthz, replies to a pasted error, and posts the digest of what it recorded', async () => {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const event = envelope({ ...fixture('message').event, text: 'login failed: error=invalid_client on callback' });
      expect((await signedJson(`${url}/slack/events`, event)).status).toBe(200);
      await slack
        .waitFor(() => slack.callsOf('chat.postMessage').length === 1, 10_000)
        .catch((error) => {
          throw new Error(`${error}\n${bot.output()}\n${JSON.stringify(slack.calls.map((c) => c.method))}`);
        });

      const subscribe = await signedForm(
        `${url}/slack/events`,
        command('digest on 09:00 UTC', slack.responseUrl('d1')),
      );
      expect(subscribe.status).toBe(200);
      const now = await signedForm(`${url}/slack/events`, command('digest now', slack.responseUrl('d2')));
      expect(now.status).toBe(200);
      const digest = await slack.waitFor(
        () => slack.callsOf('chat.postMessage').find((call) => String(call.params.text).startsWith('OAuth failures')),
        10_000,
      );
      expect(digest.params.channel).toBe('C1');
      expect(String(digest.params.text)).toContain('1 failure, 1 distinct error, 1 new');
      expect(bot.output()).not.toContain('invalid_client on callback');
    });
  });
});
