import { describe, expect, it } from 'vitest';
import { confidentAmong, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Hosted services' own readings of the standard invalid_grant (Salesforce's web server flow, Clerk's OAuth
// applications, Supabase Auth's older error format): each sample is text people pasted in a public thread or Q&A
// (the address above it) or, where no thread shows the error, the response as the service's documentation describes
// it, with that page. The same code without the service's clue stays the standard entry.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const among = (providers: string[]) => (text: string) => confidentAmong(resolver, text, providers);
const salesforce = among(['salesforce']);
const clerk = among(['clerk']);
const supabase = among(['supabase']);

describe('Salesforce web server flow: the code exchange', () => {
  it('"invalid authorization code" is the code reading, not an authentication failure', () => {
    // https://procomputingproducts.co.uk/post/getting-error-invalid-grant-error-description-invalid-grant
    const pasted =
      'Getting {"error":"invalid_grant","error_description":"invalid_grant: invalid authorization code"} in Salesforce?';
    expect(confident(pasted)).toEqual(['salesforce:invalid_grant']);
    expect(readingsOf(resolver, pasted)).toEqual(['authorization-code']);
    // https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_web_server_flow.htm&type=5 (the token
    // endpoint the page names, answering a code it does not accept)
    const atTokenEndpoint = [
      'POST https://login.salesforce.com/services/oauth2/token -> 400',
      '{"error":"invalid_grant","error_description":"invalid authorization code"}',
    ].join('\n');
    expect(readingsOf(resolver, atTokenEndpoint)).toEqual(['authorization-code']);
  });

  it('without a Salesforce clue it stays the standard invalid_grant', () => {
    expect(salesforce('{"error":"invalid_grant","error_description":"invalid authorization code"}')).toEqual([]);
    expect(confident('{"error":"invalid_grant","error_description":"invalid authorization code"}')).toEqual([
      'oauth2:invalid_grant',
    ]);
  });
});

describe('Clerk OAuth applications: the token endpoint', () => {
  it('invalid_grant at a Clerk Frontend API host is Clerk\u2019s (single-use refresh tokens)', () => {
    // https://clerk.com/docs/guides/configure/auth-strategies/oauth/how-clerk-implements-oauth#refresh-token-grace-period
    // (a spent refresh token sent again to the instance's /oauth/token)
    expect(
      confident('POST https://happy-fox-12.clerk.accounts.dev/oauth/token -> 400 {"error":"invalid_grant"}'),
    ).toEqual(['clerk:invalid_grant']);
  });

  it('without a Clerk clue it is no Clerk error', () => {
    expect(clerk('POST /oauth/token -> 400 {"error":"invalid_grant"}')).toEqual([]);
    expect(confident('POST /oauth/token -> 400 {"error":"invalid_grant"}')).toEqual(['oauth2:invalid_grant']);
  });
});

describe('Supabase Auth: invalid_grant in the older error format', () => {
  // supabase-swift#570's response body, pasted twice in the thread: once after a word of Supabase, once without one.
  const PASSWORD_REFUSED = [
    '{',
    '\t"error": "invalid_grant",',
    '\t"error_description": "Invalid login credentials"',
    '}',
  ];

  it('the password grant refused, as a self-hosted server answered it', () => {
    // https://github.com/supabase/supabase-swift/issues/570
    expect(
      confident(
        [
          'I have updated my server with last supabase, looks like this error still exists. Here is the exact error from the response:',
          '```',
          ...PASSWORD_REFUSED,
          '```',
        ].join('\n'),
      ),
    ).toEqual(['supabase:invalid_grant']);
  });

  it('the Auth server\u2019s own log line', () => {
    // https://github.com/The-Vibe-Company/quivr/issues/1829
    expect(
      confident(
        [
          '@dosubot the supabase-auth start with error in the logs:',
          '{"component":"api","error":"invalid_grant: Invalid login credentials","level":"info","method":"POST","msg":"invalid_grant: Invalid login credentials","path":"/token","referer":"http://localhost:3000/","remote_addr":"172.18.0.1","time":"2023-12-06T08:33:30Z","timestamp":"2023-12-06T08:33:30Z"}',
        ].join('\n'),
      ),
    ).toEqual(['supabase:invalid_grant']);
  });

  it('a refresh refused at /auth/v1/token, with and without its description', () => {
    // https://supabase.com/docs/guides/auth/sessions (refresh tokens are single-use; the token endpoint's refusal)
    expect(
      supabase(
        'POST https://abcd.supabase.co/auth/v1/token?grant_type=refresh_token 400 {"error":"invalid_grant","error_description":"Invalid Refresh Token: Already Used"}',
      ),
    ).toEqual(['supabase:invalid_grant', 'supabase:refresh_token_already_used']);
    expect(
      confident('POST https://abcd.supabase.co/auth/v1/token?grant_type=refresh_token 400 {"error":"invalid_grant"}'),
    ).toEqual(['supabase:invalid_grant']);
  });

  it('without a Supabase clue it stays the standard invalid_grant', () => {
    // https://github.com/supabase/supabase-swift/issues/570 (the first paste, no word of Supabase near it)
    expect(
      confident(['Here is the exact response from the server:', '```json', ...PASSWORD_REFUSED, '```'].join('\n')),
    ).toEqual(['oauth2:invalid_grant']);
    expect(supabase('POST /auth/token -> 400 {"error":"invalid_grant"}')).toEqual([]);
  });
});
