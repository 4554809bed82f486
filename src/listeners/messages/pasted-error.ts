import type { AllMiddlewareArgs, Context } from '@slack/bolt';
import type { Finding } from '../../domain/findings.js';
import { secretKinds } from '../../domain/secrets.js';
import { slackToPlain } from '../../slack/escape.js';
import type { RenderedMessage } from '../../slack/limits.js';
import { renderFindings, renderSecretWarning } from '../../slack/render.js';
import { renderNote } from '../../slack/render-command.js';
import type { Occurrence, OutboxPost } from '../../store/store.js';
import { afterPendingIo, recordSafely } from '../answer.js';
import type { ListenerDeps } from '../deps.js';
import { combineText } from './combined-text.js';
import { type PastedMessage, pastedMessage } from './pasted-message.js';

interface EventArgs {
  event: unknown;
  body: { team_id?: string };
  context: Context;
}

const NOTHING_FOUND =
  'I found no OAuth error I know in this message. Try `/oauth-error <code>` with the error code or message.';

function occurrences(deps: ListenerDeps, teamId: string, message: PastedMessage, findings: Finding[]): Occurrence[] {
  const seenAt = deps.clock();
  return findings.map((finding) => ({
    teamId,
    channelId: message.channel,
    messageTs: message.ts,
    threadTs: message.threadTs,
    provider: finding.provider,
    code: finding.code,
    entryKey: finding.entry?.key ?? null,
    confidence: finding.confidence,
    method: finding.method,
    source: 'message' as const,
    isPrivate: message.isPrivate,
    seenAt,
  }));
}

/**
 * Pasted logs and errors: one thread reply per message explaining each distinct error the resolver is
 * sure of. `explicit` (the bot was mentioned) answers even when auto-reply is off or nothing was found.
 */
export function pastedErrorListener(deps: ListenerDeps, options: { explicit: boolean }) {
  return async ({ event, body, context }: EventArgs & Partial<AllMiddlewareArgs>): Promise<void> => {
    const message = pastedMessage(event, context.botUserId);
    if (!message) return;
    const teamId = context.teamId ?? body.team_id ?? '';
    // Never shed: the message was acked and Slack will not send it again. Finding its answer is cheap,
    // and the answer then waits in the outbox for its channel's turn.
    await deps.followUps.run(() => answerPaste(deps, options, teamId, message), { mustRun: true });
  };
}

/**
 * The work after the ack: find the errors, record them once, and put the thread reply in the outbox in the
 * same step as the claims (Store.claimAndEnqueue), so a crash or a flood never loses an acked message's
 * answer. Claims are shared by every instance through the store (Slack retries, and Bolt does not drop
 * retries): `seen:` records a message's errors once; `msg:` answers it once, whichever of its `message`
 * and `app_mention` events comes first; `thread:` explains an error once per thread.
 */
async function answerPaste(
  deps: ListenerDeps,
  options: { explicit: boolean },
  teamId: string,
  message: PastedMessage,
): Promise<void> {
  await afterPendingIo();
  const combined = combineText(slackToPlain(message.text), await deps.files.read(message.files));
  const { text } = combined;
  const { findings, support } = deps.resolver.scan(text);
  const sure = findings.filter((finding) => finding.confidence !== 'weak');
  const secrets = secretKinds(text);
  if (sure.length === 0 && secrets.length === 0 && !options.explicit) return;

  const key = (kind: string) => `${kind}:${teamId}:${message.channel}:${message.ts}`;
  const recording =
    sure.length > 0 && (await deps.store.claimKey(key('seen'), deps.clock()))
      ? recordSafely(deps, occurrences(deps, teamId, message, sure))
      : Promise.resolve();
  try {
    const answer = options.explicit || (await deps.store.getChannelSettings(teamId, message.channel)).autoReply;
    if (!answer) return;
    // The entry, not just the code: Salesforce's invalid_grant for an expired token and for bad
    // credentials are two errors with two explanations.
    const threadKeys = sure.map(
      (finding) =>
        `thread:${teamId}:${message.channel}:${message.threadTs}:${finding.entry?.key ?? `${finding.provider}:${finding.code}`}`,
    );
    const build = (fresh: boolean[]): OutboxPost | undefined => {
      const unexplained = sure.filter((_, i) => fresh[i]);
      const warning = secrets.length > 0 ? renderSecretWarning(secrets) : undefined;
      let reply: RenderedMessage | undefined;
      if (unexplained.length > 0)
        reply = renderFindings(
          unexplained,
          { support, placeOf: combined.placeOf, ...(warning ? { warning } : {}) },
          deps.render,
        );
      else if (warning) reply = warning;
      else if (options.explicit)
        reply = renderNote(sure.length > 0 ? 'These errors are already explained in this thread.' : NOTHING_FOUND);
      return reply && { channel: message.channel, threadTs: message.threadTs, text: reply.text, blocks: reply.blocks };
    };
    if (await deps.store.claimAndEnqueue({ key: key('msg'), also: threadKeys }, deps.clock(), build)) {
      deps.outbox.notify();
    }
  } finally {
    await recording;
  }
}
