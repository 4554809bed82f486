import type { App, BlockButtonAction, BlockStaticSelectAction, MessageShortcut } from '@slack/bolt';
import { DOCS_ACTION, SHARE_ACTION, VOTE_ACTIONS } from '../slack/render.js';
import { PICK_ACTION } from '../slack/render-command.js';
import { pickEntryAction } from './actions/pick-entry.js';
import { shareAnswerAction } from './actions/share-answer.js';
import { voteAction } from './actions/vote.js';
import { oauthErrorCommand } from './commands/oauth-error.js';
import type { ListenerDeps } from './deps.js';
import { pastedErrorListener } from './messages/pasted-error.js';
import { EXPLAIN_SHORTCUT, explainMessageShortcut } from './shortcuts/explain-message.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command('/oauth-error', oauthErrorCommand(deps));
  app.action<BlockButtonAction | BlockStaticSelectAction>(new RegExp(`^${PICK_ACTION}:`), pickEntryAction(deps));
  app.action<BlockButtonAction>(SHARE_ACTION, shareAnswerAction(deps));
  app.action<BlockButtonAction>(VOTE_ACTIONS.helpful, voteAction(deps));
  app.action<BlockButtonAction>(VOTE_ACTIONS.wrong, voteAction(deps));
  // The docs button is a link; Slack still sends its click, which needs only an ack.
  app.action(DOCS_ACTION, async ({ ack }) => ack());
  app.shortcut<MessageShortcut>(
    { callback_id: EXPLAIN_SHORTCUT, type: 'message_action' },
    explainMessageShortcut(deps),
  );
  app.event('message', pastedErrorListener(deps, { explicit: false }));
  app.event('app_mention', pastedErrorListener(deps, { explicit: true }));
}
