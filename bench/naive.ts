import Fuse from 'fuse.js';
import type { LoadedEntry } from '../src/domain/findings.js';

/**
 * The baseline the issue asks for: one fuse.js index over every field of every entry, searched line by
 * line. It is what a first version of such a bot would do.
 */
export function createNaive(entries: LoadedEntry[]) {
  const fuse = new Fuse(entries, {
    keys: ['code', 'aliases', 'title', 'messages', 'cause'],
    includeScore: true,
    threshold: 0.3,
    ignoreLocation: true,
  });
  return {
    lookup: (query: string) => fuse.search(query, { limit: 5 }),
    scanLine: (line: string) => fuse.search(line, { limit: 5 }),
  };
}
