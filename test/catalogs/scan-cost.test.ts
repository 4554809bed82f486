import { beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, loadCatalogs } from '../../src/domain/catalog.js';

/**
 * What a catalog's hints cost every scan. A hint is looked for where the text holds its first word (hint-scan.ts),
 * so hints that begin with a word on most lines of a log are compared on most lines: sixteen hints of one catalog
 * beginning with `Error(` made the whole scan 2% slower this session. A few such hints are fine; a catalog that
 * needs many should anchor them on their distinctive word (`(InvalidAudience)`, not `Error(InvalidAudience)`).
 */
const LOG_WORDS = new Set(
  'error errors info warn warning debug trace fatal get post put delete http https request response status the a an to at in of for on is was and or not with from by'.split(
    ' ',
  ),
);
/** Hints allowed to begin with one such word, all catalogs together. */
const PER_LOG_WORD = 4;

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalogs();
});

describe('hints and the scan', () => {
  it(`no word that most log lines hold begins more than ${PER_LOG_WORD} hints`, () => {
    const byWord = new Map<string, string[]>();
    for (const [id, provider] of catalog.providers) {
      for (const hint of [...provider.hints.hosts, ...provider.hints.words]) {
        const first = /^[^a-z0-9_]*([a-z0-9_]+)/.exec(hint.toLowerCase())?.[1];
        if (first && LOG_WORDS.has(first)) byWord.set(first, [...(byWord.get(first) ?? []), `${id}: ${hint}`]);
      }
    }
    const crowded = [...byWord].filter(([, hints]) => hints.length > PER_LOG_WORD);
    expect(crowded).toEqual([]);
  });
});
