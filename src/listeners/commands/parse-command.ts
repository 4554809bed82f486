import { decodeEntities } from '../../slack/escape.js';
import type { DigestSubscription } from '../../store/store.js';

/** What `/oauth-error <text>` asks for. Pure: the listener acts on it. */
export type CommandRequest =
  | { kind: 'help' }
  | { kind: 'lookup'; query: string; provider: string | undefined }
  | { kind: 'autoreply'; on: boolean }
  | { kind: 'digest-on'; subscription: DigestSubscription }
  | { kind: 'digest-off' }
  | { kind: 'digest-now' }
  | { kind: 'digest-preview' }
  /** Bad arguments; `message` is mrkdwn-safe (no user text in it). */
  | { kind: 'invalid'; message: string };

export const DEFAULT_DIGEST_TIME = '09:00';
export const DEFAULT_DIGEST_ZONE = 'UTC';
/** `digest on … quiet-off`: nothing on days without failures. By default a quiet day gets one line. */
const QUIET = new Map([
  ['quiet-off', false],
  ['quiet-on', true],
]);
/** Longer queries are cut: a whole log belongs in a channel message, where the bot scans it. */
const MAX_QUERY = 2000;

const HELP = new Set(['help', '-h', '--help', '?']);
const PROVIDER_FLAG = /(?:^|\s)(?:--provider|-p)(?:(?:=|\s+)(\S+))?(?=\s|$)/i;

/** `9:05` → `09:05`; undefined when not a 24-hour HH:MM time. */
export function parseTime(token: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(token);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** The canonical IANA name (`europe/berlin` → `Europe/Berlin`), or undefined when Intl does not know it. */
export function parseTimeZone(token: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(token)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: token }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function parseDigest(args: string[]): CommandRequest {
  const [action, ...rest] = args;
  switch (action?.toLowerCase()) {
    case 'off':
      return rest.length === 0 ? { kind: 'digest-off' } : invalidDigest();
    case 'now':
      return rest.length === 0 ? { kind: 'digest-now' } : invalidDigest();
    case 'preview':
      return rest.length === 0 ? { kind: 'digest-preview' } : invalidDigest();
    case 'on':
      return parseDigestOn(rest);
    default:
      return invalidDigest();
  }
}

function parseDigestOn(args: string[]): CommandRequest {
  let time: string | undefined;
  let timeZone: string | undefined;
  let postWhenQuiet: boolean | undefined;
  for (const arg of args) {
    const asQuiet = postWhenQuiet === undefined ? QUIET.get(arg.toLowerCase()) : undefined;
    const asTime = asQuiet === undefined && time === undefined ? parseTime(arg) : undefined;
    const asZone =
      asQuiet === undefined && asTime === undefined && timeZone === undefined ? parseTimeZone(arg) : undefined;
    if (asQuiet !== undefined) postWhenQuiet = asQuiet;
    else if (asTime) time = asTime;
    else if (asZone) timeZone = asZone;
    else {
      return {
        kind: 'invalid',
        message:
          'Give the time as HH:MM (24-hour) and the time zone as an IANA name, e.g. `/oauth-error digest on 09:00 Europe/Berlin`; add `quiet-off` to skip days without failures.',
      };
    }
  }
  return {
    kind: 'digest-on',
    subscription: {
      time: time ?? DEFAULT_DIGEST_TIME,
      timeZone: timeZone ?? DEFAULT_DIGEST_ZONE,
      // The docs promise a quiet day its line: silence would look like a digest that stopped working.
      postWhenQuiet: postWhenQuiet ?? true,
    },
  };
}

function invalidDigest(): CommandRequest {
  return {
    kind: 'invalid',
    message:
      'Use `/oauth-error digest on [HH:MM] [time zone] [quiet-off]`, `digest off`, `digest now` or `digest preview`.',
  };
}

/**
 * Parses the command text as Slack sends it (entities encoded). `providers`: the known provider ids, to
 * refuse a mistyped `--provider` instead of silently finding nothing.
 */
export function parseCommand(slackText: string, providers: ReadonlySet<string>): CommandRequest {
  const text = decodeEntities(slackText).trim();
  const words = text.split(/\s+/).filter(Boolean);
  const first = words[0]?.toLowerCase();
  if (first === undefined || HELP.has(first)) return { kind: 'help' };
  if (first === 'autoreply' && words.length <= 2) {
    const setting = words[1]?.toLowerCase();
    if (setting === 'on' || setting === 'off') return { kind: 'autoreply', on: setting === 'on' };
    return { kind: 'invalid', message: 'Use `/oauth-error autoreply on` or `/oauth-error autoreply off`.' };
  }
  // digest on HH:MM zone quiet-off: five words at most.
  if (first === 'digest' && words.length <= 5) return parseDigest(words.slice(1));

  const flag = PROVIDER_FLAG.exec(text);
  const provider = flag?.[1]?.toLowerCase();
  const query = (flag ? text.replace(flag[0], ' ') : text)
    .replace(/[ \t]+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY);
  if (flag && !provider)
    return { kind: 'invalid', message: 'Give a provider id after `--provider`, e.g. `--provider okta`.' };
  if (provider !== undefined && !providers.has(provider)) {
    const known = [...providers]
      .sort()
      .map((id) => `\`${id}\``)
      .join(', ');
    return { kind: 'invalid', message: `Unknown provider. Known providers: ${known}.` };
  }
  if (!query)
    return { kind: 'invalid', message: 'Give an error code or message to look up, e.g. `/oauth-error invalid_grant`.' };
  return { kind: 'lookup', query, provider };
}
