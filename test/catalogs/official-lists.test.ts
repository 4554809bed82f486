import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/domain/catalog.js';
import { createResolver, type Resolver } from '../../src/domain/resolver.js';

/**
 * The independent lists of official codes (../shared/reference/<provider>.tsv beside this checkout,
 * rows `code<TAB>title<TAB>source`): every code must be the first answer of `lookup <code> --provider <id>`,
 * from a catalog entry, not the unknown-code fallback. The lists stay outside the repository; the codes
 * we cover are kept in test/fixtures/reference/<provider>.txt (coverage.test.ts).
 */
const REFERENCE_DIR = new URL('../../../shared/reference/', import.meta.url);
const present = existsSync(REFERENCE_DIR);

interface Row {
  code: string;
  title: string;
}

function officialLists(): [string, Row[]][] {
  if (!present) return [];
  return readdirSync(REFERENCE_DIR)
    .filter((file) => file.endsWith('.tsv'))
    .sort()
    .map((file) => {
      const rows = readFileSync(new URL(file, REFERENCE_DIR), 'utf8')
        .split('\n')
        .map((line) => line.replace(/\r$/, '').split('\t'))
        .filter(([code]) => code?.trim() && code.trim() !== 'code')
        .map(([code, title]) => ({ code: (code as string).trim(), title: title?.trim() ?? '' }));
      return [file.replace(/\.tsv$/, ''), rows] as [string, Row[]];
    });
}

const lists = officialLists();

let resolver: Resolver;
beforeAll(async () => {
  resolver = createResolver(await loadCatalogs());
});

describe('official code lists (../shared/reference)', () => {
  it.skipIf(!present)('holds a list for some provider', () => {
    expect(lists.length).toBeGreaterThan(0);
  });

  for (const [provider, rows] of lists) {
    it.skipIf(!present)(`${provider}: every official code (${rows.length}) is found first with --provider`, () => {
      expect(resolver.catalog.providers.has(provider), `no catalog for ${provider}`).toBe(true);
      const wrong = rows
        .map(({ code }) => {
          const [first] = resolver.lookup(code, { provider, limit: 5 });
          if (!first) return `${code}: nothing found`;
          if (first.provider !== provider || first.code !== code || !first.entry)
            return `${code}: first is ${first.provider}:${first.code}${first.entry ? '' : ' (no entry)'}`;
          return undefined;
        })
        .filter((problem) => problem !== undefined);
      expect(wrong).toEqual([]);
    });
  }
});

/** What a scan reports as sure (exact or strong), as provider:code. */
const sure = (text: string) =>
  resolver
    .scan(text)
    .findings.filter((finding) => finding.confidence !== 'weak')
    .map((finding) => `${finding.provider}:${finding.code}`);

describe('codes added for the official lists, in logs', () => {
  it('an Auth0 tenant log event names its event type', () => {
    const log =
      '{"date":"2026-12-01T10:00:00.000Z","type":"fsa","description":"Login required","client_id":"aBc","hostname":"acme.eu.auth0.com"}';
    expect(sure(log)).toContain('auth0:fsa');
    expect(sure('auth0 log stream: type=gd_send_sms_failure connection=sms user_id=sms|123')).toContain(
      'auth0:gd_send_sms_failure',
    );
  });

  it('an Okta authorize error redirect, a Keycloak event and a Cognito trigger failure', () => {
    const okta =
      'GET https://acme.okta.com/oauth2/default/v1/authorize?client_id=0oa1 302 -> /cb?error=consent_required&error_description=The+following+scopes+require+user+consent%3A+%5Bokta.users.read%5D.';
    expect(sure(okta)).toContain('okta:consent_required');
    const keycloak =
      '2026-12-01 10:00:01 WARN [org.keycloak.events] (executor-thread-3) type=LOGIN_ERROR, realmId=acme, clientId=web, userId=null, error=already_logged_in';
    expect(sure(keycloak)).toEqual(['keycloak:already_logged_in']);
    const cognito =
      'CognitoIdentityProviderClient SignUpCommand failed: UserLambdaValidationException: PreSignUp failed with error Domain not allowed.';
    expect(sure(cognito)).toEqual(['cognito:UserLambdaValidationException']);
  });

  it('lookups with --provider find short and standard codes as that provider spells them', () => {
    for (const [code, provider] of [
      ['fp', 'auth0'],
      ['w', 'auth0'],
      ['bad.connection', 'auth0'],
      ['invalid_scope', 'cognito'],
      ['unsupported_token_type', 'keycloak'],
      ['need_info', 'oauth2'],
      ['jit_failure_missing_fields', 'okta'],
    ] as const) {
      const [first] = resolver.lookup(code, { provider });
      expect(`${first?.provider}:${first?.code}:${first?.confidence}`).toBe(`${provider}:${code}:exact`);
    }
  });

  it('ordinary words and shared names of these entries make no sure finding without their provider', () => {
    const unrelated = [
      'An error occurred (ForbiddenException) when calling the GetRole operation: Forbidden',
      'Exception in thread "main" java.lang.UnsupportedOperationException\n\tat java.util.AbstractList.add(AbstractList.java:148)',
      '[Nest] 4127  - ERROR [ExceptionsHandler] ForbiddenException: Forbidden resource',
      'Warning  FailedMount  pod/web-1  request_denied by admission policy; transaction_failed; need_info; invalid_user',
      'rm -f /tmp/build.lock && fd -e ts src | xargs wc -l; w; fs.readFileSync failed; fn returned undefined',
      'sqlalchemy.exc.OperationalError: already_logged_in flag set; org_not_found for tenant 42; credential_not_found',
    ];
    for (const text of unrelated) expect(sure(text), text).toEqual([]);
  });

  // A Node stack trace from @auth0/ packages ("at fn (...)", "node:fs") or a shell line near an auth0.com URL:
  // short context-bound codes count in pasted text only as a field's value (`"type": "fp"`), near Auth0.
  it('short Auth0 event types do not fire on ordinary tokens next to an Auth0 hint', () => {
    const stack = [
      'Error: Login required',
      '    at Auth0Client.getTokenSilently (node_modules/@auth0/auth0-spa-js/dist/auth0-spa-js.production.esm.js:1:2345)',
      '    at fn (webpack-internal:///./src/api.js:12:5)',
      '    at Object.readFileSync (node:fs:469:35)',
    ].join('\n');
    expect(sure(stack).filter((finding) => /^auth0:f[a-z]?$/.test(finding))).toEqual([]);
    const log =
      '{"type":"fp","description":"Wrong email or password.","client_name":"web","hostname":"acme.us.auth0.com"}';
    expect(sure(log)).toContain('auth0:fp');
  });
});
