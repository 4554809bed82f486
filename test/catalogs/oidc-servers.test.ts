import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// panva's oidc-provider (and Logto, built on it), the zitadel/oidc library's descriptions in ZITADEL and the JSON of
// thephpleague/oauth2-server (Laravel Passport) as people pasted them in public issue threads (the thread above each
// sample; tokens and user details left out), then ordinary lines with the same words that must not be read as theirs.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const keys = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['oidc-provider']);

describe('oidc-provider (panva/node-oidc-provider)', () => {
  it('SessionNotFound from interactionDetails, with its trace', () => {
    // https://github.com/panva/node-oidc-provider/issues/839
    const trace = [
      'SessionNotFound: invalid_request',
      '    at Provider.getInteraction (C:\\projects\\VOIP\\backend\\auth\\node_modules\\oidc-provider\\lib\\provider.js:54:11)',
      '    at process._tickCallback (internal/process/next_tick.js:68:7)',
    ].join('\n');
    expect(keys(trace)).toEqual(['oidc-provider:invalid_request@session-not-found']);
    // https://github.com/panva/node-oidc-provider/issues/798
    const express = [
      'On the server is the very clear exception:',
      'SessionNotFound: invalid_request',
      '  at Provider.getInteraction (/app/node_modules/oidc-provider/lib/provider.js:50:11)',
      '  at Provider.interactionDetails (/app/node_modules/oidc-provider/lib/provider.js:228:27)',
      '  at /app/src/index.js:332:50',
    ].join('\n');
    expect(keys(express)).toEqual(['oidc-provider:invalid_request@session-not-found']);
  });

  it("the default error page of an expired authorization request (v1's wording, kept by later ones)", () => {
    // https://github.com/panva/node-oidc-provider/issues/51
    const page = [
      'oops! something went wrong',
      '{',
      '    "error": "invalid_request",',
      '    "error_description": "authorization request has expired"',
      '}',
    ].join('\n');
    expect(ours(page)).toEqual(['oidc-provider:invalid_request']);
    expect(readingsOf(resolver, page)).toContain('session-not-found');
  });

  it('InvalidClient at the authorization endpoint is the client reading, not the client authentication one', () => {
    // https://github.com/panva/node-oidc-provider/issues/689
    const trace = [
      'InvalidClient: invalid_client',
      '    at checkClient (/home/yelagins/projects/remme/node-oidc-provider/lib/actions/authorization/check_client.js:86:11)',
    ].join('\n');
    expect(keys(trace).filter((key) => key.startsWith('oidc-provider:'))).toEqual([
      'oidc-provider:invalid_client@client',
    ]);
  });

  it("openid-client's OPError carries the provider's fixed InvalidGrant description", () => {
    // https://github.com/panva/openid-client/issues/204
    const paste = [
      '(node:19535) UnhandledPromiseRejectionWarning: OPError: invalid_grant (grant request is invalid)',
      '    at processResponse (/home/cchau/Desktop/auth_gateway/node_modules/openid-client/lib/helpers/process_response.js:39:13)',
    ].join('\n');
    expect(keys(paste)).toContain('oidc-provider:invalid_grant@grant');
    expect(confident(paste)).not.toContain('oauth2:invalid_grant');
  });

  it('the DEBUG=oidc-provider:* lines name their codes', () => {
    // https://github.com/panva/node-oidc-provider/issues/150
    const debug = [
      "  oidc-provider:error uuid=c254b6c4-02ab-4380-96d0-b2d782dcab40 path=/token error={ error: 'invalid_request', error_description: 'method not allowed'} detail=undefined +0ms",
      "  oidc-provider:authentication:interrupted uuid=92303b73-5d2f-4a3f-8eff-73c4eb7e181e interaction={ error: 'login_required', error_description: 'End-User authentication is required', reason: 'no_session', reason_description: 'Please Sign-in to continue.' } +0ms",
    ].join('\n');
    expect(ours(debug)).toEqual(['oidc-provider:invalid_request', 'oidc-provider:login_required']);
  });

  it('a client library posting its secret to a client_secret_basic client', () => {
    // https://github.com/panva/node-oidc-provider/issues/35
    expect(
      keys(
        'I can get to the actual login, but the header issue is shown as a error (TokenError: client_secret must be provided in the Authorization header) in the cb',
      ),
    ).toContain('oidc-provider:invalid_request@client-auth');
  });

  it("redirect_uri errors in Logto and in a client's metadata", () => {
    // https://github.com/logto-io/logto/issues/3815
    const logto = [
      "### Describe the bug: redirect_uri did not match any of the client's registered redirect_uris",
      'i have create a m2m app in logto dashboard, then i install oidc client in my wordpress site',
      '- [x] Logto Cloud',
    ].join('\n');
    expect(keys(logto)).toEqual(['oidc-provider:invalid_redirect_uri@authorization']);
    // https://github.com/panva/node-oidc-provider/issues/969
    const metadata = [
      'and node-oidc-provider gives me that error',
      '',
      '> error_description: redirect_uris must only contain valid uris',
    ].join('\n');
    expect(keys(metadata)).toEqual(['oidc-provider:invalid_redirect_uri@client-metadata']);
  });

  it('looks up its class names, descriptions and details', () => {
    expect(best('SessionNotFound')).toBe('oidc-provider:invalid_request');
    expect(best('InvalidClientAuth')).toBe('oidc-provider:invalid_client');
    expect(best('grant request is invalid')).toBe('oidc-provider:invalid_grant');
    expect(best('interaction session not found')).toBe('oidc-provider:invalid_request');
    expect(best('requested scopes not granted')).toBe('oidc-provider:consent_required');
    expect(best('oidc-provider invalid_grant')).toBe('oidc-provider:invalid_grant');
    // The bare standard codes stay the standard's.
    expect(best('invalid_grant')).toBe('oauth2:invalid_grant');
    expect(best('login_required')).toBe('oauth2:login_required');
  });

  it("does not read other servers' or other tools' lines as oidc-provider's", () => {
    expect(ours('{"error":"invalid_client","error_description":"client authentication failed"}')).toEqual([]);
    expect(ours('{"error":"invalid_request","error_description":"request is invalid"}')).toEqual([]);
    expect(ours('WARN session not found for user 42')).toEqual([]);
    expect(ours('2024-01-01 ERROR client is invalid')).toEqual([]);
    expect(ours('The refresh token not found in cache, fetching a new one')).toEqual([]);
    expect(ours('SessionNotFoundException: no session with id 42')).toEqual([]);
    // An IAM OIDC provider's ARN and django-oidc-provider are other software.
    expect(
      ours('arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com returned invalid_grant'),
    ).toEqual([]);
    expect(ours('django-oidc-provider answered invalid_client')).toEqual([]);
  });
});

