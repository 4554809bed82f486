import type { RespondFn } from '@slack/bolt';
import type { Match } from '../domain/findings.js';
import { describeSlackError } from '../slack/api-errors.js';
import type { RenderedMessage } from '../slack/limits.js';
import { renderLookupSummary, renderMatch } from '../slack/render.js';
import type { Occurrence } from '../store/store.js';
import type { ListenerDeps } from './deps.js';

export interface AnswerTarget {
  teamId: string;
  channelId: string;
  userId: string;
  isPrivate: boolean;
  respond: RespondFn;
}

/**
 * Lets requests already waiting on the socket be read and acked before this request's follow-up work:
 * under load that work would otherwise run first and delay their acks (Slack waits 3 s).
 */
export function afterPendingIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A reply only the caller sees, through the command's or the button's response_url. */
export function ephemeral(message: RenderedMessage) {
  return { response_type: 'ephemeral' as const, replace_original: false, ...message };
}

/**
 * Slack names private conversations `privategroup`, `directmessage` or `mpdm-…` in command and action
 * payloads. Unknown counts as private: a private channel's failures must never reach another digest.
 */
export function isPrivateChannelName(name: string | undefined): boolean {
  return !name || name === 'privategroup' || name === 'directmessage' || name.startsWith('mpdm-');
}

const NO_UNFURL = { unfurl_links: false, unfurl_media: false };

/**
 * An explanation asked for with the command (or a button): a summary line in the channel, the details in
 * its thread. Slash commands carry no thread (slack-contract.md §2.1), so the summary starts one. Where the
 * bot cannot post (not a member, a DM between others), the caller still gets the answer, privately.
 */
export async function postAnswer(deps: ListenerDeps, match: Match, query: string, target: AnswerTarget): Promise<void> {
  const details = renderMatch(match, deps.render);
  const summary = renderLookupSummary(match, query, target.userId, deps.render);
  let threadTs: string | undefined;
  try {
    const posted = await deps.poster.post({ channel: target.channelId, ...summary, ...NO_UNFURL });
    threadTs = posted.ts;
    if (!threadTs) throw new Error('chat.postMessage returned no ts');
    await deps.poster.post({ channel: target.channelId, thread_ts: threadTs, ...details, ...NO_UNFURL });
  } catch (error) {
    deps.logger.warn(`Answering /oauth-error privately in ${target.channelId}: ${describeSlackError(error)}`);
    await target.respond(ephemeral(details));
  }
  if (threadTs) await recordSafely(deps, [occurrence(deps, match, target, threadTs)]);
}

function occurrence(deps: ListenerDeps, match: Match, target: AnswerTarget, ts: string): Occurrence {
  return {
    teamId: target.teamId,
    channelId: target.channelId,
    messageTs: ts,
    threadTs: ts,
    provider: match.provider,
    code: match.code,
    confidence: match.confidence,
    method: match.method,
    source: 'command',
    isPrivate: target.isPrivate,
    seenAt: deps.clock(),
  };
}

/** Occurrences feed the digest; losing some is better than failing the reply, so errors are only logged. */
export async function recordSafely(deps: ListenerDeps, rows: Occurrence[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await deps.store.recordOccurrences(rows);
  } catch (error) {
    deps.logger.error(`Could not record ${rows.length} occurrence(s) for the digest: ${describeSlackError(error)}`);
  }
}
