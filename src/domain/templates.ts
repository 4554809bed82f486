import { escapeRegExp } from './regex.js';

/**
 * Documented messages as patterns. `{name}` (and NetSuite's `<<--name-->>`) mark placeholders the
 * provider fills with URIs, GUIDs or names; literal text matches case-insensitively with any whitespace,
 * or with the `+` / `%20` that stand for spaces in a form-encoded error_description on a callback URL, and
 * its punctuation also percent-encoded there.
 */

/** A space as a log, a URL's query or its percent-encoding writes it. */
const SPACE_CHAR = '(?:\\s|\\+|%20)';
const SPACE = `${SPACE_CHAR}+`;

/** A message cut short must keep this many of its first words to be found (hits.ts, collectCutShort). */
export const CUT_WORDS = 6;

const PLACEHOLDER = /\{[^{}]*\}|<<--[^>]*-->>/g;
/** A placeholder stands for up to this many characters on one line (URIs, GUIDs, app names). */
const PLACEHOLDER_PATTERN = '[^\\n]{1,400}?';
/** Quote characters, as a class. */
const QUOTE_CHARS = `["'\`\u2018\u2019\u201c\u201d]`;
/**
 * A placeholder the message quotes ('{parameter}'): with its quotes in the text, anything between them; with
 * the quotes dropped, one word (`Missing code parameter value`), not half a line: Fitbit's "Missing
 * '{parameter}' parameter value." was read in "missing required parameters, includes an invalid parameter
 * value", its value swallowing four words and a comma. Between its quotes a value may be empty: people blank
 * what they redact, and a server prints an empty setting so ("The reply address '' does not match ...").
 */
