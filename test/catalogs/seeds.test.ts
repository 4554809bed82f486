import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/domain/catalog.js';
import { createResolver, type Resolver } from '../../src/domain/resolver.js';
import seeds from '../fixtures/seed-errors.json' with { type: 'json' };

const SEEDS_DIR = new URL('../../../shared/seeds/', import.meta.url);
const groups = Object.entries(seeds).filter(([key]) => !key.startsWith('$')) as [string, string[]][];

let resolver: Resolver;
beforeAll(async () => {
  resolver = createResolver(await loadCatalogs());
});

describe('every error in the seed documents resolves', () => {
  for (const [group, codes] of groups) {
    const [provider, context] = group.split('@') as [string, string | undefined];
    it.each(codes)(`${group}: %s`, (code) => {
      const matches = resolver.lookup(code, { provider, limit: 10 });
      const match = matches.find((m) => !context || m.entry?.context?.id === context);
      expect(match, `no ${group} answer for ${code}`).toBeDefined();
      expect(match?.confidence).not.toBe('weak');
      // Entra seed names are error names: they resolve to the AADSTS code that carries them as alias.
      if (provider === 'entra') {
        expect(match?.code).toMatch(/^AADSTS\d+$/);
        expect(match?.entry?.aliases).toContain(code);
      } else {
        expect(match?.code).toBe(code);
      }
      expect(match?.entry?.cause.length).toBeGreaterThan(20);
      expect(match?.links.length).toBeGreaterThan(0);
    });
  }
});

// Keeps the fixture honest: re-extract names from the seeds (when this checkout sits beside them).
describe.runIf(existsSync(SEEDS_DIR))('the seed list covers the seed documents', () => {
  const text = (prefix: string) => {
    const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith(prefix)) as string;
    return readFileSync(new URL(name, SEEDS_DIR), 'utf8');
  };
  const listed = (group: string) => new Set(seeds[group as keyof typeof seeds] as string[]);
  const notHeader = (name: string) => !['Problem', 'Resolution'].includes(name);

  it('NetSuite refresh-token tables (000: OIDC provider, 001: OAuth 2.0 integrations)', () => {
    const oidc = [...text('000').matchAll(/^([A-Z][A-Za-z]+) \|$/gm)].map((m) => m[1] as string).filter(notHeader);
    const integrations = [...text('001').matchAll(/^([A-Z][a-z]+(?:[A-Z][A-Za-z]*)+)$/gm)].map((m) => m[1] as string);
    expect(oidc.length).toBeGreaterThan(10);
    expect(integrations.length).toBeGreaterThan(10);
    for (const name of oidc) expect(listed('netsuite-oauth2@oidc-provider')).toContain(name);
    for (const name of integrations) expect(listed('netsuite-oauth2@oauth2-integration')).toContain(name);
  });

  it('TBA table (002)', () => {
    const names = [...text('002').matchAll(/^([A-Z][a-z]+(?:[A-Z][A-Za-z]*)+)(?: <<--[\w-]+-->>)? \|$/gm)].map(
      (m) => m[1] as string,
    );
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(listed('netsuite-tba')).toContain(name);
  });

  it('Entra and Okta names (003)', () => {
    const names = [...text('003').matchAll(/\b([A-Z][a-z]+(?:[A-Z][A-Za-z0-9]*)+) ?- /g)].map((m) => m[1] as string);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect(listed('entra')).toContain(name);
    for (const code of text('003').match(/E0000\d+/g) ?? []) expect(listed('okta')).toContain(code);
  });
});
