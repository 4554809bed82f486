import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { USAGE_HINT } from '../../src/slack/render-command.js';

/** The parts of Slack's manifest format these tests read. */
interface Manifest {
  display_information: { name: string; description: string };
  features: { bot_user: { display_name: string }; slash_commands: { usage_hint: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = load(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('manifest.yml', () => {
  it('declares the command the bot registers, with the usage hint the bot shows', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: '/oauth-error',
        usage_hint: USAGE_HINT,
        url: 'https://bot.example.com/slack/events',
      }),
    ]);
  });

  it('asks for the events and scopes the listeners use, and nothing more', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      ['app_mention', 'message.channels', 'message.groups', 'message.im', 'message.mpim'].sort(),
    );
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'app_mentions:read',
        'channels:history',
        'chat:write',
        'chat:write.public',
        'commands',
        'files:read',
        'groups:history',
        'im:history',
        'mpim:history',
      ].sort(),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('fits the manifest schema limits', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    expect(manifest.features.slash_commands[0]?.usage_hint.length).toBeLessThanOrEqual(1000);
  });
});
