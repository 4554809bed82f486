import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Firebase Authentication's phone sign-in, account linking, restricted-operation and reCAPTCHA errors as they show
// up in public issue threads: each sample is text people pasted there (the thread above it; tokens redacted as
// posted), then ordinary lines with the same words that must not be read as these Firebase errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['firebase-auth']);

describe('Firebase admin-restricted-operation', () => {
  it('from the JS SDK, FlutterFire before 0.18 and the REST API', () => {
    // https://github.com/googlearchive/firebase-dart/issues/259
    expect(
      confident(
        'FirebaseError: This operation is restricted to administrators only.\n(auth/admin-restricted-operation)',
      ),
    ).toEqual(['firebase-auth:auth/admin-restricted-operation']);
    // https://github.com/firebase/flutterfire/issues/2935
    expect(
      confident(
        'E/flutter (25895): [ERROR:flutter/lib/ui/ui_dart_state.cc(166)] Unhandled Exception: PlatformException(ERROR_ADMIN_RESTRICTED_OPERATION, This operation is restricted to administrators only., null)',
      ),
    ).toEqual(['firebase-auth:auth/admin-restricted-operation']);
    // https://github.com/momander/wheel-spinner/issues/54
    expect(
      ours(
        [
          '{',
          '  "error": {',
          '    "code": 400,',
          '    "message": "ADMIN_ONLY_OPERATION",',
          '    "errors": [',
          '      {',
          '        "message": "ADMIN_ONLY_OPERATION",',
          '        "domain": "global",',
          '        "reason": "invalid"',
          '      }',
          '    ]',
          '  }',
          '}',
          'The call that is being made `https://www.googleapis.com/identitytoolkit/v3/relyingparty/signupNewUser?key=apiKey`',
        ].join('\n'),
      ),
    ).toContain('firebase-auth:auth/admin-restricted-operation');
  });
});

describe('Firebase account linking and phone sign-in', () => {
  it('credential-already-in-use from the Android SDK', () => {
    // https://github.com/EddyVerbruggen/nativescript-plugin-firebase/issues/337
    expect(
      confident(
        'Logging in the user failed. com.google.firebase.auth.FirebaseAuthUserCollisionException: This credential is already associated with a different user account.',
      ),
    ).toEqual(['firebase-auth:auth/credential-already-in-use']);
  });

  it('invalid-verification-code from FlutterFire, old and new', () => {
    // https://github.com/firebase/flutterfire/issues/3644
    expect(
      confident(
        '[firebase_auth/invalid-verification-code] The sms verification code used to create the phone auth credential is invalid. Please resend the verification code sms and be sure use the verification code provided by the user.',
      ),
    ).toEqual(['firebase-auth:auth/invalid-verification-code']);
    // https://github.com/flutter/flutter/issues/44364
    expect(
      confident(
        'PlatformException (PlatformException(ERROR_INVALID_VERIFICATION_CODE, The sms verification code used to create the phone auth credential is invalid. Please resend the verification code sms and be sure use the verification code provided by the user., null))',
      ),
    ).toEqual(['firebase-auth:auth/invalid-verification-code']);
  });

  it('invalid-phone-number from React Native Firebase and the Android SDK', () => {
    // https://github.com/invertase/react-native-firebase/issues/4591
    expect(
      confident(
        'Error: [auth/invalid-phone-number] The format of the phone number provided is incorrect. Please enter the phone number in a format that can be parsed into E.164 format. E.164 phone numbers are written in the format [+][country code][subscriber number including area code]. [ Invalid format. ]',
      ),
    ).toEqual(['firebase-auth:auth/invalid-phone-number']);
    // https://github.com/firebase/FirebaseUI-Android/issues/2015
    expect(
      ours(
        [
          'E/FirebaseAuth: [SmsRetrieverHelper] SMS verification code request failed: unknown status code: 17042 TOO_SHORT',
          'E/AuthUI: A sign-in error occurred.',
          '    com.google.firebase.auth.FirebaseAuthInvalidCredentialsException: The format of the phone number provided is incorrect. Please enter the phone number in a format that can be parsed into E.164 format. E.164 phone numbers are written in the format [+][country code][subscriber number including area code]. [ TOO_SHORT ]',
        ].join('\n'),
      ),
    ).toEqual(['firebase-auth:auth/invalid-phone-number']);
  });

  it('quota-exceeded and captcha-check-failed', () => {
    // https://github.com/firebase/firebase-js-sdk/issues/2824
    expect(
      ours("I occasionally see this error, in production: `The project's quota for this operation has been exceeded.`"),
    ).toEqual(['firebase-auth:auth/quota-exceeded']);
    // https://github.com/FirebaseExtended/flutterfire_desktop/issues/128
    expect(
      ours(
        '[firebase_auth/captcha-check-failed] The provided reCAPTCHA response token is invalid, expired, already used, or the field associated with it does not match the fields in the whitelist.',
      ),
    ).toEqual(['firebase-auth:auth/captcha-check-failed']);
  });

  it('the codes alone, as people search for them', () => {
    expect(best('auth/missing-password')).toBe('firebase-auth:auth/missing-password');
    expect(best('Firebase: Error (auth/missing-client-type).')).toBe('firebase-auth:auth/missing-client-type');
    expect(best('auth/quota-exceeded phone sign in')).toBe('firebase-auth:auth/quota-exceeded');
  });
});

describe('ordinary lines with the same words', () => {
  it('are not read as these Firebase errors', () => {
    for (const line of [
      'Error: missing password for user admin in config.yml',
      'Invalid verification code, please try again.',
      'QUOTA_EXCEEDED: daily request limit reached for the Maps API',
      'The phone number format is invalid; use digits only.',
      'This credential is already in use by the deploy job.',
      'Only administrators can restrict this operation.',
      'captcha check failed, retrying in 5s',
    ]) {
      expect(ours(line), line).toEqual([]);
    }
  });
});
