import { statSync } from 'node:fs';
import { delimiter } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/**
 * Settings from the environment (README, "Configuration"). Validated once at start; every problem is
 * reported in one ConfigError so the operator fixes them in one go.
 */

/**
 * `debug` is not offered on purpose: at debug level @slack/web-api and Bolt log request bodies, which
 * hold message text, and the bot never logs message text.
 */
export type LogLevel = 'error' | 'warn' | 'info';

interface CommonConfig {
  botToken: string;
  /** Web API base URL, always ending in `/` (GovSlack, or a local fake in tests). */
  slackApiUrl: string | undefined;
  /** HTTP mode: Slack's requests and /healthz. Socket Mode: /healthz only. */
  port: number;
  /** Undefined: the store's default (a SQLite file under ./data/). */
  databaseUrl: string | undefined;
  /** Extra catalog folders from CATALOGS_DIR, added to the built-in ones. */
  catalogDirs: string[];
  logLevel: LogLevel;
  /** Occurrences older than this many days are purged (RETENTION_DAYS, default 90). */
  retentionDays: number;
}

export type Config =
  | (CommonConfig & { mode: 'http'; signingSecret: string })
  | (CommonConfig & { mode: 'socket'; appToken: string });

const optional = <T extends z.ZodType<string>>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required (the Bot User OAuth Token, xoxb-...)' })
    .trim()
    .startsWith('xoxb-', 'must be a bot token starting with xoxb- (OAuth & Permissions page)'),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{16,}$/i, 'must be the hex Signing Secret'),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().trim().startsWith('xapp-', 'must be an app-level token starting with xapp- (connections:write)'),
  ),
  SLACK_API_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' }),
  ),
  PORT: optional(z.string().trim().regex(/^\d+$/, 'must be a port number'))
    .transform((value) => (value === undefined ? 3000 : Number(value)))
    .pipe(z.number().int().min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535')),
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .refine((value) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^postgres(ql)?:\/\//i.test(value), {
        message: 'must be postgres://... (or postgresql://...), or a SQLite file path',
      }),
  ),
  CATALOGS_DIR: optional(z.string()),
  RETENTION_DAYS: optional(z.string().trim().regex(/^\d+$/, 'must be a whole number of days'))
    .transform((value) => (value === undefined ? 90 : Number(value)))
    .pipe(z.number().int().min(1, 'must be at least 1 day')),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : 'info'),
    z.enum(['error', 'warn', 'info'], { error: 'must be one of error, warn, info' }),
  ),
});

function catalogDirs(value: string | undefined, issues: string[]): string[] {
  const dirs = (value ?? '')
    .split(new RegExp(`[,${delimiter}]`))
    .map((dir) => dir.trim())
    .filter(Boolean);
  for (const dir of dirs) {
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      // reported below
    }
    if (!isDir) issues.push(`CATALOGS_DIR: ${dir} is not a folder`);
  }
  return dirs;
}

/** Reads the settings. Throws ConfigError listing every missing or malformed one. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const issues = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const values = parsed.success ? parsed.data : undefined;
  const dirs = catalogDirs(typeof env.CATALOGS_DIR === 'string' ? env.CATALOGS_DIR : undefined, issues);
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    issues.push(
      'SLACK_SIGNING_SECRET: is required in HTTP mode (Basic Information > Signing Secret); or set SLACK_APP_TOKEN for Socket Mode',
    );
  }
  if (!values || issues.length > 0) throw new ConfigError(issues);
  const common: CommonConfig = {
    botToken: values.SLACK_BOT_TOKEN,
    slackApiUrl: values.SLACK_API_URL?.replace(/\/?$/, '/'),
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    catalogDirs: dirs,
    logLevel: values.LOG_LEVEL,
    retentionDays: values.RETENTION_DAYS,
  };
  const appToken = values.SLACK_APP_TOKEN;
  if (appToken) return { ...common, mode: 'socket', appToken };
  return { ...common, mode: 'http', signingSecret: values.SLACK_SIGNING_SECRET as string };
}
