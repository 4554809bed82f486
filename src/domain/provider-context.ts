import type { LoadedProvider } from './findings.js';
import { escapeRegExp } from './regex.js';

/**
 * Finds which providers a text points at (hosts such as login.microsoftonline.com, words such as
 * `oauth_signature`), so generic codes like `invalid_grant` can be attributed to the right provider.
 */
/** Up to this many lines a text is read as one paste about one integration. */
const ONE_STORY_LINES = 40;

export interface ContextDetector {
  detect(text: string): ProviderContext;
}

/** Which providers a text points at, how often, and on which lines (1-based; sorted when first measured). */
export class ProviderContext {
  readonly counts = new Map<string, number>();
  readonly lines = new Map<string, number[]>();
  /** Providers the user asked for (`--provider`): context everywhere. */
  readonly explicit = new Set<string>();

  constructor(readonly totalLines = 1) {}

  prefer(provider: string): void {
    this.explicit.add(provider);
    this.counts.set(provider, this.counts.get(provider) ?? 1);
  }

  /** Providers whose lines were added out of order (codes found in the text come after its hints). */
  private readonly unsorted = new Set<string>();

  add(provider: string, line: number): void {
    this.counts.set(provider, (this.counts.get(provider) ?? 0) + 1);
    const lines = this.lines.get(provider);
    if (!lines) {
      this.lines.set(provider, [line]);
      return;
    }
    const last = lines.at(-1) as number;
    if (last === line) return;
    if (line < last) this.unsorted.add(provider);
    lines.push(line);
  }

  has(provider: string): boolean {
    return this.counts.has(provider);
  }

  /**
   * Whether the provider is hinted within `distance` lines of `line`. A short text (one pasted error or
   * response) is one story, so anywhere in it counts, unless `strict`; in a long log only nearby lines do.
   */
  near(provider: string, line: number, distance: number, strict = false): boolean {
    if (this.explicit.has(provider)) return true;
    if (!strict && this.totalLines <= ONE_STORY_LINES) return this.has(provider);
    return this.distance(provider, line) <= distance;
  }

  /**
   * Lines between `line` and the provider's nearest hint: 0 when asked for, Infinity when not hinted.
   * A binary search: a long log can hint a provider on every one of a million lines, and every
   * occurrence of a generic code asks.
   */
  distance(provider: string, line: number): number {
    if (this.explicit.has(provider)) return 0;
    const lines = this.lines.get(provider);
    if (!lines) return Number.POSITIVE_INFINITY;
    if (this.unsorted.delete(provider)) lines.sort((a, b) => a - b);
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((lines[middle] as number) < line) low = middle + 1;
      else high = middle;
    }
    const after = low < lines.length ? (lines[low] as number) - line : Number.POSITIVE_INFINITY;
    const before = low > 0 ? line - (lines[low - 1] as number) : Number.POSITIVE_INFINITY;
    return Math.min(after, before);
  }
}

const WORD_BEFORE = '(?<![a-z0-9_])';
const WORD_AFTER = '(?![a-z0-9_])';

/**
 * One alternation over every hint (longest first), whole words only: the hint `TBA` must not fire
 * inside another word. Hints are grouped by which ends need a word boundary, so each boundary is
 * checked once per position rather than once per hint; that keeps the pass fast with hundreds of hints.
 */
function hintPattern(hints: string[]): RegExp {
  const groups = new Map<string, { before: string; after: string; hints: string[] }>();
  for (const hint of [...hints].sort((a, b) => b.length - a.length)) {
    const before = /^\w/.test(hint) ? WORD_BEFORE : '';
    const after = /\w$/.test(hint) ? WORD_AFTER : '';
    const group = groups.get(before + after) ?? { before, after, hints: [] };
    group.hints.push(escapeRegExp(hint));
    groups.set(before + after, group);
  }
  const alternatives = [...groups.values()].map(
    ({ before, after, hints }) => `${before}(?:${hints.join('|')})${after}`,
  );
  // Callers match against lower-cased text, which is cheaper than a case-insensitive pattern.
  return new RegExp(alternatives.join('|'), 'g');
}

export function createContextDetector(providers: Iterable<LoadedProvider>): ContextDetector {
  const owners = new Map<string, string[]>();
  const add = (hint: string, provider: string) => {
    const key = hint.toLowerCase();
    const list = owners.get(key) ?? [];
    if (!list.includes(provider)) list.push(provider);
    owners.set(key, list);
  };
  for (const provider of providers) {
    for (const host of provider.hints.hosts) add(host, provider.id);
    for (const word of provider.hints.words) add(word, provider.id);
  }
  if (owners.size === 0) return { detect: () => new ProviderContext() };
  const pattern = hintPattern([...owners.keys()]);
  return {
    detect(original) {
      // Lower-casing keeps every newline where it was, so line numbers are counted on the lowered text.
      const text = original.toLowerCase();
      let lines = 1;
      for (let i = text.indexOf('\n'); i !== -1 && lines <= ONE_STORY_LINES; i = text.indexOf('\n', i + 1)) lines += 1;
      const context = new ProviderContext(lines);
      let line = 1;
      let counted = 0;
      for (const match of text.matchAll(pattern)) {
        for (let i = text.indexOf('\n', counted); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line += 1;
        counted = match.index;
        for (const provider of owners.get(match[0]) ?? []) context.add(provider, line);
      }
      return context;
    },
  };
}
