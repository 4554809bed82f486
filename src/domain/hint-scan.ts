import { isTokenChar } from './line-words.js';

/**
 * Finds the providers' hints (hosts, package names, words of their own) in a lower-cased text, whole words
 * only: the hint `tba` must not fire inside another word. The same matches, in the same order, as one
 * global alternation of every hint (longest first) would find, without the alternation.
 *
 * The alternation was one regular expression of a thousand hints, tried at every position of the text.
 * Past a size V8 no longer compiles such an expression to machine code: with this session's catalogs it
 * took more than half of a scan. A hint can only start where the text's token is the hint's first token
 * (`login` of `login.microsoftonline.com`, `okta` of `.okta.com` after its dot), so the text's tokens are read
 * in one pass, a filter on their first two characters and length rejects most, and only the hints that begin
 * with such a token are compared there, longest first. After a match the search goes on after it.
 */
export class HintScanner {
  /** First token of a hint → the hints that begin with it (with what comes before it), longest first. */
  private readonly byToken = new Map<string, Anchored[]>();
  /** By a token's first two characters: a bit per token length (1 to 31, bit 0 for longer) some hint's first token has. */
  private readonly filter = new Uint32Array(128 * 128);
  /**
   * For a first token many hints share (`api` of api.box.com, api.dropboxapi.com and forty more hosts): its hints
   * by the two characters after the token (`.b`, `.d`), each list with the hints too short to have both, longest
   * first; `short` alone for any other two. A log's `api` is then compared with a few hints, not all of them.
   */
  private readonly byNext = new Map<string, { lists: Map<number, Anchored[]>; short: Anchored[] }>();
  /**
   * Set when some hint has no token to anchor on (none ship): then every hint, longest first, is compared at
   * every position, as the alternation was.
   */
  private readonly everywhere: Anchored[] | undefined;
  /**
   * Hints that are a prefix of names (`gf_auth_` of GF_AUTH_GENERIC_OAUTH_CLIENT_ID, `oauth2_proxy_`): their first
   * token ends with an underscore, so a text's token only begins with it. By that token, and a filter like the
   * one above of the prefixes' lengths (at most 31 characters).
   */
  private readonly byPrefix = new Map<string, Anchored[]>();
  private readonly prefixFilter = new Uint32Array(128 * 128);

  constructor(hints: string[]) {
    const sorted = [...new Set(hints)].sort((a, b) => b.length - a.length);
    let unanchored = false;
    for (const hint of sorted) {
      const found = /^([^a-z0-9_]*)([a-z0-9_]+)/.exec(hint);
      const token = found?.[2];
      if (!found || !token) {
        unanchored = true;
        continue;
      }
      // Only a hint that is its first token: in `service_.getaccesstoken` the token ends where the hint goes on.
      if (hint === token && token.endsWith('_') && token.length <= 31) {
        this.byPrefix.set(token, [...(this.byPrefix.get(token) ?? []), anchoredOf(hint)]);
        const at = slot(token, 0, token.length);
        this.prefixFilter[at] = (this.prefixFilter[at] as number) | lengthBit(token.length);
        continue;
      }
      const list = this.byToken.get(token) ?? [];
      list.push({ ...anchoredOf(hint), lead: (found[1] as string).length });
      this.byToken.set(token, list);
      const at = slot(token, 0, token.length);
      this.filter[at] = (this.filter[at] as number) | lengthBit(token.length);
    }
    this.everywhere = unanchored ? sorted.map(anchoredOf) : undefined;
    for (const [token, list] of this.byToken) {
      if (list.length <= SPLIT_LIST) continue;
      const after = (hint: Anchored) => hint.lead + token.length;
      const short = list.filter((hint) => hint.hint.length < after(hint) + 2);
      const lists = new Map<number, Anchored[]>();
      for (const hint of list) {
        if (hint.hint.length < after(hint) + 2) continue;
        const key = nextKey(hint.hint, after(hint));
        lists.set(key, [...(lists.get(key) ?? []), hint]);
      }
      // Longest first within each list, as in the whole one: the short hints are the shortest of all.
      for (const [key, hints] of lists) lists.set(key, [...hints, ...short]);
      this.byNext.set(token, { lists, short });
    }
  }