const QUOTED_PLACEHOLDER = `(?:(?<=${QUOTE_CHARS})[^\\n]{0,400}?(?=${QUOTE_CHARS})|[^\\s"'\`\u2018\u2019\u201c\u201d]{1,400}?)`;
const QUOTE_AT_END = /["'`\u2018\u2019\u201c\u201d]$/;
const QUOTE_AT_START = /^["'`\u2018\u2019\u201c\u201d]/;

/** What stands for the placeholder between two literals of a message. */
function placeholderBetween(left: string, right: string): string {
  return QUOTE_AT_END.test(left) && QUOTE_AT_START.test(right) ? QUOTED_PLACEHOLDER : PLACEHOLDER_PATTERN;
}

export interface CompiledTemplate {
  readonly regex: RegExp;
  /** The literal text, normalized: two messages with the same key match the same text. */
  key: string;
  /** Lower-cased words of the literal text, in order; used to pick a rare word to index the template by. */
  words: string[];
  /** Length of the literal text: short messages ("Code not valid") say little on their own. */
  literalLength: number;
  /** Whether the message begins with a capital letter ("Not found: {resource}"), as its provider prints it. */
  capitalized: boolean;
  /** Lower-cased words of the text before its first placeholder (all of it when it has none), in order; none when fewer than CUT_WORDS. */
  leading: string[];
  /** How many of `leading` end a clause (a comma, semicolon, colon or full stop follows the word). */
  clauses: number[];
  /**
   * For a message with a value inside (`The resource principal named {name} was not found in the tenant
   * named {tenant}.`): where it can be cut short past its first value. Counts of literal words at which a
   * piece of its text after the first value ends → whether a clause ends there. Empty without a value.
   */
  cutsPastValue: Map<number, boolean>;
  /** Whether the message may be found cut short past a value: it has one, and more than CUT_WORDS literal words. */
  mayCutPastValue: boolean;
  /**
   * The message's text up to `words` literal words (a key of cutsPastValue) at the end of a line, the next
   * word perhaps begun (`tail`, lower-cased): a message cut short where its line ends, past a value.
   */
  cutPastValue(words: number, tail?: string): RegExp;
}

/**
 * A quote in a message matches any quote, however written, or none (people drop the quotes around a
 * value they redact: "identifier <GUID> was not found"): the provider's page uses one kind and a log
 * another, JSON escapes it (`\"exp\"`), pages and chat make it typographic, an error page's source an
 * HTML entity, a callback URL percent-encodes it.
 */
const QUOTE = `(?:\\\\?["'\`\u2018\u2019\u201c\u201d]|&quot;|&#0?39;|&#x27;|%2[27])?`;
/**
 * A library's backtick matches any quote, but not none: a log or a port may print other quotes (openidconnect's
 * "Invalid audiences: 'xxx' is not a trusted audience"), while the same words with no quote at all are another
 * server's own sentence (Pipedrive's "Unsupported grant type: grant_type is invalid" is not node-oauth2-server's
 * "Unsupported grant type: `grant_type` is invalid").
 */
const BACKTICK = `(?:\\\\?["'\`\u2018\u2019\u201c\u201d]|&quot;|&#0?39;|&#x27;|%2[27]|%60)`;

/**
 * A message written as JSON (`"resource": "Application", "code": "invalid"`) is written with and without spaces
 * after its colons and commas, and in Python's repr with single quotes (which QUOTE reads): after a colon or comma
 * that ends a word of it or stands inside one, spaces are optional, so one form in a catalog reads them all.
 */
const JSON_SEPARATOR = /[:,]["'`\u2018\u2019\u201c\u201d]?$/;
const OPTIONAL_SPACE = `${SPACE_CHAR}*`;
/** A word of a JSON fragment: one with a double quote in it. */
const jsonWord = (word: string) => word.includes('"');

/**
 * Punctuation also matches its percent-encoding (`'` as `%27`, `:` as `%3A`), as in an error_description
 * on a callback URL; quotes match QUOTE.
 */
function escapeWord(word: string): string {
  const json = jsonWord(word);
  return word.replace(/[^A-Za-z0-9_]/g, (char, at: number) => {
    const code = char.charCodeAt(0);
    if (char === '"' || char === "'" || /[\u2018\u2019\u201c\u201d]/.test(char)) return QUOTE;
    if (char === '`') return BACKTICK;
    if (code > 0x7e) return escapeRegExp(char);
    const escaped = `(?:${escapeRegExp(char)}|%${code.toString(16).padStart(2, '0')})`;
    // Inside a JSON fragment (`"code":"invalid"`), a colon or comma may have spaces after it (JSON_SEPARATOR).
    if (json && (char === ':' || char === ',') && at < word.length - 1) return `${escaped}${OPTIONAL_SPACE}`;
    // A colon that ends a word may have spaces before it, as older servers and French typography write it
    // (LinkedIn's "Unable to retrieve access token : appId or redirect uri ...").
    if (char === ':' && at === word.length - 1 && at > 0) return `${OPTIONAL_SPACE}${escaped}`;
    return escaped;
  });
}

function escapeLiteral(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words
    .map((word, at) => {
      const escaped = escapeWord(word);
      if (at === words.length - 1) return escaped;
      return `${escaped}${JSON_SEPARATOR.test(word) && jsonWord(word) ? OPTIONAL_SPACE : SPACE}`;
    })
    .join('');
}

export function compileTemplate(message: string): CompiledTemplate | undefined {
  // A trailing full stop is often dropped in logs and JSON bodies.
  const text = message.trim().replace(/\.$/, '');
  const literals = text.split(PLACEHOLDER);
  const words =
    literals
      .join(' ')
      .toLowerCase()
      .match(/[a-z0-9_]+/g) ?? [];
  if (words.length === 0) return undefined;
  // A placeholder at either end constrains nothing but costs a scan of the line from every position.
  while (literals.length > 1 && literals[0]?.trim() === '') literals.shift();
  while (literals.length > 1 && literals.at(-1)?.trim() === '') literals.pop();
  // The expression is built on its first use: a scan tries only the templates whose rare word a line
  // holds, and a one-query CLI run would otherwise spend a good part of its start building them all.
  let regex: RegExp | undefined;
  // Also built on first need: only a line that ends in one of the message's words asks for them.
  let built: ReturnType<typeof cutsOf> | undefined;
  const cuts = () => {
    built ??= cutsOf(literals);
    return built;
  };
  return {
    get regex() {
      regex ??= new RegExp(
        literals
          .map((literal, at) =>
            at === 0
              ? escapeLiteral(literal)
              : `${placeholderBetween(literals[at - 1] as string, literal)}${escapeLiteral(literal)}`,
          )
          .join('') + (WORD_CHAR_AT_END.test(literals.at(-1) ?? '') ? NOT_IN_WORD : ''),
        'i',
      );
      return regex;
    },
    key: literals.map((literal) => literal.trim().replace(/\s+/g, ' ').toLowerCase()).join('{}'),
    words,
    literalLength: literals.join('').replace(/\s+/g, ' ').trim().length,
    capitalized: /^[A-Z]/.test(text),
    ...startOf(literals[0] ?? '', literals.length > 1),
    get cutsPastValue() {
      return cuts().clauses;
    },
    mayCutPastValue: literals.length > 1 && words.length > CUT_WORDS,
    cutPastValue: (count, tail) => {
      const { sources, expressions } = cuts();
      const source = `(?:${(sources.get(count) as string[]).join('|')})`;
      if (tail !== undefined) return new RegExp(`${source}${SPACE}${escapeRegExp(tail)}${LINE_END}`, 'i');
      let cut = expressions.get(count);
      if (!cut) {
        cut = new RegExp(`${source}${LINE_END}`, 'i');
        expressions.set(count, cut);
      }
      return cut;
    },
  };
}

/** What may follow the last word of a message cut short on its line: punctuation, quotes, an ellipsis. */
const LINE_END = '[^A-Za-z0-9_\\n]*$';
/**
 * A message that ends in a word ends there: Spotify's "INVALID_CLIENT: Invalid client" is not the start of
 * Dropbox's "invalid_client: Invalid client_id or client_secret" (client_id is another word).
 */
const WORD_CHAR_AT_END = /[A-Za-z0-9]$/;
const NOT_IN_WORD = '(?![A-Za-z0-9_])';
const TOKEN = /[A-Za-z0-9_]+/g;

/**
 * The places past a message's first value where a cut may fall (the end of each whitespace-separated piece
 * of its later literals), each with whether it ends a clause and the expression's source up to it.
 */
function cutsOf(literals: string[]): {
  clauses: Map<number, boolean>;
  sources: Map<number, string[]>;
  expressions: Map<number, RegExp>;
} {
  const clauses = new Map<number, boolean>();
  const sources = new Map<number, string[]>();
  if (literals.length < 2) return { clauses, sources, expressions: new Map() };
  let count = (literals[0] as string).match(TOKEN)?.length ?? 0;
  let before = escapeLiteral(literals[0] as string);
  let previous = literals[0] as string;
  for (const literal of literals.slice(1)) {
    const pieces = literal.trim().split(/\s+/).filter(Boolean);
    const placeholder = placeholderBetween(previous, literal);
    previous = literal;
    let source = `${before}${placeholder}`;
    pieces.forEach((piece, at) => {
      source += `${at === 0 ? '' : SPACE}${escapeWord(piece)}`;
      const tokens = piece.match(TOKEN)?.length ?? 0;
      count += tokens;
      // A piece without a word ("'(" before Entra's "{appid}'({appName})") adds the value after it as another way
      // the cut may end, not the only one: "... cannot access the application" cut before that value is a cut too.
      sources.set(count, tokens === 0 ? [...(sources.get(count) ?? []), source] : [source]);
      clauses.set(count, (tokens === 0 && clauses.get(count) === true) || CLAUSE_END.test(piece.at(-1) ?? ''));
    });
    before = `${before}${placeholder}${escapeLiteral(literal)}`;
  }
  return { clauses, sources, expressions: new Map() };
}

const NO_START = { leading: [], clauses: [] };
const WORD_AND_AFTER = /([A-Za-z0-9_]+)([^A-Za-z0-9_]*)/g;
const CLAUSE_END = /[,;:.]/;

/**
 * The words of a message's first literal and the counts of words after which a clause of it ends
 * ("..., either" after 7 words: 7), in one pass; none for a start too short to be found cut (CUT_WORDS).
 * Where a value follows the literal (`beforeValue`), its end is one too: a paste cut there left out the value and
 * what follows it, as people cut a log line at what they redact ("AuthState.update should not be called in an
 * error state" and the exception on the next line).
 */
function startOf(text: string, beforeValue: boolean): { leading: string[]; clauses: number[] } {
  const leading: string[] = [];
  const clauses: number[] = [];
  for (const found of text.matchAll(WORD_AND_AFTER)) {
    leading.push((found[1] as string).toLowerCase());
    if (CLAUSE_END.test(found[2] ?? '')) clauses.push(leading.length);
  }
  if (beforeValue && clauses.at(-1) !== leading.length) clauses.push(leading.length);
  return leading.length >= CUT_WORDS ? { leading, clauses } : NO_START;
}
