import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { cli } from '../helpers/cli.js';
import { failure } from '../helpers/digest-harness.js';

describe('digest --preview', () => {
  it("renders a channel's past 24 hours from the store", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'digest-cli-')), 'bot.sqlite');
    const store = await openStore(file);
    const recent = new Date(Date.now() - 60 * 60 * 1000);
    await store.recordOccurrences([
      failure({ seenAt: recent }),
      failure({ messageTs: '2', seenAt: recent }),
      failure({ channelId: 'C2', code: 'invalid_client', seenAt: recent }),
    ]);
    await store.close();
    const run = await cli(['digest', '--channel', 'C1', '--preview'], { env: { DATABASE_URL: file } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^OAuth failures in C1, /);
    expect(run.stdout).toContain('2 failures, 1 distinct error, 1 new');
    expect(run.stdout).toContain('invalid_grant (OAuth 2.0 and OpenID Connect standards)');
    expect(run.stdout).not.toContain('invalid_client');
  });

  it('says a mistyped database path does not exist, and creates nothing there', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'digest-cli-'));
    const typo = join(folder, 'bto.sqlite');
    const run = await cli(['digest', '--channel', 'C1', '--preview'], { env: { DATABASE_URL: typo } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Cannot open the sqlite database at ${typo}: it does not exist`);
    expect(existsSync(typo)).toBe(false);
  });

  it('refuses a database the bot never set up instead of migrating it: read only', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'digest-cli-')), 'other.sqlite');
    const { default: SQLite } = await import('better-sqlite3');
    new SQLite(file).close();
    const run = await cli(['digest', '--channel', 'C1', '--preview'], { env: { DATABASE_URL: file } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the bot has not set this database up');
  });

  it('rejects a malformed channel id and a missing one', async () => {
    const bad = await cli(['digest', '--channel', 'general', '--preview']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"general" is not a Slack channel id');
    expect((await cli(['digest', '--preview'])).code).toBe(2);
  });
});
