import { describe, expect, it } from 'vitest';
import type { LoadedEntry } from '../../src/domain/findings.js';
import { createFuzzyIndex } from '../../src/domain/fuzzy.js';
import { madeUpEntry } from '../helpers/made-up-entry.js';

/** A made-up entry; only the fields the fuzzy index reads matter. */
const entry = (provider: string, code: string, aliases: string[] = [], requires_context = false): LoadedEntry =>
  madeUpEntry(provider, code, { aliases, requires_context });

describe('fuzzy index: a typo of a code in several catalogs', () => {
  // One code in several catalogs with the same aliases is scored once by fuse.js and answered for each.
  const entries = [
    entry('alpha', 'widget_gone_missing', ['WidgetGoneMissing']),
    entry('beta', 'widget_gone_astray'),
    entry('gamma', 'widget_gone_missing', ['WidgetGoneMissing']),
    entry('delta', 'widget_gone_missing', ['WidgetGoneMissing'], true),
    entry('epsilon', 'widget_gone_missing'),
  ];
  const index = createFuzzyIndex(entries);

  it('answers every catalog of the code, with one score for the same fields, in catalog order', () => {
    const found = index.search('widget_gone_misisng');
    const same = found.filter(({ entry }) => entry.code === 'widget_gone_missing' && entry.aliases.length === 1);
    expect(same.map(({ entry }) => entry.provider)).toEqual(['alpha', 'gamma', 'delta']);
    const [alpha, gamma, delta] = same.map(({ score }) => score);
    expect(alpha).toBeGreaterThan(0.5);
    expect(gamma).toBe(alpha);
    // An entry that needs context is scored a little lower than the same fields without.
    expect(delta).toBeCloseTo((alpha as number) * 0.95, 10);
    // The same code without the alias is other fields: scored on its own, and still found.
    expect(found.some(({ entry }) => entry.provider === 'epsilon')).toBe(true);
    expect(found[0]?.entry.code).toBe('widget_gone_missing');
  });
});
