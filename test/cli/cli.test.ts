import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const paste = (name: string) => fileURLToPath(new URL(`../fixtures/pastes/${name}`, import.meta.url));

describe('lookup', () => {
  it('prints the contract JSON, best match first', async () => {
    const run = await cli(['lookup', 'AADSTS50011', '--json']);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body.query).toBe('AADSTS50011');
    expect(body.matches[0]).toMatchObject({
      provider: 'entra',
      code: 'AADSTS50011',
      confidence: 'exact',
      method: 'code',
      score: 1,
    });
    expect(Object.keys(body.matches[0]).sort()).toEqual(
      ['cause', 'code', 'confidence', 'links', 'method', 'provider', 'resolution', 'score', 'title'].sort(),
    );
    expect(body.matches[0].links[0].url).toMatch(/^https:\/\//);
  });

  it('is readable by default', async () => {
    const run = await cli(['lookup', 'invalid_grant', '--provider', 'oauth2', '--limit', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^invalid_grant \(oauth2\)/);
    expect(run.stdout).toContain('Resolution:');
  });

  it('joins several words into one query and says when nothing matches', async () => {
    const run = await cli(['lookup', 'zzqx', 'wvvk']);
    expect(run).toMatchObject({ code: 0, stdout: 'No known OAuth error matches "zzqx wvvk".\n' });
  });

  it('rejects an empty query with exit 1 and a missing one with exit 2', async () => {
    expect(await cli(['lookup', '  '])).toMatchObject({ code: 1, stdout: '' });
    expect((await cli(['lookup', ''])).stderr).toContain('The query is empty');
    const usage = await cli(['lookup']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing required argument 'query'");
  });

  it('rejects an unknown provider and a bad limit', async () => {
    const provider = await cli(['lookup', 'x', '--provider', 'nope']);
    expect(provider.code).toBe(1);
    expect(provider.stderr).toContain('Unknown provider "nope". Known providers:');
    expect((await cli(['lookup', 'x', '--limit', '0'])).code).toBe(2);
  });

  it('exits 2 on an unknown command and 0 for help', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lookup');
  });
});

describe('scan', () => {
  it('reports every distinct error of each file in the contract JSON', async () => {
    const run = await cli(['scan', paste('mixed-service.log'), paste('entra-token-error.json'), '--json']);
    expect(run.code).toBe(0);
    const { files } = JSON.parse(run.stdout);
    expect(files.map((f: { file: string }) => f.file)).toEqual([
      paste('mixed-service.log'),
      paste('entra-token-error.json'),
    ]);
    const sure = files[0].findings.filter((f: { confidence: string }) => f.confidence !== 'weak');
    const codes = sure.map((f: { provider: string; code: string }) => `${f.provider}:${f.code}`);
    // One short log of an Okta-integrated service: its generic codes are read as Okta's.
    expect(codes.sort()).toEqual(['okta:E0000011', 'okta:access_denied', 'okta:invalid_client']);
    const okta = files[0].findings.find((f: { code: string }) => f.code === 'E0000011');
    expect(okta).toMatchObject({ confidence: 'exact', method: 'code', line: 4 });
    expect(okta.excerpt).toContain('E0000011');
    // The contract's fields, unchanged; fields are only ever added after them.
    const contract = ['provider', 'code', 'title', 'confidence', 'method', 'score', 'line', 'excerpt'];
    expect(Object.keys(okta).slice(0, contract.length)).toEqual(contract);
    expect(okta).toMatchObject({ provider: 'okta', title: expect.any(String), score: expect.any(Number) });
    const entra = files[1].findings.map((f: { provider: string; code: string }) => `${f.provider}:${f.code}`);
    expect(entra).toContain('entra:AADSTS70008');
    expect(files[1].support).toMatchObject({
      traceId: '2e4a6f3c-9b1d-4c7e-8a2f-1d3e5b7c9f01',
      correlationId: '8c0d2e4f-6a1b-4c3d-9e5f-7a9b1c3d5e7f',
    });
  });

  it("carries each finding's full entry in JSON: how often, where first, cause, resolution, links", async () => {
    const run = await cli(['scan', paste('entra-token-error.json'), '--json']);
    const [finding] = JSON.parse(run.stdout).files[0].findings;
    // Line 3 (AADSTS70008 in error_description), 4 (error_codes [70008]) and 9 (error_uri ...?code=70008).
    expect(finding).toMatchObject({ code: 'AADSTS70008', occurrences: 3, firstLine: 3, line: 3 });
    expect(finding.cause).toMatch(/expired after a period of inactivity/);
    expect(finding.resolution.length).toBeGreaterThan(0);
    expect(finding.links[0].url).toMatch(/^https:\/\//);
  });

  it('explains each distinct error: how often, first line, short cause, first step, one link', async () => {
    const log = [
      'boot',
      'token call failed: AADSTS70008 expired',
      'retry',
      'token call failed again: AADSTS70008',
    ].join('\n');
    const run = await cli(['scan'], { stdin: log });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('<stdin>: 1 error');
    expect(lines[1]).toBe('  AADSTS70008 (entra) ExpiredOrRevokedGrant: 2 times, first on line 2 [exact, code]');
    expect(lines[2]).toBe('    line 2: token call failed: AADSTS70008 expired');
    // The first sentence of the cause, not all of it.
    expect(lines[3]).toMatch(/^ {4}Cause: [^.]+\.$/);
    expect(lines[4]).toMatch(/^ {4}Fix: \S/);
    expect(lines[5]).toMatch(/^ {4}.+: https:\/\/\S+$/);
    expect(lines[6]).toBe('');
  });

  it('lists weak findings under a "possible" heading, and --sure leaves them out', async () => {
    const all = await cli(['scan', paste('mixed-service.log')]);
    const [sure, possible] = all.stdout.split('  Possible (');
    expect(sure).toContain('E0000011 (okta)');
    expect(sure).not.toContain('[weak,');
    expect(possible).toContain('[weak,');
    expect(possible).not.toMatch(/\[(exact|strong),/);
    const onlySure = await cli(['scan', paste('mixed-service.log'), '--sure']);
    expect(onlySure.stdout).not.toContain('Possible');
    expect(onlySure.stdout).not.toContain('[weak,');
    expect(onlySure.stdout).toContain('E0000011 (okta)');
    const json = JSON.parse((await cli(['scan', paste('mixed-service.log'), '--sure', '--json'])).stdout);
    expect(json.files[0].findings.map((f: { confidence: string }) => f.confidence)).not.toContain('weak');
  });

  it('reads stdin when no file is given, or for -', async () => {
    for (const args of [['scan'], ['scan', '-']]) {
      const run = await cli(args, { stdin: 'redirect failed: error=redirect_uri_mismatch from accounts.google.com' });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('redirect_uri_mismatch (google)');
    }
  });

  it('finds nothing in ordinary chat and other systems errors', async () => {
    const run = await cli(['scan', paste('negatives.txt'), '--json']);
    const strong = JSON.parse(run.stdout).files[0].findings.filter(
      (f: { confidence: string }) => f.confidence !== 'weak',
    );
    expect(strong).toEqual([]);
  });

  it('reports missing and binary files with exit 1 and still scans the others', async () => {
    const run = await cli(['scan', '/no/such/file.log', paste('binary.bin'), paste('entra-token-error.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot read /no/such/file.log: no such file');
    expect(run.stderr).toContain('binary.bin: it is a binary file');
    expect(run.stdout).toContain('AADSTS70008');
  });
});

describe('catalogs validate', () => {
  it('summarises the built-in catalogs', async () => {
    const run = await cli(['catalogs', 'validate']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Catalogs are valid: \d+ providers, \d+ entries/);
  });
});

describe('a broken file in CATALOGS_DIR', () => {
  /** A team's folder: the fixture missing `cause`, beside a valid file of the team's own provider. */
  function teamCatalogs(): string {
    const dir = mkdtempSync(join(tmpdir(), 'team-catalogs-'));
    cpSync(
      fileURLToPath(new URL('../fixtures/catalogs/broken/missing-field/demo.yaml', import.meta.url)),
      join(dir, 'demo.yaml'),
    );
    writeFileSync(
      join(dir, 'acme.yaml'),
      [
        'provider: { id: acme, name: Acme SSO, version: 2026.12.1 }',
        'entries:',
        '  - code: ACME_TOKEN_STALE',
        '    title: The Acme token is stale',
        '    cause: The token was issued before the last key rotation.',
        '    resolution: [Sign in again.]',
        '    links: [{ title: Acme errors, url: "https://acme.example/errors" }]',
      ].join('\n'),
    );
    return dir;
  }

  it('is reported with file, entry and field, and lookups go on with the other catalogs', async () => {
    const env = { CATALOGS_DIR: teamCatalogs() };
    const builtIn = await cli(['lookup', 'AADSTS50011', '--json'], { env });
    expect(builtIn.code).toBe(0);
    expect(JSON.parse(builtIn.stdout).matches[0].code).toBe('AADSTS50011');
    expect(builtIn.stderr).toMatch(/demo\.yaml, entry demo_error, field cause: is required/);
    expect(builtIn.stderr).toContain('Answering from the rest of the catalogs');
    const team = await cli(['lookup', 'ACME_TOKEN_STALE'], { env });
    expect(team.stdout).toMatch(/^ACME_TOKEN_STALE \(acme\) The Acme token is stale/);
    const scan = await cli(['scan'], { env, stdin: 'login failed: AADSTS50011 redirect mismatch' });
    expect(scan.stdout).toContain('AADSTS50011');
    expect(scan.stderr).toContain('field cause: is required');
  });

  it('still fails `catalogs validate`', async () => {
    const run = await cli(['catalogs', 'validate'], { env: { CATALOGS_DIR: teamCatalogs() } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/demo\.yaml, entry demo_error, field cause: is required/);
  });
});
