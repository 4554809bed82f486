import type { Catalog } from './catalog.js';
import type { LoadedEntry, LoadedProvider } from './findings.js';
import { type CompiledTemplate, compileTemplate } from './templates.js';

/** A documented message (or a multi-word alias) compiled for matching, and whose entry it is. */
export interface IndexedTemplate extends CompiledTemplate {
  entry: LoadedEntry;
  /** `code`: the entry's own code when it is not one token (Okta's `idx.session.expired`). */
  method: 'code' | 'alias' | 'template';
  /** One word with dots or dashes in it (Okta's `api.authn.error.PASSCODE_INVALID`): a name, not a sentence. */
  identifier: boolean;
  /**
   * Other contexts of the same code that document the very same message (GitHub's
   * redirect_uri_mismatch at the authorize and the token endpoint): the text cannot tell them apart,
   * so they are offered as alternatives of `entry` rather than matched twice.
   */
  sameMessage: LoadedEntry[];
}

/** Lookup tables built once per catalog, so scanning is a single pass of map look-ups. */
export interface ResolverIndex {
  providers: Map<string, LoadedProvider>;
  /** Lower-cased code → entries (several when providers share a code or one has several contexts). */
  codes: Map<string, LoadedEntry[]>;
  /** Lower-cased one-word alias → entries. */
  aliases: Map<string, LoadedEntry[]>;
  /** Official short title (see normalizeTitle) → entries: typed as is, a title names its error. */
  titles: Map<string, LoadedEntry[]>;
  /** Rare word of a template → the templates to try on a line holding that word. */
  templatesByWord: Map<string, IndexedTemplate[]>;
  /** Provider code shapes (AADSTS\d+) for codes the catalog does not have. */
  patterns: { provider: LoadedProvider; regex: RegExp }[];
  /** A word people type for a provider (`google`, `azure`) → the providers it names. */
  names: Map<string, string[]>;
  /** Every documented message, normalized as titles are (see normalizeTitle), for partial matches. */
  messages: { entry: LoadedEntry; text: string }[];
}

/** How titles are compared: case, runs of spaces and a final full stop do not matter. */
export function normalizeTitle(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else {
    map.set(key, [value]);
  }
}

const SINGLE_TOKEN = /^[A-Za-z0-9_]+$/;

export function buildIndex(catalog: Catalog): ResolverIndex {
  const codes = new Map<string, LoadedEntry[]>();
  const aliases = new Map<string, LoadedEntry[]>();
  const titles = new Map<string, LoadedEntry[]>();
  const templates: IndexedTemplate[] = [];
  const byMessage = new Map<string, IndexedTemplate>();
  const addTemplate = (entry: LoadedEntry, text: string, method: IndexedTemplate['method']) => {
    const compiled = compileTemplate(text);
    if (!compiled) return;
    const key = `${entry.provider}:${entry.code}:${compiled.key}`;
    const existing = byMessage.get(key);
    if (existing) {
      if (existing.entry !== entry && !existing.sameMessage.includes(entry)) existing.sameMessage.push(entry);
      return;
    }
    // Not spread: `regex` is a getter that builds the expression on first use.
    const template = Object.assign(compiled, { entry, method, identifier: !/\s/.test(text.trim()), sameMessage: [] });
    byMessage.set(key, template);
    templates.push(template);
  };
  for (const entry of catalog.entries) {
    push(codes, entry.code.toLowerCase(), entry);
    // The text is read token by token, so a code with dots in it is found as a pattern, like a message.
    if (!SINGLE_TOKEN.test(entry.code)) addTemplate(entry, entry.code, 'code');
    push(titles, normalizeTitle(entry.title), entry);
    for (const alias of entry.aliases) {
      if (SINGLE_TOKEN.test(alias)) push(aliases, alias.toLowerCase(), entry);
      else addTemplate(entry, alias, 'alias');
    }
    for (const message of entry.messages) addTemplate(entry, message, 'template');
  }
  const patterns = [...catalog.providers.values()].flatMap((provider) =>
    provider.patterns.map((source) => ({ provider, regex: new RegExp(`^(?:${source})$`, 'i') })),
  );
  const messages = catalog.entries.flatMap((entry) =>
    entry.messages.map((message) => ({ entry, text: normalizeTitle(message) })),
  );
  const names = new Map<string, string[]>();
  for (const provider of catalog.providers.values()) {
    for (const name of [provider.id, ...provider.hints.names]) push(names, name, provider.id);
  }
  return {
    providers: catalog.providers,
    codes,
    aliases,
    titles,
    templatesByWord: indexTemplates(templates),
    patterns,
    names,
    messages,
  };
}

/**
 * Indexes each template under its rarest word (ties: the longest), so a line is only tested against
 * templates whose rarest word it contains.
 */
function indexTemplates(templates: IndexedTemplate[]): Map<string, IndexedTemplate[]> {
  const frequency = new Map<string, number>();
  for (const template of templates) {
    for (const word of new Set(template.words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const byWord = new Map<string, IndexedTemplate[]>();
  for (const template of templates) {
    let best = template.words[0] as string;
    for (const word of template.words) {
      const rarer = (frequency.get(word) ?? 0) < (frequency.get(best) ?? 0);
      const tie = frequency.get(word) === frequency.get(best) && word.length > best.length;
      if (rarer || tie) best = word;
    }
    push(byWord, best, template);
  }
  return byWord;
}
