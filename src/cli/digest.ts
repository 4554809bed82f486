import type { Catalog } from '../domain/catalog.js';
import { buildDigest } from '../domain/digest.js';
import { catalogDigestNames } from '../domain/digest-names.js';
import { digestToText } from '../slack/render-digest.js';
import { openStore } from '../store/open-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DigestCliArgs {
  channel: string;
  team?: string;
  databaseUrl: string | undefined;
  now: Date;
}

/**
 * Renders a channel's digest of the past 24 hours from the store, for the terminal. Posts nothing and
 * writes nothing: the store is opened read-only, so a mistyped path is an error, not a new empty database.
 */
export async function renderDigestPreview(args: DigestCliArgs, catalog: Catalog): Promise<string> {
  const store = await openStore(args.databaseUrl, { readOnly: true });
  try {
    const from = new Date(args.now.getTime() - DAY_MS);
    const rows = await store.digestRows(args.team ?? null, args.channel, from, args.now);
    // The terminal has no channel zone to go by (the channel may be in several workspaces): UTC.
    const window = { from, to: args.now, timeZone: 'UTC' };
    const model = buildDigest(args.channel, window, rows, catalogDigestNames(catalog));
    return digestToText(model);
  } finally {
    await store.close();
  }
}
