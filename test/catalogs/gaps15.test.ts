import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the FusionAuth, Clerk and Supabase catalogs: each sample is text people pasted in the public thread
// named above it (shortened where marked, ids left as they were).
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

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
