import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { CatalogFile } from './catalog-schema.js';

/**
 * Checked catalog files as JSON, keyed by their text and the checking code, so a start does not parse and
 * validate unchanged YAML again (YAML parsing and validation are most of a cold start). A file is only
 * cached once it passed every check; an edited file, or any change to the schema, misses the cache.
 * A hit needs neither js-yaml nor zod: a CLI lookup does not load them at all (catalog.ts).
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

/**
 * Where the cache goes when the package's own folder is read-only (a global install owned by root):
 * the user's cache folder, so such an install still starts from the cache after its first run.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string {
  const base =
    env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || join(home(), '.cache');
  return join(base, 'oauth-error-bot', 'catalogs');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The modules that parse and check a catalog file (refinements and semantic checks are not in the JSON
 * Schema), with this module's own extension: .ts when run from the sources, .js when run from dist/.
 */
const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const CHECKING_CODE = ['./catalog-schema', './catalog-file', './templates'].map((name) => name + EXTENSION);

/** zod applies the schema's defaults and js-yaml reads the scalars: a new version may load a file differently. */
function libraryVersions(): string[] {
  const require = createRequire(import.meta.url);
  return ['zod', 'js-yaml'].map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return name;
    }
  });
}

function sourceOf(module: string): string {
  try {
    return readFileSync(new URL(module, import.meta.url), 'utf8');
  } catch {
    return module; // not shipped as source: the JSON Schema alone keys the cache
  }
}

/**
 * A cache in the first of `dirs` that can be written; reads look in each, in order. The default is the
 * package's node_modules/.cache, then the user's cache folder.
 */
export function createCatalogCache(dirs: string | string[] = [DEFAULT_CACHE_DIR, userCacheDir()]): CatalogCache {
  const folders = typeof dirs === 'string' ? [dirs] : dirs;
  let fingerprint: string | undefined;
  // What decides whether a file is valid and what it loads as: the checking code itself (the zod schema
  // with its fields and defaults, the semantic checks) and the versions of the libraries it runs on.
  // Not the generated JSON Schema: building it would load zod on every start, to learn nothing more.
  const schema = () => {
    fingerprint ??= sha256([...libraryVersions(), ...CHECKING_CODE.map(sourceOf)].join('\n'));
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

  const read = (dir: string, target: string): CatalogFile | undefined => {
    try {
      return JSON.parse(readFileSync(join(dir, target), 'utf8')) as CatalogFile;
    } catch {
      return undefined;
    }
  };
  const write = (dir: string, file: string, target: string, catalog: CatalogFile): boolean => {
    try {
      mkdirSync(dir, { recursive: true });
      const own = prefix(file);
      // Older versions of this catalog file are dead weight.
      for (const old of readdirSync(dir))
        if (old.startsWith(own) && old !== target) rmSync(join(dir, old), { force: true });
      // Written aside and renamed, so another instance starting at the same time never reads half a file.
      // The name is the writer's own: processes, and threads of one process (the bot's answer thread), differ.
      const temporary = join(dir, `${target}.${process.pid}.${threadId}.tmp`);
      writeFileSync(temporary, JSON.stringify(catalog));
      renameSync(temporary, join(dir, target));
      return true;
    } catch {
      // A read-only or full disk only costs the next start some time.
      return false;
    }
  };

  return {
    get(file, text) {
      const target = name(file, text);
      for (const dir of folders) {
        const cached = read(dir, target);
        if (cached) return cached;
      }
      return undefined;
    },
    set(file, text, catalog) {
      const target = name(file, text);
      for (const dir of folders) if (write(dir, file, target, catalog)) return;
    },
  };
}
