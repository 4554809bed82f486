import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// NextAuth.js v3 / v4 log codes ("[next-auth][error][NO_SECRET]", lower case in v3), the ?error= values of
// the Auth.js pages and the Auth.js v5 error types ("[auth][error] UntrustedHost: ..."), read from what people
// pasted in public issue threads (the thread beside each sample; stacks trimmed, hosts kept as pasted).
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text, (f) => f.entry?.key ?? `${f.provider}:${f.code}`);
const ours = (text: string) => confident(text).filter((key) => key.startsWith('oauth-clients:'));
const bestKey = (query: string) => resolver.lookup(query)[0]?.entry?.key;

describe('NextAuth.js v3 / v4 log codes', () => {
  it('CLIENT_FETCH_ERROR as v4 logs it and in v3 lower case', () => {
    // https://github.com/nextauthjs/next-auth/issues/9370
    const v4 = [
      'client.js:2 [next-auth][error][CLIENT_FETCH_ERROR] ',
      'https://next-auth.js.org/errors#client_fetch_error Failed to fetch ',
      "{error: {…}, url: '/api/auth/session', message: 'Failed to fetch'}",
    ].join('\n');
    expect(confident(v4)).toEqual(['oauth-clients:CLIENT_FETCH_ERROR']);
    // https://github.com/nextauthjs/next-auth/issues/2568
    const v3 = [
      'logger.js?3836:11 [next-auth][error][client_fetch_error] ',
      'https://next-auth.js.org/errors#client_fetch_error session SyntaxError: Unexpected token < in JSON at position 0',
    ].join('\n');
    expect(confident(v3)).toEqual(['oauth-clients:CLIENT_FETCH_ERROR']);
  });

  it('NO_SECRET in production, with and without its message', () => {
    // https://github.com/growupanand/ConvoForm/issues/3
    const log = [
      '[next-auth][error][NO_SECRET] ',
      'https://next-auth.js.org/errors#no_secret Please define a `secret` in production. r [MissingSecretError]: Please define a `secret` in production.',
      '    at t.assertConfig (/var/task/.next/server/chunks/221.js:6:110772)',
    ].join('\n');
    expect(confident(log)).toEqual(['oauth-clients:NO_SECRET@nextauth-v4']);
    // https://github.com/nextauthjs/next-auth/issues/5565
    expect(confident('[next-auth][error][NO_SECRET] \nhttps://next-auth.js.org/errors#no_secret')).toEqual([
      'oauth-clients:NO_SECRET@nextauth-v4',
    ]);
  });

  it('JWT_SESSION_ERROR beside the jose decryption failure it wraps', () => {
    // https://github.com/nextauthjs/next-auth/issues/8368
    const log = [
      '[next-auth][error][JWT_SESSION_ERROR] ',
      'https://next-auth.js.org/errors#jwt_session_error decryption operation failed {',
      "  message: 'decryption operation failed',",
      "  stack: 'JWEDecryptionFailed: decryption operation failed\\n' +",
      "    '    at gcmDecrypt (/srv/app/node_modules/jose/dist/node/cjs/runtime/decrypt.js:67:15)\\n' +",
    ].join('\n');
    expect(ours(log)).toEqual(['oauth-clients:JWTSessionError']);
  });

  it('profile, email and credentials failures by their v4 and v3 codes', () => {
    // https://github.com/nextauthjs/next-auth/issues/3193
    const profile = [
      '[next-auth][error][OAUTH_PARSE_PROFILE_ERROR] ',
      "https://next-auth.js.org/errors#oauth_parse_profile_error Cannot read properties of undefined (reading 'toString') {",
    ].join('\n');
    expect(confident(profile)).toEqual(['oauth-clients:OAuthProfileParseError']);
    // https://github.com/nextauthjs/next-auth/issues/740 (v3, lower case)
    const v3 = [
      '[next-auth][error][oauth_parse_profile_error] [',
      "  TypeError: Cannot read property 'url' of undefined",
      '      at Object.profile (C:\\...\\node_modules\\next-auth\\dist\\providers\\spotify.js:32:35)',
    ].join('\n');
    expect(confident(v3)).toEqual(['oauth-clients:OAuthProfileParseError']);
    // https://github.com/nextauthjs/next-auth/issues/8118
    const email = [
      '[next-auth][error][SIGNIN_EMAIL_ERROR] ',
      "https://next-auth.js.org/errors#signin_email_error Cannot read properties of undefined (reading 'split') {",
    ].join('\n');
    expect(confident(email)).toEqual(['oauth-clients:EmailSignin']);
    // https://github.com/nextauthjs/next-auth/pull/3144 (a comment)
    const strategy = [
      '[next-auth][error][CALLBACK_CREDENTIALS_JWT_ERROR] ',
      'https://next-auth.js.org/errors#callback_credentials_jwt_error Signin in with credentials only supported if JWT strategy is enabled UnsupportedStrategy [UnsupportedStrategyError]: Signin in with credentials only supported if JWT strategy is enabled',
    ].join('\n');
    expect(confident(strategy)).toEqual(['oauth-clients:UnsupportedStrategy']);
  });

  it("v4.18's UNTRUST_HOST_ERROR is Auth.js's UntrustedHost", () => {
    // https://github.com/nextauthjs/next-auth/issues/6113
    const log = [
      'Error: [next-auth][error][UNTRUST_HOST_ERROR] ',
      'https://next-auth.js.org/errors#untrust_host_error Host must be trusted. URL was: https://localhost:3000/api/auth/session UntrustedHost: Host must be trusted. URL was: https://localhost:3000/api/auth/session',
      '    at AuthHandler (/home/runner/work/todo-nextjs/todo-nextjs/node_modules/next-auth/core/index.js:311:19)',
    ].join('\n');
    expect(confident(log)).toEqual(['oauth-clients:UntrustedHost']);
  });

  it('the v3 names of the OAuth callback failure and typed log codes', () => {
    expect(bestKey('CALLBACK_OAUTH_ERROR')).toBe('oauth-clients:OAuthCallbackError@nextauth-v4');
    expect(bestKey('OAUTH_GET_ACCESS_TOKEN_ERROR')).toBe('oauth-clients:OAUTH_GET_ACCESS_TOKEN_ERROR');
    expect(bestKey('MISSING_NEXTAUTH_API_ROUTE_ERROR')).toBe('oauth-clients:MISSING_NEXTAUTH_API_ROUTE_ERROR');
    expect(bestKey('JWT_SESSION_ERROR')).toBe('oauth-clients:JWTSessionError');
  });
});

