import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs, SlashCommand } from '@slack/bolt';
import { escapeMrkdwn } from '../../slack/escape.js';
import { choicesOf, renderChoice, renderNoMatch, renderNote, renderUsage } from '../../slack/render-command.js';
import { type AnswerTarget, afterPendingIo, answerPrivately, ephemeral, isPrivateChannelName } from '../answer.js';
import type { ListenerDeps } from '../deps.js';
import { FollowUpShedError } from '../follow-ups.js';
import { type CommandRequest, parseCommand } from './parse-command.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

const BUSY = 'The bot has too many requests to answer right now. Please try again in a minute.';

/**
 * What the ack itself says, if anything: usage and argument errors cost no lookup, and when the bot is
 * overloaded it says so at once rather than with one more HTTP call later. Undefined: ack empty, answer after.
 */
export function replyInAck(request: CommandRequest, overloaded: boolean) {
  if (request.kind === 'help') return ephemeral(renderUsage());
  if (request.kind === 'invalid') return ephemeral(renderUsage(request.message));
  if (overloaded) return ephemeral(renderNote(BUSY));
  return undefined;
}

async function lookup(
  deps: ListenerDeps,
  request: CommandRequest & { kind: 'lookup' },
  target: AnswerTarget,
  channelName: string | undefined,
) {
  const matches = await deps.resolver.lookup(request.query, {
    limit: 10,
    ...(request.provider ? { provider: request.provider } : {}),
    // A channel named for a provider (#okta-integration) says whose meaning of a shared code is asked for.
    ...(channelName && !isPrivateChannelName(channelName) ? { place: channelName } : {}),
  });
  const best = matches.find((match) => match.confidence !== 'weak');
  const entries = (keys: (string | undefined)[]) =>
    keys.flatMap((key) => deps.resolver.catalog.entries.find((entry) => entry.key === key) ?? []);
  if (!best) {
    const near = entries(matches.slice(0, 5).map((match) => match.entry?.key));
    await target.respond(ephemeral(renderNoMatch(request.query, choicesOf(near, deps.render, { sameCode: false }))));
    return;
  }
  if (!request.provider && best.alternatives.length > 0) {
    // Every meaning of the code, not only those that made the top ten (invalid_grant has dozens).
    const fitting = entries([best.entry?.key, ...best.alternatives.map((alternative) => alternative.key)]);
    const choices = choicesOf(fitting, deps.render, { sameCode: true });
    if (choices.length > 1) {
      await target.respond(ephemeral(renderChoice(request.query, choices)));
      return;
    }
  }
  await answerPrivately(deps, best, target);
}

async function run(deps: ListenerDeps, request: CommandRequest, command: SlashCommand, respond: RespondFn) {
  const { team_id: teamId, channel_id: channelId } = command;
  const note = (text: string) => respond(ephemeral(renderNote(text)));
  switch (request.kind) {
    case 'lookup': {
      const target = {
        teamId,
        channelId,
        userId: command.user_id,
        isPrivate: isPrivateChannelName(command.channel_name),
        respond,
      };
      return lookup(deps, request, target, command.channel_name);
    }
    case 'autoreply':
      await deps.store.setAutoReply(teamId, channelId, request.on);
      return note(
        request.on
          ? 'Auto-reply is on: errors pasted in this channel get an explanation in their thread.'
          : 'Auto-reply is off in this channel. `/oauth-error autoreply on` turns it back on.',
      );
    case 'digest-on': {
      const { time, timeZone } = request.subscription;
      await deps.digest.subscribe(teamId, channelId, request.subscription);
      return note(`Daily digest on: every day at ${time} (${escapeMrkdwn(timeZone)}) in this channel.`);
    }
    case 'digest-off':
      await deps.digest.unsubscribe(teamId, channelId);
      return note('Daily digest off for this channel.');
    case 'digest-now':
      await deps.digest.postNow(teamId, channelId);
      return note('The digest of the past 24 hours is on its way to this channel.');
    case 'digest-preview': {
      const preview = await deps.digest.preview(teamId, channelId);
      return respond({ response_type: 'ephemeral', text: preview.text, blocks: preview.blocks as never });
    }
    case 'help':
    case 'invalid':
      return;
  }
}

/**
 * `/oauth-error`. Usage and argument errors are answered in the ack itself; everything else acks first
 * (Slack waits only 3 s, docs/slack-contract.md §2) and answers afterwards.
 */
export function oauthErrorCommand(deps: ListenerDeps) {
  const providers = new Set(deps.resolver.catalog.providers.keys());
  return async ({ command, ack, respond }: CommandArgs): Promise<void> => {
    const request = parseCommand(command.text ?? '', providers);
    const reply = replyInAck(request, deps.followUps.saturated);
    if (reply) return ack(reply);
    await ack();
    try {
      await deps.followUps.run(async () => {
        await afterPendingIo();
        await run(deps, request, command, respond);
      });
    } catch (error) {
      if (error instanceof FollowUpShedError) {
        await respond(ephemeral(renderNote(BUSY))).catch(() => undefined);
        return;
      }
      // One short line for the user; the error itself goes to app.error, which logs it.
      await respond(
        ephemeral(renderNote('Sorry, that did not work. The error was logged for the bot’s operator.')),
      ).catch(() => undefined);
      throw error;
    }
  };
}
