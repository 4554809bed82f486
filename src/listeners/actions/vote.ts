import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { VOTE_ACTIONS } from '../../slack/render.js';
import { renderNote } from '../../slack/render-command.js';
import { ephemeral } from '../answer.js';
import type { ListenerDeps } from '../deps.js';
import { entryOf } from './match-for.js';

type VoteArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** A one-way name for the voter: enough to keep one vote per person and answer, never who it was. */
export function voterId(teamId: string, userId: string): string {
  return createHash('sha256').update(`oauth-error-bot:vote:${teamId}:${userId}`).digest('hex').slice(0, 32);
}

/**
 * Helpful / Wrong answer under an explanation. The vote is stored with the entry and the channel, keyed by
 * the voter's hash and the answer's message, so a second click (or the same click delivered again)
 * changes that vote instead of adding one. Only the voter sees the thanks.
 */
export function voteAction(deps: ListenerDeps) {
  return async ({ ack, action, body, respond }: VoteArgs): Promise<void> => {
    await ack();
    const entry = entryOf(deps.resolver, action.value);
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!entry || !channelId) return;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const vote = action.action_id === VOTE_ACTIONS.wrong ? 'wrong' : 'helpful';
    await deps.store.recordVote({
      teamId,
      channelId,
      answerRef: body.container?.message_ts ?? body.message?.ts ?? action.action_ts,
      entryKey: entry.key,
      voter: voterId(teamId, body.user.id),
      vote,
      at: deps.clock(),
    });
    const thanks =
      vote === 'wrong'
        ? 'Thanks: marked as a wrong answer for this error. The catalog’s keepers review these.'
        : 'Thanks: marked as helpful.';
    await respond(ephemeral(renderNote(thanks)));
  };
}
