import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// angular-oauth2-oidc's OAuthErrorEvent types and log lines, and the errors of Okta's JWT verifiers
// (@okta/jwt-verifier with njwt, com.okta.jwt, okta_jwt_verifier), read from what people pasted in public
// issue threads (the thread beside each sample; tokens left out).
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const ours = (text: string, id: string) => confident(text).filter((key) => key.startsWith(`${id}:`));

describe('angular-oauth2-oidc', () => {
  it('the nonce/state check, in the current and the 2.x/3.x wording', () => {
    // https://github.com/manfredsteyer/angular-oauth2-oidc/issues/728
    expect(confident('"Validating access_token failed, wrong state/nonce."')).toEqual([
      'angular-oauth2-oidc:invalid_nonce_in_state',
    ]);
    // https://github.com/manfredsteyer/angular-oauth2-oidc/issues/218
    expect(
      confident('    validating access_token failed. wrong state/nonce. null yey1KhuQ9ewceuY7Qpbic4sWg5UAt8BJ6YYNryuY'),
    ).toEqual(['angular-oauth2-oidc:invalid_nonce_in_state']);
  });

  it('discovery document and id token validation failures', () => {
    // https://github.com/manfredsteyer/angular-oauth2-oidc/issues/715 (a four-word message: sure beside the package name)
    const discovery = [
      'Integrate angular-oauth2-oidc, after config the OAuth, open discovery link fails.',
      "> error loading discovery document DOMException: Failed to execute 'open' on 'XMLHttpRequest': Invalid URL",
    ].join('\n');
    expect(confident(discovery)).toEqual(['angular-oauth2-oidc:discovery_document_load_error']);
    // https://github.com/manfredsteyer/angular-oauth2-oidc/issues/202
    const issuer = [
      'angular-oauth2-oidc.umd.js:1583 Error validating tokens',
      'angular-oauth2-oidc.umd.js:1584 Wrong issuer: urn:COMPANY:EmbeddedSTS',
    ].join('\n');
    expect(ours(issuer, 'angular-oauth2-oidc')).toEqual(['angular-oauth2-oidc:token_validation_error@claims']);
  });

  it('short words stay unclaimed without the library nearby', () => {
    expect(ours('Error: Token has expired', 'angular-oauth2-oidc')).toEqual([]);
    expect(ours('{"error": "popup_closed_by_user"}', 'angular-oauth2-oidc')).toEqual([]);
  });
});

describe('Okta JWT verifiers', () => {
  it("njwt's key-resolver error from @okta/jwt-verifier", () => {
    // https://github.com/okta/okta-oidc-js/issues/998
    expect(
      confident(
        'I keep getting the `Error while resolving signing key for kid "hBLe8Pk0HtpKnAeQ2LYKzA3XYhWTZJpxlkF-1OCr4bo"` error... what am I missing?',
      ),
    ).toEqual(['okta-jwt-verifier:JwtParseError@key-resolver']);
    // https://github.com/okta/okta-jwt-verifier-js/issues/16 (kid shortened by its author)
    expect(
      ours(
        'we are getting error (**"Error while resolving signing key for kid "cjCtmAl4jaByzZs5p****zf6ZAU"** ).',
        'okta-jwt-verifier',
      ),
    ).toEqual(['okta-jwt-verifier:JwtParseError@key-resolver']);
  });

  it("the Java verifier's exception in a stack trace", () => {
    // https://github.com/okta/okta-jwt-verifier-java/issues/139
    const trace = [
      'com.okta.jwt.JwtVerificationException: Failed to parse token',
      '    at com.okta.jwt.impl.jjwt.TokenVerifierSupport.decode(TokenVerifierSupport.java:67)',
      '    at com.okta.jwt.impl.jjwt.JjwtAccessTokenVerifier.decode(JjwtAccessTokenVerifier.java:45)',
    ].join('\n');
    expect(ours(trace, 'okta-jwt-verifier')).toEqual(['okta-jwt-verifier:JwtVerificationException']);
  });

  it("jsonwebtoken's and Clerk's expiry lines are not the verifier's", () => {
    expect(ours('NotBeforeError: jwt not active', 'okta-jwt-verifier')).toEqual([]);
    expect(ours('JWT is expired. Expiry date: 1700000000, Current date: 1700000100.', 'okta-jwt-verifier')).toEqual([]);
  });
});
