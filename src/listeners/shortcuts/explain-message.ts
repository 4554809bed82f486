import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { secretKinds } from '../../domain/secrets.js';
import { slackToPlain } from '../../slack/escape.js';
import { renderFindings, renderSecretWarning } from '../../slack/render.js';
import { renderNote } from '../../slack/render-command.js';
import { ephemeral } from '../answer.js';
import type { ListenerDeps } from '../deps.js';

/** callback_id of the "Explain OAuth errors" message shortcut (manifest.yml). */
export const EXPLAIN_SHORTCUT = 'explain_oauth_errors';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

const NOTHING = 'I found no OAuth error I know in that message. Try `/oauth-error <code>` with the code or message.';

/**
 * "Explain OAuth errors" on any message: the explanation goes to the person who used it, privately,
 * through the shortcut's response_url. So it works where auto-reply is off and in conversations the bot
 * is not in, and never posts in the channel. Nothing is recorded: nobody else saw an answer.
 */
export function explainMessageShortcut(deps: ListenerDeps) {
  return async ({ ack, shortcut, respond }: ShortcutArgs): Promise<void> => {
    await ack();
    const text = slackToPlain(shortcut.message.text ?? '');
    const { findings, support } = deps.resolver.scan(text);
    const sure = findings.filter((finding) => finding.confidence !== 'weak');
    const secrets = secretKinds(text);
    const warning = secrets.length > 0 ? renderSecretWarning(secrets) : undefined;
    if (sure.length === 0) {
      await respond(ephemeral(warning ?? renderNote(NOTHING)));
      return;
    }
    const reply = renderFindings(sure, { support, ...(warning ? { warning } : {}) }, deps.render);
    await respond(ephemeral(reply));
  };
}
