import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Firebase Authentication's multi-factor, custom token, linking and provider-token errors, GitHub's GraphQL
// INSUFFICIENT_SCOPES message, Meta's appsecret_proof refusals and login dialog's development-mode page, and
// Microsoft Graph's AccessDenied for tokens without scp or roles, as they show up in public issue threads and Q&A:
// each sample is text people pasted there (the thread above it; tokens and ids redacted as posted), then ordinary
// lines with the same words that must not be read as these errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const among = (text: string, providers: string[]) => confidentAmong(resolver, text, providers);

describe('Firebase Authentication', () => {
  it('CREDENTIAL_TOO_OLD_LOGIN_AGAIN in the Android SDK log', () => {
    // https://github.com/firebase/FirebaseUI-Android/issues/720
    expect(
      among(
        [
          'BasicNetwork.performRequest: Unexpected response code 400 for https://www.googleapis.com/identitytoolkit/v3/relyingparty/deleteAccount?key=AIzaSyDB8EzJmI4G7rSSMcRVaoZGRyFK4q8rlU8',
          '05-21 09:33:26.151 3452-6141/? I/AuthChimeraService: Error description received from server: {',
          '                                                       "error": {',
          '                                                        "errors": [',
          '                                                         {',
          '                                                          "domain": "global",',
          '                                                          "reason": "invalid",',
          '                                                          "message": "CREDENTIAL_TOO_OLD_LOGIN_AGAIN"',
          '                                                         }',
          '                                                        ],',
          '                                                        "code": 400,',
          '                                                        "message": "CREDENTIAL_TOO_OLD_LOGIN_AGAIN"',
          '                                                       }',
          '                                                      }',
        ].join('\n'),
        ['firebase-auth'],
      ),
    ).toEqual(['firebase-auth:auth/requires-recent-login']);
    expect(best('CREDENTIAL_TOO_OLD_LOGIN_AGAIN')).toBe('firebase-auth:auth/requires-recent-login');
  });

  it('multi-factor-auth-required from FlutterFire on the web, broken over two lines', () => {
    // https://github.com/firebase/flutterfire/issues/11113
    expect(
      among(
        [
          'The following FirebaseAuthException was thrown:',
          '[firebase_auth/unknown] An unknown error occurred: FirebaseError: Firebase: Proof of ownership of a',
          'second factor is required to complete sign-in. (auth/multi-factor-auth-required).',
        ].join('\n'),
        ['firebase-auth'],
      ),
    ).toEqual(['firebase-auth:auth/multi-factor-auth-required']);
    expect(best('auth/multi-factor-auth-required')).toBe('firebase-auth:auth/multi-factor-auth-required');
  });

  it('invalid-custom-token from FlutterFire, the iOS SDK and the REST API', () => {
    // https://github.com/firebase/flutterfire/issues/6365
    expect(
      confident(
        '[ERROR:flutter/lib/ui/ui_dart_state.cc(199)] Unhandled Exception: Unhandled error [firebase_auth/invalid-custom-token] The custom token format is incorrect. Please check the documentation. [ Invalid assertion format. ]',
      ),
    ).toEqual(['firebase-auth:auth/invalid-custom-token']);
    // https://github.com/googlearchive/firebase-token-generator-php/issues/30
    expect(
      confident(
        'Error : Error Domain=FIRAuthErrorDomain Code=17000 "The custom token format is incorrect. Please check the documentation." UserInfo={NSLocalizedDescription=The custom token format is incorrect. Please check the documentation., error_name=ERROR_INVALID_CUSTOM_TOKEN}',
      ),
    ).toEqual(['firebase-auth:auth/invalid-custom-token']);
    // https://github.com/googleapis/php-jwt/issues/127
    expect(
      among(
        [
          '{',
          ' "error": {',
          '  "errors": [',
          '   {',
          '    "domain": "global",',
          '    "reason": "invalid",',
          '    "message": "INVALID_CUSTOM_TOKEN"',
          '   }',
          '  ],',
          '  "code": 400,',
          '  "message": "INVALID_CUSTOM_TOKEN"',
          ' }',
          '}',
        ].join('\n'),
        ['firebase-auth'],
      ),
    ).toEqual(['firebase-auth:auth/invalid-custom-token']);
  });

  it('custom-token-mismatch and provider-already-linked', () => {
    // https://github.com/chat21/chat21-web-widget/issues/37
    expect(
      among('We are currently getting the following error: The custom token corresponds to a different audience.', [
        'firebase-auth',
      ]),
    ).toEqual(['firebase-auth:auth/custom-token-mismatch']);
    // https://github.com/capawesome-team/capacitor-firebase/issues/315
    expect(
      confident(
        'ERROR MESSAGE:  {"errorMessage":"[ERROR_PROVIDER_ALREADY_LINKED] - User can only be linked to one identity for the given provider.","message":"[ERROR_PROVIDER_ALREADY_LINKED] - User can only be linked to one identity for the given provider."}',
      ),
    ).toEqual(['firebase-auth:auth/provider-already-linked']);
    expect(best('auth/custom-token-mismatch')).toBe('firebase-auth:auth/custom-token-mismatch');
  });

  it("a provider token for another client: Google's Invalid Idp Response and Apple's audience", () => {
    // https://github.com/davideast/firebase-react-native-sample/issues/30
    expect(
      among(
        'message:"{"error":{"errors":[{"domain":"global","reason":"invalid","message":"Invalid Idp Response: the Google id_token is not allowed to be used with this application. Its audience (OAuth 2.0 client ID) is 907575791000-111507729qcg9q903inpunsuaqbfpuga.apps.googleusercontent.com, which is not authorized to be used in the project with project_number: 439665506444."}],"code":400,"message":"Invalid Idp Response: the Google id_token is not allowed to be used with this application. Its audience (OAuth 2.0 client ID) is 907575791000-111507729qcg9q903inpunsuaqbfpuga.apps.googleusercontent.com, which is not authorized to be used in the project with project_number: 444665506444."}}"',
        ['firebase-auth'],
      ),
    ).toEqual(['firebase-auth:auth/invalid-credential']);
    // https://github.com/invertase/react-native-apple-authentication/issues/310
    expect(
      confident(
        '`[Error: [auth/invalid-credential] The supplied auth credential is malformed or has expired. [ The audience in ID Token [com.mytoken.android] does not match the expected audience. ]]`',
      ),
    ).toContain('firebase-auth:auth/invalid-credential');
    // https://github.com/tomgilder/flutter_apple_sign_in/issues/41
    expect(
      confident(
        'flutter: error PlatformException(ERROR_INVALID_CREDENTIAL, The audience in ID Token [abc.def.app] does not match the expected audience abc.def.app., null)',
      ),
    ).toContain('firebase-auth:auth/invalid-credential');
    expect(best('INVALID_IDP_RESPONSE')).toBe('firebase-auth:auth/invalid-credential');
  });
});

