import type { Catalog } from '../domain/catalog.js';
import { openStore } from '../store/open-store.js';
import type { FeedbackReport } from '../store/store.js';

export interface FeedbackCliArgs {
  databaseUrl: string | undefined;
  limit: number;
}

/** What the catalog's keepers act on: entries people marked wrong, and codes seen that no entry has. */
export interface FeedbackSummary {
  wrong: FeedbackReport['votes'];
  missing: FeedbackReport['seen'];
}

export function summarizeFeedback(report: FeedbackReport, catalog: Catalog, limit: number): FeedbackSummary {
  const known = new Set(catalog.entries.map((entry) => `${entry.provider}:${entry.code.toLowerCase()}`));
  return {
    wrong: report.votes.filter((row) => row.wrong > 0).slice(0, limit),
    missing: report.seen.filter((row) => !known.has(`${row.provider}:${row.code.toLowerCase()}`)).slice(0, limit),
  };
}

export function formatFeedback(summary: FeedbackSummary): string {
  const lines = ['Entries most often marked wrong:'];
  if (summary.wrong.length === 0) lines.push('  (none)');
  for (const row of summary.wrong) lines.push(`  ${row.entryKey}  wrong ${row.wrong}, helpful ${row.helpful}`);
  lines.push('', 'Codes seen that the catalogs lack:');
  if (summary.missing.length === 0) lines.push('  (none)');
  for (const row of summary.missing) lines.push(`  ${row.provider}:${row.code}  seen ${row.count}×`);
  return `${lines.join('\n')}\n`;
}

export async function readFeedback(args: FeedbackCliArgs, catalog: Catalog): Promise<FeedbackSummary> {
  const store = await openStore(args.databaseUrl);
  try {
    return summarizeFeedback(await store.feedbackReport(1000), catalog, args.limit);
  } finally {
    await store.close();
  }
}
