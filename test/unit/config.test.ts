import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const http = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' };

function issues(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('HTTP mode with defaults', () => {
    expect(parseConfig(http)).toEqual({
      mode: 'http',
      botToken: 'xoxb-1-abc',
      signingSecret: http.SLACK_SIGNING_SECRET,
      slackApiUrl: undefined,
      port: 3000,
      databaseUrl: undefined,
      catalogDirs: [],
      logLevel: 'info',
      retentionDays: 90,
    });
  });

  it('Socket Mode when SLACK_APP_TOKEN is set; the signing secret is then optional', () => {
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1-A',
      PORT: '8080',
      LOG_LEVEL: 'WARN',
    });
    expect(config).toMatchObject({ mode: 'socket', appToken: 'xapp-1-A', port: 8080, logLevel: 'warn' });
  });

  it('normalises SLACK_API_URL and splits CATALOGS_DIR', () => {
    const a = mkdtempSync(join(tmpdir(), 'cat-a-'));
    const b = mkdtempSync(join(tmpdir(), 'cat-b-'));
    const config = parseConfig({
      ...http,
      SLACK_API_URL: 'https://slack-gov.com/api',
      CATALOGS_DIR: `${a}:${b}`,
      DATABASE_URL: 'postgres://x/y',
    });
    expect(config).toMatchObject({
      slackApiUrl: 'https://slack-gov.com/api/',
      catalogDirs: [a, b],
      databaseUrl: 'postgres://x/y',
    });
  });

  it('lists every problem at once, without echoing secret values', () => {
    const found = issues({
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      PORT: '70000',
      SLACK_API_URL: 'ftp://x',
      LOG_LEVEL: 'debug',
      CATALOGS_DIR: '/definitely/not/here',
      SLACK_APP_TOKEN: 'xoxb-wrong',
      DATABASE_URL: 'mysql://db.example.com/bot',
    });
    expect(found.map((issue) => issue.split(':')[0])).toEqual(
      expect.arrayContaining([
        'SLACK_BOT_TOKEN',
        'SLACK_APP_TOKEN',
        'SLACK_API_URL',
        'PORT',
        'LOG_LEVEL',
        'CATALOGS_DIR',
        'DATABASE_URL',
      ]),
    );
    expect(found.join('\n')).not.toContain('xoxp-user-token-secret');
  });

  it('an empty environment names both tokens the operator must set', () => {
    const found = issues({});
    expect(found.some((issue) => issue.startsWith('SLACK_BOT_TOKEN'))).toBe(true);
    expect(found.some((issue) => issue.startsWith('SLACK_SIGNING_SECRET'))).toBe(true);
  });
});
