import type { Logger } from '@slack/bolt';
import type { Catalog } from '../domain/catalog.js';
import type { Match, ScanResult } from '../domain/findings.js';
import type { LookupOptions } from '../domain/resolver.js';
import type { OutboxPoster } from '../slack/outbox-poster.js';
import type { RenderOptions } from '../slack/render.js';
import type { FileReader } from '../slack/shared-files.js';
import type { DigestCommands, Store } from '../store/store.js';
import type { FollowUps } from './follow-ups.js';

/**
 * What the listeners need from the resolver. A real Resolver fits; `lookup` may also be async, so a slow
 * backend (or a test's slow fake) cannot hold up the 3-second ack, which always comes first.
 */
export interface Explainer {
  catalog: Catalog;
  lookup(query: string, options?: LookupOptions): Match[] | Promise<Match[]>;
  scan(text: string): ScanResult;
}

export interface ListenerDeps {
  resolver: Explainer;
  store: Store;
  digest: DigestCommands;
  /** Reads text snippets and files shared with a message. */
  files: FileReader;
  /** Drains the store's outbox (every post the bot makes): told when something was added. */
  outbox: Pick<OutboxPoster, 'notify'>;
  /** Work after an ack runs through it: bounded, and shed under overload so acks stay fast. */
  followUps: FollowUps;
  logger: Logger;
  clock: () => Date;
  render: RenderOptions;
}
