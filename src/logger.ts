import { inspect } from 'node:util';
import { type Logger, LogLevel } from '@slack/bolt';
import type { LogLevel as ConfigLogLevel } from './config.js';

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

function format(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part instanceof Error) return `${part.name}: ${part.message}`;
      return inspect(part, { depth: 1, breakLength: Number.POSITIVE_INFINITY });
    })
    .join(' ');
}

/**
 * The one logger shared by the bot, Bolt, the Web API client and Socket Mode. Debug output is always
 * dropped: those libraries log request and event bodies at debug level, and message text must never
 * reach the logs. One line per entry on stderr.
 */
export function createLogger(
  level: ConfigLogLevel,
  write: (line: string) => void = (line) => console.error(line),
): Logger {
  const current = level === 'error' ? LogLevel.ERROR : level === 'warn' ? LogLevel.WARN : LogLevel.INFO;
  let name = 'oauth-error-bot';
  const log = (at: LogLevel, parts: unknown[]) => {
    if (at === LogLevel.DEBUG || RANK[at] < RANK[current]) return;
    write(`${new Date().toISOString()} ${at.toUpperCase()} [${name}] ${format(parts)}`);
  };
  return {
    debug: (...parts: unknown[]) => log(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => log(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => log(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => log(LogLevel.ERROR, parts),
    // LOG_LEVEL alone decides. Libraries call this too: Bolt's App sets INFO on any logger it is given
    // unless it was given a logLevel, which would undo LOG_LEVEL=warn or error.
    setLevel: () => undefined,
    getLevel: () => current,
    setName: (next: string) => {
      name = next;
    },
  };
}
