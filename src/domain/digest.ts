/**
 * The daily failure digest of one channel, as data: what failed in the past 24 hours, how often,
 * the change against the day before, and what is new. Pure: store rows in, model out.
 */

export interface DigestInputRow {
  provider: string;
  code: string;
  /** The catalog entry; null for codes no catalog has and for rows recorded before entries were. */
  entryKey: string | null;
  /** Occurrences in the window. */
  count: number;
  /** Occurrences in the 24 hours before the window. */
  previousCount: number;
  /** Never seen in this channel before the window. */
  isNew: boolean;
  /** A thread where it was explained (the latest), for a permalink. */
  threadTs: string;
}

export interface DigestItem extends DigestInputRow {
  title: string;
  /** count − previousCount. */
  change: number;
}

export interface DigestModel {
  channelId: string;
  from: Date;
  to: Date;
  total: number;
  distinct: number;
  /** Most frequent first (ties: code order), every error of the window. */
  items: DigestItem[];
  /** Errors never seen in this channel before the window. */
  newItems: DigestItem[];
  perProvider: { provider: string; name: string; count: number; distinct: number }[];
}

export interface DigestNames {
  title(provider: string, code: string): string | undefined;
  providerName(provider: string): string | undefined;
}

export function buildDigest(
  channelId: string,
  window: { from: Date; to: Date },
  rows: DigestInputRow[],
  names: DigestNames,
): DigestModel {
  const items = rows
    .map((row) => ({
      ...row,
      title: names.title(row.provider, row.code) ?? row.code,
      change: row.count - row.previousCount,
    }))
    .sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider) || a.code.localeCompare(b.code));
  const providers = new Map<string, { count: number; distinct: number }>();
  for (const item of items) {
    const totals = providers.get(item.provider) ?? { count: 0, distinct: 0 };
    providers.set(item.provider, { count: totals.count + item.count, distinct: totals.distinct + 1 });
  }
  return {
    channelId,
    from: window.from,
    to: window.to,
    total: items.reduce((sum, item) => sum + item.count, 0),
    distinct: items.length,
    items,
    newItems: items.filter((item) => item.isNew),
    perProvider: [...providers]
      .map(([provider, totals]) => ({ provider, name: names.providerName(provider) ?? provider, ...totals }))
      .sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider)),
  };
}
