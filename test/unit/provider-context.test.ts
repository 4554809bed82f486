import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/domain/catalog.js';
import {
  createContextDetector,
  ProviderContext,
  providersNamedApart,
  quotings,
} from '../../src/domain/provider-context.js';
import { createResolver, type Resolver } from '../../src/domain/resolver.js';

let resolver: Resolver | undefined;
/** The sure findings of a scan with the shipped catalogs, as provider:code. */
const scanned = (text: string) =>
  (resolver as Resolver)
    .scan(text)
    .findings.filter((finding) => finding.confidence !== 'weak')
    .map((finding) => `${finding.provider}:${finding.code}`);
beforeAll(async () => {
  resolver = createResolver(await loadCatalogs());
});

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

describe('hints written with quotes', () => {
  it("match an object as JSON and Python's repr (3 and 2) print it, spaced after the colon or not", () => {
    expect(quotings('"type":"OAuthException"').sort()).toEqual(
      [
        '"type":"OAuthException"',
        '"type": "OAuthException"',
        "'type':'OAuthException'",
        "'type': 'OAuthException'",
        "u'type':u'OAuthException'",
        "u'type': u'OAuthException'",
      ].sort(),
    );
    expect(quotings('fbtrace_id')).toEqual(['fbtrace_id']);
    // A quoted string alone is JSON's by its quotes: Node prints a JS object's string with single quotes.
    expect(quotings('"jwt expired"')).toEqual(['"jwt expired"']);
  });

  it('point at their provider in each quoting', () => {
    const detector = createContextDetector([
      { id: 'meta', hints: { hosts: [], words: ['"type": "OAuthException"'], names: [] } } as never,
    ]);
    // Written for this test: one error object as a Python 3 dict, a Python 2 dict and JSON print it.
    for (const text of [
      "GraphAPIError: {'message': 'Invalid OAuth access token.', 'type': 'OAuthException', 'code': 190}",
      "send response {u'message': u'Invalid OAuth access token.', u'type': u'OAuthException', u'code': 190}",
      '{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}',
    ])
      expect(detector.detect(text).has('meta')).toBe(true);
    expect(detector.detect("{'type': 'ValueError'}").has('meta')).toBe(false);
  });
});

describe('a name written as two words', () => {
  const names = new Map([
    ['linkedin', ['linkedin']],
    ['netsuite', ['netsuite-oauth2', 'netsuite-tba']],
    ['box', ['box']],
    ['okta', ['okta']],
  ]);

  it('names its provider when the words joined are the name ("Linked In", "Net Suite")', () => {
    expect(providersNamedApart('Linked', 'In', names)).toEqual(['linkedin']);
    expect(providersNamedApart('net', 'suite', names)).toEqual(['netsuite-oauth2', 'netsuite-tba']);
  });

  it('not when a part is a name itself, or the whole too short to be more than two words that join', () => {
    expect(providersNamedApart('ok', 'ta', names)).toEqual([]);
    expect(providersNamedApart('drop', 'box', names)).toEqual([]);
    expect(providersNamedApart('Linked', 'Out', names)).toEqual([]);
  });

  it("is read in a scan near a standard code: LinkedIn's reading of invalid_request", () => {
    // Written for this test, in the shape of a browser console's dump of a token response.
    const dump = 'error: "invalid_request"\nerrorMessage: "You need to pass the "scope" parameter"\nfrom: "Linked In"';
    expect(scanned(dump)).toEqual(['linkedin:invalid_request']);
  });
});
