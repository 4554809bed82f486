import { beforeAll, describe, expect, it } from 'vitest';
import { WRAPPED_WIDTH } from '../../src/domain/broken-messages.js';
import type { Catalog } from '../../src/domain/catalog.js';
import { loadCatalogs } from '../../src/domain/catalog.js';
import { collectHits } from '../../src/domain/hits.js';
import { buildIndex, leadingLetter, type ResolverIndex } from '../../src/domain/resolver-index.js';
import { sameWordAnotherForm } from '../../src/domain/reworded-messages.js';

let catalog: Catalog;
let index: ResolverIndex;
beforeAll(async () => {
  catalog = await loadCatalogs();
  index = buildIndex(catalog);
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

  it("reads a code inside Markdown emphasis without the emphasis's underscores", () => {
    expect(tokens('error: _invalid_grant_')).toEqual(['1:invalid_grant']);
    expect(tokens('__AADSTS50011__ in the reply')).toEqual(['1:AADSTS50011']);
    expect(tokens('_INVALID_CLIENT: Client authentication failed_')).toEqual(['1:INVALID_CLIENT']);
  });

  it("keeps an underscore that is part of a name, not emphasis (a private field's, after a dot)", () => {
    expect(tokens('self._invalid_grant = True')).toEqual([]);
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

  it('skips the code-shape test only for tokens no shape can start with, so a shape that may start with a digit still finds its codes', () => {
    const log = 'ERROR 91234 at step 12\nAADSTS99999 unknown';
    const unknown = (from: ResolverIndex) =>
      collectHits(from, log).hits.flatMap((hit) => (hit.kind === 'unknown' ? [`${hit.provider.id}:${hit.token}`] : []));
    expect(unknown(index)).toEqual(['entra:AADSTS99999']);
    // A made-up shape that may also start with a digit: the digit-led token is tested and found.
    const providers = new Map(
      [...catalog.providers].map(([id, provider]) => [
        id,
        id === 'entra' ? { ...provider, patterns: ['AADSTS\\d{5,7}|9\\d{4}'] } : provider,
      ]),
    );
    expect(unknown(buildIndex({ ...catalog, providers }))).toEqual(['entra:91234', 'entra:AADSTS99999']);
  });
});

describe('the index of documented messages, built on first need', () => {
  const kinds = (text: string) =>
    collectHits(buildIndex(catalog), text).hits.map((hit) =>
      hit.kind === 'template' ? `message:${hit.template.entry.code}` : `${hit.kind}:${'token' in hit ? hit.token : ''}`,
    );

  it('a text of one token is read as a code without it, or as a message when one is that word', () => {
    expect(kinds('AADSTS50011')).toEqual(['code:AADSTS50011']);
    // Keycloak's error_description of temporarily_unavailable is one word.
    expect(kinds(' authentication_expired ')).toEqual(['message:temporarily_unavailable']);
  });

  it('a text of several tokens is read with it, also after a one-token text on the same index', () => {
    const index = buildIndex(catalog);
    expect(collectHits(index, 'AADSTS50011').hits).toHaveLength(1);
    const hits = collectHits(index, 'Keycloak error: Code not valid').hits;
    expect(hits.map((hit) => (hit.kind === 'template' ? hit.template.entry.code : hit.kind))).toContain(
      'invalid_grant',
    );
  });
});

describe('leadingLetter', () => {
  it('reads the letter a pattern plainly starts with, and nothing when it cannot be sure', () => {
    expect(leadingLetter('AADSTS\\d{5,7}')).toBe('A');
    expect(leadingLetter('ERR_J(?:WT|WS|WE)_[A-Z_]+')).toBe('E');
    expect(leadingLetter('E[|]\\d+')).toBe('E');
    expect(leadingLetter('E\\|\\d+')).toBe('E');
    expect(leadingLetter('AADSTS\\d+|\\d{5}')).toBeUndefined();
    expect(leadingLetter('E?\\d{6}')).toBeUndefined();
    expect(leadingLetter('E*X')).toBeUndefined();
    expect(leadingLetter('E{0,1}X')).toBeUndefined();
    expect(leadingLetter('\\d{5}')).toBeUndefined();
    expect(leadingLetter('[AE]\\d{5}')).toBeUndefined();
  });
});

describe('a message broken across two lines by a terminal or viewer width', () => {
  const templates = (text: string) =>
    collectHits(index, text).hits.flatMap((hit) =>
      hit.kind === 'template' ? [`${hit.line}:${hit.template.entry.provider}:${hit.template.entry.code}`] : [],
    );
  // Google's message for a missing or bad access token, wrapped at column 100 (written for this test).
  const message =
    'api call failed: Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.';

  it('is found when the break falls inside a word, on the first of its lines', () => {
    expect(templates(`${message.slice(0, 100)}\n${message.slice(100)}`)).toEqual(['1:google:UNAUTHENTICATED']);
  });

  it('is found when the break falls between words', () => {
    const at = message.indexOf(' access token');
    expect(templates(`${message.slice(0, at)}\n${message.slice(at + 1)}`)).toEqual(['1:google:UNAUTHENTICATED']);
  });

  it('a code broken inside by the width is found on the first of its lines', () => {
    // A Keycloak event line wrapped at column 80 (written for this test).
    const event =
      '2026-12-06 10:00:00,000 WARN [org.keycloak.events] type=CODE_TO_TOKEN_ERROR, error=invalid_code, grant_type=authorization_code';
    const at = event.indexOf('error=i') + 'error=i'.length;
    expect(tokens(`${event.slice(0, at)}\n${event.slice(at)}`)).toContain('1:invalid_code');
    // Two words of plain letters run together are not joined: any two words could make a name.
    expect(tokens(`${'x'.repeat(70)} Access\nDenied`)).not.toContain('1:AccessDenied');
  });

  it('is not joined from a short first line: a line shorter than any terminal ends where its writer ended it', () => {
    const twoLines =
      'Request had invalid authentication credentials.\nExpected OAuth 2 access token, login cookie or other valid authentication credential.';
    expect(templates(twoLines)).toEqual([]);
  });
});

describe('a value the message quotes', () => {
  const templates = (text: string) =>
    collectHits(index, text).hits.flatMap((hit) =>
      hit.kind === 'template' ? [`${hit.template.entry.provider}:${hit.template.entry.code}`] : [],
    );

  it('is anything between its quotes, or one word when the quotes were dropped', () => {
    // Entra's "Application with identifier '{name}' was not found in the directory '{tenant}'".
    const quoted = "Application with identifier 'My App Name' was not found in the directory 'contoso'.";
    expect(templates(quoted)).toContain('entra:AADSTS700016');
    expect(templates('Application with identifier 4f1c0000-aaaa was not found in the directory contoso.')).toContain(
      'entra:AADSTS700016',
    );
  });

  it('does not swallow half a line when the quotes are not there', () => {
    // Fitbit's "Missing '{parameter}' parameter value." in LinkedIn's paraphrase of RFC 6749's invalid_request.
    const text =
      'invalid_request: missing required parameters, includes an invalid parameter value, parameter more than once.';
    expect(templates(text).filter((key) => key.startsWith('fitbit:'))).toEqual([]);
    expect(templates("Missing 'code' parameter value.")).toContain('fitbit:invalid_request');
  });
});

describe('a long message cut short where its line ends', () => {
  const templates = (text: string) =>
    collectHits(index, text).hits.flatMap((hit) =>
      hit.kind === 'template' ? [`${hit.line}:${hit.template.entry.provider}:${hit.template.entry.code}`] : [],
    );

  it("is found by its first words: Meta's expired-session text without its date", () => {
    // Both of Meta's wordings (on a date, at a Unix time) start with these words: the one entry, found once or twice.
    const entries = (text: string) => [...new Set(templates(text))];
    expect(entries('sync: Error validating access token: Session has expired')).toEqual(['1:meta:OAuthException']);
    expect(entries('sync: Error validating access token: Session has exp')).toEqual(['1:meta:OAuthException']);
  });

  it('is not found from too few words, nor when the line goes on after them', () => {
    expect(templates('sync: Error validating access token: Session')).toEqual([]);
    expect(templates('sync: Error validating access token: Session has expired, will retry')).toEqual([]);
  });

  it('is found by a first clause of it, also when its rarest word was in the part cut off', () => {
    // client-go's message goes on ", either the scope \"openid\" wasn't requested ..." (go-oidc catalog).
    expect(templates('kubectl: Get https://k8s.example:6443/api: token response did not contain an id_token')).toEqual([
      '1:go-oidc:oidc-kubeconfig-refresh-no-id-token',
    ]);
  });

  it('is not found inside a message found whole on the line', () => {
    // Entra's AADSTS500133 begins "Assertion is not within its valid time range. Ensure ...".
    expect(templates('ClientCertificateCredential: Client assertion is not within its valid time range')).toEqual([
      '1:entra:AADSTS700024',
    ]);
  });

  it('is found when cut past a value inside it, also inside a word', () => {
    // Entra's AADSTS500011 goes on "... in the tenant named {tenant}."; the value may hold slashes and dots.
    const cut = 'The resource principal named api://contoso.sharepoint.com/x was not found in the tenant';
    expect(templates(`acquireToken: ${cut}`)).toEqual(['1:entra:AADSTS500011']);
    expect(templates(`acquireToken: ${cut.slice(0, -3)}`)).toEqual(['1:entra:AADSTS500011']);
  });

  it('is not found past a value from too few of its words, nor when the line goes on after them', () => {
    expect(templates('The resource principal named api://x was not')).toEqual([]);
    expect(templates('The resource principal named api://x was not found in the tenant; retrying in 5s')).toEqual([]);
  });

  it("is not found where two errors' messages start alike: the text cannot tell which was cut", () => {
    // Entra's AADSTS65001 and AADSTS90008 both begin with these words.
    expect(templates('login: The user or administrator has not consented to use the application')).toEqual([]);
  });
});

describe('messages made only of common words', () => {
  // golang-jwt's "key is invalid": no word of it is long and uncommon in logs, so it is indexed under `key`,
  // which every cache line of a service log holds (key=user:1:profile).
  const keyIsInvalid = () =>
    [...index.templatesByWord.values()].flat().find((template) => template.words.join(' ') === 'key is invalid');

  it('are tried on a line only when it also holds another of their words', () => {
    expect(keyIsInvalid()?.alsoWord).toBe('invalid');
    const templates = (text: string) =>
      collectHits(index, text).hits.flatMap((hit) => (hit.kind === 'template' ? [hit.template.words.join(' ')] : []));
    expect(templates('jwt: key is invalid')).toContain('key is invalid');
    expect(templates('DEBUG cache hit key=user:50799:profile ttl=66683')).toEqual([]);
  });

  it('does not apply to messages with a long word of their own', () => {
    const template = [...index.templatesByWord.values()]
      .flat()
      .find((candidate) => candidate.entry.code === 'AADSTS500113' && candidate.words.includes('registered'));
    expect(template).toBeDefined();
    expect(template?.alsoWord).toBeUndefined();
  });
});

describe('the word a message is tried by', () => {
  const find = (key: string, first: string) =>
    [...index.templatesByWord.entries()].flatMap(([word, list]) =>
      list.filter((t) => t.entry.key === key && t.words[0] === first).map((t) => ({ word, also: t.alsoWord })),
    );

  it("is not a provider's name, which an integration's log has on most lines (its hosts and paths)", () => {
    // Stripe's "No stripe-signature header value was provided.": by "stripe" it was tried on every line of a log
    // that posts to /webhooks/stripe.
    const [stripe] = find('stripe:webhook-signature-header', 'no');
    expect(stripe?.word).toBeDefined();
    expect(stripe?.word).not.toBe('stripe');
    const templates = (text: string) =>
      collectHits(index, text).hits.flatMap((hit) => (hit.kind === 'template' ? [hit.template.entry.key] : []));
    expect(templates('StripeSignatureVerificationError: No stripe-signature header value was provided.')).toContain(
      'stripe:webhook-signature-header',
    );
  });

  it('needs, beside a common word, a second that is not a log word when the message has one', () => {
    // php-jwt's "HTTP Error: {code} {reason} for URI": "error" is on every line that holds "http" in a server's log.
    const [http] = find('php-jwt:UnexpectedValueException@jwks', 'http');
    expect(http?.also).toBeDefined();
    expect(http?.also).not.toBe('error');
  });
});

describe('a message wrapped by hand over two or three lines', () => {
  // Its first sentence is a template of its own, found over the first two lines: the one entry, found once or twice.
  const templates = (text: string) => [
    ...new Set(
      collectHits(index, text).hits.flatMap((hit) =>
        hit.kind === 'template' ? [`${hit.line}:${hit.template.entry.provider}:${hit.template.entry.code}`] : [],
      ),
    ),
  ];
  // Firebase's unauthorized-domain message as a mail client or an editor wraps it, short of a terminal's width
  // (written for this test).
  const wrapped = [
    'Sign-in failed: This domain (demo-app.web.app) is not',
    'authorized to run this operation. Add it to the OAuth',
    'redirect domains list in the Firebase console -> Auth section -> Sign in method tab.',
  ];

  it('is found over three lines, each of which runs on into the next, on the first line', () => {
    // Each line that runs on is shorter than a terminal's width: only its end and the next line's start tell.
    expect(wrapped.slice(0, 2).every((line) => line.length < WRAPPED_WIDTH)).toBe(true);
    expect(templates(wrapped.join('\n'))).toEqual(['1:firebase-auth:auth/unauthorized-domain']);
  });

  it('is found when the next line begins with a capital, as a name in the message may', () => {
    const atName = [
      'This domain (x.web.app) is not authorized to run this',
      'operation. Add it to the OAuth redirect domains list in the',
      'Firebase console -> Auth section -> Sign in method tab.',
    ];
    expect(atName.slice(0, 2).every((line) => line.length < WRAPPED_WIDTH)).toBe(true);
    expect(templates(atName.join('\n'))).toEqual(['1:firebase-auth:auth/unauthorized-domain']);
  });

  it('is not joined across a line that ends a sentence, nor from a line too short to be wrapped text', () => {
    // Google's "Request had invalid authentication credentials. Expected OAuth 2 access token, ...": a message whose
    // first sentence ends its line is no wrap of it, at any width short of a terminal's.
    const twoLines =
      'Request had invalid authentication credentials.\nExpected OAuth 2 access token, login cookie or other valid authentication credential.';
    expect(templates(twoLines)).toEqual([]);
    // A line of a few words is a heading, a list item or a table cell (RUN_ON_WIDTH): "is not" / "authorized ...".
    expect(templates('This domain (a.app) is not\nauthorized to run this operation.')).toEqual([]);
    expect(templates('This domain (demo-app.web.app) is not\nauthorized to run this operation.')).toEqual([
      '1:firebase-auth:auth/unauthorized-domain',
    ]);
  });
});

describe('a long message in another form of its words', () => {
  const templates = (text: string) =>
    collectHits(index, text).hits.flatMap((hit) =>
      hit.kind === 'template' ? [`${hit.template.entry.provider}:${hit.template.entry.code}`] : [],
    );
  // Entra's consent page: "{app} needs permission to access resources in your organization that only an admin
  // can grant. Please ask an admin to grant permission to this app before you can use it." (written for this test)

  it('is found with a word in the plural, or an admin called an administrator, the line ending a clause of it', () => {
    expect(
      templates(
        'Contoso Reports needs permissions to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.',
      ),
    ).toEqual(['entra:AADSTS90094']);
    expect(
      templates(
        'Contoso Reports needs permission to access resources in your organization that only an administrator can grant.',
      ),
    ).toEqual(['entra:AADSTS90094']);
  });

  it('is not found with a word of it missing, another word in its place, or cut where no clause ends', () => {
    expect(
      templates('Contoso Reports needs permission to access resources in your company that only an admin can grant.'),
    ).toEqual([]);
    expect(
      templates(
        'Contoso Reports needs permission to access resources in organization that only an administrator can grant.',
      ),
    ).toEqual([]);
    expect(templates('Contoso Reports needs permissions to access resources in your organization that only')).toEqual(
      [],
    );
  });

  it('reads another form of a word: its ending, its British spelling or its short form, and only for letters', () => {
    expect(sameWordAnotherForm('permission', 'permissions')).toBe(true);
    expect(sameWordAnotherForm('admin', 'administrator')).toBe(true);
    expect(sameWordAnotherForm('authorized', 'authorised')).toBe(true);
    expect(sameWordAnotherForm('expired', 'expires')).toBe(true);
    expect(sameWordAnotherForm('grant', 'grants')).toBe(true);
    expect(sameWordAnotherForm('organisation', 'organization')).toBe(true);
    expect(sameWordAnotherForm('app', 'application')).toBe(true);
    expect(sameWordAnotherForm('app', 'apps')).toBe(false);
    // Two names that begin alike (Auth.js's error pages, errors.authjs.dev#invalidcheck and #invalidcallbackurl).
    expect(sameWordAnotherForm('invalidcheck', 'invalidcallbackurl')).toBe(false);
    expect(sameWordAnotherForm('resource', 'resolved')).toBe(false);
    expect(sameWordAnotherForm('client1', 'client2')).toBe(false);
  });
});