describe('GitHub GraphQL INSUFFICIENT_SCOPES', () => {
  it('the message the GraphQL API returns, and typed questions', () => {
    // https://github.com/mntnr/name-your-contributors/issues/67
    expect(
      confident(
        [
          '{',
          '  "data": null,',
          '  "errors": [',
          '    {',
          `      "message": "Your token has not been granted the required scopes to execute this query. The 'email' field requires one of the following scopes: ['user:email', 'read:user'], but your token has only been granted the: ['repo'] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.",`,
          '      "locations": [',
          '        {',
          '          "line": 9,',
          '          "column": 1',
          '        }',
          '      ]',
          '    }',
          '  ]',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['github:graphql-insufficient-scopes']);
    expect(best('Your token has not been granted the required scopes to execute this query')).toBe(
      'github:graphql-insufficient-scopes',
    );
    expect(best('github graphql insufficient scopes')).toBe('github:graphql-insufficient-scopes');
  });
});

describe('Meta appsecret_proof and development mode', () => {
  it('Invalid appsecret_proof from the Graph API and the PHP SDK', () => {
    // https://github.com/facebook/facebook-python-business-sdk/issues/528
    expect(
      confident(
        [
          'Status:  400',
          '  Response:',
          '    {',
          '      "error": {',
          '        "message": "Invalid appsecret_proof provided in the API argument",',
          '        "type": "GraphMethodException",',
          '        "code": 100,',
          '        "fbtrace_id": "E0JetexnRIn"',
          '      }',
          '    }',
        ].join('\n'),
      ),
    ).toEqual(['meta:GraphMethodException']);
    // https://github.com/facebookarchive/php-graph-sdk/issues/1117
    expect(confident('Graph returned an error: Invalid appsecret_proof provided in the API argument')).toEqual([
      'meta:GraphMethodException',
    ]);
  });

  it('a missing appsecret_proof with Require App Secret on', () => {
    // https://github.com/sromku/android-simple-facebook/issues/160
    expect(
      confident(
        'GetAction(6545): {FacebookServiceException: httpResponseCode: 400, facebookErrorCode: 100, facebookErrorType: GraphMethodException, message: API calls from the server require an appsecret_proof argument}',
      ),
    ).toEqual(['meta:GraphMethodException']);
    // https://github.com/jaredhanson/passport-facebook/issues/194
    expect(
      among('FacebookGraphAPIError: API calls from the server require an appsecret_proof argument', ['meta']),
    ).toEqual(['meta:GraphMethodException']);
  });

  it("the login dialog's App Not Setup page", () => {
    // https://github.com/facebookarchive/php-graph-sdk/issues/413
    expect(
      confident(
        "App Not Setup: This app is still in development mode, and you don't have access to it. Switch to a registered test user or ask an app admin for permissions.",
      ),
    ).toEqual(['meta:app-not-setup-development-mode']);
    // https://github.com/binary-com/binary-bot/issues/2635
    expect(
      confident(
        `"App Not Setup: This app is still in development mode, and you don't have access to it. Switch to a registered test user or ask an app admin for permissions."`,
      ),
    ).toEqual(['meta:app-not-setup-development-mode']);
    // https://github.com/WebPurple/site/issues/91
    expect(
      confident(
        "> App Not Setup: This app is still in development mode, and you don't have access to it. Switch to a registered test user or ask an app admin for permissions.",
      ),
    ).toEqual(['meta:app-not-setup-development-mode']);
  });
});

describe('Microsoft Graph AccessDenied without scp or roles', () => {
  it('from the REST API, the Java SDK and the CLI for Microsoft 365', () => {
    // https://github.com/microsoftgraph/microsoft-graph-docs/issues/7766
    expect(
      among(
        [
          "{'error': {",
          "    'code': 'AccessDenied',",
          "    'message': 'Either scp or roles claim need to be present in the token.'",
          '}}',
        ].join('\n'),
        ['microsoft-graph'],
      ),
    ).toEqual(['microsoft-graph:AccessDenied']);
    // https://learn.microsoft.com/en-us/answers/questions/944528/geeting-access-denied-exception-while-fetching-sit
    expect(
      confident(
        [
          'com.microsoft.graph.http.GraphServiceException: Error code: AccessDenied',
          'Error message: Either scp or roles claim need to be present in the token.',
        ].join('\n'),
      ),
    ).toEqual(['microsoft-graph:AccessDenied']);
    // https://github.com/pnp/cli-microsoft365/issues/1738
    expect(
      among('Error: 403 AccessDenied Either scp or roles claim need to be present in the token.', ['microsoft-graph']),
    ).toEqual(['microsoft-graph:AccessDenied']);
  });

  it('the older wording', () => {
    // https://github.com/AlexFilipin/ConditionalAccess/issues/10
    expect(
      confident(
        [
          'Invoke-RestMethod : {',
          '  "error": {',
          '    "code": "AccessDenied",',
          '    "message": "You cannot perform the requested operation, required scopes are missing in the token.",',
          '    "innerError": {',
          '      "date": "2020-10-15T12:44:40",',
          '      "request-id": "76d8b152-ffff-4286-8181-89a33effcc38",',
          '      "client-request-id": "76d8b152-ffff-4286-8181-89a33effcc38"',
          '    }',
          '  }',
          '}',
        ].join('\n'),
      ),
    ).toEqual(['microsoft-graph:AccessDenied']);
  });
});

describe('ordinary lines with the same words', () => {
  it('are not read as these errors', () => {
    for (const line of [
      'The app is still in development mode, so some features are hidden.',
      'Access denied: the S3 bucket policy does not allow this request (AccessDenied)',
      'Your token has expired, please log in again.',
      'Second factor is required for admins; see the security policy.',
      'The custom token field is optional in the config file.',
      'Each user can only be linked to one team at a time.',
      'Make sure the roles claim is mapped in the JWT middleware.',
      'Invalid argument provided to the API: limit must be positive',
      'Multi-factor authentication is required for this account.',
    ]) {
      expect(confident(line), line).toEqual([]);
    }
  });
});