  /** Calls `found` with each hint matched in `text` (lower-cased) and where it starts, in order. */
  scan(text: string, found: (hint: string, at: number) => void): void {
    if (this.everywhere) {
      scanEverywhere(this.everywhere, text, found);
      return;
    }
    /** Where the search may go on: after the last match. */
    let resume = 0;
    let at = 0;
    const length = text.length;
    while (at < length) {
      if (!isTokenChar(text.charCodeAt(at))) {
        at += 1;
        continue;
      }
      const start = at;
      while (at < length && isTokenChar(text.charCodeAt(at))) at += 1;
      const size = at - start;
      // slot() and lengthBit() written out: this runs for every token of a log, and the calls cost 4% of a scan.
      const second = size > 1 ? text.charCodeAt(start + 1) & 127 : 0;
      const twoChars = (text.charCodeAt(start) & 127) * 128 + second;
      const bits = this.filter[twoChars] as number;
      const prefixBits = this.prefixFilter[twoChars] as number;
      const whole = (bits & (size > 31 ? 1 : 1 << size)) !== 0;
      if (!whole && prefixBits === 0) continue;
      let hit: { hint: string; from: number } | undefined;
      // Written out, not a method: this runs for every token the filter passes.
      if (whole) {
        const token = text.slice(start, at);
        let anchored = this.byToken.get(token);
        if (anchored) {
          const split = anchored.length > SPLIT_LIST ? this.byNext.get(token) : undefined;
          if (split) anchored = at + 1 < length ? (split.lists.get(nextKey(text, at)) ?? split.short) : split.short;
          // The hints with characters before the token start further left, so they are tried first (the leftmost
          // match wins); each list is longest first.
          hit = firstMatch(text, anchored, start, resume, true) ?? firstMatch(text, anchored, start, resume, false);
        }
      }
      if (!hit && prefixBits !== 0) hit = this.matchPrefix(text, start, at, prefixBits);
      if (!hit) continue;
      found(hit.hint, hit.from);
      resume = hit.from + hit.hint.length;
      // The match may reach past this token: the next tokens start where the search goes on.
      if (resume > at) at = resume;
    }
  }

  /** A prefix hint the token in [start, at) begins with, longest first; `bits`: the prefix lengths its first two characters have. */
  private matchPrefix(
    text: string,
    start: number,
    at: number,
    bits: number,
  ): { hint: string; from: number } | undefined {
    for (let size = Math.min(31, at - start - 1); size >= 2; size -= 1) {
      if ((bits & (1 << size)) === 0 || text.charCodeAt(start + size - 1) !== UNDERSCORE) continue;
      const hints = this.byPrefix.get(text.slice(start, start + size));
      const hit = hints && firstMatch(text, hints, start, start, false);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** Every hint tried at every position, longest first (only when a hint has no token to anchor on). */
function scanEverywhere(all: Anchored[], text: string, found: (hint: string, at: number) => void): void {
  for (let from = 0; from < text.length; from += 1) {
    const candidate = all.find((hint) => matchesAt(text, hint, from));
    if (!candidate) continue;
    found(candidate.hint, from);
    from += candidate.hint.length - 1;
  }
}

interface Anchored {
  hint: string;
  /** Characters before the hint's first token (1 for `.okta.com`). */
  lead: number;
  /**
   * Whether the hint starts or ends with a word character, and so needs a word boundary there. A hint that ends
   * with an underscore is a prefix (`GF_AUTH_`, `MINIO_IDENTITY_OPENID_`, `DecodingKey::from_`): its names go on.
   */
  wordStart: boolean;
  wordEnd: boolean;
}

function anchoredOf(hint: string): Anchored {
  return { hint, lead: 0, wordStart: /^[a-z0-9_]/.test(hint), wordEnd: /[a-z0-9]$/.test(hint) };
}

/** The first of the hints anchored on the token at `start` (those with lead characters, or those without) that matches. */
function firstMatch(
  text: string,
  anchored: Anchored[],
  start: number,
  resume: number,
  led: boolean,
): { hint: string; from: number } | undefined {
  for (const candidate of anchored) {
    if (candidate.lead > 0 !== led) continue;
    const from = start - candidate.lead;
    if (from >= resume && matchesAt(text, candidate, from)) return { hint: candidate.hint, from };
  }
  return undefined;
}

/** Whether `candidate` stands at `from`, as a whole word where it starts or ends with a word character. */
function matchesAt(text: string, candidate: Anchored, from: number): boolean {
  if (!text.startsWith(candidate.hint, from)) return false;
  if (candidate.wordStart && from > 0 && isTokenChar(text.charCodeAt(from - 1))) return false;
  const end = from + candidate.hint.length;
  return !(candidate.wordEnd && end < text.length && isTokenChar(text.charCodeAt(end)));
}

/** Hints past which the hints sharing a first token are also listed by the two characters after it. */
const SPLIT_LIST = 8;
const UNDERSCORE = 95;

/** The two characters at `at`, as one number. */
function nextKey(text: string, at: number): number {
  return (text.charCodeAt(at) & 0xffff) * 0x10000 + (text.charCodeAt(at + 1) & 0xffff);
}

/** A token length's bit in the filter: its own up to 31 characters, bit 0 for any longer. */
function lengthBit(size: number): number {
  return size > 31 ? 1 : 1 << size;
}

/** A token's filter slot: its first two characters (the second 0 for a one-character token). */
function slot(text: string, start: number, size: number): number {
  const first = text.charCodeAt(start) & 127;
  const second = size > 1 ? text.charCodeAt(start + 1) & 127 : 0;
  return first * 128 + second;
}
