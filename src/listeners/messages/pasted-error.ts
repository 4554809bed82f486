import type { AllMiddlewareArgs, Context } from '@slack/bolt';
import type { Finding } from '../../domain/findings.js';
import { slackToPlain } from '../../slack/escape.js';
import { renderFindings } from '../../slack/render.js';
import { renderNote } from '../../slack/render-command.js';
import type { Occurrence } from '../../store/store.js';
import { afterPendingIo, recordSafely } from '../answer.js';
import type { ListenerDeps } from '../deps.js';
import { FollowUpShedError } from '../follow-ups.js';
import { type PastedMessage, pastedMessage } from './pasted-message.js';

interface EventArgs {
  event: unknown;
  body: { team_id?: string };
  context: Context;
}

const NO_UNFURL = { unfurl_links: false, unfurl_media: false };
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
    confidence: finding.confidence,
    method: finding.method,
    source: 'message' as const,
    isPrivate: message.isPrivate,
    seenAt,
  }));
}

/**
 * Claims are shared by every instance through the store (docs/slack-contract.md §3.1: Slack retries, and Bolt
 * does not drop retries). `seen:` records a message's errors once; `msg:` answers it once, whichever of
 * its `message` and `app_mention` events comes first; `thread:` explains an error once per thread.
 */
async function freshInThread(deps: ListenerDeps, teamId: string, message: PastedMessage, findings: Finding[]) {
  const fresh: Finding[] = [];
  for (const finding of findings) {
    // The entry, not just the code: Salesforce's invalid_grant for an expired token and for bad
    // credentials are two errors with two explanations.
    const error = finding.entry?.key ?? `${finding.provider}:${finding.code}`;
    const key = `thread:${teamId}:${message.channel}:${message.threadTs}:${error}`;
    if (await deps.store.claimKey(key, deps.clock())) fresh.push(finding);
  }
  return fresh;
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
    // Shed under overload: the message goes unanswered (FollowUps logs it), the process stays responsive.
    await deps.followUps
      .run(() => answerPaste(deps, options, teamId, message))
      .catch((error: unknown) => {
        if (!(error instanceof FollowUpShedError)) throw error;
      });
  };
}

/** The work after the ack: find the errors, record them once, reply once in the thread. */
async function answerPaste(
  deps: ListenerDeps,
  options: { explicit: boolean },
  teamId: string,
  message: PastedMessage,
): Promise<void> {
  await afterPendingIo();
  const { findings, support } = deps.resolver.scan(slackToPlain(message.text));
  const sure = findings.filter((finding) => finding.confidence !== 'weak');
  if (sure.length === 0 && !options.explicit) return;

  const claim = (key: string) => deps.store.claimKey(`${key}:${teamId}:${message.channel}:${message.ts}`, deps.clock());
  const recording =
    sure.length > 0 && (await claim('seen'))
      ? recordSafely(deps, occurrences(deps, teamId, message, sure))
      : Promise.resolve();
  try {
    const answer = options.explicit || (await deps.store.getChannelSettings(teamId, message.channel)).autoReply;
    if (!answer || !(await claim('msg'))) return;
    const fresh = await freshInThread(deps, teamId, message, sure);
    if (fresh.length === 0 && !options.explicit) return;
    const reply =
      fresh.length > 0
        ? renderFindings(fresh, support, deps.render)
        : renderNote(sure.length > 0 ? 'These errors are already explained in this thread.' : NOTHING_FOUND);
    await deps.poster.post({ channel: message.channel, thread_ts: message.threadTs, ...reply, ...NO_UNFURL });
  } finally {
    await recording;
  }
}
