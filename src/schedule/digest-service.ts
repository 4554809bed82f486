import type { Logger, webApi } from '@slack/bolt';
import type { Catalog } from '../domain/catalog.js';
import { buildDigest, type DigestModel } from '../domain/digest.js';
import { catalogDigestNames } from '../domain/digest-names.js';
import { localDateTime } from '../domain/local-time.js';
import { platformError } from '../slack/api-errors.js';
import type { RenderedMessage } from '../slack/limits.js';
import type { OutboxPoster } from '../slack/outbox-poster.js';
import { renderDigest } from '../slack/render-digest.js';
import type { ChannelSettings, DigestCommands, DigestSubscription, Store } from '../store/store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A claim this old belongs to an instance that died while posting; another may take over. */
const STALE_CLAIM_MS = 10 * 60 * 1000;
/** After a failed post, wait this long (doubling, up to an hour) before the next attempt. */
const RETRY_BASE_MS = 60 * 1000;
const RETRY_MAX_MS = 60 * 60 * 1000;
/** Permalinks looked up per digest: the lines a reader can see. */
const PERMALINKS_MAX = 25;

export interface DigestServiceDeps {
  store: Store;
  catalog: Catalog;
  /** For chat.getPermalink. */
  client: webApi.WebClient;
  /** Posts what is put in the store's outbox (paced, 429-aware, retried, once across instances). */
  outbox: Pick<OutboxPoster, 'notify'>;
  logger: Logger;
  clock: () => Date;
}

/**
 * The daily digest: the slash command's `digest on|off|now|preview`, and `runDue`, which the scheduler
 * calls every minute to post each subscribed channel's digest once per local day.
 */
export class DigestService implements DigestCommands {
  private readonly retryAt = new Map<string, { at: number; delay: number }>();

  constructor(private readonly deps: DigestServiceDeps) {}

  subscribe(teamId: string, channelId: string, subscription: DigestSubscription): Promise<void> {
    return this.deps.store.setDigest(teamId, channelId, subscription);
  }

  unsubscribe(teamId: string, channelId: string): Promise<void> {
    return this.deps.store.setDigest(teamId, channelId, null);
  }

  async preview(teamId: string, channelId: string): Promise<RenderedMessage> {
    const now = this.deps.clock();
    const model = await this.model(teamId, channelId, now, await this.timeZone(teamId, channelId));
    return renderDigest(model, await this.permalinks(model));
  }

  /** `/oauth-error digest now`: the past 24 hours, put in the outbox at once (it posts within seconds). */
  async postNow(teamId: string, channelId: string): Promise<void> {
    const now = this.deps.clock();
    const model = await this.model(teamId, channelId, now, await this.timeZone(teamId, channelId));
    await this.post(model, `digest-now:${teamId}:${channelId}:${now.getTime()}`);
  }

  /** The model of the 24 hours before `to`, from the store, its window shown in `timeZone`. */
  async model(teamId: string | null, channelId: string, to: Date, timeZone = 'UTC'): Promise<DigestModel> {
    const from = new Date(to.getTime() - DAY_MS);
    const rows = await this.deps.store.digestRows(teamId, channelId, from, to);
    return buildDigest(channelId, { from, to, timeZone }, rows, catalogDigestNames(this.deps.catalog));
  }

  /** The zone the channel's digest runs in; a channel without a subscription reads UTC. */
  private async timeZone(teamId: string, channelId: string): Promise<string> {
    return (await this.deps.store.getChannelSettings(teamId, channelId)).digest?.timeZone ?? 'UTC';
  }

  /** Queues every digest that is due now and not yet queued by any instance. Returns how many were queued. */
  async runDue(): Promise<number> {
    const now = this.deps.clock();
    let posted = 0;
    for (const settings of await this.deps.store.listDigestSubscriptions()) {
      if (await this.runOne(settings, now)) posted += 1;
    }
    return posted;
  }

  private async runOne(settings: ChannelSettings, now: Date): Promise<boolean> {
    const { teamId, channelId, digest } = settings;
    if (!digest) return false;
    const local = localDateTime(now, digest.timeZone);
    // `>=`, not `===`: a time skipped by a DST change or missed while the bot was down still runs that day.
    if (local.time < digest.time) return false;
    const runKey = `${teamId}:${channelId}:${local.date}`;
    const retry = this.retryAt.get(runKey);
    if (retry && now.getTime() < retry.at) return false;
    const { store, logger } = this.deps;
    if (!(await store.claimDigestRun(teamId, channelId, local.date, now, STALE_CLAIM_MS))) return false;
    try {
      const model = await this.model(teamId, channelId, now, digest.timeZone);
      // The day's key makes the post once-only even if this run dies after it and before it is marked done.
      if (model.total > 0 || digest.postWhenQuiet) await this.post(model, `digest:${runKey}`);
      await store.completeDigestRun(teamId, channelId, local.date, this.deps.clock());
      this.retryAt.delete(runKey);
      return model.total > 0 || digest.postWhenQuiet;
    } catch (error) {
      // Not marked done: the next tick after the backoff tries again (here or on another instance).
      await store.releaseDigestRun(teamId, channelId, local.date).catch(() => undefined);
      const delay = Math.min(retry ? retry.delay * 2 : RETRY_BASE_MS, RETRY_MAX_MS);
      this.retryAt.set(runKey, { at: now.getTime() + delay, delay });
      logger.error(
        `Daily digest for channel ${channelId} failed (${platformError(error) ?? (error as Error).message}); retrying in ${Math.round(delay / 1000)} s`,
      );
      return false;
    }
  }

  /**
   * Into the outbox, under `key`: from there it is posted at the channel's pace, waiting out rate limits and
   * outages, across restarts, once however many instances run (chat:write.public lets the bot post in a
   * public channel it is not a member of).
   */
  private async post(model: DigestModel, key: string): Promise<void> {
    const message = renderDigest(model, await this.permalinks(model));
    const post = { channel: model.channelId, text: message.text, blocks: message.blocks };
    if (await this.deps.store.claimAndEnqueue({ key }, this.deps.clock(), () => post)) this.deps.outbox.notify();
  }

  /** One thread per error; a permalink Slack cannot give (message_not_found) just leaves that line unlinked. */
  private async permalinks(model: DigestModel): Promise<Map<string, string>> {
    const links = new Map<string, string>();
    const tried = new Set<string>();
    for (const item of [...model.items, ...model.newItems]) {
      const { key } = item;
      if (tried.has(key)) continue;
      if (tried.size >= PERMALINKS_MAX) break;
      tried.add(key);
      try {
        const result = await this.deps.client.chat.getPermalink({
          channel: model.channelId,
          message_ts: item.threadTs,
        });
        if (result.permalink) links.set(key, result.permalink);
      } catch (error) {
        this.deps.logger.warn(`No permalink for a digest line (${platformError(error) ?? 'request failed'})`);
      }
    }
    return links;
  }
}
