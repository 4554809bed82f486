import { describe, expect, it } from 'vitest';
import { createDescriptionReader } from '../../src/domain/described.js';
import type { LoadedEntry } from '../../src/domain/findings.js';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// A standard code's description in other words than the provider documents, or cut short by a log's line
// limit, still says whose reading of the code it is (src/domain/described.ts). The lines below are written
// for these tests: rewordings and cuts of the catalogs' messages, not text copied from anywhere.
const resolver = useShippedResolver();
const confident = (text: string) => confidentOf(resolver, text);

describe("a reworded description chooses the code's reading", () => {
  it("Okta's redirect_uri description in an older wording, a line below its code", () => {
    const page = [
      'Error Code: invalid_request',
      "Description: the 'redirect_uri' parameter has to be a sign-in redirect URI listed in the client app settings",
    ].join('\n');
    expect(confident(page)).toEqual(['okta:invalid_request']);
  });

  it("Okta's hosted error page for an unknown client_id", () => {
    const page = ['Error Code: invalid_client', "Description: Invalid value for 'client_id' parameter."].join('\n');
    expect(confident(page)).toEqual(['okta:invalid_client']);
  });

  it("in a typed lookup too: the reading is first, not the standard's meaning", () => {
    const [top] = resolver.lookup(
      "invalid_request - The 'redirect_uri' parameter should be a sign-in redirect URI in the client app settings",
    );
    expect(`${top?.provider}:${top?.code}`).toBe('okta:invalid_request');
  });

  it('a description that fits no reading better than another leaves the standard meaning', () => {
    expect(
      confident(
        '{"error":"invalid_request","error_description":"The request could not be processed, try again with the settings fixed"}',
      ),
    ).toEqual(['oauth2:invalid_request']);
    expect(confident('error=invalid_client error_description=client authentication failed')).not.toContain(
      'google:invalid_client',
    );
  });

  it("a provider's host on the code's own line still outweighs a description", () => {
    const line =
      'POST https://login.microsoftonline.com/common/oauth2/v2.0/token -> invalid_request: the redirect_uri parameter has to be a sign-in redirect URI listed in the client app settings';
    expect(confident(line)).toEqual(['entra:invalid_request']);
  });
});

describe('a description quoted inside a question', () => {
  it("its words in order choose the reading, though the writer's own words fill the line and one word is misspelt", () => {
    // eBay's documented "the provided authorization grant code is invalid or was issued to another client", quoted
    // in a sentence with "issued" as "issue": most of the line is the writer's, so the share of the line's words
    // that are the message's is low; the message's words in their order are the evidence.
    const question =
      'The SDK keeps returning "invalid_grant...the provided authorization grant code is invalid or was issue to another client" when I exchange the code in my console app, what am I missing?';
    const [top] = resolver.lookup(question);
    expect(`${top?.provider}:${top?.code}`).toBe('ebay:invalid_grant');
    // Words of the message scattered through a question are no quote of it.
    const scattered =
      'The SDK keeps returning invalid_grant when the provided code from my authorization page for the grant type code is surely not invalid, or so I think, because it was issued a minute ago to me by another client of ours that works, what am I missing?';
    const [other] = resolver.lookup(scattered);
    expect(`${other?.provider}:${other?.code}`).not.toBe('ebay:invalid_grant');
  });
});

describe('a description cut short', () => {
  it("Google's unauthorized_client text cut at a log's line limit, under its code", () => {
    const body = [
      'Response-Code: 401',
      '{',
      '  "error" : "unauthorized_client",',
      '  "error_description" : "Client is unauthorized to retrieve acc',
    ].join('\n');
    expect(confident(body)).toEqual(['google:unauthorized_client']);
  });

  it('three words are not enough to tell a cut message from ordinary words', () => {
    expect(confident('"error":"unauthorized_client","error_description":"Client is unau')).toEqual([
      'oauth2:unauthorized_client',
    ]);
  });
});

describe('createDescriptionReader', () => {
  const entry = (provider: string, messages: string[]): LoadedEntry =>
    ({ provider, code: 'invalid_request', key: `${provider}:invalid_request`, messages }) as unknown as LoadedEntry;
  const okta = entry('okta', ["The 'redirect_uri' parameter must be a Login redirect URI in the client app settings"]);
  const shopify = entry('shopify', ['Oauth error invalid_request: The redirect_uri is not whitelisted']);
  const other = entry('other', ['The request is missing a required parameter', 'Unsupported response mode value']);
  const reader = createDescriptionReader([okta, shopify, other]);

  it('weighs words by how rare they are among messages: the line that shares the rare ones wins', () => {
    const read = reader.read(
      [okta, shopify, other],
      [
        'Description: The redirect_uri parameter must be an absolute URI that is whitelisted in the client app settings',
      ],
    );
    expect(read?.entry.provider).toBe('okta');
  });

  it('finds nothing when only the code and common words are shared', () => {
    expect(reader.read([okta, shopify, other], ['error: invalid_request: the request failed'])).toBeUndefined();
  });
});