describe('ZITADEL (zitadel/oidc descriptions)', () => {
  it('login_required for an id_token_hint it could not verify', () => {
    // https://github.com/zitadel/zitadel/issues/7589
    expect(
      confident(
        '{ "error": "login_required", "error_description": "The id_token_hint is invalid. If you have any questions, you may contact the administrator of the application." }',
      ),
    ).toEqual(['zitadel:login_required']);
  });

  it('looks up the library sentences', () => {
    expect(best('Unfortunately, the user may be not logged in and/or additional interaction is required.')).toBe(
      'zitadel:interaction_required',
    );
    expect(best('client missing grant type refresh_token')).toBe('zitadel:unauthorized_client');
    expect(best('zitadel id_token_hint invalid')).toBe('zitadel:invalid_request');
  });

  it("other servers' login_required and the bare words stay theirs", () => {
    expect(confident('{"error":"login_required"}')).not.toContain('zitadel:login_required');
    expect(confident('Error from signinSilent: login_required')).not.toContain('zitadel:login_required');
  });
});

describe('thephpleague/oauth2-server JSON (Laravel Passport)', () => {
  it("v5 / v6's answer with message instead of error_description names the library", () => {
    // https://github.com/laravel/passport/issues/589
    expect(confident('{"error":"invalid_client","message":"Client authentication failed"}')).toEqual([
      'league-oauth2-server:invalid_client',
    ]);
  });

  it("Passport 13's refresh token answer", () => {
    // https://github.com/plug-and-pay/sdk-php/pull/121
    const body = [
      '  {',
      '    "error": "invalid_grant",',
      '    "error_description": "The refresh token is invalid.",',
      '    "hint": "Cannot decrypt the refresh token"',
      '  }',
    ].join('\n');
    expect(keys(body)[0]).toBe('league-oauth2-server:invalid_grant@refresh-token');
  });

  it("its generic refresh hints and sentence are not read as League's elsewhere", () => {
    const okta = confident('{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}');
    expect(okta.some((key) => key.startsWith('league-oauth2-server:'))).toBe(false);
    expect(confident('Token has expired').some((key) => key.startsWith('league-oauth2-server:'))).toBe(false);
    expect(
      confident('{"error":"invalid_token","error_description":"Token has been revoked"}').some((key) =>
        key.startsWith('league-oauth2-server:'),
      ),
    ).toBe(false);
    expect(
      confident('{"error":"invalid_client","error_description":"Client authentication failed"}').some((key) =>
        key.startsWith('league-oauth2-server:'),
      ),
    ).toBe(false);
  });
});
