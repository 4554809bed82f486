import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { describeSlackError, platformError } from '../../slack/api-errors.js';
import { renderMatch } from '../../slack/render.js';
import { renderNote } from '../../slack/render-command.js';
import { ephemeral, isPrivateChannelName, shareAnswer } from '../answer.js';
import type { ListenerDeps } from '../deps.js';
import { entryOf, matchFor } from './match-for.js';

const noteBlock = (text: string) => ({ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text }] });

type ShareArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const NOT_IN_CHANNEL =
  'I cannot post in this conversation. Invite me (`/invite @oauth-error-helper`) and share again, or copy the answer.';

/**
 * "Share in channel" under a private answer: posts the explanation once, saying who shared it, then
 * replaces the private answer with one without the button. The same click delivered again (Slack retries)
 * finds its claim taken and does nothing; a failed post leaves the button for another try.
 */
export function shareAnswerAction(deps: ListenerDeps) {
  return async ({ ack, action, body, respond }: ShareArgs): Promise<void> => {
    await ack();
    const entry = entryOf(deps.resolver, action.value);
    const channelId = body.channel?.id;
    if (!entry || !channelId) {
      await respond(ephemeral(renderNote('That entry is no longer in the catalog. Run the command again.')));
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const key = `share:${teamId}:${channelId}:${body.user.id}:${action.action_ts}`;
    if (!(await deps.store.claimKey(key, deps.clock()))) return;
    const match = await matchFor(deps.resolver, entry);
    const isPrivate = isPrivateChannelName(body.channel?.name);
    try {
      await shareAnswer(deps, match, { teamId, channelId, userId: body.user.id, isPrivate, respond });
      const shared = renderMatch(match, deps.render);
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        text: shared.text,
        blocks: [...shared.blocks, noteBlock('Shared in this channel.')],
      });
    } catch (error) {
      deps.logger.warn(`Sharing an answer in ${channelId} failed: ${describeSlackError(error)}`);
      const cannotPost = ['not_in_channel', 'channel_not_found', 'restricted_action'].includes(
        platformError(error) ?? '',
      );
      await respond(ephemeral(renderNote(cannotPost ? NOT_IN_CHANNEL : 'Sharing failed; please try again.')));
    }
  };
}