describe("a message's own number beside it", () => {
  // Meta's message for an expired session, with its code as the SDKs print it (written for this test).
  const expired = 'Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST.';

  it("vouches for a message whose entry needs context: code 190 before Meta's text", () => {
    expect(confident(`request failed (190) ${expired}`)).toEqual(['meta:OAuthException']);
    expect(confident(`{\n  "code": 190,\n  "message": "${expired}"\n}`)).toEqual(['meta:OAuthException']);
  });

  it("the message without the number is sure too: it is long and Meta's own, not a reading of a standard code", () => {
    expect(confident(`request failed: ${expired}`)).toEqual(['meta:OAuthException']);
  });

  it('in its older wording too, with Unix times', () => {
    // https://github.com/tschellenbach/Django-facebook/issues/99 (2012)
    expect(
      confident(
        'OAuthException at /\nError validating access token: Session has expired at unix time 1332396000. The current unix time is 1332459417.',
      ),
    ).toEqual(['meta:OAuthException']);
  });

  it("a provider's sentence of 80 characters or more for a standard code, documented by no other entry, is its own", () => {
    // Stripe's invalid_grant text for a code used twice (written for this test around the catalog's message).
    expect(
      confident(
        'connect callback failed: This authorization code has already been used. All tokens issued with this code have been revoked.',
      ),
    ).toEqual(['stripe:invalid_grant']);
  });

  it("a provider's long message for a standard code, without any clue, stays a guess: other servers say it too", () => {
    // Apple's invalid_grant text (written for this test); other authorization servers word it alike.
    expect(confident('worker: The code has expired or has been revoked.')).toEqual([]);
  });
});

describe('how far each clue reaches', () => {
  it("a provider's word on the code's line outweighs a short message of another provider inside the description", () => {
    // Keycloak documents "Invalid refresh token"; here it is part of a longer description on an Intuit line.
    const line =
      'QuickBooks refresh failed (intuit_tid 1-abc-def): {"error":"invalid_grant","error_description":"The given invalid refresh token was rejected"}';
    expect(confident(line)).toEqual(['intuit:invalid_grant']);
  });

  it('a short message still chooses the reading when no hint is as near', () => {
    expect(confident('{"error":"invalid_grant","error_description":"Invalid refresh token"}')).toEqual([
      'keycloak:invalid_grant',
    ]);
  });

  // Apple's reading of invalid_grant (written for this test): a long message, but of a standard code.
  const revoked = 'The code has expired or has been revoked.';
  it("a provider's name in the lines around its long message for a standard code vouches for it", () => {
    expect(confident(`worker: ${revoked}\nworker: could not sign in with Apple`)).toEqual(['apple:invalid_grant']);
  });

  it('a name farther away does not', () => {
    const log = [`worker: ${revoked}`, 'worker: retrying', 'worker: retrying', 'worker: retrying', 'worker: Apple off'];
    expect(confident(log.join('\n'))).toEqual([]);
  });
});

describe('a short message that names a protocol field', () => {
  it("counts its provider's hint from the lines of its block: Keycloak's error page heading above it", () => {
    const page =
      '<h1 id="kc-page-title">We are sorry...</h1>\n<p class="instruction">Invalid parameter: redirect_uri</p>';
    expect(confident(page)).toEqual(['keycloak:invalid_redirect_uri']);
  });

  it('not from farther away; a short message of plain words reaches as many lines as it has words, less one', () => {
    expect(confident('We are sorry...\nstep 1\nstep 2\nInvalid parameter: redirect_uri')).toEqual([]);
    // "Code not valid": three words, so a clue two lines away counts, three lines away does not.
    expect(confident('We are sorry...\nstep 1\nCode not valid')).toEqual(['keycloak:invalid_grant']);
    expect(confident('We are sorry...\nstep 1\nstep 2\nCode not valid')).toEqual([]);
  });

  it("a longer short message under its tool's heading; two words only beside their clue", () => {
    // Vault's CLI prints the API's errors as a list under its own heading (written for this test).
    const cli = [
      'Error writing data to auth/kubernetes/login: Error making API request.',
      '',
      'URL: PUT https://vault.internal.example:8200/v1/auth/kubernetes/login',
      'Code: 500. Errors:',
      '',
      '* claim "aud" is invalid',
    ].join('\n');
    expect(confident(cli)).toEqual(['vault:kubernetes-audience-invalid']);
    expect(confident('Message "authentication failure"\nError InvalidGrant Salesforce.Common.Models.Error')).toContain(
      'salesforce:invalid_grant',
    );
    expect(confident('Message "authentication failure"\nretrying\nError from Salesforce.Common')).toEqual([]);
  });

  it('counts lines of text, not the blank lines between the paragraphs of a message', () => {
    // A person's message (written for this test): the request, then what it returned, in their own paragraphs.
    const asked = [
      'Calling `https://sso.example.com/realms/acme/protocol/openid-connect/auth?client_id=web&redirect_uri=https%3A%2F%2Fapp.example.com%2F`',
      '',
      'but it returns:',
      '',
      '`Invalid parameter: redirect_uri`',
    ].join('\n');
    const found = resolver.scan(asked).findings.filter((finding) => finding.confidence !== 'weak');
    expect(found.map((finding) => `${finding.provider}:${finding.code} line ${finding.line}`)).toEqual([
      'keycloak:invalid_redirect_uri line 5',
    ]);
  });
});
