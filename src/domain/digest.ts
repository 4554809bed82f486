/**
 * The daily failure digest of one channel, as data: what failed in the past 24 hours, how often,
 * the change against the day before, what is new, and which codes the catalogs lack. Pure: store rows
 * and what the catalogs know in, model out.
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
  /** One line per key: the entry key, or `provider:code` when which entry is not known. */
  key: string;
  /** The entry's readable title; undefined when the entry is not known (an old row of a code with several). */
  title: string | undefined;
  providerName: string;
  /** count − previousCount. */
  change: number;
}

/** A code of a provider's shape that no catalog entry has (AADSTS99999): worth adding to a catalog. */
export interface DigestUnknownCode {
  provider: string;
  providerName: string;
  code: string;
  count: number;
}

export interface DigestModel {
  channelId: string;
  from: Date;
  to: Date;
  /** IANA zone the window is shown in: the channel's digest zone, else UTC. */
  timeZone: string;
  /** Every failure of the window, catalogued or not. */
  total: number;
  /** Distinct errors: items and unknown codes. */
  distinct: number;
  /** Errors the catalogs explain, most frequent first (ties: provider, code, key). */
  items: DigestItem[];
  /** Items never seen in this channel before the window. */
  newItems: DigestItem[];
  /** Codes the catalogs lack, most frequent first. */
  unknown: DigestUnknownCode[];
  perProvider: { provider: string; name: string; count: number; distinct: number }[];
}

/** What the digest needs to know of the catalogs (see digest-names.ts). */
export interface DigestNames {
  /** The entry's title, by entry key. */
  entryTitle(entryKey: string): string | undefined;
  /** Keys of the entries a code has in a provider's catalog: several when it has contexts, none when unknown. */
  entriesOf(provider: string, code: string): readonly string[];
  providerName(provider: string): string | undefined;
}

export interface DigestWindow {
  from: Date;
  to: Date;
  timeZone: string;
}

/**
 * A row without an entry key is either a code no catalog has, or a row recorded before keys were: then
 * its entry is known only when its code has one entry. Rows that turn out to be the same entry merge.
 */
function keyed(rows: DigestInputRow[], names: DigestNames) {
  const known = new Map<string, DigestInputRow & { key: string }>();
  const unknown: DigestInputRow[] = [];
  for (const row of rows) {
    const entries = names.entriesOf(row.provider, row.code);
    if (row.entryKey === null && entries.length === 0) {
      unknown.push(row);
      continue;
    }
    const entryKey = row.entryKey ?? (entries.length === 1 ? (entries[0] ?? null) : null);
    const key = entryKey ?? `${row.provider}:${row.code}`;
    const same = known.get(key);
    known.set(
      key,
      same
        ? {
            ...same,
            count: same.count + row.count,
            previousCount: same.previousCount + row.previousCount,
            isNew: same.isNew && row.isNew,
            // The latest thread, as the store picks it (the greater ts string).
            threadTs: [same.threadTs, row.threadTs].sort().at(-1) ?? row.threadTs,
          }
        : { ...row, entryKey, key },
    );
  }
  return { known: [...known.values()], unknown };
}

export function buildDigest(
  channelId: string,
  window: DigestWindow,
  rows: DigestInputRow[],
  names: DigestNames,
): DigestModel {
  const providerName = (provider: string) => names.providerName(provider) ?? provider;
  const { known, unknown: unknownRows } = keyed(rows, names);
  const items = known
    .map((row) => ({
      ...row,
      title: row.entryKey === null ? undefined : names.entryTitle(row.entryKey),
      providerName: providerName(row.provider),
      change: row.count - row.previousCount,
    }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.provider.localeCompare(b.provider) ||
        a.code.localeCompare(b.code) ||
        a.key.localeCompare(b.key),
    );
  const unknown = unknownRows
    .map((row) => ({
      provider: row.provider,
      providerName: providerName(row.provider),
      code: row.code,
      count: row.count,
    }))
    .sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider) || a.code.localeCompare(b.code));
  const providers = new Map<string, { count: number; distinct: number }>();
  for (const { provider, count } of [...items, ...unknown]) {
    const totals = providers.get(provider) ?? { count: 0, distinct: 0 };
    providers.set(provider, { count: totals.count + count, distinct: totals.distinct + 1 });
  }
  return {
    channelId,
    from: window.from,
    to: window.to,
    timeZone: window.timeZone,
    total: [...items, ...unknown].reduce((sum, item) => sum + item.count, 0),
    distinct: items.length + unknown.length,
    items,
    newItems: items.filter((item) => item.isNew),
    unknown,
    perProvider: [...providers]
      .map(([provider, totals]) => ({ provider, name: providerName(provider), ...totals }))
      .sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider)),
  };
}
