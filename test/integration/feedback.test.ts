import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { startBot } from '../helpers/bot.js';
import { cli } from '../helpers/cli.js';
import { envelope, fixture, signedForm, signedJson } from '../helpers/slack-request.js';

/** Helpful / Wrong answer: stored once per person and answer, changeable, read by `oauth-error-bot feedback`. */
describe('feedback on answers', () => {
  it('a thread reply carries vote buttons; votes are kept once per person and answer, without names', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'feedback-')), 'bot.sqlite');
    const store = await openStore(file);
    const bot = await startBot({ store });
    try {
      await signedJson(
        bot.url,
        envelope({ ...fixture('message').event, text: 'login failed: AADSTS50011 and AADSTS99999' }),
      );
      await bot.idle();
      const [reply] = bot.slack.callsOf('chat.postMessage');
      const blocks = reply?.params.blocks as {
        elements?: { action_id: string; value: string }[];
      }[];
      const buttons = blocks.flatMap((block) => block.elements ?? []).filter((element) => element.action_id);
      const wrong = buttons.find((button) => button.action_id === 'oauth_error_vote_wrong');
      const helpful = buttons.find((button) => button.action_id === 'oauth_error_vote_helpful');
      if (!wrong || !helpful) throw new Error('no vote buttons');
      expect(wrong.value).toBe('entra:AADSTS50011');
      const click = (button: { action_id: string; value: string }, user: string, actionTs: string) => ({
        payload: JSON.stringify({
          type: 'block_actions',
          team: { id: 'T1', domain: 'example' },
          user: { id: user, username: 'someone', team_id: 'T1' },
          api_app_id: 'A1',
          token: 'x',
          container: { type: 'message', message_ts: '1800000001.000001', channel_id: 'C1', is_ephemeral: false },
          trigger_id: '1.2.3',
          channel: { id: 'C1', name: 'general' },
          message: { ts: '1800000001.000001', type: 'message' },
          response_url: bot.slack.responseUrl(`vote-${user}-${actionTs}`),
          actions: [
            { ...button, type: 'button', block_id: 'b1', text: { type: 'plain_text', text: 'x' }, action_ts: actionTs },
          ],
        }),
      });
      // U1 says wrong, the click arrives twice, then U1 changes its mind; U2 says wrong.
      for (const [button, user, ts] of [
        [wrong, 'U1', '1'],
        [wrong, 'U1', '1'],
        [helpful, 'U1', '2'],
        [wrong, 'U2', '3'],
      ] as const) {
        expect((await signedForm(bot.url, click(button, user, ts))).status).toBe(200);
      }
      await bot.idle();
      const report = await store.feedbackReport(10);
      expect(report.votes).toEqual([{ entryKey: 'entra:AADSTS50011', wrong: 1, helpful: 1 }]);
      expect(JSON.stringify(report)).not.toContain('U1');

      const run = await cli(['feedback', '--json'], { env: { DATABASE_URL: file } });
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout);
      expect(summary.wrong).toEqual([{ entryKey: 'entra:AADSTS50011', wrong: 1, helpful: 1 }]);
      expect(summary.missing).toEqual([{ provider: 'entra', code: 'AADSTS99999', count: 1 }]);
      const text = await cli(['feedback'], { env: { DATABASE_URL: file } });
      expect(text.stdout).toContain('Entries most often marked wrong');
      expect(text.stdout).toContain('entra:AADSTS99999');
    } finally {
      await bot.stop();
      await store.close();
    }
  });
});
