import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/domain/catalog.js';
import { collectHits } from '../../src/domain/hits.js';
import { buildIndex, type ResolverIndex } from '../../src/domain/resolver-index.js';

let index: ResolverIndex;
beforeAll(async () => {
  index = buildIndex(await loadCatalogs());
});

const tokens = (text: string) =>
  collectHits(index, text).hits.flatMap((hit) => ('token' in hit ? [`${hit.line}:${hit.token}`] : []));

describe('collectHits', () => {
  it('keeps a distinctive code once, wherever it recurs', () => {
    expect(tokens('AADSTS50011 here\nAADSTS50011 again\nand AADSTS50011')).toEqual(['1:AADSTS50011']);
  });

  it('keeps a code whose meaning depends on context once per line, since the next line may be another provider', () => {
    expect(tokens('invalid_grant, invalid_grant\nok\ninvalid_grant')).toEqual(['1:invalid_grant', '3:invalid_grant']);
  });

  it('stops keeping a repeated context-bound code after 500 lines, so a huge log costs no more than a long one', () => {
    const log = Array.from({ length: 2000 }, (_, i) => `req ${i} failed: invalid_grant`).join('\n');
    const kept = tokens(log).filter((token) => token.endsWith(':invalid_grant'));
    expect(kept).toHaveLength(500);
    expect(kept.at(-1)).toBe('500:invalid_grant');
  });

  it('counts the later lines a kept token or message recurs on, once per line', () => {
    const log = [
      'AADSTS50011 here, AADSTS50011 twice',
      'Invalid token provided',
      'and AADSTS50011 again',
      'Invalid token provided, once more',
      'AADSTS50011: still',
    ].join('\n');
    const { hits, repeats } = collectHits(index, log);
    const code = hits.find((hit) => 'token' in hit && hit.token === 'AADSTS50011');
    const message = hits.find((hit) => hit.kind === 'template' && hit.template.entry.code === 'E0000011');
    expect(code && repeats.get(code)).toEqual([3, 5]);
    expect(message && repeats.get(message)).toEqual([4]);
  });

  it('counts a context-bound code beyond its 500 kept lines against the last one kept', () => {
    const log = Array.from({ length: 2000 }, (_, i) => `req ${i} failed: invalid_grant`).join('\n');
    const { hits, repeats } = collectHits(index, log);
    const last = hits.filter((hit) => 'token' in hit && hit.token === 'invalid_grant').at(-1);
    expect(last && repeats.get(last)).toHaveLength(1500);
  });
});
