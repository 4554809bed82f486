import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderMatch } from '../../slack/render.js';
import { renderNote } from '../../slack/render-command.js';
import { ephemeral, isPrivateChannelName, shareAnswer } from '../answer.js';
import type { ListenerDeps } from '../deps.js';
import { entryOf, matchFor } from './match-for.js';

const noteBlock = (text: string) => ({ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text }] });

type ShareArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * "Share in channel" under a private answer: the explanation goes to the channel once, saying who shared
 * it, and the private answer is replaced by one without the button. The same click delivered again (Slack
 * retries) finds its claim taken and does nothing.
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
    const match = await matchFor(deps.resolver, entry);
    const isPrivate = isPrivateChannelName(body.channel?.name);
    const target = { teamId, channelId, userId: body.user.id, isPrivate, respond };
    const claim = `share:${teamId}:${channelId}:${body.user.id}:${action.action_ts}`;
    if (!(await shareAnswer(deps, match, target, claim))) return;
    const shared = renderMatch(match, deps.render);
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      text: shared.text,
      blocks: [
        ...shared.blocks,
        noteBlock('Shared in this channel. (If it does not appear, invite me: `/invite @oauth-error-helper`.)'),
      ],
    });
  };
}
