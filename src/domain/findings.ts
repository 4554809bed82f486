import type { CatalogEntry, Link, ProviderMeta } from './catalog-schema.js';

/** `exact`: the code itself is in the text. `strong`: alias, documented message, or generic code with provider context. `weak`: fuzzy. */
export type Confidence = 'exact' | 'strong' | 'weak';
export type Method = 'code' | 'alias' | 'template' | 'fuzzy';

/** A catalog entry as loaded: the file's entry plus where it came from. */
export interface LoadedEntry extends CatalogEntry {
  provider: string;
  /** `provider:code` or `provider:code@context`: unique across all catalogs. */
  key: string;
}

export interface LoadedProvider extends ProviderMeta {
  file: string;
}

/** One explained error. `entry` is undefined for a code in a provider's format that the catalog lacks. */
export interface Match {
  provider: string;
  code: string;
  title: string;
  confidence: Confidence;
  method: Method;
  /** In [0, 1], higher is better. */
  score: number;
  entry: LoadedEntry | undefined;
  /** Links to show: the entry's, or the provider's official lookup for an unknown code. */
  links: Link[];
  /** Provider-level notices shown with every answer of that provider. */
  notices: string[];
  /** Other providers whose entry fits the same code equally well (the user may pick one). */
  alternatives: { provider: string; key: string; context?: string }[];
}

/** A match found in scanned text, with where it was seen. */
export interface Finding extends Match {
  /** 1-based line of the occurrence it rests on: the first, or the first with its confidence. */
  line: number;
  /** The line (trimmed, shortened, credentials masked) it was found on. */
  excerpt: string;
  /** Lines of the text the error was found on (a line counts once, however often it names the error). */
  occurrences: number;
  /** 1-based line of its first occurrence (`line` may be a later one, found with more confidence). */
  firstLine: number;
}

/** Identifiers a support ticket needs, pulled out of the text when present. */
export interface SupportIds {
  traceId?: string;
  requestId?: string;
  correlationId?: string;
  timestamp?: string;
  oktaErrorId?: string;
}

export interface ScanResult {
  findings: Finding[];
  support: SupportIds;
}
