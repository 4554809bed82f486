import type { LoadedProvider } from './findings.js';
import { HintScanner } from './hint-scan.js';
import { eachMatch } from './regex.js';

/**
 * Finds which providers a text points at (hosts such as login.microsoftonline.com, words such as
 * `oauth_signature`), so generic codes like `invalid_grant` can be attributed to the right provider.
 */
/** Up to this many lines a text is read as one paste about one integration. */
const ONE_STORY_LINES = 40;

export interface ContextDetector {
  /** `lower`: the text lower-cased, when the caller has it already. */
  detect(text: string, lower?: string): ProviderContext;
}

/** Which providers a text points at, how often, and on which lines (1-based; sorted when first measured). */
export class ProviderContext {
  readonly counts = new Map<string, number>();
  readonly lines = new Map<string, number[]>();
  /** Providers the user asked for (`--provider`): context everywhere. */
  readonly explicit = new Set<string>();
  /**
   * Lines where a provider's name (`okta`, `xero`, `AppleID`) was written near a standard code: a weaker
   * clue than a host or a word of the provider's own, read only to choose among meanings of that code.
   */
  readonly names = new Map<string, number[]>();

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

  /**
   * Lines where one of a provider's hosts is written: the service that answered, where a word or package name may
   * be a library's on the path (oauthlib's class around X's answer). Read to tell a hosted service's answer to a
   * standard code from a library's sentence for it.
   */
  readonly hosts = new Map<string, number[]>();

  /** Hosts are read in one pass, top down, like names: each provider's lines stay sorted. */
  addHost(provider: string, line: number): void {
    addSortedLine(this.hosts, provider, line);
  }

  /** Lines between `line` and the provider's nearest host (Infinity when none of its hosts is written). */
  hostDistance(provider: string, line: number): number {
    return nearestIn(this.hosts.get(provider), line);
  }

  /** Whether a provider that `skip` does not exclude has one of its hosts fewer than `than` lines from `line`. */
  hostWithin(line: number, than: number, skip: (provider: string) => boolean): boolean {
    for (const provider of this.hosts.keys()) {
      if (!skip(provider) && this.hostDistance(provider, line) < than) return true;
    }
    return false;
  }

  /** Names are read in one pass, top down: each provider's lines stay sorted. */
  addName(provider: string, line: number): void {
    addSortedLine(this.names, provider, line);
  }

  /**
   * Counts the lines where `library` is hinted as lines naming `server` too: the service a client library signs
   * in to, where that service lists the library among its names (Entra's `msal`), is named by the library's own
   * words (`InteractionRequiredAuthError: login_required` is Entra's login_required). Called after the text's
   * names are read.
   */
  nameWhereHinted(library: string, server: string): void {
    const hinted = this.lines.get(library);
    if (!hinted) return;
    if (this.unsorted.delete(library)) hinted.sort((a, b) => a - b);
    const named = this.names.get(server) ?? [];
    const merged = [...new Set([...named, ...hinted])].sort((a, b) => a - b);
    this.names.set(server, merged);
  }

  /** Lines between `line` and the provider's nearest name (Infinity when not named near a standard code). */
  nameDistance(provider: string, line: number): number {
    return nearestIn(this.names.get(provider), line);
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
    if (lines && this.unsorted.delete(provider)) lines.sort((a, b) => a - b);
    return nearestIn(lines, line);
  }
}

/** Distance from `line` to the nearest of sorted `lines` (a binary search), Infinity when there are none. */
export function nearestIn(lines: number[] | undefined, line: number): number {
  if (!lines) return Number.POSITIVE_INFINITY;
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

/** Adds a line to a provider's lines, read top down: a line is added once, after the ones before it. */
function addSortedLine(map: Map<string, number[]>, provider: string, line: number): void {
  const lines = map.get(provider);
  if (!lines) map.set(provider, [line]);
  else if (lines.at(-1) !== line) lines.push(line);
}

/**
 * A hint written as JSON writes it (Meta's `"type": "OAuthException"`) and as Python prints the same
 * object (`{'type': 'OAuthException'}` from a dict's repr, `{u'type': u'OAuthException'}` from Python 2's): each
 * quoting, and JSON's with and without the space after the colon.
 */
export function quotings(word: string): string[] {
  // Only a member written out (`"key": "value"`): a quoted string alone ("jwt expired") is JSON's by its quotes.
  if (!/":\s?"/.test(word)) return [word];
  const spaced = word.replace(/":(?=")/g, '": ');
  const tight = word.replace(/": (?=")/g, '":');
  const python = (json: string) => {
    const single = json.replaceAll('"', "'");
    // Python 2 printed its unicode strings with a u before the quote: {u'type': u'OAuthException'}.
    return [single, single.replace(/'([^']*)'/g, "u'$1'")];
  };
  return [...new Set([word, spaced, tight].flatMap((json) => [json, ...python(json)]))];
}

