import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the FusionAuth, Clerk and Supabase catalogs: each sample is text people pasted in the public thread
// named above it (shortened where marked, ids left as they were).
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('FusionAuth error_reason invalid_client_id', () => {
  it('the JSON body of a client_id FusionAuth does not know', () => {
    // https://github.com/FusionAuth/fusionauth-issues/issues/445
    const body = [
      '{',
      '  "error" : "invalid_client",',
      '  "error_description" : "client_id: 3c219e58-ed0e-4b18-ad48-f4f92793ae32,IRkY6ekOxO9-252rS8wz19f4bM7Rc-ddhG81V4ou2g0 is not valid.",',
      '  "error_reason" : "invalid_client_id"',
      '}',
    ].join('\n');
    expect(confident(body)).toContain('fusionauth:invalid_client_id');
  });

  it('the same answer after an identity provider altered the state', () => {
    // https://github.com/FusionAuth/fusionauth-issues/issues/338
    const body = [
      '{',
      '  "error" : "invalid_client",',
      '  "error_description" : "client_id: bece1a16-4eda-453f-9c00-ee2f1b6de36b, is not valid.",',
      '  "error_reason" : "invalid_client_id"',
      '}',
    ].join('\n');
    expect(confident(body)).toContain('fusionauth:invalid_client_id');
  });
});

describe('Clerk Frontend API signed_out', () => {
  it('clerk-js reporting a token refresh after sign-out', () => {
    // https://github.com/clerk/javascript/issues/954
    const text = [
      "Uncaught (in promise) Error: ClerkJS: Token refresh failed (error='[Error]",
      'Message:',
      'Status:401',
      `Serialized errors: {"code":"signed_out","message":"Signed out","longMessage":"You are signed out","meta":{}}')`,
    ].join('\n');
    expect(confident(text)).toEqual(['clerk:signed_out']);
  });
});

describe("Supabase Auth's older refresh-token description", () => {
  it('supabase_flutter printing GoTrue\'s bare "Invalid Refresh Token"', () => {
    // https://github.com/supabase/supabase-flutter/issues/171
    const log = [
      '***** SupabaseAuthState handleDeeplink http://localhost:3000/#/',
      'onReceivedAuthDeeplink uri: http://localhost:3000/#/',
      'No access_token detected.',
      'GoTrueException(message: Invalid Refresh Token, statusCode: 400)',
      'Error: GoTrueException(message: Invalid Refresh Token, statusCode: 400)',
    ].join('\n');
    expect(confident(log)).toEqual(['supabase:refresh_token_not_found']);
  });
});
