import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/** A pasted log scanned from a terminal: excerpts show where each error is, with credentials masked. */
describe('scan never repeats a credential', () => {
  it('masks a client secret and a bearer token in excerpts, text and JSON alike', async () => {
    const secret = 'FAKE-s3cret-value-0042';
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3Rz';
    const log = [
      `POST https://login.microsoftonline.com/common/oauth2/v2.0/token client_secret=${secret} -> AADSTS7000215: Invalid client secret provided.`,
      `GET /me Authorization: Bearer ${jwt} -> 401 {"error":"invalid_token"}`,
    ].join('\n');
    for (const args of [['scan'], ['scan', '--json']]) {
      const run = await cli(args, { stdin: log });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('AADSTS7000215');
      expect(run.stdout).toContain('[redacted');
      expect(run.stdout).not.toContain(secret);
      expect(run.stdout).not.toContain(jwt.slice(0, 30));
    }
  });
});