export function createContextDetector(providers: Iterable<LoadedProvider>): ContextDetector {
  const owners = new Map<string, string[]>();
  const hosts = new Set<string>();
  const add = (hint: string, provider: string) => {
    const key = hint.toLowerCase();
    const list = owners.get(key) ?? [];
    if (!list.includes(provider)) list.push(provider);
    owners.set(key, list);
  };
  for (const provider of providers) {
    for (const host of provider.hints.hosts) {
      add(host, provider.id);
      hosts.add(host.toLowerCase());
    }
    for (const word of provider.hints.words) for (const written of quotings(word)) add(written, provider.id);
  }
  if (owners.size === 0) return { detect: () => new ProviderContext() };
  const scanner = new HintScanner([...owners.keys()]);
  return {
    detect(original, lower) {
      // Lower-casing keeps every newline where it was, so line numbers are counted on the lowered text.
      const text = lower ?? original.toLowerCase();
      let lines = 1;
      for (let i = text.indexOf('\n'); i !== -1 && lines <= ONE_STORY_LINES; i = text.indexOf('\n', i + 1)) lines += 1;
      const context = new ProviderContext(lines);
      let line = 1;
      let counted = 0;
      scanner.scan(text, (hint, at) => {
        for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line += 1;
        counted = at;
        const head = line - framesAbove(text, at);
        for (const provider of owners.get(hint) ?? []) {
          context.add(provider, line);
          if (head !== line) context.add(provider, head);
          if (hosts.has(hint)) context.addHost(provider, line);
        }
      });
      return context;
    },
  };
}

/** A stack trace's frame line: `    at fn (file.js:1:2)` (JavaScript, Java, .NET), `  File "x.py", line 3` (Python). */
const FRAME = /^\s+at\s\S|^\s+file\s"/;
/** Frames of one trace read back to their error line; deeper traces are cut (a frame this far down is another story). */
const MAX_FRAMES = 30;

/**
 * How many lines above the line holding `at` its stack trace's error line is, 0 when that line is no
 * frame. A library named in a frame (`at Auth0Client.getTokenSilently`, `@auth0_auth0-react.js`) says
 * whose the error above it is, however many frames down: the trace is one block with its error line.
 */
function framesAbove(text: string, at: number): number {
  let end = text.lastIndexOf('\n', at - 1);
  let start = text.lastIndexOf('\n', end - 1) + 1;
  if (!FRAME.test(text.slice(end + 1, end + 1 + 200))) return 0;
  let up = 0;
  while (end !== -1 && up < MAX_FRAMES) {
    up += 1;
    if (!FRAME.test(text.slice(start, Math.min(end, start + 200)))) return up;
    end = start - 1;
    start = text.lastIndexOf('\n', end - 1) + 1;
  }
  return 0;
}

/** How far (in lines) a provider's name reaches to choose among the meanings of a standard code. */
export const NAME_DISTANCE = 5;

/** Parts of a word: `AppleID` is Apple and ID, `fastapi_keycloak` is fastapi and keycloak. */
const WORD = /[A-Za-z0-9]+/g;
const LINK = /\bhttps?:\/\/\S+/gi;
const CAMEL_PART = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g;

/** A word and, when it is a camel-case name, its parts: `AppleID` is also Apple and ID. */
export function nameParts(word: string): string[] {
  return [word, ...(/[a-z][A-Z]|[A-Z]{2}[a-z]/.test(word) ? (word.match(CAMEL_PART) ?? []) : [])];
}

/** Providers a word of letters and digits names, whole or by its camel-case parts (`AppleID`: Apple). */
export function providersNamedIn(word: string, names: Map<string, string[]>): string[] {
  return nameParts(word).flatMap((part) => names.get(part.toLowerCase()) ?? []);
}

/**
 * Providers a name written as two words names ("Linked In", "Net Suite", "Drop box"): the two joined, when no part
 * is a name itself and the whole is long enough not to be two ordinary words that happen to join into one.
 */
export function providersNamedApart(first: string, second: string, names: Map<string, string[]>): string[] {
  if (first.length < 2 || second.length < 2 || first.length + second.length < SPLIT_NAME_LETTERS) return NO_NAMES;
  const joined = `${first}${second}`.toLowerCase();
  const providers = names.get(joined);
  if (!providers || names.has(first.toLowerCase()) || names.has(second.toLowerCase())) return NO_NAMES;
  return providers;
}

/** Least length of a name read from two words (see providersNamedApart). */
const SPLIT_NAME_LETTERS = 6;
const NO_NAMES: string[] = [];

/**
 * Records provider names (whole words, parts of identifiers and of camel-case names: okta, Xero,
 * AppleID, fastapi_keycloak) on the lines within NAME_DISTANCE of `around` (lines holding a standard
 * code). Reading only those lines keeps a long log's scan as fast as without names.
 */
export function detectNames(
  text: string,
  around: number[],
  names: Map<string, string[]>,
  context: ProviderContext,
): void {
  if (around.length === 0 || names.size === 0) return;
  const last = Math.max(...around) + NAME_DISTANCE;
  const wanted = new Uint8Array(last + 1);
  for (const line of around) {
    for (let at = Math.max(1, line - NAME_DISTANCE); at <= line + NAME_DISTANCE; at += 1) wanted[at] = 1;
  }
  let start = 0;
  for (let lineNumber = 1; lineNumber <= last && start <= text.length; lineNumber += 1) {
    const end = text.indexOf('\n', start);
    if (wanted[lineNumber]) {
      // A link is a reference, not where the error came from: a GitHub issue or Slack thread URL names neither.
      const line = text.slice(start, end === -1 ? text.length : end).replace(LINK, ' ');
      // The word before and where it ended: two words one space apart may be one name written apart ("Linked In").
      let previous = '';
      let previousEnd = -2;
      eachMatch(WORD, line, (found) => {
        const [word] = found;
        for (const provider of providersNamedIn(word, names)) context.addName(provider, lineNumber);
        if (found.index === previousEnd + 1 && line[previousEnd] === ' ')
          for (const provider of providersNamedApart(previous, word, names)) context.addName(provider, lineNumber);
        previous = word;
        previousEnd = found.index + word.length;
      });
    }
    if (end === -1) break;
    start = end + 1;
  }
}
