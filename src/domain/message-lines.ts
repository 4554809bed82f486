import type { LoadedEntry } from './findings.js';
import { nearestIn } from './provider-context.js';

/**
 * Where documented messages were found in a text, by entry and by provider, for code-readings.ts to ask how
 * near a code's line each is. A message counts on every line it is on (hits.ts keeps only its first hit and
 * counts the others as repeats), so a long log can hold thousands: lines are kept sorted and searched, not
 * scanned, once per code.
 */
export class MessageLines {
  /** Entry key → lines of its long messages, and of its short, ordinary ones. */
  private readonly byEntry = new Map<string, { long: number[]; short: number[] }>();
  /** Provider → lines of any of its messages. */
  private readonly byProvider = new Map<string, number[]>();
  private sorted = true;

  /**
   * @param shortHandicap how much farther than it stands a short message counts ("Invalid refresh token",
   *   also inside "Incorrect or invalid refresh token"), so that a provider's host or word on the same line
   *   outweighs it.
   */
  constructor(private readonly shortHandicap: number) {}

  add(entry: LoadedEntry, lines: number[], short: boolean): void {
    const own = this.byEntry.get(entry.key) ?? { long: [], short: [] };
    this.byEntry.set(entry.key, own);
    (short ? own.short : own.long).push(...lines);
    const provider = this.byProvider.get(entry.provider) ?? [];
    this.byProvider.set(entry.provider, provider);
    provider.push(...lines);
    this.sorted = false;
  }

  /** Whether any documented message of `provider` was found in the text. */
  has(provider: string): boolean {
    return this.byProvider.has(provider);
  }

  /** Lines from `line` to the entry's nearest documented message, a short one with its handicap. */
  distance(entry: LoadedEntry, line: number): number {
    const own = this.byEntry.get(entry.key);
    if (!own) return Number.POSITIVE_INFINITY;
    this.sort();
    return Math.min(nearestIn(own.long, line), nearestIn(own.short, line) + this.shortHandicap);
  }

  /** Whether any documented message of `provider` was found within `distance` lines of `line`. */
  providerWithin(provider: string, line: number, distance: number): boolean {
    this.sort();
    return nearestIn(this.byProvider.get(provider), line) <= distance;
  }

  private sort(): void {
    if (this.sorted) return;
    const ascending = (a: number, b: number) => a - b;
    for (const own of this.byEntry.values()) {
      own.long.sort(ascending);
      own.short.sort(ascending);
    }
    for (const lines of this.byProvider.values()) lines.sort(ascending);
    this.sorted = true;
  }
}
