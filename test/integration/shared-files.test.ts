import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type TestBot } from '../helpers/bot.js';
import { envelope, fixture, signedJson } from '../helpers/slack-request.js';

/** Long logs shared as text snippets or files are read like the message, within limits, with the bot token. */
describe('shared files', () => {
  let bot: TestBot;
  let seq = 0;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.stop());

  const share = async (text: string, files: Record<string, unknown>[]) => {
    const ts = `17300${String(++seq).padStart(5, '0')}.000100`;
    const event = { ...fixture('message').event, subtype: 'file_share', ts, event_ts: ts, text, files };
    expect((await signedJson(bot.url, envelope(event))).status).toBe(200);
    await bot.idle();
    return bot.slack.callsOf('chat.postMessage').filter((call) => call.params.thread_ts === ts);
  };

  it('a snippet and a plain-text file: their errors answered, each named by file and line', async () => {
    const log = ['GET /signin 302', 'GET /callback 400', 'error=invalid_client&error_description=AADSTS7000215'].join(
      '\n',
    );
    const replies = await share('our login broke, log attached', [
      {
        name: 'server.log',
        mimetype: 'text/plain',
        filetype: 'text',
        size: log.length,
        url_private_download: bot.slack.file('server.log', log),
      },
      {
        name: 'snippet.txt',
        mode: 'snippet',
        filetype: 'javascript',
        size: 20,
        url_private_download: bot.slack.file('snippet.txt', 'E0000011 from okta.com'),
      },
    ]);
    expect(replies).toHaveLength(1);
    const text = JSON.stringify(replies[0]?.params);
    expect(text).toContain('AADSTS7000215');
    expect(text).toContain('server.log, line 3');
    expect(text).toContain('E0000011');
    expect(bot.slack.downloads.every((download) => download.token === 'xoxb-test-token')).toBe(true);
  });

  it('binary, oversized and foreign-host files are skipped with a log line that names neither file nor content', async () => {
    const before = bot.slack.downloads.length;
    const replies = await share('', [
      {
        name: 'secret-plan.png',
        mimetype: 'image/png',
        filetype: 'png',
        size: 10,
        url_private_download: bot.slack.file('a.png', 'AADSTS50011'),
      },
      {
        name: 'huge.log',
        mimetype: 'text/plain',
        size: 5 * 1024 * 1024,
        url_private_download: bot.slack.file('huge.log', 'AADSTS50011'),
      },
      {
        name: 'nul.txt',
        mimetype: 'text/plain',
        size: 12,
        url_private_download: bot.slack.file('nul.txt', 'AADSTS50011\u0000x'),
      },
      {
        name: 'elsewhere.txt',
        mimetype: 'text/plain',
        size: 11,
        url_private_download: 'https://attacker.example/f.txt',
      },
    ]);
    expect(replies).toEqual([]);
    expect(bot.slack.downloads.length - before).toBe(1); // only nul.txt was fetched
    const skipped = bot.logs.filter((line) => line.includes('Skipped a shared file'));
    expect(skipped.length).toBeGreaterThanOrEqual(4);
    expect(skipped.join('\n')).not.toMatch(/secret-plan|huge\.log|AADSTS50011/);
  });
});
