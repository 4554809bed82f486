import { describe, expect, it } from 'vitest';
import { findSecrets, maskSecrets, secretKinds } from '../../src/domain/secrets.js';
import { extractSupportIds } from '../../src/domain/support-ids.js';

// Obviously fake credentials in the shapes real ones take.
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3Rz';
const SLACK = ['xoxb', '000000000000', '000000000000', 'FAKEfakeFAKEfake'].join('-');

describe('secrets in pasted text', () => {
  const cases: [string, string, string][] = [
    [
      'client-secret',
      'client_id=abc&client_secret=FAKE-s3cr3t-value&grant_type=client_credentials',
      'FAKE-s3cr3t-value',
    ],
    ['client-secret', '{"client_secret": "FAKEsecretValue123"}', 'FAKEsecretValue123'],
    [
      'refresh-token',
      'grant_type=refresh_token&refresh_token=0.FAKE-refresh-token-abcdef',
      '0.FAKE-refresh-token-abcdef',
    ],
    ['bearer-token', `Authorization: Bearer ${JWT}`, JWT],
    ['jwt', `id_token_hint=${JWT}`, JWT],
    ['slack-token', `token=${SLACK}`, SLACK],
    ['url-password', 'DATABASE_URL=postgres://app:FakePassw0rd@db.internal:5432/app', 'FakePassw0rd'],
    ['aws-access-key', 'aws_access_key_id = AKIAFAKEFAKEFAKEFAKE', 'AKIAFAKEFAKEFAKEFAKE'],
    [
      'entra-client-secret',
      'secret: abc8Q~FAKEfakeFAKEfakeFAKEfakeFAKEfake12',
      'abc8Q~FAKEfakeFAKEfakeFAKEfakeFAKEfake12',
    ],
    ['github-token', 'remote: ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234', 'ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234'],
    ['private-key', '-----BEGIN PRIVATE KEY-----\nMIIFAKE\n-----END PRIVATE KEY-----', '\nMIIFAKE\n'],
  ];
  for (const [kind, text, secret] of cases) {
    it(`finds ${kind} and masks it without repeating it`, () => {
      expect(secretKinds(text).map((k) => k.id)).toContain(kind);
      const masked = maskSecrets(text);
      expect(masked).not.toContain(secret);
      expect(masked).toContain('[redacted ');
    });
  }

  it('leaves placeholders, error text and identifiers alone', () => {
    for (const text of [
      'client_secret=<client_secret>&refresh_token=xxxxxx',
      'password: ********',
      "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'a1b2c3d4-0000-0000-0000-000000000000'.",
      'Trace ID: 0b3c1d2e-1111-2222-3333-444455556666 Correlation ID: 9f8e7d6c-1111-2222-3333-444455556666',
      'grant_type=refresh_token&client_id=abc',
      'remote: Invalid username or password.',
      'client_secret: ***REDACTED***, password=***REDACTED***',
      'permissions:\n  id-token: write\n  contents: read',
    ]) {
      expect(findSecrets(text), text).toEqual([]);
      expect(maskSecrets(text)).toBe(text);
    }
  });

  it('a JWT after Bearer counts once', () => {
    expect(findSecrets(`Bearer ${JWT}`)).toHaveLength(1);
  });
});

describe('support ids never copy a credential', () => {
  it('takes an Okta errorId of its own shape only', () => {
    expect(extractSupportIds('"errorId":"oae2k9ljJ0xQo6ZzPvpr1rLbg"').oktaErrorId).toBe('oae2k9ljJ0xQo6ZzPvpr1rLbg');
    expect(extractSupportIds(`errorId=${SLACK}`).oktaErrorId).toBeUndefined();
    expect(extractSupportIds(`errorId: ${JWT}`).oktaErrorId).toBeUndefined();
  });
});
