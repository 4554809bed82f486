import type { DigestInputRow } from '../../src/domain/digest.js';

/** One row of a channel's digest window, as the store gives it: a Salesforce invalid_grant unless overridden. */
export const digestRow = (overrides: Partial<DigestInputRow>): DigestInputRow => ({
  provider: 'salesforce',
  code: 'invalid_grant',
  entryKey: 'salesforce:invalid_grant@refresh-token',
  count: 1,
  previousCount: 0,
  isNew: false,
  threadTs: '1.1',
  ...overrides,
});