describe('Auth.js v5 error types', () => {
  it('UntrustedHost in the current and the early log format', () => {
    // https://github.com/iogrid/iogrid/issues/475
    expect(
      confident(
        '[auth][error] UntrustedHost: Host must be trusted. URL was: https://admin.iogrid.org/api/auth/session. Read more at https://errors.authjs.dev#untrustedhost',
      ),
    ).toEqual(['oauth-clients:UntrustedHost']);
    // https://github.com/vercel/chatbot/issues/169
    const early = [
      '`[auth][error][UntrustedHost]: Host must be trusted. ',
      'URL was: http://159.138.*.*:3000//api/auth/session. Read more at https://errors.authjs.dev#untrustedhost`',
    ].join('\n');
    expect(confident(early)).toEqual(['oauth-clients:UntrustedHost']);
  });

  it('MissingSecret, CredentialsSignin and OAuthProfileParseError', () => {
    // https://github.com/desainkode/desa-mandalasari/issues/23
    const secret = [
      '[auth][error] MissingSecret: Please define a `secret`. Read more at https://errors.authjs.dev#missingsecret',
      'at /var/task/.next/server/chunks/[root-of-the-server]__c418699f._.js:404:51339',
    ].join('\n');
    expect(confident(secret)).toEqual(['oauth-clients:MissingSecret']);
    // https://github.com/umairjameel321/authjsv5nextjs/issues/2
    const credentials = [
      '[auth][error] CredentialsSignin: Read more at https://errors.authjs.dev#credentialssignin',
      '    at Module.callback (C:\\Users\\Work\\Desktop\\todo-app\\.next\\server\\chunks\\node_modules_f27a4e._.js:2982:30)',
    ].join('\n');
    expect(confident(credentials)).toEqual(['oauth-clients:CredentialsSignin']);
    // https://github.com/nextauthjs/next-auth/issues/13042 (the brackets as pasted)
    const profile = [
      '[auth[][error] OAuthProfileParseError: Read more at https://errors.authjs.dev#oauthprofileparseerror',
      '[auth[][cause]: ZodError: [',
    ].join('\n');
    expect(confident(profile)).toEqual(['oauth-clients:OAuthProfileParseError']);
  });

  it("JWTSessionError in the early format, beside jose's cause", () => {
    // https://github.com/vercel/next-learn/issues/295
    const log = [
      '[auth][error][JWTSessionError]: Read more at https://errors.authjs.dev#jwtsessionerror',
      '[auth][cause]: JWEDecryptionFailed: decryption operation failed',
    ].join('\n');
    expect(ours(log)).toEqual(['oauth-clients:JWTSessionError']);
  });

  it('an error page value is read on the Auth.js error route', () => {
    expect(confident('http://localhost:3000/api/auth/error?error=AccessDenied')).toEqual([
      'oauth-clients:AccessDenied',
    ]);
  });
});

describe('what is not Auth.js', () => {
  it("Symfony's Untrusted Host, S3's AccessDenied and a bare SESSION_ERROR", () => {
    // https://github.com/freescout-help-desk/freescout/issues/5344
    const symfony =
      'Untrusted Host "213.140.108.150". {"exception":"[object] (Symfony\\\\Component\\\\HttpFoundation\\\\Exception\\\\SuspiciousOperationException(code: 0): Untrusted Host \\"213.140.108.150\\". at /var/www/html/freescout/overrides/symfony/http-foundation/Request.php:1326)';
    expect(ours(symfony)).toEqual([]);
    expect(ours('<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>')).toEqual([]);
    expect(ours('2026-12-01T10:00:00Z ERROR worker SESSION_ERROR: redis session store unavailable, retrying')).toEqual(
      [],
    );
  });

  it('plain words of the Auth.js pages do not take over short questions', () => {
    expect(bestKey('Verification failed')?.startsWith('oauth-clients:')).toBe(false);
    expect(bestKey('Callback URL mismatch.')).toBe('auth0:unauthorized_client@callback-url');
  });
});
