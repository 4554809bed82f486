import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { catalogJsonSchema } from './catalog-json-schema.js';
import type { CatalogFile } from './catalog-schema.js';

/**
 * Checked catalog files as JSON, keyed by their text and the schema, so a start does not parse and
 * validate unchanged YAML again (YAML parsing and validation are most of a cold start). A file is only
 * cached once it passed every check; an edited file, or any change to the schema, misses the cache.
 * The cache is an optimisation only: any failure to read or write it falls back to the YAML.
 */
export interface CatalogCache {
  get(file: string, text: string): CatalogFile | undefined;
  set(file: string, text: string, catalog: CatalogFile): void;
}

/** node_modules/.cache is where build tools keep such caches; it is never committed. */
export const DEFAULT_CACHE_DIR = fileURLToPath(
  new URL('../../node_modules/.cache/oauth-error-bot/catalogs/', import.meta.url),
);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The modules that parse and check a catalog file (refinements and semantic checks are not in the JSON Schema). */
const CHECKING_CODE = ['./catalog-schema.ts', './catalog-file.ts', './templates.ts'];

function sourceOf(module: string): string {
  try {
    return readFileSync(new URL(module, import.meta.url), 'utf8');
  } catch {
    return module; // not shipped as source: the JSON Schema alone keys the cache
  }
}

export function createCatalogCache(dir: string = DEFAULT_CACHE_DIR): CatalogCache {
  let fingerprint: string | undefined;
  // What decides whether a file is valid and what it loads as: the generated JSON Schema (fields,
  // defaults) and the checking code itself, so any change to either misses the cache.
  const schema = () => {
    fingerprint ??= sha256([catalogJsonSchema(), ...CHECKING_CODE.map(sourceOf)].join('\n'));
    return fingerprint;
  };
  // One cache file per catalog file: <hash of path>-<hash of schema and text>.json.
  const prefix = (file: string) => `${sha256(file).slice(0, 16)}-`;
  // A miss is followed by a write of the same file and text: the name is hashed once for both.
  let last: { file: string; text: string; name: string } | undefined;
  const name = (file: string, text: string) => {
    if (last?.file !== file || last.text !== text)
      last = { file, text, name: `${prefix(file)}${sha256(`${schema()}\n${text}`)}.json` };
    return last.name;
  };

  return {
    get(file, text) {
      try {
        return JSON.parse(readFileSync(join(dir, name(file, text)), 'utf8')) as CatalogFile;
      } catch {
        return undefined;
      }
    },
    set(file, text, catalog) {
      try {
        mkdirSync(dir, { recursive: true });
        const target = name(file, text);
        const own = prefix(file);
        // Older versions of this catalog file are dead weight.
        for (const old of readdirSync(dir))
          if (old.startsWith(own) && old !== target) rmSync(join(dir, old), { force: true });
        // Written aside and renamed, so another instance starting at the same time never reads half a file.
        // The name is the writer's own: processes, and threads of one process (the bot's answer thread), differ.
        const temporary = join(dir, `${target}.${process.pid}.${threadId}.tmp`);
        writeFileSync(temporary, JSON.stringify(catalog));
        renameSync(temporary, join(dir, target));
      } catch {
        // A read-only or full disk only costs the next start some time.
      }
    },
  };
}
