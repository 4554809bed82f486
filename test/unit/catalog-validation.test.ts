import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/domain/catalog.js';
import { CatalogError } from '../../src/errors.js';
import { cli } from '../helpers/cli.js';

const broken = (name: string) => fileURLToPath(new URL(`../fixtures/catalogs/broken/${name}/`, import.meta.url));

// Each broken fixture and the line a catalog author sees for it: file, entry, field and what is wrong.
const cases: [string, RegExp][] = [
  ['yaml-syntax', /broken\/yaml-syntax\/demo\.yaml: YAML syntax: deficient indentation \(line 4, column 1\)/],
  ['duplicate-key', /duplicate-key\/demo\.yaml: YAML syntax: duplicated mapping key \(line 9, column 5\)/],
  ['missing-field', /missing-field\/demo\.yaml, entry demo_error, field cause: is required/],
  ['bad-url', /bad-url\/demo\.yaml, entry demo_error, field links\.0\.url: must be an https:\/\/ URL/],
  ['duplicate-code', /duplicate-code\/demo\.yaml, entry demo_error, field context: the code appears 2 times/],
  ['bad-pattern', /bad-pattern\/demo\.yaml, field provider\.patterns\.0: is not a valid regular expression/],
  ['unknown-key', /unknown-key\/demo\.yaml, entry demo_error, field resolutions: unknown field/],
  ['unknown-common', /unknown-common\/demo\.yaml, field provider\.common\.1: unknown code "demo_eror"/],
  [
    'unknown-server',
    /unknown-server\/demo\.yaml, field provider\.servers\.0: no catalog defines provider "demo-server"/,
  ],
  [
    'duplicate-provider',
    /duplicate-provider\/b\.yaml, field provider\.id: provider "demo" is already defined in a\.yaml/,
  ],
];

describe('broken catalogs', () => {
  it.each(cases)('%s: validate exits 1 naming file, entry and field', async (name, expected) => {
    const run = await cli(['catalogs', 'validate', broken(name)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(expected);
  });

  it('loading throws a CatalogError with every problem of every folder', async () => {
    const error = await loadCatalogs([broken('missing-field'), broken('bad-url')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).problems.map((p) => p.field)).toEqual(['cause', 'links.0.url']);
  });

  it('a missing folder is a problem, not a crash', async () => {
    const run = await cli(['catalogs', 'validate', '/nonexistent/catalogs']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot read catalog folder: ENOENT');
  });
});
