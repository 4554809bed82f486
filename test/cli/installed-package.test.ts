import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as a user gets it: `npm pack`, installed globally into a temporary prefix, run by its bin.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let bin: string;
let installed: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'installed-package-'));
  // No prepare here: vitest's global set-up has just built dist/ (test/setup/build.ts).
  const { stdout } = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  const prefix = join(work, 'prefix');
  // Install scripts are skipped: they only build better-sqlite3's native module (from source, about a
  // minute, where no prebuilt binary can be downloaded), which lookup, scan and validate never load.
  await run(
    npm,
    [
      'install',
      '-g',
      '--prefix',
      prefix,
      '--prefer-offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      join(work, filename),
    ],
    { cwd: work },
  );
  bin = process.platform === 'win32' ? join(prefix, 'oauth-error-bot.cmd') : join(prefix, 'bin', 'oauth-error-bot');
  installed = join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'oauth-error-bot');
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the installed bin from a folder outside the repository, with no CATALOGS_DIR. */
async function installedCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: work };
  try {
    const { stdout, stderr } = await run(bin, args, { cwd: work, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the installed package', () => {
  it('ships the built code, the catalogs and the bin, and neither sources nor tests', () => {
    const top = readdirSync(installed).sort();
    expect(top).toEqual(expect.arrayContaining(['README.md', 'bin', 'catalogs', 'dist', 'package.json']));
    expect(top).not.toContain('src');
    expect(top).not.toContain('test');
    expect(readdirSync(join(installed, 'dist', 'answers'))).toContain('answer-worker.js');
  });

  it('looks a code up as JSON, and keeps its catalog cache in its own folder', async () => {
    const result = await installedCli(['lookup', 'AADSTS50011', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body.matches[0]).toMatchObject({ provider: 'entra', code: 'AADSTS50011', confidence: 'exact' });
    expect(body.matches[0].cause).toMatch(/redirect URI/i);
    const cache = join(installed, 'node_modules', '.cache', 'oauth-error-bot', 'catalogs');
    expect(readdirSync(cache).length).toBe(
      readdirSync(join(installed, 'catalogs')).filter((f) => f.endsWith('.yaml')).length,
    );
  });

  it('scans a file', async () => {
    const log = join(work, 'app.log');
    writeFileSync(
      log,
      'GET /callback 400\ntoken request failed: {"error":"invalid_grant","error_description":"AADSTS70008: expired"}\n',
    );
    const result = await installedCli(['scan', log]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${log}: 1 error`);
    expect(result.stdout).toContain('AADSTS70008 (entra)');
    expect(result.stdout).toContain('Cause: ');
  });

  it('validates its catalogs', async () => {
    const result = await installedCli(['catalogs', 'validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Catalogs are valid: \d+ providers, \d+ entries/);
  });
});
