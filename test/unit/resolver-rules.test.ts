import { beforeAll, describe, expect, it } from 'vitest';
import type { Resolver } from '../../src/domain/resolver.js';
import { miniResolver } from '../helpers/mini-resolver.js';

let resolver: Resolver;
beforeAll(async () => {
  resolver = await miniResolver();
});

const brief = (matches: { provider: string; code: string; confidence: string; method: string }[]) =>
  matches.map((m) => `${m.provider}:${m.code}:${m.confidence}:${m.method}`);

describe('lookup', () => {
  it('finds a code exactly, in any case', () => {
    expect(brief(resolver.lookup('AADSTS50011'))[0]).toBe('entra:AADSTS50011:exact:code');
    expect(brief(resolver.lookup('aadsts50011'))[0]).toBe('entra:AADSTS50011:exact:code');
    expect(resolver.lookup('AADSTS50011')[0]?.score).toBe(1);
  });

  it('resolves the bare number and the error name of an Entra code', () => {
    expect(brief(resolver.lookup('50011'))[0]).toBe('entra:AADSTS50011:strong:alias');
    expect(brief(resolver.lookup('InvalidReplyTo'))[0]).toBe('entra:AADSTS50011:strong:alias');
  });

  it('never fuzzes digits: an unknown AADSTS code says so and links Microsoft lookup', () => {
    const [match, ...rest] = resolver.lookup('AADSTS50057');
    expect(rest).toEqual([]);
    expect(match?.entry).toBeUndefined();
    expect(match?.title).toContain('not in our');
    expect(match?.links[0]?.url).toBe('https://login.microsoftonline.com/error?code=50057');
    expect(resolver.lookup('AADSTS50056').map((m) => m.code)).toEqual(['AADSTS50056']);
  });

  it('fuzzy matching catches typos, as weak, standard first', () => {
    const [best] = resolver.lookup('invlid_grant');
    expect(best).toMatchObject({ provider: 'oauth2', code: 'invalid_grant', confidence: 'weak', method: 'fuzzy' });
    expect(best?.score).toBeLessThan(0.8);
  });

  it('reports a generic code as the standard and lists the providers that give it their own meaning', () => {
    const matches = resolver.lookup('invalid_grant');
    expect(brief(matches)[0]).toBe('oauth2:invalid_grant:exact:code');
    expect(matches[0]?.alternatives.map((a) => a.provider).sort()).toEqual(['entra', 'okta']);
    expect(
      matches
        .slice(1)
        .map((m) => m.provider)
        .sort(),
    ).toEqual(['entra', 'okta']);
  });

  it('filters by provider', () => {
    expect(brief(resolver.lookup('invalid_grant', { provider: 'okta' }))).toEqual(['okta:invalid_grant:exact:code']);
  });

  it('matches a documented message with its placeholders filled', () => {
    const text =
      "The redirect URI 'https://app.example.com/cb?x=1' specified in the request does not match the redirect URIs configured for the application '6731de76-14a6-49ae-97bc-6eba6914391e'.";
    expect(brief(resolver.lookup(text))[0]).toBe('entra:AADSTS50011:strong:template');
  });

  it('returns nothing for text that names no error', () => {
    expect(resolver.lookup('good morning team')).toEqual([]);
  });
});

describe('scan', () => {
  it('attributes a generic code to the provider the text points at', () => {
    const okta =
      'POST https://dev-1.okta.com/oauth2/v1/token 400 {"error":"invalid_grant","error_description":"The authorization code is invalid or has expired."}';
    expect(brief(resolver.scan(okta).findings)).toEqual(['okta:invalid_grant:strong:code']);
    const entra =
      'login.microsoftonline.com said {"error":"invalid_grant","error_description":"AADSTS70000: bad grant"}';
    expect(brief(resolver.scan(entra).findings)).toEqual([
      'entra:AADSTS70000:exact:code',
      'entra:invalid_grant:strong:code',
    ]);
  });

  it('reports a generic code without context as the standard error', () => {
    expect(brief(resolver.scan('callback?error=invalid_client&state=xyz').findings)).toEqual([
      'oauth2:invalid_client:exact:code',
    ]);
  });

  it('finds every distinct error once, with the first line it was on', () => {
    const log = ['start', 'AADSTS50011 again', 'then AADSTS50058', 'and AADSTS50011', 'E0000011'].join('\n');
    const findings = resolver.scan(log).findings;
    expect(findings.map((f) => [f.code, f.line])).toEqual([
      ['AADSTS50011', 2],
      ['AADSTS50058', 3],
      ['E0000011', 5],
    ]);
    expect(findings[0]?.excerpt).toBe('AADSTS50011 again');
  });

  it('needs provider context for ordinary-word names and bare numbers in pasted text', () => {
    const s3 = 'S3 responded 307 TemporaryRedirect for bucket 50011 objects';
    expect(resolver.scan(s3).findings.every((f) => f.confidence === 'weak')).toBe(true);
    const entra = 'Entra sign-in failed: TemporaryRedirect, error_codes [50011]';
    expect(brief(resolver.scan(entra).findings).sort()).toEqual([
      'entra:AADSTS50011:strong:alias',
      'entra:AADSTS50076:strong:alias',
    ]);
  });

  it('pulls out the ids a support ticket needs', () => {
    const page = [
      'AADSTS50011: The redirect URI does not match.',
      'Trace ID: 0f6c3b8a-1111-4c2e-9a77-5e0d9a3c2b00',
      'Correlation ID: 7b1e2d3c-2222-4a5b-8c9d-0e1f2a3b4c5d',
      'Timestamp: 2026-11-20 10:15:42Z',
    ].join('\n');
    expect(resolver.scan(page).support).toEqual({
      traceId: '0f6c3b8a-1111-4c2e-9a77-5e0d9a3c2b00',
      correlationId: '7b1e2d3c-2222-4a5b-8c9d-0e1f2a3b4c5d',
      timestamp: '2026-11-20 10:15:42Z',
    });
    expect(resolver.scan('{"errorCode":"E0000011","errorId":"oaeAbCdEf123456"}').support).toEqual({
      oktaErrorId: 'oaeAbCdEf123456',
    });
  });

  it('shows provider notices with every answer of that provider', () => {
    const [finding] = resolver.scan('oauth_signature rejected: InvalidSignature').findings;
    expect(finding?.notices).toEqual(['New TBA integrations cannot be created from 2027.1 on.']);
  });
});
