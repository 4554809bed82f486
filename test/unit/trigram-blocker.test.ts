import { describe, expect, it } from 'vitest';
import { createTrigramBlocker } from '../../src/domain/trigram-blocker.js';

describe('trigram blocker', () => {
  it('ranks documents by the weight of the trigrams they share with the query', () => {
    const blocker = createTrigramBlocker(['invalid_grant', 'invalid_client', 'access_denied']);
    const [first, second] = blocker.candidates('invalid_gant', 2);
    expect(first?.id).toBe(0);
    expect(second?.id).toBe(1);
    expect(first?.similarity).toBeGreaterThan(second?.similarity ?? 1);
  });

  it('never cuts between candidates that score the same: one code in many catalogs', () => {
    // Thirty catalogs' invalid_grant, then other codes: the thirty are equally near the typo, and the one the
    // caller wants (the standard's, or a named provider's) may be the last of them in file order.
    const documents = [...Array.from({ length: 30 }, () => 'invalid_grant'), 'invalid_client', 'invalid_scope'];
    const found = createTrigramBlocker(documents).candidates('invalid_gant', 5);
    expect(found.map(({ id }) => id)).toEqual(Array.from({ length: 30 }, (_, id) => id));
    expect(
      createTrigramBlocker(documents)
        .candidates('invalid_scope', 1)
        .map(({ id }) => id),
    ).toEqual([31]);
  });
});
