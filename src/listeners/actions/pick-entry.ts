import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  BlockStaticSelectAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { renderPrivateAnswer } from '../../slack/render.js';
import { renderNote } from '../../slack/render-command.js';
import { ephemeral } from '../answer.js';
import type { ListenerDeps } from '../deps.js';
import { entryOf, matchFor } from './match-for.js';

type PickArgs = SlackActionMiddlewareArgs<BlockButtonAction | BlockStaticSelectAction> & AllMiddlewareArgs;

/**
 * A button or menu option of the "which provider?" or "did you mean" choice: the choice is replaced by the answer, as
 * private as the command's. One answer per choice message: Slack can deliver a click twice (a retry, a
 * double click), and the claim makes the second one do nothing.
 */
export function pickEntryAction(deps: ListenerDeps) {
  return async ({ ack, action, body, respond }: PickArgs): Promise<void> => {
    await ack();
    // A button carries the entry key as its value; the menu (more than five choices) as the chosen option's.
    const chosen = action.type === 'static_select' ? action.selected_option.value : action.value;
    const entry = entryOf(deps.resolver, chosen);
    if (!entry) {
      await respond(ephemeral(renderNote('That entry is no longer in the catalog. Run the command again.')));
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const choice = body.container?.message_ts ?? action.action_ts;
    const key = `pick:${teamId}:${body.channel?.id ?? ''}:${body.user.id}:${choice}`;
    if (!(await deps.store.claimKey(key, deps.clock()))) return;
    const match = await matchFor(deps.resolver, entry);
    await respond({ response_type: 'ephemeral', replace_original: true, ...renderPrivateAnswer(match, deps.render) });
  };
}
