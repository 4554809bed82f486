import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: the compiled JavaScript in dist/ must be the build of the sources under test,
 * since the answer thread always runs from dist/ (answer-thread.ts) and tests start the bin and
 * `npm start` as users do. `npm ci` builds (prepare); this rebuilds only when a source is newer than
 * its output or has none, so editing a file and running one test file still tests the edit.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory() ? sources(join(dir, item.name)) : item.name.endsWith('.ts') ? [join(dir, item.name)] : [],
  );
}

/** The sources whose build is missing or older than they are. */
export function staleSources(root: string = ROOT): string[] {
  const src = join(root, 'src');
  return sources(src).filter((file) => {
    const built = join(root, 'dist', relative(src, file)).replace(/\.ts$/, '.js');
    return !existsSync(built) || statSync(built).mtimeMs < statSync(file).mtimeMs;
  });
}

export default function setup(): void {
  if (staleSources().length === 0) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [join(ROOT, 'scripts/clean-build.js')], { stdio: 'inherit' });
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
}
