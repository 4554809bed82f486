import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { LoadedEntry, Match } from '../../domain/findings.js';
import { renderNote } from '../../slack/render-command.js';
import { ephemeral, isPrivateChannelName, postAnswer } from '../answer.js';
import type { Explainer, ListenerDeps } from '../deps.js';

type PickArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** The chosen entry as the resolver explains it (with its provider's notices), or from the entry alone. */
async function matchFor(resolver: Explainer, entry: LoadedEntry): Promise<Match> {
  const found = await resolver.lookup(entry.code, { provider: entry.provider, limit: 10 });
  const provider = resolver.catalog.providers.get(entry.provider);
  return (
    found.find((match) => match.entry?.key === entry.key) ?? {
      provider: entry.provider,
      code: entry.code,
      title: entry.title,
      confidence: 'exact',
      method: 'code',
      score: 1,
      entry,
      links: entry.links,
      notices: provider?.notices ?? [],
      alternatives: [],
    }
  );
}

/** A button of the "which provider?" or "closest entries" choice: answer as the command would have. */
export function pickEntryAction(deps: ListenerDeps) {
  return async ({ ack, action, body, respond }: PickArgs): Promise<void> => {
    await ack();
    const entry = deps.resolver.catalog.entries.find((candidate) => candidate.key === action.value);
    const channelId = body.channel?.id;
    if (!entry || !channelId) {
      await respond(ephemeral(renderNote('That entry is no longer in the catalog. Run the command again.')));
      return;
    }
    const match = await matchFor(deps.resolver, entry);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const isPrivate = isPrivateChannelName(body.channel?.name);
    await postAnswer(deps, match, entry.code, { teamId, channelId, userId: body.user.id, isPrivate, respond });
    // The choice has served its purpose; remove it so it cannot be clicked twice.
    await respond({ delete_original: true });
  };
}
