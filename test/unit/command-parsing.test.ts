import { describe, expect, it } from 'vitest';
import { parseCommand, parseTime, parseTimeZone } from '../../src/listeners/commands/parse-command.js';

const providers = new Set(['okta', 'oauth2', 'netsuite-tba']);
const parse = (text: string) => parseCommand(text, providers);

describe('parseCommand', () => {
  it('help for empty, blank and help', () => {
    for (const text of ['', '   ', 'help', 'HELP', '--help', '?']) expect(parse(text)).toEqual({ kind: 'help' });
  });

  it('lookups with an optional --provider anywhere', () => {
    expect(parse('invalid_grant')).toEqual({ kind: 'lookup', query: 'invalid_grant', provider: undefined });
    expect(parse('invalid_grant --provider okta')).toEqual({
      kind: 'lookup',
      query: 'invalid_grant',
      provider: 'okta',
    });
    expect(parse('--provider=OKTA  invalid   grant')).toEqual({
      kind: 'lookup',
      query: 'invalid grant',
      provider: 'okta',
    });
    expect(parse('-p oauth2 invalid_client')).toMatchObject({ provider: 'oauth2', query: 'invalid_client' });
    expect(parse('the &lt;redirect_uri&gt; &amp; more')).toMatchObject({ query: 'the <redirect_uri> & more' });
  });

  it('refuses an unknown or missing provider and an empty query', () => {
    expect(parse('invalid_grant --provider nope')).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('`okta`'),
    });
    expect(parse('invalid_grant --provider')).toMatchObject({ kind: 'invalid' });
    expect(parse('--provider okta')).toMatchObject({ kind: 'invalid' });
  });

  it('autoreply on|off', () => {
    expect(parse('autoreply off')).toEqual({ kind: 'autoreply', on: false });
    expect(parse('AutoReply ON')).toEqual({ kind: 'autoreply', on: true });
    expect(parse('autoreply maybe')).toMatchObject({ kind: 'invalid' });
  });

  it('digest on [HH:MM] [zone] [quiet-off] | off | now | preview', () => {
    expect(parse('digest on')).toEqual({
      kind: 'digest-on',
      subscription: { time: '09:00', timeZone: 'UTC', postWhenQuiet: true },
    });
    expect(parse('digest on 09:00 Europe/Berlin quiet-off')).toEqual({
      kind: 'digest-on',
      subscription: { time: '09:00', timeZone: 'Europe/Berlin', postWhenQuiet: false },
    });
    expect(parse('digest on Quiet-Off')).toMatchObject({ subscription: { time: '09:00', postWhenQuiet: false } });
    expect(parse('digest on quiet-on 8:00')).toMatchObject({ subscription: { time: '08:00', postWhenQuiet: true } });
    expect(parse('digest on America/New_York 7:05')).toMatchObject({
      subscription: { time: '07:05', timeZone: 'America/New_York' },
    });
    expect(parse('digest off')).toEqual({ kind: 'digest-off' });
    expect(parse('digest now')).toEqual({ kind: 'digest-now' });
    expect(parse('digest preview')).toEqual({ kind: 'digest-preview' });
    for (const bad of [
      'digest on 24:00',
      'digest on 9:60',
      'digest on Mars/Olympus',
      'digest on 09:00 10:00',
      'digest on quiet-off quiet-on',
      'digest on quiet',
      'digest',
      'digest later',
    ]) {
      expect(parse(bad)).toMatchObject({ kind: 'invalid' });
    }
  });

  it('times and zones', () => {
    expect(parseTime('0:00')).toBe('00:00');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('12:5')).toBeUndefined();
    expect(parseTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(parseTimeZone('<!here>')).toBeUndefined();
  });
});
