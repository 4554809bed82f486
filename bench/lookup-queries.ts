import type { LoadedEntry } from '../src/domain/findings.js';
import { seeded } from './stats.js';

/**
 * The lookup benchmark's 600 queries, the same on every run for the same catalogs: codes as written and in
 * lower case, codes one letter short (typos), official titles and documented messages.
 */
export function lookupQueries(entries: LoadedEntry[]): string[] {
  const random = seeded(11);
  const sample = <T>(list: T[], n: number) =>
    Array.from({ length: n }, () => list[Math.floor(random() * list.length)] as T);
  const typo = (code: string) => {
    const at = Math.floor(random() * code.length);
    return code.slice(0, at) + code.slice(at + 1);
  };
  return [
    ...sample(entries, 200).map((entry) => entry.code),
    ...sample(entries, 100).map((entry) => entry.code.toLowerCase()),
    ...sample(
      entries.filter((entry) => !/\d/.test(entry.code)),
      100,
    ).map((entry) => typo(entry.code)),
    ...sample(entries, 100).map((entry) => entry.title),
    ...sample(
      entries.filter((entry) => entry.messages.length > 0),
      100,
    ).map((entry) => entry.messages[0] as string),
  ];
}
