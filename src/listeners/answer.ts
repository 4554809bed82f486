import type { RespondFn } from '@slack/bolt';
import type { Match } from '../domain/findings.js';
import { describeSlackError } from '../slack/api-errors.js';
import type { RenderedMessage } from '../slack/limits.js';
import { renderPrivateAnswer, renderSharedAnswer } from '../slack/render.js';
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

/**
 * An explanation asked for with the command (or a choice button): one message only the caller sees, with
 * a button to share it. The command's text is private to its author and may hold a pasted secret, so
 * nothing is posted in the channel unless the caller shares the answer, and the query never is.
 */
export async function answerPrivately(deps: ListenerDeps, match: Match, target: AnswerTarget): Promise<void> {
  await target.respond(ephemeral(renderPrivateAnswer(match, deps.render)));
}

/**
 * "Share in channel": the answer, with who shared it, goes to the outbox under the click's claim (Slack may
 * deliver a click twice), so it is posted once, also across restarts. It is recorded for the digest once
 * posted (a private lookup is not: it was never seen in the channel). False: already shared.
 */
export async function shareAnswer(
  deps: ListenerDeps,
  match: Match,
  target: AnswerTarget,
  claimKey: string,
): Promise<boolean> {
  const shared = renderSharedAnswer(match, target.userId, deps.render);
  const record = [
    {
      teamId: target.teamId,
      channelId: target.channelId,
      provider: match.provider,
      code: match.code,
      entryKey: match.entry?.key ?? null,
      confidence: match.confidence,
      method: match.method,
      source: 'command' as const,
      isPrivate: target.isPrivate,
    },
  ];
  const post = { channel: target.channelId, text: shared.text, blocks: shared.blocks, record };
  const queued = await deps.store.claimAndEnqueue({ key: claimKey }, deps.clock(), () => post);
  if (queued) deps.outbox.notify();
  return queued;
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
