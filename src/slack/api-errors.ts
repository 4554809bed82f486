import { webApi } from '@slack/bolt';

/**
 * Reading @slack/web-api errors by their `code` (never their message). Web API failures arrive as
 * HTTP 200 `ok:false` (platform errors, `data.error`) or as 429 (docs/slack-contract.md §4.2, §4.4).
 */

/** The platform error name (`not_in_channel`, `channel_not_found`, ...), or undefined for other failures. */
export function platformError(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}

/** Seconds to wait for a 429 (`Retry-After`), or undefined when the error is not a rate limit. */
export function retryAfterSeconds(error: unknown): number | undefined {
  return error instanceof webApi.WebAPIRateLimitedError ? error.retryAfter : undefined;
}

/**
 * chat.postMessage failures no retry can mend: the channel is gone, archived or closed to the bot, the
 * token or its scopes are wrong, or the message itself is refused. The outbox gives such a post up.
 */
export const CANNOT_POST = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'missing_scope',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'cannot_reply_to_message',
  'thread_reply_unavailable',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'team_access_not_granted',
  'ekm_access_denied',
  'method_not_supported_for_channel_type',
]);

/** What an operator should check for a known error: one line, no message text, no token. */
export function describeSlackError(error: unknown): string {
  const name = platformError(error);
  if (name) {
    const hints: Record<string, string> = {
      not_in_channel: 'the bot is not a member of this private channel or conversation: invite it (/invite @bot)',
      channel_not_found: 'the channel does not exist or the bot cannot see it (private channel or DM)',
      method_not_supported_for_channel_type: 'the bot cannot join private channels, DMs or group DMs: invite it',
      missing_scope: 'the bot token lacks a scope: reinstall the app from manifest.yml',
      invalid_auth: 'SLACK_BOT_TOKEN is invalid or revoked',
      not_authed: 'no bot token was sent: check SLACK_BOT_TOKEN',
      account_inactive: 'the bot token belongs to a deleted app or a disabled workspace',
      invalid_blocks: 'Slack rejected the message blocks (a renderer bug: please report it)',
      msg_too_long: 'the message was too long (a renderer bug: please report it)',
    };
    return `Slack API error ${name}${hints[name] ? `: ${hints[name]}` : ''}`;
  }
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== undefined) return `Slack rate limit (retry after ${retryAfter}s)`;
  if (error instanceof webApi.WebAPIHTTPError)
    return `Slack API HTTP ${error.statusCode}: check SLACK_API_URL and network`;
  if (error instanceof webApi.WebAPIRequestError) return 'Slack API unreachable: check SLACK_API_URL and network';
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` (${code})` : ''}: ${error.message}`;
  }
  return String(error);
}
