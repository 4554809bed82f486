import type { App, BlockButtonAction, Context } from '@slack/bolt';
import type { ForwardedRequest } from '../answers/protocol.js';
import { DOCS_ACTION, SHARE_ACTION, VOTE_ACTIONS } from '../slack/render.js';
import { PICK_ACTION } from '../slack/render-command.js';
import { replyInAck } from './commands/oauth-error.js';
import { parseCommand } from './commands/parse-command.js';
import { pastedMessage } from './messages/pasted-message.js';
import { EXPLAIN_SHORTCUT } from './shortcuts/explain-message.js';

/** Where the front hands acked requests: the answer thread (answers/answer-thread.ts). */
export interface Forwarder {
  /** Hands the request over (`pastedBytes` for a pasted message), or sheds it under overload (the forwarder logs that). */
  forward(request: ForwardedRequest, pastedBytes?: number): void;
  readonly saturated: boolean;
}

export interface FrontDeps {
  answers: Forwarder;
  /** Provider ids of the catalogs, for `--provider`. */
  providers: ReadonlySet<string>;
}

function forwarded(body: object, context: Context): ForwardedRequest {
  return {
    body: body as Record<string, unknown>,
    ...(context.retryNum !== undefined ? { retryNum: context.retryNum } : {}),
    ...(context.retryReason !== undefined ? { retryReason: context.retryReason } : {}),
  };
}

/** Clicks the answer thread handles: a choice, Share in channel, a vote. */
const ANSWERED_ACTIONS = new RegExp(
  `^(?:${PICK_ACTION}:.*|${SHARE_ACTION}|${VOTE_ACTIONS.helpful}|${VOTE_ACTIONS.wrong})$`,
);

/**
 * The listeners of the front: they ack (usage, argument errors and "busy" in the ack itself) and forward
 * the rest to the answer thread, whose listeners (./index.ts) do the work. Nothing here waits for an answer.
 * Messages the bot would never answer (its own, other bots', edits) are dropped here, not forwarded.
 */
export function registerFrontListeners(app: App, deps: FrontDeps): void {
  app.command('/oauth-error', async ({ command, ack, body, context }) => {
    const reply = replyInAck(parseCommand(command.text ?? '', deps.providers), deps.answers.saturated);
    if (reply) return ack(reply);
    await ack();
    deps.answers.forward(forwarded(body, context));
  });
  app.action<BlockButtonAction>(ANSWERED_ACTIONS, async ({ ack, body, context }) => {
    await ack();
    deps.answers.forward(forwarded(body, context));
  });
  app.action(DOCS_ACTION, async ({ ack }) => ack());
  app.shortcut({ callback_id: EXPLAIN_SHORTCUT, type: 'message_action' }, async ({ ack, body, context }) => {
    await ack();
    deps.answers.forward(forwarded(body, context));
  });
  for (const name of ['message', 'app_mention'] as const) {
    app.event(name, async ({ event, body, context }) => {
      const message = pastedMessage(event, context.botUserId);
      if (message) deps.answers.forward(forwarded(body, context), message.text.length);
    });
  }
}
