import { describe, expect, it } from 'vitest';
import { ProviderContext } from '../../src/domain/provider-context.js';

describe('ProviderContext.distance', () => {
  it('measures to the nearest hint on either side, whatever order the hints were added in', () => {
    const context = new ProviderContext(100);
    // Hints from the text come first in line order; hints from codes found in it are added after.
    for (const line of [10, 50, 90]) context.add('entra', line);
    for (const line of [30, 70]) context.add('entra', line);
    expect(context.distance('entra', 33)).toBe(3);
    expect(context.distance('entra', 68)).toBe(2);
    expect(context.distance('entra', 1)).toBe(9);
    expect(context.distance('entra', 100)).toBe(10);
    expect(context.distance('entra', 50)).toBe(0);
    expect(context.near('entra', 40, 9)).toBe(false);
    expect(context.near('entra', 40, 10)).toBe(true);
  });

  it('is 0 for a provider asked for and Infinity for one never hinted', () => {
    const context = new ProviderContext(100);
    context.prefer('okta');
    expect(context.distance('okta', 77)).toBe(0);
    expect(context.distance('auth0', 77)).toBe(Number.POSITIVE_INFINITY);
  });
});
